import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Whether a capitalised word also occurs in lower case, as a whole word, in an article ("rival" for
/// "Rival Sparvik Bank"): a word that does is a common word opening a sentence, not a name.
///
/// The article's words are collected once, on the first question, so that asking about every name of a
/// long article is linear in its length rather than a scan of the whole text per name. ASCII words are kept
/// as byte ranges of the text in a hash table: a `Set<String>` of them made a `String` of every word and
/// cost some 360,000 instructions an article (on the bench's 16 MB corpus, 273 M for the 749 articles that
/// asked). Words with other characters are compared as `String`s, under canonical equivalence (« été »
/// written with a combining accent is the same word), in a set made only when such a word is asked about.
package final class LowerCaseWords {
  /// A word of the text: where it starts and how many bytes it has (0: an empty slot), and its hash.
  private struct Slot {
    var hash: UInt64 = 0
    var start = 0
    var count = 0
  }

  private let article: Article
  /// An open-addressing table of the body's distinct ASCII lower-case words, a power of two long and at
  /// most half full.
  private var slots: [Slot]?
  /// The body's lower-case words with a non-ASCII character.
  private var nonASCIIWords: Set<String>?

  package init(article: Article) { self.article = article }

  /// Whether `word`, lower-cased, is a word of the article (three letters or more; a word already in
  /// lower case does not count).
  package func contains(_ word: String) -> Bool {
    let lower = word.lowercased()
    guard lower != word, lower.count >= 3 else { return false }
    let needle = Array(lower.utf8)
    guard needle.allSatisfy(LowerCaseWords.isLetter) else { return scan(for: needle) }
    guard needle.allSatisfy({ $0 < 0x80 }) else {
      if nonASCIIWords == nil { nonASCIIWords = collectNonASCIIWords() }
      return nonASCIIWords!.contains(lower)
    }
    if slots == nil { collectASCIIWords() }
    return article.subject.bytes.withUnsafeBufferPointer { bytes in
      needle.withUnsafeBufferPointer { needle in
        slots!.withUnsafeBufferPointer { slots in LowerCaseWords.find(needle, hash: LowerCaseWords.hash(needle), in: slots, of: bytes).found }
      }
    }
  }

  private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }

  /// FNV-1a of `bytes`: ``hashStart`` with each byte ``mixing(_:into:)`` in turn.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    bytes.reduce(hashStart) { mixing($1, into: $0) }
  }

  /// FNV-1a's offset basis.
  private static let hashStart: UInt64 = 0xCBF2_9CE4_8422_2325

  /// FNV-1a's step: `hash` with `byte` mixed in.
  @inline(__always) private static func mixing(_ byte: UInt8, into hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }

  /// The slot that holds `word` (whose hash is `hash`), else the empty slot where it would go (the table
  /// always has one).
  private static func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, in slots: UnsafeBufferPointer<Slot>,
                           of text: UnsafeBufferPointer<UInt8>) -> (index: Int, found: Bool) {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while true {
      let slot = slots[index]
      if slot.count == 0 { return (index, false) }
      if slot.hash == hash, slot.count == word.count,
        UnsafeBufferPointer(rebasing: text[slot.start..<(slot.start + slot.count)]).elementsEqual(word)
      {
        return (index, true)
      }
      index = (index + 1) & mask
    }
  }

  /// A word with a hyphen or an apostrophe ("jean-marc"), searched for in the text itself.
  private func scan(for needle: [UInt8]) -> Bool {
    let bytes = article.subject.bytes
    var i = article.bodyRange.lowerBound
    let end = article.bodyRange.upperBound - needle.count
    while i <= end {
      if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle)
        && (i == 0 || !LowerCaseWords.isLetter(bytes[i - 1]))
        && (i + needle.count >= bytes.count || !LowerCaseWords.isLetter(bytes[i + needle.count]))
      {
        return true
      }
      i += 1
    }
    return false
  }

  /// Calls `body` with every run of letters in the body that has no ASCII capital (only those can equal a
  /// lower-cased word) and three bytes or more (a word asked about has three letters or more), whether it is all
  /// ASCII, and its hash; bytes from 0x80 up (any non-ASCII scalar) count as letters, as ASCII letters do.
  private func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ isASCII: Bool, _ hash: UInt64) -> Void) {
    var i = article.bodyRange.lowerBound
    let end = article.bodyRange.upperBound
    while i < end {
      guard LowerCaseWords.isLetter(bytes[i]) else {
        i += 1
        continue
      }
      let start = i
      var hasUpper = false
      var isASCII = true
      var hash = LowerCaseWords.hashStart
      while i < end && LowerCaseWords.isLetter(bytes[i]) {
        let byte = bytes[i]
        if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        if byte >= 0x80 { isASCII = false }
        hash = LowerCaseWords.mixing(byte, into: hash)
        i += 1
      }
      if !hasUpper && i - start >= 3 { body(start..<i, isASCII, hash) }
    }
  }

  /// Fills ``slots`` with the body's distinct ASCII words, doubling the table when it is half full: it is
  /// sized by the article's vocabulary, not its length.
  private func collectASCIIWords() {
    var slots = [Slot](repeating: Slot(), count: 64)
    var used = 0
    article.subject.bytes.withUnsafeBufferPointer { bytes in
      forEachWord(in: bytes) { range, isASCII, hash in
        guard isASCII else { return }
        let found = slots.withUnsafeBufferPointer {
          LowerCaseWords.find(UnsafeBufferPointer(rebasing: bytes[range]), hash: hash, in: $0, of: bytes)
        }
        guard !found.found else { return }
        slots[found.index] = Slot(hash: hash, start: range.lowerBound, count: range.count)
        used += 1
        guard 2 * used > slots.count else { return }
        let old = slots
        slots = [Slot](repeating: Slot(), count: 2 * old.count)
        let mask = slots.count - 1
        for slot in old where slot.count > 0 {
          var index = Int(truncatingIfNeeded: slot.hash) & mask
          while slots[index].count != 0 { index = (index + 1) & mask }
          slots[index] = slot
        }
      }
    }
    self.slots = slots
  }

  /// The body's words with a non-ASCII character.
  private func collectNonASCIIWords() -> Set<String> {
    var words = Set<String>()
    article.subject.bytes.withUnsafeBufferPointer { bytes in
      forEachWord(in: bytes) { range, isASCII, _ in
        if !isASCII { words.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) }
      }
    }
    return words
  }
}
