import Testing

@testable import FactCheckModel
@testable import FactCheckNormalisation

/// Whether a capitalised word is also written in lower case in an article: one word, or words joined by a
/// hyphen or an apostrophe, which must stand whole (no letter around them).
@Suite struct LowerCaseWordsTests {
  @Test(arguments: [
    ("Rival lenders grew. A rival said so.", "Rival", true),
    ("Nobody here said so.", "Rival", false),
    ("RIVAL lenders and rivals.", "Rival", false),
    ("A rival said so.", "rival", false),
    ("It was an ox.", "Ox", false),
    ("The jean-marc plan.", "Jean-Marc", true),
    ("Jean and marc met.", "Jean-Marc", false),
    ("The jean-marc-olivier plan.", "Jean-Marc", true),
    ("The jeanne-marc plan.", "Jean-Marc", false),
    ("The jean-marcel plan.", "Jean-Marc", false),
    ("Ask l'entreprise.", "L'entreprise", true),
    ("Ask entreprise and l.", "L'entreprise", false),
    ("The état-major met.", "État-Major", true),
    ("Un e\u{301}te\u{301} chaud.", "Été", true),
    ("Un été chaud.", "E\u{301}te\u{301}", true),
    ("Abc abc, abc and abc.", "Abc", true),
  ])
  func wordsAreFoundWhole(text: String, word: String, found: Bool) {
    let words = LowerCaseWords(article: Fixtures.article(text, language: "en"))
    #expect(words.contains(word) == found, "\(word) in \(text)")
  }

  /// On every article of our corpora, for every capitalised word of it, the answer is that of a set of the
  /// body's words as `String`s (runs of letters and non-ASCII bytes without an ASCII capital): tables past
  /// their first size, probing, repeated words, words with accents.
  @Test func answersAsASetOfTheWordsDoes() {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    var asked = 0
    var found = 0
    for article in articles {
      let body = Array(article.subject.bytes[article.bodyRange])
      let isLetter = { (b: UInt8) in (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
      let runs = body.split(whereSeparator: { !isLetter($0) }).map { String(decoding: $0, as: UTF8.self) }
      let reference = Set(runs.filter { !$0.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) })
      let words = LowerCaseWords(article: article)
      for word in Set(runs) where word.first?.isUppercase == true && word.lowercased().count >= 3 {
        let expected = reference.contains(word.lowercased())
        #expect(words.contains(word) == expected, "\(word) in \(article.path)")
        asked += 1
        if expected { found += 1 }
      }
    }
    #expect(asked >= 1_000)
    #expect(found >= 50)
  }
}
