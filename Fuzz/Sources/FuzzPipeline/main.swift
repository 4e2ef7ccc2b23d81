@_spi(Fuzzing) import FactCheck
import FuzzSupport

// The whole pipeline on arbitrary bytes as an article: load (BOM, NUL, UTF-8 repair, front matter,
// language), extract with the bundled rules, reconcile, and render every report format.
let rules = FuzzSupport.bundledRules
let reader = FuzzEntryPoints.ArticleReader(rules: rules)
let checker = FactChecker(rules: rules, options: FactCheckOptions(published: Day(iso: "2025-05-13"), jobs: 1))

func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let article = reader.article(path: "fuzz.md", bytes: FuzzSupport.bytes(data, size)) else { return 0 }
  // The same article twice under two names, so reconciliation compares something.
  let twin = Article(path: "twin.md", text: article.text, language: article.language == "fr" ? "en" : "fr",
                     published: Day(iso: "2024-01-02"))
  let result = checker.check(articles: [article, twin])
  for identifier in Reporters.identifiers { _ = Reporters.reporter(identifier)?.report(result) }
  return 0
}

FuzzSupport.run { fuzzPipeline($0, $1) }
