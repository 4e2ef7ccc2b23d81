import FactCheckRules

/// Capitalised proper names ("Klarna", "Nordhavn Bank"), read from an article's bytes: what
/// ``pattern(functionWords:)`` matches, found in one pass over the text instead of a PCRE2 scan.
///
/// A name is up to four capitalised words joined by single spaces (or no-break spaces), none of them a
/// function word ("The", « Le »); a word is a capital followed by letters, digits, `&` and `-`, with an
/// apostrophe and a capitalised tail ("O'Brien"). Issue 15: on 330 generated articles the PCRE2 scan it
/// replaces cost 37.5 M instructions, the reader 19 M.
package struct ProperNameReader: Sendable {
  /// One piece of a function word written with spacing or an apostrophe: its bytes, a run of spacing, or
  /// an apostrophe of any kind — as ``RegexFragments/escape(_:)`` writes them.
  private enum Piece: Sendable {
    case bytes([UInt8])
    case spacing
    case apostrophe
  }

  /// A function word of letters and digits only (nearly all of them): its bytes in ``letters``.
  private struct PlainWord: Sendable {
    let start: Int
    let count: Int
    /// Whether it ends with a letter or digit: then no letter or digit may follow it, as
    /// ``RegexFragments/words(_:gluedToDigits:gluedAfter:)`` says.
    let endsWord: Bool
  }

  /// The bytes of the plain function words, one after the other.
  private let letters: [UInt8]
  /// The plain function words, grouped by first byte.
  private let plainWords: [PlainWord]
  /// For each first byte, the range of ``plainWords`` that open with it.
  private let plainWordsByLead: [Range<Int>]
  /// Function words with spacing or an apostrophe (« Aujourd'hui »), as pieces; only those that open with a
  /// letter can stand where a name does.
  private let otherWords: [(pieces: [Piece], endsWord: Bool)]
  /// Whether some function word opens with each byte.
  private let opensWord: [Bool]

  /// Words that a name never starts with, nor holds after a space ("The", « Le »), as written (case counts).
  package init(functionWords: some Sequence<String>) {
    var plain: [(bytes: [UInt8], endsWord: Bool)] = []
    var others: [(pieces: [Piece], endsWord: Bool)] = []
    for word in Set(functionWords) where !word.isEmpty {
      var pieces: [Piece] = []
      var literal: [UInt8] = []
      func flush() {
        if !literal.isEmpty { pieces.append(.bytes(literal)) }
        literal = []
      }
      // As ``RegexFragments/escape(_:)`` reads a word: a scalar at a time below U+0300, else a Character at
      // a time (an apostrophe or a space with a combining mark is then a literal).
      if word.unicodeScalars.allSatisfy({ $0.value < 0x300 }) {
        for scalar in word.unicodeScalars {
          switch scalar {
          case " ": flush(); pieces.append(.spacing)
          case "'": flush(); pieces.append(.apostrophe)
          default: literal += UTF8.encode(scalar)!
          }
        }
      } else {
        for character in word {
          switch character {
          case " ": flush(); pieces.append(.spacing)
          case "'", "\u{2019}": flush(); pieces.append(.apostrophe)
          default: literal += Array(character.utf8)
          }
        }
      }
      flush()
      guard case .bytes(let lead) = pieces.first, let last = word.last else { continue }
      let endsWord = last.isLetter || last.isNumber
      if pieces.count == 1 { plain.append((lead, endsWord)) } else { others.append((pieces, endsWord)) }
    }
    plain.sort { $0.bytes[0] < $1.bytes[0] }
    var letters: [UInt8] = []
    var byLead = [Range<Int>](repeating: 0..<0, count: 256)
    var opens = [Bool](repeating: false, count: 256)
    plainWords = plain.enumerated().map { index, word in
      let lead = Int(word.bytes[0])
      byLead[lead] = byLead[lead].isEmpty ? index..<(index + 1) : byLead[lead].lowerBound..<(index + 1)
      opens[lead] = true
      defer { letters += word.bytes }
      return PlainWord(start: letters.count, count: word.bytes.count, endsWord: word.endsWord)
    }
    for word in others { if case .bytes(let lead) = word.pieces[0] { opens[Int(lead[0])] = true } }
    self.letters = letters
    self.plainWordsByLead = byLead
    self.otherWords = others
    self.opensWord = opens
  }

  /// The PCRE2 pattern the reader stands for; tests hold the reader to it.
  package static func pattern(functionWords: some Collection<String>) -> String {
    let notFunction = functionWords.isEmpty ? "" : "(?!\(RegexFragments.words(functionWords)))"
    let nameWord = "\\p{Lu}[\\p{L}\\p{N}&\\-]*(?:['\\x{2019}]\\p{Lu}[\\p{L}]*)?"
    return "\(RegexFragments.capitalAhead)\(RegexFragments.wordStart)\(notFunction)\(nameWord)"
      + "(?:[ \\x{A0}](?=\\p{Lu})\(notFunction)\(nameWord)){0,3}"
  }

  /// Calls `body` with each name in `range` of `bytes` (valid UTF-8), in text order, as a scan of
  /// ``pattern(functionWords:)`` over `bytes[..<range.upperBound]` from `range.lowerBound` would find them;
  /// `body` returns `false` to stop.
  package func forEachName(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Range<Int>) -> Bool) {
    let end = range.upperBound
    var i = range.lowerBound
    while i < end {
      let byte = bytes[i]
      // Lower-case ASCII, digits, spacing and punctuation: most bytes, and no capital.
      if byte < 0x80 && (byte < UInt8(ascii: "A") || byte > UInt8(ascii: "Z")) || byte & 0xC0 == 0x80 {
        i += 1
        continue
      }
      // A letter beyond ASCII: only a capital may open a name (« É », not « é »).
      if byte >= 0x80 && !UTF8Letters.isUpper(UTF8Letters.scalar(at: i, in: bytes, end: end).value) {
        i += 1
        continue
      }
      if let name = name(at: i, in: bytes, end: end) {
        if !body(i..<name) { return }
        i = name
      } else {
        i += 1
      }
    }
  }

  /// The first name in `range`, if any.
  package func firstName(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Range<Int>? {
    var first: Range<Int>?
    forEachName(in: bytes, range: range) { first = $0; return false }
    return first
  }

  /// The end of the name that starts at `start`, if one does.
  private func name(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
    let (value, width) = UTF8Letters.scalar(at: start, in: bytes, end: end)
    guard UTF8Letters.isUpper(value), !UTF8Letters.isLetterOrNumber(UTF8Letters.scalar(before: start, in: bytes)),
      !isFunctionWord(at: start, in: bytes, end: end)
    else { return nil }
    var wordEnd = nameWordEnd(afterCapital: start + width, in: bytes, end: end)
    for _ in 0..<3 {
      var next = wordEnd
      if next < end && bytes[next] == 0x20 {
        next += 1
      } else if next + 1 < end && bytes[next] == 0xC2 && bytes[next + 1] == 0xA0 {
        next += 2
      } else {
        break
      }
      guard next < end else { break }
      let (value, width) = UTF8Letters.scalar(at: next, in: bytes, end: end)
      guard UTF8Letters.isUpper(value), !isFunctionWord(at: next, in: bytes, end: end) else { break }
      wordEnd = nameWordEnd(afterCapital: next + width, in: bytes, end: end)
    }
    return wordEnd
  }

  /// The end of a name word whose capital ends at `index`: letters, digits, `&` and `-`, then perhaps an
  /// apostrophe, a capital and letters.
  private func nameWordEnd(afterCapital index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
    var k = index
    while k < end {
      let byte = bytes[k]
      if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "-") {
        k += 1
        continue
      }
      if byte < 0x80 {
        guard UTF8Letters.isASCIILetterOrDigit(byte) else { break }
        k += 1
        continue
      }
      let (value, width) = UTF8Letters.scalar(at: k, in: bytes, end: end)
      guard UTF8Letters.isLetterOrNumber(value) else { break }
      k += width
    }
    guard k < end else { return k }
    let (mark, markWidth) = UTF8Letters.scalar(at: k, in: bytes, end: end)
    guard mark == 0x27 || mark == 0x2019, k + markWidth < end else { return k }
    let (capital, capitalWidth) = UTF8Letters.scalar(at: k + markWidth, in: bytes, end: end)
    guard UTF8Letters.isUpper(capital) else { return k }
    var tail = k + markWidth + capitalWidth
    while tail < end {
      let (value, width) = UTF8Letters.scalar(at: tail, in: bytes, end: end)
      guard UTF8Letters.isLetter(value) else { break }
      tail += width
    }
    return tail
  }

  /// Whether a function word stands at `start`, as a whole word.
  private func isFunctionWord(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    let lead = Int(bytes[start])
    guard opensWord[lead] else { return false }
    for index in plainWordsByLead[lead] {
      let word = plainWords[index]
      guard start + word.count <= end else { continue }
      var k = 1
      while k < word.count && bytes[start + k] == letters[word.start + k] { k += 1 }
      if k == word.count && endsHere(start + k, word.endsWord, in: bytes, end: end) { return true }
    }
    return !otherWords.isEmpty
      && otherWords.contains { matches($0.pieces[...], at: start, endsWord: $0.endsWord, in: bytes, end: end) }
  }

  /// Whether `pieces` match at `index`, and the word ends there as a whole word. A run of spacing takes
  /// as much as it can, and gives back what the rest needs, as PCRE2's `[…]+` does (« En  Fait », written
  /// with two spaces, asks for two spacing characters).
  private func matches(_ pieces: ArraySlice<Piece>, at index: Int, endsWord: Bool, in bytes: UnsafeBufferPointer<UInt8>,
                       end: Int) -> Bool {
    var k = index
    for (offset, piece) in zip(pieces.indices, pieces) {
      switch piece {
      case .bytes(let literal):
        guard k + literal.count <= end else { return false }
        for (j, byte) in literal.enumerated() where bytes[k + j] != byte { return false }
        k += literal.count
      case .spacing:
        var ends: [Int] = []
        while k < end, let width = Self.spacingWidth(at: k, in: bytes, end: end) {
          k += width
          ends.append(k)
        }
        return ends.reversed().contains { matches(pieces[(offset + 1)...], at: $0, endsWord: endsWord, in: bytes, end: end) }
      case .apostrophe:
        guard k < end else { return false }
        let (value, width) = UTF8Letters.scalar(at: k, in: bytes, end: end)
        guard value == 0x27 || value == 0x2019 || value == 0x2BC else { return false }
        k += width
      }
    }
    return endsHere(k, endsWord, in: bytes, end: end)
  }

  /// Whether a word that ends at `index` ends there as a whole word: `endsWord` (it ends with a letter or
  /// digit) asks that no letter or digit follow.
  @inline(__always)
  private func endsHere(_ index: Int, _ endsWord: Bool, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    guard endsWord, index < end else { return true }
    return !UTF8Letters.isLetterOrNumber(UTF8Letters.scalar(at: index, in: bytes, end: end).value)
  }

  /// The width of the spacing character at `index` (``RegexFragments/space``'s members), or `nil`.
  private static func spacingWidth(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
    switch UTF8Letters.scalar(at: index, in: bytes, end: end).value {
    case 0x20, 0x09, 0x0D, 0x0A: return 1
    case 0xA0: return 2
    case 0x202F, 0x2009: return 3
    default: return nil
    }
  }
}
