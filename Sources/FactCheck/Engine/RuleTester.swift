/// One failing rule example.
package struct RuleTestFailure: Sendable, Hashable, CustomStringConvertible {
  /// Where the example is.
  package var location: SourceLocation
  /// The rule.
  package var ruleID: String
  /// 1-based index of the example within the rule: its own examples first, then those example files
  /// attach to it, in load order.
  package var example: Int
  /// What the example expects.
  package var expected: String
  /// What the rule produced.
  package var got: String

  /// `file:line: rule-id: example N: expected …, got …`.
  package var description: String {
    "\(location.path):\(location.line): \(ruleID): example \(example): expected \(expected), got \(got)"
  }
}

/// Runs every rule's examples, the way LanguageTool and SwiftLint test their rules: each example text is
/// checked with the whole rule set of its language, and the claims *this* rule produced are compared
/// with the expected ones, field by field, in order.
package enum RuleTester {
  /// Outcome of a run.
  package struct Report: Sendable {
    /// Examples run.
    package var examplesRun: Int
    /// Rules with at least one example.
    package var rulesTested: Int
    /// Failures.
    package var failures: [RuleTestFailure]
  }

  /// What `factcheck test-rules` reports, and the status it exits with.
  package struct Outcome: Sendable {
    /// Rule-file problems: errors, warnings and notes (a rule replacing another), in load order.
    package var problems: [RuleFileError]
    /// The examples run and the ones that failed.
    package var report: Report

    /// Rule-file errors (broken files and rules, which were left out).
    package var errors: Int { problems.filter { $0.severity == .error }.count }

    /// 2 when a rule file is broken, else 1 when an example fails, else 0.
    package var exitStatus: Int32 { errors > 0 ? 2 : report.failures.isEmpty ? 0 : 1 }

    /// One line per problem, one per failing example (`file:line: rule-id: example N: expected …, got …`),
    /// then a summary.
    package var lines: [String] {
      problems.map(\.description) + report.failures.map(\.description) + [summary]
    }

    /// "412 examples of 160 rules: 1 failed; 2 rule-file errors".
    package var summary: String {
      "\(report.examplesRun) example\(report.examplesRun == 1 ? "" : "s") of \(report.rulesTested) rule\(report.rulesTested == 1 ? "" : "s")"
        + ": \(report.failures.count) failed" + (errors > 0 ? "; \(errors) rule-file error\(errors == 1 ? "" : "s")" : "")
    }
  }

  /// Runs the examples of `rules` (or of the rules whose id is in `only`) and gathers everything
  /// `factcheck test-rules` prints: the same path for the command and for tests.
  package static func test(_ rules: CompiledRuleSet, only: Set<String>? = nil) -> Outcome {
    Outcome(problems: rules.problems, report: run(rules, only: only))
  }

  /// Runs the examples of every rule (or of the rules whose id is in `only`).
  package static func run(_ rules: CompiledRuleSet, only: Set<String>? = nil) -> Report {
    let extractor = Extractor(rules: rules)
    var report = Report(examplesRun: 0, rulesTested: 0, failures: [])
    for rule in rules.rules where only == nil || only!.contains(rule.id) {
      guard !rule.definition.examples.isEmpty else { continue }
      report.rulesTested += 1
      for (index, example) in rule.definition.examples.enumerated() {
        report.examplesRun += 1
        if let failure = check(example, number: index + 1, rule: rule, extractor: extractor) { report.failures.append(failure) }
      }
    }
    return report
  }

  static func check(_ example: RuleExample, number: Int, rule: CompiledRule, extractor: Extractor) -> RuleTestFailure? {
    let definition = rule.definition
    let article = Article(path: "\(example.location.path):example", text: example.text, language: definition.language,
                          published: example.published, publishedSource: "example")
    let extraction = extractor.extract(article)
    let produced = extraction.claims.filter { $0.rule == definition.id }
    let malformed = extraction.diagnostics.filter { $0.ruleID == definition.id }.map(\.message)
    func describe(_ claims: [Claim]) -> String {
      if claims.isEmpty { return malformed.isEmpty ? "none" : "none (\(malformed.joined(separator: "; ")))" }
      return claims.map(summary).joined(separator: ", ")
    }
    let expectedText = example.expected.isEmpty ? "none" : example.expected.map(\.description).joined(separator: ", ")
    guard produced.count == example.expected.count else {
      return RuleTestFailure(location: example.location, ruleID: definition.id, example: number, expected: expectedText, got: describe(produced))
    }
    for (expected, claim) in zip(example.expected, produced) where !matches(expected, claim, rule: definition) {
      return RuleTestFailure(location: example.location, ruleID: definition.id, example: number, expected: expectedText, got: describe(produced))
    }
    return nil
  }

  /// Whether a claim has every field the expectation gives.
  static func matches(_ expected: RuleExample.ExpectedClaim, _ claim: Claim, rule: RuleDefinition) -> Bool {
    if let value = expected.value, abs(value - claim.value) > max(1e-6, abs(value) * 1e-9) { return false }
    if let attribute = expected.attribute, attribute != claim.attribute { return false }
    if let entity = expected.entity, entity != (claim.entity ?? "none") { return false }
    if let hedge = expected.hedge, !claim.hedge.isDescribed(by: hedge) { return false }
    if let period = expected.period, Period(key: period) != claim.period, period != claim.period.description { return false }
    if let modality = expected.modality, modality != claim.modality.rawValue { return false }
    if let unit = expected.unit, unit != (claim.unit ?? "") { return false }
    if let text = expected.text, text != claim.valueText { return false }
    if let scope = expected.scope, scope != (claim.scope ?? "") { return false }
    return true
  }

  /// A claim in the same notation as expectations.
  static func summary(_ claim: Claim) -> String {
    var parts = ["value \(NumberFormatting.plain(claim.value))", "attribute \(claim.attribute)", "entity \(claim.entity ?? "none")",
                 "hedge \(claim.hedge.name)", "period \(claim.period)", "modality \(claim.modality.rawValue)"]
    if let unit = claim.unit { parts.append("unit \(unit)") }
    if let scope = claim.scope { parts.append("scope '\(scope)'") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}
