import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The scorer of `factcheck evaluate` on a small corpus of the project's own writing: what counts as a
/// claim found, a conflict found, a false conflict and an unmatched finding.
struct EvaluatorTests {
  /// A corpus folder: two articles on one story, with gold annotations.
  static func corpus(gold: String) throws -> String {
    let root = try RuleAuthoring.temporaryDirectory("evaluate")
    try RuleAuthoring.write("""
      source: https://example.org/a
      published: 2025-03-04
      language: en
      ---
      Corvane Logistics employs 4,200 people across its depots, the company said on Tuesday.
      It will cut 300 jobs this year.
      """, to: root + "/corpus/corvane/01-a.txt")
    try RuleAuthoring.write("""
      source: https://example.org/b
      published: 2025-03-05
      language: en
      ---
      Corvane Logistics, which has 4,600 employees, will cut 300 jobs.
      """, to: root + "/corpus/corvane/02-b.txt")
    try RuleAuthoring.write(gold, to: root + "/expected-test.yaml")
    return root
  }

  static let gold = """
    version: 1
    stories:
      corvane:
        docs:
        - {file: 01-a.txt, language: en, published: '2025-03-04'}
        - {file: 02-b.txt, language: en, published: '2025-03-05'}
        claims:
        - {id: a1, doc: 01-a.txt, entity: Corvane Logistics, attribute: employees, value: 4200, quote: employs 4,200 people}
        - {id: a2, doc: 01-a.txt, entity: Corvane Logistics, attribute: layoffs, value: 300, quote: cut 300 jobs}
        - {id: a3, doc: 01-a.txt, entity: Corvane Logistics, attribute: depots, value: 17, quote: its depots}
        - {id: a4, doc: 01-a.txt, entity: Corvane Logistics, attribute: age, value: 52, optional: true, quote: x}
        - {id: b1, doc: 02-b.txt, entity: Corvane Logistics, attribute: employees, value: 4600, quote: has 4,600 employees}
        - {id: b2, doc: 02-b.txt, entity: Corvane Logistics, attribute: layoffs, value: 300, quote: cut 300 jobs}
        conflicts:
        - {id: c1, claims: [a1, b1], level: must, kind: value}
        - {id: c2, claims: [a2, b1], level: should, kind: scope}
        non_conflicts:
        - {id: n1, claims: [a2, b2]}
    """

  @Test func claimsConflictsAndMissesAreCounted() throws {
    let root = try Self.corpus(gold: Self.gold)
    let map = GoldAttributeMap(table: ["employees": ["employees"], "layoffs": ["layoffs", "layoffs_total"]])
    let result = try Evaluator(checker: Fixtures.checker(), attributes: map).evaluate(corpus: root)
    let score = try #require(result.stories.first)
    #expect(score.story == "corvane")
    // a3 (no figure in the text) is missed; a4 is optional and not counted.
    #expect(score.claims == Tally(found: 4, total: 5), "\(score.missedClaims.map(\.claim.id))")
    #expect(score.missedClaims.map(\.claim.id) == ["a3"])
    #expect(score.byAttribute["employees"] == Tally(found: 2, total: 2))
    #expect(score.must == Tally(found: 1, total: 1))
    #expect(score.should == Tally(found: 0, total: 1))
    #expect(score.missedConflicts.map(\.id) == ["c2"])
    #expect(score.falseConflicts.isEmpty)
    let text = EvaluationReporter(verbose: true).text(result)
    #expect(text.contains("miss a3 01-a.txt: depots = 17"))
    #expect(text.contains("missed should conflict c2"))
  }

  /// An attribute the table does not accept leaves the claim missed, though its value was read.
  @Test func anIncompatibleAttributeIsAMissButCountsByValue() throws {
    let root = try Self.corpus(gold: Self.gold)
    let map = GoldAttributeMap(table: ["employees": ["users"]], unlistedMatchesAny: false)
    let score = try #require(try Evaluator(checker: Fixtures.checker(), attributes: map).evaluate(corpus: root).stories.first)
    #expect(score.claims.found == 0)
    #expect(score.claimsByValue.found == 4)
  }

