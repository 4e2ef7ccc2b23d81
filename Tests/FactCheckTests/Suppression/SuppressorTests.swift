import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Suppressions applied to a run: suppressed findings leave the findings that count and stay visible,
/// unused suppressions are notes, and rule layers declare `suppress:` entries.
@Suite struct SuppressorTests {
  /// Ostra employs 3 500 (a.md, line 4) or 3 800 (b.md, line 9): one conflict.
  static let result: CheckResult = {
    let claims = [ClaimFactory.claim("a.md", 3500, line: 4), ClaimFactory.claim("b.md", 3800, line: 9)]
    let findings = ClaimFactory.conflicts(claims)
    return CheckResult(claims: ClaimList(claims), findings: findings)
  }()

  static let here = SourceLocation(path: "x", line: 1, column: 1)

  @Test(arguments: [
    (Suppression(origin: .inSource, location: here, checks: ["conflict/employees"], scope: .lines(path: "a.md", lines: 3..<5)), true),
    (Suppression(origin: .inSource, location: here, checks: ["conflict/employees"], scope: .lines(path: "a.md", lines: 5..<9)), false),
    (Suppression(origin: .inSource, location: here, scope: .lines(path: "b.md", lines: 9..<10)), true),
    (Suppression(origin: .inSource, location: here, checks: ["conflict/revenue"], scope: .document(path: "a.md")), false),
    (Suppression(origin: .inSource, location: here, checks: ["conflict/*"], scope: .document(path: "b.md")), true),
    (Suppression(origin: .inSource, location: here, checks: ["conflict"], scope: .document(path: "b.md")), true),
    (Suppression(origin: .ruleFile, location: here, entity: "ostra"), true),
    (Suppression(origin: .ruleFile, location: here, entity: "Klarna"), false),
    (Suppression(origin: .ruleFile, location: here, attribute: "employees", period: "current"), true),
    (Suppression(origin: .ruleFile, location: here, attribute: "employees", period: "2023"), false),
  ])
  func suppressionMatchesByCheckPlaceAndKey(suppression: Suppression, matches: Bool) throws {
    let finding = try #require(Self.result.findings.first)
    #expect(suppression.matches(finding, claims: Self.result.claims) == matches)
    let applied = Suppressor.apply([suppression], to: Self.result)
    #expect(applied.findings.isEmpty == matches)
    #expect(applied.suppressed.map(\.finding) == (matches ? [finding] : []))
    // An unused suppression is one note at its place, never more.
    #expect(applied.diagnostics.map(\.severity) == (matches ? [] : [.note]))
    #expect(applied.diagnostics.first?.location == (matches ? nil : Self.here))
  }

