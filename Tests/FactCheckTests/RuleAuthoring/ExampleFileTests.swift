import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Example files: a top-level `examples:` list whose entries name the rule they test.
@Suite struct ExampleFileTests {
  static let rules = """
    attributes:
      - name: employees
        kind: count
    lexicon:
      language: fr
      hedges:
        - kind: approximate
          words: [environ]
      fragments:
        staff: "(?:salariés|personnes)"
    language: fr
    rules:
      - id: fr.employees.verb
        attribute: employees
        pattern: 'emploie {approx}? {count} {staff}'
        examples:
          - text: 'Brindille emploie 1 250 salariés.'
            expect: {value: 1250}
    """

  static let examples = """
    # Texts from our own articles, for the bundled rules.
    examples:
      - rule: fr.employees.verb
        text: 'Ostra emploie environ 3 800 personnes.'
        expect: {value: 3800, hedge: approximate}
      - rule: fr.employees.verb
        text: 'Le musée emploie des guides.'
        expect: none
      - rule: fr.employees.verb
        text: 'Ferrando emploie 900 salariés.'
        published: 2025-05-13
        expect: {value: 901}
    """

  static func layer(_ files: [String: String]) throws -> String {
    let root = try RuleAuthoring.temporaryDirectory("example-files")
    for (name, text) in files { try RuleAuthoring.write(text, to: root + "/" + name) }
    return root
  }

  @Test func entriesAttachToTheirRuleAfterItsOwnExamples() throws {
    let root = try Self.layer(["rules.yaml": Self.rules, "zz-examples.yaml": Self.examples])
    let library = RuleFileLoader.load([root])
    #expect(!library.hasErrors, "\(library.problems)")
    let rule = try #require(library.rule(id: "fr.employees.verb"))
    #expect(rule.examples.map(\.text) == ["Brindille emploie 1 250 salariés.", "Ostra emploie environ 3 800 personnes.",
                                          "Le musée emploie des guides.", "Ferrando emploie 900 salariés."])
    #expect(rule.examples[1].location == SourceLocation(path: root + "/zz-examples.yaml", line: 3, column: 5))
    #expect(rule.examples[3].published == Day(iso: "2025-05-13"))
  }

  @Test func anExampleFileMayComeBeforeTheRuleFile() throws {
    let root = try Self.layer(["a-examples.yaml": Self.examples, "z-rules.yaml": Self.rules])
    let library = RuleFileLoader.load([root])
    #expect(!library.hasErrors, "\(library.problems)")
    #expect(library.rule(id: "fr.employees.verb")?.examples.count == 4)
  }

  @Test func aFailingEntryIsReportedAtItsLineWithItsNumber() throws {
    let root = try Self.layer(["rules.yaml": Self.rules, "zz-examples.yaml": Self.examples])
    let outcome = RuleTester.test(RuleAuthoring.compile([root]))
    #expect(outcome.report.examplesRun == 4)
    #expect(outcome.report.failures.count == 1)
    let failure = try #require(outcome.report.failures.first)
    #expect(failure.description.hasPrefix("\(root)/zz-examples.yaml:9: fr.employees.verb: example 4: expected {value 901}, got {value 900, "),
            "\(failure)")
    #expect(outcome.exitStatus == 1)
  }

  @Test func aLaterLayerMayAddExamplesToAnEarlierLayersRule() throws {
    let bundled = try Self.layer(["rules.yaml": Self.rules])
    let user = try Self.layer(["examples.yaml": Self.examples])
    let library = RuleFileLoader.load([bundled, user])
    #expect(!library.hasErrors)
    #expect(library.rule(id: "fr.employees.verb")?.examples.count == 4)
  }

  @Test func aRuleReplacedByALaterLayerTakesItsExampleFileEntriesWithIt() throws {
    let bundled = try Self.layer(["rules.yaml": Self.rules, "zz-examples.yaml": Self.examples])
    let user = try Self.layer(["rules.yaml": Self.rules.replacingOccurrences(of: "{approx}? ", with: "")])
    let library = RuleFileLoader.load([bundled, user])
    #expect(library.rule(id: "fr.employees.verb")?.examples.count == 1)
  }

  @Test func anEntryForABrokenRuleIsNotReportedTwice() throws {
    let broken = Self.rules.replacingOccurrences(of: "priority", with: "x")
      .replacingOccurrences(of: "attribute: employees", with: "attribute: employees\n    priority: high")
    let root = try Self.layer(["rules.yaml": broken, "zz-examples.yaml": Self.examples])
    let errors = RuleFileLoader.load([root]).problems.filter { $0.severity == .error }
    #expect(errors.map(\.message) == ["invalid priority 'high': not a whole number"])
  }

  @Test func entryKeysAreCheckedLikeEveryOtherKey() throws {
    let root = try Self.layer(["rules.yaml": Self.rules, "zz-examples.yaml": """
      examples:
        - rule: fr.employees.verb
          txt: 'Ostra emploie 3 800 personnes.'
          expect: {value: 3800}
        - text: 'Ostra emploie 3 800 personnes.'
          expect: {value: 3800}
        - rule: fr.employees.verb
          text: 'Ostra emploie 3 800 personnes.'
          expect: {valeur: 3800}
        - rule: fr.employees.verb
          text: 'Ostra emploie 3 800 personnes.'
          expect: {}
      """])
    let errors = RuleFileLoader.load([root]).problems.filter { $0.severity == .error }
    #expect(errors.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
      "3:5: unknown key 'txt'; did you mean 'text'?",
      "5:5: example is missing required key 'rule'",
      "9:14: unknown key 'valeur'; did you mean 'value'?",
      "12:13: invalid expect '{}': an expected claim must give at least one field (value, entity, period…)",
    ])
  }
}
