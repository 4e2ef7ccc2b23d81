import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Figures that disagree are reported only when they can be about the same thing: one event, one scope.
/// The articles behind these claims are imagined: a logistics firm, Ostra, and its rounds of cuts.
@Suite struct SameFigureTests {
  static func layoffs(_ document: String, _ value: Double, hedge: Hedge = .exact, period: Period = .unspecified) -> Claim {
    ClaimFactory.claim(document, value, attribute: "layoffs", hedge: hedge, period: period)
  }

  @Test func theBundledAttributesSayWhichFiguresAreEvents() {
    let attributes = Fixtures.bundledRules.library.attributes
    for name in ["layoffs", "layoffs_total", "hires_planned", "funding_raised", "workforce_reduction_percent"] {
      #expect(attributes[name]?.isEvent == true, "\(name)")
    }
    for name in ["employees", "valuation_usd", "revenue", "countries"] { #expect(attributes[name]?.isEvent == false, "\(name)") }
  }

  @Test func twoArticlesGivingCloseFiguresForOneRoundConflict() throws {
    // "Ostra is cutting 1,200 jobs" against "Ostra will shed 1,250 posts".
    let findings = ClaimFactory.conflicts([SameFigureTests.layoffs("a.md", 1200), SameFigureTests.layoffs("b.md", 1250)])
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.message == "Ostra layoffs (unspecified): 1 200 vs 1 250")
  }

