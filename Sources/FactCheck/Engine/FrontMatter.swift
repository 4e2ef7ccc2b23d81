import Yams

/// YAML front matter between `---` lines at the top of an article (Jekyll, Hugo, Eleventy convention).
struct FrontMatter {
  /// Larger front matter is ignored with a warning: real front matter is a few lines.
  static let maxBytes = 64 << 10
  /// Deeper front matter is ignored with a warning: it is a flat mapping.
  static let maxDepth = 16
  /// Front matter expanding (through aliases) to more nodes is ignored with a warning.
  static let maxNodes = 10_000

  var title: String?
  var published: Day?
  var language: String?
  var source: String?
  var bodyRange: Range<Int>
  var warnings: [String] = []

  static func parse(_ text: String) -> FrontMatter {
    var result = FrontMatter(bodyRange: 0..<text.utf8.count)
    // Bytes, not characters: "\r\n" is one Character, so `hasPrefix("---\r")` would miss CRLF.
    guard text.utf8.starts(with: Array("---\n".utf8)) || text.utf8.starts(with: Array("---\r".utf8)) else { return result }
    // The usual front matter is a few hundred bytes: look at the start, and at the rest only if needed
    // (an oversized one must still be found, to be refused with a warning).
    var head = Array(text.utf8.prefix(4096))
    if !head.isEmpty, !String(decoding: head, as: UTF8.self).contains("\n---") && !String(decoding: head, as: UTF8.self).contains("\r---") {
      head = Array(text.utf8)
    }
    // Lines end with \n, \r\n or a lone \r; the closing "---" (or "...") is within the first 200.
    func lineEnd(from start: Int) -> (end: Int, next: Int) {
      var i = start
      while i < head.count && head[i] != 0x0A && head[i] != 0x0D { i += 1 }
      if i < head.count && head[i] == 0x0D && i + 1 < head.count && head[i + 1] == 0x0A { return (i, i + 2) }
      return (i, min(i + 1, head.count))
    }
    let yamlStart = lineEnd(from: 0).next
    var lineStart = yamlStart
    var closing: (yamlEnd: Int, bodyStart: Int)?
    var lines = 0
    while lineStart < head.count && lines < 200 {
      let (end, next) = lineEnd(from: lineStart)
      let content = String(decoding: head[lineStart..<end], as: UTF8.self).trimmingWhitespace()
      if content == "---" || content == "..." {
        closing = (lineStart, next)
        break
      }
      lineStart = next
      lines += 1
    }
    guard let closing else { return result }
    result.bodyRange = closing.bodyStart..<text.utf8.count
    guard closing.yamlEnd - yamlStart <= maxBytes else {
      result.warnings.append("front matter is larger than \(maxBytes >> 10) KiB; ignored")
      return result
    }
    let yaml = String(decoding: head[yamlStart..<closing.yamlEnd], as: UTF8.self)
    var fields = simpleFields(yaml)
    if fields == nil {
      // Yams recurses per nesting level and expands aliases when hashing keys: check first.
      if YAMLPreflight.check(yaml, maxDepth: maxDepth, maxNodes: maxNodes) != nil {
        result.warnings.append("front matter nests too deeply or expands too far (aliases); ignored")
        return result
      }
      fields = yamlFields(yaml)
    }
    guard let fields else {
      result.warnings.append("front matter is not a YAML mapping; ignored")
      return result
    }
    for (key, string) in fields {
      switch key.lowercased() {
      case "title": result.title = string
      case "published", "date", "pubdate", "publication_date":
        result.published = Day(iso: string)
        if result.published == nil { result.warnings.append("front matter date '\(string)' is not YYYY-MM-DD; ignored") }
      case "language", "lang", "locale": result.language = String(string.prefix(2)).lowercased()
      case "source", "outlet", "publisher": result.source = string
      default: break
      }
    }
    return result
  }

  /// The common case read without a YAML parser: one `key: value` per line, values plain or quoted.
  /// Returns `nil` for anything else (lists, blocks, escapes), which then goes through Yams.
  static func simpleFields(_ yaml: String) -> [(String, String)]? {
    var fields: [(String, String)] = []
    for line in yaml.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return nil }
      let key = String(line[..<colon]).trimmingWhitespace()
      var value = String(line[line.index(after: colon)...]).trimmingWhitespace()
      guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
      if value.hasPrefix("\"") {
        guard value.count >= 2, value.hasSuffix("\""), !value.dropFirst().dropLast().contains("\\"), !value.dropFirst().dropLast().contains("\"") else { return nil }
        value = String(value.dropFirst().dropLast())
      } else if value.hasPrefix("'") {
        guard value.count >= 2, value.hasSuffix("'") else { return nil }
        value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
      } else if value.hasPrefix("[") || value.hasPrefix("{") || value.hasPrefix("|") || value.hasPrefix(">") || value.hasPrefix("&")
        || value.hasPrefix("*") || value.contains(" #")
      {
        return nil
      }
      fields.append((key, value))
    }
    return fields
  }

  /// Anything richer, through Yams: the scalar values of a top-level mapping.
  static func yamlFields(_ yaml: String) -> [(String, String)]? {
    guard let node = try? Yams.compose(yaml: yaml), case .mapping(let mapping) = node else { return nil }
    return mapping.compactMap { key, value in
      guard let key = key.scalar?.string, let string = value.scalar?.string else { return nil }
      return (key, string)
    }
  }
}
