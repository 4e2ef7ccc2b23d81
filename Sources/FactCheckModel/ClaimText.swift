/// The bytes a claim's quote, sentence, line excerpt and figure are read from, and the path of the article
/// they come from: what an article's claims share.
///
/// A claim keeps its texts as byte spans into one of these, not as strings of its own: the claims of an
/// article quote overlapping stretches of it (a sentence holds several figures, a line excerpt spans
/// sentences), and a run over an archive keeps every claim until it is reconciled. While an article is
/// read its claims point into the article's own bytes (no copy); ``compact(_:)`` then copies out only the
/// stretches they quote, so that the article's bytes can go. Text is made only when a reporter asks.
package final class ClaimText: Sendable {
  /// UTF-8 bytes; the spans of the claims that share this object point into them.
  package let bytes: [UInt8]
  /// The path of the article the claims come from (their ``Claim/document``), kept once for all of them.
  package let document: String

  /// Shares `bytes` (an array's storage is copied only when written).
  package init(bytes: [UInt8], document: String) {
    self.bytes = bytes
    self.document = document
  }

  /// One claim's texts given as strings (a claim read back from an archive or a stream, or built by hand):
  /// quote, sentence, excerpt and figure one after the other, and their spans.
  static func holding(_ document: String, _ quote: String, _ sentence: String, _ excerpt: String, _ value: String)
    -> (ClaimText, Claim.Spans)
  {
    if quote.isEmpty && sentence.isEmpty && excerpt.isEmpty && value.isEmpty {
      let none = TextSpan(0..<0)
      return (ClaimText(bytes: [], document: document), (none, none, none, none))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(quote.utf8.count + sentence.utf8.count + excerpt.utf8.count + value.utf8.count)
    func append(_ text: String) -> TextSpan {
      let start = bytes.count
      bytes.append(contentsOf: text.utf8)
      return TextSpan(start..<bytes.count)
    }
    let spans = (append(quote), append(sentence), append(excerpt), append(value))
    return (ClaimText(bytes: bytes, document: document), spans)
  }

  /// The text of a span; a character the span cuts in two becomes U+FFFD.
  func string(_ span: TextSpan) -> String { string(of: span.range) }

  /// The text of a byte range of ``bytes``.
  func string(of range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  /// Whether two spans, of this text and of `other`'s, hold the same bytes.
  func hasSameBytes(_ span: TextSpan, as otherSpan: TextSpan, in other: ClaimText) -> Bool {
    if self === other && span == otherSpan { return true }
    guard span.count == otherSpan.count else { return false }
    return bytes[span.range].elementsEqual(other.bytes[otherSpan.range])
  }

  /// Copies out of each article's bytes only the stretches its claims quote, merged where they overlap
  /// or touch, into one buffer per article, and points the claims' spans into it.
  ///
  /// Claims that share a ``ClaimText`` are compacted together; text is unchanged, byte for byte.
  package static func compact(_ claims: inout [Claim]) {
    var start = 0
    while start < claims.count {
      // Claims of one article come together; a run of claims sharing one text is compacted as one.
      let text = claims[start].text
      var end = start + 1
      while end < claims.count && claims[end].text === text { end += 1 }
      compact(&claims, in: start..<end)
      start = end
    }
  }

  private static func compact(_ claims: inout [Claim], in indices: Range<Int>) {
    let text = claims[indices.lowerBound].text
    var spans: [Range<Int>] = []
    spans.reserveCapacity(indices.count * 3)
    for index in indices {
      let (quote, sentence, excerpt, value) = claims[index].spans
      for span in [quote, sentence, excerpt, value] where span.count > 0 { spans.append(span.range) }
    }
    spans.sort { $0.lowerBound < $1.lowerBound }
    // Merged stretches of the old bytes, and where each starts in the new buffer.
    var stretches: [(old: Range<Int>, new: Int)] = []
    var newCount = 0
    for span in spans {
      if let last = stretches.last, span.lowerBound <= last.old.upperBound {
        if span.upperBound > last.old.upperBound {
          newCount += span.upperBound - last.old.upperBound
          stretches[stretches.count - 1].old = last.old.lowerBound..<span.upperBound
        }
      } else {
        stretches.append((span, newCount))
        newCount += span.count
      }
    }
    guard newCount < text.bytes.count else { return }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(newCount)
    for stretch in stretches { bytes.append(contentsOf: text.bytes[stretch.old]) }
    let compacted = ClaimText(bytes: bytes, document: text.document)
    func moved(_ span: TextSpan) -> TextSpan {
      guard span.count > 0 else { return TextSpan(0..<0) }
      // The last stretch starting at or before the span holds it whole.
      let after = stretches.partitionPoint(where: { $0.old.lowerBound > Int(span.start) })
      let stretch = stretches[after - 1]
      let start = Int(span.start) - stretch.old.lowerBound + stretch.new
      return TextSpan(start..<(start + Int(span.count)))
    }
    for index in indices {
      var claim = claims[index]
      let (quote, sentence, excerpt, value) = claim.spans
      claim.setText(compacted, spans: (moved(quote), moved(sentence), moved(excerpt), moved(value)))
      claims[index] = claim
    }
  }
}

/// A byte span of a ``ClaimText``, in 32 bits: a claim's texts come from one article, and an article
/// longer than 4 GiB keeps its claims' texts as copies (see ``Claim``'s initialisers).
struct TextSpan: Hashable, Sendable {
  var start: UInt32
  var count: UInt32

  init(_ range: Range<Int>) {
    start = UInt32(range.lowerBound)
    count = UInt32(range.count)
  }

  var range: Range<Int> { Int(start)..<(Int(start) + Int(count)) }

  /// Whether every offset of `range` fits.
  static func fits(_ range: Range<Int>) -> Bool { range.upperBound <= Int(UInt32.max) }
}
