import FactCheckModel

/// A scalar's text and the file location of each of its characters, to map an offset inside the value
/// (a PCRE2 error offset, a placeholder) back to the line and column where the author wrote it.
///
/// YAML rewrites what it reads: quotes go, `''` and `\"` become one character, `\x41` becomes `A`,
/// line breaks of a flow or `>` scalar fold into spaces, a block scalar loses its indentation. The
/// value is therefore walked together with the file, style by style, so that every character of the
/// value knows where it came from — on any line of a multi-line scalar.
package struct LocatedText: Sendable, Hashable {
  /// The value, as libYAML read it.
  package let text: String
  /// How it was written.
  package let style: YAMLNode.Scalar.Style
  /// Where the scalar starts (its quote, its `|`/`>` indicator, or its first character).
  package let start: SourceLocation
  /// The lines of the file it was read from. The walk that places each character is done only when a
  /// location is asked for (a compile error to place): a rule set has hundreds of patterns, kilobytes each
  /// once read, and almost never an error, and placing every byte of every one was a twentieth of a
  /// one-file check.
  private let lines: LineIndex

  /// Maps `text`, written in `style` from `start`, onto the lines of the file `reader` reads.
  package init(text: String, style: YAMLNode.Scalar.Style, start: SourceLocation, file reader: YAMLReader) {
    self.text = text
    self.style = style
    self.start = start
    self.lines = reader.lines
  }

  /// The file location of each Unicode scalar of ``text``, plus one for the end of the value.
  package var scalarLocations: [SourceLocation] {
    let lines = self.lines
    var walker = ScalarWalker(start: start, lineCount: lines.lineCount,
                              line: { $0 <= lines.lineCount ? lines.text(ofLine: $0) : "" })
    return walker.locations(of: text, style: style)
  }

  /// The file location of UTF-8 byte `offset` within ``text`` (a byte inside a multi-byte character
  /// maps to that character; `text.utf8.count` maps to the end of the value).
  package func location(ofByte offset: Int) -> SourceLocation {
    var index = 0
    var bytes = 0
    for scalar in text.unicodeScalars {
      let width = UTF8.width(scalar)
      if offset < bytes + width { break }
      bytes += width
      index += 1
    }
    let locations = scalarLocations
    return locations[min(index, locations.count - 1)]
  }

  /// The file location of every UTF-8 byte of ``text``, plus one for the end.
  package var byteLocations: [SourceLocation] {
    let locations = scalarLocations
    var result: [SourceLocation] = []
    result.reserveCapacity(text.utf8.count + 1)
    for (scalar, location) in zip(text.unicodeScalars, locations) {
      result += repeatElement(location, count: UTF8.width(scalar))
    }
    result.append(locations.last ?? start)
    return result
  }

  // The value, its style and where it starts say where every character is (the file's lines are the
  // file's, which `start` names).
  package static func == (lhs: LocatedText, rhs: LocatedText) -> Bool {
    lhs.text == rhs.text && lhs.style == rhs.style && lhs.start == rhs.start
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(start)
  }
}

/// Walks a scalar's source lines alongside its value (see ``LocatedText``).
private struct ScalarWalker {
  let path: String
  let lineCount: Int
  let lineText: (Int) -> String
  /// 1-based line of the cursor.
  var line: Int
  /// The cursor's line, as Unicode scalars.
  var characters: [Unicode.Scalar]
  /// 0-based index of the cursor in ``characters``; `characters.count` is the line break.
  var column: Int

  init(start: SourceLocation, lineCount: Int, line: @escaping (Int) -> String) {
    path = start.path
    self.lineCount = lineCount
    lineText = line
    self.line = start.line
    characters = Array(line(start.line).unicodeScalars)
    column = max(0, start.column - 1)
  }

  var here: SourceLocation { SourceLocation(path: path, line: line, column: column + 1) }
  var atLineEnd: Bool { column >= characters.count }
  var current: Unicode.Scalar? { atLineEnd ? nil : characters[column] }

