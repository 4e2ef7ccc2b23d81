import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The node limit stops alias bombs, not large files: a lexicon of a few hundred thousand words written
/// out loads (its byte size is what bounds it), and only aliases are ever blamed for expanding too far.
@Suite struct RobustnessLargeRuleFileTests {
  /// A French lexicon of `count` nouns, written out: two nodes per entry.
  static func nounLexicon(_ count: Int, extra: String = "") -> String {
    "lexicon:\n  language: fr\n  nouns:\n" + (0..<count).map { "    mot\($0): employees\n" }.joined() + extra
  }

  /// A word under an anchor, then `count` aliases of it: `count` nodes added.
  static func aliases(_ count: Int) -> String {
    "  conjunctions: [&word et" + String(repeating: ", *word", count: count) + "]\n"
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    /// Whether the file is refused as an alias bomb.
    let refused: Bool
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "150 000 nouns, no alias (300 000 nodes)", text: nounLexicon(150_000), refused: false),
    Case(name: "150 000 nouns and aliases adding 1 000 nodes", text: nounLexicon(150_000, extra: aliases(100)), refused: false),
    Case(name: "aliases adding as many nodes as the limit", text: nounLexicon(10, extra: aliases(YAMLReader.maxNodes)), refused: false),
    Case(name: "aliases adding one node more", text: nounLexicon(10, extra: aliases(YAMLReader.maxNodes + 1)), refused: true),
  ]

  @Test(arguments: cases)
  func onlyAliasesAreLimited(_ testCase: Case) throws {
    #expect(testCase.text.utf8.count < YAMLReader.maxBytes)
    let (library, seconds) = Robustness.timed { RuleFileLoader.load(texts: [(path: "big.yaml", text: testCase.text)]) }
    #expect(seconds < 30)
    let refusals = library.problems.filter { $0.kind == .tooManyNodes(limit: YAMLReader.maxNodes) }
    if testCase.refused {
      let error = try #require(refusals.first)
      #expect(refusals.count == 1)
      #expect(error.message.contains("through its aliases (an alias bomb?)"), "\(error.message)")
      #expect(error.location.path == "big.yaml")
      #expect(error.location.line == testCase.text.split(separator: "\n").count, "at the alias that crossed the limit")
    } else {
      #expect(refusals.isEmpty, "\(refusals)")
      #expect(!library.hasErrors, "\(library.problems.prefix(3))")
      #expect(library.lexicons["fr"]?.nouns.count == testCase.text.components(separatedBy: ": employees").count - 1)
    }
  }
}
