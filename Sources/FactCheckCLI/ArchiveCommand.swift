import ArgumentParser
import FactCheck
import FactCheckArchive
import Foundation

/// `factcheck archive add|search|stats|remove`: the claim archive (an SQLite file) that drafts are checked against.
struct ArchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "archive",
    abstract: "Keep published articles' claims in an SQLite archive, to check drafts against (check --archive).",
    discussion: """
      The archive is one SQLite file: --archive PATH, else $FACTCHECK_ARCHIVE, else \
      $XDG_DATA_HOME/factcheck/archive.sqlite (~/.local/share/factcheck/archive.sqlite). 'archive add' creates it. \
      Exit status: 0 done, 2 usage errors, rule errors, or an archive that cannot be used (not an archive, damaged, missing).
      """,
    subcommands: [ArchiveAddCommand.self, ArchiveSearchCommand.self, ArchiveStatsCommand.self, ArchiveRemoveCommand.self])
}

/// The `--archive PATH` option of the archive commands.
struct ArchiveLocation: ParsableArguments {
  @Option(help: ArgumentHelp("The claim archive (default: $FACTCHECK_ARCHIVE, else ~/.local/share/factcheck/archive.sqlite).", valueName: "PATH"))
  var archive: String?

  var path: String { archive ?? ClaimArchive.defaultPath }

  /// Opens the archive; any problem ends the run with exit status 2 and one line.
  func open(create: Bool = false, readOnly: Bool = false) throws(RunError) -> ClaimArchive {
    do { return try ClaimArchive(path: path, create: create, readOnly: readOnly) } catch { throw RunError(error.description) }
  }
}

/// `factcheck archive add ARTICLES…`.
struct ArchiveAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Extract articles' claims into the archive (unchanged articles are not extracted again).")

  @Argument(help: "Articles or directories of articles (.md, .txt).")
  var paths: [String]

  @OptionGroup var location: ArchiveLocation
  @OptionGroup var rules: RuleOptions

  @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD, or YYYY-MM, YYYY) for articles that state none.", valueName: "DATE"))
  var published: String?

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Flag(help: "No progress bar, even on a terminal.")
  var quiet = false

  func validate() throws {
    if paths.isEmpty { throw ValidationError("archive add needs at least one article or directory") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    var day: Day?
    if let published {
      guard let parsed = Day(iso: published) else { throw ValidationError("--published must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '\(published)'") }
      day = parsed
    }
    let compiled = try rules.compiledRules()
    if compiled.hasErrors {
      for problem in compiled.problems where problem.severity == .error { FactCheckCommand.standardError(problem.description) }
      throw RunError("the rules have errors; nothing was added")
    }
    let archive = try location.open(create: true)
    let checker = FactChecker(rules: compiled, options: FactCheckOptions(published: day, jobs: jobs))
    let bar = !quiet && isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
    let added: ArchiveAddition
    do {
      added = try archive.add(files: CommandLinePaths.files(paths), checker: checker) { progress in bar?.show(progress) }
    } catch {
      bar?.finish()
      throw RunError(error.description)
    }
    bar?.finish()
    for diagnostic in added.diagnostics where diagnostic.severity == .error { FactCheckCommand.standardError(diagnostic.description) }
    for document in added.skipped where !document.isPassedOver {
      FactCheckCommand.standardError("\(document.path): warning: skipped: \(document.reason ?? "unknown reason")")
    }
    var line = "\(archive.path): \(added.added.count) article\(added.added.count == 1 ? "" : "s") added (\(added.claims) claim\(added.claims == 1 ? "" : "s"))"
    line += ", \(added.unchanged) unchanged"
    if added.rulesChanged {
      line += "; the rules changed since \(added.reextractedForRules) of them were archived: they were extracted again"
    }
    if !added.skipped.filter({ !$0.isPassedOver }).isEmpty { line += ", \(added.skipped.filter { !$0.isPassedOver }.count) skipped" }
    print(line)
  }
}

/// `factcheck archive search QUERY`.
struct ArchiveSearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find archived claims by entity, attribute or words of their quote (SQLite FTS5 syntax).")

  @Argument(help: "Words to find (klarna employees, \"3 500\", emplo*).")
  var query: [String]

  @OptionGroup var location: ArchiveLocation

  @Option(help: "At most this many claims.")
  var limit: Int = 50

  func run() throws {
    let archive = try location.open(readOnly: true)
    let hits: [ArchiveSearchHit]
    do { hits = try archive.search(query.joined(separator: " "), limit: max(1, limit)) } catch { throw RunError(error.description) }
    for hit in hits {
      let claim = hit.claim
      let entity = claim.entity ?? "?"
      var header = "\(claim.location): \(entity) \(claim.attribute) \(claim.valueText) (\(claim.period))"
      if let title = hit.title { header += " — “\(title)”" }
      if let published = hit.published { header += ", \(published)" }
      print(header.terminalEscaped)
      print("    \(claim.quote)".terminalEscaped)
    }
    FactCheckCommand.standardError("\(hits.count) claim\(hits.count == 1 ? "" : "s") found")
  }
}

/// `factcheck archive stats`.
struct ArchiveStatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count what the archive holds.")

  @OptionGroup var location: ArchiveLocation

  func run() throws {
    let archive = try location.open(readOnly: true)
    let stats: ArchiveStatistics
    do { stats = try archive.statistics() } catch { throw RunError(error.description) }
    print("archive: \(archive.path) (\(stats.bytes) bytes, schema \(stats.schemaVersion))".terminalEscaped)
    print("articles: \(stats.documents)")
    print("claims: \(stats.claims)")
    print("entities: \(stats.entities)")
    if let range = stats.publishedRange { print("published: \(range.first) to \(range.last)") }
    if !stats.languages.isEmpty { print("languages: " + stats.languages.map { "\($0.name) \($0.count)" }.joined(separator: ", ")) }
    if !stats.attributes.isEmpty { print("attributes: " + stats.attributes.map { "\($0.name) \($0.count)" }.joined(separator: ", ")) }
    print("rule sets: \(stats.ruleFingerprints)\(stats.ruleFingerprints > 1 ? " (some articles were extracted with older rules: archive add extracts them again)" : "")")
  }
}

/// `factcheck archive remove PATH…`.
struct ArchiveRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Remove archived articles (a path as added, or a directory: every article under it).")

  @Argument(help: "Archived paths, as they were added.")
  var paths: [String]

  @OptionGroup var location: ArchiveLocation

  func run() throws {
    let archive = try location.open()
    var removed = 0
    for path in paths {
      let gone: [String]
      do { gone = try archive.remove(path: path) } catch { throw RunError(error.description) }
      if gone.isEmpty { FactCheckCommand.standardError("\(path): warning: not in the archive") }
      removed += gone.count
    }
    print("\(archive.path): \(removed) article\(removed == 1 ? "" : "s") removed".terminalEscaped)
  }
}

/// A one-line progress bar on standard error, redrawn in place (only on a terminal).
final class ProgressBar {
  private var lastDrawn = Date.distantPast
  private var drawn = false

  func show(_ progress: ArchiveProgress) {
    let now = Date()
    guard progress.done == progress.total || now.timeIntervalSince(lastDrawn) > 0.1 else { return }
    lastDrawn = now
    let width = 30
    let filled = progress.total == 0 ? width : width * progress.done / progress.total
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    FileHandle.standardError.write(Data("\r\(bar) \(progress.done)/\(progress.total) articles, \(progress.extracted) extracted\u{1B}[K".utf8))
    drawn = true
  }

  func finish() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