  /// Moves to the start of the next line; false at the end of the file.
  mutating func nextLine() -> Bool {
    guard line < lineCount else { return false }
    line += 1
    characters = Array(lineText(line).unicodeScalars)
    column = 0
    return true
  }

  /// Skips up to `count` spaces (a block scalar's indentation).
  mutating func skipIndentation(_ count: Int) {
    var skipped = 0
    while skipped < count, current == " " {
      column += 1
      skipped += 1
    }
  }

  mutating func locations(of text: String, style: YAMLNode.Scalar.Style) -> [SourceLocation] {
    let value = Array(text.unicodeScalars)
    var result: [SourceLocation] = []
    result.reserveCapacity(value.count + 1)
    let isBlock = style == .literal || style == .folded
    var indentation = 0
    switch style {
    case .singleQuoted, .doubleQuoted:
      column += 1  // the opening quote
    case .literal, .folded:
      indentation = blockIndentation()
      guard nextLine() else { return Array(repeating: here, count: value.count + 1) }
      skipIndentation(indentation)
    default:
      break
    }
    var index = 0
    // Every step either maps a value character or moves the cursor forward, so the walk ends; the
    // step budget only guards against a value that does not come from these lines at all.
    var budget = (value.count + 4) * 4 + 4096
    while index < value.count {
      budget -= 1
      if budget < 0 {
        result.append(here)
        index += 1
        continue
      }
      let wanted = value[index]
      if style == .doubleQuoted, current == "\\" {
        if column + 1 >= characters.count {
          // An escaped line break joins the lines with nothing between them.
          guard nextLine() else { break }
          while current == " " || current == "\t" { column += 1 }
          continue
        }
        let width: Int
        switch characters[column + 1] {
        case "x": width = 4
        case "u": width = 6
        case "U": width = 10
        default: width = 2
        }
        result.append(here)
        column = min(characters.count, column + width)
        index += 1
        continue
      }
      if style == .singleQuoted, wanted == "'", current == "'", column + 1 < characters.count, characters[column + 1] == "'" {
        result.append(here)
        column += 2
        index += 1
        continue
      }
      if let character = current, character == wanted {
        result.append(here)
        column += 1
        index += 1
        continue
      }
      if atLineEnd {
        if isBlock && (wanted == "\n" || wanted == " ") {
          // A kept (`|`) or folded (`>`) line break.
          result.append(here)
          index += 1
        }
        guard nextLine() else { break }
        if isBlock { skipIndentation(indentation) }
        continue
      }
      if wanted == " " || wanted == "\n" {
        // A line break folded into a space (or kept for an empty line) where the text has spacing.
        result.append(here)
        index += 1
        continue
      }
      if current == " " || current == "\t" || current == "\r" {
        column += 1  // folded indentation or trailing spaces
        continue
      }
      // The value and the file disagree (an escape this walker does not know): stay close.
      result.append(here)
      column += 1
      index += 1
    }
    while result.count < value.count { result.append(here) }
    result.append(here)
    return result
  }

  /// A block scalar's indentation: its explicit indicator (`|2`), else that of its first non-empty line.
  /// Leaves the cursor on the header line.
  func blockIndentation() -> Int {
    let header = characters[min(column, characters.count)...]
    if let digit = header.dropFirst().prefix(while: { $0 != " " && $0 != "#" }).first(where: { ("1"..."9").contains($0) }),
      let increment = Int(String(digit))
    {
      // Relative to the indentation of the mapping holding the key.
      let keyIndent = characters.prefix { $0 == " " || $0 == "-" }.count
      return keyIndent + increment
    }
    var next = line + 1
    while next <= lineCount {
      let text = lineText(next)
      if !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
        return text.unicodeScalars.prefix { $0 == " " }.count
      }
      next += 1
    }
    return 0
  }
}
