import FactCheckModel
import FactCheckRules
import Foundation

/// What a lexicon says about its full stops: after which words a point abbreviates rather than ends a
/// sentence (« Dr. », « Mio. Euro »), and whether a point after a day's number is an ordinal (German
/// « am 13. Mai »). Sentences (``TextStructure``) and the windows rules are run in (``ScanWindows``) both
/// ask it, so that a match is never cut at a point that ends nothing.
package struct FullStops: Sendable {
  /// Words after which a point is an abbreviation's, as written (case included).
  package let abbreviations: Set<String>
  /// The same, lower-cased, for text folded to lower case (the windows of ``ScanWindows``).
  private let foldedAbbreviations: Set<String>
  /// The longest abbreviation, in bytes: a longer word before a point is compared with nothing. Windows ask
  /// at every point near every rule's hits, and most words before a point are longer than any abbreviation.
  private let longestAbbreviation: Int
  /// Month names, lower-cased, after which a point following one or two digits is an ordinal's; empty
  /// unless the lexicon writes ordinals with a point (`ordinal_suffixes: ["."]`).
  package let ordinalMonths: Set<String>

  /// Points end sentences everywhere but after a one-letter initial.
  package static let none = FullStops(abbreviations: [], ordinalMonths: [])

  package init(abbreviations: Set<String>, ordinalMonths: Set<String>) {
    self.abbreviations = abbreviations
    self.foldedAbbreviations = Set(abbreviations.map { $0.lowercased() })
    self.longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0
    self.ordinalMonths = ordinalMonths
  }

  package init(lexicon: Lexicon) {
    // Month keys may carry their own point (« Okt. »); the word read after the ordinal stops before it.
    self.init(abbreviations: Set(lexicon.abbreviations),
              ordinalMonths: lexicon.ordinalSuffixes.contains(".")
                ? Set(lexicon.months.keys.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) }) : [])
  }

  /// Whether the point at `i` ends no sentence: it follows a one-letter initial ("P.-D.G."), a word of
  /// ``abbreviations`` ("Dr."), or one or two digits before a month name ("13. Mai").
  ///
  /// The word before the point runs back, no further than `lineStart`, over letters, accented ones
  /// included, so that a lexicon's abbreviation may carry accents. In `folded` text (lower-cased) any one
  /// letter is an initial and abbreviations compare without case: a window may only be too wide.
  package func endsNoSentence<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, dotAt i: Int, lineStart: Int, folded: Bool = false) -> Bool
  where Bytes.Index == Int {
    var j = i
    while j > lineStart {
      let b = bytes[j - 1]
      if (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) {
        j -= 1
        continue
      }
      // A letter of more than one byte: back to its first byte, then its scalar.
      guard b >= 0x80 else { break }
      var start = j - 1
      while start > lineStart && bytes[start] & 0xC0 == 0x80 { start -= 1 }
      guard let scalar = String(decoding: bytes[start..<j], as: UTF8.self).unicodeScalars.first, scalar.properties.isAlphabetic
      else { break }
      j = start
    }
    if i - j == 1, bytes[j] >= UInt8(ascii: "A") && bytes[j] <= UInt8(ascii: "Z") || folded && bytes[j] < 0x80 { return true }
    if j < i {
      guard i - j <= longestAbbreviation else { return false }
      let word = String(decoding: bytes[j..<i], as: UTF8.self)
      return folded ? foldedAbbreviations.contains(word.lowercased()) : abbreviations.contains(word)
    }
    return isOrdinal(bytes, dotAt: i, lineStart: lineStart)
  }

  /// One or two digits, the point, spacing and a month name of ``ordinalMonths``.
  private func isOrdinal<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, dotAt i: Int, lineStart: Int) -> Bool
  where Bytes.Index == Int {
    guard !ordinalMonths.isEmpty else { return false }
    func isDigit(_ k: Int) -> Bool { k >= lineStart && k < i && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") }
    let digits = isDigit(i - 1) ? (isDigit(i - 2) ? 2 : 1) : 0
    guard digits > 0, !isDigit(i - digits - 1) else { return false }
    // Spaces and no-break spaces between the point and the month.
    let k = TextBytes.skippingSpaces(bytes, from: i + 1)
    var wordEnd = k
    // Month names are letters; 16 bytes ("September", accented ones) are enough to tell.
    while wordEnd < bytes.endIndex, wordEnd - k < 16, TextBytes.isWordByte(bytes[wordEnd]) {
      wordEnd += 1
    }
    guard wordEnd > k else { return false }
    return ordinalMonths.contains(String(decoding: bytes[k..<wordEnd], as: UTF8.self).lowercased())
  }
}
