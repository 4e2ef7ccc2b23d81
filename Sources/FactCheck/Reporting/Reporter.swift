/// Formats a ``CheckResult`` for one kind of reader. Reporters format; they never compute findings.
public protocol Reporter: Sendable {
  /// The name used with `--format` and `--output FORMAT=PATH`.
  static var identifier: String { get }
  /// One line for `--help`.
  static var description: String { get }
  /// The report.
  func report(_ result: CheckResult) -> String
}

/// Options every reporter may honour.
public struct ReportOptions: Sendable {
  /// ANSI colours (terminal only).
  public var color: Bool
  /// Also list every claim (the `claims` command).
  public var listClaims: Bool

  /// Creates options.
  public init(color: Bool = false, listClaims: Bool = false) {
    self.color = color
    self.listClaims = listClaims
  }
}

/// The reporters the checker knows, looked up by identifier.
public enum Reporters {
  /// Every reporter type.
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self,
  ]

  /// The reporter for an identifier, configured with `options`.
  public static func reporter(_ identifier: String, options: ReportOptions = ReportOptions()) -> (any Reporter)? {
    switch identifier.lowercased() {
    case TextReporter.identifier: return TextReporter(options: options)
    case JSONReporter.identifier: return JSONReporter(options: options)
    default: return nil
    }
  }

  /// Identifiers, for help and error messages.
  public static var identifiers: [String] { all.map { $0.identifier } }
}
