import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// How a figure is read from its context — the subject, the period and the attribute its sentence
/// gives it — on sentences written for these tests, of the kinds that fooled earlier versions.
@Suite struct ReadingInContextTests {
  /// One expectation: the claims of `text`, as "entity attribute value period".
  struct Case: CustomTestStringConvertible, Sendable {
    let language: String
    let text: String
    let expected: [String]
    var testDescription: String { text }
  }

  static let published = Day(year: 2025, month: 6, day: 10)

  @Test(arguments: [
    // A nationality adjective is not the company.
    Case(language: "en", text: "Orbita Logistics said its French revenue growth stalled. Orbita Logistics employs 15,000 people.",
         expected: ["Orbita Logistics employees 15000 current"]),
    // A bare figure after a count continues the count, not the revenue of the sentence before.
    Case(language: "en", text: "Revenue reached $410 million in 2024. The app now has 2.3 million merchants, up from 1.9 million.",
         expected: ["- revenue 410000000 2024", "- merchants 2300000 current"]),
    // A year the article gives as a figure of its own dates nothing else.
    Case(language: "en", text: "The company, founded in 2011, had revenue of €480m, up 21%.",
         expected: ["- founded_year 2011 unspecified", "- revenue 480000000 current", "- revenue_growth_percent 21 current"]),
    // The sentence's own period dates a flow before any other paragraph's year.
    Case(language: "en", text: "It raised money in 2023.\n\nRevenue grew 37% to $212 million last year.",
         expected: ["- revenue_growth_percent 37 2024", "- revenue 212000000 2024"]),
    // Results sentence: the latest year is the reporting year.
    Case(language: "fr", text: "Son chiffre d'affaires a atteint 1,1 milliard d'euros en 2024, contre 950 millions d'euros en 2023, soit une progression de 16 %.",
         expected: ["- revenue 1100000000 2024", "- revenue 950000000 2023", "- revenue_growth_percent 16 2024"]),
    // A period after "from", « par rapport à » is the base of the comparison, not the figure's period.
    Case(language: "en", text: "The company raked in $310 million in 2023, up 28% from the previous year.",
         expected: ["- revenue 310000000 2023", "- revenue_growth_percent 28 2023"]),
    Case(language: "fr", text: "En 2023, le chiffre d'affaires du groupe a progressé de 12 % par rapport à l'année précédente.",
         expected: ["- revenue_growth_percent 12 2023"]),
    // « un milliard », "a billion".
    Case(language: "fr", text: "Le groupe veut dégager un milliard de dollars d'économies par an.",
         expected: ["- cost_savings 1000000000 current"]),
    Case(language: "en", text: "The group targets savings of a billion dollars a year.",
         expected: ["- cost_savings 1000000000 current"]),
    // Paying subscribers are not all the users.
    Case(language: "en", text: "The app has 48 million monthly users and 3.1 million paying subscribers.",
         expected: ["- users 48000000 current", "- paying_subscribers 3100000 current"]),
  ])
  func readsTheFigureInItsContext(_ example: Case) {
    let claims = Fixtures.claims(example.text, language: example.language, published: ReadingInContextTests.published)
    let seen = claims.map { claim in
      "\(claim.entity ?? "-") \(claim.attribute) \(NumberFormatting.plain(claim.value).replacingOccurrences(of: " ", with: "")) \(claim.period)"
    }
    #expect(seen.sorted() == example.expected.sorted())
  }

  @Test(arguments: [("en", "Paylinea files for a Paris listing\n\nJune 13, 2025\n\nThe company had revenue of €480m last year.\n"),
                    ("fr", "Paylinea prépare son entrée en Bourse\n\n12 juin 2025\n\nLa société a réalisé l'an dernier un chiffre d'affaires de 480 M€.\n")])
  func aLineHoldingOnlyADateDatesTheArticle(language: String, text: String) {
    let extraction = Extractor(rules: Fixtures.bundledRules).extract(Fixtures.article(text, language: language))
    #expect(extraction.article.published == Day(year: 2025, month: 6, day: language == "en" ? 13 : 12))
    #expect(extraction.claims.map(\.period) == [.year(2024)])
  }
}
