import PatternMatching
import Testing

@testable import FactCheck

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
  ]

  @Test(arguments: rows)
  func matchesTheLongestWordThatFits(_ row: Row) throws {
    let pattern = try CompiledPattern(RegexFragments.words(row.words))
    let subject = UTF8Subject(row.text)
    let match = try Matcher().firstMatch(of: pattern, in: subject)
    let text = match.map { String(decoding: Array(row.text.utf8)[$0.range], as: UTF8.self) }
    #expect(text == row.matched)
  }
}
