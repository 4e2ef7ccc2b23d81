import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Figures that are not what they seem: invisible characters inside them, digits of other scripts, more
/// digits than a figure can hold. Each is read whole or reported as malformed — never cut short to its
/// last digits (`3\u{200B}500` read as `500`), never read as `∞` or a rounded giant.
@Suite struct HiddenCharacterFigureTests {
  /// What checking an article with the figure must give.
  enum Reading: Sendable, CustomStringConvertible {
    /// Claims are read, every one of them with this value, the first one spanning the whole figure.
    case value(Double)
    /// No claim, and a "malformed figure" warning at the figure.
    case malformed
    /// No claim: the rule does not match at all, which is better than matching a part of the figure.
    case nothing

    var description: String {
      switch self {
      case .value(let value): return "\(value)"
      case .malformed: return "malformed"
      case .nothing: return "nothing"
      }
    }
  }

  /// One sentence around one figure; the article is `lead + figure + tail`.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let language: String
    let lead: String
    let figure: String
    let tail: String
    let reading: Reading

    var text: String { lead + figure + tail }
    var testDescription: String { "\(name) (\(language)) → \(reading)" }
  }

  static let frenchLead = "La coopérative Ormeline emploie "
  static let frenchTail = " salariés dans ses ateliers du Jura.\n"
  static let englishLead = "The Ormeline cooperative employs "
  static let englishTail = " people across its workshops.\n"

  static func french(_ name: String, _ figure: String, _ reading: Reading) -> Case {
    Case(name: name, language: "fr", lead: frenchLead, figure: figure, tail: frenchTail, reading: reading)
  }

  static func english(_ name: String, _ figure: String, _ reading: Reading) -> Case {
    Case(name: name, language: "en", lead: englishLead, figure: figure, tail: englishTail, reading: reading)
  }

  static let cases: [Case] = [
    // Plain figures, the baseline every other row must agree with.
    french("plain", "3500", .value(3500)),
    english("plain", "3,500", .value(3500)),
    // Invisible characters between the digits: the figure is read across them.
    french("zero-width space", "3\u{200B}500", .value(3500)),
    english("zero-width space", "3\u{200B}500", .value(3500)),
    french("word joiner", "12\u{2060}400", .value(12400)),
    english("left-to-right mark after the comma", "3,\u{200E}500", .value(3500)),
    english("right-to-left mark before the comma", "3\u{200F},500", .value(3500)),
    french("byte-order mark", "3\u{FEFF}500", .value(3500)),
    french("zero-width space in a spaced group", "3 5\u{200B}00", .value(3500)),
    english("combining acute accent", "35\u{0301}00", .value(3500)),
    english("keycap mark", "4\u{20E3}200", .value(4200)),
    english("two invisible characters", "3\u{200B}\u{200E}500", .value(3500)),
    // Invisible characters around the figure are outside it. Between the figure and a word they are no
    // space, so the rule does not match: nothing is read rather than a part.
    Case(name: "right-to-left mark before", language: "fr", lead: frenchLead + "\u{200F}", figure: "3 500",
         tail: frenchTail, reading: .value(3500)),
    Case(name: "left-to-right mark after", language: "en", lead: englishLead, figure: "3,500",
         tail: "\u{200E}" + englishTail, reading: .nothing),
    Case(name: "bidi isolate around", language: "en", lead: englishLead + "\u{2066}", figure: "3500",
         tail: "\u{2069}" + englishTail, reading: .nothing),
    // Digits of other scripts are digits.
    french("full-width digits", "３５００", .value(3500)),
    french("full-width digits grouped by a space", "３ ５００", .value(3500)),
    english("full-width digits with a comma", "３,５００", .value(3500)),
    english("Arabic-Indic digits", "٣٥٠٠", .value(3500)),
    english("Extended Arabic-Indic digits", "۳۵۰۰", .value(3500)),
    french("Devanagari digits", "३५००", .value(3500)),
    french("one full-width digit among ASCII ones", "3５00", .value(3500)),
    // Fifteen significant digits are the most a figure may have.
    english("fifteen digits", "123456789012345", .value(123_456_789_012_345)),
    french("leading zeros are not significant", "0000000000000000042", .value(42)),
    french("sixteen digits", "1234567890123456", .malformed),
    french("twenty-two nines", "9999999999999999999999", .malformed),
    english("twenty-two digits grouped", "9,999,999,999,999,999,999,999", .malformed),
    english("four hundred digits", String(repeating: "9", count: 400), .malformed),
  ]

  @Test(arguments: cases)
  func figureIsReadWholeOrReported(_ example: Case) throws {
    let article = Article(path: "hidden.md", text: example.text, language: example.language,
                          published: Day(year: 2025, month: 3, day: 4))
    let result = FactChecker(rules: Fixtures.bundledRules).check(articles: [article])
    let figureStart = example.lead.utf8.count
    let figureRange = figureStart..<(figureStart + example.figure.utf8.count)
    let read = result.claims.map { "\($0.value) «\($0.valueText)» [\($0.rule)]" }
    #expect(result.claims.allSatisfy { $0.value.isFinite }, "read as \(read)")
    switch example.reading {
    case .value(let value):
      #expect(!result.claims.isEmpty, "nothing read in «\(example.text)»")
      #expect(result.claims.allSatisfy { $0.value == value }, "read as \(read)")
      let claim = try #require(result.claims.first)
      #expect(claim.valueRange == figureRange, "read «\(claim.valueText)» instead of the whole figure")
      #expect(claim.valueText == example.figure)
      #expect(claim.location == article.location(of: figureStart))
      #expect(!result.diagnostics.contains { $0.message.contains("malformed") })
    case .malformed:
      #expect(result.claims.isEmpty, "read as \(read)")
      let diagnostic = try #require(result.diagnostics.first { $0.message.contains("malformed figure") })
      #expect(diagnostic.message.contains("significant digits"))
      #expect(diagnostic.location == article.location(of: figureStart))
    case .nothing:
      #expect(result.claims.isEmpty, "read as \(read)")
    }
  }

  /// The same hidden characters in the other kinds of figure: money and percentages.
  @Test(arguments: [
    ("en", "Ormeline reported revenue of $1\u{200B}200 million last year.\n", 1.2e9),
    ("fr", "Le chiffre d’affaires d’Ormeline atteint 1\u{2060}200 millions d’euros.\n", 1.2e9),
    ("en", "Ormeline reported revenue of $１.５ billion last year.\n", 1.5e9),
  ])
  func moneyIsReadWhole(language: String, text: String, value: Double) {
    let article = Article(path: "money.md", text: text, language: language, published: Day(year: 2025, month: 3, day: 4))
    let claims = FactChecker(rules: Fixtures.bundledRules).check(articles: [article]).claims
    #expect(!claims.isEmpty && claims.allSatisfy { $0.value == value }, "read as \(claims.map { "\($0.value) [\($0.rule)]" })")
  }

  /// The reader itself: what the regex delimits is read whole.
  @Test(arguments: [
    ("3\u{200B}500", 3500.0), ("３５００", 3500), ("٣٬٥٠٠", 3500), ("3,\u{200E}500", 3500), ("2\u{0301}4", 24),
  ])
  func readerSeesThroughHiddenCharacters(written: String, value: Double) throws {
    let reader = NumberReader(tables: LexiconTables(try #require(Fixtures.bundledRules.library.lexicons["en"])))
    #expect(try reader.read(written, kind: .count).value == value)
  }
}
