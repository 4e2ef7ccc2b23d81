import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Figures in Markdown tables: a row label says what, a column header says when, a unit in the label scales.
@Suite struct TableReaderTests {
  @Test func readsAFrenchResultsTable() {
    let text = """
      Alcyra a publié ses comptes annuels.

      | Indicateur | 2024 | 2023 | Variation |
      |---|---|---|---|
      | Chiffre d'affaires (Md€) | 4,82 | 4,31 | +11,8 % |
      | Résultat net (M€) | 312 | 205 | +52 % |
      | Effectifs (fin d'année) | 9 800 | 9 350 | +4,8 % |
      | Nombre de vols | 120 000 | 110 000 | +9 % |

      Alcyra compte poursuivre sa croissance.
      """
    let claims = Fixtures.claims(text, language: "fr").filter { $0.rule == "table" }
    let read = claims.map { "\($0.attribute) \($0.value) \($0.unit ?? "-") \($0.period)" }
    #expect(read == [
      "revenue 4820000000.0 EUR 2024", "revenue 4310000000.0 EUR 2023",
      "net_income 312000000.0 EUR 2024", "net_income 205000000.0 EUR 2023",
      "employees 9800.0 employees 2024", "employees 9350.0 employees 2023",
    ])
    // The cell is located exactly.
    #expect(claims.first?.location.line == 5)
    #expect(claims.first?.valueText == "4,82")
  }

  @Test func readsAnEnglishTableWithQuarterColumns() {
    let text = """
      | ($bn) | Q3 2024 | Q3 2023 |
      |:--|--:|--:|
      | Revenue | 1.64 | 1.52 |
      """
    let claims = Fixtures.claims(text, language: "en").filter { $0.rule == "table" }
    #expect(claims.map(\.value) == [1.64e9, 1.52e9])
    #expect(claims.map(\.unit) == ["USD", "USD"])
    #expect(claims.map(\.period.description) == ["2024-Q3", "2023-Q3"])
  }

  @Test func aTableWithoutKnownRowsOrYearColumnsGivesNothing() {
    let text = """
      | Ville | Magasins |
      |---|---|
      | Lyon | 12 |
      | Chiffre d'affaires | 300 |
      """
    #expect(Fixtures.claims(text, language: "fr").filter { $0.rule == "table" }.isEmpty)
  }
}
