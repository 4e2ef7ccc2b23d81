import FactCheck
import Foundation
import GRDB
import Testing

@testable import FactCheckArchive

/// The claim archive loses nothing: interrupted and concurrent adds, and files that are not archives.
@Suite("Archive: robustness (child processes)", .serialized)
struct ArchiveRobustnessTests {
  /// Waits until the archive at `path` holds at least one article (a batch committed), at most `seconds`.
  private func waitForFirstBatch(_ path: String, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let archive = try? ClaimArchive(path: path, readOnly: true), let stats = try? archive.statistics(), stats.documents > 0 {
        return true
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }

  @Test("kill -9 in the middle of archive add leaves every article wholly in or absent")
  func interruptedAddLeavesAConsistentArchive() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let total = try ArchiveFixtures.corpus(in: directory + "/corpus", copies: 40)
    let archivePath = directory + "/a.sqlite"
    let child = try ShellRun.start("exec \"$FC\" archive add corpus --archive a.sqlite --jobs 1", in: directory)
    #expect(waitForFirstBatch(archivePath, seconds: 120))
    kill(child.process.processIdentifier, SIGKILL)
    let outcome = ShellRun.finish(child)
    #expect(outcome.signalled && outcome.status == SIGKILL)

    let archive = try ClaimArchive(path: archivePath, create: false)
    #expect(try archive.integrityProblems() == nil)
    let documents = try archive.documents()
    #expect(documents.count > 0 && documents.count < total, "killed after \(documents.count) of \(total)")
    #expect(documents.count % ClaimArchive.batchSize == 0, "whole batches only")
    let counts = try archive.read { db in
      try Row.fetchAll(db, sql: "SELECT d.claim_count, (SELECT count(*) FROM claims c WHERE c.document_id = d.id) FROM documents d")
        .map { ($0[0] as Int, $0[1] as Int) }
    }
    #expect(counts.allSatisfy { $0.0 == $0.1 })
    // The next add picks up where the killed one stopped.
    let resumed = try ShellRun.run("\"$FC\" archive add corpus --archive a.sqlite", in: directory)
    #expect(resumed.status == 0, "\(resumed.errors)")
    #expect(resumed.output.contains("\(total - documents.count) articles added") && resumed.output.contains("\(documents.count) unchanged"))
  }

