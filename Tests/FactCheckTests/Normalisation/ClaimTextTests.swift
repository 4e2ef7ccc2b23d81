import Testing

@testable import FactCheckModel

/// Claims keep their quote, sentence, line excerpt and figure as byte spans of their article (issue 15):
/// compacting an article's claims keeps every text byte for byte, and a claim is equal to one holding the
/// same texts as strings, whatever holds its bytes.
@Suite struct ClaimTextTests {
  /// A claim of `article` quoting `quote`, `sentence` and `excerpt` (byte ranges), its figure at `value`.
  static func claim(_ article: Article, quote: Range<Int>, sentence: Range<Int>, excerpt: Range<Int>, value: Range<Int>) -> Claim {
    Claim(document: article.path, location: article.location(of: value.lowerBound), valueRange: value, matchRange: quote,
          rule: "r", entity: "Nordhavn", entitySource: .named, attribute: "employees", value: 1,
          interval: ValueInterval(1, 1), unit: nil, hedge: .exact, period: .year(2024), modality: .actual, language: "en",
          text: article.claimText, quote: quote, sentence: sentence, lineExcerpt: excerpt, lineExcerptColumn: 3)
  }

  /// The same claim with its texts as strings of its own.
  static func holdingStrings(_ claim: Claim) -> Claim {
    Claim(document: claim.document, location: claim.location, valueRange: claim.valueRange, matchRange: claim.matchRange,
          rule: claim.rule, entity: claim.entity, entitySource: claim.entitySource, attribute: claim.attribute, value: claim.value,
          valueText: claim.valueText, interval: claim.interval, unit: claim.unit, hedge: claim.hedge, period: claim.period,
          modality: claim.modality, language: claim.language, quote: claim.quote, sentence: claim.sentence, scope: claim.scope,
          notes: claim.notes, lineExcerpt: claim.lineExcerpt, lineExcerptColumn: claim.lineExcerptColumn)
  }

  /// A range of `count` bytes at a character boundary of `bytes`, as the builder's ranges are.
  static func range(in bytes: [UInt8], using generator: inout SeededGenerator) -> Range<Int> {
    func boundary(_ offset: Int) -> Int {
      var offset = min(offset, bytes.count)
      while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      return offset
    }
    let start = boundary(Int.random(in: 0...bytes.count, using: &generator))
    let end = boundary(start + Int.random(in: 0...120, using: &generator))
    return start..<end
  }

