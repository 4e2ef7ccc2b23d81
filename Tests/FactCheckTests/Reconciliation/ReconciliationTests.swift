import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Builds claims and stores for reconciliation tests.
enum ClaimFactory {
  static func claim(_ document: String, _ value: Double, attribute: String = "employees", entity: String? = "Ostra",
                    hedge: Hedge = .exact, period: Period = .current, modality: Modality = .actual, scope: String? = nil,
                    unit: String? = nil, line: Int = 1) -> Claim {
    Claim(document: document, location: SourceLocation(path: document, line: line, column: 1), valueRange: 0..<1, matchRange: 0..<1,
          rule: "test", entity: entity, entitySource: .named, attribute: attribute, value: value, valueText: "\(value)",
          interval: hedge.interval(around: value), unit: unit, hedge: hedge, period: period, modality: modality,
          language: "fr", quote: "", sentence: "", scope: scope)
  }

  static func store(_ claims: [Claim], published: [String: Day] = [:], names: [NameOccurrence] = [], window: Int? = 365) -> ClaimStore {
    ClaimStore(claims: ClaimList(claims), published: published, names: NameTally(names), library: Fixtures.bundledRules.library, windowDays: window)
  }

  static func conflicts(_ claims: [Claim], published: [String: Day] = [:], window: Int? = 365) -> [Finding] {
    ConflictingValuesCheck().findings(in: store(claims, published: published, window: window))
  }
}

@Suite struct IntervalTests {
  @Test(arguments: [
    (ValueInterval(1, 2), ValueInterval(2, 3), true),
    (ValueInterval(1, 2), ValueInterval(2.01, 3), false),
    (ValueInterval(-.infinity, 5), ValueInterval(4, 4), true),
    (ValueInterval(600_000, .infinity), ValueInterval(500_000, 500_000), false),
  ])
  func overlap(a: ValueInterval, b: ValueInterval, expected: Bool) {
    #expect(a.overlaps(b) == expected)
    #expect(b.overlaps(a) == expected)
  }

  @Test(arguments: [
    (Hedge.exact, 3800.0, 3800.0, 3800.0),
    (Hedge.approximate(tolerance: 0.05), 3800, 3610, 3990),
    (Hedge.nearly(tolerance: 0.05), 4000, 3800, 4000),
    (Hedge.lowerBound(inclusive: false), 600_000, 600_000, Double.infinity),
    (Hedge.upperBound(inclusive: true), 30_000, -Double.infinity, 30_000),
    (Hedge.range(high: 20), 15, 15, 20),
  ])
  func hedgesBecomeIntervals(hedge: Hedge, value: Double, low: Double, high: Double) {
    let interval = hedge.interval(around: value)
    #expect(abs(interval.low - low) < 1e-9 || interval.low == low)
    #expect(abs(interval.high - high) < 1e-9 || interval.high == high)
  }

  @Test func toleranceWidensBothSides() {
    #expect(Tolerance.relative(0.01).widen(ValueInterval(3500, 3500)) == ValueInterval(3465, 3535))
    #expect(Tolerance.absolute(0.5).widen(ValueInterval(22, 22)) == ValueInterval(21.5, 22.5))
    #expect(Tolerance(text: "2%") == .relative(0.02))
    #expect(Tolerance(text: "0.5") == .absolute(0.5))
    #expect(Tolerance(text: "lots") == nil)
  }
}

