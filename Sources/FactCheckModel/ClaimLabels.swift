import Synchronization

/// What the claims of one rule say alike: the rule's id, the attribute, the unit and the language, kept once for
/// all of them.
///
/// A run keeps every claim until it is reconciled (issue 15: peak memory per claim kept). Four strings in every
/// claim were 64 of its bytes; a reference to labels shared by every claim that has the same four is 8.
final class ClaimLabels: Sendable {
  /// The four, as they are compared and looked up.
  struct Values: Hashable {
    var rule: String
    var attribute: String
    var unit: String?
    var language: String
  }

  let values: Values

  private init(_ values: Values) { self.values = values }

  /// The labels every claim with these four shares.
  ///
  /// A rule's claims differ at most in unit (a currency), so a run meets a few hundred sets. The table lives as
  /// long as the process (a server's), so it is bounded: past ``sharedLimit`` sets, or for labels longer than
  /// ``sharedLength`` bytes (claims read from a stream of anyone's making), a claim gets labels of its own.
  static func shared(_ values: Values) -> ClaimLabels {
    let length = values.rule.utf8.count + values.attribute.utf8.count + (values.unit?.utf8.count ?? 0) + values.language.utf8.count
    guard length <= sharedLength else { return ClaimLabels(values) }
    return table.withLock { table in
      if let labels = table[values] { return labels }
      let labels = ClaimLabels(values)
      if table.count < sharedLimit { table[values] = labels }
      return labels
    }
  }

  /// Whether two labels say the same (compared by identity first: shared labels are one object).
  func isEqual(to other: ClaimLabels) -> Bool { self === other || values == other.values }

  static let sharedLimit = 4_096
  static let sharedLength = 256

  private static let table = Mutex<[Values: ClaimLabels]>([:])
}
