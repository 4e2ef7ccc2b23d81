import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// A company named once with its legal form ("Corvane Holdings Inc") and then by its first word alone
/// ("Corvane") is one entity, under the short name the article uses.
struct EntityShortFormTests {
  @Test func theShortFormNamesTheFiguresOfAnOrganisationGivenWithItsLegalForm() {
    let text = """
      DUBLIN : Corvane Holdings Inc expects to cut around 300 jobs at its plant, the company said.

      Freight-parent Corvane started the cuts on Monday. Corvane laid off 120 employees in March.
      """
    let claims = Fixtures.claims(text, language: "en")
    #expect(claims.map(\.value) == [300, 120])
    #expect(claims.map(\.entity) == ["Corvane", "Corvane"])
  }

  @Test func aFirstWordNeverUsedAloneIsNotAShortForm() {
    let claims = Fixtures.claims("Banque Ostrale SA employs 2,400 people. Banque Ostrale SA will hire 100 staff.", language: "en")
    #expect(claims.first?.entity?.hasPrefix("Banque Ostrale") == true)
  }
}