  @Test func compactingKeepsEveryTextAndOnlyWhatIsQuoted() {
    let words = ["Nordhavn", "employs", "3 500", "people", "in", "2024.", "Its", "staff", "fell", "to", "3 100", "\n", "\n\n",
                 "effectifs", "réduits", "de", "22 %", "—", "€", "日本", "\u{A0}"]
    var generator = SeededGenerator(seed: 15)
    for round in 0..<300 {
      let text = (0..<Int.random(in: 1...400, using: &generator)).map { _ in words.randomElement(using: &generator)! }
        .joined(separator: " ")
      let article = Article(path: "a\(round).md", text: text, language: "en")
      let quoted = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
        (0..<4).map { _ in Self.range(in: article.bytes, using: &generator) }
      }
      var claims = quoted.map { Self.claim(article, quote: $0[0], sentence: $0[1], excerpt: $0[2], value: $0[3]) }
      let before = claims.map(Self.holdingStrings)
      ClaimText.compact(&claims)
      #expect(claims == before, "round \(round)")
      #expect(claims.map(\.quote) == before.map(\.quote) && claims.map(\.sentence) == before.map(\.sentence))
      #expect(claims.map(\.lineExcerpt) == before.map(\.lineExcerpt) && claims.map(\.valueText) == before.map(\.valueText))
      // One buffer for the article's claims, holding exactly the bytes they quote (the union of their ranges),
      // unless that is the whole article, whose bytes they then keep sharing.
      let union = Set(quoted.joined().flatMap { $0 }).count
      #expect(claims.allSatisfy { $0.text === claims[0].text })
      if union < article.bytes.count {
        #expect(claims[0].text.bytes.count == union, "round \(round)")
      } else {
        #expect(claims[0].text === article.claimText, "round \(round)")
      }
    }
  }

  @Test func aClaimEqualsTheSameClaimHoldingStrings() {
    let article = Article(path: "a.md", text: "Nordhavn employs 3 500 people.\nIts staff fell to 3 100 in 2024.", language: "en")
    let claim = Self.claim(article, quote: 0..<30, sentence: 0..<30, excerpt: 0..<30, value: 17..<22)
    let copy = Self.holdingStrings(claim)
    #expect(claim == copy)
    #expect(claim.hashValue == copy.hashValue)
    #expect(claim.valueText == "3 500" && claim.quote == "Nordhavn employs 3 500 people.")
    var other = copy
    other.sentence = "Nordhavn employs 3 500 staff."
    #expect(other != claim)
    #expect(other.quote == claim.quote && other.lineExcerpt == claim.lineExcerpt && other.valueText == claim.valueText)
    #expect(!other.hasSameSentence(as: claim) && copy.hasSameSentence(as: claim))
  }

  @Test func locationIsTheDocumentsAndCarriesLineAndColumn() {
    let article = Article(path: "dir/a.md", text: "One.\nNordhavn employs 3 500 people.", language: "en")
    var claim = Self.claim(article, quote: 5..<35, sentence: 5..<35, excerpt: 5..<35, value: 22..<27)
    #expect(claim.location == SourceLocation(path: "dir/a.md", line: 2, column: 18))
    claim.location = SourceLocation(path: "b.md", line: 7, column: 2)
    #expect(claim.document == "b.md" && claim.location.line == 7 && claim.location.column == 2)
  }

  /// The trimmed range is the range of what `String.trimmingWhitespace()` keeps (ASCII spacing and other
  /// Unicode whitespace at either end, a no-break space among them).
  @Test(arguments: ["  Nordhavn  ", "\u{A0}Nordhavn\u{A0}", " \u{A0} a \u{2009}", "\u{A0}", "", "   ", "x", "é\u{A0}",
                    "\u{3000}日本\u{3000}", "\t\n3 500\r\n", "\u{A0}\u{A0}b"])
  func trimsLikeTrimmingWhitespace(text: String) {
    let article = Article(path: "a.md", text: text, language: "en")
    let range = article.trimmedRange(of: 0..<article.bytes.count)
    #expect(article.text(of: range) == text.trimmingWhitespace())
  }

  /// The article's path is kept once, with the texts its claims share: a claim's document reads it, and
  /// setting a claim's document or location changes that claim alone, its texts kept.
  @Test func theDocumentIsSharedAndSetPerClaim() {
    let article = Article(path: "dir/a.md", text: "Nordhavn employs 3 500 people.", language: "en")
    var claims = [Self.claim(article, quote: 0..<30, sentence: 0..<30, excerpt: 0..<30, value: 17..<22),
                  Self.claim(article, quote: 9..<30, sentence: 0..<30, excerpt: 0..<30, value: 17..<22)]
    #expect(claims.allSatisfy { $0.document == "dir/a.md" && $0.text === article.claimText })
    let before = claims[0]
    claims[0].document = "other.md"
    #expect(claims[0].document == "other.md" && claims[0].location.path == "other.md" && claims[1].document == "dir/a.md")
    #expect(claims[0].quote == before.quote && claims[0].valueText == "3 500" && claims[0] != before)
    claims[0].location = SourceLocation(path: "dir/a.md", line: before.location.line, column: before.location.column)
    #expect(claims[0] == before && claims[0].hashValue == before.hashValue)
    // A claim given an article's text under another path keeps the path it was given.
    let moved = Claim(document: "b.md", location: before.location, valueRange: 17..<22, matchRange: 0..<30, rule: "r",
                      entity: "Nordhavn", entitySource: .named, attribute: "employees", value: 1, interval: ValueInterval(1, 1),
                      unit: nil, hedge: .exact, period: .year(2024), modality: .actual, language: "en", text: article.claimText,
                      quote: 0..<30, sentence: 0..<30, lineExcerpt: 0..<30, lineExcerptColumn: 3)
    #expect(moved.document == "b.md" && moved.quote == before.quote && article.claimText.document == "dir/a.md")
  }

  /// A run keeps every claim until it reconciles: the claim's layout is part of the memory budget.
  @Test func aClaimStaysSmall() {
    #expect(MemoryLayout<Claim>.stride <= 152)
  }

  /// The fields a claim keeps shared (rule, attribute, unit, language), boxed (scope, notes, a range past 4 GiB)
  /// or in 32 bits (the ranges) read back as they were set, and a claim equals one that was built with them.
  @Test(arguments: [
    (0..<5, 0..<30),
    (4_294_967_290..<4_294_967_295, 4_294_967_200..<4_294_967_295),
    (4_294_967_290..<4_294_967_296, 0..<30),
    (5_000_000_000..<5_000_000_005, 4_999_999_990..<5_000_000_010),
  ])
  func everyFieldReadsBackAsSet(value: Range<Int>, match: Range<Int>) {
    let article = Article(path: "a.md", text: "Nordhavn employs 3 500 people.", language: "en")
    var claim = Self.claim(article, quote: 0..<30, sentence: 0..<30, excerpt: 0..<30, value: 17..<22)
    let untouched = claim
    claim.valueRange = value
    claim.matchRange = match
    #expect(claim.valueRange == value && claim.matchRange == match)
    claim.scope = "customer service"
    claim.notes = ["ambiguous separator"]
    claim.rule = "en.other"
    claim.unit = "EUR"
    #expect(claim.valueRange == value && claim.matchRange == match && claim.scope == "customer service")
    #expect(claim.notes == ["ambiguous separator"] && claim.rule == "en.other" && claim.unit == "EUR")
    #expect(claim.attribute == "employees" && claim.language == "en" && claim.valueText == "3 500")
    #expect(claim != untouched)
    let rebuilt = Claim(document: claim.document, location: claim.location, valueRange: value, matchRange: match, rule: "en.other",
                        entity: claim.entity, entitySource: claim.entitySource, attribute: "employees", value: claim.value,
                        valueText: claim.valueText, interval: claim.interval, unit: "EUR", hedge: claim.hedge, period: claim.period,
                        modality: claim.modality, language: "en", quote: claim.quote, sentence: claim.sentence,
                        scope: "customer service", notes: ["ambiguous separator"], lineExcerpt: claim.lineExcerpt, lineExcerptColumn: 3)
    #expect(rebuilt == claim && rebuilt.hashValue == claim.hashValue)
    // Back to the first values: equal to the claim before any change.
    claim.valueRange = 17..<22
    claim.matchRange = 0..<30
    claim.scope = nil
    claim.notes = []
    claim.rule = "r"
    claim.unit = nil
    #expect(claim == untouched && claim.hashValue == untouched.hashValue)
  }
}
