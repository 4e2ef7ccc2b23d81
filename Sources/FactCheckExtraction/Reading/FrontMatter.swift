import FactCheckModel
import FactCheckRules
import Yams

/// YAML front matter between `---` lines at the top of an article (Jekyll, Hugo, Eleventy convention).
///
/// Nothing in it is lost silently: a block that cannot be read is a warning naming its lines, and a date
/// that cannot be used is a warning saying why (not a date, or no such day).
package struct FrontMatter {
  /// Larger front matter is ignored with a warning: real front matter is a few lines.
  package static let maxBytes = 64 << 10
  /// The closing `---` (or `...`) is looked for within this many lines of the opening one. Further down,
  /// a `---` is more likely a Markdown rule than the end of a forgotten block.
  package static let maxLines = 200
  /// Deeper front matter is ignored with a warning: it is a flat mapping.
  package static let maxDepth = 16
  /// Front matter expanding (through aliases) to more nodes is ignored with a warning.
  package static let maxNodes = 10_000
  /// Date values YAML writes for nothing: no date, and no warning either. Words that say the date is not
  /// known ("unknown", « inconnu ») are the lexicons' `unknown_values`, given to ``parse(_:unknownValues:)``.
  package static let emptyDates: Set<String> = ["", "~", "null"]

  package var title: String?
  package var published: Day?
  package var language: String?
  package var source: String?
  /// The article's public address (`url`, `link`, `canonical`), when front matter gives one.
  package var url: String?
  /// The article's author or byline (`author`, `byline`).
  package var author: String?
  /// Byte range of the body: after the closing line, or the whole text when there is no (closed) block.
  package var bodyRange: Range<Int>
  /// Byte range language detection reads: the body, less the `key: value` lines of an unclosed block.
  package var detectionRange: Range<Int>
  package var warnings: [String] = []

  /// One `key: value` of the block, with the line of the file it is on.
  package struct Field {
    package let key: String
    package let value: String
    package let line: Int
  }

  /// Reads the front matter of `text`, if it opens with a `---` line.
  ///
  /// An unclosed block (no `---` or `...` line within ``maxLines`` lines) is read as body text, with a
  /// warning: its lines may be the article itself, and claims in them are not to be lost. But its leading
  /// `key: value` lines are kept out of language detection — English keys (`title`, `source`) would
  /// otherwise make a French article English — and a `language:` among them is honoured: it is the author's
  /// own statement, and the language decides which rules run at all. Other keys (a date, a title) are
  /// not used: the block was not closed, so what it holds is uncertain, and the warning says so.
  ///
  /// A date among `unknownValues` (lower case) is no date, and no warning either.
  package static func parse(_ text: String, unknownValues: Set<String> = []) -> FrontMatter {
    text.utf8.withContiguousStorageIfAvailable { parse($0, unknownValues) }
      ?? Array(text.utf8).withUnsafeBufferPointer { parse($0, unknownValues) }
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ unknownValues: Set<String>) -> FrontMatter {
    var result = FrontMatter(bodyRange: 0..<bytes.count, detectionRange: 0..<bytes.count)
    let scan = FrontMatterScan(bytes)
    guard let yamlStart = scan.yamlStart else { return result }
    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

    guard let closing = scan.closing else {
      let limit = scan.reachedEnd ? "before the end of the text" : "within \(maxLines) lines"
      var warning = "front matter opened at line 1 is not closed (no '---' or '...' line \(limit)); read as body text"
      // The leading `key: value` lines, past the limit too: what the author meant as front matter.
      var start = yamlStart
      var number = 2
      while start < bytes.count {
        let line = FrontMatterScan.line(in: bytes, from: start)
        let content = string(line.content)
        if case .field(let key, let value) = simpleField(content) {
          if ["language", "lang", "locale"].contains(key.lowercased()), !value.isEmpty, result.language == nil {
            result.language = String(value.prefix(2)).lowercased()
            warning += "; its '\(key): \(value)' (line \(number)) is kept"
          }
        } else if !(content.hasPrefix(" ") || content.hasPrefix("\t") || content.hasPrefix("- ") || content.hasPrefix("#")) {
          break
        }
        start = line.next
        number += 1
      }
      result.detectionRange = start..<bytes.count
      result.warnings.append(warning)
      return result
    }

    result.bodyRange = closing.next..<bytes.count
    result.detectionRange = result.bodyRange
    let lines = "lines 1–\(closing.line)"
    guard closing.start - yamlStart <= maxBytes else {
      result.warnings.append("front matter at \(lines) is larger than \(maxBytes >> 10) KiB; ignored")
      return result
    }
    let yaml = string(yamlStart..<closing.start)
    var fields = simpleFields(yaml)
    if fields == nil {
      // Yams recurses per nesting level and expands aliases when hashing keys: check first.
      if YAMLPreflight.check(yaml, maxDepth: maxDepth, maxNodes: maxNodes) != nil {
        result.warnings.append("front matter at \(lines) nests too deeply or expands too far (aliases); ignored")
        return result
      }
      fields = yamlFields(yaml)
    }
    guard let fields else {
      result.warnings.append("front matter at \(lines) is not a YAML mapping; ignored")
      return result
    }
    for field in fields {
      switch field.key.lowercased() {
      case "title": result.title = field.value
      case "published", "date", "pubdate", "publication_date":
        let value = field.value.trimmingWhitespace().lowercased()
        if emptyDates.contains(value) || unknownValues.contains(value) { continue }
        switch Day.parse(iso: field.value) {
        case .success(let day): result.published = day
        case .failure(let problem):
          result.warnings.append("front matter date '\(field.value)' at line \(field.line): \(explanation(of: problem)); ignored")
        }
      case "language", "lang", "locale": result.language = String(field.value.prefix(2)).lowercased()
      case "source", "outlet", "publisher": result.source = field.value
      case "url", "link", "canonical", "canonical_url": result.url = field.value.trimmingWhitespace()
      case "author", "byline": result.author = field.value
      default: break
      }
    }
    return result
  }

  /// Why a date was refused, in words: "no such day (February 2025 has 28 days)".
  package static func explanation(of problem: Day.ISOProblem) -> String {
    switch problem {
    case .notADate: return "not YYYY-MM-DD, YYYY-MM or YYYY"
    case .noSuchYear: return "no such year"
    case .noSuchMonth(let month): return "no such month (\(month))"
    case .noSuchDay(let year, let month, _):
      let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
      return "no such day (\(names[month - 1]) \(year) has \(Day.daysIn(month: month, year: year)) days)"
    }
  }

  /// What one line of the block says, read without a YAML parser.
  package enum SimpleLine: Equatable {
    /// Blank or a comment.
    case nothing
    /// `key: value`, the value unquoted.
    case field(key: String, value: String)
    /// Anything else (lists, blocks, escapes, anchors): for Yams.
    case unreadable
  }

  /// One `key: value` line, its value plain or quoted.
  package static func simpleField(_ line: String) -> SimpleLine {
    if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { return .nothing }
    guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return .unreadable }
    let key = String(line[..<colon]).trimmingWhitespace()
    var value = String(line[line.index(after: colon)...]).trimmingWhitespace()
    guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return .unreadable }
    if value.hasPrefix("\"") {
      // Escapes and inner quotes, found on bytes, go to the YAML parser.
      let inner = value.utf8.dropFirst().dropLast()
      guard value.count >= 2, value.hasSuffix("\""), !inner.contains(UInt8(ascii: "\\")), !inner.contains(UInt8(ascii: "\"")) else {
        return .unreadable
      }
      value = String(value.dropFirst().dropLast())
    } else if value.hasPrefix("'") {
      guard value.count >= 2, value.hasSuffix("'") else { return .unreadable }
      value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    } else if value.hasPrefix("[") || value.hasPrefix("{") || value.hasPrefix("|") || value.hasPrefix(">") || value.hasPrefix("&")
      || value.hasPrefix("*") || startsComment(value)
    {
      return .unreadable
    }
    return .field(key: key, value: value)
  }

  /// ``simpleField(_:)`` on the bytes of a line whose structure is ASCII, with the same answers; `nil` for any
  /// other line, which the `String` version reads. Every article has a block to read, and the
  /// `Character`-by-`Character` version cost some 14,000 instructions a line.
  ///
  /// A value may hold other characters (« title: Grève à Lyon »: on the bench's corpus, most titles), but not
  /// next to what the reader looks at (the line's first two bytes, the colon, the value's first two and last
  /// two bytes), not in the key and not in a single-quoted value with a doubled quote: there a non-ASCII
  /// character could be whitespace to trim, a letter of a key, or a combining mark that makes one `Character`
  /// of the ASCII byte before it.
  package static func simpleFieldOnBytes(_ line: UnsafeBufferPointer<UInt8>) -> SimpleLine? {
    guard !line.contains(where: { $0 == 0x0D || $0 == 0x0A }) else { return nil }
    let isASCII = !line.contains(where: { $0 >= 0x80 })
    /// Whether the bytes at `offsets` that are in the line are all ASCII.
    func asciiAt(_ offsets: Int...) -> Bool { isASCII || offsets.allSatisfy { $0 < 0 || $0 >= line.count || line[$0] < 0x80 } }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    // The first byte that is no ASCII space too: a line of spaces and another blank is blank to `String`.
    guard asciiAt(0, 1, line.firstIndex { !isSpace($0) } ?? -1) else { return nil }
    func trimmed(_ range: Range<Int>) -> Range<Int> {
      var low = range.lowerBound
      var high = range.upperBound
      while low < high && isSpace(line[low]) { low += 1 }
      while high > low && isSpace(line[high - 1]) { high -= 1 }
      return low..<high
    }
    if trimmed(0..<line.count).isEmpty || line.first == UInt8(ascii: "#") { return .nothing }
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), line[0] != UInt8(ascii: " "), line[0] != UInt8(ascii: "-") else {
      return .unreadable
    }
    let key = trimmed(0..<colon)
    var value = trimmed((colon + 1)..<line.count)
    guard isASCII || (!line[0..<colon].contains(where: { $0 >= 0x80 })
      && asciiAt(colon + 1, value.lowerBound, value.lowerBound + 1, value.upperBound - 2, value.upperBound - 1, value.upperBound))
    else { return nil }
    func isKeyByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
    guard !key.isEmpty, key.allSatisfy({ isKeyByte(line[$0]) }) else { return .unreadable }
    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
    let first = value.isEmpty ? 0 : line[value.lowerBound]
    let last = value.isEmpty ? 0 : line[value.upperBound - 1]
    if first == UInt8(ascii: "\"") {
      guard value.count >= 2, last == UInt8(ascii: "\""),
        !line[(value.lowerBound + 1)..<(value.upperBound - 1)].contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") })
      else { return .unreadable }
      value = (value.lowerBound + 1)..<(value.upperBound - 1)
    } else if first == UInt8(ascii: "'") {
      guard value.count >= 2, last == UInt8(ascii: "'") else { return .unreadable }
      // `replacingOccurrences(of: "''", with: "'")` compares `Character`s: a mark after a pair joins it.
      // Such a value, with other characters and a pair, goes to the `String` reader.
      if !isASCII && line[value].indices.contains(where: { line[$0] == UInt8(ascii: "'") && $0 + 1 < value.upperBound && line[$0 + 1] == UInt8(ascii: "'") }) {
        return nil
      }
      // '' stands for one quote, read left to right as `replacingOccurrences(of: "''", with: "'")` does.
      var unquoted: [UInt8] = []
      var i = value.lowerBound + 1
      while i < value.upperBound - 1 {
        unquoted.append(line[i])
        i += i + 1 < value.upperBound - 1 && line[i] == UInt8(ascii: "'") && line[i + 1] == UInt8(ascii: "'") ? 2 : 1
      }
      return .field(key: text(key), value: String(decoding: unquoted, as: UTF8.self))
    } else if [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "*")].contains(first)
      || startsComment(text(value))
    {
      return .unreadable
    }
    return .field(key: text(key), value: text(value))
  }

  /// Whether a plain value holds " #", where YAML starts a comment.
  private static func startsComment(_ value: String) -> Bool {
    var previous: UInt8 = 0
    for byte in value.utf8 {
      if byte == 0x23 && previous == 0x20 { return true }
      previous = byte
    }
    return false
  }

  /// The common case read without a YAML parser: one `key: value` per line, values plain or quoted.
  /// Returns `nil` for anything else (lists, blocks, escapes), which then goes through Yams.
  package static func simpleFields(_ yaml: String) -> [Field]? {
    var fields: [Field] = []
    // Each line break, whatever its kind ("\n", "\r\n", a lone "\r"), is one separator; found on the bytes
    // (splitting by `Character` cost more than the rest of reading an article).
    var lines: [Substring] = []
    let bytes = yaml.utf8
    var start = bytes.startIndex
    var i = start
    while i < bytes.endIndex {
      let byte = bytes[i]
      guard byte == 0x0A || byte == 0x0D else {
        i = bytes.index(after: i)
        continue
      }
      lines.append(yaml[start..<i])
      i = bytes.index(after: i)
      if byte == 0x0D, i < bytes.endIndex, bytes[i] == 0x0A { i = bytes.index(after: i) }
      start = i
    }
    lines.append(yaml[start...])
    for (index, line) in lines.enumerated() {
      let read = line.utf8.withContiguousStorageIfAvailable { simpleFieldOnBytes($0) } ?? nil
      switch read ?? simpleField(String(line)) {
      case .nothing: continue
      case .unreadable: return nil
      // The block's first line is the file's second (after the opening `---`).
      case .field(let key, let value): fields.append(Field(key: key, value: value, line: index + 2))
      }
    }
    return fields
  }

  /// Anything richer, through Yams: the scalar values of a top-level mapping.
  package static func yamlFields(_ yaml: String) -> [Field]? {
    guard let node = try? Yams.compose(yaml: yaml), case .mapping(let mapping) = node else { return nil }
    return mapping.compactMap { key, value in
      guard let name = key.scalar?.string, let string = value.scalar?.string else { return nil }
      return Field(key: name, value: string, line: (key.mark?.line ?? 0) + 1)
    }
  }
}

