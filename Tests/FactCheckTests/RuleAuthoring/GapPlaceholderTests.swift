import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `{words:MIN-MAX}`: a gap of words in a rule pattern, instead of a hand-written word-skipping group.
struct GapPlaceholderTests {
  static func rules(_ pattern: String) -> CompiledRuleSet {
    Robustness.ruleSet(rules: """
        - id: gap.test
          attribute: employees
          pattern: '\(pattern)'
      """)
  }

  @Test(arguments: [
    ("Orvane hired 300 people.", [300.0]),
    ("Orvane hired about 300 people.", [300]),
    ("Orvane hired its first 300 people.", [300]),
    ("Orvane hired in its first year 300 people.", []),
  ])
  func aGapSkipsUpToItsCountOfWords(text: String, values: [Double]) throws {
    let set = Self.rules("hired {words:0-2} {count} people")
    #expect(set.problems.filter { $0.severity == .error }.isEmpty, "\(set.problems)")
    let claims = Extractor(rules: set).extract(Fixtures.article(text, language: "en")).claims
    #expect(claims.map(\.value) == values, "\(text)")
  }

  @Test func aGapOfAtLeastOneWordNeedsOne() throws {
    let set = Self.rules("hired {words:1-2} {count} people")
    #expect(Extractor(rules: set).extract(Fixtures.article("Orvane hired 300 people.", language: "en")).claims.isEmpty)
    #expect(Extractor(rules: set).extract(Fixtures.article("Orvane hired another 300 people.", language: "en")).claims.map(\.value) == [300])
  }

  @Test(arguments: ["{words:x}", "{words:3-1}", "{words:0-99}", "{words}"])
  func aGapWithoutAValidCountIsAnErrorAtThePlaceholder(gap: String) throws {
    let set = Self.rules("hired \(gap) {count} people")
    let error = try #require(set.problems.first { $0.severity == .error })
    #expect(error.description.contains("needs a word count MIN-MAX"), "\(error)")
    #expect(error.location.column > 0)
  }
}
