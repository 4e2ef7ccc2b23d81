import Testing

@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckRules
@testable import PatternMatching

/// ``ProperNameReader`` finds the names its PCRE2 pattern finds, in our sentences and in whole articles.
@Suite struct ProperNameReaderTests {
  /// Names in sentences of our own, with function words of our own.
  static let rows: [(text: String, names: [String])] = [
    ("Vexlo hired 300 people.", ["Vexlo"]),
    ("The board of Nordhavn Bank met in Oslo.", ["Nordhavn Bank", "Oslo"]),
    // A function word neither opens a name nor continues one.
    ("Then Ostra And Corvane agreed.", ["Ostra", "Corvane"]),
    // Up to four words, joined by one space or a no-break space.
    ("Alpha Beta Gamma Delta Epsilon left.", ["Alpha Beta Gamma Delta", "Epsilon"]),
    ("Sparvik\u{A0}Group  Holdings", ["Sparvik\u{A0}Group", "Holdings"]),
    // Letters, digits, ampersands and hyphens inside a word; an apostrophe before a capital.
    ("AT&T and Rolls-Royce and N26 and O'Brien and Corvane's staff", ["AT&T", "Rolls-Royce", "N26", "O'Brien", "Corvane"]),
    ("D\u{2019}Artagnan", ["D\u{2019}Artagnan"]),
    // Capitals beyond ASCII open a name; a lower-case accented letter does not, nor a capital inside a word.
    ("État et Évry, mais pas été ni iPhone", ["État", "Évry"]),
    ("Ärger über Ölpreise", ["Ärger", "Ölpreise"]),
    ("Ωmega and Łódź", ["Ωmega", "Łódź"]),
    // A function word only counts as a whole word: "Thereby" is no "There".
    ("Thereby Vexlo", ["Thereby Vexlo"]),
    ("x-Ray 3M", ["Ray"]),
    // Any letter or number continues a word (a title-case ǅ, a Roman numeral, a superscript), but only an
    // upper-case letter opens one.
    ("Louis\u{216B} and Ba\u{1C5}o and Vexlo\u{B2} but \u{1C5}abc", ["Louis\u{216B}", "Ba\u{1C5}o", "Vexlo\u{B2}"]),
  ]

  static let functionWords = ["The", "Then", "And", "There", "Et"]

  @Test(arguments: rows)
  func readsTheNamesThePatternMatches(row: (text: String, names: [String])) throws {
    let reader = ProperNameReader(functionWords: Self.functionWords)
    let bytes = Array(row.text.utf8)
    var found: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { buffer in
      reader.forEachName(in: buffer, range: 0..<buffer.count) { found.append($0); return true }
    }
    #expect(found.map { String(decoding: bytes[$0], as: UTF8.self) } == row.names)
    #expect(found == (try Self.patternRanges(in: bytes, range: 0..<bytes.count, functionWords: Self.functionWords)))
  }

  /// The names ``ProperNameReader/pattern(functionWords:)`` finds in `range` of `bytes`, scanned by PCRE2.
  static func patternRanges(in bytes: [UInt8], range: Range<Int>, functionWords: [String]) throws -> [Range<Int>] {
    let pattern = try CompiledPattern(ProperNameReader.pattern(functionWords: functionWords))
    var ranges: [Range<Int>] = []
    try Matcher().forEachMatch(of: pattern, in: UTF8Subject(String(decoding: bytes, as: UTF8.self)), range: range) { match in
      ranges.append(match.range)
      return true
    }
    return ranges
  }

  /// A function word with an apostrophe or a space is matched as the pattern matches it.
  @Test func functionWordsWithApostrophesAndSpaces() throws {
    // "Par  Ici" is written with two spaces: it asks for two spacing characters, whatever their kind.
    let words = ["Aujourd'hui", "En Fait", "Par  Ici", "Ce\u{A0}Jour"]
    let reader = ProperNameReader(functionWords: words)
    for text in ["Aujourd\u{2019}hui Vexlo", "Aujourd'huiX Vexlo", "En  Fait Ostra", "En Faits Ostra", "Vexlo Aujourd'hui",
                 "Par  Ici Ostra", "Par Ici Ostra", "Par \u{A0}\tIci Ostra", "Ce \u{A0}Jour Vexlo", "Ce Jour Vexlo"] {
      let bytes = Array(text.utf8)
      var found: [Range<Int>] = []
      bytes.withUnsafeBufferPointer { buffer in
        reader.forEachName(in: buffer, range: 0..<buffer.count) { found.append($0); return true }
      }
      #expect(found == (try Self.patternRanges(in: bytes, range: 0..<bytes.count, functionWords: words)), "\(text)")
    }
  }

  /// The first name of a range.
  @Test func firstNameOfARange() {
    let bytes = Array("the Ostra plant near Vexlo".utf8)
    let reader = ProperNameReader(functionWords: ["The"])
    bytes.withUnsafeBufferPointer { buffer in
      #expect(reader.firstName(in: buffer, range: 0..<buffer.count) == 4..<9)
      #expect(reader.firstName(in: buffer, range: 5..<buffer.count) == 21..<26)
      #expect(reader.firstName(in: buffer, range: 0..<3) == nil)
    }
  }

  /// A name is read only as far as the range goes, and a letter before the range still stops one.
  @Test func readsWithinTheRangeAndLooksBehindIt() throws {
    let bytes = Array("OstraVexlo Corvane Bank".utf8)
    let reader = ProperNameReader(functionWords: [])
    for range in [5..<23, 11..<15, 0..<8, 10..<23] {
      var found: [Range<Int>] = []
      bytes.withUnsafeBufferPointer { buffer in
        reader.forEachName(in: buffer, range: range) { found.append($0); return true }
      }
      #expect(found == (try Self.patternRanges(in: bytes, range: range, functionWords: [])), "\(range)")
    }
  }

  /// On every article of our corpora (and the real-world ones when present), with the bundled lexicons'
  /// function words, the reader and the pattern find the same names at the same places.
  @Test func findsWhatThePatternFindsInWholeArticles() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    var names = 0
    for article in articles {
      let lexicon = try #require(Fixtures.bundledRules.library.lexicons[article.language])
      let words = Array(lexicon.functionWords)
      let reader = ProperNameReader(functionWords: words)
      let bytes = article.subject.bytes
      var found: [Range<Int>] = []
      bytes.withUnsafeBufferPointer { buffer in
        reader.forEachName(in: buffer, range: article.bodyRange) { found.append($0); return true }
      }
      #expect(found == (try Self.patternRanges(in: bytes, range: article.bodyRange, functionWords: words)), "\(article.path)")
      names += found.count
    }
    #expect(names >= 1_000)
  }
}
