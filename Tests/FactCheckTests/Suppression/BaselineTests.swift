import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Baselines: fingerprints that survive line moves, a file that round-trips, only new findings reported,
/// stale entries listed, and a malformed file refused at its line and column.
@Suite struct BaselineTests {
  static func result(_ claims: [Claim]) -> CheckResult {
    CheckResult(claims: ClaimList(claims), findings: ClaimFactory.conflicts(claims))
  }

  static let ostra = result([ClaimFactory.claim("news/a.md", 3500, line: 4), ClaimFactory.claim("news/b.md", 3800, line: 9)])

  @Test func fingerprintsIgnoreLinesAndDirectoriesButNotValues() throws {
    let finding = try #require(Self.ostra.findings.first)
    let fingerprint = Baseline.fingerprint(of: finding, claims: Self.ostra.claims)
    #expect(Baseline.isFingerprint(fingerprint))
    let moved = Self.result([ClaimFactory.claim("elsewhere/a.md", 3500, line: 40), ClaimFactory.claim("elsewhere/b.md", 3800, line: 2)])
    #expect(Baseline.fingerprint(of: moved.findings[0], claims: moved.claims) == fingerprint)
    let changed = Self.result([ClaimFactory.claim("news/a.md", 3500, line: 4), ClaimFactory.claim("news/b.md", 3900, line: 9)])
    #expect(Baseline.fingerprint(of: changed.findings[0], claims: changed.claims) != fingerprint)
  }

  @Test func aBaselineRoundTripsAndHoldsBackItsFindings() throws {
    let baseline = Baseline(result: Self.ostra)
    let text = baseline.serialized()
    #expect(text.hasPrefix(Baseline.header + "\n"))
    let read = try Baseline.parse(text, path: "baseline.txt")
    #expect(read.entries.map(\.fingerprint) == baseline.entries.map(\.fingerprint))
    #expect(read.entries.first?.location == SourceLocation(path: "baseline.txt", line: 3, column: 1))

    let applied = read.apply(to: Self.ostra)
    #expect(applied.findings.isEmpty)
    #expect(applied.suppressed.count == 1)
    #expect(applied.suppressed.first?.suppression.origin == .baseline)
    #expect(applied.staleBaselineEntries.isEmpty)
    #expect(TextReporter().report(applied).contains("; 1 baselined"))
    // Writing the baseline again over the one in use keeps its findings.
    #expect(Baseline(result: applied).entries.map(\.fingerprint) == baseline.entries.map(\.fingerprint))
  }

