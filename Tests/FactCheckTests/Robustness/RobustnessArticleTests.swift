import Foundation
import PatternMatching
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Bad articles: every input ends up checked or skipped with a reason, nothing crashes, and the claims of
/// the articles that are read have exactly the line and column an editor shows.
@Suite struct RobustnessArticleTests {
  /// One committed fixture of `Fixtures/Articles` and what checking it must give.
  struct Expectation: CustomTestStringConvertible, Sendable {
    let file: String
    let status: DocumentReport.Status
    let reason: String?
    let claims: [ClaimPosition]
    var title: String? = nil

    var testDescription: String { file }
  }

  static let expectations: [Expectation] = [
    // Invalid bytes become U+FFFD, one column per maximal bad sequence, as an editor shows them.
    Expectation(
      file: "invalid-utf8.md", status: .checked,
      reason: "invalid UTF-8 at 1:6 (and maybe further), replaced with U+FFFD",
      claims: [ClaimPosition(1, 17, 1200), ClaimPosition(2, 12, 400), ClaimPosition(2, 46, 3000), ClaimPosition(3, 48, 75)]),
    Expectation(file: "binary-nul.md", status: .skipped, reason: "binary (contains NUL bytes)", claims: []),
    Expectation(file: "empty.md", status: .skipped, reason: "empty", claims: []),
    Expectation(file: "whitespace-only.md", status: .skipped, reason: "whitespace only", claims: []),
    Expectation(file: "utf16.md", status: .skipped, reason: "UTF-16 text is not supported; convert it to UTF-8", claims: []),
    // The byte-order mark is dropped: columns start after it and the front matter is still read.
    Expectation(
      file: "bom.md", status: .checked, reason: nil, claims: [ClaimPosition(5, 14, 1200), ClaimPosition(7, 10, 400)],
      title: "Acme with a byte-order mark"),
    Expectation(
      file: "crlf.md", status: .checked, reason: nil,
      claims: [ClaimPosition(5, 14, 1200), ClaimPosition(7, 10, 400), ClaimPosition(8, 15, 3000)], title: "Windows line ends"),
    Expectation(
      file: "lone-cr.md", status: .checked, reason: nil,
      claims: [ClaimPosition(5, 14, 1200), ClaimPosition(7, 10, 400), ClaimPosition(8, 15, 3000)], title: "Classic Mac line ends"),
    // LF, CRLF, CR, then LF followed by CRLF (an empty line): lines 1, 2, 3, 5.
    Expectation(
      file: "mixed-line-ends.md", status: .checked, reason: nil,
      claims: [ClaimPosition(1, 14, 1200), ClaimPosition(2, 10, 400), ClaimPosition(3, 15, 3000), ClaimPosition(5, 15, 75)]),
  ]

