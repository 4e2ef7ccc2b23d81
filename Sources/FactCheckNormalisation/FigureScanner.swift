/// A cursor over a stretch of a figure's normalised text (``FigureText``), on its bytes.
///
/// Offsets are UTF-8 offsets into the whole text; a scanner of a part (the low end of a range, the text after
/// a ratio word) reads only its part, as a scanner of that part's own `String` did.
package struct FigureScanner: Sendable {
  /// The whole figure this scanner reads a part of.
  package let source: FigureText
  package private(set) var index: Int
  /// Where this scanner's part ends.
  package let end: Int

  package init(_ string: String) { self.init(FigureText(string)) }

  package init(_ text: FigureText, _ range: Range<Int>? = nil) {
    self.source = text
    index = range?.lowerBound ?? 0
    end = range?.upperBound ?? source.bytes.count
  }

  /// A scanner of `range`, which lies within this one's text.
  package func part(_ range: Range<Int>) -> FigureScanner { FigureScanner(source, range) }

  package var isAtEnd: Bool { index >= end }
  /// Whether the character at the cursor is a number (`Character.isNumber`).
  package var isAtNumber: Bool { !isAtEnd && source.isNumber(at: index) }
  /// The part from the cursor on.
  package var remaining: Range<Int> { min(index, end)..<end }

  /// The text between `start` and the cursor.
  package func text(from start: Int) -> String { source.string(min(start, end)..<min(index, end)) }

  /// Moves the cursor `count` bytes on.
  package mutating func advance(_ count: Int) { index = min(end, index + count) }

  package mutating func skipSpaces() {
    while index < end {
      let byte = source.bytes[index]
      guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_"), source.isCharacterStart(index + 1) else { return }
      index += 1
    }
  }

  /// Whether `word` (NFC bytes) is at the cursor, ending where a character does.
  package func hasPrefix(_ word: [UInt8]) -> Bool { source.matches(word, at: index, limit: end) }

  /// Whether the character at the cursor is the ASCII `byte`.
  package func isAt(_ byte: UInt8) -> Bool { index < end && source.bytes[index] == byte && source.isCharacterStart(index + 1) }

  /// Digits with the separators a figure may contain: a separator is taken only before another number.
  package mutating func consumeDigitRun() -> Range<Int> {
    let start = index
    while index < end {
      if source.isNumber(at: index) {
        index = source.characterEnd(from: index)
        continue
      }
      let byte = source.bytes[index]
      guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: " "),
        index + 1 < end, source.isCharacterStart(index + 1), source.isNumber(at: index + 1)
      else { break }
      index += 1
    }
    return start..<index
  }

  /// Skips one word that links a figure to its currency (« de », "of " with its space, « d' » glued to the
  /// currency), if one is at the cursor; `links` are written as ``FigureWords/currencyLinks`` holds them.
  package mutating func skipCurrencyLink(_ links: [[UInt8]]) {
    for link in links where hasPrefix(link) {
      index += link.count
      return
    }
  }

  /// The value of the longest table key at the cursor that ends at a word boundary; advances past it.
  package mutating func consumeLongest<V>(from table: WordTable<V>) -> V? {
    guard let (length, value) = table.longest(in: source, at: index, limit: end) else { return nil }
    index += length
    return value
  }

  package func peekLongest<V>(from table: WordTable<V>) -> V? { table.longest(in: source, at: index, limit: end)?.value }
}
