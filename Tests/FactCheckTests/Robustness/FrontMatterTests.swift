import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Front matter that is not quite right: nothing in it is lost silently. An unclosed or oversized block is a
/// warning naming its line and never switches the article's language; a partial date keeps its precision,
/// "unknown" is no date, and an impossible day says so.
@Suite struct FrontMatterTests {
  /// A French body with few function words of its own, so that English front matter read as body text
  /// would outvote it.
  static let frenchBody = "La coopérative Ormeline emploie 3 500 salariés dans le Jura.\n"
  /// English words a block may hold: enough function words to make the article English if they counted.
  static let englishTitle = "title: The story of the cooperative and the workshops in the valley\n"

  /// One article and what loading it must give.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    var language = "fr"
    var published: String? = nil
    var precision: Day.Precision? = nil
    var title: String? = nil
    /// The warning expected, whole; `nil` for none.
    var warning: String? = nil
    /// Where the body starts (1-based line).
    var bodyLine = 1

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "closed", text: "---\ntitle: Ormeline\npublished: 2025-05-13\nlanguage: fr\n---\n" + frenchBody,
         published: "2025-05-13", precision: .day, title: "Ormeline", bodyLine: 6),
    Case(name: "closed with '...'", text: "---\n" + englishTitle + "published: 2025-05-13\n...\n" + frenchBody,
         published: "2025-05-13", title: "The story of the cooperative and the workshops in the valley", bodyLine: 5),
    Case(name: "CRLF line ends", text: "---\r\ntitle: Ormeline\r\npublished: 2024-08\r\n---\r\n" + frenchBody,
         published: "2024-08", precision: .month, title: "Ormeline", bodyLine: 5),
    Case(name: "lone CR line ends", text: "---\rtitle: Ormeline\rpublished: 2024\r---\r" + frenchBody,
         published: "2024", precision: .year, title: "Ormeline", bodyLine: 5),
    // Each break is one line whatever its kind, an empty line between kinds included: the date is on line 4.
    Case(name: "mixed line ends", text: "---\ntitle: Ormeline\r\n\rpublished: 2025-02-30\n---\n" + frenchBody,
         title: "Ormeline", warning: "front matter date '2025-02-30' at line 4: no such day (February 2025 has 28 days); ignored",
         bodyLine: 6),

    // Unclosed: body text, with a warning; its key lines do not vote on the language.
    Case(name: "unclosed", text: "---\n" + englishTitle + "published: 2025-05-13\n\n" + frenchBody,
         warning: "front matter opened at line 1 is not closed (no '---' or '...' line before the end of the text); read as body text"),
    Case(name: "unclosed with a language", text: "---\n" + englishTitle + "language: fr\n\n" + frenchBody,
         warning: "front matter opened at line 1 is not closed (no '---' or '...' line before the end of the text); read as body text; its 'language: fr' (line 3) is kept"),
    Case(name: "unclosed, CRLF", text: "---\r\n" + englishTitle.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n" + frenchBody,
         warning: "front matter opened at line 1 is not closed (no '---' or '...' line before the end of the text); read as body text"),
    Case(name: "closing line past the limit",
         text: "---\n" + englishTitle + (1...FrontMatter.maxLines).map { "key\($0): the value of the key\n" }.joined() + "---\n" + frenchBody,
         warning: "front matter opened at line 1 is not closed (no '---' or '...' line within 200 lines); read as body text"),
    Case(name: "over 64 KiB", text: "---\ntitle: " + String(repeating: "x", count: 70_000) + "\npublished: 2025-05-13\n---\n" + frenchBody,
         warning: "front matter at lines 1–4 is larger than 64 KiB; ignored", bodyLine: 5),
    Case(name: "not a mapping", text: "---\n- one\n- two\n---\n" + frenchBody,
         warning: "front matter at lines 1–4 is not a YAML mapping; ignored", bodyLine: 5),

    // Dates: partial dates keep their precision, "unknown" is no date, impossible days say why.
    dated("full date", "2025-05-13", "2025-05-13", .day),
    dated("month", "2024-08", "2024-08", .month),
    dated("quoted month", "'2024-08'", "2024-08", .month),
    dated("year", "2024", "2024", .year),
    dated("unknown", "unknown", nil),
    dated("inconnue", "inconnue", nil),
    dated("empty", "", nil),
    dated("null", "null", nil),
    dated("tilde", "~", nil),
    dated("29 February of a leap year", "2024-02-29", "2024-02-29", .day),
    dated("29 February of another year", "2023-02-29", nil,
          warning: "front matter date '2023-02-29' at line 3: no such day (February 2023 has 28 days); ignored"),
    dated("30 February", "2025-02-30", nil,
          warning: "front matter date '2025-02-30' at line 3: no such day (February 2025 has 28 days); ignored"),
    dated("31 April", "2025-04-31", nil,
          warning: "front matter date '2025-04-31' at line 3: no such day (April 2025 has 30 days); ignored"),
    dated("month 13", "2025-13", nil, warning: "front matter date '2025-13' at line 3: no such month (13); ignored"),
    dated("day first", "13/05/2025", nil,
          warning: "front matter date '13/05/2025' at line 3: not YYYY-MM-DD, YYYY-MM or YYYY; ignored"),
    dated("UTC timestamp", "2025-05-13T08:00:00Z", "2025-05-13", .day),
    dated("timestamp with an offset", "2025-05-13T08:00:00-05:00", "2025-05-13", .day),
    dated("timestamp after a space", "2025-05-13 08:00:00 +0200", "2025-05-13", .day),
    dated("time after a partial date", "2025-05T08:00", nil,
          warning: "front matter date '2025-05T08:00' at line 3: not YYYY-MM-DD, YYYY-MM or YYYY; ignored"),
    // The same through the YAML parser (a list makes the block too rich for the line reader).
    Case(name: "impossible day in rich YAML", text: "---\ntags: [coopérative, Jura]\npublished: 2025-02-30\n---\n" + frenchBody,
         warning: "front matter date '2025-02-30' at line 3: no such day (February 2025 has 28 days); ignored", bodyLine: 5),
    Case(name: "month in rich YAML", text: "---\ntags: [coopérative, Jura]\npublished: 2024-08\n---\n" + frenchBody,
         published: "2024-08", precision: .month, bodyLine: 5),
  ]

  /// An article whose front matter gives `value` on line 3 as its date.
  static func dated(_ name: String, _ value: String, _ published: String?, _ precision: Day.Precision? = nil,
                    warning: String? = nil) -> Case {
    Case(name: "date: \(name)", text: "---\ntitle: Ormeline\npublished: \(value)\n---\n" + frenchBody,
         published: published, precision: precision, title: "Ormeline", warning: warning, bodyLine: 5)
  }

  static let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)

  @Test(arguments: cases)
  func frontMatterIsReadOrReported(_ example: Case) throws {
    guard case .article(let article) = Self.loader.load(path: "front.md", bytes: Array(example.text.utf8)) else {
      Issue.record("the article must be read, not skipped")
      return
    }
    #expect(article.language == example.language)
    #expect(article.published?.description == example.published)
    if let precision = example.precision { #expect(article.published?.precision == precision) }
    #expect(article.title == example.title)
    #expect(article.warnings == (example.warning.map { [$0] } ?? []))
    #expect(article.location(of: article.bodyRange.lowerBound).line == example.bodyLine)
    // Nothing lost: the body's figure is a claim however the front matter went.
    let claims = FactChecker(rules: Fixtures.bundledRules).check(articles: [article]).claims
    #expect(claims.map(\.value) == [3500], "read as \(claims.map { "\($0.value) [\($0.rule)]" })")
  }

  /// The warning reaches the run's diagnostics, at the line it names.
  @Test func unclosedBlockIsADiagnosticAtItsLine() throws {
    try Robustness.withScratchDirectory { root in
      let path = root + "/unclosed.md"
      try Robustness.write(Array(("---\n" + Self.englishTitle + "\n" + Self.frenchBody).utf8), to: path)
      let result = FactChecker(rules: Fixtures.bundledRules).check(paths: [path])
      let diagnostic = try #require(result.diagnostics.first { $0.message.contains("not closed") })
      #expect(diagnostic.severity == .warning)
      #expect(diagnostic.location?.line == 1)
      #expect(result.documents.first?.language == "fr")
    }
  }

  /// A month is enough to resolve "l'année dernière" and "last year".
  @Test(arguments: [
    ("fr", "---\npublished: 2024-08\nlanguage: fr\n---\nLa coopérative Ormeline employait 3 000 salariés l’année dernière.\n"),
    ("en", "---\npublished: 2024-08\nlanguage: en\n---\nThe Ormeline cooperative employed 3,000 people last year.\n"),
    ("en", "---\npublished: 2024\nlanguage: en\n---\nThe Ormeline cooperative employed 3,000 people last year.\n"),
  ])
  func partialDateResolvesLastYear(language: String, text: String) throws {
    guard case .article(let article) = Self.loader.load(path: "partial.md", bytes: Array(text.utf8)) else {
      Issue.record("the article must be read")
      return
    }
    #expect(article.language == language)
    let claims = FactChecker(rules: Fixtures.bundledRules).check(articles: [article]).claims
    #expect(!claims.isEmpty && claims.allSatisfy { $0.period == .year(2023) }, "\(claims.map { "\($0.value) \($0.period)" })")
  }

  /// A partial date prints, encodes and decodes as written, and sits in the middle of its span.
  @Test(arguments: [
    (Day(year: 2024, month: 8), "2024-08", Day(year: 2024, month: 8, day: 15)),
    (Day(year: 2024), "2024", Day(year: 2024, month: 7, day: 1)),
    (Day(year: 2025, month: 5, day: 13), "2025-05-13", Day(year: 2025, month: 5, day: 13)),
  ])
  func partialDateRoundTrips(day: Day?, written: String, middle: Day?) throws {
    let day = try #require(day)
    #expect(day.description == written)
    #expect(Day(iso: written) == day)
    let encoded = try JSONEncoder().encode([day])
    #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(written)\"]")
    #expect(try JSONDecoder().decode([Day].self, from: encoded) == [day])
    #expect(day.distance(to: try #require(middle)) == 0)
  }

  /// The JSON report prints the date as the article gave it.
  @Test func jsonReportPrintsAMonthAsAMonth() throws {
    let text = "---\npublished: 2024-08\n---\n" + Self.frenchBody
    guard case .article(let article) = Self.loader.load(path: "month.md", bytes: Array(text.utf8)) else {
      Issue.record("the article must be read")
      return
    }
    let result = FactChecker(rules: Fixtures.bundledRules).check(articles: [article])
    #expect(result.documents.first?.published?.description == "2024-08")
    let json = JSONReporter().report(result)
    #expect(json.contains("\"2024-08\""))
    #expect(!json.contains("2024-08-"), "a month is not a day")
  }

  /// Lines of every shape the simple reader meets: its reading on bytes gives what the `String` one does.
  @Test(arguments: [
    "title: Ormeline", "  ", "", "# a comment", "#", " indented: no", "- item", "no colon here", "key:", "key: ",
    "key :  spaced value  ", "ke y: bad key", "key_1-b: ok", ": no key", "title: \"quoted\"", "title: \"\"", "title: \"",
    "title: \"has \\ escape\"", "title: \"inner \" quote\"", "title: 'single'", "title: 'it''s'", "title: ''''", "title: '",
    "title: 'a''''b'", "title: 'a'''", "title: [list]", "title: {map}", "title: | block", "title: > folded", "title: &anchor",
    "title: *alias", "title: value # comment", "title: value#not", "url: https://example.com/a:b", "date:\t2025-05-13\t", "a: b: c",
    // Other characters inside a value, or after the structure.
    "title: La grève des éboueurs", "title: \"L’hiver à Brest\"", "title: 'L’été à Brest'", "title: Grève # à Brest",
    "title: Un site à Zürich, 3 000 emplois", "title: [le à vrai]", "no colon, but é", "# a comment on l’été",
  ])
  func linesReadOnBytesAsTheStringReaderDoes(line: String) {
    var copy = line
    let fast = copy.withUTF8 { FrontMatter.simpleFieldOnBytes($0) }
    #expect(fast != nil)
    #expect(fast == FrontMatter.simpleField(line))
  }

  /// Lines where another character stands next to what the reader looks at, or in the key, are left to the
  /// `String` reader: whitespace it trims, a letter of a key, a mark that joins the byte before it.
  @Test(arguments: [
    "title: \u{A0}Brest\u{A0}", "année: 2025", "\u{A0}title: Brest", "#\u{301} title: Brest", ":\u{301} x", "title:\u{301} x",
    "title: \"\u{301}Brest\"", "title: Brest\u{2003}", "title: 'é'", "title: é", "   \u{A0}", "  \u{2003}  ",
    "title: 'a''\u{301}b'", "title: 'l''été'",
  ])
  func linesWithOtherCharactersAtTheEdgesGoToTheStringReader(line: String) {
    var copy = line
    #expect(copy.withUTF8 { FrontMatter.simpleFieldOnBytes($0) } == nil)
  }

  /// Dates of every shape: the ASCII reading on bytes gives what the `Character` one does.
  @Test(arguments: [
    "2025-05-13", "2025-05", "2025", " 2025-05-13 ", "2025-5-3", "2025-05-13T10:00:00Z", "2025-05-13 10:00", "2025-05t",
    "2025-02-30", "2024-02-29", "2025-13", "2025-00-01", "0000", "10000", "99", "2025-", "-05-13", "2025--13", "2025-05-13-01",
    "2025/05/13", "", "   ", "abcd", "2025-1a", "2025-05-130", "2025 05", "T2025", "2025-05-13\t",
  ])
  func asciiDatesReadAsTheCharacterReaderDoes(text: String) {
    let fast = Day.parseASCII(iso: text)
    #expect(fast != nil)
    #expect(fast.map { "\($0)" } == "\(Day.parseCharacters(iso: text))")
  }
}