  /// A non-conflict whose two figures end up on two sides of a finding is a false conflict; a finding no
  /// gold entry explains is unmatched.
  @Test func falseAndUnmatchedFindingsAreListed() throws {
    let gold = Self.gold.replacingOccurrences(of: "non_conflicts:\n    - {id: n1, claims: [a2, b2]}", with: "non_conflicts:\n    - {id: n1, claims: [a1, b1]}")
      .replacingOccurrences(of: "conflicts:\n    - {id: c1, claims: [a1, b1], level: must, kind: value}\n    - {id: c2, claims: [a2, b1], level: should, kind: scope}\n", with: "conflicts: []\n")
    let root = try Self.corpus(gold: gold)
    let score = try #require(try Evaluator(checker: Fixtures.checker(), attributes: GoldAttributeMap(table: [:])).evaluate(corpus: root).stories.first)
    #expect(score.falseConflicts.map(\.gold) == ["n1"])
    #expect(score.unmatchedFindings.isEmpty)
    let bare = Self.gold.replacingOccurrences(of: "non_conflicts:\n    - {id: n1, claims: [a2, b2]}", with: "non_conflicts: []")
      .replacingOccurrences(of: "conflicts:\n    - {id: c1, claims: [a1, b1], level: must, kind: value}\n    - {id: c2, claims: [a2, b1], level: should, kind: scope}\n", with: "conflicts: []\n")
    let unexplained = try #require(try Evaluator(checker: Fixtures.checker(), attributes: GoldAttributeMap(table: [:])).evaluate(corpus: try Self.corpus(gold: bare)).stories.first)
    #expect(unexplained.unmatchedFindings.count == 1)
    #expect(unexplained.unmatchedFindings.first?.message.contains("4 200") == true)
  }

  @Test(arguments: [
    ("source: x\npublished: 2024\nlanguage: fr\n---\nTexte.\n", true),
    ("---\ntitle: a\n---\nText.\n", false),
    ("Plain text: with a colon\nand more.\n", false),
  ])
  func aHeaderBlockBecomesFrontMatter(text: String, rewritten: Bool) {
    #expect((Evaluator.withFrontMatter(Array(text.utf8)) != Array(text.utf8)) == rewritten)
  }
}

/// `factcheck evaluate` as a gate: exit 1 when short of `--min-recall` or over `--max-false`, 0 otherwise;
/// `--format json` is parseable.
@Suite(.enabled(if: RuleAuthoring.binary != nil, "the factcheck binary is not built next to the tests"))
struct EvaluateCommandTests {
  static let gates: [([String], Int32)] = [
    (["--min-recall", "0.5"], 0),
    (["--min-recall", "0.99"], 1),
    (["--max-false", "0"], 0),
    (["--min-recall", "1.5"], 2),
  ]

  @Test(arguments: EvaluateCommandTests.gates)
  func theGateExitsOneWhenShort(options: [String], status: Int32) throws {
    let root = try EvaluatorTests.corpus(gold: EvaluatorTests.gold)
    let run = try RuleAuthoring.run(["evaluate", root] + options)
    #expect(run.status == status, "\(run.output)")
    if status == 1 { #expect(run.output.contains("is below --min-recall")) }
  }

  @Test func jsonHasTheTotalAndEachStory() throws {
    let root = try EvaluatorTests.corpus(gold: EvaluatorTests.gold)
    let run = try RuleAuthoring.run(["evaluate", root, "--format", "json", "--verbose"])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let total = try #require(object["total"] as? [String: Any])
    #expect((total["claims"] as? [String: Any])?["total"] as? Int == 5)
    #expect((object["stories"] as? [[String: Any]])?.first?["missed_claims"] != nil)
  }

  @Test func aFolderWithoutGoldIsAnError() throws {
    let run = try RuleAuthoring.run(["evaluate", try RuleAuthoring.temporaryDirectory("no-gold")])
    #expect(run.status == 2)
    #expect(run.output.contains("no gold file"))
  }
}
