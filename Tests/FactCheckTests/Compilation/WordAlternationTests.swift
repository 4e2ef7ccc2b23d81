import PatternMatching
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `RegexFragments.words`, the alternation behind every lexicon list: the longest word that fits is the one
/// matched, whether it ends in a letter or in punctuation.
@Suite struct WordAlternationTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let words: [String]
    let text: String
    let matched: String?
    var testDescription: String { "\(words) in «\(text)»" }
  }

  static let rows: [Row] = [
    // An abbreviation with its point wins over the same letters without it.
    Row(words: ["Mio", "Mio."], text: "3 Mio. Euro", matched: "Mio."),
    Row(words: ["ca", "ca."], text: "ca. 300", matched: "ca."),
    // A word that a longer one extends with letters still loses to it.
    Row(words: ["d'", "d'ici"], text: "d'ici fin", matched: "d'ici"),
    Row(words: ["près d'", "près de"], text: "près de 4 000", matched: "près de"),
    Row(words: ["près d'", "près de"], text: "près d'un", matched: "près d'"),
    Row(words: ["$", "US$", "USD"], text: "US$ 5", matched: "US$"),
    Row(words: ["%", "pour cent"], text: "22 pour cent", matched: "pour cent"),
    // Word boundaries on the letter sides only.
    Row(words: ["Mio."], text: "Mios.", matched: nil),
    Row(words: ["mn"], text: "mnemonic", matched: nil),
    // Grouped by first letter (issue 15): still the longest word of the group, and every group reachable.
    Row(words: ["about", "around", "nearly", "a"], text: "around 5", matched: "around"),
    Row(words: ["about", "around", "nearly", "a"], text: "a 5", matched: "a"),
    Row(words: ["about", "around", "nearly", "a"], text: "nearly 5", matched: "nearly"),
    // One letter in two cases: not grouped, and both still match.
    Row(words: ["About", "about"], text: "About 5", matched: "About"),
  ]

  /// The grouped alternation and its first-letter lookahead; none for letters in two cases.
  @Test func groupsWordsByFirstLetter() {
    #expect(RegexFragments.alternation(["about", "around", "nearly"]) == "a(?:bout|round)|nearly")
    #expect(RegexFragments.firstLetters(["about", "around", "nearly"]) == "(?=[an])")
    #expect(RegexFragments.alternation(["About", "about"]) == "About|about")
    #expect(RegexFragments.firstLetters(["About", "about"]) == "")
    #expect(RegexFragments.firstLetters(["über", "under"]) == "(?=[üu])")
  }

  @Test(arguments: rows)
  func matchesTheLongestWordThatFits(_ row: Row) throws {
    let pattern = try CompiledPattern(RegexFragments.words(row.words))
    let subject = UTF8Subject(row.text)
    let match = try Matcher().firstMatch(of: pattern, in: subject)
    let text = match.map { String(decoding: Array(row.text.utf8)[$0.range], as: UTF8.self) }
    #expect(text == row.matched)
  }
}