@Suite struct ConflictTests {
  @Test func exactFiguresThatDifferConflictAsAnError() throws {
    let findings = ClaimFactory.conflicts([ClaimFactory.claim("a.md", 3500), ClaimFactory.claim("b.md", 3800)])
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.severity == .error)
    #expect(finding.message == "Ostra employees (current): 3 500 vs 3 800")
    #expect(finding.groups.map(\.label) == ["3 500", "3 800"])
  }

  @Test func figuresWithinTheAttributeToleranceAgree() {
    // employees tolerate 1 %: 3 500 and 3 530 are the same figure, rounded differently.
    #expect(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 3500), ClaimFactory.claim("b.md", 3530)]).isEmpty)
  }

  @Test func hedgedFiguresWithinEachOthersToleranceAgree() {
    let claims = [ClaimFactory.claim("a.md", 4000, hedge: .approximate(tolerance: 0.05)),
                  ClaimFactory.claim("a.md", 3800, hedge: .approximate(tolerance: 0.05))]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }

  @Test func headcountsStatedToTheUnitAreTakenAsWritten() throws {
    // The 1 % tolerance allows for rounding: 963 and 955 are no rounding of each other, 97,000 may be of 97,148.
    let findings = ClaimFactory.conflicts([ClaimFactory.claim("a.md", 963), ClaimFactory.claim("b.md", 955)])
    #expect(try #require(findings.first).details.contains { $0.contains("stated to the unit") })
    #expect(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 97_148), ClaimFactory.claim("b.md", 97_000)]).isEmpty)
  }

  @Test func nearlyIsJustBelowTheFigure() {
    // "nearly 4,000" is at most 4,000: it agrees with 3,900 but not with "some 4,300".
    let nearly = ClaimFactory.claim("a.md", 4000, hedge: .nearly(tolerance: 0.05))
    #expect(ClaimFactory.conflicts([nearly, ClaimFactory.claim("b.md", 3900)]).isEmpty)
    #expect(ClaimFactory.conflicts([nearly, ClaimFactory.claim("b.md", 4300, hedge: .approximate(tolerance: 0.05))]).count == 1)
  }

  /// An approximate figure's hedge is its rounding: the attribute's tolerance is not added on top of it.
  /// Rows: two figures (value, hedge, attribute) and whether they can both be true.
  @Test(arguments: [
    // ±5 % of 200,000 reaches down to 190,000; "nearly 187,000" stays at or below 187,000.
    (200_000.0, Hedge.approximate(tolerance: 0.05), 187_000.0, Hedge.nearly(tolerance: 0.05), "employees", false),
    // 190,000 is inside the hedge of "some 200,000": one figure.
    (200_000, .approximate(tolerance: 0.05), 190_000, .exact, "employees", true),
    // "roughly 18 %" is 17.1 to 18.9, "almost 20 %" 19 to 20: two figures.
    (18, .approximate(tolerance: 0.05), 20, .nearly(tolerance: 0.05), "workforce_reduction_percent", false),
    // "about 5 %" (±0.25 points) still gets the attribute's 0.5 points, the wider of the two: 5.5 % agrees.
    (5, .approximate(tolerance: 0.05), 5.5, .exact, "market_share_percent", true),
  ])
  func anApproximateFigureGetsTheWiderOfItsHedgeAndTheTolerance(a: Double, hedgeA: Hedge, b: Double, hedgeB: Hedge,
                                                                 attribute: String, agree: Bool) {
    let claims = [ClaimFactory.claim("a.md", a, attribute: attribute, hedge: hedgeA),
                  ClaimFactory.claim("b.md", b, attribute: attribute, hedge: hedgeB)]
    #expect(ClaimFactory.conflicts(claims).isEmpty == agree)
  }

  @Test func aHedgedConflictIsAWarning() throws {
    let claims = [ClaimFactory.claim("a.md", 3500), ClaimFactory.claim("b.md", 3800, hedge: .approximate(tolerance: 0.05))]
    #expect(try #require(ClaimFactory.conflicts(claims).first).severity == .warning)
  }

  @Test func boundsConflictOnlyWhenExceeded() {
    let more = ClaimFactory.claim("a.md", 600_000, attribute: "merchants", hedge: .lowerBound(inclusive: false))
    #expect(ClaimFactory.conflicts([more, ClaimFactory.claim("b.md", 650_000, attribute: "merchants")]).isEmpty)
    #expect(ClaimFactory.conflicts([more, ClaimFactory.claim("b.md", 400_000, attribute: "merchants")]).count == 1)
  }

  @Test func aRangeContainingThePointAgrees() {
    let range = ClaimFactory.claim("a.md", 15, attribute: "revenue_growth_percent", hedge: .range(high: 20), period: .year(2025))
    let point = ClaimFactory.claim("b.md", 20, attribute: "revenue_growth_percent", period: .year(2025))
    #expect(ClaimFactory.conflicts([range, point]).isEmpty)
  }

  @Test func differentPeriodsNeverConflict() {
    let claims = [ClaimFactory.claim("a.md", 5000, period: .relativeYear(-1)), ClaimFactory.claim("a.md", 3800, period: .current),
                  ClaimFactory.claim("b.md", 6700, attribute: "valuation_usd", period: .year(2022), unit: "USD"),
                  ClaimFactory.claim("b.md", 45600, attribute: "valuation_usd", period: .year(2021), unit: "USD")]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }

  @Test func aForecastNeverConflictsWithAFact() {
    let claims = [ClaimFactory.claim("a.md", 2000, modality: .projected), ClaimFactory.claim("b.md", 3800)]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }

  @Test func unattributedFiguresAreComparedWithNothing() {
    let claims = [ClaimFactory.claim("a.md", 90, attribute: "workforce_reduction_percent", entity: nil),
                  ClaimFactory.claim("b.md", 22, attribute: "workforce_reduction_percent")]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }

  @Test func differentAttributesAndScopesNeverConflict() {
    let claims = [ClaimFactory.claim("a.md", 1200, attribute: "division_employees", scope: "service client"),
                  ClaimFactory.claim("b.md", 6200), ClaimFactory.claim("c.md", 14000, attribute: "layoffs"),
                  ClaimFactory.claim("d.md", 30000, attribute: "layoffs_total")]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }

  @Test func relativeYearsInUndatedArticlesCompareWithTheSameRelativeYear() {
    let dated = Day(year: 2025, month: 5, day: 13)!
    // "last year" in an undated article vs 2024 in an article of 2025: comparable, and they disagree.
    let claims = [ClaimFactory.claim("undated.md", 5000, period: .relativeYear(-1)),
                  ClaimFactory.claim("dated.md", 5600, period: .year(2024))]
    #expect(ClaimFactory.conflicts(claims, published: ["dated.md": dated]).count == 1)
    // …but not with 2023.
    let older = [ClaimFactory.claim("undated.md", 5000, period: .relativeYear(-1)), ClaimFactory.claim("dated.md", 5600, period: .year(2023))]
    #expect(ClaimFactory.conflicts(older, published: ["dated.md": dated]).isEmpty)
  }

  @Test func theWindowBoundsHowFarApartCurrentFiguresAreCompared() {
    let claims = [ClaimFactory.claim("old.md", 3500), ClaimFactory.claim("new.md", 3800)]
    let published = ["old.md": Day(year: 2022, month: 1, day: 1)!, "new.md": Day(year: 2025, month: 1, day: 1)!]
    #expect(ClaimFactory.conflicts(claims, published: published, window: 365).isEmpty)
    #expect(ClaimFactory.conflicts(claims, published: published, window: nil).count == 1)
    // An undated article is compared with any dated one.
    #expect(ClaimFactory.conflicts([ClaimFactory.claim("undated.md", 3500), ClaimFactory.claim("new.md", 3800)],
                                   published: published, window: 365).count == 1)
  }

  @Test func aConflictCitesEveryClaimGroupedBySide() throws {
    let claims = [ClaimFactory.claim("000.md", 3500), ClaimFactory.claim("002.md", 3500), ClaimFactory.claim("001.md", 3800),
                  ClaimFactory.claim("004.md", 3800, hedge: .approximate(tolerance: 0.05)), ClaimFactory.claim("003.md", 3000)]
    let finding = try #require(ClaimFactory.conflicts(claims).first)
    #expect(finding.claims.count == 5)
    #expect(finding.groups.map(\.label) == ["3 000", "3 500", "3 800 / ≈3 800"])
    #expect(finding.details.contains("3 500 — 000.md, 002.md"))
  }
}

