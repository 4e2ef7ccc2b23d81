import FactCheck
import GRDB

/// An article as the archive keeps it: where it came from, what it said about itself, and what extracted it.
public struct ArchivedDocument: Hashable, Sendable {
  /// The path (or URL) the article was added under, as given.
  public var path: String
  /// The digest of its text when it was added.
  public var contentHash: String
  /// The fingerprint of the rules that extracted its claims.
  public var rulesFingerprint: String
  /// Title from its front matter.
  public var title: String?
  /// Publication date.
  public var published: Day?
  /// Where the publication date came from (`front-matter`, `option`, `dateline`).
  public var publishedSource: String?
  /// Outlet.
  public var source: String?
  /// Language.
  public var language: String?
  /// The article's subject, its most-mentioned entity.
  public var subject: String?
  /// What was repaired while reading it (invalid UTF-8 replaced …), if anything.
  public var warning: String?
  /// Number of claims archived.
  public var claimCount: Int
  /// When it was added (ISO 8601, UTC).
  public var added: String

  /// The document as reporters list it: checked, with its front-matter facts.
  package var report: DocumentReport {
    DocumentReport(path: path, status: .checked, reason: warning, language: language, published: published,
                   publishedSource: publishedSource, title: title, source: source, subject: subject, claimCount: claimCount)
  }

  static let selectColumns = """
    path, content_hash, rules_fingerprint, title, published, published_source, source, language, subject, warning,
    claim_count, added
    """

  init(row: Row) {
    path = row[0]
    contentHash = row[1]
    rulesFingerprint = row[2]
    title = row[3]
    published = (row[4] as String?).flatMap(Day.init(iso:))
    publishedSource = row[5]
    source = row[6]
    language = row[7]
    subject = row[8]
    warning = row[9]
    claimCount = row[10]
    added = row[11]
  }

  init(report: DocumentReport, contentHash: String, rulesFingerprint: String, added: String) {
    path = report.path
    self.contentHash = contentHash
    self.rulesFingerprint = rulesFingerprint
    title = report.title
    published = report.published
    publishedSource = report.publishedSource
    source = report.source
    language = report.language
    subject = report.subject
    warning = report.reason
    claimCount = report.claimCount
    self.added = added
  }
}

/// What `archive stats` shows.
public struct ArchiveStatistics: Sendable {
  /// Articles archived.
  public var documents: Int
  /// Claims archived.
  public var claims: Int
  /// Distinct entities named by claims.
  public var entities: Int
  /// Claims per attribute, most frequent first.
  public var attributes: [(name: String, count: Int)]
  /// Articles per language.
  public var languages: [(name: String, count: Int)]
  /// Earliest and latest publication dates.
  public var publishedRange: (first: Day, last: Day)?
  /// Distinct rule fingerprints the claims were extracted with (more than one: some articles predate a rule change).
  public var ruleFingerprints: Int
  /// Size of the database file and its write-ahead log, in bytes.
  public var bytes: Int64
  /// Schema migrations applied.
  public var schemaVersion: String
}

/// A claim found by `archive search`, with the article it is from.
public struct ArchiveSearchHit: Sendable, Hashable {
  /// The claim.
  public var claim: Claim
  /// Its article's title.
  public var title: String?
  /// Its article's publication date.
  public var published: Day?
}
