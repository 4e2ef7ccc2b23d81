import PatternMatching
import Testing

@testable import FactCheck

/// Issue 15: a rule that opens with optional placeholders is looked for by its core (the pattern without
/// them), which PCRE2 finds by a start bitmap; the matches must be the very ones a scan of the whole
/// pattern finds.
@Suite struct OptionalLeadTests {
  @Test func aRuleOpeningWithAnOptionalHedgeOrNameHasACore() throws {
    let rules = Fixtures.bundledRules
    for id in ["en.employees.verb", "en.employees.work-for"] {
      let rule = try #require(rules.rule(id: id))
      let core = try #require(rule.core, "\(id) opens with an optional placeholder")
      #expect(!rule.pattern.hasStartInformation)
      #expect(core.hasStartInformation)
      #expect(rule.expandedPattern.hasSuffix(core.source), "the core is the pattern's tail")
    }
    // A rule that opens with a required word has no optional lead.
    let level = try #require(rules.rule(id: "en.employees.level"))
    #expect(level.expansion.regexWithoutOptionalLead == nil)
  }

  struct Row: Sendable, CustomTestStringConvertible {
    let regex: String
    let refers: Bool
    var testDescription: String { regex }
  }

  static let rows: [Row] = [
    Row(regex: "(?<s1>[0-9]+) staff(?(DEFINE)(?<d_count>[0-9]+))", refers: false),
    Row(regex: "(?<s1>(?&d_count)) staff(?(DEFINE)(?<d_count>[0-9]+))", refers: false),
    Row(regex: "(?-i)Staff (?:a|b)", refers: false),
    Row(regex: "(a) \\1", refers: true),
    Row(regex: "(a) (?1)", refers: true),
    Row(regex: "(a) (?-1)", refers: true),
    Row(regex: "(?(<s0>)a|b)", refers: true),
    Row(regex: "\\k<s0>", refers: true),
    Row(regex: "a(*SKIP)b", refers: true),
  ]

  @Test(arguments: rows)
  func groupReferencesKeepTheLeadOn(_ row: Row) {
    #expect(ExpandedPattern.refersToGroups(row.regex) == row.refers)
  }

  /// Every rule with a core, over all of its language's examples in one text: the same matches, groups
  /// included, as the whole pattern scanned alone.
  @Test func theCoreFindsTheSameMatchesAsTheWholePattern() throws {
    let rules = Fixtures.bundledRules
    let matcher = Matcher()
    var checked = 0
    for language in Set(rules.rules.map(\.definition.language)).sorted() {
      let ofLanguage = rules.rules.filter { $0.definition.language == language }
      let text = ofLanguage.flatMap { $0.definition.examples.map(\.text) }.joined(separator: "\n\n")
      let subject = UTF8Subject(text)
      for rule in ofLanguage {
        guard let core = rule.core else { continue }
        var budget = ScanBudget(limits: matcher.limits, bytes: subject.bytes.count)
        var guided: [PatternMatch] = []
        try matcher.forEachMatch(of: rule.pattern, core: core, in: subject, range: 0..<subject.bytes.count, budget: &budget) {
          guided.append($0)
        }
        let whole = try matcher.matches(of: rule.pattern, in: subject).filter { !$0.range.isEmpty }
        #expect(guided == whole, "\(rule.id)")
        #expect(!whole.isEmpty, "\(rule.id) matches its own examples")
        checked += 1
      }
    }
    #expect(checked >= 20)
  }
}