/// Where the front matter is, found on the bytes: the opening `---` and the closing `---` or `...` if one
/// is within ``FrontMatter/maxLines`` lines after it.
///
/// Lines end with `\n`, `\r\n` or a lone `\r`. Only the lines looked at are read, however long the text.
private struct FrontMatterScan {
  /// A line: its content (without the line break) and where the next one starts.
  struct Line {
    let content: Range<Int>
    let next: Int
  }

  /// Where the block's first line starts, when the text opens with a `---` line.
  var yamlStart: Int?
  /// The closing line: its start, where the body starts, and its 1-based line number.
  var closing: (start: Int, next: Int, line: Int)?
  /// Whether the text ended before the closing line or the limit.
  var reachedEnd = false

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let opening = FrontMatterScan.line(in: bytes, from: 0)
    guard opening.content == 0..<3, bytes.count > 3, bytes[0] == 0x2D, bytes[1] == 0x2D, bytes[2] == 0x2D else { return }
    yamlStart = opening.next
    var start = opening.next
    for number in 2...(FrontMatter.maxLines + 1) {
      guard start < bytes.count else {
        reachedEnd = true
        return
      }
      let current = FrontMatterScan.line(in: bytes, from: start)
      // "---" or "...", spaces and tabs around allowed.
      var low = current.content.lowerBound
      var high = current.content.upperBound
      while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
      while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
      if high - low == 3, bytes[low] == 0x2D || bytes[low] == 0x2E, bytes[low + 1] == bytes[low], bytes[low + 2] == bytes[low] {
        closing = (start, current.next, number)
        return
      }
      start = current.next
    }
  }

  /// The line starting at byte `start`.
  static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Line {
    var i = start
    while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
    if i < bytes.count && bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { return Line(content: start..<i, next: i + 2) }
    return Line(content: start..<i, next: min(i + 1, bytes.count))
  }
}
