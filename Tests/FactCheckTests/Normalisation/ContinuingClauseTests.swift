import Testing

@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckRules

/// A clause that opens with "in which", « lors de laquelle »… keeps the previous clause's time. Most clauses
/// are answered from their bytes (``LexiconTables/opensContinuingClause(_:)``); the answer must be the
/// definition's: the clause's key has one of the lexicon's openings as a prefix.
@Suite struct ContinuingClauseTests {
  static func definition(_ opening: ArraySlice<UInt8>, _ tables: LexiconTables) -> Bool {
    let key = TextNormalisation.key(String(decoding: opening, as: UTF8.self))
    return tables.continuingClauseOpenings.contains { key.hasPrefix($0) }
  }

  static func tables(_ language: String) throws -> LexiconTables {
    LexiconTables(try #require(Fixtures.bundledRules.library.lexicons[language]))
  }

  struct Row: Sendable, CustomTestStringConvertible {
    let language: String
    let text: String
    let opens: Bool
    var testDescription: String { "\(language): «\(text)»" }
  }

  static let rows: [Row] = [
    Row(language: "en", text: " in which the firm cut 300 posts", opens: true),
    Row(language: "en", text: "  In Which the firm cut 300 posts", opens: true),
    Row(language: "en", text: "\twhen the plant closed", opens: true),
    Row(language: "en", text: " whereas the plant closed", opens: false),
    Row(language: "en", text: " the plant closed", opens: false),
    // A first letter no English opening starts with: answered from the bytes.
    Row(language: "en", text: " but the plant closed", opens: false),
    Row(language: "en", text: "  But the plant closed", opens: false),
    // An invisible character before the letter: the key reads past it.
    Row(language: "en", text: " \u{200B}in which the firm cut 300 posts", opens: true),
    Row(language: "en", text: " \u{200B}but the plant closed", opens: false),
    // A combining mark after the first letter belongs to it.
    Row(language: "en", text: " i\u{0301}n which the firm cut 300 posts", opens: false),
    Row(language: "fr", text: " où l’usine a fermé", opens: true),
    Row(language: "fr", text: " Où l’usine a fermé", opens: true),
    Row(language: "fr", text: " lorsque l’usine a fermé", opens: true),
    // An elided opening is glued to the word after it.
    Row(language: "fr", text: " lorsqu’elle a fermé l’usine", opens: true),
    Row(language: "fr", text: " lorsqu'il a fermé l’usine", opens: true),
    Row(language: "fr", text: " lors de laquelle l’usine a fermé", opens: true),
    Row(language: "fr", text: " ouvrant l’usine", opens: false),
    Row(language: "fr", text: " évoquant l’usine", opens: false),
    Row(language: "fr", text: "\u{00A0}soit 12 % de l’effectif", opens: true),
    Row(language: "de", text: " wobei das Werk schloss", opens: true),
    Row(language: "de", text: " während das Werk schloss", opens: false),
    Row(language: "de", text: " nachdem das Werk schloss", opens: false),
  ]

  @Test(arguments: rows)
  func opensAsTheKeySays(_ row: Row) throws {
    let tables = try Self.tables(row.language)
    let bytes = Array(row.text.utf8)
    #expect(tables.opensContinuingClause(bytes[...]) == row.opens)
    #expect(Self.definition(bytes[...], tables) == row.opens)
  }

  /// Every clause of every article of our corpora (and the real-world ones when present): after each comma,
  /// semicolon, colon or bracket, its first 48 bytes as the claim builder reads them, and shorter cuts.
  @Test func agreesWithTheKeyOnEveryClause() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    var clauses = 0
    var opening = 0
    for article in articles {
      let tables = try Self.tables(article.language)
      let bytes = article.subject.bytes
      for i in bytes.indices where i > 0 && [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "(")].contains(bytes[i - 1]) {
        for length in [48, 12, 5] {
          let window = bytes[i..<min(bytes.count, i + length)]
          let expected = Self.definition(window, tables)
          #expect(tables.opensContinuingClause(window) == expected, "\(article.path) at \(i)")
          if expected { opening += 1 }
          clauses += 1
        }
      }
    }
    #expect(clauses >= 1_000)
    #expect(opening >= 10)
  }
}
