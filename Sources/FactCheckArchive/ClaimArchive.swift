import FactCheck
import Foundation
import GRDB

/// A claim archive: every article added, its claims with their spans, and the fingerprint of the rules
/// that extracted them, in one SQLite file (through GRDB).
///
/// The file is opened in WAL mode, so readers never block the writer nor each other; a writer waits up
/// to two minutes for another (two `archive add` at once both succeed). Articles are written a batch
/// at a time, each batch in one transaction: after a crash or `kill -9` every article is either wholly in
/// the archive or absent. A file that is not a claim archive — not SQLite, another program's database, or
/// damaged — is refused with an ``ArchiveError`` and never written to.
///
/// ```swift
/// let archive = try ClaimArchive(path: "news.sqlite", create: true)
/// let checker = FactChecker(rules: .bundled)
/// let added = try archive.add(paths: ["published/"], checker: checker)
/// let result = try archive.check(drafts: checker.extract(paths: ["draft.md"]), checker: checker)
/// ```
public final class ClaimArchive: Sendable {
  /// How long a writer waits for another process's transaction before giving up.
  package static let busyTimeout: TimeInterval = 120

  /// Where the archive is when no `--archive` is given: `$FACTCHECK_ARCHIVE`, else
  /// `$XDG_DATA_HOME/factcheck/archive.sqlite` (`~/.local/share/factcheck/archive.sqlite`).
  package static var defaultPath: String {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["FACTCHECK_ARCHIVE"], !path.isEmpty { return path }
    let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
    return (data as NSString).appendingPathComponent("factcheck/archive.sqlite")
  }

  /// The archive's path, as given.
  public let path: String
  let pool: DatabasePool

  /// Opens the archive at `path`, creating it (and its directory) when `create` is set and nothing is there.
  ///
  /// The file is examined read-only before anything is written: a writer (not `readOnly`) also runs SQLite's
  /// `quick_check` on it, so that nothing is added to a damaged archive.
  ///
  /// - Parameters:
  ///   - path: The archive file.
  ///   - create: Whether to create the archive when there is none.
  ///   - readOnly: Whether to open it for reading only (search, statistics, checking drafts).
  /// - Throws: ``ArchiveError/missing(path:)`` when there is no archive and `create` is not set;
  ///   ``ArchiveError/notADatabase(path:reason:)``, ``ArchiveError/foreignDatabase(path:)``,
  ///   ``ArchiveError/corrupt(path:detail:)`` or ``ArchiveError/newerSchema(path:version:)`` for a file that is
  ///   not a claim archive this version can use (left untouched); ``ArchiveError/database(path:message:)`` when
  ///   SQLite fails.
  public init(path: String, create: Bool = false, readOnly: Bool = false) throws(ArchiveError) {
    self.path = path
    pool = try ClaimArchive.open(path, create: create, readOnly: readOnly)
  }

  /// Opens (and creates, and migrates) the archive's database, looking again when another process is creating
  /// the same archive at the same moment. SQLite refuses one of two connections turning a new file to WAL mode
  /// ("database is locked", without waiting: waiting would deadlock), and a migration may then find the tables
  /// the other just made; a second look finds the other's archive, there to open. Contention is retried until
  /// the busy timeout; any other failure while creating, a few times (the other process may have been midway).
  private static func open(_ path: String, create: Bool, readOnly: Bool) throws(ArchiveError) -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(ClaimArchive.busyTimeout)
    configuration.label = "ClaimArchive"
    configuration.readonly = readOnly
    if !readOnly {
      configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    }
    let deadline = Date().addingTimeInterval(busyTimeout)
    var attempt = 0
    while true {
      let state = try ClaimArchive.inspect(path, verify: !readOnly)
      if state == .absent || state == .unmigrated {
        guard create, !readOnly else { throw .missing(path: path) }
      }
      do {
        if state == .absent {
          let directory = (path as NSString).deletingLastPathComponent
          if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        if state != .current { try ArchiveSchema.migrator.migrate(pool) }
        return pool
      } catch {
        attempt += 1
        let creating = state == .absent || state == .unmigrated
        guard (isContention(error) || (creating && attempt < 5)) && Date() < deadline else {
          throw ClaimArchive.archiveError(error, path: path)
        }
        // A pause that grows and differs between processes, so that two openers do not meet again.
        usleep(UInt32.random(in: 5_000...20_000) * UInt32(min(attempt, 10)))
      }
    }
  }

  /// Whether SQLite failed because another connection held a lock it could not wait for.
  private static func isContention(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
  }

  /// What is at an archive's path, as far as opening it goes.
  enum FileState {
    /// Nothing, or an empty file.
    case absent
    /// An SQLite database being created by another `archive add` (no table but GRDB's migration list yet).
    case unmigrated
    /// A claim archive with every migration this version knows.
    case current
    /// A claim archive with some migrations still to apply.
    case older
  }

