import Synchronization

/// A claim's entity name, shared by the claims that name the same entity: a reference is half an optional
/// `String`, and a name longer than 15 bytes (a `String` stores shorter ones inline) is kept once, not once
/// per claim.
final class ClaimEntity: Sendable {
  let name: String

  private init(_ name: String) { self.name = name }

  /// The shared reference for `name`. The table is bounded (as ``ClaimLabels``'s is): past it, or for a
  /// very long name, a reference of its own.
  static func shared(_ name: String) -> ClaimEntity {
    guard name.utf8.count <= ClaimLabels.sharedLength else { return ClaimEntity(name) }
    return table.withLock { table in
      if let entity = table[name] { return entity }
      let entity = ClaimEntity(name)
      if table.count < sharedLimit { table[name] = entity }
      return entity
    }
  }

  /// Distinct names shared at most (a long-running server sees ever more names).
  static let sharedLimit = 65_536

  private static let table = Mutex<[String: ClaimEntity]>([:])
}
