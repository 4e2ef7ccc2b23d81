import FactCheckExtraction
import Foundation

/// A figure's normalised text as UTF-8 bytes in NFC, with where its characters start: what ``FigureScanner``
/// reads.
///
/// The figure readers compared `Character`s, which Swift compares under canonical equivalence, and looked up
/// lexicon words by comparing each key with the text a character at a time: 28,000 instructions a figure on
/// the bench's 16 MB corpus (issue 15). Here the text and every key are in NFC, where canonically equivalent
/// text is the same bytes, and a word or link matches only from a character's start to a character's end, so
/// comparing bytes says what comparing characters said.

package final class FigureText: Sendable {
  package let bytes: [UInt8]
  /// Whether a character starts at each offset (one entry more than there are bytes), when some character
  /// spans more than one scalar; `nil` when every scalar is a character of its own, as in almost every figure.
  private let characterStarts: [Bool]?

  package init(_ string: String) {
    if FigureText.scalarsAreCharacters(string) {
      bytes = Array(string.utf8)
      characterStarts = nil
      return
    }
    let composed = string.precomposedStringWithCanonicalMapping
    bytes = Array(composed.utf8)
    if FigureText.scalarsAreCharacters(composed) {
      characterStarts = nil
      return
    }
    var starts = [Bool](repeating: false, count: bytes.count + 1)
    var offset = 0
    for character in composed {
      starts[offset] = true
      offset += character.utf8.count
    }
    starts[offset] = true
    characterStarts = starts
  }

  /// Whether `string` is certainly in NFC with every scalar a character of its own, a test that is cheap
  /// rather than complete: it holds only scalars below U+0300 (ASCII, Latin letters with composed accents, no
  /// combining mark) and currency signs, and no carriage return (which joins a line feed after it into one
  /// character). Other text is composed and its characters found (see ``init(_:)``).
  package static func scalarsAreCharacters(_ string: String) -> Bool {
    var ascii = true
    for byte in string.utf8 {
      if byte == 0x0D { return false }
      if byte >= 0x80 { ascii = false }
    }
    return ascii || string.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x20A0...0x20C0).contains($0.value) }
  }

  /// `string`'s bytes in NFC, as lexicon words are compared with a figure's (Foundation's composition is
  /// spared for text that needs none).
  package static func composedBytes(_ string: String) -> [UInt8] {
    scalarsAreCharacters(string) ? Array(string.utf8) : Array(string.precomposedStringWithCanonicalMapping.utf8)
  }

  /// The text of `range` as a `String`.
  package func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  /// Whether a character starts at `offset`; the end of the text is a start.
  package func isCharacterStart(_ offset: Int) -> Bool {
    guard offset < bytes.count else { return true }
    if let characterStarts { return characterStarts[offset] }
    return bytes[offset] & 0xC0 != 0x80
  }

  /// Where the character that starts at `offset` ends.
  package func characterEnd(from offset: Int) -> Int {
    var end = offset + 1
    while !isCharacterStart(end) { end += 1 }
    return end
  }

  /// Where the character that ends at `offset` starts; `offset` is a character start after the first.
  package func characterStart(before offset: Int) -> Int {
    precondition(offset > 0, "no character before the text's start")
    var start = offset - 1
    while start > 0 && !isCharacterStart(start) { start -= 1 }
    return start
  }

  /// `Character.isNumber` of the character that starts at `offset`: an ASCII digit, or a number of another
  /// kind ("²"). A character's answer is its first scalar's (checked over every scalar: FigureTextTests).
  package func isNumber(at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return byte &- UInt8(ascii: "0") < 10 }
    return scalar(at: offset).properties.numericType != nil
  }

  /// `Character.isLetter` of the character that starts at `offset`: its first scalar is alphabetic.
  package func isLetter(at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return TextBytes.isASCIILetter(byte) }
    return scalar(at: offset).properties.isAlphabetic
  }

  /// Whether a character of `range` is a number.
  package func containsNumber(_ range: Range<Int>) -> Bool {
    var offset = range.lowerBound
    while offset < range.upperBound {
      if isNumber(at: offset) { return true }
      offset = characterEnd(from: offset)
    }
    return false
  }

  /// Whether `word` is the text at `offset`, ending on a character boundary no further than `limit`.
  package func matches(_ word: [UInt8], at offset: Int, limit: Int) -> Bool {
    let end = offset + word.count
    guard end <= limit else { return false }
    for i in 0..<word.count where bytes[offset + i] != word[i] { return false }
    return isCharacterStart(end)
  }

  /// The first place in `range` where `word` starts and ends on character boundaries.
  package func firstRange(of word: [UInt8], in range: Range<Int>) -> Range<Int>? {
    guard let first = word.first, range.count >= word.count else { return nil }
    var offset = range.lowerBound
    while offset <= range.upperBound - word.count {
      if bytes[offset] == first, isCharacterStart(offset), matches(word, at: offset, limit: range.upperBound) {
        return offset..<(offset + word.count)
      }
      offset += 1
    }
    return nil
  }

  /// The scalar that starts at `offset` (valid UTF-8: the bytes come from a `String`).
  private func scalar(at offset: Int) -> Unicode.Scalar {
    let value = bytes.withUnsafeBufferPointer { UTF8Letters.scalar(at: offset, in: $0, end: $0.count).value }
    return Unicode.Scalar(value!)!
  }
}
