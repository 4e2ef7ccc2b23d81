import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// An article's body as HTML: the Markdown a newsroom writes rendered (headings, paragraphs, lists, quotes,
/// tables, emphasis, inline code), every claim's figure wrapped in its ``HTMLClaimMark``, and everything
/// else escaped.
///
/// The front matter is left out (the report shows it as the article's header): rendering starts at
/// `bodyStart`, or at the first claim when one lies before it. Claims locate their figures by UTF-8 byte
/// range (``Claim/valueRange``), so the text is cut as bytes. Figures whose ranges overlap (two rules
/// reading the same number) share one highlight, since HTML elements cannot cross; each claim still gets
/// its own anchor inside it. Ranges that do not fall on a character boundary, or lie past the end of the
/// text (a text that changed since), are widened or clipped rather than trusted.
///
/// Markdown never hides a figure and never breaks the page: a heading, list or quote marker that a
/// highlight would cross is shown as text, and an emphasis whose delimiters would cut a highlight in two
/// is left as written. Comments (`<!-- factcheck-ignore … -->`, `[//]: # (…)`) are shown, muted, since
/// they decide what the report leaves out.
package struct HTMLArticleText {
  package var text: String
  package var marks: [HTMLClaimMark]
  /// Byte offset of the body: the end of the front matter.
  package var bodyStart: Int = 0

  /// One highlighted stretch: a claim's figure, with the claims whose figures overlap it.
  package struct Highlight {
    package var range: Range<Int>
    package var first: HTMLClaimMark
    package var others: [HTMLClaimMark]
  }

  package var html: String {
    let bytes = Array(text.utf8)
    let highlights = highlights(bytes)
    let start = min(min(max(0, bodyStart), bytes.count), highlights.first?.range.lowerBound ?? bytes.count)
    let renderer = Renderer(bytes: bytes, highlights: highlights)
    return renderer.blocks(from: start)
  }

  /// The highlights in text order, none overlapping another, each on character boundaries.
  package func highlights(_ bytes: [UInt8]) -> [Highlight] {
    func clamp(_ offset: Int) -> Int { min(max(0, offset), bytes.count) }
    func isContinuation(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] & 0xC0 == 0x80 }
    let sorted = marks.sorted { ($0.claim.valueRange.lowerBound, $0.index) < ($1.claim.valueRange.lowerBound, $1.index) }
    var result: [Highlight] = []
    var cursor = 0
    var next = 0
    while next < sorted.count {
      let first = sorted[next]
      var start = clamp(first.claim.valueRange.lowerBound)
      var end = clamp(first.claim.valueRange.upperBound)
      var others: [HTMLClaimMark] = []
      next += 1
      while next < sorted.count, clamp(sorted[next].claim.valueRange.lowerBound) < end {
        end = max(end, clamp(sorted[next].claim.valueRange.upperBound))
        others.append(sorted[next])
        next += 1
      }
      start = max(cursor, start)
      while start > cursor && isContinuation(start) { start -= 1 }
      end = max(start, end)
      while end < bytes.count && isContinuation(end) { end += 1 }
      result.append(Highlight(range: start..<end, first: first, others: others))
      cursor = end
    }
    return result
  }
}

// MARK: - Rendering

extension HTMLArticleText {
  /// The kinds of Markdown line the report renders.
  fileprivate enum LineKind: Equatable {
    case blank
    case heading(level: Int, content: Int)
    case listItem(ordered: Bool, content: Int)
    case quote(content: Int)
    case tableRow
    case rule
    case comment
    case paragraph
  }

  fileprivate struct Line {
    /// The line without its line break.
    var range: Range<Int>
    var kind: LineKind
  }

