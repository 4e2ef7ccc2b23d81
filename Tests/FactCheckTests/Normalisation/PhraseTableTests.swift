import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The normaliser on a table of phrases, French and English: each must yield a claim with the
/// expected attribute and value, hedge, interval, unit, period, modality and entity.
@Suite struct PhraseTableTests {
  @Test(arguments: frenchPhrases + englishPhrases)
  func readsPhrase(_ row: PhraseRow) throws {
    let claims = Fixtures.claims(row.text, language: row.language, published: row.published)
    let candidates = claims.filter { $0.attribute == row.attribute && abs($0.value - row.value) <= max(0.06, abs(row.value) * 1e-6) }
    guard let claim = candidates.first else {
      Issue.record("no \(row.attribute) = \(row.value) in «\(row.text)»; got \(claims.map { "\($0.attribute)=\($0.value) [\($0.rule)]" })")
      return
    }
    #expect(claim.hedge.name == row.hedge, "hedge of «\(row.text)»")
    if let unit = row.unit { #expect(claim.unit == unit, "unit of «\(row.text)»") }
    if let period = row.period { #expect(claim.period.description == period, "period of «\(row.text)»") }
    #expect(claim.modality.rawValue == row.modality, "modality of «\(row.text)»")
    if let entity = row.entity { #expect((claim.entity ?? "none") == entity, "entity of «\(row.text)»") }
    if let low = row.low { #expect(abs(claim.interval.low - low) < 1e-6 || claim.interval.low == low, "interval low of «\(row.text)»") }
    if let high = row.high { #expect(abs(claim.interval.high - high) < 1e-6 || claim.interval.high == high, "interval high of «\(row.text)»") }
  }

  @Test func tableIsLargeAndBilingual() {
    #expect(frenchPhrases.count >= 100)
    #expect(englishPhrases.count >= 100)
  }
}
