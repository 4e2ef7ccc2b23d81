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
    // Words ending in an apostrophe share the bounded words' look-behind (issue 15): still whole words only,
    // and the longest first.
    Row(words: ["plus d'", "plus de", "moins d'", "près"], text: "plus d'un", matched: "plus d'"),
    Row(words: ["plus d'", "plus de", "moins d'", "près"], text: "plus de 5", matched: "plus de"),
    Row(words: ["plus d'", "plus de", "moins d'", "près"], text: "surplus d'eau", matched: nil),
    Row(words: ["plus d'", "plus de", "moins d'", "près"], text: "après près", matched: "près"),
    // Words that start with a symbol keep no look-behind, beside those that do.
    Row(words: ["$", "US$", "USD", "dollars"], text: "5 dollars", matched: "dollars"),
    Row(words: ["$", "US$", "USD", "dollars"], text: "5$", matched: "$"),
    Row(words: ["$", "US$", "USD", "dollars"], text: "xUSD", matched: nil),
  ]

  /// The grouped alternation and its first-letter lookahead; none for letters in two cases.
  @Test func groupsWordsByFirstLetter() {
    #expect(RegexFragments.alternation(["about", "around", "nearly"]) == "a(?:bout|round)|nearly")
    #expect(RegexFragments.alternation(["About", "about"]) == "About|about")
  }

  /// The first characters every branch requires, as one class: any letter, in both cases if the words have
  /// both; symbols escaped; none when a word opens with what the escape writes as a class.
  @Test func firstCharactersLookahead() {
    #expect(RegexFragments.firstCharacters(["about", "around", "nearly"]) == "(?=[an])")
    #expect(RegexFragments.firstCharacters(["About", "about"]) == "(?=[Aa])")
    #expect(RegexFragments.firstCharacters(["über", "under"]) == "(?=[u\\x{FC}])")
    #expect(RegexFragments.firstCharacters(["$", "US$", "-5"]) == "(?=[\\$\\-U])")
    // One text whatever the order of the words: the pattern cache looks patterns up by their text.
    #expect(RegexFragments.firstCharacters(["nearly", "about"]) == RegexFragments.firstCharacters(["about", "nearly"]))
    #expect(RegexFragments.firstCharacters(["'s", "x"]) == "")
    #expect(RegexFragments.firstCharacters(["\u{2019}s"]) == "")
  }

  /// Under caseless matching the class admits every case of a letter, as the word itself does: the long s
  /// and the kelvin sign are cases of s and k.
  @Test(arguments: ["ſur", "\u{212A}ilo", "SUR", "kilo"])
  func firstCharactersFollowTheCaseMode(_ text: String) throws {
    let words = ["sur", "kilo"]
    let bare = try CompiledPattern("(?:" + RegexFragments.alternation(words) + ")", options: [.caseless])
    let guarded = try CompiledPattern(RegexFragments.firstCharacters(words) + "(?:" + RegexFragments.alternation(words) + ")",
                                      options: [.caseless])
    let subject = UTF8Subject(text)
    let expected = try Matcher().firstMatch(of: bare, in: subject)?.range
    #expect(expected != nil)
    #expect(try Matcher().firstMatch(of: guarded, in: subject)?.range == expected)
  }

  /// What a group of word lists opens with: their first characters, and the word-start test only when
  /// every word starts with a letter or digit.
  @Test func openingOfWordLists() {
    #expect(RegexFragments.opening(of: ["two", "one", "a"]) == "(?=[aot])" + RegexFragments.wordStart)
    #expect(RegexFragments.opening(of: ["½", "3e"]) == "(?=[3\\x{BD}])" + RegexFragments.wordStart)
    #expect(RegexFragments.opening(of: ["$", "dollars"]) == "(?=[\\$d])")
    #expect(RegexFragments.opening(of: ["'til", "until"]) == "")
  }

  /// Written before the alternation of the same words, the opening finds every match the alternation finds
  /// alone, and no other, in text that starts words, continues them and glues them to digits.
  @Test(arguments: [["one", "two", "a dozen", "an"], ["moins d'", "plus de", "près", "½"], ["$", "US$", "dollars"], ["Q", "T", "1er"]])
  func openingChangesNoMatch(_ words: [String]) throws {
    let text = "Un a, an one; a dozen twone 3dollars US$ 5$ plus de moins d'eau après près ½ Q3 T4 1er 21er aone"
    let alone = try CompiledPattern(RegexFragments.words(words), options: [.caseless])
    let opened = try CompiledPattern(RegexFragments.opening(of: words) + RegexFragments.words(words), options: [.caseless])
    let subject = UTF8Subject(text)
    let expected = try Matcher().matches(of: alone, in: subject).map(\.range)
    #expect(!expected.isEmpty)
    #expect(try Matcher().matches(of: opened, in: subject).map(\.range) == expected)
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
