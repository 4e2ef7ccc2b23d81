import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The language is decided per paragraph, and an article too short to tell is read in every language.
struct LanguagePerParagraphTests {
  static func load(_ text: String) throws -> Article {
    let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)
    guard case .article(let article) = loader.load(path: "article.md", bytes: Array(text.utf8)) else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return article
  }

  @Test(arguments: [
    ("Ostrava Logistique emploie 2 400 personnes.\n", 2400.0, "fr"),
    ("Pellion employs 1,100 people.\n", 1100, "en"),
  ])
  func aOneLineArticleIsReadInTheLanguageThatReadsIt(text: String, value: Double, language: String) throws {
    let article = try Self.load(text)
    #expect(article.languageIsGuessed)
    let extraction = Extractor(rules: Fixtures.bundledRules).extract(article)
    #expect(extraction.claims.map(\.value) == [value])
    #expect(extraction.claims.first?.language == language)
  }

  @Test func anEnglishParagraphInAFrenchArticleIsReadInEnglish() throws {
    let text = """
      ---
      language: fr
      ---
      Le groupe Ostrava a présenté son plan de restructuration devant les syndicats et la presse, mardi à Lyon.

      "We will cut 640 jobs in our European warehouses by the end of the year and the rest of the network will stay as it is," the chief executive told analysts.

      La direction assure que le plan sera mené dans le dialogue avec les représentants du personnel.
      """
    let article = try Self.load(text)
    #expect(!article.languageIsGuessed)
    let claims = Extractor(rules: Fixtures.bundledRules).extract(article).claims
    let cut = try #require(claims.first { $0.value == 640 })
    #expect(cut.attribute == "layoffs")
    #expect(cut.language == "en")
  }

  @Test func aParagraphWithFewFunctionWordsStaysInTheArticleLanguage() throws {
    let text = "---\nlanguage: fr\n---\nLe groupe Ostrava emploie 2 400 salariés en France et en Belgique, selon son rapport annuel.\n"
    let claims = Extractor(rules: Fixtures.bundledRules).extract(try Self.load(text)).claims
    #expect(claims.map(\.language) == ["fr"])
  }
}
