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
  /// The directory relative document paths are relative to (the working directory of the run), as an
  /// absolute path. SARIF records it as the `SRCROOT` base and shortens absolute paths under it;
  /// ClaimReview turns paths into `file:` URLs with it. `nil` keeps paths as given, so output does not
  /// depend on where it was produced.
  public var baseDirectory: String?
  /// The day reports are dated (ClaimReview's `datePublished`); `nil` means today.
  public var date: Day?
  /// The address of the page that publishes the ClaimReview report (`--review-url-base`): each review's
  /// `url` is this address with the review's anchor. Without it a review's `url` is its article's public
  /// address (front matter `url`, or a `source` that is an address), and is left out when neither is known.
  public var reviewURLBase: String?
  /// The organisation that publishes the reviews (ClaimReview `author.name`); default ``ToolInfo/name``.
  public var reviewAuthor: String?
  /// The publishing organisation's address (ClaimReview `author.url`); left out when not given.
  public var reviewAuthorURL: String?
  /// ClaimReview as an HTML `<script type="application/ld+json">` element, to paste into a page.
  public var embed: Bool

  /// Creates options.
  public init(color: Bool = false, listClaims: Bool = false, baseDirectory: String? = nil, date: Day? = nil,
              reviewURLBase: String? = nil, reviewAuthor: String? = nil, reviewAuthorURL: String? = nil, embed: Bool = false) {
    self.color = color
    self.listClaims = listClaims
    self.baseDirectory = baseDirectory
    self.date = date
    self.reviewURLBase = reviewURLBase
    self.reviewAuthor = reviewAuthor
    self.reviewAuthorURL = reviewAuthorURL
    self.embed = embed
  }
}

/// The reporters the checker knows, looked up by identifier.
public enum Reporters {
  /// Every reporter type.
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, SARIFReporter.self, HTMLReporter.self, ClaimReviewReporter.self,
  ]

  /// The reporter for an identifier, configured with `options`.
  public static func reporter(_ identifier: String, options: ReportOptions = ReportOptions()) -> (any Reporter)? {
    switch identifier.lowercased() {
    case TextReporter.identifier: return TextReporter(options: options)
    case JSONReporter.identifier: return JSONReporter(options: options)
    case SARIFReporter.identifier: return SARIFReporter(options: options)
    case HTMLReporter.identifier: return HTMLReporter(options: options)
    case ClaimReviewReporter.identifier: return ClaimReviewReporter(options: options)
    default: return nil
    }
  }

  /// Identifiers, for help and error messages.
  public static var identifiers: [String] { all.map { $0.identifier } }
}
