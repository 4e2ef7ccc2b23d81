import Testing

@testable import FactCheck
@testable import FactCheckModel
@testable import FactCheckRules

/// The article's text case-folded, made from its match subject's (emphasis blanked) by copying the blanked
/// marks back, is the text folded: on every article of our corpora, and on marks of every kind beside
/// letters that fold.
@Suite struct FoldedSubjectTests {
  static func check(_ article: Article) {
    let matchFolded = CaseFolding.fold(article.matchSubject.bytes)
    #expect(Extractor.foldedSubject(of: article, matchFolded: matchFolded) == CaseFolding.fold(article.subject.bytes), "\(article.path)")
  }

  @Test func foldedFromTheMatchSubjectOnOurCorpora() {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    for article in articles { FoldedSubjectTests.check(article) }
  }

  @Test(arguments: [
    "ÉTÉ « Grève » “Ÿes” *Bold* _Under_ \"Quoted\" ‹À› „Ö“", "No marks at all, Élan.", "**", "É*É", "",
  ])
  func foldedFromTheMatchSubject(text: String) {
    FoldedSubjectTests.check(Fixtures.article(text, language: "fr"))
  }
}
