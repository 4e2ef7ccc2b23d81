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
  ])
  func wordsAreFoundWhole(text: String, word: String, found: Bool) {
    let words = LowerCaseWords(article: Fixtures.article(text, language: "en"))
    #expect(words.contains(word) == found, "\(word) in \(text)")
  }
}
