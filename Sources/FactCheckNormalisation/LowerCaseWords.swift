import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Whether a capitalised word also occurs in lower case, as a whole word, in an article ("rival" for
/// "Rival Sparvik Bank"): a word that does is a common word opening a sentence, not a name.
///
/// The article's words are collected once, on the first question, so that asking about every name of a
/// long article is linear in its length rather than a scan of the whole text per name. They are kept as
/// byte ranges of the text in a hash table: a `Set<String>` of them made a `String` of every word and cost
/// some 370,000 instructions an article (on the bench's 16 MB corpus, 271 M for 749 articles).
package final class LowerCaseWords {
  /// A word of the text: where it starts and how many bytes it has (0: an empty slot), and its hash.
  private struct Slot {
    var hash: UInt64 = 0
    var start = 0
    var count = 0
  }

  private let article: Article
  /// An open-addressing table of the body's distinct lower-case words; a power of two long, at most half full.
  private var slots: [Slot]?

  package init(article: Article) { self.article = article }

  /// Whether `word`, lower-cased, is a word of the article (three letters or more; a word already in
  /// lower case does not count).
  package func contains(_ word: String) -> Bool {
    let lower = word.lowercased()
    guard lower != word, lower.count >= 3 else { return false }
    let needle = Array(lower.utf8)
    guard needle.allSatisfy(LowerCaseWords.isLetter) else { return scan(for: needle) }
    if slots == nil { slots = collect() }
    return article.subject.bytes.withUnsafeBufferPointer { bytes in
      needle.withUnsafeBufferPointer { needle in
        slots!.withUnsafeBufferPointer { slots in LowerCaseWords.find(needle, in: slots, of: bytes).found }
      }
    }
  }

  private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }

  /// FNV-1a of `bytes`.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
  }

  /// The slot that holds `word`, else the empty slot where it would go (the table always has one).
  private static func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil, in slots: UnsafeBufferPointer<Slot>,
                           of text: UnsafeBufferPointer<UInt8>) -> (index: Int, found: Bool) {
    let hash = hash ?? LowerCaseWords.hash(word)
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

  /// Every run of letters in the body without an ASCII capital (only those can equal a lower-cased word);
  /// bytes from 0x80 up (any non-ASCII scalar) count as letters, as ASCII letters do.
  private func collect() -> [Slot] {
    article.subject.bytes.withUnsafeBufferPointer { bytes in
      var words: [Slot] = []
      var i = article.bodyRange.lowerBound
      let end = article.bodyRange.upperBound
      while i < end {
        guard LowerCaseWords.isLetter(bytes[i]) else {
          i += 1
          continue
        }
        let start = i
        var hasUpper = false
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        while i < end && LowerCaseWords.isLetter(bytes[i]) {
          if bytes[i] >= 0x41 && bytes[i] <= 0x5A { hasUpper = true }
          hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01B3
          i += 1
        }
        if !hasUpper { words.append(Slot(hash: hash, start: start, count: i - start)) }
      }
      var size = 16
      while size < 2 * words.count { size <<= 1 }
      var slots = [Slot](repeating: Slot(), count: size)
      slots.withUnsafeMutableBufferPointer { slots in
        for word in words {
          let (index, found) = LowerCaseWords.find(UnsafeBufferPointer(rebasing: bytes[word.start..<(word.start + word.count)]),
                                                   hash: word.hash, in: UnsafeBufferPointer(slots), of: bytes)
          if !found { slots[index] = word }
        }
      }
      return slots
    }
  }
}
