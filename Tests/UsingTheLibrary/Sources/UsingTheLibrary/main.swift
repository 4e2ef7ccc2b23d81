import FactCheck

// The README's example ("Using the library"), run from the package's own folder: articles/ and MyRules/
// are beside Package.swift; the bundled rules come from FactCheck's resources.
let rules = CompiledRuleSet.load(bundledAnd: ["MyRules"])   // your layer over the bundled rules
for problem in rules.problems { print(problem) }               // path:line:column: error: …
let checker = FactChecker(rules: rules, options: FactCheckOptions(windowDays: 365))
let result = checker.check(paths: ["articles/"])
for finding in result.findings {
  print(finding.severity, finding.message)                     // error Klarna employees (current): 3 500 vs 3 800
  for index in finding.claims { print("  ", result.claims[index].location, result.claims[index].quote) }
}
print(JSONReporter().report(result))

// Beyond the README: what the checks below look for.
print("bundled rules:", CompiledRuleSet.bundledRulesDirectory ?? "not found")
print("rules:", rules.rules.count, "my rule:", rules.rule(id: "en.example.staff-count") != nil)
let html = HTMLReporter().report(result)
print("html articles with text:", html.components(separatedBy: "<div class=\"text\">").count - 1)
