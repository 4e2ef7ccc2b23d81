import Foundation
import Testing

@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckRules

/// Figures are read on their bytes (``FigureText``, ``FigureScanner``, ``WordTable``), where they were read as
/// `Character`s: a figure written with combining accents must read as its composed spelling does, and a
/// lexicon word must not match the start of a longer character.
@Suite struct FigureTextTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let language: String
    let text: String
    let kind: ValueKind
    /// The value, upper end and unit read; `nil` when the figure is malformed.
    let expected: (value: Double, upper: Double?, unit: String?)?
    var testDescription: String { "\(language) «\(text)» \(kind)" }
  }

  static let rows: [Row] = [
    Row(language: "fr", text: "zéro", kind: .count, expected: (0, nil, nil)),
    Row(language: "fr", text: "2 millions de dollars américains", kind: .money, expected: (2e6, nil, "USD")),
    Row(language: "fr", text: "12 à 18 %", kind: .percent, expected: (12, 18, "%")),
    Row(language: "fr", text: "entre 40 et 45 millions d'euros", kind: .money, expected: (40e6, 45e6, "EUR")),
    Row(language: "fr", text: "3,5 Md€", kind: .money, expected: (3.5e9, nil, "EUR")),
    Row(language: "fr", text: "deux cinquièmes", kind: .percent, expected: (40, nil, "%")),
    Row(language: "fr", text: "1 234,5", kind: .count, expected: nil),
    Row(language: "fr", text: "2 300", kind: .count, expected: (2300, nil, nil)),
    Row(language: "en", text: "one in five", kind: .percent, expected: (20, nil, "%")),
    Row(language: "en", text: "twenty-two", kind: .count, expected: (22, nil, nil)),
    Row(language: "en", text: "£4.5bn", kind: .money, expected: (4.5e9, nil, "GBP")),
    // A combining cedilla makes "x̧" a character of its own: "deux" is not at the start of "deux̧".
    Row(language: "fr", text: "deux\u{327}", kind: .count, expected: nil),
    // "²" is a number but no digit: the run holds it, and no value is read.
    Row(language: "en", text: "3²", kind: .count, expected: nil),
    // A link glued into a character is no link: the space after a Malayalam prepended letter is part of it.
    Row(language: "en", text: "3\u{D4E} to 4", kind: .count, expected: (3, nil, nil)),
    Row(language: "en", text: "3 to 4", kind: .count, expected: (3, 4, nil)),
  ]

  @Test(arguments: rows)
  func readsComposedAndDecomposedAlike(_ row: Row) throws {
    let reader = NumberReader(tables: LexiconTables(try #require(Fixtures.bundledRules.library.lexicons[row.language])))
    for spelling in [row.text, row.text.decomposedStringWithCanonicalMapping] {
      let parsed = try? reader.read(spelling, kind: row.kind)
      if let expected = row.expected {
        #expect(parsed?.value == expected.value, "«\(spelling.unicodeScalars.map { String($0.value, radix: 16) })»")
        #expect(parsed?.upper == expected.upper)
        #expect(parsed?.unit == expected.unit)
      } else {
        #expect(parsed == nil, "read as \(String(describing: parsed))")
      }
    }
  }

  @Test(arguments: [
    ("3 500", true), ("3,5 md€", true), ("près de", true), ("₹40", true),
    ("pre\u{300}s", false), ("x\u{327}", false), ("12\r\n", false), ("→ 3", false),
  ])
  func knowsWhenEveryScalarIsACharacter(text: String, expected: Bool) {
    #expect(FigureText.scalarsAreCharacters(text) == expected)
  }

  @Test func composesAndKeepsCharacterStarts() {
    let text = FigureText("de\u{301}ja\u{300} x\u{327}")
    #expect(text.bytes == Array("déjà x\u{327}".utf8))
    let cedilla = text.bytes.count - 2
    #expect(!text.isCharacterStart(cedilla))
    #expect(text.characterEnd(from: cedilla - 1) == text.bytes.count)
    #expect(text.firstRange(of: Array("x".utf8), in: 0..<text.bytes.count) == nil)
    #expect(text.firstRange(of: Array("jà".utf8), in: 0..<text.bytes.count) == 3..<6)
  }

  /// ``FigureText/isNumber(at:)`` and ``FigureText/isLetter(at:)`` read a character's first scalar, which is
  /// what `Character` answers: checked for every scalar, and for characters of several scalars.
  @Test func aCharacterIsANumberOrALetterAsItsFirstScalarIs() {
    var differences: [UInt32] = []
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = Character(scalar)
      if character.isNumber != (scalar.properties.numericType != nil) || character.isLetter != scalar.properties.isAlphabetic {
        differences.append(value)
      }
    }
    #expect(differences.isEmpty, "\(differences.prefix(10).map { String($0, radix: 16) })")
    // The figure's own UTF-8 decoding, over scalars of every length (one in 61, and the ends of each length).
    var decoded: [UInt32] = []
    let boundaries: [UInt32] = [0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x1D7E0, 0x10348, 0x1F642]
    for value in Array(stride(from: UInt32(0x80), through: 0x10FFFF, by: 61)) + boundaries {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      let character = text.precomposedStringWithCanonicalMapping.first!
      let figure = FigureText(text)
      if figure.isNumber(at: 0) != character.isNumber || figure.isLetter(at: 0) != character.isLetter { decoded.append(value) }
    }
    #expect(decoded.isEmpty, "\(decoded.prefix(10).map { String($0, radix: 16) })")
    for text in ["e\u{301}", "x\u{327}", "2\u{20E3}", "\u{D4E}a", "ß\u{E33}", "²\u{301}", "𝟠", "𐍈", "🙂"] {
      let figure = FigureText(text)
      #expect(figure.isNumber(at: 0) == text.first!.isNumber, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(figure.isLetter(at: 0) == text.first!.isLetter, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test func wordTableTakesTheLongestKeyEndingAWord() {
    let table = WordTable(["mil": 1.0, "mille": 2, "milliard": 3, "m": 4])
    func longest(_ text: String) -> Double? {
      let figure = FigureText(text)
      return table.longest(in: figure, at: 0, limit: figure.bytes.count)?.value
    }
    #expect(longest("milliards") == nil)
    #expect(longest("milliard de") == 3)
    #expect(longest("mille") == 2)
    #expect(longest("mil") == 1)
    #expect(longest("m3") == 4)
    #expect(longest("mé") == nil)
  }
}
