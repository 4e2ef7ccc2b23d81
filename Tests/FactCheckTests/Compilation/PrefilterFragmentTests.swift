import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Prefilters parse each lexicon fragment once per language and reuse it: the requirements must be the
/// same as when every rule parses its fragments afresh.
@Suite struct PrefilterFragmentTests {
  @Test func sharedFragmentAnalysesGiveEveryBundledRuleTheSamePrefilter() throws {
    let rules = Fixtures.bundledRules
    var shared: [String: FragmentAnalyses] = [:]
    var compared = 0
    for rule in rules.rules {
      let catalog = try #require(rules.catalogs[rule.definition.language])
      let analyses = shared[rule.definition.language] ?? FragmentAnalyses()
      shared[rule.definition.language] = analyses
      func prefilter(_ fragments: FragmentAnalyses) -> Prefilter {
        Prefilter(rule: rule.definition, catalog: catalog, fragments: fragments)
      }
      #expect(prefilter(analyses) == prefilter(FragmentAnalyses()), "\(rule.id)")
      #expect(rule.prefilter == prefilter(FragmentAnalyses()), "\(rule.id)")
      compared += 1
    }
    #expect(compared > 200)
  }
}
