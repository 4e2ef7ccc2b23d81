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

  /// Labels of their own, for one claim changed by hand.
  static func own(rule: String, attribute: String, unit: String?, language: String) -> ClaimLabels {
    ClaimLabels(rule: rule, attribute: attribute, unit: unit, language: language)
  }

  /// The labels every claim with these four shares.
  ///
  /// A rule's claims differ only in unit (a currency) at most, so a run meets a few hundred sets; past
  /// ``sharedLimit`` (claims read from a stream of anyone's making) each claim gets labels of its own, so that
  /// the table stays small in a process that lives long.
  static func shared(rule: String, attribute: String, unit: String?, language: String) -> ClaimLabels {
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

  private struct Key: Hashable {
    var rule: String
    var attribute: String
    var unit: String?
    var language: String
  }

  private static let table = Mutex<[Key: ClaimLabels]>([:])
}
