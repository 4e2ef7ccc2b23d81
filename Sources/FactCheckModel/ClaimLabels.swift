import Synchronization

/// What the claims of one rule say alike: the rule's id, the attribute, the unit and the language, kept once for
/// all of them.
///
/// A run keeps every claim until it is reconciled (issue 15: peak memory per claim kept). Four strings in every
/// claim were 64 of its bytes; a reference to labels shared by every claim that has the same four is 8.
final class ClaimLabels: Sendable {
  let rule: String
  let attribute: String
  let unit: String?
  let language: String

  private init(rule: String, attribute: String, unit: String?, language: String) {
    self.rule = rule
    self.attribute = attribute
    self.unit = unit
    self.language = language
  }

  /// The labels every claim with these four shares.
  ///
  /// A rule's claims differ at most in unit (a currency), so a run meets a few hundred sets. The table lives as
  /// long as the process (a server's), so it is bounded: past ``sharedLimit`` sets, or for labels longer than
  /// ``sharedLength`` bytes (claims read from a stream of anyone's making), a claim gets labels of its own.
  static func shared(rule: String, attribute: String, unit: String?, language: String) -> ClaimLabels {
    let length = rule.utf8.count + attribute.utf8.count + (unit?.utf8.count ?? 0) + language.utf8.count
    guard length <= sharedLength else { return ClaimLabels(rule: rule, attribute: attribute, unit: unit, language: language) }
    let key = Key(rule: rule, attribute: attribute, unit: unit, language: language)
    return table.withLock { table in
      if let labels = table[key] { return labels }
      let labels = ClaimLabels(rule: rule, attribute: attribute, unit: unit, language: language)
      if table.count < sharedLimit { table[key] = labels }
      return labels
    }
  }

  /// Whether two labels say the same (compared by identity first: shared labels are one object).
  func isEqual(to other: ClaimLabels) -> Bool {
    self === other || (rule == other.rule && attribute == other.attribute && unit == other.unit && language == other.language)
  }

  static let sharedLimit = 4_096
  static let sharedLength = 256

  private struct Key: Hashable {
    var rule: String
    var attribute: String
    var unit: String?
    var language: String
  }

  private static let table = Mutex<[Key: ClaimLabels]>([:])
}
