import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The `factcheck` executable end to end: exit statuses, the default command, text and JSON reports.
@Suite(.enabled(if: RuleAuthoring.binary != nil, "the factcheck binary is not built next to the tests"))
struct CheckCommandTests {
  @Test func noArgumentsChecksTheBundledExamplesAndExitsOneOnFindings() throws {
    let (status, output) = try RuleAuthoring.run([])
    #expect(status == 1)
    #expect(output.contains("error: Klarna employees (current):"))
    #expect(output.contains("[conflict/employees]"))
    // The quotes come with the figure underlined.
    #expect(output.contains("^~~~~"))
    // Piped output carries no colour codes.
    #expect(!output.contains("\u{1B}["))
    #expect(output.split(separator: "\n").last?.contains("articles checked") == true)
  }

  @Test func aCleanArticleExitsZero() throws {
    let directory = try RuleAuthoring.temporaryDirectory("clean")
    try RuleAuthoring.write("---\nlanguage: fr\n---\nBrindille emploie 1 250 salariés.\n", to: directory + "/a.md")
    let (status, output) = try RuleAuthoring.run(["check", directory + "/a.md", "--no-color"])
    #expect(status == 0, "\(output)")
    #expect(output.contains("0 findings"))
  }

  @Test func aBrokenRuleFileExitsTwoAndTheRestRuns() throws {
    let rules = try RuleAuthoring.temporaryDirectory("broken")
    try RuleAuthoring.write("rules:\n  - id: broken\n    language: fr\n    attribute: employees\n    pattern: '(unclosed {count}'\n", to: rules + "/broken.yaml")
    let (status, output) = try RuleAuthoring.run(["check", Fixtures.examples + "/klarna", "--rules", rules])
    #expect(status == 2)
    #expect(output.contains("broken.yaml:5:"))
    #expect(output.contains("error: Klarna employees"))
  }

  @Test func aUsageErrorExitsTwo() throws {
    let (status, output) = try RuleAuthoring.run(["check", "--format", "pdf"])
    #expect(status == 2)
    #expect(output.contains("unknown format 'pdf'"))
  }

  @Test func jsonReportHasTheDocumentedShape() throws {
    let (status, output) = try RuleAuthoring.run(["check", Fixtures.examples + "/klarna", "--format", "json"])
    #expect(status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let documents = try #require(object["documents"] as? [[String: Any]])
    let checked = documents.filter { $0["status"] as? String == "checked" && $0["path"] != nil }
    #expect(checked.count == 10)
    // The rest of the directory (its expected.yaml) is listed as passed over, not silently left out.
    #expect(documents.filter { $0["passed_over"] as? Bool == true }.map { $0["reason"] as? String } == ["not an article: .yaml"])
    let claims = try #require(object["claims"] as? [[String: Any]])
    for key in ["document", "line", "column", "rule", "entity", "attribute", "value", "interval", "unit", "period", "quote"] {
      #expect(claims.allSatisfy { $0.keys.contains(key) }, "claims lack \(key)")
    }
    let findings = try #require(object["findings"] as? [[String: Any]])
    for key in ["id", "kind", "severity", "entity", "attribute", "period", "message", "claims"] {
      #expect(findings.allSatisfy { $0.keys.contains(key) }, "findings lack \(key)")
    }
    // Finding claim indices point into the claims list.
    for finding in findings {
      for index in finding["claims"] as? [Int] ?? [] { #expect(index >= 0 && index < claims.count) }
    }
  }

  @Test func claimsCommandPrintsTheClaimsShape() throws {
    let (status, output) = try RuleAuthoring.run(["claims", Fixtures.examples + "/klarna", "--format", "json"])
    #expect(status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect((object["claims"] as? [Any])?.isEmpty == false)
    #expect((object["findings"] as? [Any])?.isEmpty == true)
  }
}
