import FactCheckModel
import FactCheckRules

/// Sentence and segment boundaries of an article, computed from its bytes.
///
/// Sentences scope entity resolution ("the nearest entity before the figure in the same sentence");
/// segments are the units extraction scans: runs of paragraphs of bounded size, so that one 100 MB
/// single-line file is scanned piecewise and a rule's prefilter can skip most of it.
package enum TextStructure {
  /// Sentence byte ranges within `range`.
  ///
  /// A sentence ends at `.`, `!`, `?` or `…` followed by spacing and a capital, digit, quote or dash
  /// (not where `fullStops` says the point abbreviates: "Dr.", « 13. Mai »), and at a line break that
  /// ends a block: before a blank line or a list item, after a line ending in terminal punctuation, or after
  /// a short line (a headline, a caption) — wrapped Markdown prose keeps its sentences whole.
  package static func sentences(in bytes: [UInt8], range: Range<Int>, fullStops: FullStops) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var lineStart = range.lowerBound
    var i = range.lowerBound
    let end = range.upperBound

    func close(at boundary: Int, next: Int) {
      if boundary > start, bytes[start..<boundary].contains(where: { !isSpace($0) }) {
        result.append(start..<boundary)
      }
      start = next
    }

    while i < end {
      let b = bytes[i]
      // Letters, most of any text, and the space end nothing: only line breaks, `.` `!` `?` and the
      // ellipsis (its lead byte 0xE2) do.
      if (b >= 0x40 && b != 0xE2) || b == 0x20 {
        i += 1
        continue
      }
      if b == 0x0A || b == 0x0D {
        let lineEnd = i
        var next = i + 1
        if b == 0x0D && next < end && bytes[next] == 0x0A { next += 1 }
        let lineLength = lineEnd - lineStart
        let lastNonSpace = lastNonSpaceByte(bytes, lineStart..<lineEnd)
        let nextLineBlank = isBlankLine(bytes, from: next, end: end)
        let nextStartsBlock = startsBlock(bytes, from: next, end: end)
        let endsWithTerminal = lastNonSpace.map { isTerminal($0) || $0 == UInt8(ascii: ":") } ?? true
        if nextLineBlank || nextStartsBlock || endsWithTerminal || lineLength < 60 {
          close(at: lineEnd, next: next)
        }
        lineStart = next
        i = next
        continue
      }
      if isTerminal(b) || (b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6) {
        let after = b == 0xE2 ? i + 3 : i + 1
        var j = after
        // Closing quotes and brackets belong to the sentence.
        while j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: ")") || bytes[j] == UInt8(ascii: "'") {
          j += 1
        }
        if j < end, bytes[j] == 0xC2, j + 1 < end, bytes[j + 1] == 0xBB { j += 2 }  // »
        if j < end, isInlineSpace(bytes, j), b != UInt8(ascii: ".") || !fullStops.endsNoSentence(bytes, dotAt: i, lineStart: lineStart) {
          var k = j
          while k < end, let width = inlineSpaceWidth(bytes, k) { k += width }
          if k < end, startsSentence(bytes, k) {
            close(at: j, next: k)
            i = k
            continue
          }
        }
        i = after
        continue
      }
      i += 1
    }
    close(at: end, next: end)
    return result.flatMap { splittingLong($0, in: bytes) }
  }

  /// Longest sentence kept whole, in bytes. Text with no sentence breaks (a single-line dump, prose
  /// without capitals) would otherwise be one sentence of megabytes, and every claim in it would read it
  /// whole: the per-claim work on sentences must stay bounded for a long article to take linear time.
  package static let maxSentenceBytes = 2_048

  /// `range` cut at spaces into pieces of at most ``maxSentenceBytes`` (never inside a UTF-8 sequence).
  private static func splittingLong(_ range: Range<Int>, in bytes: [UInt8]) -> [Range<Int>] {
    guard range.count > maxSentenceBytes else { return [range] }
    var pieces: [Range<Int>] = []
    var start = range.lowerBound
    while range.upperBound - start > maxSentenceBytes {
      let limit = start + maxSentenceBytes
      var cut = limit
      while cut > start + maxSentenceBytes / 2 && !isSpace(bytes[cut - 1]) { cut -= 1 }
      if cut <= start + maxSentenceBytes / 2 {
        cut = limit
        while cut > start + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
      }
      pieces.append(start..<cut)
      start = cut
    }
    pieces.append(start..<range.upperBound)
    return pieces
  }

  /// Segments of at most about `targetSize` bytes, cut at paragraph breaks, else at line breaks, else at
  /// sentence ends, else at a space — never inside a UTF-8 sequence.
  ///
  /// Each segment but the last reaches about `overlap` bytes past its cut (to the next space), so that a
  /// claim across a cut is still read whole by the segment it starts in; the next segment starts at the
  /// cut, and the matches both find are the same and kept once (``OverlapResolver``).
  package static func segments(in bytes: [UInt8], range: Range<Int>, targetSize: Int = 32_768, overlap: Int = 2_048)
    -> [Range<Int>]
  {
    guard range.count > targetSize else { return [range] }
    var result: [Range<Int>] = []
    var start = range.lowerBound
    while range.upperBound - start > targetSize {
      let limit = start + targetSize
      let searchFloor = start + targetSize / 2
      var cut: Int?
      // Paragraph break, then line break, then ". ", then any space.
      for predicate in [isParagraphBreak, isLineBreak, isSentenceEnd, isSpaceAt] {
        var k = limit
        while k > searchFloor {
          if predicate(bytes, k) {
            cut = k
            break
          }
          k -= 1
        }
        if cut != nil { break }
      }
      var boundary = cut ?? limit
      while boundary < range.upperBound && bytes[boundary] & 0xC0 == 0x80 { boundary += 1 }
      result.append(start..<reach(bytes, from: boundary, by: overlap, within: range))
      start = boundary
    }
    if start < range.upperBound { result.append(start..<range.upperBound) }
    return result
  }

  /// The end of a segment cut at `boundary`: `overlap` bytes further, then on to the next space or line
  /// break (at most 256 bytes more), never inside a UTF-8 sequence.
  private static func reach(_ bytes: [UInt8], from boundary: Int, by overlap: Int, within range: Range<Int>) -> Int {
    var end = min(range.upperBound, boundary + overlap)
    let stop = min(range.upperBound, end + 256)
    while end < stop && !isSpace(bytes[end]) { end += 1 }
    while end < range.upperBound && bytes[end] & 0xC0 == 0x80 { end += 1 }
    return end
  }

  // MARK: - Byte classes

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
  private static func isTerminal(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") }

  private static func inlineSpaceWidth(_ bytes: [UInt8], _ i: Int) -> Int? {
    if bytes[i] == 0x20 || bytes[i] == 0x09 { return 1 }
    if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
    if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF || bytes[i + 2] == 0x89 { return 3 }
    return nil
  }

  private static func isInlineSpace(_ bytes: [UInt8], _ i: Int) -> Bool { inlineSpaceWidth(bytes, i) != nil }

  private static func startsSentence(_ bytes: [UInt8], _ i: Int) -> Bool {
    let b = bytes[i]
    if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { return true }
    if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { return true }
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == UInt8(ascii: "*") || b == UInt8(ascii: "-") { return true }
    if b == 0xC3, i + 1 < bytes.count { return bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9E }  // À…Þ
    if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB { return true }  // «
    if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 { return [0x9C, 0x93, 0x94, 0x98].contains(bytes[i + 2]) }  // “ – — ‘
    return false
  }

  private static func lastNonSpaceByte(_ bytes: [UInt8], _ range: Range<Int>) -> UInt8? {
    var k = range.upperBound
    while k > range.lowerBound {
      k -= 1
      if !isSpace(bytes[k]) { return bytes[k] }
    }
    return nil
  }

  private static func isBlankLine(_ bytes: [UInt8], from i: Int, end: Int) -> Bool {
    var k = i
    while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
    return k >= end || bytes[k] == 0x0A || bytes[k] == 0x0D
  }

  private static func startsBlock(_ bytes: [UInt8], from i: Int, end: Int) -> Bool {
    var k = i
    while k < end, bytes[k] == 0x20 { k += 1 }
    guard k < end else { return true }
    let b = bytes[k]
    if b == UInt8(ascii: "#") || b == UInt8(ascii: ">") || b == UInt8(ascii: "|") { return true }
    if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && k + 1 < end && bytes[k + 1] == 0x20 { return true }
    if b == 0xE2, k + 2 < end, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA2 || bytes[k + 2] == 0x93 || bytes[k + 2] == 0x94 { return true }  // • – —
    return false
  }

  private static func isParagraphBreak(_ bytes: [UInt8], _ i: Int) -> Bool {
    i > 0 && bytes[i - 1] == 0x0A && (bytes[i] == 0x0A || bytes[i] == 0x0D)
  }
  private static func isLineBreak(_ bytes: [UInt8], _ i: Int) -> Bool { i > 0 && bytes[i - 1] == 0x0A }
  private static func isSentenceEnd(_ bytes: [UInt8], _ i: Int) -> Bool {
    i > 1 && bytes[i - 1] == 0x20 && isTerminal(bytes[i - 2])
  }
  private static func isSpaceAt(_ bytes: [UInt8], _ i: Int) -> Bool { i > 0 && bytes[i - 1] == 0x20 }
}
