import Testing

@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckRules

/// A run of ASCII digits (spaces between them aside) is read from its bytes (``NumberReader/plainDigits(_:)``)
/// instead of as groups and separators (``NumberReader/readGroups(_:original:kind:scaled:)``): the value must
/// be the one the groups give, and any other run, or one too long to read, must be left to them.
@Suite struct PlainDigitsTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let run: String
    let value: Double?
    var testDescription: String { "«\(run)»" }
  }

  static let rows: [Row] = [
    Row(run: "3500", value: 3500),
    Row(run: "3 500", value: 3500),
    Row(run: "12 000 000", value: 12_000_000),
    Row(run: "0", value: 0),
    Row(run: "007", value: 7),
    Row(run: "999999999999999", value: 999_999_999_999_999),
    Row(run: "000999999999999999", value: 999_999_999_999_999),
    // Sixteen significant digits: the groups' reader says why it reads none.
    Row(run: "1000000000000000", value: nil),
    Row(run: "3,500", value: nil),
    Row(run: "3.5", value: nil),
    Row(run: "3'500", value: nil),
    Row(run: "٣٥", value: nil),
    Row(run: " ", value: nil),
    Row(run: "", value: nil),
  ]

  @Test(arguments: rows)
  func readsOnlyPlainRuns(_ row: Row) {
    #expect(NumberReader.plainDigits(Array(row.run.utf8)[...]) == row.value)
  }

  /// Every plain run, in each bundled language and for each kind of figure, reads as the groups read it.
  @Test func agreesWithTheGroups() throws {
    var generator = SeededGenerator(seed: 15)
    for language in ["en", "fr", "de"] {
      let reader = NumberReader(tables: LexiconTables(try #require(Fixtures.bundledRules.library.lexicons[language])))
      for _ in 0..<500 {
        var run = String(Int.random(in: 0...9, using: &generator))
        for _ in 0..<Int.random(in: 0...16, using: &generator) {
          run += Bool.random(using: &generator) && !run.hasSuffix(" ") ? " " : String(Int.random(in: 0...9, using: &generator))
        }
        if run.hasSuffix(" ") { run.removeLast() }
        // Half the runs near the limit of fifteen significant digits, on either side of it.
        if Bool.random(using: &generator) {
          run = String(Int.random(in: 1...9, using: &generator))
          for _ in 0..<Int.random(in: 13...16, using: &generator) { run += String(Int.random(in: 0...9, using: &generator)) }
          if Bool.random(using: &generator) { run = "0" + run }
        }
        for kind in [ValueKind.count, .money, .percent] {
          for scaled in [false, true] {
            let bytes = Array(run.utf8)[...]
            let groups = try? reader.readGroups(bytes, original: run, kind: kind, scaled: scaled)
            #expect(NumberReader.plainDigits(bytes).map { ParsedValue(value: $0) } == groups, "\(language) «\(run)» \(kind)")
          }
        }
      }
    }
  }
}
