import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Periods to the month: keys, resolution against the publication date, what event figures are dated to,
/// and layoff rounds of different months that are never compared — on sentences written for these tests
/// about fictional companies.
@Suite struct MonthPeriodTests {
  static let published = Day(year: 2025, month: 6, day: 10)

  @Test(arguments: [
    ("2022-11", Period.month(11, of: .year(2022))),
    ("last_year-03", .month(3, of: .relativeYear(-1))),
    ("month-07", .month(7, of: .unspecified)),
    ("year-12", .relativeYear(-12)),
    ("2024-Q3", .quarter(3, of: .year(2024))),
  ])
  func monthKeysReadBack(key: String, period: Period) {
    #expect(Period(key: key) == period)
    #expect(period.description == key)
  }

  /// A month named without a year is the latest such month not after publication — the first not before
  /// it, for a forecast; an article dated only to the year leaves it unresolved.
  @Test func aMonthWithoutAYearIsFoundFromThePublicationDate() {
    let may2023 = Day(year: 2023, month: 5, day: 24)
    #expect(Period.month(11, of: .unspecified).resolved(published: may2023) == .month(11, of: .year(2022)))
    #expect(Period.month(5, of: .unspecified).resolved(published: may2023) == .month(5, of: .year(2023)))
    #expect(Period.month(3, of: .unspecified).resolved(published: may2023, projected: true) == .month(3, of: .year(2024)))
    #expect(Period.month(3, of: .relativeYear(-1)).resolved(published: may2023) == .month(3, of: .year(2022)))
    #expect(Period.month(3, of: .unspecified).resolved(published: Day(year: 2023)) == .month(3, of: .unspecified))
    #expect(Period.month(3, of: .unspecified).resolved(published: nil) == .month(3, of: .unspecified))
  }

  struct Reading: CustomTestStringConvertible, Sendable {
    let language: String
    let text: String
    let attribute: String
    let period: String
    var testDescription: String { text }
  }

  /// An event figure takes the month its sentence names; a state figure keeps the year.
  @Test(arguments: [
    Reading(language: "en", text: "Orvane cut 300 jobs in March.", attribute: "layoffs", period: "2025-03"),
    Reading(language: "en", text: "Orvane cut 1,200 jobs last November.", attribute: "layoffs", period: "2024-11"),
    Reading(language: "en", text: "Orvane also cut 400 jobs in November of last year.", attribute: "layoffs", period: "2024-11"),
    Reading(language: "en", text: "Orvane cut 500 jobs in March 2023.", attribute: "layoffs", period: "2023-03"),
    Reading(language: "en", text: "Orvane cut 500 jobs.", attribute: "layoffs", period: "unspecified"),
    Reading(language: "fr", text: "Orvane a supprimé 300 postes en mars.", attribute: "layoffs", period: "2025-03"),
    Reading(language: "fr", text: "Orvane a supprimé 1 200 postes en novembre dernier.", attribute: "layoffs", period: "2024-11"),
    Reading(language: "fr", text: "Fin octobre, Orvane a supprimé 250 postes.", attribute: "layoffs", period: "2024-10"),
    Reading(language: "fr", text: "Orvane avait supprimé 700 postes en mai 2023.", attribute: "layoffs", period: "2023-05"),
    Reading(language: "en", text: "Orvane employed 3,000 people in March 2023.", attribute: "employees", period: "2023"),
  ])
  func eventFiguresAreDatedToTheirMonth(_ reading: Reading) {
    let claims = Fixtures.claims(reading.text, language: reading.language, published: MonthPeriodTests.published)
      .filter { $0.attribute == reading.attribute }
    #expect(claims.map(\.period.description) == [reading.period])
  }

  struct Pair: CustomTestStringConvertible, Sendable {
    let language: String
    let first: String
    let second: String
    /// The period of the finding, or `nil` when the two are two events.
    let conflict: String?
    var testDescription: String { "\(first) / \(second)" }
  }

  /// Two articles: rounds of different months are two events; the same month's, or a month's and an
  /// undated one, are compared as before.
  @Test(arguments: [
    Pair(language: "en", first: "Orvane cut 300 jobs in March.", second: "Orvane cut 1,200 jobs last November.", conflict: nil),
    Pair(language: "en", first: "Orvane cut 300 jobs in March.", second: "Orvane cut 320 jobs last November.", conflict: nil),
    Pair(language: "en", first: "Orvane cut 300 jobs in March.", second: "Orvane cut 320 jobs in March.", conflict: "2025-03"),
    Pair(language: "en", first: "Orvane cut 300 jobs in March.", second: "Orvane cut 320 jobs.", conflict: "2025-03"),
    Pair(language: "fr", first: "Orvane a supprimé 300 postes en mars.", second: "Orvane a supprimé 1 200 postes en novembre dernier.", conflict: nil),
    Pair(language: "fr", first: "Orvane a supprimé 300 postes en mars.", second: "Orvane a supprimé 320 postes fin novembre.", conflict: nil),
    Pair(language: "fr", first: "Orvane a supprimé 300 postes en mars.", second: "Orvane a supprimé 320 postes en mars.", conflict: "2025-03"),
  ])
  func roundsOfDifferentMonthsAreTwoEvents(_ pair: Pair) {
    // A first sentence names the company, as an article's opening does.
    let opening = pair.language == "fr" ? "Orvane se restructure. " : "Orvane is restructuring. "
    let articles = [
      Fixtures.article(opening + pair.first, language: pair.language, published: MonthPeriodTests.published, path: "a.md"),
      Fixtures.article(opening + pair.second, language: pair.language, published: Day(year: 2025, month: 6, day: 12), path: "b.md"),
    ]
    #expect(articles.allSatisfy { article in
      Extractor(rules: Fixtures.bundledRules).extract(article).claims.contains { $0.attribute == "layoffs" && $0.entity == "Orvane" }
    })
    let result = Fixtures.checker().check(articles: articles)
    #expect(result.claims.filter { $0.attribute == "layoffs" }.count == 2)
    let conflicts = result.findings.filter { $0.kind == .conflict && $0.attribute == "layoffs" }
    #expect(conflicts.map(\.period) == (pair.conflict.map { [$0] } ?? []))
    // A month's figure against one given no time: the period is not certain, so a warning at most.
    let undated = result.claims.contains { $0.attribute == "layoffs" && $0.period == .unspecified }
    #expect(conflicts.allSatisfy { $0.severity == (undated ? .warning : .error) })
  }
}
