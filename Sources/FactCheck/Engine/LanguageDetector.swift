/// Guesses an article's language from the function words of each lexicon.
struct LanguageDetector: Sendable {
  let words: [String: Set<String>]

  init(lexicons: [String: Lexicon]) {
    words = lexicons.mapValues { Set($0.functionWords.map { $0.lowercased() }) }
  }

  /// Function words of each language in `bytes[range]`, counted word by word (letters only, lower-cased).
  func counts(in bytes: [UInt8], range: Range<Int>) -> [String: Int] {
    var counts: [String: Int] = [:]
    let sample = String(decoding: bytes[range], as: UTF8.self).lowercased()
    for token in sample.split(whereSeparator: { !$0.isLetter }) {
      let word = String(token)
      for (language, set) in words where set.contains(word) { counts[language, default: 0] += 1 }
    }
    return counts
  }

  /// The language whose function words are most frequent in the first 20 KB of the body.
  func detect(_ text: String, range: Range<Int>) -> String? {
    guard !words.isEmpty else { return nil }
    let bytes = Array(text.utf8)
    let end = min(range.upperBound, range.lowerBound + 20_000)
    let sample = String(decoding: bytes[range.lowerBound..<max(range.lowerBound, end)], as: UTF8.self).lowercased()
    var counts: [String: Int] = [:]
    for token in sample.split(whereSeparator: { !$0.isLetter }) {
      let word = String(token)
      for (language, set) in words where set.contains(word) { counts[language, default: 0] += 1 }
    }
    guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), best.value >= 3 else {
      return nil
    }
    return best.key
  }
}
