import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// A user's lexicon layered over the bundled rules can keep bundled rules from compiling; the error
/// then names the user's file, line and column, once, with the rules left out, never a bundled rule.
@Suite struct UserLexiconErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    /// What the user's `lexicons/fr.yaml` adds under `lexicon:` (after `language: fr`, line 2).
    let entries: String
    let line: Int
    /// `nil` where the exact column is beside the point.
    let column: Int?
    let message: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "a fragment with an unclosed group", entries: "  fragments:\n    staff: \"(?:salariés|gens\"\n",
         line: 4, column: 29, message: "invalid pattern: missing closing parenthesis (in lexicon fragment '{staff}'; "),
    Case(name: "a fragment with a stray parenthesis", entries: "  fragments:\n    staff: \"salariés)|gens\"\n",
         line: 4, column: 21, message: "invalid pattern: unmatched closing parenthesis (in lexicon fragment '{staff}'; "),
    Case(name: "a fragment broken on its second line", entries: "  fragments:\n    staff: >-\n      (?:salariés|gens|\n      [z-a])\n",
         line: 6, column: 10, message: "invalid pattern: range out of order in character class (in lexicon fragment '{staff}'; "),
    Case(name: "a word list too large for PCRE2",
         entries: "  nouns:\n" + (0..<30_000).map { "    mot\($0): employees\n" }.joined(),
         line: 3, column: 3, message: "invalid pattern: regular expression is too large ('{noun}' is "),
  ]

  @Test(arguments: cases)
  func theErrorIsInTheUsersLexicon(_ testCase: Case) throws {
    let user = try RuleAuthoring.temporaryDirectory("user-lexicon")
    let lexicon = user + "/lexicons/fr.yaml"
    try RuleAuthoring.write("lexicon:\n  language: fr\n" + testCase.entries, to: lexicon)
    let rules = RuleAuthoring.compile([Fixtures.rules, user])

    let errors = rules.problems.filter { $0.severity == .error }
    #expect(errors.count == 1, "one error, not one per bundled rule: \(errors.prefix(3))")
    let error = try #require(errors.first)
    #expect(error.location.path == lexicon)
    #expect(error.location.line == testCase.line, "\(error)")
    if let column = testCase.column { #expect(error.location.column == column, "\(error)") }
    #expect(error.message.hasPrefix(testCase.message), "\(error.message)")
    #expect(error.message.contains("left out"), "names what it cost: \(error.message)")
    #expect(!errors.contains { $0.location.path.hasPrefix(Fixtures.rules) })
    // The rules that do not use the entry still compile.
    #expect(rules.rules.count > Fixtures.bundledRules.rules.count / 2)
    #expect(rules.rules.count < Fixtures.bundledRules.rules.count)
  }

  @Test func aFragmentBrokenForManyRulesNamesAFewAndCountsTheRest() throws {
    let user = try RuleAuthoring.temporaryDirectory("user-lexicon")
    try RuleAuthoring.write("lexicon:\n  language: fr\n  fragments:\n    staff: \"(\"\n", to: user + "/lexicons/fr.yaml")
    let rules = RuleAuthoring.compile([Fixtures.rules, user])
    let leftOut = Fixtures.bundledRules.rules.filter { rule in
      rule.definition.language == "fr" && rule.expansion.slots.contains { $0.role == .fragment("staff") }
    }.map(\.id)
    #expect(leftOut.count > CompileErrorLocator.rulesNamed)
    let error = try #require(rules.problems.first { $0.severity == .error })
    let named = leftOut.prefix(CompileErrorLocator.rulesNamed).joined(separator: ", ")
    #expect(error.message.hasSuffix("; \(leftOut.count) rules use it and are left out: \(named) and "
                                       + "\(leftOut.count - CompileErrorLocator.rulesNamed) more)"), "\(error.message)")
    #expect(Set(rules.rules.map(\.id)).isDisjoint(with: leftOut))
  }

  @Test func aUsersRuleThatBreaksABundledFragmentIsStillReportedInTheRule() throws {
    let user = try RuleAuthoring.temporaryDirectory("user-lexicon")
    let file = user + "/fr/mine.yaml"
    try RuleAuthoring.write("""
      language: fr
      rules:
        - id: mine.staff
          attribute: employees
          pattern: 'emploie {count} {staff} [9-0]'
      """, to: file)
    let rules = RuleAuthoring.compile([Fixtures.rules, user])
    let error = try #require(rules.problems.first { $0.severity == .error })
    #expect(error.location.path == file)
    #expect(error.location.line == 5)
    #expect(error.message == "invalid pattern: range out of order in character class")
  }
}
