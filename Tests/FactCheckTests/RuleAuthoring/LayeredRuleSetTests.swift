import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Rule sets load in layers: a later layer's rule with the same id replaces the earlier one, and a note
/// says which; within one layer the same id twice is an error.
@Suite struct LayeredRuleSetTests {
  static let vocabulary = """
    attributes:
      - name: employees
        kind: count
    lexicon:
      language: fr
      fragments:
        staff: "(?:salariés|personnes)"
    """

  static let bundledRule = """
    language: fr
    rules:
      - id: fr.employees.verb
        attribute: employees
        pattern: 'emploie {count} {staff}'
        examples:
          - text: 'Brindille emploie 1 250 salariés.'
            expect: {value: 1250}
    """

  static let userRule = """
    # My stricter version: only « emploie actuellement ».
    language: fr
    rules:
      - id: fr.employees.verb
        attribute: employees
        pattern: 'emploie actuellement {count} {staff}'
        examples:
          - text: 'Brindille emploie actuellement 1 250 salariés.'
            expect: {value: 1250, period: current}
          - text: 'Brindille emploie 1 250 salariés.'
            expect: none
    """

  static func layers() throws -> (bundled: String, user: String) {
    let root = try RuleAuthoring.temporaryDirectory("layers")
    try RuleAuthoring.write(vocabulary, to: root + "/bundled/vocabulary.yaml")
    try RuleAuthoring.write(bundledRule, to: root + "/bundled/fr/headcount.yaml")
    try RuleAuthoring.write(userRule, to: root + "/user/headcount.yaml")
    return (root + "/bundled", root + "/user")
  }

  @Test func aUserRuleWithTheSameIDReplacesTheBundledOneAndANoteSaysSo() throws {
    let (bundled, user) = try Self.layers()
    let library = RuleFileLoader.load([bundled, user])
    #expect(library.rules.count == 1)
    let rule = try #require(library.rule(id: "fr.employees.verb"))
    #expect(rule.pattern == "emploie actuellement {count} {staff}")
    #expect(rule.location == SourceLocation(path: user + "/headcount.yaml", line: 4, column: 5))
    #expect(rule.examples.count == 2)

    let note = try #require(library.problems.first { if case .overrides = $0.kind { true } else { false } })
    #expect(note.severity == .note)
    #expect(note.kind == .overrides(id: "fr.employees.verb",
                                    previous: SourceLocation(path: bundled + "/fr/headcount.yaml", line: 3, column: 5)))
    #expect(note.location == rule.location)
    #expect(note.description == "\(user)/headcount.yaml:4:5: note: rule 'fr.employees.verb' replaces the one defined at "
              + "\(bundled)/fr/headcount.yaml:3:5")
    #expect(note.diagnostic.ruleID == "fr.employees.verb")
    #expect(!library.hasErrors)

    let outcome = RuleTester.test(RuleCompiler.compile(library))
    #expect(outcome.exitStatus == 0, Comment(rawValue: outcome.lines.joined(separator: "\n")))
    #expect(outcome.lines.contains(note.description), "test-rules shows the note")
    #expect(outcome.report.examplesRun == 2, "the bundled rule's examples went with it")
  }

  @Test func theOrderOfLayersDecides() throws {
    let (bundled, user) = try Self.layers()
    let library = RuleFileLoader.load([user, bundled, bundled + "/fr/headcount.yaml"])
    // The bundled folder comes last but one; the same file again as a third layer replaces it once more.
    #expect(library.rule(id: "fr.employees.verb")?.pattern == "emploie {count} {staff}")
    #expect(library.problems.filter { $0.severity == .note }.count == 2)
    #expect(!library.hasErrors)
  }

  @Test func theSameIDTwiceInOneLayerIsAnErrorNamingBoth() throws {
    let (bundled, _) = try Self.layers()
    try RuleAuthoring.write(Self.userRule, to: bundled + "/fr/mine.yaml")
    let library = RuleFileLoader.load([bundled])
    let errors = library.problems.filter { $0.severity == .error }
    #expect(errors.map(\.description) == [
      "\(bundled)/fr/mine.yaml:4:5: error: duplicate id 'fr.employees.verb'; first defined at \(bundled)/fr/headcount.yaml:3:5"
    ])
  }

  @Test(.enabled(if: RuleAuthoring.binary != nil, "the factcheck executable was not built"))
  func testRulesWithAUserLayerPrintsTheNote() throws {
    let (bundled, user) = try Self.layers()
    let (status, output) = try RuleAuthoring.run(["test-rules", "--no-default-rules", bundled, user])
    #expect(status == 0, Comment(rawValue: output))
    #expect(output.contains("\(user)/headcount.yaml:4:5: note: rule 'fr.employees.verb' replaces the one defined at \(bundled)/fr/headcount.yaml:3:5"),
            Comment(rawValue: output))
  }
}
