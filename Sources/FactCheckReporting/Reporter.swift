import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Formats a ``CheckResult`` for one kind of reader. Reporters format; they never compute findings.
///
/// Because every reporter reads the same result, the text report, the JSON, SARIF and the HTML page never
/// disagree about what was found. Conform to it to add a format of your own.
public protocol Reporter: Sendable {
  /// The name used with `--format` and `--output FORMAT=PATH`.
  static var identifier: String { get }
  /// One line for `--help`.
  static var description: String { get }
  /// The report, whole, as the text to print or write to a file.
  ///
  /// - Parameter result: What a run produced.
  /// - Returns: The report; it ends with a line break.
  func report(_ result: CheckResult) -> String
}

/// Options every reporter may honour.
///
/// One set of options for every format, so that a run writing several reports (`--output json=… --output
/// html=…`) configures them once; each reporter reads the options that concern it and ignores the rest.
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
  /// The organisation that publishes the reviews (ClaimReview `author.name`); default `FactCheck`.
  public var reviewAuthor: String?
  /// The publishing organisation's address (ClaimReview `author.url`); left out when not given.
  public var reviewAuthorURL: String?
  /// ClaimReview as an HTML `<script type="application/ld+json">` element, to paste into a page.
  public var embed: Bool

  /// Creates options; the defaults suit a report written to a file.
  ///
  /// - Parameters:
  ///   - color: ANSI colours, for a terminal (text report).
  ///   - listClaims: Also list every claim, not only those findings cite (text report).
  ///   - baseDirectory: The absolute directory relative paths are relative to (SARIF's `SRCROOT`,
  ///     ClaimReview's `file:` URLs); `nil` keeps paths as given.
  ///   - date: The day reports are dated (ClaimReview); `nil` for today.
  ///   - reviewURLBase: The address of the page that publishes the reviews (ClaimReview).
  ///   - reviewAuthor: The organisation that publishes the reviews (ClaimReview); `nil` for `FactCheck`.
  ///   - reviewAuthorURL: That organisation's address (ClaimReview).
  ///   - embed: ClaimReview inside an HTML `<script type="application/ld+json">` element.
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
///
/// The command line's `--format` and `--output FORMAT=PATH` go through here, so a program that lets its users
/// pick a format by name gets the same names.
public enum Reporters {
  /// Every reporter type, in the order help lists them.
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, SARIFReporter.self, HTMLReporter.self, ClaimReviewReporter.self,
  ]

  /// The reporter for an identifier, configured with `options`.
  ///
  /// - Parameters:
  ///   - identifier: A reporter's ``Reporter/identifier`` (`text`, `json`, `sarif`, `html`, `claimreview`),
  ///     in any case.
  ///   - options: The options to give it.
  /// - Returns: The reporter, or `nil` for an unknown identifier.
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

  /// Identifiers, for help and for the error message that lists what an unknown one could have been.
  public static var identifiers: [String] { all.map { $0.identifier } }
}
