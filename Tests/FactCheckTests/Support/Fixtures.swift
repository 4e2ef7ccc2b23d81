import Foundation

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Paths of the repository's fixtures, found from this file's location.
enum Fixtures {
  static let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()
  static let rules = repository + "/Rules"
  static let examples = repository + "/Examples"
  static let tests = repository + "/Tests"
  /// `../shared/seeds`, when the workplace provides it.
  static let seeds = repository + "/../shared/seeds"
  static let sarifSchema = repository + "/../shared/data/sarif-schema-2.1.0.json"

  static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seeds + "/expected.yaml") }

  /// The bundled rules, compiled once for the whole test run.
  static let bundledRules: CompiledRuleSet = CompiledRuleSet.load([rules])

  /// A checker over the bundled rules.
  static func checker(windowDays: Int? = 365) -> FactChecker {
    FactChecker(rules: bundledRules, options: FactCheckOptions(windowDays: windowDays))
  }

  /// An article in memory.
  static func article(_ text: String, language: String, published: Day? = nil, path: String = "test.md") -> Article {
    Article(path: path, text: text, language: language, published: published)
  }

  /// The claims the bundled rules extract from one text.
  static func claims(_ text: String, language: String, published: Day? = nil) -> [Claim] {
    Extractor(rules: bundledRules).extract(article(text, language: language, published: published)).claims
  }
}
