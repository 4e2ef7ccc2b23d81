import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// A change from one headcount to another: the earlier figure is the year before the later one, unless
/// the later one is still to come — then the earlier one is today's.
@Suite struct ChangePeriodTests {
  static let published = Day(year: 2025, month: 3, day: 18)

  @Test(arguments: [
    // A past change: 5 200 a year before today's 4 100 (2024, in an article of 2025).
    ("fr", "En un an, les effectifs d'Ostra sont passés de 5 200 à 4 100 salariés.", ["5200 2024", "4100 current"]),
    // A change to come by a year after publication: 4 000 now, 2 300 in 2027 — not 4 000 in 2026.
    ("fr", "Au total, l'effectif d'Ostra passera de 4 000 à 2 300 salariés d'ici 2027.", ["4000 current", "2300 2027"]),
  ])
  func theEarlierFigureOfAChangeToComeIsToday(language: String, text: String, expected: [String]) {
    let claims = Fixtures.claims(text, language: language, published: ChangePeriodTests.published)
      .filter { $0.attribute == "employees" }
    #expect(claims.map { "\(Int($0.value)) \($0.period)" } == expected)
  }
}
