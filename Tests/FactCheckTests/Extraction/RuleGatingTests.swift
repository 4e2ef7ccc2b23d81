import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Rules run only in the sentences their prefilters admit: those holding every literal the rule requires
/// (its currency, percent sign or scale words included) and, for a rule that reads a figure, a digit or a
/// number word; and a claim rule is asked only where its match can open (``MatchStartTable``). Neither may
/// lose anything: every article of our corpora gives the same claims, value for value and span for span, as
/// when every rule scans every segment at every position.
@Suite struct RuleGatingTests {
  static let folders = [
    Fixtures.examples, Fixtures.tests + "/FactCheckTests/Fixtures/BlindCorpus", Fixtures.seeds,
    Fixtures.repository + "/../shared/realworld",
  ]

  static func articles() -> [Article] {
    let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)
    var articles: [Article] = []
    for folder in folders {
      guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
      for case let name as String in walker where name.hasSuffix(".md") || name.hasSuffix(".txt") {
        if case .article(let article) = loader.load(path: folder + "/" + name) { articles.append(article) }
      }
    }
    return articles
  }

  @Test func gatedRulesFindWhatUngatedRulesFind() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    let gated = Extractor(rules: Fixtures.bundledRules)
    let ungated = Extractor(rules: Fixtures.bundledRules)
    ungated.gatesRules = false
    var claims = 0
    for article in articles {
      let fast = gated.extract(article).claims
      let full = ungated.extract(article).claims
      #expect(fast.map(\.rule) == full.map(\.rule), "\(article.path)")
      #expect(fast.map(\.valueRange) == full.map(\.valueRange), "\(article.path)")
      #expect(fast == full, "\(article.path)")
      claims += fast.count
    }
    #expect(claims > 500)
  }

  /// A lexicon fragment made optional (`{staff}?`) is no requirement; the words around it still are.
  @Test func anOptionalFragmentIsNotRequired() {
    let source: (String) -> String? = { $0 == "staff" ? "(?:employees|workers)" : nil }
    let optional = Prefilter(pattern: "{staff}? cuts {count}", fragmentSource: source, caseless: true)
    #expect(!optional.requirements.contains { $0.contains(Array("employees".utf8)) })
    #expect(optional.requirements.contains { $0.contains(Array("cuts".utf8)) })
    let required = Prefilter(pattern: "{staff} cuts {count}", fragmentSource: source, caseless: true)
    #expect(required.requirements.contains { $0.contains(Array("employees".utf8)) && $0.contains(Array("workers".utf8)) })
  }

  /// A requirement one of whose literals is a single letter or digit is met in nearly every sentence: it
  /// gates a rule only when the rule has no other requirement and reads no figure (a rule that reads one is
  /// run around its figures).
  @Test(arguments: [
    // (requirements, those the plan gates by, those it gates by when the rule reads a figure)
    ([["m", "million"], ["staff"]], [["staff"]], [["staff"]]),
    ([["m", "million"]], [["m", "million"]], []),
    ([["m", "million"], ["t"]], [["m", "million"], ["t"]], []),
    // A single byte that is no letter or digit is rare enough: "%", "$".
    ([["%"], ["m", "bn"]], [["%"]], [["%"]]),
    ([["$"], ["staff"]], [["$"], ["staff"]], [["$"], ["staff"]]),
    ([["é"], ["staff"]], [["é"], ["staff"]], [["é"], ["staff"]]),
    ([], [], []),
  ] as [([[String]], [[String]], [[String]])])
  func requirementsMetAlmostAnywhereAreLeftOut(requirements: [[String]], gating: [[String]], withFigure: [[String]]) {
    func bytes(_ requirements: [[String]]) -> [[[UInt8]]] { requirements.map { $0.map { Array($0.utf8) } } }
    #expect(ScanPlan.gating(bytes(requirements)) == bytes(gating))
    #expect(ScanPlan.gating(bytes(requirements), needsNumber: true) == bytes(withFigure))
  }

  /// A rule that requires no literal but reads a figure runs only in the sentences that hold a digit or a
  /// number word.
  @Test func aRuleWithoutLiteralsRunsAroundFigures() {
    let plan = ScanPlan(prefilters: [Prefilter(requirements: [], needsNumber: true)], numberWords: [Array("twelve".utf8)])
    let text = Array("No figure here. Twelve left. Nothing else. Sales rose 12 per cent. The end.".utf8)
    let folded = CaseFolding.fold(text)
    let windows = folded.withUnsafeBufferPointer { folded in
      let hits = plan.hits(in: folded, range: 0..<folded.count)
      return plan.windows(forRule: 0, hits, in: folded, segment: 0..<folded.count)
    }
    let texts = windows.map { String(decoding: text[$0.range], as: UTF8.self).trimmingCharacters(in: .whitespaces) }
    #expect(texts == ["Twelve left.", "Sales rose 12 per cent."])
  }

  /// What the prefilter now sees through a value placeholder: the percent sign or word, the currency.
  @Test(arguments: [
    ("fr", "{approx}? {percent}", "%"),
    ("en", "{approx}? {percent}", "per cent"),
    ("en", "{money}", "€"),
    ("en", "{money}", "£"),
    ("fr", "{money}", "euros"),
  ])
  func valuePlaceholdersRequireTheirSymbols(language: String, pattern: String, literal: String) throws {
    let catalog = try #require(Fixtures.bundledRules.catalogs[language])
    let prefilter = Prefilter(pattern: pattern, fragmentSource: { catalog.lexicon.fragments[$0] }, caseless: true,
                              valueSource: { catalog.builtins[$0] })
    #expect(prefilter.needsNumber)
    let folded = CaseFolding.fold(Array(literal.utf8))
    #expect(prefilter.requirements.contains { requirement in requirement.contains { $0 == folded || folded.starts(with: $0) } },
            "\(prefilter.requirements.map { $0.map { String(decoding: $0, as: UTF8.self) } })")
  }
}
