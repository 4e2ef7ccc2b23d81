/// How serious a finding is, from a note to an error; ordered.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  /// Worth a look: a spelling variant, a generic-quantity disagreement.
  case note
  /// Probably wrong: hedged figures that disagree, arithmetic that does not add up.
  case warning
  /// Wrong: exact figures for the same thing and time that cannot both be true.
  case error

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  /// Whether `lhs` is less serious than `rhs`, so that sorting by severity puts errors last and
  /// `max()` gives a run's worst.
  ///
  /// - Parameters:
  ///   - lhs: A severity.
  ///   - rhs: Another.
  /// - Returns: `true` when `lhs` is the less serious (a note before a warning before an error).
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

extension Severity {
  /// One level down: hedged disagreements are warnings, not errors.
  package var lowered: Severity {
    switch self {
    case .error: return .warning
    case .warning, .note: return .note
    }
  }
}