  /// Looks at the file before anything may write to it (opening a database in WAL mode writes its header):
  /// the SQLite magic from its bytes, then, through a read-only connection (which sees the write-ahead log),
  /// its application id, tables and migrations, and with `verify` its pages (`PRAGMA quick_check`).
  static func inspect(_ path: String, verify: Bool) throws(ArchiveError) -> FileState {
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT { return .absent }
      throw .database(path: path, message: String(cString: strerror(errno)))
    }
    guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
    if status.st_size == 0 { return .absent }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .database(path: path, message: "cannot read: \(String(cString: strerror(errno)))")
    }
    let header = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
    try? handle.close()
    guard header == Array("SQLite format 3\0".utf8) else { throw .notADatabase(path: path, reason: "not an SQLite file") }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(busyTimeout)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db throws -> FileState in
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE substr(name, 1, 7) != 'sqlite_'")
        if applicationID != ArchiveSchema.applicationID {
          guard applicationID == 0, tables.isSubset(of: ["grdb_migrations"]) else { throw ArchiveError.foreignDatabase(path: path) }
          return .unmigrated
        }
        if verify {
          let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
          guard problems == ["ok"] else { throw ArchiveError.corrupt(path: path, detail: problems.prefix(3).joined(separator: "; ")) }
        }
        let migrator = ArchiveSchema.migrator
        if try migrator.hasBeenSuperseded(db) {
          throw ArchiveError.newerSchema(path: path, version: try migrator.appliedIdentifiers(db).sorted().last ?? "?")
        }
        return try migrator.hasCompletedMigrations(db) ? .current : .older
      }
    } catch {
      throw archiveError(error, path: path)
    }
  }

  /// An SQLite error as an ``ArchiveError`` naming the file.
  static func archiveError(_ error: any Error, path: String) -> ArchiveError {
    if let error = error as? ArchiveError { return error }
    if let error = error as? DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB: return .notADatabase(path: path, reason: "not an SQLite database")
      case .SQLITE_CORRUPT: return .corrupt(path: path, detail: error.message ?? "database disk image is malformed")
      default: return .database(path: path, message: error.message ?? "\(error.resultCode)")
      }
    }
    return .database(path: path, message: "\(error)")
  }

  /// Runs `body` in a read transaction (a snapshot), mapping SQLite errors.
  func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
    do { return try pool.read(body) } catch { throw ClaimArchive.archiveError(error, path: path) }
  }

  /// Runs `body` in one immediate write transaction: it waits for other writers (busy timeout) rather than
  /// failing when it turns out to need the lock midway.
  func write<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
    do {
      return try pool.writeWithoutTransaction { db in
        var value: T?
        try db.inTransaction(.immediate) {
          value = try body(db)
          return .commit
        }
        return value!
      }
    } catch {
      throw ClaimArchive.archiveError(error, path: path)
    }
  }

  // MARK: - Documents

  /// The archived article at a path, to tell whether (and with which rules) an article is archived.
  ///
  /// - Parameter path: The path the article was added under, as given then.
  /// - Returns: The article, or `nil` when none is archived under `path`.
  /// - Throws: ``ArchiveError/database(path:message:)`` when SQLite fails.
  public func document(at path: String) throws(ArchiveError) -> ArchivedDocument? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT \(ArchivedDocument.selectColumns) FROM documents WHERE path = ?", arguments: [path])
        .map(ArchivedDocument.init(row:))
    }
  }

  /// Every archived article, by path.
  ///
  /// - Returns: The articles, sorted by path.
  /// - Throws: ``ArchiveError/database(path:message:)`` when SQLite fails.
  public func documents() throws(ArchiveError) -> [ArchivedDocument] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT \(ArchivedDocument.selectColumns) FROM documents ORDER BY path").map(ArchivedDocument.init(row:))
    }
  }

  /// The claims of one archived article, in text order, as extraction stored them (entity names raw, before
  /// unification with the rest of the archive).
  ///
  /// - Parameter path: The path the article was added under.
  /// - Returns: Its claims; none when no article is archived under `path`.
  /// - Throws: ``ArchiveError`` when SQLite fails or a stored claim cannot be decoded.
  public func claims(of path: String) throws(ArchiveError) -> [Claim] {
    let rows = try read { db in
      try Row.fetchAll(db, sql: """
        SELECT \(ClaimRecord.selectColumns) FROM claims c JOIN documents d ON d.id = c.document_id
        WHERE d.path = ? ORDER BY c.line, c."column", c.value_start, c.rule
        """, arguments: [path])
    }
    var claims: [Claim] = []
    for row in rows { claims.append(try ClaimRecord.claim(row, archive: self.path)) }
    return claims
  }

  /// Removes the articles at `path` — one archived path, or every archived path under it when it names a
  /// directory — with their claims, in one transaction.
  ///
  /// - Parameter given: An archived path, or a directory prefix of archived paths.
  /// - Returns: The paths removed; none when nothing matched.
  /// - Throws: ``ArchiveError/database(path:message:)`` when SQLite fails; nothing is removed then.
  @discardableResult
  public func remove(path given: String) throws(ArchiveError) -> [String] {
    let trimmed = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
    // The paths under the directory are those from "DIR/" (included) to "DIR0" (excluded): the byte after
    // the "/" (0x2F) is "0" (0x30), and SQLite compares text byte by byte, so the range holds every path that
    // starts with "DIR/" whatever its characters, and uses the index on `path`. (`substr` counts characters,
    // not the UTF-8 bytes a prefix's length would be measured in.)
    let prefix = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    let end = String(prefix.dropLast()) + "0"
    return try write { db in
      let paths = try String.fetchAll(db, sql: "SELECT path FROM documents WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path",
                                      arguments: [trimmed, prefix, end])
      for path in paths { try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [path]) }
      return paths
    }
  }

  // MARK: - Statistics and search

  /// Counts of what the archive holds (`factcheck archive stats`).
  ///
  /// - Returns: The counts, the date range and the file's size.
  /// - Throws: ``ArchiveError/database(path:message:)`` when SQLite fails.
  public func statistics() throws(ArchiveError) -> ArchiveStatistics {
    let archivePath = path
    return try read { db in
      let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
      let claims = try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0
      let entities = try Int.fetchOne(db, sql: "SELECT count(DISTINCT entity) FROM claims WHERE entity IS NOT NULL") ?? 0
      let attributes = try Row.fetchAll(db, sql: "SELECT attribute, count(*) AS n FROM claims GROUP BY attribute ORDER BY n DESC, attribute")
        .map { (name: $0[0] as String, count: $0[1] as Int) }
      let languages = try Row.fetchAll(db, sql: "SELECT coalesce(language, '?'), count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, 1")
        .map { (name: $0[0] as String, count: $0[1] as Int) }
      let dates = try String.fetchAll(db, sql: "SELECT published FROM documents WHERE published IS NOT NULL").compactMap(Day.init(iso:))
      let fingerprints = try Int.fetchOne(db, sql: "SELECT count(DISTINCT rules_fingerprint) FROM documents") ?? 0
      let version = try ArchiveSchema.migrator.appliedIdentifiers(db).sorted().last ?? "none"
      var bytes: Int64 = 0
      for suffix in ["", "-wal"] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: archivePath + suffix)
        bytes += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
      }
      let range = dates.min().flatMap { first in dates.max().map { (first: first, last: $0) } }
      return ArchiveStatistics(documents: documents, claims: claims, entities: entities, attributes: attributes, languages: languages,
                               publishedRange: range, ruleFingerprints: fingerprints, bytes: bytes, schemaVersion: version)
    }
  }

  /// Claims whose quote, entity or attribute match `query` (FTS5: words are matched whole, accents and case
  /// ignored, `klarna AND employees`, `"3 500"`, `emplo*`), best first; at most `limit`.
  ///
  /// A query that is not valid FTS5 syntax is searched as plain words.
  ///
  /// - Parameters:
  ///   - query: Words, phrases in quotes, prefixes ending in `*`, joined by `AND`, `OR`, `NOT`.
  ///   - limit: The most hits to return.
  /// - Returns: The matching claims with their articles' titles and dates, best first.
  /// - Throws: ``ArchiveError/database(path:message:)`` when SQLite fails.
  public func search(_ query: String, limit: Int = 50) throws(ArchiveError) -> [ArchiveSearchHit] {
    let archivePath = path
    let sql = """
      SELECT \(ClaimRecord.selectColumns), d.title, d.published FROM claims_fts
      JOIN claims c ON c.id = claims_fts.rowid JOIN documents d ON d.id = c.document_id
      WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts), d.path, c.line LIMIT ?
      """
    func hits(_ db: Database, _ match: String) throws -> [ArchiveSearchHit] {
      try Row.fetchAll(db, sql: sql, arguments: [match, limit]).map { row in
        ArchiveSearchHit(claim: try ClaimRecord.claim(row, archive: archivePath), title: row[28],
                         published: (row[29] as String?).flatMap(Day.init(iso:)))
      }
    }
    return try read { db in
      do {
        return try hits(db, query)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
        // Not FTS5 syntax ("3 500 (Klarna"): each word quoted, all required.
        let words = query.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"" + $0 + "\"" }
        guard !words.isEmpty else { return [] }
        return try hits(db, words.joined(separator: " AND "))
      }
    }
  }

  /// Runs SQLite's full integrity check; `nil` when the archive is sound, else what is wrong.
  package func integrityProblems() throws(ArchiveError) -> String? {
    try read { db in
      let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      return lines == ["ok"] ? nil : lines.prefix(5).joined(separator: "; ")
    }
  }
}
