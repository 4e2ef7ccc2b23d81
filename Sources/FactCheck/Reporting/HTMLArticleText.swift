/// An article's text as HTML, every claim's figure wrapped in its ``HTMLClaimMark`` and everything else
/// escaped.
///
/// Claims locate their figures by UTF-8 byte range (``Claim/valueRange``), so the text is cut as bytes.
/// Figures whose ranges overlap (two rules reading the same number) share one highlight, since HTML
/// elements cannot cross; each claim still gets its own anchor inside it. Ranges that do not fall on a
/// character boundary, or lie past the end of the text (a text that changed since), are widened or clipped
/// rather than trusted.
struct HTMLArticleText {
  var text: String
  var marks: [HTMLClaimMark]

  var html: String {
    let bytes = Array(text.utf8)
    let sorted = marks.sorted { ($0.claim.valueRange.lowerBound, $0.index) < ($1.claim.valueRange.lowerBound, $1.index) }
    var out = ""
    var cursor = 0
    var next = 0
    while next < sorted.count {
      let first = sorted[next]
      var start = clamp(first.claim.valueRange.lowerBound, bytes)
      var end = clamp(first.claim.valueRange.upperBound, bytes)
      var others: [HTMLClaimMark] = []
      next += 1
      while next < sorted.count, clamp(sorted[next].claim.valueRange.lowerBound, bytes) < end {
        end = max(end, clamp(sorted[next].claim.valueRange.upperBound, bytes))
        others.append(sorted[next])
        next += 1
      }
      start = max(cursor, start)
      while start > cursor && isContinuation(start, bytes) { start -= 1 }
      end = max(start, end)
      while end < bytes.count && isContinuation(end, bytes) { end += 1 }
      out += escaped(bytes[cursor..<start])
      out += first.open(sharingWith: others) + escaped(bytes[start..<end]) + first.close(sharingWith: others)
      cursor = end
    }
    out += escaped(bytes[cursor..<bytes.count])
    return out
  }

  private func clamp(_ offset: Int, _ bytes: [UInt8]) -> Int { min(max(0, offset), bytes.count) }

  private func isContinuation(_ offset: Int, _ bytes: [UInt8]) -> Bool {
    offset < bytes.count && bytes[offset] & 0xC0 == 0x80
  }

  private func escaped(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self).htmlEscaped }
}