  @Test func suppressedFindingsStayInJSONAndSARIFButNotInTheExitStatus() throws {
    let suppression = Suppression(origin: .inSource, location: SourceLocation(path: "a.md", line: 3, column: 6),
                                  checks: ["conflict/employees"], reason: "confirmed", scope: .document(path: "a.md"))
    let applied = Suppressor.apply([suppression], to: Self.result)
    #expect(applied.findings.isEmpty)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().report(applied).utf8)) as? [String: Any])
    let suppressed = try #require(json["suppressed"] as? [[String: Any]])
    #expect(suppressed.count == 1)
    #expect(suppressed.first?["check"] as? String == "conflict/employees")
    let record = try #require(suppressed.first?["suppression"] as? [String: Any])
    #expect(record["origin"] as? String == "in_source")
    #expect(record["reason"] as? String == "confirmed")
    #expect((json["summary"] as? [String: Any])?["suppressed"] as? Int == 1)

    let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().report(applied).utf8)) as? [String: Any])
    let results = try #require(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
    let marks = try #require(results.first?["suppressions"] as? [[String: Any]])
    #expect(marks.first?["kind"] as? String == "inSource")
    #expect(marks.first?["justification"] as? String == "confirmed")
    #expect(TextReporter().report(applied).contains("0 findings"))
    #expect(TextReporter().report(applied).contains("1 suppressed"))
  }

  @Test func aRuleLayerDeclaresSuppressions() {
    let library = RuleFileLoader.load(texts: [("MyRules/accepted.yaml", """
      suppress:
        - check: conflict/employees
          entity: Ostra
          reason: Two counts of one workforce, confirmed.
        - attribute: revenue
          period: "2024"
      """)])
    #expect(library.problems.isEmpty, "\(library.problems)")
    #expect(library.suppressions.count == 2)
    #expect(library.suppressions.first?.checks == ["conflict/employees"])
    #expect(library.suppressions.first?.entity == "Ostra")
    #expect(library.suppressions.first?.location == SourceLocation(path: "MyRules/accepted.yaml", line: 2, column: 5))
    #expect(library.suppressions.last?.period == "2024")
  }

  @Test(arguments: [
    ("suppress:\n  - reason: everything\n", "MyRules/bad.yaml:2:5: error: suppress entry (or entity, attribute) is missing required key 'check'"),
    ("suppress:\n  - check: 'conflict employees'\n", "MyRules/bad.yaml:2:12: error: invalid check 'conflict employees': not a check or finding id"),
    ("suppress:\n  - chek: conflict/employees\n", "MyRules/bad.yaml:2:5: error: unknown key 'chek'; did you mean 'check'?"),
    ("suppress:\n  - check: \"*\"\n", "MyRules/bad.yaml:2:12: error: invalid check '*': '*' alone would silence every finding; name a check, a kind or a prefix ending in '*' (conflict/*)"),
    ("suppress:\n  - check: [conflict/employees, '*']\n", "MyRules/bad.yaml:2:33: error: invalid check '*': '*' alone would silence every finding; name a check, a kind or a prefix ending in '*' (conflict/*)"),
    ("suppress:\n  - check: ''\n", "MyRules/bad.yaml:2:12: error: invalid check '': not a check or finding id"),
  ])
  func aBrokenSuppressEntryIsARuleFileError(text: String, expected: String) {
    let library = RuleFileLoader.load(texts: [("MyRules/bad.yaml", text)])
    #expect(library.suppressions.isEmpty)
    #expect(library.problems.map(\.description).first == expected)
  }

  @Test func anArticleCommentSilencesItsFindingEndToEnd() throws {
    let directory = try ReportingFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in try FileManager.default.contentsOfDirectory(atPath: ReportingFixtures.klarnaFolder) where name.hasSuffix(".md") {
      try FileManager.default.copyItem(atPath: ReportingFixtures.klarnaFolder + "/" + name, toPath: directory.path + "/" + name)
    }
    let before = Fixtures.checker().check(paths: [directory.path])
    let conflict = try #require(before.findings.first { $0.check == "conflict/employees" && $0.entity == "Klarna" })
    let claim = before.claims[conflict.claims[0]]
    // A comment line inserted before the paragraph of the finding's first claim.
    var lines = try String(contentsOfFile: claim.document, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    var start = claim.location.line - 1
    while start > 0 && !lines[start - 1].allSatisfy(\.isWhitespace) { start -= 1 }
    lines.insert("<!-- factcheck-ignore conflict/employees -- two counts of one workforce -->", at: start)
    try lines.joined(separator: "\n").write(toFile: claim.document, atomically: true, encoding: .utf8)

    let after = Fixtures.checker().check(paths: [directory.path])
    #expect(!after.findings.contains { $0.check == "conflict/employees" && $0.entity == "Klarna" })
    let suppressed = try #require(after.suppressed.first { $0.finding.check == "conflict/employees" })
    #expect(suppressed.suppression.location == SourceLocation(path: claim.document, line: start + 1, column: 6))
    #expect(suppressed.suppression.reason == "two counts of one workforce")
    #expect(after.findings.count == before.findings.count - after.suppressed.count)
  }
}
