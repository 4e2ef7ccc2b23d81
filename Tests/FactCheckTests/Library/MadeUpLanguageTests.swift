import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The engine holds no vocabulary of its own: Veltish (`vx`), a language made up for these tests
/// (`Fixtures/MadeUpLanguage`), loaded without the bundled rules, has words of its own for everything —
/// numbers, scales, months, hedges, range words, legal forms, abbreviations — and its articles yield
/// claims and a conflict as French and English ones do. A word the engine still knew in French or English
/// would be of no help here.
@Suite struct MadeUpLanguageTests {
  static let folder = Fixtures.tests + "/FactCheckTests/Fixtures/MadeUpLanguage"
  static let rules = CompiledRuleSet.load([folder])
  static let checker = FactChecker(rules: rules, options: FactCheckOptions(jobs: 1))
  static let growth = folder + "/articles/kelvaro-kreskas.md"
  static let factory = folder + "/articles/la-fabriko.md"

  static func claims(_ path: String, rules: CompiledRuleSet = rules) -> [Claim] {
    FactChecker(rules: rules, options: FactCheckOptions(jobs: 1)).extract(paths: [path]).claims.map { $0 }
  }

  @Test func itsRulesLoadAloneAndTheirExamplesPass() {
    #expect(Self.rules.library.lexicons.keys.sorted() == ["vx"])
    #expect(!Self.rules.problems.contains { $0.severity == .error }, "\(Self.rules.problems)")
    let outcome = RuleTester.test(Self.rules)
    #expect(outcome.exitStatus == 0, "\(outcome.lines)")
  }

  @Test func anArticleYieldsItsClaimsFromTheLexiconsWords() throws {
    let run = Self.checker.extract(paths: [Self.growth])
    // « 13ka Majo 2025 »: a dateline read with the language's month and ordinal ending.
    #expect(run.documents.first?.published == Day(year: 2025, month: 5, day: 13))
    let claims = run.claims
    // « Kelvaro KD dungas 3.500 Laboristoj »: "." groups thousands, KD is a legal form.
    let headcount = try #require(claims.first { $0.attribute == "employees" && $0.period == .current })
    #expect(headcount.value == 3500)
    #expect(headcount.hedge == .exact)
    #expect(headcount.entity == "Kelvaro KD")
    // « pasjare 6,7 gigori da evri »: a period word, a decimal comma, a scale, a currency link and word.
    let revenue = try #require(claims.first { $0.attribute == "revenue" })
    #expect(revenue.value == 6.7e9)
    #expect(revenue.unit == "EUR")
    #expect(revenue.period == .year(2024))
    // « Lau Sro. Talvik, la firmo … »: the abbreviation's dot ends no sentence.
    #expect(revenue.sentence.hasPrefix("Lau Sro. Talvik"))
    // « ym 2024 intra 3.000 ul 3.200 »: a year prefix, and a range opened and joined by the language's words.
    let range = try #require(claims.first { $0.attribute == "employees" && $0.period == .year(2024) })
    #expect(range.interval == ValueInterval(3000, 3200))
    // « 15 ven 20 % »: a range joined by its own word.
    let share = try #require(claims.first { $0.attribute == "market_share" })
    #expect(share.interval == ValueInterval(15, 20))
  }

  @Test func twoArticlesReconcileIntoAConflict() throws {
    let result = Self.checker.check(paths: [Self.growth, Self.factory])
    // Both name one company, once with its legal form (« Kelvaro KD »): claims are compared under one name.
    #expect(Set(result.claims.filter { $0.attribute == "employees" && $0.period == .current }.compactMap(\.entity)) == ["Kelvaro"])
    // « rondo 3.800 »: a hedge of the language; 3 500 is outside its ±5 %.
    let hedged = try #require(result.claims.first { $0.document.hasSuffix("la-fabriko.md") && $0.attribute == "employees" })
    #expect(hedged.hedge == .approximate(tolerance: 0.05))
    let conflict = try #require(result.findings.first { $0.kind == .conflict })
    #expect(conflict.attribute == "employees")
    #expect(conflict.entity == "Kelvaro")
    #expect(result.findings.count == 1, "\(result.findings.map(\.message))")
  }

  @Test func aCapitalisedCommonNounIsNoCompanyWhereEveryNounIsCapitalised() throws {
    // « La Fabriko » (the factory) is named more often than Kelvaro; in a language that capitalises its
    // nouns, that capital says nothing, and the factory's output is Kelvaro's.
    let robots = try #require(Self.claims(Self.factory).first { $0.attribute == "robots_made" })
    #expect(robots.entity == "Kelvaro")
    // « La da Kelvaro nomataj Nombroj » (the figures named by Kelvaro): past a function word, a capital
    // after a determiner is a name again.
    #expect(Self.checker.extract(paths: [Self.factory]).documents.first?.subject == "Kelvaro")
    // The same words read as a language that capitalises only names (a layer turns the flag off): the
    // factory becomes a company.
    let layer = try RuleAuthoring.temporaryDirectory("flag") + "/flag.yaml"
    try RuleAuthoring.write("lexicon:\n  language: vx\n  capitalises_nouns: false\n", to: layer)
    let flagOff = CompiledRuleSet.load([Self.folder, layer])
    #expect(flagOff.library.lexicons["vx"]?.capitalisesNouns == false)
    #expect(Self.claims(Self.factory, rules: flagOff).first { $0.attribute == "robots_made" }?.entity == "Fabriko")
  }

  @Test func anAbbreviationIsNoSentenceEndOnlyForItsLexicon() throws {
    let text = "Lau Sro. Talvik, la firmo kreskas."
    let bytes = Array(text.utf8)
    let lexicon = try #require(Self.rules.library.lexicons["vx"])
    #expect(TextStructure.sentences(in: bytes, range: 0..<bytes.count, fullStops: FullStops(lexicon: lexicon)).count == 1)
    #expect(TextStructure.sentences(in: bytes, range: 0..<bytes.count, fullStops: .none).count == 2)
  }
}
