import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Very long articles: a 100 MB single line finishes in bounded time with its claims at their exact
/// columns, extraction scans it in bounded segments, and a claim across a segment cut is still read.
@Suite(.serialized) struct RobustnessHugeArticleTests {
  /// Size of the generated single-line article, in MiB (`FACTCHECK_HUGE_MB` overrides the 100 of the issue).
  static let megabytes = Int(ProcessInfo.processInfo.environment["FACTCHECK_HUGE_MB"] ?? "") ?? 100

  /// English filler prose without digits or capitals (so no rule fires), with two-byte letters for the
  /// columns. No capital after its full stops: the whole line is one "sentence" as far as punctuation goes.
  static let filler = Array("the café was closed and the day went by without a figure or a name in it. ".utf8)

  /// A single line of `size` bytes with `claims` placed at about the given fractions of it; returns the
  /// bytes and, for each claim, the byte offset of its figure.
  static func singleLine(size: Int, claims: [(fraction: Double, text: String, figure: String)]) -> ([UInt8], [Int]) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size + 200)
    var offsets: [Int] = []
    var pending = claims.sorted { $0.fraction < $1.fraction }[...]
    while bytes.count < size || !pending.isEmpty {
      if let next = pending.first, Double(bytes.count) >= next.fraction * Double(size) {
        let start = bytes.count
        bytes += Array(next.text.utf8) + [0x20]
        let figure = next.text.utf8.firstRange(of: next.figure.utf8)!
        offsets.append(start + next.text.utf8.distance(from: next.text.utf8.startIndex, to: figure.lowerBound))
        pending = pending.dropFirst()
        continue
      }
      bytes += filler
    }
    return (bytes, offsets)
  }

  /// 1-based column of byte `offset` on a single line, counted independently of ``LineIndex``.
  static func column(of offset: Int, in bytes: [UInt8]) -> Int {
    var scalars = 0
    for byte in bytes[..<offset] where byte & 0xC0 != 0x80 { scalars += 1 }
    return scalars + 1
  }

  @Test func hundredMegabyteSingleLineGivesItsClaimsInBoundedTime() throws {
    let size = Self.megabytes << 20
    let claims = [
      (0.0, "Acme employs 1,200 people.", "1,200"), (0.5, "Beta has 400 employees.", "400"),
      (1.0, "Gamma employs 3,000 people.", "3,000"),
    ]
    let (bytes, offsets) = Self.singleLine(size: size, claims: claims)
    #expect(!bytes.contains(0x0A) && !bytes.contains(0x0D))
    let expected = zip(offsets, [1200.0, 400, 3000]).map { ClaimPosition(1, Self.column(of: $0, in: bytes), $1) }

    try Robustness.withScratchDirectory { root in
      let path = root + "/huge.md"
      try Robustness.write(bytes, to: path)
      let (result, seconds) = Robustness.timed { Fixtures.checker().check(paths: [path]) }
      // Debug build: about a minute of CPU; the bound leaves room for a loaded two-core machine.
      #expect(seconds < 600, "\(Self.megabytes) MB took \(seconds) s")
      let document = try #require(Robustness.document(path, in: result))
      #expect(document.status == .checked)
      #expect(Robustness.claimPositions(path, in: result) == expected)
      #expect(result.diagnostics.filter { $0.category == .matching }.isEmpty)
    }

    // Extraction scanned it in bounded segments that cover the text, overlap a little, and never start
    // or end inside a UTF-8 sequence.
    let segments = TextStructure.segments(in: bytes, range: 0..<bytes.count)
    #expect(segments.first?.lowerBound == 0)
    #expect(segments.last?.upperBound == bytes.count)
    #expect(segments.count >= bytes.count / 32_768 && segments.count <= 2 * bytes.count / 32_768 + 1)
    for (previous, next) in zip(segments, segments.dropFirst()) {
      #expect(next.lowerBound > previous.lowerBound && next.lowerBound <= previous.upperBound)
    }
    for segment in segments {
      #expect(segment.count <= 32_768 + 2_048 + 256 + 4)
      #expect(bytes[segment.lowerBound] & 0xC0 != 0x80)
      #expect(segment.upperBound == bytes.count || bytes[segment.upperBound] & 0xC0 != 0x80)
    }
  }

  @Test func claimAcrossASegmentCutIsReadWhole() throws {
    // No paragraph, line or sentence break: the cut falls at a space, here inside the claim.
    let word = Array("lorem ipsum ".utf8)
    var bytes: [UInt8] = []
    while bytes.count < 32_768 - 14 { bytes += word }
    let claimStart = bytes.count
    bytes += Array("Acme employs 1,200 people ".utf8)
    while bytes.count < 70_000 { bytes += word }
    let segments = TextStructure.segments(in: bytes, range: 0..<bytes.count, overlap: 0)
    let cut = segments[1].lowerBound
    #expect(cut > claimStart && cut < claimStart + 25, "the test needs the cut inside the claim")

    let article = Article(path: "cut.md", text: String(decoding: bytes, as: UTF8.self), language: "en")
    let claims = Extractor(rules: Fixtures.bundledRules).extract(article).claims
    #expect(claims.map(\.value) == [1200])
    #expect(claims.first?.location.column == Self.column(of: claimStart + 13, in: bytes))
  }

  @Test func thousandsOfClaimsOnOneLongLineTakeLinearTime() throws {
    // 2 000 claims on one 4 MB line without sentence breaks: each claim used to cost a walk from the
    // start of the line (its column) and a read of its whole "sentence" (the line).
    var text = ""
    var expected: [ClaimPosition] = []
    var column = 1
    let letters = Array("bcdfghjklmnpqrstvwxz")
    for index in 0..<2_000 {
      let name = "Zo" + String(letters[index % 20]) + String(letters[(index / 20) % 20]) + String(letters[index / 400])
      let sentence = "\(name) employs \(100 + index) people. "
      expected.append(ClaimPosition(1, column + name.count + 9, Double(100 + index)))
      let pad = String(repeating: "et le café fermé sans chiffre ", count: 66)
      text += sentence + pad
      column += sentence.unicodeScalars.count + pad.unicodeScalars.count
    }
    let article = Article(path: "long-line.md", text: text, language: "en")
    let (claims, seconds) = Robustness.timed { Extractor(rules: Fixtures.bundledRules).extract(article).claims }
    #expect(seconds < 120)
    #expect(claims.map { ClaimPosition($0.location.line, $0.location.column, $0.value) } == expected)
  }

  @Test func thousandsOfNamedParagraphsTakeLinearTime() throws {
    // 3 000 paragraphs, each naming its own bank twice ("Zobcd Bank", then "Zobcd") and a revenue figure
    // whose year is the one the first paragraph names: resolving a short name used to filter every long
    // name of the article, and the year to rescan the article from its start, per claim.
    let letters = Array("bcdfghjklmnpqrstvwxz")
    var text = "In 2023, the banks of the region had a hard year.\n\n"
    var expected: [String] = []
    for index in 0..<3_000 {
      let name = "Zo" + String(letters[index % 20]) + String(letters[(index / 20) % 20]) + String(letters[index / 400])
      text += "\(name) Bank reported revenue of $\(index + 10) million. \(name) cut \(index + 5) jobs.\n\n"
      expected += ["\(name) Bank revenue \(index + 10) 2023", "\(name) Bank layoffs \(index + 5) unspecified"]
    }
    let article = Article(path: "many-paragraphs.md", text: text, language: "en", published: Day(year: 2024, month: 3, day: 1))
    let (claims, seconds) = Robustness.timed { Extractor(rules: Fixtures.bundledRules).extract(article).claims }
    #expect(seconds < 120)
    let seen = claims.map { claim in
      let value = claim.attribute == "revenue" ? claim.value / 1_000_000 : claim.value
      return "\(claim.entity ?? "-") \(claim.attribute) \(NumberFormatting.plain(value).replacingOccurrences(of: " ", with: "")) \(claim.period)"
    }
    #expect(seen == expected)
  }
}
