import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules
@testable import PatternMatching

/// `factcheck explain RULE-ID`: the rule, where it is defined, its expanded PCRE2 pattern, its examples.
@Suite struct ExplainTests {
  static var rule: CompiledRule {
    get throws { try #require(Fixtures.bundledRules.rules.first { $0.definition.examples.count >= 2 }) }
  }

  @Test func showsWhereTheRuleIsItsPatternsAndItsExamples() throws {
    let rule = try Self.rule
    let d = rule.definition
    let text = try #require(RuleExplainer.explain(d.id, in: Fixtures.bundledRules))
    let lines = text.components(separatedBy: "\n")
    #expect(lines[0] == "\(d.id)  (\(d.location))")
    #expect(d.location.path.hasPrefix(Fixtures.rules + "/"))
    #expect(lines.contains("  pattern:  \(d.pattern)"))
    #expect(lines.contains("  expanded: \(rule.expandedPattern)"))
    #expect(lines.contains("  PCRE2:    \(rule.pattern.startInformation)"), "what PCRE2 knows of the start")
    #expect(rule.expandedPattern.contains("(?<s"), "placeholders become named groups")
    #expect(lines.contains { $0.contains("language: \(d.language)") && $0.contains("attribute: \(d.attribute)") })
    #expect(lines.contains("  examples:"))
    for (index, example) in d.examples.enumerated() {
      #expect(lines.contains("    \(index + 1). \(example.text)"))
      #expect(lines.contains { $0.hasPrefix("       → ") && $0.hasSuffix("(\(example.location))") })
    }
  }

  /// Where in those sentences a match can open (``MatchStarts``): its opening words and bytes, or every position.
  @Test(arguments: [
    ("(?:about|around) [0-9]+", "only where a match can open: 'about ', 'around '"),
    ("(?:nearly )?[0-9]+%", "only where a match can open: 'nearly '; a byte of 0 1 2 3 4 5 6 7 8 9"),
    ("\\p{L}+ employs [0-9]+", "every position (a match may open with almost anything)"),
  ])
  func saysWhereAMatchCanOpen(pattern: String, expected: String) throws {
    #expect(RuleExplainer.starts(MatchStarts(pattern: pattern, caseless: true)) == expected)
    let rule = try Self.rule
    let text = try #require(RuleExplainer.explain(rule.id, in: Fixtures.bundledRules))
    #expect(text.components(separatedBy: "\n").contains { $0.hasPrefix("  starts:   ") })
  }

  /// Which sentences a rule runs on: the words its prefilter requires and whether it needs a figure.
  @Test(arguments: [
    (Prefilter(requirements: [[Array("cuts".utf8)], [Array("jobs".utf8), Array("roles".utf8)]], needsNumber: true),
     "sentences holding the word 'cuts'; and one of 'jobs', 'roles'; and a figure (a digit or a number word)"),
    (Prefilter(requirements: [], needsNumber: true), "sentences holding a figure (a digit or a number word)"),
    // A requirement met almost anywhere (one of its words a single letter) is not what gates the rule.
    (Prefilter(requirements: [[Array("m".utf8), Array("million".utf8)], [Array("cuts".utf8)]], needsNumber: true),
     "sentences holding the word 'cuts'; and a figure (a digit or a number word)"),
    (Prefilter(requirements: [], needsNumber: false), "every sentence (no word or figure it requires: the whole text is scanned)"),
  ])
  func saysWhichSentencesTheRuleRunsOn(prefilter: Prefilter, expected: String) throws {
    #expect(RuleExplainer.gate(prefilter) == expected)
    let rule = try Self.rule
    let text = try #require(RuleExplainer.explain(rule.id, in: Fixtures.bundledRules))
    #expect(text.components(separatedBy: "\n").contains("  runs on:  \(RuleExplainer.gate(rule.prefilter))"))
  }

  @Test func anUnknownIDHasNoExplanationButASuggestion() throws {
    let id = try Self.rule.id
    #expect(RuleExplainer.explain(id + "s", in: Fixtures.bundledRules) == nil)
    #expect(RuleExplainer.suggestion(for: id + "s", in: Fixtures.bundledRules) == id)
  }

  @Test func aReplacingRuleSaysWhatItReplaced() throws {
    let (bundled, user) = try LayeredRuleSetTests.layers()
    let rules = RuleAuthoring.compile([bundled, user])
    let text = try #require(RuleExplainer.explain("fr.employees.verb", in: rules))
    #expect(text.contains("\n  replaces the rule defined at \(bundled)/fr/headcount.yaml:3:5\n"))
    #expect(text.hasPrefix("fr.employees.verb  (\(user)/headcount.yaml:4:5)\n"))
  }

  @Test(.enabled(if: RuleAuthoring.binary != nil, "the factcheck executable was not built"))
  func factcheckExplainPrintsIt() throws {
    let rule = try Self.rule
    let (status, output) = try RuleAuthoring.run(["explain", rule.id])
    #expect(status == 0, Comment(rawValue: output))
    #expect(output == (RuleExplainer.explain(rule.id, in: Fixtures.bundledRules) ?? "") + "\n")

    let (unknown, complaint) = try RuleAuthoring.run(["explain", rule.id + "s"])
    #expect(unknown == 2)
    #expect(complaint.contains("error: no rule '\(rule.id)s'; did you mean '\(rule.id)'?"), Comment(rawValue: complaint))
  }
}