  @Test func oneArticleGivingAPartAndTheWholeDoesNotContradictItself() {
    // "300 of the 1,200 jobs go at the Lyon depot": a part and the whole, in one article.
    #expect(ClaimFactory.conflicts([SameFigureTests.layoffs("a.md", 300), SameFigureTests.layoffs("a.md", 1200)]).isEmpty)
    // Nor does "more than 500 voluntary departures" against 466 posts cut in one article.
    #expect(ClaimFactory.conflicts([SameFigureTests.layoffs("a.md", 466),
                                    SameFigureTests.layoffs("a.md", 500, hedge: .lowerBound(inclusive: false))]).isEmpty)
  }

  @Test func roundsThatAnArticleTellsApartAreTwoEventsEverywhere() {
    // One article recalls both rounds (10,000 in spring, 11,000 the autumn before); two others give one each.
    let claims = [SameFigureTests.layoffs("recap.md", 10_000), SameFigureTests.layoffs("recap.md", 11_000, period: .year(2022)),
                  SameFigureTests.layoffs("spring.md", 10_000), SameFigureTests.layoffs("autumn.md", 11_000)]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
    // Without the recap, the two figures read as one round reported two ways.
    #expect(ClaimFactory.conflicts(Array(claims.dropFirst(2))).count == 1)
  }

  @Test func twoEventFiguresBothGivenToTheArticlesSubjectAreNotCompared() {
    // An article on Ostra recalls that a rival "cut 11,000 jobs this week"; another says Ostra's plan
    // "will eliminate about 10,000 roles". Neither names whose figure it is.
    var recalled = SameFigureTests.layoffs("a.md", 11_000)
    recalled.entitySource = .subject
    var planned = SameFigureTests.layoffs("b.md", 10_000)
    planned.entitySource = .subject
    #expect(ClaimFactory.conflicts([recalled, planned]).isEmpty)
    // One named figure is enough to anchor the comparison.
    #expect(ClaimFactory.conflicts([recalled, SameFigureTests.layoffs("b.md", 10_000)]).count == 1)
  }

  /// Two planned-hires figures of Ostra, each given to the article's subject (no name next to it).
  static func plans(_ lower: Double, _ lowerPeriod: Period, _ upper: Double, _ upperPeriod: Period) -> [Claim] {
    var first = ClaimFactory.claim("a.md", lower, attribute: "hires_planned", period: lowerPeriod)
    first.entitySource = .subject
    var second = ClaimFactory.claim("b.md", upper, attribute: "hires_planned", period: upperPeriod)
    second.entitySource = .subject
    return [first, second]
  }

  @Test(arguments: [
    // (lower, its period, upper, its period, reported): "hire 1,200 staff in 2025" against
    // « 1 800 recrutements en 2025 » is one plan told two ways; given no time, the figures may be two plans.
    (1_200.0, Period.year(2025), 1_800.0, Period.year(2025), true),
    (1_200, .month(3, of: .year(2025)), 1_800, .month(3, of: .year(2025)), true),
    (1_200, .unspecified, 1_800, .unspecified, false),
    (1_200, .current, 1_800, .current, false),
    (1_200, .year(2025), 1_800, .unspecified, false),
    // Dated alike, but farther apart than a state's figures may be: another scope or a part.
    (1_200, .year(2025), 2_400, .year(2025), false),
  ])
  func eventFiguresDatedAlikeAreComparedLikeAStatesFigures(lower: Double, lowerPeriod: Period, upper: Double, upperPeriod: Period,
                                                           reported: Bool) {
    let findings = ClaimFactory.conflicts(SameFigureTests.plans(lower, lowerPeriod, upper, upperPeriod))
    #expect(findings.count == (reported ? 1 : 0))
  }

  @Test func aFindingOnFiguresDatedAlikeSaysSo() throws {
    let finding = try #require(ClaimFactory.conflicts(SameFigureTests.plans(1_200, .year(2025), 1_800, .year(2025))).first)
    #expect(finding.message == "Ostra planned hires (2025): 1 200 vs 1 800")
    #expect(finding.details.contains { $0.hasPrefix("same event: both figures are dated 2025 and no article gives both") })
  }

  @Test func figuresDatedAlikeThatAnArticleTellsApartAreTwoEvents() {
    // A third article gives both: 1,200 cabin crew and 1,800 in all, for 2025.
    var claims = SameFigureTests.plans(1_200, .year(2025), 1_800, .year(2025))
    claims += [ClaimFactory.claim("c.md", 1_200, attribute: "hires_planned", period: .year(2025)),
               ClaimFactory.claim("c.md", 1_800, attribute: "hires_planned", period: .year(2025))]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }

  @Test func anUpToFigureIsTheSizeAnnounced() throws {
    // "as much as 40 % of staff" against "jusqu'à 42 % des effectifs": two sizes given for one plan.
    let cap = Hedge.upperBound(inclusive: true)
    let shares = [ClaimFactory.claim("a.md", 40, attribute: "workforce_reduction_percent", hedge: cap),
                  ClaimFactory.claim("b.md", 42, attribute: "workforce_reduction_percent", hedge: cap)]
    let finding = try #require(ClaimFactory.conflicts(shares).first)
    #expect(finding.details.contains { $0.contains("is read as the size announced") })
    // "up to 5,500 jobs" and "5,500 jobs" agree; a range ending at the cap too.
    let agreeing = [SameFigureTests.layoffs("a.md", 5500, hedge: cap), SameFigureTests.layoffs("b.md", 5500),
                    SameFigureTests.layoffs("c.md", 4000, hedge: .range(high: 5500))]
    #expect(ClaimFactory.conflicts(agreeing).isEmpty)
    // A state's bound stays a bound: "up to 900 employees" is not a size.
    #expect(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 900, hedge: cap), ClaimFactory.claim("b.md", 850)]).isEmpty)
  }

  @Test(arguments: [
    // (attribute, lower, upper, reported): events within 30 %, states within a factor 1.6.
    ("layoffs", 50.0, 11_000.0, false),
    ("layoffs", 224, 244, true),
    ("layoffs", 1_000, 1_400, false),
    ("employees", 22, 60, false),
    ("employees", 22_777, 140_000, false),
    ("employees", 3_500, 3_800, true),
    ("employees", 118_000, 138_000, true),
    ("languages", 23, 35, true),
    ("valuation_usd", 5_800_000_000, 11_700_000_000, false),
  ])
  func figuresTooFarApartAreOtherEventsOrScopes(attribute: String, lower: Double, upper: Double, reported: Bool) {
    let unit: String? = attribute == "valuation_usd" ? "EUR" : nil
    let claims = [ClaimFactory.claim("a.md", lower, attribute: attribute, unit: unit),
                  ClaimFactory.claim("b.md", upper, attribute: attribute, unit: unit)]
    #expect(ClaimFactory.conflicts(claims).isEmpty == !reported)
  }

  @Test func valuationsOfTwoRoundsAreTwoFindings() throws {
    // 5.55 bn against 5.8 bn after one round, 10 bn against 11.7 bn after the next; the last article
    // gives both rounds' valuations, which is no contradiction.
    let claims = [ClaimFactory.claim("a.md", 5.55e9, attribute: "valuation_usd", unit: "EUR"),
                  ClaimFactory.claim("d.md", 5.8e9, attribute: "valuation_usd", unit: "EUR"),
                  ClaimFactory.claim("c.md", 10e9, attribute: "valuation_usd", unit: "EUR"),
                  ClaimFactory.claim("d.md", 11.7e9, attribute: "valuation_usd", unit: "EUR")]
    let findings = ClaimFactory.conflicts(claims)
    #expect(findings.map(\.message) == ["Ostra valuation (current): 5.55 billion EUR vs 5.8 billion EUR",
                                        "Ostra valuation (current): 10 billion EUR vs 11.7 billion EUR"])
    #expect(Set(findings.map(\.id)).count == 2)
  }

  @Test func genericQuantitiesAreNeverReported() {
    // "two plants to close" and "a dozen under review": the checker cannot tell what either counts.
    let claims = [ClaimFactory.claim("a.md", 2, attribute: "quantity", unit: "factories"),
                  ClaimFactory.claim("b.md", 12, attribute: "quantity", unit: "factories"),
                  ClaimFactory.claim("c.md", 3, attribute: "quantity", unit: "factories")]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
  }
}