  @Test(arguments: expectations)
  func committedFixtureGivesItsStatusReasonAndPositions(_ expected: Expectation) throws {
    let path = Robustness.articles + "/" + expected.file
    let result = Fixtures.checker().check(paths: [path])
    let document = try #require(Robustness.document(path, in: result))
    #expect(document.status == expected.status)
    #expect(document.reason == expected.reason)
    #expect(Robustness.claimPositions(path, in: result) == expected.claims)
    #expect(document.claimCount == expected.claims.count)
    if let title = expected.title { #expect(document.title == title) }
  }

  @Test func everyCommittedFixtureIsAccountedFor() throws {
    let result = Fixtures.checker().check(paths: [Robustness.articles])
    let entries = try FileManager.default.contentsOfDirectory(atPath: Robustness.articles)
    #expect(Set(result.documents.map { ($0.path as NSString).lastPathComponent }) == Set(entries))
    #expect(result.documents.count == entries.count)
    // Dot-files (.gitattributes) are listed as hidden, not checked.
    let files = entries.filter { !$0.hasPrefix(".") }
    for hidden in result.documents where hidden.isPassedOver { #expect(hidden.reason == "hidden") }
    #expect(Set(files) == Set(Self.expectations.map(\.file)), "a fixture without an expectation, or the reverse")
    for document in result.documents where document.status == .skipped { #expect(document.reason != nil) }
  }

  @Test func invalidUTF8IsAWarningDiagnosticOfTheArticle() throws {
    let path = Robustness.articles + "/invalid-utf8.md"
    let result = Fixtures.checker().check(paths: [path])
    let warnings = result.diagnostics.filter { $0.category == .input && $0.location?.path == path }
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    #expect(warnings.first?.message.contains("U+FFFD") == true)
    // The text PCRE2 sees is valid UTF-8: the repaired article round-trips, and its claims quote U+FFFD.
    guard case .article(let article) = ArticleLoader(lexicons: [:]).load(path: path) else {
      Issue.record("invalid UTF-8 must be repaired, not skipped")
      return
    }
    #expect(UTF8Subject.firstInvalidOffset(in: article.bytes) == nil)
    #expect(article.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 5)
  }

  @Test func textSummaryCountsCheckedAndSkippedAndNamesEachSkippedInput() {
    let result = Fixtures.checker().check(paths: [Robustness.articles])
    let text = TextReporter(options: ReportOptions(color: false)).report(result)
    for document in result.uncheckedInputs {
      #expect(text.contains("\(document.path):1:1: warning: skipped: \(document.reason ?? "")"))
    }
    #expect(text.contains("in 5 articles checked, 4 skipped"))
  }

  // MARK: - Inputs made at test time

  @Test func pathsThatCannotBeReadAreSkippedWithAReason() throws {
    try Robustness.withScratchDirectory { root in
      let manager = FileManager.default
      // A directory whose symbolic link points back at itself, next to a real article.
      let loop = root + "/loop"
      try manager.createDirectory(atPath: loop + "/inner", withIntermediateDirectories: true)
      try "Acme employs 1,200 people.\n".write(toFile: loop + "/inner/article.md", atomically: true, encoding: .utf8)
      try manager.createSymbolicLink(atPath: loop + "/inner/back", withDestinationPath: loop)
      // A file nobody may read (root still can), a missing path, a dangling link, a named pipe.
      let unreadable = root + "/unreadable.md"
      try "Beta has 400 employees.\n".write(toFile: unreadable, atomically: true, encoding: .utf8)
      chmod(unreadable, 0)
      let missing = root + "/does-not-exist.md"
      let dangling = root + "/dangling.md"
      try manager.createSymbolicLink(atPath: dangling, withDestinationPath: root + "/nowhere.md")
      let pipe = root + "/pipe.md"
      #expect(mkfifo(pipe, 0o644) == 0)
      // A directory with nothing to check.
      let empty = root + "/empty-directory"
      try manager.createDirectory(atPath: empty, withIntermediateDirectories: true)
      try "not an article".write(toFile: empty + "/notes.pdf", atomically: true, encoding: .utf8)

      let inputs = [loop, unreadable, missing, dangling, pipe, empty]
      let (result, seconds) = Robustness.timed { Fixtures.checker().check(paths: inputs) }
      #expect(seconds < 60, "a named pipe or a link loop must not block the run")

      let article = try #require(Robustness.document(loop + "/inner/article.md", in: result))
      #expect(article.status == .checked)
      #expect(Robustness.claimPositions(article.path, in: result) == [ClaimPosition(1, 14, 1200)])
      let back = try #require(Robustness.document(loop + "/inner/back", in: result))
      #expect(back.status == .skipped)
      #expect(back.reason == "symbolic-link loop")
      #expect(back.isPassedOver)

      let locked = try #require(Robustness.document(unreadable, in: result))
      if Robustness.isRoot {
        // Documented behaviour: permissions do not bind root, so the file is read like any other.
        #expect(locked.status == .checked)
        #expect(Robustness.claimPositions(unreadable, in: result) == [ClaimPosition(1, 10, 400)])
      } else {
        #expect(locked.status == .skipped)
        #expect(locked.reason == "unreadable (permission denied)")
      }
      #expect(Robustness.document(missing, in: result)?.reason == "no such file or directory")
      #expect(Robustness.document(missing, in: result)?.status == .skipped)
      #expect(Robustness.document(dangling, in: result)?.reason == "broken symbolic link")
      #expect(Robustness.document(pipe, in: result)?.reason == "not a regular file (named pipe)")
      #expect(Robustness.document(empty, in: result)?.reason == "directory holds no articles (.markdown, .md, .text, .txt)")
      #expect(Robustness.document(empty + "/notes.pdf", in: result)?.reason == "not an article: .pdf")
      #expect(result.documents.count == 8)
      #expect(result.uncheckedInputs.count == (Robustness.isRoot ? 4 : 5))
    }
  }

  @Test(.enabled(if: !Robustness.isRoot, "running as root: permissions do not bind root, see pathsThatCannotBeReadAreSkippedWithAReason"))
  func unreadableFileIsSkippedForOrdinaryUsers() throws {
    try Robustness.withScratchDirectory { root in
      let path = root + "/secret.md"
      try "Acme employs 1,200 people.\n".write(toFile: path, atomically: true, encoding: .utf8)
      chmod(path, 0)
      let result = Fixtures.checker().check(paths: [path])
      #expect(Robustness.document(path, in: result)?.status == .skipped)
      #expect(Robustness.document(path, in: result)?.reason == "unreadable (permission denied)")
    }
  }

  @Test(arguments: ["/dev/zero", "/dev/null"])
  func devicesAreSkippedNotRead(_ path: String) throws {
    try #require(FileManager.default.fileExists(atPath: path))
    // /dev/zero never ends: reading it would exhaust memory.
    let result = Fixtures.checker().check(paths: [path])
    #expect(Robustness.document(path, in: result)?.reason == "not a regular file (device)")
  }

  @Test func filesOverTheSizeLimitAreSkippedNotRead() throws {
    try Robustness.withScratchDirectory { root in
      let path = root + "/big.md"
      try String(repeating: "Acme employs 1,200 people. ", count: 100).write(toFile: path, atomically: true, encoding: .utf8)
      var loader = ArticleLoader(lexicons: [:])
      loader.maxBytes = 1_000
      guard case .skipped(_, let reason) = loader.load(path: path) else {
        Issue.record("a file over the limit must be skipped")
        return
      }
      #expect(reason.hasPrefix("too large (2700 bytes"))
    }
  }

  @Test func hostileFrontMatterIsIgnoredWithAWarning() {
    let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)
    let deep = "---\nkey: " + String(repeating: "[", count: 100_000) + "\n---\nAcme employs 1,200 people.\n"
    var laughs = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      laughs += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    laughs += "{*i : 1}: x\n---\nAcme employs 1,200 people.\n"
    let huge = "---\ntitle: " + String(repeating: "x", count: 100_000) + "\n---\nAcme employs 1,200 people.\n"
    for text in [deep, laughs, huge] {
      let (outcome, seconds) = Robustness.timed { loader.load(path: "front.md", bytes: Array(text.utf8)) }
      #expect(seconds < 10)
      guard case .article(let article) = outcome else {
        Issue.record("hostile front matter must not skip the article")
        continue
      }
      #expect(article.warnings.contains { $0.hasPrefix("front matter") })
      #expect(article.title == nil)
    }
  }
}