  fileprivate struct Renderer {
    let bytes: [UInt8]
    let highlights: [Highlight]

    // MARK: Blocks

    func blocks(from start: Int) -> String {
      let lines = self.lines(from: start)
      var html = ""
      var index = 0
      while index < lines.count {
        let line = lines[index]
        switch line.kind {
        case .blank:
          index += 1
        case .heading(let level, let content):
          let tag = "h\(min(6, max(3, level + 1)))"
          html += "<\(tag) class=\"md\">\(inline(content..<trimmedEnd(line.range)))</\(tag)>\n"
          index += 1
        case .rule:
          html += "<hr>\n"
          index += 1
        case .comment:
          var end = index
          while end + 1 < lines.count && lines[end + 1].kind == .comment { end += 1 }
          html += "<p class=\"comment\"><code>\(inline(lines[index].range.lowerBound..<lines[end].range.upperBound))</code></p>\n"
          index = end + 1
        case .listItem(let ordered, _):
          let tag = ordered ? "ol" : "ul"
          html += "<\(tag)>\n"
          while index < lines.count, case .listItem(ordered, let content) = lines[index].kind {
            // Lines that continue the item (indented, not a new item) belong to it.
            var end = index
            while end + 1 < lines.count && lines[end + 1].kind == .paragraph && isIndented(lines[end + 1].range) { end += 1 }
            html += "<li>\(inline(content..<lines[end].range.upperBound))</li>\n"
            index = end + 1
          }
          html += "</\(tag)>\n"
        case .quote:
          var parts: [String] = []
          while index < lines.count, case .quote(let content) = lines[index].kind {
            parts.append(inline(content..<lines[index].range.upperBound))
            index += 1
          }
          html += "<blockquote><p>\(parts.joined(separator: "\n"))</p></blockquote>\n"
        case .tableRow:
          var rows: [Line] = []
          while index < lines.count && lines[index].kind == .tableRow {
            rows.append(lines[index])
            index += 1
          }
          html += table(rows)
        case .paragraph:
          var end = index
          while end + 1 < lines.count && lines[end + 1].kind == .paragraph { end += 1 }
          html += "<p>\(inline(line.range.lowerBound..<lines[end].range.upperBound))</p>\n"
          index = end + 1
        }
      }
      return html
    }

    /// The lines from `start`, each classified; a line a highlight runs off the end of, and the lines it
    /// runs into, are paragraph lines, so that the highlight stays within one element.
    func lines(from start: Int) -> [Line] {
      var lines: [Line] = []
      var position = start
      var inComment = false
      while position < bytes.count {
        var end = position
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var contentEnd = end
        if contentEnd > position && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let range = position..<contentEnd
        var kind = classify(range)
        if inComment {
          kind = .comment
          if contains("-->", in: range) { inComment = false }
        } else if kind == .comment, startsWith("<!--", at: firstNonSpace(range), before: range.upperBound), !contains("-->", in: range) {
          inComment = true
        }
        lines.append(Line(range: range, kind: kind))
        position = end + 1
      }
      // A highlight crossing a line break, or a marker the line's kind would hide, makes plain paragraphs.
      for highlight in highlights {
        let touched = lines.indices.filter { lines[$0].range.lowerBound < highlight.range.upperBound && highlight.range.lowerBound <= lines[$0].range.upperBound }
        guard let first = touched.first, let last = touched.last else { continue }
        if first != last {
          for index in first...last { lines[index].kind = .paragraph }
        } else if let content = contentStart(lines[first].kind), highlight.range.lowerBound < content {
          lines[first].kind = .paragraph
        } else if lines[first].kind == .rule {
          lines[first].kind = .paragraph
        } else if lines[first].kind == .tableRow && !cells(lines[first].range).contains(where: { cell in
          cell.lowerBound <= highlight.range.lowerBound && highlight.range.upperBound <= cell.upperBound
        }) {
          lines[first].kind = .paragraph
        }
      }
      return lines
    }

    private func contentStart(_ kind: LineKind) -> Int? {
      switch kind {
      case .heading(_, let content), .listItem(_, let content), .quote(let content): return content
      default: return nil
      }
    }

    func classify(_ range: Range<Int>) -> LineKind {
      let first = firstNonSpace(range)
      guard first < range.upperBound else { return .blank }
      let indent = first - range.lowerBound
      let byte = bytes[first]
      if startsWith("<!--", at: first, before: range.upperBound) || startsWith("[//]: #", at: first, before: range.upperBound) {
        return .comment
      }
      if indent < 4 && byte == UInt8(ascii: "#") {
        var level = 0
        while first + level < range.upperBound && bytes[first + level] == UInt8(ascii: "#") { level += 1 }
        let after = first + level
        if level <= 6 && (after == range.upperBound || bytes[after] == 0x20 || bytes[after] == 0x09) {
          return .heading(level: level, content: firstNonSpace(after..<range.upperBound))
        }
      }
      if indent < 4, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_")].contains(byte) {
        let marks = bytes[first..<range.upperBound].filter { $0 != 0x20 && $0 != 0x09 }
        if marks.count >= 3 && marks.allSatisfy({ $0 == byte }) { return .rule }
      }
      if indent < 4, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(byte), first + 1 < range.upperBound,
        bytes[first + 1] == 0x20
      {
        return .listItem(ordered: false, content: firstNonSpace((first + 1)..<range.upperBound))
      }
      if indent < 4, isDigit(byte) {
        var i = first
        while i < range.upperBound && i - first < 9 && isDigit(bytes[i]) { i += 1 }
        if i + 1 < range.upperBound, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")"), bytes[i + 1] == 0x20 {
          return .listItem(ordered: true, content: firstNonSpace((i + 1)..<range.upperBound))
        }
      }
      if indent < 4 && byte == UInt8(ascii: ">") {
        return .quote(content: firstNonSpace((first + 1)..<range.upperBound))
      }
      if indent < 4 && byte == UInt8(ascii: "|") { return .tableRow }
      return .paragraph
    }

    /// A Markdown table: the first row as headings, the `|---|` row dropped, cells split at `|`.
    func table(_ rows: [Line]) -> String {
      var html = "<div class=\"table\"><table>\n"
      for (position, row) in rows.enumerated() {
        let cells = self.cells(row.range)
        if cells.allSatisfy({ range in bytes[range].allSatisfy { [UInt8(ascii: "-"), UInt8(ascii: ":"), 0x20, 0x09].contains($0) } }) {
          continue
        }
        let tag = position == 0 && rows.count > 1 && isSeparator(rows[1]) ? "th" : "td"
        html += "<tr>" + cells.map { "<\(tag)>\(inline($0))</\(tag)>" }.joined() + "</tr>\n"
      }
      return html + "</table></div>\n"
    }

    private func isSeparator(_ row: Line) -> Bool {
      cells(row.range).allSatisfy { range in
        bytes[range].contains(UInt8(ascii: "-"))
          && bytes[range].allSatisfy { [UInt8(ascii: "-"), UInt8(ascii: ":"), 0x20, 0x09].contains($0) }
      }
    }

    /// The cells of a table row, between its `|`s (the outer ones optional), spaces trimmed.
    func cells(_ range: Range<Int>) -> [Range<Int>] {
      var cells: [Range<Int>] = []
      var start = firstNonSpace(range)
      let end = trimmedEnd(range)
      if start < end && bytes[start] == UInt8(ascii: "|") { start += 1 }
      var cellStart = start
      var i = start
      while i < end {
        if bytes[i] == UInt8(ascii: "|") && (i == 0 || bytes[i - 1] != UInt8(ascii: "\\")) && !isHighlighted(i) {
          cells.append(cellStart..<i)
          cellStart = i + 1
        }
        i += 1
      }
      if cellStart < end { cells.append(cellStart..<end) }
      return cells.map { cell in
        let low = firstNonSpace(cell)
        return low..<max(low, trimmedEnd(cell))
      }
    }

    // MARK: Inline

    /// A pair of delimiters the page replaces with tags: `**…**`, `*…*`, `_…_`, `` `…` ``.
    private struct Span {
      var open: Range<Int>
      var close: Range<Int>
      var tag: String
    }

    /// The text of `range` with its highlights and its emphasis.
    func inline(_ range: Range<Int>) -> String {
      guard range.lowerBound < range.upperBound else { return "" }
      let spans = self.spans(range)
      // Tags to write at each offset: closing ones first (innermost first), then opening ones (outermost first).
      var events: [(offset: Int, order: Int, html: String)] = []
      var hidden: [Range<Int>] = []
      for span in spans {
        hidden += [span.open, span.close]
        events.append((span.open.lowerBound, 2_000_000 - (span.close.upperBound - span.open.lowerBound), "<\(span.tag)>"))
        events.append((span.close.lowerBound, span.close.upperBound - span.open.lowerBound, "</\(span.tag)>"))
      }
      for highlight in highlights where highlight.range.lowerBound >= range.lowerBound && highlight.range.upperBound <= range.upperBound {
        events.append((highlight.range.lowerBound, 3_000_000, highlight.first.open(sharingWith: highlight.others)))
        events.append((highlight.range.upperBound, 0, highlight.first.close(sharingWith: highlight.others)))
      }
      events.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
      hidden.sort { $0.lowerBound < $1.lowerBound }
      var html = ""
      var cursor = range.lowerBound
      var nextHidden = 0
      func copy(upTo offset: Int) {
        while cursor < offset {
          while nextHidden < hidden.count && hidden[nextHidden].upperBound <= cursor { nextHidden += 1 }
          if nextHidden < hidden.count && hidden[nextHidden].lowerBound <= cursor {
            cursor = min(offset, hidden[nextHidden].upperBound)
            continue
          }
          let stop = nextHidden < hidden.count ? min(offset, hidden[nextHidden].lowerBound) : offset
          html += String(decoding: bytes[cursor..<stop], as: UTF8.self).htmlEscaped
          cursor = stop
        }
      }
      for event in events {
        copy(upTo: event.offset)
        html += event.html
      }
      copy(upTo: range.upperBound)
      return html
    }

    /// Code spans, then emphasis, in `range`: delimiters outside highlights, pairs that hold each highlight
    /// they touch whole, properly nested.
    private func spans(_ range: Range<Int>) -> [Span] {
      var spans: [Span] = []
      var code: [Range<Int>] = []
      // Code spans: one backtick to the next.
      var i = range.lowerBound
      var openTick: Int?
      while i < range.upperBound {
        if bytes[i] == UInt8(ascii: "`") && !isHighlighted(i) {
          if let open = openTick {
            if i > open + 1 {
              spans.append(Span(open: open..<(open + 1), close: i..<(i + 1), tag: "code"))
              code.append(open..<(i + 1))
            }
            openTick = nil
          } else {
            openTick = i
          }
        }
        i += 1
      }
      // Emphasis: runs of one or two `*` or `_`, matched with a stack as CommonMark does, simplified.
      var stack: [(range: Range<Int>, byte: UInt8)] = []
      i = range.lowerBound
      while i < range.upperBound {
        let byte = bytes[i]
        guard byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_"), !isHighlighted(i), !code.contains(where: { $0.contains(i) }) else {
          i += 1
          continue
        }
        var end = i
        while end < range.upperBound && bytes[end] == byte && !isHighlighted(end) { end += 1 }
        defer { i = end }
        guard end - i <= 2 else { continue }
        let before: UInt8 = i > range.lowerBound ? bytes[i - 1] : 0x20
        let after: UInt8 = end < range.upperBound ? bytes[end] : 0x20
        let canOpen = !isSpace(after) && (byte == UInt8(ascii: "*") || !isWordByte(before))
        let canClose = !isSpace(before) && (byte == UInt8(ascii: "*") || !isWordByte(after))
        if canClose, let match = stack.lastIndex(where: { $0.byte == byte && $0.range.count == end - i }) {
          let open = stack[match].range
          stack.removeSubrange(match...)
          let span = Span(open: open, close: i..<end, tag: end - i == 2 ? "strong" : "em")
          if holdsWhole(span) && !code.contains(where: { crosses($0, span) }) && !spans.contains(where: { crosses($0.open.lowerBound..<$0.close.upperBound, span) }) {
            spans.append(span)
          }
        } else if canOpen {
          stack.append((i..<end, byte))
        }
      }
      return spans
    }

    /// Whether every highlight the span touches lies wholly inside its text or wholly outside it.
    private func holdsWhole(_ span: Span) -> Bool {
      let outer = span.open.lowerBound..<span.close.upperBound
      let inner = span.open.upperBound..<span.close.lowerBound
      return !highlights.contains { highlight in
        let range = highlight.range
        let touches = range.lowerBound < outer.upperBound && outer.lowerBound < range.upperBound
        return touches && !(range.lowerBound >= inner.lowerBound && range.upperBound <= inner.upperBound)
      }
    }

    /// Whether `range` and the span overlap without one holding the other.
    private func crosses(_ range: Range<Int>, _ span: Span) -> Bool {
      let outer = span.open.lowerBound..<span.close.upperBound
      guard range.lowerBound < outer.upperBound && outer.lowerBound < range.upperBound else { return false }
      let holds = range.lowerBound <= outer.lowerBound && outer.upperBound <= range.upperBound
      let held = outer.lowerBound <= range.lowerBound && range.upperBound <= outer.upperBound
      return !holds && !held
    }

    // MARK: Bytes

    private func isHighlighted(_ offset: Int) -> Bool {
      highlights.contains { $0.range.contains(offset) }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isWordByte(_ byte: UInt8) -> Bool {
      isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    private func isIndented(_ range: Range<Int>) -> Bool {
      firstNonSpace(range) - range.lowerBound >= 2
    }

    func firstNonSpace(_ range: Range<Int>) -> Int {
      var i = range.lowerBound
      while i < range.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
      return i
    }

    private func trimmedEnd(_ range: Range<Int>) -> Int {
      var i = range.upperBound
      while i > range.lowerBound && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { i -= 1 }
      return i
    }

    private func startsWith(_ prefix: String, at offset: Int, before end: Int) -> Bool {
      let prefix = Array(prefix.utf8)
      return offset + prefix.count <= end && Array(bytes[offset..<(offset + prefix.count)]) == prefix
    }

    private func contains(_ needle: String, in range: Range<Int>) -> Bool {
      let needle = Array(needle.utf8)
      guard range.count >= needle.count else { return false }
      return (range.lowerBound...(range.upperBound - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
  }
}
