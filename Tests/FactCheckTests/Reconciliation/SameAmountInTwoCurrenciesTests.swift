import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// One amount given in two currencies by two articles cannot be right in both; a conversion changes the
/// number, and is never reported. The articles are imagined: Ostra, a logistics firm, raising money.
@Suite struct SameAmountInTwoCurrenciesTests {
  static var definition: CheckDefinition {
    Fixtures.bundledRules.library.checks.first { $0.kind == .sameAmountTwoCurrencies }!
  }

  static func findings(_ claims: [Claim], published: [String: Day] = [:]) -> [Finding] {
    SameAmountInTwoCurrenciesCheck(check: definition).findings(in: ClaimFactory.store(claims, published: published))
  }

  static func round(_ document: String, _ value: Double, _ currency: String, hedge: Hedge = .exact, period: Period = .current,
                    attribute: String = "funding_raised", entity: String = "Ostra") -> Claim {
    ClaimFactory.claim(document, value, attribute: attribute, entity: entity, hedge: hedge, period: period, unit: currency)
  }

  @Test func theBundledRulesDeclareIt() {
    let definition = SameAmountInTwoCurrenciesTests.definition
    #expect(definition.id == "same-amount-two-currencies")
    #expect(definition.tolerance == 1)
    #expect(definition.severity == .warning)
  }

  @Test(arguments: [
    // (first, its currency, second, its currency, reported)
    (1e9, "USD", 1e9, "EUR", true),  // "up to $1 billion" against « jusqu'à 1 milliard d'euros »
    (1e9, "USD", 1.005e9, "EUR", true),  // within 1 %: one number, rounded
    (385e6, "EUR", 414e6, "USD", false),  // a conversion: the number changes
    (1e9, "USD", 1.02e9, "EUR", false),
    (1e9, "USD", 1e9, "USD", false),  // one currency: the conflict check's business
    (120e6, "GBP", 120e6, "EUR", true),
  ])
  func theSameNumberInTwoCurrenciesIsReported(first: Double, firstCurrency: String, second: Double, secondCurrency: String,
                                              reported: Bool) {
    let claims = [SameAmountInTwoCurrenciesTests.round("a.md", first, firstCurrency),
                  SameAmountInTwoCurrenciesTests.round("b.md", second, secondCurrency)]
    #expect(SameAmountInTwoCurrenciesTests.findings(claims).count == (reported ? 1 : 0))
  }

  /// A company sells many things at many prices: two prices are never a conflict, but one price in two
  /// currencies ("a €25,000 car" in one article, "a $25,000 car" in another) still is.
  @Test func pricesAreComparedOnlyAcrossCurrencies() throws {
    let attribute = try #require(Fixtures.bundledRules.library.attributes["product_price"])
    #expect(attribute.isManyPerEntity)
    let twoPrices = [SameAmountInTwoCurrenciesTests.round("a.md", 25_000, "EUR", attribute: "product_price"),
                     SameAmountInTwoCurrenciesTests.round("b.md", 32_000, "EUR", attribute: "product_price")]
    #expect(ClaimFactory.conflicts(twoPrices).isEmpty)
    let oneInTwoCurrencies = [SameAmountInTwoCurrenciesTests.round("a.md", 25_000, "EUR", attribute: "product_price"),
                              SameAmountInTwoCurrenciesTests.round("b.md", 25_000, "USD", hedge: .approximate(tolerance: 0.05),
                                                                   attribute: "product_price")]
    #expect(SameAmountInTwoCurrenciesTests.findings(oneInTwoCurrencies).count == 1)
  }

