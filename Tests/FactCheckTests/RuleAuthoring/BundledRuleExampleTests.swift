import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The bundled rules test themselves: every rule's examples (and the example files that name it) pass,
/// one test per rule so that a failure names the rule.
@Suite struct BundledRuleExampleTests {
  static let ruleIDs = Fixtures.bundledRules.rules.map(\.id)

  @Test(arguments: ruleIDs)
  func examplesPass(_ ruleID: String) {
    let report = RuleTester.run(Fixtures.bundledRules, only: [ruleID])
    #expect(report.failures.isEmpty, Comment(rawValue: report.failures.map(\.description).joined(separator: "\n")))
  }

  @Test(arguments: ruleIDs)
  func hasExamples(_ ruleID: String) throws {
    let rule = try #require(Fixtures.bundledRules.rule(id: ruleID))
    #expect(!rule.definition.examples.isEmpty, "\(rule.definition.location): add examples to '\(ruleID)'")
  }

  @Test func bundledRulesLoadWithoutErrors() {
    let errors = Fixtures.bundledRules.problems.filter { $0.severity == .error }
    #expect(errors.isEmpty, Comment(rawValue: errors.map(\.description).joined(separator: "\n")))
    #expect(Fixtures.bundledRules.rules.count == Fixtures.bundledRules.library.rules.count, "every loaded rule compiles")
  }

  /// `factcheck test-rules Rules`: the library path the command takes, then the command itself.
  @Test func testRulesOnTheBundledRulesPasses() throws {
    let outcome = RuleTester.test(Fixtures.bundledRules)
    #expect(outcome.exitStatus == 0, Comment(rawValue: outcome.lines.joined(separator: "\n")))
    #expect(outcome.report.examplesRun > outcome.report.rulesTested)
  }

  @Test(.enabled(if: RuleAuthoring.binary != nil, "the factcheck executable was not built"))
  func factcheckTestRulesRulesExitsWithZero() throws {
    let (status, output) = try RuleAuthoring.run(["test-rules", Fixtures.rules])
    #expect(status == 0, Comment(rawValue: output))
    #expect(!output.contains(": note: "), "the bundled rules are loaded once, not over themselves")
    #expect(output.contains(" examples of "))
  }
}
