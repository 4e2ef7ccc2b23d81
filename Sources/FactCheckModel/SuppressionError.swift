/// A suppression that cannot be read: a malformed `factcheck-ignore` comment in an article, or a baseline
/// file that is not one. Each names the file, line and column.
public struct SuppressionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  package enum Kind: Hashable, Sendable {
    /// A `<!--` comment with a directive that is never closed by `-->`.
    case unclosedComment
    /// `factcheck-…` that is no directive; `suggestion` is the nearest one.
    case unknownDirective(name: String, suggestion: String?)
    /// A check name with characters no check id has.
    case invalidCheck(text: String)
    /// A directive with nothing after it to silence (the end of the file).
    case nothingToSuppress(directive: String)
    /// A baseline file without its header line.
    case notABaseline
    /// A baseline line whose first field is not a fingerprint.
    case invalidFingerprint(text: String)
    /// A baseline file that cannot be read.
    case unreadable(reason: String)
  }

  /// What is wrong.
  package var kind: Kind
  /// Where: the comment's or the baseline line's file, line and column, so an editor can jump there.
  public var location: SourceLocation
  /// The line, for a caret display.
  package var sourceLine: String?

  /// Creates an error.
  package init(_ kind: Kind, at location: SourceLocation, sourceLine: String? = nil) {
    self.kind = kind
    self.location = location
    self.sourceLine = sourceLine
  }

  /// What is wrong and what to do.
  public var message: String {
    switch kind {
    case .unclosedComment:
      return "suppression comment is never closed; end it with '-->'"
    case .unknownDirective(let name, let suggestion):
      let known = Suppression.commentDirectives.joined(separator: ", ")
      return "unknown suppression directive '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; use one of \(known)")
    case .invalidCheck(let text):
      return "'\(text)' is not a check or finding id (letters, digits, '/', ':', '.', '_', '-', and a final '*')"
    case .nothingToSuppress(let directive):
      return "'\(directive)' has no paragraph or line after it to silence"
    case .notABaseline:
      return "not a factcheck baseline: the first line must be '\(Baseline.header)'; write one with --write-baseline FILE"
    case .invalidFingerprint(let text):
      return "'\(text)' is not a finding fingerprint (fc1: and 16 hexadecimal digits); regenerate the file with --write-baseline"
    case .unreadable(let reason):
      return "cannot read the baseline: \(reason)"
    }
  }

  /// `path:line:column: error: message`, the compiler convention editors and terminals turn into links.
  public var description: String { "\(location): error: \(message)" }

  /// The error as a run diagnostic.
  package var diagnostic: Diagnostic {
    Diagnostic(severity: .error, category: .input, location: location, message: message, sourceLine: sourceLine)
  }
}
