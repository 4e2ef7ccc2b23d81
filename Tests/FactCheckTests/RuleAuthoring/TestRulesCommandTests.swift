import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `factcheck test-rules` on a copy of the bundled rules: a broken example fails with exit status 1 and
/// names the file, line, rule and example; a broken rule file gives exit status 2.
@Suite struct TestRulesCommandTests {
  /// A bundled rule with an example that expects a value, and that example's place.
  struct Target {
    let rule: RuleDefinition
    let number: Int
    let example: RuleExample
  }

  static func target() throws -> Target {
    for rule in Fixtures.bundledRules.rules.map(\.definition) {
      for (index, example) in rule.examples.enumerated() where example.expected.first?.value != nil {
        return Target(rule: rule, number: index + 1, example: example)
      }
    }
    throw CocoaError(.fileNoSuchFile)
  }

  /// Changes the first `value:` of the example at `line` (on its line or the next ones) in `file`.
  static func breakExample(in file: String, at line: Int) throws {
    var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
    for index in (line - 1)..<lines.count {
      if let range = lines[index].range(of: #"value: *[-0-9_.e+]+"#, options: .regularExpression) {
        lines[index].replaceSubrange(range, with: "value: 123456789")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return
      }
    }
    Issue.record("no value: after \(file):\(line)")
  }

  @Test func aBrokenExampleInACopyFailsNamingFileLineRuleAndExample() throws {
    let copy = try RuleAuthoring.copyOfBundledRules()
    let target = try Self.target()
    let relative = String(target.example.location.path.dropFirst(Fixtures.rules.count))
    let file = copy + relative
    try Self.breakExample(in: file, at: target.example.location.line)

    let outcome = RuleTester.test(RuleAuthoring.compile([copy]))
    #expect(outcome.exitStatus == 1, Comment(rawValue: outcome.lines.joined(separator: "\n")))
    #expect(outcome.report.failures.count == 1)
    let failure = try #require(outcome.report.failures.first)
    #expect(failure.location.path == file)
    #expect(failure.location.line == target.example.location.line)
    #expect(failure.ruleID == target.rule.id)
    #expect(failure.example == target.number)
    let prefix = "\(file):\(target.example.location.line): \(target.rule.id): example \(target.number): expected {value 123 456 789"
    #expect(failure.description.hasPrefix(prefix), "\(failure)")
    #expect(failure.description.contains(", got {value "), "\(failure)")
    #expect(outcome.lines.contains(failure.description))

    if RuleAuthoring.binary != nil {
      let (status, output) = try RuleAuthoring.run(["test-rules", "--no-default-rules", copy])
      #expect(status == 1, Comment(rawValue: output))
      #expect(output.contains(prefix), Comment(rawValue: output))
      #expect(output.contains(": 1 failed"))
    }
  }

  @Test func aBrokenExampleInAnExampleFileFailsToo() throws {
    let copy = try RuleAuthoring.copyOfBundledRules()
    let target = try Self.target()
    let file = copy + "/zz-broken-examples.yaml"
    try RuleAuthoring.write("""
      # One wrong expectation for a bundled rule.
      examples:
        - rule: \(target.rule.id)
          text: '\(target.example.text.replacingOccurrences(of: "'", with: "''"))'
          expect: {value: 123456789}
      """, to: file)

    let outcome = RuleTester.test(RuleAuthoring.compile([copy]))
    #expect(outcome.exitStatus == 1, Comment(rawValue: outcome.lines.joined(separator: "\n")))
    let failure = try #require(outcome.report.failures.first)
    #expect(outcome.report.failures.count == 1)
    let number = target.rule.examples.count + 1
    #expect(failure.description.hasPrefix("\(file):3: \(target.rule.id): example \(number): expected {value 123 456 789}, got {value "),
            "\(failure)")

    if RuleAuthoring.binary != nil {
      let (status, output) = try RuleAuthoring.run(["test-rules", "--no-default-rules", copy])
      #expect(status == 1, Comment(rawValue: output))
      #expect(output.contains("\(file):3: \(target.rule.id): example \(number): expected"), Comment(rawValue: output))
    }
  }

  @Test func aBrokenRuleFileInACopyExitsWithTwo() throws {
    let copy = try RuleAuthoring.copyOfBundledRules()
    let file = copy + "/fr/zz-broken.yaml"
    try RuleAuthoring.write("""
      language: fr
      rules:
        - id: fr.zz.broken
          attribute: employees
          pattern: 'emploie {count} (salariés'
          examples:
            - text: 'Brindille emploie 1 250 salariés.'
              expect: {value: 1250}
      """, to: file)

    let outcome = RuleTester.test(RuleAuthoring.compile([copy]))
    #expect(outcome.exitStatus == 2)
    #expect(outcome.lines.contains("\(file):5:40: error: invalid pattern: missing closing parenthesis"),
            Comment(rawValue: outcome.lines.joined(separator: "\n")))
    #expect(outcome.report.failures.isEmpty, "the other rules still run, and pass")

    if RuleAuthoring.binary != nil {
      let (status, output) = try RuleAuthoring.run(["test-rules", "--no-default-rules", copy])
      #expect(status == 2, Comment(rawValue: output))
      #expect(output.contains("\(file):5:40: error: invalid pattern: missing closing parenthesis"), Comment(rawValue: output))
      #expect(output.contains("; 1 rule-file error"))
    }
  }

  @Test(.enabled(if: RuleAuthoring.binary != nil, "the factcheck executable was not built"))
  func anUnknownRuleIDIsAUsageError() throws {
    let target = try Self.target()
    let (status, output) = try RuleAuthoring.run(["test-rules", "--rule", target.rule.id + "x"])
    #expect(status == 2)
    #expect(output.contains("error: no rule '\(target.rule.id)x'; did you mean '\(target.rule.id)'?"), Comment(rawValue: output))
  }
}
