import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `continues: previous`: a figure that continues the sentence's previous claim ("…, up from 900 a year
/// earlier") takes that claim's attribute and entity.
struct ContinuesPreviousTests {
  static let rules = """
      - id: t.staff
        attribute: employees
        pattern: '{entity}? employs {count} people'
      - id: t.before
        continues: previous
        period: last_year
        pattern: 'up from {count}'
    """

  @Test func theContinuingFigureTakesThePreviousAttributeAndEntity() throws {
    let set = Robustness.ruleSet(rules: Self.rules)
    #expect(set.problems.filter { $0.severity == .error }.isEmpty, "\(set.problems)")
    let claims = Extractor(rules: set).extract(Fixtures.article("Pellion employs 1,100 people, up from 900.", language: "en")).claims
    #expect(claims.map(\.value) == [1100, 900])
    #expect(claims.map(\.attribute) == ["employees", "employees"])
    #expect(claims.last?.entity == "Pellion")
  }

  @Test func anAttributeBesideContinuesIsAnError() throws {
    let set = Robustness.ruleSet(rules: Self.rules.replacingOccurrences(of: "continues: previous", with: "continues: previous\n    attribute: users"))
    #expect(set.problems.contains { $0.severity == .error && $0.description.contains("continues: previous") }, "\(set.problems)")
  }
}
