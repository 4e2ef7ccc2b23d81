import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Figures no specific rule reads are kept as generic claims — every one of them, even two of the same noun
/// in one sentence — and never reported as conflicting.
struct GenericFiguresTests {
  @Test(arguments: [
    ("The chain runs 40 stores in France and 25 stores in Spain.", "en", [40.0, 25]),
    ("La chaîne exploite 40 magasins en France et 25 magasins en Espagne.", "fr", [40, 25]),
  ])
  func twoFiguresOfOneNounInASentenceAreBothRead(text: String, language: String, values: [Double]) {
    let claims = Fixtures.claims(text, language: language).filter { $0.attribute == "quantity" }
    #expect(claims.map(\.value) == values)
  }

  @Test func genericFiguresNeverConflict() {
    let articles = [
      Fixtures.article("Orvane runs 40 stores and a provision of €120 million covers 7% of costs.", language: "en", path: "a.md"),
      Fixtures.article("Orvane runs 25 stores and a provision of €300 million covers 9% of costs.", language: "en", path: "b.md"),
    ]
    let result = Fixtures.checker().check(articles: articles)
    #expect(result.claims.contains { $0.attribute == "amount" && $0.value == 120e6 })
    #expect(result.claims.contains { $0.attribute == "percentage" && $0.value == 9 })
    #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
  }
}