  @Test func aFindingSaysWhyAtMostOneIsRight() throws {
    let claims = [SameAmountInTwoCurrenciesTests.round("a.md", 1e9, "USD", hedge: .upperBound(inclusive: true)),
                  SameAmountInTwoCurrenciesTests.round("b.md", 1e9, "EUR", hedge: .upperBound(inclusive: true)),
                  SameAmountInTwoCurrenciesTests.round("c.md", 1e9, "USD")]
    let finding = try #require(SameAmountInTwoCurrenciesTests.findings(claims).first)
    #expect(finding.kind == .conflict)
    #expect(finding.check == "same-amount-two-currencies")
    #expect(finding.severity == .warning)
    #expect(finding.groups.map(\.claims) == [[0, 2], [1]])
    #expect(finding.message.hasPrefix("Ostra money raised (current): "))
    #expect(finding.message.hasSuffix(": one amount in two currencies"))
    #expect(finding.details.contains { $0.hasPrefix("why: ") && $0.contains("are the same number in two currencies")
      && $0.contains("at most one of them is right") })
  }

  @Test func aHedgedFigureMakesItANote() throws {
    // "about €6 billion" against "$6 billion": the same number, with some doubt.
    let claims = [SameAmountInTwoCurrenciesTests.round("a.md", 6e9, "EUR", hedge: .approximate(tolerance: 0.05), attribute: "valuation_usd"),
                  SameAmountInTwoCurrenciesTests.round("b.md", 6e9, "USD", attribute: "valuation_usd")]
    #expect(try #require(SameAmountInTwoCurrenciesTests.findings(claims).first).severity == .note)
  }

  @Test func amountsThatCannotBeOneFigureAreNotCompared() {
    let round = SameAmountInTwoCurrenciesTests.round
    // One article giving both is a conversion or two things it tells apart.
    #expect(SameAmountInTwoCurrenciesTests.findings([round("a.md", 1e9, "USD", .exact, .current, "funding_raised", "Ostra"),
                                                     round("a.md", 1e9, "EUR", .exact, .current, "funding_raised", "Ostra")]).isEmpty)
    // Two years, two entities, or two attributes.
    #expect(SameAmountInTwoCurrenciesTests.findings([round("a.md", 1e9, "USD", .exact, .year(2023), "funding_raised", "Ostra"),
                                                     round("b.md", 1e9, "EUR", .exact, .year(2024), "funding_raised", "Ostra")]).isEmpty)
    #expect(SameAmountInTwoCurrenciesTests.findings([round("a.md", 1e9, "USD", .exact, .current, "funding_raised", "Ostra"),
                                                     round("b.md", 1e9, "EUR", .exact, .current, "funding_raised", "Brava")]).isEmpty)
    #expect(SameAmountInTwoCurrenciesTests.findings([round("a.md", 1e9, "USD", .exact, .current, "funding_raised", "Ostra"),
                                                     round("b.md", 1e9, "EUR", .exact, .current, "revenue", "Ostra")]).isEmpty)
    // A generic amount: what it counts is not known.
    #expect(SameAmountInTwoCurrenciesTests.findings([round("a.md", 1e9, "USD", .exact, .current, "amount", "Ostra"),
                                                     round("b.md", 1e9, "EUR", .exact, .current, "amount", "Ostra")]).isEmpty)
  }

  @Test func currentFiguresAreComparedWithinThePublicationWindow() {
    let claims = [SameAmountInTwoCurrenciesTests.round("a.md", 1e9, "USD"), SameAmountInTwoCurrenciesTests.round("b.md", 1e9, "EUR")]
    let farApart: [String: Day] = ["a.md": Day(year: 2021, month: 3, day: 1)!, "b.md": Day(year: 2025, month: 3, day: 1)!]
    #expect(SameAmountInTwoCurrenciesTests.findings(claims, published: farApart).isEmpty)
  }

  @Test func theConflictCheckNeverComparesTwoCurrencies() {
    // 385 million euros and $414 million: one round, converted.
    let claims = [SameAmountInTwoCurrenciesTests.round("a.md", 385e6, "EUR"), SameAmountInTwoCurrenciesTests.round("b.md", 414e6, "USD")]
    #expect(ClaimFactory.conflicts(claims).isEmpty)
    #expect(SameAmountInTwoCurrenciesTests.findings(claims).isEmpty)
  }
}
