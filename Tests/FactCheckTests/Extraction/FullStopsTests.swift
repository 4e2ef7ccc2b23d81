import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Points that end no sentence, per lexicon: abbreviations and, where ordinals take a point, a day's number
/// before a month. Sentences and the windows rules run in must agree, or a match is cut at « Mio. ».
@Suite struct FullStopsTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let language: String
    let text: String
    let sentences: Int
    var testDescription: String { "\(language): «\(text)»" }
  }

  static let rows: [Row] = [
    Row(language: "de", text: "Ostra meldet 120 Mio. Euro Gewinn. Der Umsatz stieg.", sentences: 2),
    Row(language: "de", text: "Am 13. Mai 2025 stellte Ostra die Zahlen vor. Sie waren gut.", sentences: 2),
    Row(language: "de", text: "Die Zahl stieg auf 12. Danach fiel sie.", sentences: 2),
    Row(language: "de", text: "Am 3. Okt. 2024 meldete Ostra neue Zahlen. Sie waren gut.", sentences: 2),
    Row(language: "de", text: "Am 13.\u{00A0}Mai 2025 stellte Ostra die Zahlen vor. Sie waren gut.", sentences: 2),
    Row(language: "de", text: "Das Werk hat ca. 300 Mitarbeiter. Es liegt im Norden.", sentences: 2),
    Row(language: "en", text: "Mr. Smith spoke. Then he left.", sentences: 2),
    // English writes no ordinal point: "13. May" ends a sentence there.
    Row(language: "en", text: "The total was 13. May came later.", sentences: 2),
    Row(language: "fr", text: "M. Dupont a parlé. Puis il est parti.", sentences: 2),
  ]

  @Test(arguments: rows)
  func sentencesEndOnlyWhereThePointEndsOne(_ row: Row) throws {
    let lexicon = try #require(Fixtures.bundledRules.library.lexicons[row.language])
    let bytes = Array(row.text.utf8)
    #expect(TextStructure.sentences(in: bytes, range: 0..<bytes.count, fullStops: FullStops(lexicon: lexicon)).count == row.sentences)
  }

  /// A window around a hit before « Mio. » runs to the sentence's real end, in text folded to lower case.
  @Test func windowsRunPastAnAbbreviationInFoldedText() throws {
    let lexicon = try #require(Fixtures.bundledRules.library.lexicons["de"])
    let text = "nettogewinn von 120 mio. euro. der umsatz stieg."
    let bytes = Array(text.utf8)
    let windows = bytes.withUnsafeBufferPointer {
      ScanWindows.windows(around: [0], in: $0, segment: 0..<bytes.count, fullStops: FullStops(lexicon: lexicon))
    }
    #expect(windows == [0..<30])
    let plain = bytes.withUnsafeBufferPointer { ScanWindows.windows(around: [0], in: $0, segment: 0..<bytes.count) }
    #expect(plain == [0..<24])
  }
}