@Suite struct PercentChangeTests {
  static let check = Fixtures.bundledRules.library.checks.first { $0.id == "workforce-reduction-vs-headcount" }!
  /// "Since last year": the span a stated change of the headcount covers.
  static let sinceLastYear = Period.change(from: .relativeYear(-1), to: .current)

  static func findings(_ claims: [Claim]) -> [Finding] {
    PercentChangeCheck(check: check).findings(in: ClaimFactory.store(claims))
  }

  @Test func aStatedCutThatTheCountsContradictIsFlaggedWithTheComputation() throws {
    let claims = [
      ClaimFactory.claim("000.md", 22, attribute: "workforce_reduction_percent", period: .change(from: .relativeYear(-1), to: .current)),
      ClaimFactory.claim("004.md", 5000, period: .relativeYear(-1)), ClaimFactory.claim("004.md", 3800),
    ]
    let finding = try #require(PercentChangeTests.findings(claims).first)
    #expect(finding.kind == .arithmetic)
    #expect(finding.severity == .warning)
    #expect(finding.message.contains("22 % stated"))
    #expect(finding.details.contains { $0.contains("5 000 → 3 800 = 24 %") })
    #expect(finding.details.contains { $0.hasPrefix("why: 22 % stated, but 5 000 → 3 800 is 24 %: 2 points apart, more than the ±") })
  }

