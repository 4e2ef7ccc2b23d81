/// Reads `factcheck-ignore` comments in an article.
///
/// A directive sits in an HTML comment (`<!-- … -->`, which Markdown renderers hide) or in a Markdown link
/// reference comment (`[//]: # (…)`):
///
/// ```markdown
/// <!-- factcheck-ignore conflict/employees -- confirmed with the company's press office -->
/// Klarna emploie 3 500 personnes …
///
/// <!-- factcheck-ignore-next-line spelling -->
/// <!-- factcheck-ignore-file conflict/* -->
/// ```
///
/// `factcheck-ignore` silences the paragraph that follows the comment (or the one it sits in),
/// `factcheck-ignore-next-line` the next line, `factcheck-ignore-file` the whole article. Checks follow the
/// directive (none = every check), then optionally `--` and the reason.
package enum SuppressionComments {
  /// The directives, in the order the documentation lists them.
  package static var directives: [String] { Suppression.commentDirectives }

  /// Whether `text` holds the bytes of `factcheck-`, which every directive starts with: most articles have
  /// none, and a byte search answers for them at memchr speed, where `String.contains` (Foundation's
  /// `range(of:)`) cost some 250 instructions per byte of every article (issue 15). The bytes are there
  /// whenever `contains` finds the words: no other character is canonically equivalent to these ASCII ones.
  static func mayContainDirective(_ text: String) -> Bool {
    let needle = Array("factcheck-".utf8)
    return text.utf8.withContiguousStorageIfAvailable { ByteSearch.contains($0, 0..<$0.count, needle) }
      ?? text.contains("factcheck-")
  }

  /// The suppressions written in `text`, the article at `path`, and the malformed ones as errors.
  package static func scan(_ text: String, path: String) -> (suppressions: [Suppression], errors: [SuppressionError]) {
    guard mayContainDirective(text) else { return ([], []) }
    // "\r\n" is one Character: split on both, as the line index counts lines.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    var suppressions: [Suppression] = []
    var errors: [SuppressionError] = []
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      let line = lines[index]
      // A directive may sit on the line after a lone `<!--`.
      guard line.contains("factcheck-") || (line.contains("<!--") && !line.contains("-->")) else { continue }
      // The comment's body, the line it ends on and whether text follows it there.
      var body: Substring
      var endLine = index
      var textAfter = false
      var bodyColumn: Int
      if let open = line.range(of: "<!--") {
        bodyColumn = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: open.upperBound) + 1
        var rest = line[open.upperBound...]
        var collected = ""
        var closed = false
        while true {
          if let close = rest.range(of: "-->") {
            collected += rest[..<close.lowerBound]
            textAfter = !rest[close.upperBound...].allSatisfy(\.isWhitespace)
            closed = true
            break
          }
          collected += rest + "\n"
          // A directive comment spans at most a few lines; beyond that it is unclosed.
          guard endLine + 1 < lines.count, endLine - index < 8 else { break }
          endLine += 1
          rest = lines[endLine][...]
        }
        body = collected[...]
        let trimmedBody = body.drop(while: \.isWhitespace)
        guard trimmedBody.hasPrefix("factcheck-") else { continue }
        if !closed {
          errors.append(SuppressionError(.unclosedComment, at: SourceLocation(path: path, line: index + 1, column: bodyColumn - 4),
                                         sourceLine: line))
          continue
        }
      } else if line.hasPrefix("[//]: # ("), line.hasSuffix(")") {
        bodyColumn = 10
        body = line.dropFirst(9).dropLast()
      } else {
        continue
      }
      let leading = body.prefix(while: \.isWhitespace)
      var directiveLine = index
      if let lastBreak = leading.lastIndex(of: "\n") {
        directiveLine += leading.filter { $0 == "\n" }.count
        bodyColumn = leading[leading.index(after: lastBreak)...].unicodeScalars.count + 1
      } else {
        bodyColumn += leading.unicodeScalars.count
      }
      body = body.dropFirst(leading.count)
      guard body.hasPrefix("factcheck-") else { continue }
      let location = SourceLocation(path: path, line: directiveLine + 1, column: bodyColumn)
      var reason: String?
      var words = body
      if let dashes = body.range(of: " -- ") ?? body.range(of: "\n-- ") {
        words = body[..<dashes.lowerBound]
        let text = body[dashes.upperBound...].trimmingWhitespace
        reason = text.isEmpty ? nil : text
      }
      let tokens = words.split(whereSeparator: \.isWhitespace).map(String.init)
      let directive = tokens[0]
      guard directives.contains(directive) else {
        errors.append(SuppressionError(.unknownDirective(name: directive, suggestion: EditDistance.suggestion(for: directive, among: directives)),
                                       at: location, sourceLine: line))
        continue
      }
      var checks: [String] = []
      var valid = true
      // Each token is looked for after the one before it, on the comment's lines, so that a token met
      // earlier on the line (a ',' after a check, a check named twice) does not take its column.
      var tokenLine = directiveLine
      var searchFrom = lines[directiveLine].startIndex
      if let found = lines[directiveLine].range(of: directive) { searchFrom = found.upperBound }
      for token in tokens.dropFirst() {
        var found = lines[tokenLine].range(of: token, range: searchFrom..<lines[tokenLine].endIndex)
        while found == nil && tokenLine < endLine {
          tokenLine += 1
          found = lines[tokenLine].range(of: token)
        }
        let tokenColumn = found.map { lines[tokenLine].unicodeScalars.distance(from: lines[tokenLine].startIndex, to: $0.lowerBound) + 1 }
        if let found { searchFrom = found.upperBound }
        guard Suppression.isCheckPattern(token) else {
          let at = found == nil ? location : SourceLocation(path: path, line: tokenLine + 1, column: tokenColumn!)
          errors.append(SuppressionError(.invalidCheck(text: token), at: at, sourceLine: lines[found == nil ? directiveLine : tokenLine]))
          valid = false
          break
        }
        checks.append(token.hasSuffix(",") ? String(token.dropLast()) : token)
      }
      guard valid else { continue }
      let scope: Suppression.Scope
      switch directive {
      case "factcheck-ignore-file":
        scope = .document(path: path)
      case "factcheck-ignore-next-line":
        guard endLine + 1 < lines.count else {
          errors.append(SuppressionError(.nothingToSuppress(directive: directive), at: location, sourceLine: line))
          continue
        }
        scope = .lines(path: path, lines: (endLine + 2)..<(endLine + 3))
      default:
        // The paragraph the comment sits in, else the next one.
        var start = endLine + 1
        if textAfter {
          start = endLine
        } else {
          while start < lines.count && lines[start].allSatisfy(\.isWhitespace) { start += 1 }
        }
        guard start < lines.count else {
          errors.append(SuppressionError(.nothingToSuppress(directive: directive), at: location, sourceLine: line))
          continue
        }
        var end = start + 1
        while end < lines.count && !lines[end].allSatisfy(\.isWhitespace) { end += 1 }
        // Lines are 1-based; the comment's own lines are covered too.
        scope = .lines(path: path, lines: (index + 1)..<(end + 1))
      }
      suppressions.append(Suppression(origin: .inSource, location: location, checks: checks, reason: reason, scope: scope))
      index = endLine
    }
    return (suppressions, errors)
  }
}

extension Substring {
  fileprivate var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