/// A finding says why its figures cannot both hold, and is an error only when nothing about it is assumed.
@Suite struct ConflictReasonTests {
  @Test(arguments: [
    (Hedge.exact, "why: 3 500 (a.md) and 3 800 (b.md) differ by 8.6 %, more than the ±1 % allowed to each employees figure"),
    (Hedge.approximate(tolerance: 0.02),
     "why: 3 500 (a.md) and ≈3 800 (b.md) differ by 8.6 %, more than the ±2 % of ≈3 800 and the ±1 % allowed to each employees figure"),
  ])
  func everyFindingSaysWhy(hedge: Hedge, why: String) throws {
    let finding = try #require(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 3500), ClaimFactory.claim("b.md", 3800, hedge: hedge)]).first)
    #expect(finding.details.contains(why))
  }

  /// Two figures hedged more widely than the attribute's tolerance: only their hedges are named, since the
  /// tolerance widened neither.
  @Test func twoHedgedFiguresNameOnlyTheirHedges() throws {
    let claims = [ClaimFactory.claim("a.md", 187_000, hedge: .nearly(tolerance: 0.05)),
                  ClaimFactory.claim("b.md", 200_000, hedge: .approximate(tolerance: 0.05))]
    let finding = try #require(ClaimFactory.conflicts(claims).first)
    #expect(finding.details.contains("why: ≲ 187 000 (a.md) and ≈200 000 (b.md) differ by 7 %, more than the 5 % below ≲ 187 000 and the ±5 % of ≈200 000"))
  }

  @Test func percentagesDifferByPoints() throws {
    let claims = [ClaimFactory.claim("a.md", 50, attribute: "ai_chats_share_percent", hedge: .approximate(tolerance: 0.05), unit: "%"),
                  ClaimFactory.claim("b.md", 70, attribute: "ai_chats_share_percent", unit: "%")]
    let finding = try #require(ClaimFactory.conflicts(claims).first)
    #expect(finding.details.contains(
      "why: ≈50 % (a.md) and 70 % (b.md) differ by 20 points, more than the ±5 % of ≈50 % and the ±1 point allowed to each share of chats handled by AI figure"))
  }

  @Test func aBoundSaysTheFiguresShareNoValue() throws {
    let claims = [ClaimFactory.claim("a.md", 600_000, attribute: "merchants", hedge: .lowerBound(inclusive: false)),
                  ClaimFactory.claim("b.md", 450_000, attribute: "merchants")]
    let finding = try #require(ClaimFactory.conflicts(claims).first)
    #expect(finding.details.contains { $0.hasPrefix("why: 450 000 (b.md) and > 600 000 (a.md) have no value in common") })
  }

  @Test func anEventFindingSaysWhyItIsOneEvent() throws {
    let finding = try #require(ClaimFactory.conflicts([SameFigureTests.layoffs("a.md", 1200), SameFigureTests.layoffs("b.md", 1250)]).first)
    #expect(finding.details.contains { $0.hasPrefix("same event:") })
  }

  @Test func exactFiguresWithACertainEntityAndPeriodAreAnError() throws {
    let finding = try #require(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 3500), ClaimFactory.claim("b.md", 3800)]).first)
    #expect(finding.severity == .error)
    #expect(!finding.details.contains { $0.hasPrefix("warning, not error") })
  }

  @Test func withNoPeriodStatedItIsAWarning() throws {
    let finding = try #require(ClaimFactory.conflicts([SameFigureTests.layoffs("a.md", 1200), SameFigureTests.layoffs("b.md", 1250)]).first)
    #expect(finding.severity == .warning)
    #expect(finding.details.contains("warning, not error: no period is stated"))
  }

  @Test func anAssumedEntityMakesItAWarning() throws {
    // b.md never names Ostra with its figure and quotes a competitor's figures: its subject is a guess.
    var assumed = ClaimFactory.claim("b.md", 3800)
    assumed.entitySource = .subject
    let competitor = ClaimFactory.claim("b.md", 40, attribute: "countries", entity: "Brava")
    let finding = try #require(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 3500), assumed, competitor]).first)
    #expect(finding.severity == .warning)
    #expect(finding.details.contains { $0.contains("the entity of 3 800 is assumed") })
    // The article's subject is no guess when the article is about no one else.
    var sole = ClaimFactory.claim("b.md", 3800)
    sole.entitySource = .subject
    #expect(try #require(ClaimFactory.conflicts([ClaimFactory.claim("a.md", 3500), sole]).first).severity == .error)
  }
}

/// Judging disagreeing figures pair by pair stays cheap when an archive disagrees with itself a lot.
@Suite struct SameFigureScaleTests {
  @Test(arguments: ["employees", "layoffs"])
  func thousandsOfDistinctFiguresAreJudgedInSeconds(attribute: String) {
    // 3 000 articles, each giving its own figure between 3 000 and 3 900, a third of them two figures.
    var claims: [Claim] = []
    for index in 0..<3_000 {
      claims.append(ClaimFactory.claim("\(index).md", Double(3_000 + (index * 7) % 900), attribute: attribute))
      if index % 3 == 0 { claims.append(ClaimFactory.claim("\(index).md", Double(3_450 + (index * 11) % 450), attribute: attribute)) }
    }
    let clock = ContinuousClock()
    let started = clock.now
    let findings = ClaimFactory.conflicts(claims)
    #expect(clock.now - started < .seconds(60))
    #expect(!findings.isEmpty)
  }
}