  @Test func aStatedCutThatTheCountsConfirmIsNotFlagged() {
    let claims = [
      ClaimFactory.claim("000.md", 24, attribute: "workforce_reduction_percent", period: PercentChangeTests.sinceLastYear),
      ClaimFactory.claim("004.md", 5000, period: .relativeYear(-1)), ClaimFactory.claim("004.md", 3800),
    ]
    #expect(PercentChangeTests.findings(claims).isEmpty)
  }

  @Test func countsOfOtherPeriodsOrEntitiesAreNotPaired() {
    let claims = [
      ClaimFactory.claim("000.md", 22, attribute: "workforce_reduction_percent", period: PercentChangeTests.sinceLastYear),
      ClaimFactory.claim("004.md", 5000, period: .year(2020)), ClaimFactory.claim("004.md", 3800),
      ClaimFactory.claim("005.md", 5000, entity: "Other", period: .relativeYear(-1)), ClaimFactory.claim("005.md", 3800, entity: "Other"),
    ]
    #expect(PercentChangeTests.findings(claims).isEmpty)
  }

  @Test func aForecastCutIsNotComparedWithActualCounts() {
    let claims = [
      ClaimFactory.claim("000.md", 12, attribute: "workforce_reduction_percent", period: PercentChangeTests.sinceLastYear,
                         modality: .projected),
      ClaimFactory.claim("004.md", 124_000, period: .relativeYear(-1)), ClaimFactory.claim("004.md", 118_000),
    ]
    #expect(PercentChangeTests.findings(claims).isEmpty)
  }

  /// « Ces suppressions représentent 9 % des effectifs » sizes a round against today's staff: it is no
  /// change between last year's headcount and today's, so 33,500 → 31,000 (7.5 %) does not contradict it.
  @Test func aShareGivenNoSpanIsNotAChangeOfTheHeadcount() {
    let counts = [ClaimFactory.claim("004.md", 33_500, period: .relativeYear(-1)), ClaimFactory.claim("004.md", 31_000)]
    let share = ClaimFactory.claim("000.md", 9, attribute: "workforce_reduction_percent", period: .unspecified)
    #expect(PercentChangeTests.findings([share] + counts).isEmpty)
    let change = ClaimFactory.claim("000.md", 9, attribute: "workforce_reduction_percent", period: PercentChangeTests.sinceLastYear)
    #expect(PercentChangeTests.findings([change] + counts).count == 1)
  }
}

@Suite struct SpellingTests {
  static func occurrence(_ name: String, _ path: String, line: Int = 1) -> NameOccurrence {
    NameOccurrence(name: name, location: SourceLocation(path: path, line: line, column: 1), line: name)
  }

