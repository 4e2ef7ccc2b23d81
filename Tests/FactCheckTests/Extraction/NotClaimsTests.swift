import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Text that carries numbers but no claim: dates, years, opening hours, reading times, datelines,
/// headline lists. None may yield a claim.
@Suite struct NotClaimsTests {
  @Test(arguments: [
    ("fr", "Publié le 13-05-2025 à 10:44 par la rédaction"),
    ("fr", "Publié le 23/06/2025 à 10:44:41"),
    ("fr", "Mis à jour le 14 mai 2025"),
    ("fr", "5 min de lecture"),
    ("fr", "Temps de lecture : 7 minutes"),
    ("fr", "Le service client répond 24 h/24 et 7 j/7."),
    ("fr", "Le support fonctionne 24/7 depuis 2023."),
    ("fr", "Municipales 2026 : la gauche divisée à Paris"),
    ("fr", "En 2024, la fintech a changé de stratégie."),
    ("fr", "Rendez-vous le 3 juin 2025 à 18 h 30."),
    ("fr", "Marchés agités, euro en repli : le point sur l'économie ce mardi 17 juin"),
    ("fr", "Budget 2026 : les trois pistes du gouvernement Publié le 22/06/2025 à 10:44:31"),
    ("fr", "Les 3 questions à se poser avant d'investir en 2025"),
    ("fr", "Article 12 du règlement, alinéa 3."),
    ("en", "Published May 13, 2025, 10:44 am"),
    ("en", "Updated 23/06/2025 at 10:44"),
    ("en", "5 min read"),
    ("en", "The help desk runs 24/7."),
    ("en", "In 2024 the company changed course."),
    ("en", "Election 2026: five things to watch"),
    ("en", "The meeting is on June 3, 2025 at 6:30 pm."),
    ("en", "Call 1-800-555-0199 for details."),
    ("en", "See page 12 of the 2024 annual report."),
  ])
  func yieldsNoClaim(language: String, text: String) {
    let claims = Fixtures.claims(text, language: language)
    #expect(claims.isEmpty, "«\(text)» gave \(claims.map { "\($0.attribute)=\($0.value) [\($0.rule)]" })")
  }

  @Test(arguments: [("en", "The firm employs 27,00 people."), ("fr", "La société emploie 27,00 salariés.")])
  func malformedFigureIsReportedNotGuessed(language: String, text: String) throws {
    let article = Fixtures.article(text, language: language)
    let extraction = Extractor(rules: Fixtures.bundledRules).extract(article)
    #expect(extraction.claims.isEmpty, "read as \(extraction.claims.map(\.value))")
    let diagnostic = try #require(extraction.diagnostics.first { $0.message.contains("malformed figure") })
    #expect(diagnostic.message.contains("'27,00'"))
    #expect(diagnostic.location?.line == 1)
    #expect(diagnostic.severity == .warning)
  }

  @Test func aDatelineDatesTheArticleAndIsNotAClaim() throws {
    let text = "Klarna recrute à nouveau\nPublié le 13-05-2025 par Jeanne Martin\nKlarna fait travailler 3 800 salariés, contre 5 000 l'année dernière.\n"
    let extraction = Extractor(rules: Fixtures.bundledRules).extract(Fixtures.article(text, language: "fr"))
    #expect(extraction.article.published == Day(year: 2025, month: 5, day: 13))
    #expect(extraction.article.publishedSource == "dateline")
    #expect(extraction.claims.map(\.value) == [3800, 5000])
    #expect(extraction.claims.last?.period == .year(2024))
  }
}
