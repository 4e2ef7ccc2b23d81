import Testing

@testable import FactCheck
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import PatternMatching

/// ``ArticleContext/leadingPeriodExpression(in:matcher:)`` finds the first period expression of a range
/// when only spacing and punctuation come before it, as the first period expression tested for what
/// precedes it would — on clauses written for this test.
@Suite struct LeadingPeriodTests {
  struct Row: CustomTestStringConvertible, Sendable {
    let language: String
    let text: String
    /// The period expression expected, or `nil`.
    let period: String?
    var testDescription: String { text }
  }

  @Test(arguments: [
    Row(language: "fr", text: ", en 2021, ", period: "en 2021"),
    Row(language: "fr", text: " « en 2021 »", period: "en 2021"),
    Row(language: "fr", text: ", fin 2023", period: "fin 2023"),
    Row(language: "fr", text: ", selon Ostra en 2021, ", period: nil),
    Row(language: "en", text: ", in 2022, ", period: "in 2022"),
    Row(language: "en", text: " last year", period: "last year"),
    Row(language: "en", text: ", the firm said in 2022", period: nil),
    Row(language: "en", text: ", 12 in 2022", period: nil),
    Row(language: "en", text: ", ; ", period: nil),
  ])
  func findsAPeriodOnlyAtTheStart(row: Row) throws {
    let article = Article(path: "clause.md", text: row.text, language: row.language)
    let patterns = try #require(Fixtures.bundledRules.plan(for: row.language)).mentions
    let context = ArticleContext(article: article, patterns: patterns, matcher: Matcher())
    let range = 0..<article.subject.bytes.count
    let leading = context.leadingPeriodExpression(in: range, matcher: Matcher())
    #expect(leading.map { article.text(of: $0) } == row.period)
    // What it stands for: the first period expression, if nothing but spacing and punctuation precedes it.
    let first = context.firstPeriodExpression(in: range, matcher: Matcher())
      .flatMap { article.text(of: 0..<$0.lowerBound).allSatisfy { !$0.isLetter && !$0.isNumber } ? $0 : nil }
    #expect(leading == first)
  }
}
