import Testing

@testable import FactCheckRules

/// Words are escaped scalar by scalar when every scalar is below U+0300 (issue 15: a twentieth of a
/// one-file check); the result is the character-by-character escape's, byte for byte.
@Suite struct RegexEscapeTests {
  @Test(arguments: ["près de", "d'ici", "d\u{2019}ici", "Mio.", "$", "a-b", "(x)", "\\", "e\u{301}", "'\u{301}", " \u{301}",
                    "ſ", "\r\n", "", "日本", "1/2", "#1", "über{", "Æ|ø"])
  func escapesLikeCharacters(word: String) {
    #expect(RegexFragments.escape(word) == RegexFragments.escapeCharacters(word))
    #expect(Array(RegexFragments.escape(word).utf8) == Array(RegexFragments.escapeCharacters(word).utf8))
  }

  @Test func escapesGeneratedWordsLikeCharacters() {
    let pieces = ["a", "é", "e\u{301}", "'", "\u{2019}", " ", "-", ".", "\\", "$", "ß", "\u{A0}", "\r", "\n", "(", "ő", "Ж", "ǅ", "\u{2C6}"]
    var generator = SeededGenerator(seed: 21)
    for _ in 0..<3_000 {
      let word = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      #expect(Array(RegexFragments.escape(word).utf8) == Array(RegexFragments.escapeCharacters(word).utf8), "\(word.unicodeScalars.map(\.value))")
    }
  }
}
