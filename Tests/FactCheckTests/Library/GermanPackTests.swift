import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The bundled German pack on German typography and constructions: figures, hedges, periods, datelines,
/// detection, and claims that reconcile with French and English ones.
@Suite struct GermanPackTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let text: String
    let attribute: String
    let value: Double
    var hedge = "exact"
    var unit: String?
    var period: String?
    var low: Double?
    var testDescription: String { "«\(text)»" }
  }

  static let rows: [Row] = [
    Row(text: "Ostra beschäftigt 3.500 Mitarbeiter.", attribute: "employees", value: 3500, period: "current"),
    Row(text: "Ostra beschäftigt rund 3.800 Beschäftigte.", attribute: "employees", value: 3800, hedge: "approximate"),
    Row(text: "Ostra beschäftigt knapp 4.000 Mitarbeiter.", attribute: "employees", value: 4000, hedge: "nearly"),
    Row(text: "Ostra beschäftigt mehr als 4.000 Mitarbeiter.", attribute: "employees", value: 4000, hedge: "more_than"),
    Row(text: "Ostra beschäftigt etwa 1.200 Mitarbeiter.", attribute: "employees", value: 1200, hedge: "approximate"),
    Row(text: "Ostra beschäftigt zwischen 3.000 und 3.500 Mitarbeiter.", attribute: "employees", value: 3000, hedge: "range", low: 3000),
    Row(text: "Ostra beschäftigte im vergangenen Jahr 5.000 Mitarbeiter.", attribute: "employees", value: 5000, period: "2024"),
    Row(text: "Ende 2024 beschäftigte Ostra 4.100 Mitarbeiter.", attribute: "employees", value: 4100, period: "2024"),
    Row(text: "Ostra wurde 2022 mit 6,7 Milliarden Dollar bewertet.", attribute: "valuation_usd", value: 6.7e9, unit: "USD", period: "2022"),
    Row(text: "Die Bank meldet einen Nettogewinn von 120 Mio. Euro für 2024.", attribute: "net_income", value: 120e6, unit: "EUR", period: "2024"),
    Row(text: "Der Umsatz stieg auf 4,2 Mrd. Euro.", attribute: "revenue", value: 4.2e9, unit: "EUR"),
    Row(text: "Ostra will bis Jahresende rund 700 Stellen streichen.", attribute: "layoffs", value: 700, hedge: "approximate"),
    Row(text: "Der Konzern baut weltweit 1.200 Arbeitsplätze ab.", attribute: "layoffs", value: 1200),
    Row(text: "Die Belegschaft ist um 22 % geschrumpft.", attribute: "workforce_reduction_percent", value: 22),
    Row(text: "Die App hat 85 Millionen Nutzer.", attribute: "users", value: 85e6),
  ]

  @Test(arguments: rows)
  func readsGermanCopy(_ row: Row) throws {
    let claims = Fixtures.claims(row.text, language: "de", published: Day(year: 2025, month: 5, day: 13))
    let claim = try #require(claims.first { $0.attribute == row.attribute && abs($0.value - row.value) < 1e-6 * max(1, row.value) },
                             "got \(claims.map { "\($0.attribute)=\($0.value)" })")
    #expect(claim.hedge.name == row.hedge)
    if let unit = row.unit { #expect(claim.unit == unit) }
    if let period = row.period { #expect(claim.period.description == period) }
    if let low = row.low { #expect(claim.interval.low == low) }
  }

  /// Without front matter the language is detected and the dateline, with its ordinal point, dates the article.
  @Test func detectsGermanAndReadsItsDateline() throws {
    let text = "Klarna im Wandel\n\nVeröffentlicht am 13. Mai 2025\n\nDer Zahlungsdienstleister Klarna beschäftigt derzeit 3.500 Mitarbeiter, und die Zahl der Stellen soll weiter sinken.\n"
    let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)
    guard case .article(let article) = loader.load(path: "de.md", bytes: Array(text.utf8)) else {
      Issue.record("not loaded")
      return
    }
    #expect(article.language == "de")
    let result = Fixtures.checker().check(articles: [article])
    #expect(result.documents.first?.published == Day(year: 2025, month: 5, day: 13))
    #expect(result.claims.contains { $0.attribute == "employees" && $0.value == 3500 && $0.entity == "Klarna" })
  }

  /// A German and a French headcount of one company, now, that cannot both be true.
  @Test func germanAndFrenchHeadcountsConflict() {
    let day = Day(year: 2025, month: 5, day: 13)
    let german = Fixtures.article("Der Versandhändler Brindille beschäftigt heute 3.500 Mitarbeiter.\n", language: "de", published: day, path: "de.md")
    let french = Fixtures.article("Brindille emploie aujourd'hui environ 3 800 personnes.\n", language: "fr", published: day, path: "fr.md")
    let result = Fixtures.checker().check(articles: [german, french])
    let finding = result.findings.first { $0.attribute == "employees" }
    #expect(finding != nil)
    #expect(Set(finding?.claims.map { result.claims[$0].language } ?? []) == ["de", "fr"])
  }
}