  @Test("two archive add at once both succeed")
  func concurrentAddsBothSucceed() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let first = try ArchiveFixtures.corpus(in: directory + "/one", copies: 2)
    let second = try ArchiveFixtures.corpus(in: directory + "/two", copies: 2)
    let a = try ShellRun.start("\"$FC\" archive add one --archive a.sqlite --jobs 1", in: directory)
    let b = try ShellRun.start("\"$FC\" archive add two --archive a.sqlite --jobs 1", in: directory)
    let outcomeA = ShellRun.finish(a)
    let outcomeB = ShellRun.finish(b)
    #expect(outcomeA.status == 0, "\(outcomeA.errors)")
    #expect(outcomeB.status == 0, "\(outcomeB.errors)")
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: false)
    #expect(try archive.statistics().documents == first + second)
    #expect(try archive.integrityProblems() == nil)
  }

  @Test("a text file, another program's database or a damaged archive is refused and left untouched")
  func foreignAndCorruptFilesAreRefused() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let article = Fixtures.examples + "/klarna/000-fr-klarna-ia-remplace-recrutements.md"
    // A text file.
    try "not a database\n".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
    // Another program's SQLite database.
    do {
      let queue = try DatabaseQueue(path: directory + "/other.db")
      try queue.write { db in try db.execute(sql: "CREATE TABLE t (a); INSERT INTO t VALUES (1)") }
      try queue.close()
    }
    // A claim archive whose pages after the header are overwritten.
    do {
      let archive = try ClaimArchive(path: directory + "/damaged.sqlite", create: true)
      _ = try archive.add(paths: [Fixtures.examples + "/klarna"], checker: ArchiveFixtures.checker())
    }
    let intact = try ClaimArchive(path: directory + "/damaged.sqlite", create: false)
    try intact.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    try intact.pool.close()
    var bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/damaged.sqlite"))
    for index in 4096..<min(bytes.count, 4096 * 6) { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
    try bytes.write(to: URL(fileURLWithPath: directory + "/damaged.sqlite"))
    try? FileManager.default.removeItem(atPath: directory + "/damaged.sqlite-wal")
    try? FileManager.default.removeItem(atPath: directory + "/damaged.sqlite-shm")

    for (file, expected) in [("notes.txt", "not a claim archive"), ("other.db", "another program"), ("damaged.sqlite", "damaged")] {
      let path = directory + "/" + file
      let before = try Data(contentsOf: URL(fileURLWithPath: path))
      for command in ["archive add '\(article)'", "check '\(article)'", "check", "archive stats", "archive search klarna"] {
        let outcome = try ShellRun.run("\"$FC\" \(command) --archive \(file)", in: directory)
        #expect(outcome.status == 2, "\(file): \(command)")
        #expect(outcome.errors.contains(expected), "\(file): \(command): \(outcome.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(file) changed by \(command)")
      }
    }
    let missing = try ShellRun.run("\"$FC\" archive stats --archive nothing.sqlite", in: directory)
    #expect(missing.status == 2 && missing.errors.contains("no claim archive"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/nothing.sqlite"))
  }

  @Test("the CLI: check --archive names archived articles, --add stores the draft, exit statuses as check's")
  func commandLineCheckAgainstArchive() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let klarna = Fixtures.examples + "/klarna"
    let draft = klarna + "/000-fr-klarna-ia-remplace-recrutements.md"
    let add = try ShellRun.run("\"$FC\" archive add '\(klarna)'/00[1-7]*.md --archive a.sqlite", in: directory)
    #expect(add.status == 0, "\(add.errors)")
    #expect(add.output.contains("7 articles added"))
    #expect(!add.errors.contains("█"), "no progress bar off a terminal")
    let check = try ShellRun.run("\"$FC\" check '\(draft)' --archive a.sqlite --no-color --add", in: directory)
    #expect(check.status == 1, "\(check.errors)")
    #expect(check.output.contains("archived: “Klarna compte sur l'IA"))
    let stats = try ShellRun.run("\"$FC\" archive stats --archive a.sqlite", in: directory)
    #expect(stats.output.contains("articles: 8"))
    // Another story: the archive's Klarna claims add nothing to it; its own two findings (exit 1) remain.
    let unrelated = try ShellRun.run("\"$FC\" check '\(Fixtures.examples)/atlas-robotics-layoffs' --archive a.sqlite --no-color", in: directory)
    #expect(unrelated.status == 1, "\(unrelated.errors)")
    #expect(!unrelated.output.contains("archived:"), "\(unrelated.output)")
    #expect(unrelated.output.contains("2 findings (1 error, 1 warning, 0 notes) in 4 articles checked"), "\(unrelated.output)")
    let usage = try ShellRun.run("\"$FC\" check '\(draft)' --add", in: directory)
    #expect(usage.status == 2)
  }
  @Test("check --archive --add with rule errors reports, adds nothing, says why and exits 2")
  func addRefusedWhenRulesHaveErrors() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let klarna = Fixtures.examples + "/klarna"
    let draft = klarna + "/000-fr-klarna-ia-remplace-recrutements.md"
    try RuleAuthoring.write("rules:\n  - id: broken\n    language: fr\n    attribute: employees\n    pattern: '(unclosed {count}'\n",
                            to: directory + "/rules/broken.yaml")
    let add = try ShellRun.run("\"$FC\" archive add '\(klarna)'/001*.md --archive a.sqlite", in: directory)
    #expect(add.status == 0, "\(add.errors)")
    let check = try ShellRun.run("\"$FC\" check '\(draft)' --archive a.sqlite --add --rules rules --no-color", in: directory)
    #expect(check.status == 2)
    #expect(check.errors.contains("the rules have errors, so the drafts were not added to the archive (first: rules/broken.yaml:5:"), "\(check.errors)")
    #expect(check.output.contains("archived: "), "the check itself still runs and reports")
    #expect(try ClaimArchive(path: directory + "/a.sqlite", readOnly: true).statistics().documents == 1)
  }
}
