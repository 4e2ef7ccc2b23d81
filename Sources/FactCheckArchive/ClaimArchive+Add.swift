import Dispatch
import FactCheck
import Foundation
import GRDB

extension ClaimArchive {
  /// Articles per transaction: small enough that an interrupted run loses little, large enough that the
  /// commit (a WAL append and a sync) costs little next to extraction.
  package static let batchSize = 64

  /// Adds articles (files, or directories walked as `factcheck check` walks them) to the archive.
  ///
  /// An article already archived under the same path with the same text and the same rule fingerprint is
  /// not extracted again; one whose text or rules changed is extracted again and replaces the old one.
  /// Articles are extracted in parallel (`FactCheckOptions.jobs` of `checker`) and written
  /// `batchSize` at a time, each batch in one transaction.
  ///
  /// - Parameters:
  ///   - files: The inputs.
  ///   - checker: The rules and settings to extract with.
  ///   - progress: Called after each batch, on the calling thread.
  /// - Returns: What was added, kept and skipped.
  /// - Throws: ``ArchiveError`` when the archive cannot be written; batches written before stay.
  package func add(files: [InputFile], checker: FactChecker, progress: ((ArchiveProgress) -> Void)? = nil) throws(ArchiveError)
    -> ArchiveAddition
  {
    let loader = ArticleLoader(lexicons: checker.rules.library.lexicons, defaultPublished: checker.options.published)
    let inputs = loader.inputs(files)
    let fingerprint = RuleFingerprint(rules: checker.rules, defaultPublished: checker.options.published).value
    var result = ArchiveAddition()
    result.skipped = inputs.skipped
    let known = try read { db in
      var known: [String: (hash: String, rules: String)] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT path, content_hash, rules_fingerprint FROM documents")
      while let row = try rows.next() { known[row[0]] = (row[1], row[2]) }
      return known
    }
    let pool = ExtractorPool(checker: checker)
    let files = inputs.files
    var done = 0
    var extracted = 0
    for start in stride(from: 0, to: files.count, by: ClaimArchive.batchSize) {
      let batch = Array(files[start..<min(files.count, start + ClaimArchive.batchSize)])
      let outcomes = pool.map(batch) { file, extractor -> BatchItem in
        switch loader.load(file) {
        case .skipped(let path, let reason):
          return .skipped(DocumentReport(path: path, status: .skipped, reason: reason))
        case .article(let article):
          let hash = ContentHash.of(article.text)
          if let old = known[article.path], old.hash == hash, old.rules == fingerprint { return .unchanged }
          let extraction = extractor.extract(article)
          // As FactChecker counts them: an article without claims still has its names counted.
          let names = extraction.claims.isEmpty ? extractor.names(in: extraction.article) : extraction.names
          return .extracted(ArchiveEntry(extraction: extraction, names: names, contentHash: hash),
                            rulesChanged: known[article.path].map { $0.hash == hash } ?? false)
        }
      }
      var entries: [ArchiveEntry] = []
      for outcome in outcomes {
        switch outcome {
        case .skipped(let report): result.skipped.append(report)
        case .unchanged: result.unchanged += 1
        case .extracted(let entry, let rulesChanged):
          entries.append(entry)
          if rulesChanged { result.reextractedForRules += 1 }
        }
      }
      if !entries.isEmpty {
        let added = ISO8601DateFormatter().string(from: Date())
        try write { db in
          for entry in entries { try store(entry, fingerprint: fingerprint, added: added, in: db) }
        }
        for entry in entries {
          result.added.append(entry.report.path)
          result.claims += entry.claims.count
          result.diagnostics += entry.diagnostics
        }
        extracted += entries.count
      }
      done += batch.count
      progress?(ArchiveProgress(done: done, total: files.count, extracted: extracted))
    }
    return result
  }

  /// Adds articles (files, or directories walked as `factcheck check` walks them) to the archive.
  ///
  /// An article already archived under the same path with the same text and the same rule fingerprint is
  /// not extracted again, so adding a whole folder every day costs only its new and changed articles; one
  /// whose text or rules changed is extracted again and replaces the old one. Articles are extracted in
  /// parallel (`FactCheckOptions.jobs` of `checker`) and written 64 at a time, each batch in one
  /// transaction, so an interrupted run loses at most one batch.
  ///
  /// Articles are stored under their paths as given: add them from the same directory each time (or give
  /// absolute paths), or an article is archived twice under two names.
  ///
  /// - Parameters:
  ///   - paths: Files, and directories walked for articles.
  ///   - checker: The rules and settings to extract with; their fingerprint is stored with each article.
  ///   - progress: Called after each batch, on the calling thread, for a progress bar.
  /// - Returns: What was added, kept and skipped.
  /// - Throws: ``ArchiveError`` when the archive cannot be written; batches written before stay.
  public func add(paths: [String], checker: FactChecker, progress: ((ArchiveProgress) -> Void)? = nil) throws(ArchiveError)
    -> ArchiveAddition
  {
    try add(files: paths.map(InputFile.init(path:)), checker: checker, progress: progress)
  }

