/// A problem met during a run that is not a finding about the articles: a broken rule file, an
/// unreadable article, a rule that hit PCRE2's match limit. Nothing is dropped silently; each becomes one.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
  /// What part of the run it concerns.
  public enum Category: String, Hashable, Sendable, Codable {
    /// A rule, lexicon, entity or attribute file.
    case rules
    /// An article that could not be read, or was read with repairs.
    case input
    /// A rule that could not finish on an article (match limit, JIT stack).
    case matching
  }

  /// `error` stops a rule or an article from being used; `warning` means it was used with a caveat.
  public var severity: Severity
  /// Whether it concerns the rules, an article or a match, so that a reader knows whom to tell.
  public var category: Category
  /// Where it is, when known.
  public var location: SourceLocation?
  /// What is wrong, and what to do.
  public var message: String
  /// The rule concerned, if any.
  public var ruleID: String?
  /// The offending source line, for a caret display.
  public var sourceLine: String?

  /// Creates a diagnostic.
  package init(severity: Severity, category: Category, location: SourceLocation?, message: String,
              ruleID: String? = nil, sourceLine: String? = nil) {
    self.severity = severity
    self.category = category
    self.location = location
    self.message = message
    self.ruleID = ruleID
    self.sourceLine = sourceLine
  }

  /// `path:line:column: error: message`, the compiler convention.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message)"
  }
}
