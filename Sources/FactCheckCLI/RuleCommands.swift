import ArgumentParser
import FactCheck
import Foundation

/// `factcheck test-rules [DIR…]`: run every rule's examples.
struct TestRulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test-rules",
    abstract: "Run the examples of every rule and report each failure.",
    discussion: "With no DIR, tests the bundled rules. Exit status: 0 all pass, 1 failures, 2 broken rule files.")

  @Argument(help: "Rule directories or files (each loaded after the bundled lexicons unless --no-default-rules).")
  var directories: [String] = []

  @Flag(help: "Do not load the bundled rules (give every lexicon and attribute yourself).")
  var noDefaultRules = false

  @Option(name: .customLong("rule"), help: "Only test this rule id; repeatable.")
  var only: [String] = []

  func run() throws {
    var layers: [String] = []
    if !noDefaultRules || directories.isEmpty {
      guard let bundled = BundledPaths.rules else { throw ValidationError("cannot find the bundled Rules/ directory") }
      if !directories.contains(where: { ($0 as NSString).standardizingPath == (bundled as NSString).standardizingPath }) {
        layers.append(bundled)
      }
    }
    layers += directories
    let rules = CompiledRuleSet.load(layers)
    for problem in rules.problems where problem.severity != .note { print(problem) }
    let report = RuleTester.run(rules, only: only.isEmpty ? nil : Set(only))
    for failure in report.failures { print(failure) }
    let errors = rules.problems.filter { $0.severity == .error }.count
    print("\(report.examplesRun) examples of \(report.rulesTested) rules: \(report.failures.count) failed"
          + (errors > 0 ? "; \(errors) rule-file error\(errors == 1 ? "" : "s")" : ""))
    if errors > 0 { throw ExitCode(2) }
    if !report.failures.isEmpty { throw ExitCode(1) }
  }
}

/// `factcheck explain RULE-ID`: show a rule, its expanded pattern and its examples.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Show a rule: where it is defined, its pattern expanded for PCRE2, its examples.")

  @Argument(help: "The rule id.")
  var ruleID: String

  @OptionGroup var rules: RuleOptions

  func run() throws {
    let compiled = try rules.compiledRules()
    guard let rule = compiled.rule(id: ruleID) else {
      let ids = compiled.rules.map(\.id)
      let hint = ids.min { a, b in a.commonPrefix(with: ruleID).count > b.commonPrefix(with: ruleID).count }
      throw ValidationError("no rule '\(ruleID)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
    }
    let d = rule.definition
    print("\(d.id)  (\(d.location))")
    if !d.description.isEmpty { print("  \(d.description)") }
    print("  kind: \(d.kind.rawValue)   language: \(d.language)   attribute: \(d.attribute)   period: \(d.period)   modality: \(d.modality.rawValue)   priority: \(d.priority)")
    print("  pattern:  \(d.pattern)")
    print("  expanded: \(rule.expandedPattern)")
    print("  examples:")
    for (i, example) in d.examples.enumerated() {
      let expect = example.expected.isEmpty ? "none" : example.expected.map(\.description).joined(separator: ", ")
      print("    \(i + 1). \(example.text)\n       → \(expect)   (\(example.location))")
    }
  }
}
