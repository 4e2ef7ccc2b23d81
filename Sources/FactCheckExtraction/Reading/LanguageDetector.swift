#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import FactCheckModel
import FactCheckRules

/// Guesses an article's (or a paragraph's) language from the function words of each lexicon.
///
/// It runs on every article's first 20 KB and on every paragraph, so it works on the UTF-8 bytes: each word
/// is folded to lower case as it is read (ASCII and Latin-1 letters, what function words are written in)
/// and hashed without building a `String`; the hash finds the candidate words, compared byte for byte.
package struct LanguageDetector: Sendable {
  /// Language codes, in the order of the bits of ``languageMasks``.
  private let codes: [String]
  /// The function words, folded (lower case, UTF-8), one after another; word `k` is
  /// `words[wordStarts[k]..<wordStarts[k + 1]]`, with its hash and the languages that have it (bit `i` set:
  /// a function word of `codes[i]`).
  private let words: [UInt8]
  private let wordStarts: [Int32]
  private let wordHashes: [UInt64]
  private let languageMasks: [UInt64]
  /// An open-addressing table (linear probing, a power of two at most half full): the word numbers by hash,
  /// -1 for an empty slot. Looked up once per word of every article and paragraph, so no dictionary of
  /// arrays: a lookup is an index, a hash compare and a `memcmp`.
  private let slots: [Int32]

  /// Words longer than this are no function word of any language (and are not compared).
  private static let longestWord = 24

  package init(lexicons: [String: Lexicon]) {
    codes = Array(lexicons.keys.sorted().prefix(64))
    var masks: [[UInt8]: UInt64] = [:]
    for (index, code) in codes.enumerated() {
      for word in lexicons[code]!.functionWords {
        masks[LanguageDetector.folded(Array(word.utf8)), default: 0] |= 1 << UInt64(index)
      }
    }
    // In a fixed order (the words sorted), so that the table is the same from run to run.
    let entries = masks.filter { $0.key.count <= Self.longestWord }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    var words: [UInt8] = []
    var starts: [Int32] = [0]
    var hashes: [UInt64] = []
    var languages: [UInt64] = []
    for (word, mask) in entries {
      words += word
      starts.append(Int32(words.count))
      hashes.append(LanguageDetector.hash(word[...]))
      languages.append(mask)
    }
    var size = 16
    while size < 2 * entries.count { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    for (number, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(number)
    }
    self.words = words
    wordStarts = starts
    wordHashes = hashes
    languageMasks = languages
    self.slots = slots
  }

  /// Function words of each language in `bytes[range]`.
  package func counts(in bytes: [UInt8], range: Range<Int>) -> [String: Int] {
    var perLanguage = [Int](repeating: 0, count: codes.count)
    guard !wordHashes.isEmpty else { return [:] }
    // Every table through a buffer pointer, the tallies too: each function word found cost an exclusivity
    // check on the captured tallies (117 instructions a word in the 600-article profile).
    let languageCount = codes.count
    bytes.withUnsafeBufferPointer { buffer in
      words.withUnsafeBufferPointer { words in
        wordStarts.withUnsafeBufferPointer { starts in
          wordHashes.withUnsafeBufferPointer { hashes in
            slots.withUnsafeBufferPointer { slots in
              languageMasks.withUnsafeBufferPointer { languageMasks in
                perLanguage.withUnsafeMutableBufferPointer { perLanguage in
                  withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestWord) { word in
                    // The word read so far: its folded bytes (the first `longestWord`), length and FNV-1a hash.
                    var length = 0
                    var hash = Self.fnvOffset
                    let mask = slots.count - 1
                    @inline(__always) func append(_ byte: UInt8) {
                      if length < Self.longestWord { word[length] = byte }
                      length += 1
                      hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
                    }
                    @inline(__always) func flush() {
                      guard length > 0 else { return }
                      defer {
                        length = 0
                        hash = Self.fnvOffset
                      }
                      guard length <= Self.longestWord else { return }
                      var slot = Int(truncatingIfNeeded: hash) & mask
                      while slots[slot] >= 0 {
                        let number = Int(slots[slot])
                        let start = Int(starts[number])
                        if hashes[number] == hash, Int(starts[number + 1]) - start == length,
                          memcmp(word.baseAddress!, words.baseAddress! + start, length) == 0
                        {
                          let languages = languageMasks[number]
                          for index in 0..<languageCount where languages & (1 << UInt64(index)) != 0 { perLanguage[index] += 1 }
                          return
                        }
                        slot = (slot + 1) & mask
                      }
                    }
                    var i = range.lowerBound
                    while i < range.upperBound {
                      let byte = buffer[i]
                      if byte < 0x80 {
                        switch byte {
                        case 0x41...0x5A: append(byte | 0x20)
                        case 0x61...0x7A: append(byte)
                        default: flush()
                        }
                        i += 1
                        continue
                      }
                      // A multi-byte character: a letter unless it is punctuation or spacing (U+0080–U+00BF,
                      // U+2000–U+206F: no-break space, « », ’ …), which ends the word as ASCII punctuation does.
                      let characterLength = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                      let end = min(range.upperBound, i + characterLength)
                      if (byte == 0xC2) || (byte == 0xE2 && i + 1 < end && buffer[i + 1] == 0x80)
                        || (byte == 0xE2 && i + 1 < end && buffer[i + 1] == 0x81)
                      {
                        flush()
                      } else if byte == 0xC3, i + 1 < end, (0x80...0x9E).contains(buffer[i + 1]), buffer[i + 1] != 0x97 {
                        // Latin-1 capitals (À … Þ, not ×) fold to their small letters.
                        append(byte)
                        append(buffer[i + 1] | 0x20)
                      } else {
                        for k in i..<end { append(buffer[k]) }
                      }
                      i = end
                    }
                    flush()
                  }
                }
              }
            }
          }
        }
      }
    }
    var counts: [String: Int] = [:]
    for (index, count) in perLanguage.enumerated() where count > 0 { counts[codes[index]] = count }
    return counts
  }

  /// The language whose function words are most frequent in the first 20 KB of the body, if at least three.
  package func detect(_ text: String, range: Range<Int>) -> String? {
    guard !wordHashes.isEmpty else { return nil }
    let bytes = Array(text.utf8)
    var end = min(range.upperBound, range.lowerBound + 20_000)
    while end < range.upperBound && bytes[end] & 0xC0 == 0x80 { end += 1 }
    let counts = counts(in: bytes, range: range.lowerBound..<max(range.lowerBound, end))
    guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), best.value >= 3 else {
      return nil
    }
    return best.key
  }

  /// A word as the scan folds it: ASCII and Latin-1 capitals in small letters.
  package static func folded(_ word: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var i = 0
    while i < word.count {
      let byte = word[i]
      if (0x41...0x5A).contains(byte) {
        result.append(byte | 0x20)
      } else if byte == 0xC3, i + 1 < word.count, (0x80...0x9E).contains(word[i + 1]), word[i + 1] != 0x97 {
        result.append(byte)
        result.append(word[i + 1] | 0x20)
        i += 1
      } else {
        result.append(byte)
      }
      i += 1
    }
    return result
  }

  /// FNV-1a, 64 bits.
  package static func hash(_ word: ArraySlice<UInt8>) -> UInt64 {
    var hash = fnvOffset
    for byte in word { hash = (hash ^ UInt64(byte)) &* fnvPrime }
    return hash
  }

  private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let fnvPrime: UInt64 = 0x100_0000_01b3

  /// Paragraphs (lines) of the body whose function words are clearly another language's than the
  /// article's, one of `languages` (those the rules read): at least three, and twice as many as the article
  /// language's.
  package func foreignParagraphs(of article: Article, readIn languages: Set<String>) -> [String: [Range<Int>]] {
    var result: [String: [Range<Int>]] = [:]
    let bytes = article.subject.bytes
    var start = article.bodyRange.lowerBound
    while start < article.bodyRange.upperBound {
      var end = start
      while end < article.bodyRange.upperBound && bytes[end] != 0x0A { end += 1 }
      if end - start > 40 {
        let counts = counts(in: bytes, range: start..<end)
        let own = counts[article.language] ?? 0
        if let (language, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
          language != article.language, count >= 3, count >= 2 * own + 1, languages.contains(language)
        {
          result[language, default: []].append(start..<end)
        }
      }
      start = end + 1
    }
    return result
  }
}
