import Testing

@testable import FactCheckExtraction
@testable import FactCheckRules

/// The function-word counts language detection rests on: words folded as they are read (ASCII and
/// Latin-1 capitals), ended by ASCII punctuation, Latin-1 punctuation and spacing and general punctuation,
/// and looked up in every lexicon at once.
@Suite struct LanguageDetectorTests {
  static let lexicons = Fixtures.bundledRules.library.lexicons
  static let detector = LanguageDetector(lexicons: lexicons)

  @Test(arguments: [
    ("Le chiffre de la société", ["fr": 3]),
    ("LE CHIFFRE DE LA SOCIÉTÉ", ["fr": 3]),
    ("«\u{A0}le\u{A0}» et\u{2019}la", ["fr": 3]),
    ("the rise of the lender", ["en": 3]),
    ("thecompany the-the", ["en": 2]),
    ("", [:]),
    ("1 200 000 — 3,5 %", [:]),
  ])
  func countsFunctionWords(text: String, expected: [String: Int]) {
    let counts = Self.detector.counts(in: Array(text.utf8), range: 0..<text.utf8.count)
    for (language, count) in expected { #expect(counts[language] == count, "\(language) in \(text)") }
    if expected.isEmpty { #expect(counts.isEmpty) }
  }

  /// On text made of the lexicons' own words, capitals, accents, punctuation and long words, the counts are
  /// those of a plain reading: split into words, fold, look each up in every lexicon.
  @Test func agreesWithAPlainReading() {
    let functionWords = Self.lexicons.values.flatMap(\.functionWords).sorted()
    let pieces = functionWords + ["Société", "ÉTAT", "Ärger", "naïve", "×", "—", "’", "«", "»", "\u{A0}", " ", ", ", ". ", "-", "'",
                                  String(repeating: "a", count: 30), "x", "2024", "\u{1F600}", "日本"]
    var generator = SeededGenerator(seed: 15)
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        var piece = pieces.randomElement(using: &generator)!
        if Bool.random(using: &generator) { piece = piece.uppercased() }
        text += piece + (Bool.random(using: &generator) ? " " : "")
      }
      let bytes = Array(text.utf8)
      #expect(Self.detector.counts(in: bytes, range: 0..<bytes.count) == Self.plainCounts(text), "\(text)")
    }
  }

  /// Words as the detector reads them, by `Character`: letters and marks (Latin-1 capitals and ASCII in lower
  /// case), up to a space, a punctuation mark or a symbol of the ranges that end words.
  static func plainCounts(_ text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    var word: [UInt8] = []
    func flush() {
      defer { word.removeAll() }
      guard !word.isEmpty else { return }
      for (language, lexicon) in lexicons where lexicon.functionWords.contains(where: { LanguageDetector.folded(Array($0.utf8)) == word }) {
        counts[language, default: 0] += 1
      }
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { word.append(UInt8(value) | 0x20) } else { flush() }
      } else if (0x80...0xBF).contains(value) || (0x2000...0x207F).contains(value) {
        flush()
      } else {
        word += LanguageDetector.folded(Array(String(scalar).utf8))
      }
    }
    flush()
    return counts
  }
}
