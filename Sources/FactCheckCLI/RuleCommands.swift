import ArgumentParser
import FactCheck
import Foundation

/// `factcheck test-rules [DIR…]`: run every rule's examples.
struct TestRulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test-rules",
    abstract: "Run the examples of every rule and report each failure.",
    discussion: """
      Runs each rule's `examples:` and the entries of example files (a top-level `examples:` list naming \
      the rule). With no DIR, tests the bundled rules; with DIRs, loads them after the bundled rules, a rule \
      with the same id replacing the bundled one. Exit status: 0 all pass, 1 failures, 2 broken rule files.
      """)

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
      // `test-rules Rules` from the repository tests the bundled rules once, not twice over.
      func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
      if !directories.contains(where: { resolved($0) == resolved(bundled) }) {
        layers.append(bundled)
      }
    }
    layers += directories
    let rules = CompiledRuleSet.load(layers)
    for id in only where rules.rule(id: id) == nil && rules.library.rule(id: id) == nil {
      throw noRule(id, in: rules)
    }
    let outcome = RuleTester.test(rules, only: only.isEmpty ? nil : Set(only))
    for line in outcome.lines { print(line) }
    if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
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
    guard let explanation = RuleExplainer.explain(ruleID, in: compiled) else {
      if compiled.library.rule(id: ruleID) != nil {
        for problem in compiled.problems where problem.severity == .error { print(problem) }
        FactCheckCommand.standardError("error: rule '\(ruleID)' does not compile; see the errors above")
        throw ExitCode(2)
      }
      throw noRule(ruleID, in: compiled)
    }
    print(explanation)
  }
}

/// Prints "error: no rule 'x'; did you mean 'y'?" and returns the exit status for it (2).
private func noRule(_ id: String, in rules: CompiledRuleSet) -> ExitCode {
  let hint = RuleExplainer.suggestion(for: id, in: rules).map { "; did you mean '\($0)'?" } ?? ""
  FactCheckCommand.standardError("error: no rule '\(id)'\(hint)")
  return ExitCode(2)
}