  @Test func onlyNewFindingsAreReportedAndGoneOnesAreStale() throws {
    let old = Baseline(result: Self.ostra)
    let now = Self.result([ClaimFactory.claim("news/a.md", 3500, line: 4), ClaimFactory.claim("news/b.md", 3900, line: 9)])
    let applied = old.apply(to: now)
    #expect(applied.findings.count == 1)
    #expect(applied.suppressed.isEmpty)
    #expect(applied.staleBaselineEntries.map(\.fingerprint) == old.entries.map(\.fingerprint))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().report(applied).utf8)) as? [String: Any])
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["baselined"] as? Int == 0)
    #expect((summary["stale_baseline"] as? [Any])?.count == 1)
    #expect(TextReporter().report(applied).contains("baselined finding no longer occurs"))
  }

  @Test(arguments: [
    ("", "b.txt:1:1: error: not a factcheck baseline: the first line must be '# factcheck baseline 1'; write one with --write-baseline FILE"),
    ("{\"findings\": []}\n", "b.txt:1:1: error: not a factcheck baseline: the first line must be '# factcheck baseline 1'; write one with --write-baseline FILE"),
    ("# factcheck baseline 1\n\nfc1:0123456789abcdef  conflict/x  m\n  fc1:xyz  conflict/y  m\n",
     "b.txt:4:3: error: 'fc1:xyz' is not a finding fingerprint (fc1: and 16 hexadecimal digits); regenerate the file with --write-baseline"),
    ("# factcheck baseline 1\r\nfc1:0123456789ABCDEF  conflict/x  m\r\n",
     "b.txt:2:1: error: 'fc1:0123456789ABCDEF' is not a finding fingerprint (fc1: and 16 hexadecimal digits); regenerate the file with --write-baseline"),
  ])
  func aMalformedBaselineIsRefusedAtItsPlace(text: String, expected: String) {
    #expect(throws: SuppressionError.self) { try Baseline.parse(text, path: "b.txt") }
    do {
      _ = try Baseline.parse(text, path: "b.txt")
    } catch {
      #expect(error.description == expected)
    }
  }

  @Test func theCommandLineWritesUsesAndEnforcesABaseline() throws {
    guard let binary = RuleAuthoring.binary else { return }
    let directory = try ReportingFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let articles = ReportingFixtures.klarnaFolder
    let file = directory.appendingPathComponent("baseline.txt").path
    let first = try ReportingFixtures.run(binary, ["check", articles, "--write-baseline", file, "--no-color"], in: Fixtures.repository)
    #expect(first.status == 1)
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written.hasPrefix(Baseline.header))
    let second = try ReportingFixtures.run(binary, ["check", articles, "--baseline", file, "--strict-baseline", "--no-color"], in: Fixtures.repository)
    #expect(second.status == 0, "\(second.output)\(second.errors)")
    #expect(second.output.contains("0 findings"))
    #expect(second.output.contains("baselined"))
    // An entry no finding matches any more fails --strict-baseline, not the plain --baseline.
    try (written + "fc1:0000000000000000  conflict/employees  gone\n").write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try ReportingFixtures.run(binary, ["check", articles, "--baseline", file], in: Fixtures.repository).status == 0)
    #expect(try ReportingFixtures.run(binary, ["check", articles, "--baseline", file, "--strict-baseline"], in: Fixtures.repository).status == 1)
    try "not a baseline\n".write(toFile: file, atomically: true, encoding: .utf8)
    let broken = try ReportingFixtures.run(binary, ["check", articles, "--baseline", file], in: Fixtures.repository)
    #expect(broken.status == 2)
    #expect(broken.errors.contains("\(file):1:1: error: not a factcheck baseline"))
  }
  /// `--write-baseline` never lands on the archive or on a report's file, and a symbolic link is written
  /// through to its target (the link stays a link), as a report is.
  @Test func theBaselineIsWrittenOnlyWhereNothingElseIs() throws {
    guard RuleAuthoring.binary != nil else { return }
    let root = try ReportOutputSafetyTests.workspace()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let archived = try ShellRun.run("\"$FC\" archive add articles/a.md --archive a.sqlite", in: root)
    #expect(archived.status == 0, "\(archived.errors)")
    let archive = ReportOutputSafetyTests.contents(root + "/a.sqlite")
    let ontoArchive = try ShellRun.run("\"$FC\" check articles/b.md --archive a.sqlite --write-baseline ./a.sqlite", in: root)
    #expect(ontoArchive.status == 2)
    #expect(ontoArchive.errors.contains("cannot write the baseline to ./a.sqlite: it is the archive"), "\(ontoArchive.errors)")
    #expect(ReportOutputSafetyTests.contents(root + "/a.sqlite") == archive)

    let ontoReport = try ShellRun.run("\"$FC\" check articles --write-baseline x.txt --output json=./x.txt", in: root)
    #expect(ontoReport.status == 2)
    #expect(ontoReport.errors.contains("cannot write the baseline to x.txt: it is also the destination of the json report"), "\(ontoReport.errors)")
    #expect(!FileManager.default.fileExists(atPath: root + "/x.txt"))

    try "old\n".write(toFile: root + "/target.txt", atomically: false, encoding: .utf8)
    #expect(symlink("target.txt", root + "/link.txt") == 0)
    let throughLink = try ShellRun.run("\"$FC\" check articles --write-baseline link.txt", in: root)
    #expect(throughLink.status == 1, "\(throughLink.errors)")
    let kind = try FileManager.default.attributesOfItem(atPath: root + "/link.txt")[.type] as? FileAttributeType
    #expect(kind == .typeSymbolicLink)
    #expect(try String(contentsOfFile: root + "/target.txt", encoding: .utf8).hasPrefix(Baseline.header))
  }
}
