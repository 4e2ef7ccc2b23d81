import Testing

@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckRules

/// The sentence bounds rules' windows are cut at (``ScanWindows/Bounds``) are found by stopping only at
/// `.` `!` `?` and line feeds. They must be the ones a look at every byte finds (``reference``: where a
/// space or a line break follows the end of a sentence or a blank line, and where such an end is), on every
/// article of our corpora and on random text dense in the bytes that matter, segments cut anywhere.
@Suite struct SentenceBoundsTests {
  /// The bounds by the definition, one byte at a time: a start after a space or line break that follows
  /// `!`, `?`, a full stop that ends a sentence, or (for a line feed) another line break; an end at a blank
  /// line, or after `.` `!` `?` followed by spacing or the segment's end.
  static func reference(_ bytes: [UInt8], segment: Range<Int>, fullStops: FullStops) -> (starts: [Int], ends: [[Int]]) {
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
    func pointEnds(_ i: Int) -> Bool {
      bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?")
        || (bytes[i] == UInt8(ascii: ".") && !fullStops.endsNoSentence(bytes, dotAt: i, lineStart: segment.lowerBound, folded: true))
    }
    var starts: [Int] = []
    var ends: [[Int]] = []
    for i in segment {
      let b = bytes[i]
      if isSpace(b), i >= 1,
        (b == 0x0A && (bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D)) || pointEnds(i - 1)
      {
        starts.append(i + 1)
      }
      if b == 0x0A && i + 1 < segment.upperBound && (bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D) {
        ends.append([i, i])
      } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"),
        i + 1 >= segment.upperBound || isSpace(bytes[i + 1]), pointEnds(i)
      {
        ends.append([i, i + 1])
      }
    }
    return (starts, ends)
  }

  static func bounds(_ bytes: [UInt8], segment: Range<Int>, fullStops: FullStops) -> (starts: [Int], ends: [[Int]]) {
    let found = bytes.withUnsafeBufferPointer { ScanWindows.Bounds(in: $0, segment: segment, fullStops: fullStops) }
    return (found.starts, found.ends.map { [$0.seenAt, $0.end] })
  }

  @Test func wholeArticlesOfEveryCorpus() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    var ends = 0
    for article in articles {
      let lexicon = try #require(Fixtures.bundledRules.library.lexicons[article.language])
      let fullStops = FullStops(lexicon: lexicon)
      let folded = CaseFolding.fold(article.subject.bytes)
      for segment in [article.bodyRange, 0..<folded.count] {
        let found = Self.bounds(folded, segment: segment, fullStops: fullStops)
        let expected = Self.reference(folded, segment: segment, fullStops: fullStops)
        #expect(found.starts == expected.starts, "\(article.path)")
        #expect(found.ends == expected.ends, "\(article.path)")
        ends += found.ends.count
      }
    }
    #expect(ends >= 1_000)
  }

  /// Random text of the bytes that end, start or abbreviate (points after initials, « mio. », blank lines
  /// written with carriage returns), segments starting and ending anywhere, right after a point included.
  @Test func randomTextAndSegments() {
    let fullStops = FullStops(abbreviations: ["Mio", "Dr"], ordinalMonths: ["mai"])
    let pieces: [[UInt8]] = ["a", "mio", "dr", "13", "mai", " ", "  ", ".", "!", "?", "\n", "\r", "\t", "é", ","].map { Array($0.utf8) }
    var generator = SeededGenerator(seed: 15)
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
      let lower = Int.random(in: 0...bytes.count, using: &generator)
      let upper = Int.random(in: lower...bytes.count, using: &generator)
      let found = Self.bounds(bytes, segment: lower..<upper, fullStops: fullStops)
      let expected = Self.reference(bytes, segment: lower..<upper, fullStops: fullStops)
      #expect(found.starts == expected.starts, "\(String(decoding: bytes, as: UTF8.self).debugDescription) \(lower)..<\(upper)")
      #expect(found.ends == expected.ends, "\(String(decoding: bytes, as: UTF8.self).debugDescription) \(lower)..<\(upper)")
    }
  }
}
