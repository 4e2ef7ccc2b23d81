/// What happened to one input path: checked, checked with a warning, or skipped, and why.
public struct DocumentReport: Hashable, Sendable {
  /// Outcome for one input.
  public enum Status: String, Hashable, Sendable, Codable {
    /// Read and checked.
    case checked
    /// Not checked; `reason` says why (binary, empty, unreadable, missing).
    case skipped
  }

  /// The path, as given or as found under a given directory.
  public var path: String
  /// Checked or skipped.
  public var status: Status
  /// Why it was skipped, or what was repaired ("invalid UTF-8 replaced at 3:14").
  public var reason: String?
  /// Detected or declared language.
  public var language: String?
  /// Publication date, when known.
  public var published: Day?
  /// Where the publication date came from: `front-matter`, `option`, `dateline`.
  public var publishedSource: String?
  /// Title from front matter, if any.
  public var title: String?
  /// Outlet from front matter, if any.
  public var source: String?
  /// The article's public address, from front matter, if any.
  public var url: String?
  /// The article's author, from front matter, if any.
  public var author: String?
  /// The article's subject: its most-mentioned entity.
  public var subject: String?
  /// Number of claims extracted.
  public var claimCount: Int
  /// Whether this is a path a directory walk met and passed over — a hidden entry, a file with another
  /// extension, a link back into the walk, a second path to a file already read — rather than an input
  /// that could not be checked. Listed so that every file is accounted for, counted per reason in the text
  /// report, and no failure under `--strict`.
  public var isPassedOver: Bool

  /// Creates a report.
  package init(path: String, status: Status, reason: String? = nil, language: String? = nil, published: Day? = nil,
              publishedSource: String? = nil, title: String? = nil, source: String? = nil, subject: String? = nil,
              claimCount: Int = 0, isPassedOver: Bool = false) {
    self.path = path
    self.status = status
    self.reason = reason
    self.language = language
    self.published = published
    self.publishedSource = publishedSource
    self.title = title
    self.source = source
    self.subject = subject
    self.claimCount = claimCount
    self.isPassedOver = isPassedOver
  }
}