  /// Writes one article (replacing the one archived under its path, claims and names with it).
  func store(_ entry: ArchiveEntry, fingerprint: String, added: String, in db: Database) throws {
    let report = entry.report
    try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [report.path])
    try db.execute(sql: """
      INSERT INTO documents (path, content_hash, rules_fingerprint, title, published, published_source, source, language,
        subject, warning, claim_count, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """, arguments: [report.path, entry.contentHash, fingerprint, report.title, report.published?.description, report.publishedSource,
                       report.source, report.language, report.subject, report.reason, entry.claims.count, added])
    let id = db.lastInsertedRowID
    let insertClaim = try db.cachedStatement(sql: ClaimRecord.insertSQL)
    for claim in entry.claims { try insertClaim.execute(arguments: ClaimRecord.arguments(claim, documentID: id)) }
    let insertName = try db.cachedStatement(sql: "INSERT INTO names (document_id, word, count, samples) VALUES (?, ?, ?, ?)")
    for (word, tally) in entry.names {
      try insertName.execute(arguments: [id, word, tally.count, NameSamples.encode(tally.samples)])
    }
  }
}

/// One article ready to be stored.
struct ArchiveEntry: Sendable {
  var report: DocumentReport
  var claims: [Claim]
  var names: [String: NameTally.Entry]
  var diagnostics: [Diagnostic] = []
  var contentHash: String

  /// The entry of an article just extracted, its document report built as ``FactChecker`` builds it.
  init(extraction: ArticleExtraction, names tally: NameTally, contentHash: String) {
    let done = extraction.article
    report = DocumentReport(
      path: done.path, status: .checked, reason: done.warnings.first, language: done.language, published: done.published,
      publishedSource: done.publishedSource, title: done.title, source: done.source, subject: extraction.subject,
      claimCount: extraction.claims.count)
    claims = extraction.claims
    names = tally.words
    diagnostics = done.warnings.map {
      Diagnostic(severity: .warning, category: .input, location: SourceLocation(path: done.path, line: 1, column: 1), message: $0)
    } + extraction.diagnostics
    self.contentHash = contentHash
  }
}

/// What happened to one input of a batch.
enum BatchItem: Sendable {
  case skipped(DocumentReport)
  case unchanged
  case extracted(ArchiveEntry, rulesChanged: Bool)
}

/// One ``Extractor`` per worker thread (each owns PCRE2 match data), reused batch after batch.
final class ExtractorPool: @unchecked Sendable {
  // Each extractor is used by one worker at a time: worker `i` of `map` takes `extractors[i]`.
  private let extractors: [Extractor]

  init(checker: FactChecker) {
    extractors = (0..<checker.options.jobs).map { _ in Extractor(rules: checker.rules, limits: checker.options.limits) }
  }

  /// `transform` applied to every item, on all workers; results in the items' order.
  func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item, Extractor) -> Result) -> [Result] {
    let results = ResultSlots<Result>(count: items.count)
    let next = NextIndex()
    let workers = min(extractors.count, items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let extractor = extractors[worker]
      while true {
        let index = next.take()
        guard index < items.count else { break }
        results.set(index, transform(items[index], extractor))
      }
    }
    return results.values
  }
}

private final class NextIndex: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func take() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}

private final class ResultSlots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }
  var values: [Value] { slots.map { $0! } }
}

/// A name tally's samples as JSON: `[[name, line, column, line text], …]` (the path is the document's).
enum NameSamples {
  private struct Sample: Codable {
    var name: String
    var line: Int
    var column: Int
    var text: String
    init(from decoder: any Decoder) throws {
      var container = try decoder.unkeyedContainer()
      name = try container.decode(String.self)
      line = try container.decode(Int.self)
      column = try container.decode(Int.self)
      text = try container.decode(String.self)
    }
    init(_ occurrence: NameOccurrence) {
      name = occurrence.name
      line = occurrence.location.line
      column = occurrence.location.column
      text = occurrence.line
    }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      try container.encode(name)
      try container.encode(line)
      try container.encode(column)
      try container.encode(text)
    }
  }

  static func encode(_ samples: [NameOccurrence]) -> String {
    String(decoding: (try? JSONEncoder().encode(samples.map(Sample.init))) ?? Data("[]".utf8), as: UTF8.self)
  }

  static func decode(_ text: String, path: String) -> [NameOccurrence] {
    let samples = (try? JSONDecoder().decode([Sample].self, from: Data(text.utf8))) ?? []
    return samples.map { NameOccurrence(name: $0.name, location: SourceLocation(path: path, line: $0.line, column: $0.column), line: $0.text) }
  }
}