  @Test func aKnownNameSpelledAnotherWayIsReportedAtTheMinoritySpelling() throws {
    let names = [SpellingTests.occurrence("Sebastian Siemiatkowski", "a.md"), SpellingTests.occurrence("Siemiatkowski", "b.md"),
                 SpellingTests.occurrence("Siemiatowski", "c.md", line: 7)]
    let findings = NameSpellingCheck().findings(in: ClaimFactory.store([], names: names))
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.kind == .spelling)
    #expect(finding.severity == .note)
    #expect(finding.locations == [SourceLocation(path: "c.md", line: 7, column: 1)])
    #expect(finding.message.contains("'Siemiatowski'") && finding.message.contains("'Siemiatkowski'"))
  }

  @Test func undeclaredNamesNeedAClearMajority() {
    let majority = (1...4).map { SpellingTests.occurrence("Nordhavn", "a\($0).md") }
    #expect(NameSpellingCheck().findings(in: ClaimFactory.store([], names: majority + [SpellingTests.occurrence("Nordhaven", "b.md")])).count == 1)
    // Two against one is no majority.
    let split = [SpellingTests.occurrence("Nordhavn", "a.md"), SpellingTests.occurrence("Nordhavn", "b.md"),
                 SpellingTests.occurrence("Nordhaven", "c.md")]
    #expect(NameSpellingCheck().findings(in: ClaimFactory.store([], names: split)).isEmpty)
  }

  @Test(arguments: [("Klarna", "Klarnas"), ("Américain", "Américaine"), ("OpenAI", "OpenAI’s"), ("Atlas", "Atlantic")])
  func inflectionsAndDifferentWordsAreNotMisspellings(a: String, b: String) {
    let names = (1...5).map { SpellingTests.occurrence(a, "a\($0).md") } + [SpellingTests.occurrence(b, "b.md")]
    #expect(NameSpellingCheck().findings(in: ClaimFactory.store([], names: names)).isEmpty)
  }
}

/// The checks run side by side on more than one job: the findings are the same, in the same order, whatever
/// the number of jobs.
@Suite struct ReconcilerJobsTests {
  @Test(arguments: [2, 3, 8])
  func findingsDoNotDependOnTheJobs(jobs: Int) {
    let claims = [
      ClaimFactory.claim("a.md", 3_500), ClaimFactory.claim("b.md", 3_800), ClaimFactory.claim("c.md", 4_200, line: 2),
      ClaimFactory.claim("a.md", 120, attribute: "layoffs", line: 3), ClaimFactory.claim("b.md", 300, attribute: "layoffs", line: 4),
    ]
    // A long undeclared name three times, and once one letter off: the spelling check reports it.
    let names = ["a.md", "b.md", "c.md", "d.md"].enumerated().map { number, path in
      let name = number < 3 ? "Vandermolen" : "Vandermollen"
      return NameOccurrence(name: name, location: SourceLocation(path: path, line: 1, column: 1), line: name)
    }
    let store = ClaimFactory.store(claims, names: names)
    let alone = Reconciler.findings(in: store, jobs: 1)
    let together = Reconciler.findings(in: store, jobs: jobs)
    // Findings of two checks at least, so that gathering them from two threads has an order to keep.
    #expect(Set(alone.map(\.check)).count >= 2, "\(alone.map(\.check))")
    #expect(together.map(\.id) == alone.map(\.id))
    #expect(together.map(\.message) == alone.map(\.message))
  }

  @Test func bundledExamplesGiveTheSameFindingsOnOneJobAndOnFour() {
    let one = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 1)).check(paths: [Fixtures.examples])
    let four = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 4)).check(paths: [Fixtures.examples])
    #expect(!one.findings.isEmpty)
    #expect(four.findings.map(\.id) == one.findings.map(\.id))
    #expect(four.findings.map(\.details) == one.findings.map(\.details))
  }
}
