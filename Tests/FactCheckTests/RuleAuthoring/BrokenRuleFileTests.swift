import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Every broken rule file is reported at the exact line and column, with a message that says what to
/// do — and a run reports all of them together (issue 6).
@Suite struct BrokenRuleFileTests {
  /// Errors a load reports in `path`, in file order.
  static func errors(in path: String, of rules: CompiledRuleSet) -> [RuleFileError] {
    rules.problems.filter { $0.severity == .error && $0.location.path == path }.sorted { $0.location < $1.location }
  }

  @Test(arguments: BrokenRuleFileCase.all)
  func reportsEachErrorAtItsPlace(_ broken: BrokenRuleFileCase) {
    let path = BrokenRuleFileCase.path(broken.file)
    let rules = RuleCompiler.compile(RuleFileLoader.load([BrokenRuleFileCase.base, path]))
    let errors = Self.errors(in: path, of: rules)
    #expect(errors.count == broken.errors.count, "\(errors.map(\.description))")
    for (error, expected) in zip(errors, broken.errors) {
      #expect(error.kind == expected.kind)
      #expect(error.message == expected.message)
      #expect(error.location.line == expected.line, "\(error)")
      #expect(error.location.column == expected.column, "\(error)")
    }
    #expect(rules.problems.filter { $0.severity == .error && $0.location.path != path }.isEmpty)
  }

  @Test func theBaseTheCasesBuildOnIsValid() {
    let outcome = RuleTester.test(RuleCompiler.compile(RuleFileLoader.load([BrokenRuleFileCase.base])))
    #expect(outcome.errors == 0, "\(outcome.lines)")
    #expect(outcome.report.failures.isEmpty, "\(outcome.report.failures)")
    #expect(outcome.report.examplesRun == 3)
  }

  @Test func everyBrokenFileHasACase() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: BrokenRuleFileCase.directory).filter { $0.hasSuffix(".yaml") }
    #expect(Set(files) == Set(BrokenRuleFileCase.all.map(\.file)))
    #expect(files.count >= 15)
  }

  /// One load of the whole folder (one layer: the base and every case) reports every error of every
  /// file, and nothing else; a broken file never hides the next one.
  @Test func oneLoadReportsEveryErrorTogether() {
    let rules = RuleCompiler.compile(RuleFileLoader.load([BrokenRuleFileCase.directory]))
    let errors = rules.problems.filter { $0.severity == .error }
    func key(_ path: String, _ line: Int, _ column: Int, _ message: String) -> String { "\(path):\(line):\(column): \(message)" }
    let reported = errors.map { key($0.location.path, $0.location.line, $0.location.column, $0.message) }.sorted()
    let expected = BrokenRuleFileCase.all.flatMap { broken in
      broken.errors.map { key(BrokenRuleFileCase.path(broken.file), $0.line, $0.column, $0.message) }
    }.sorted()
    #expect(reported == expected)
  }

  /// What `factcheck test-rules --no-default-rules Fixtures/BrokenRules` prints, and its exit status.
  @Test func testRulesPrintsEveryErrorAndExitsWithTwo() {
    let outcome = RuleTester.test(RuleCompiler.compile(RuleFileLoader.load([BrokenRuleFileCase.directory])))
    #expect(outcome.exitStatus == 2)
    for broken in BrokenRuleFileCase.all {
      for error in broken.errors {
        let line = "\(BrokenRuleFileCase.path(broken.file)):\(error.line):\(error.column): error: \(error.message)"
        #expect(outcome.lines.contains(line), "missing: \(line)")
      }
    }
    #expect(outcome.lines.last == outcome.summary)
    #expect(outcome.summary.hasSuffix("; \(outcome.errors) rule-file errors"))
  }
}
