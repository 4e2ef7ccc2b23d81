import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// A report does not depend on how many workers read the articles: diagnostics come in their articles'
/// order, each article's own in the order it gave them.
@Suite struct DiagnosticOrderTests {
  @Test func diagnosticsFollowTheArticlesWhateverTheNumberOfJobs() {
    // Each article has two malformed figures, so that a worker's merge order would show.
    let articles = (0..<12).reversed().map { index in
      Fixtures.article("Ostra employs 27,00 people. Ostra employs 2,6000 staff.", language: "en", path: "article-\(index).md")
    }
    var reports: [[String]] = []
    for jobs in [1, 2, 2, 2] {
      let result = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: jobs)).check(articles: articles)
      reports.append(result.diagnostics.map { "\($0.location?.path ?? "") \($0.message)" })
    }
    #expect(reports[0].count == 24)
    #expect(reports.allSatisfy { $0 == reports[0] })
    let paths = reports[0].map { String($0.prefix { $0 != " " }) }
    #expect(paths == paths.sorted())
    // Within an article, the order it gave them: its first figure first.
    #expect(reports[0][0].contains("27,00") && reports[0][1].contains("2,6000"))
  }
}
