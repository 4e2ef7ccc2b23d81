import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Whether a capitalised word also occurs in lower case, as a whole word, in an article ("rival" for
/// "Rival Sparvik Bank"): a word that does is a common word opening a sentence, not a name.
///
/// The article's words are collected once, on the first question, so that asking about every name of a
/// long article is linear in its length rather than a scan of the whole text per name. A word with a hyphen
/// or an apostrophe is looked for in the text only when its first and last runs of letters are words of it
/// (on the bench's 16 MB corpus, its scans of the text had cost 220 M instructions).
package final class LowerCaseWords {
  private let article: Article
  private var words: Set<String>?

  package init(article: Article) { self.article = article }

  /// Whether `word`, lower-cased, is a word of the article (three letters or more; a word already in
  /// lower case does not count).
  package func contains(_ word: String) -> Bool {
    let lower = word.lowercased()
    guard lower != word, lower.count >= 3 else { return false }
    let needle = Array(lower.utf8)
    if words == nil { words = collect() }
    guard let firstBreak = needle.firstIndex(where: { !LowerCaseWords.isLetter($0) }) else { return words!.contains(lower) }
    // Where the text has "jean-marc" as a word, it has "jean" and "marc" as words of their own (runs of
    // letters with no letter around them): most names are passed without reading the text again.
    let lastBreak = needle.lastIndex(where: { !LowerCaseWords.isLetter($0) })!
    for run in [needle[..<firstBreak], needle[(lastBreak + 1)...]] where !run.isEmpty {
      if !words!.contains(String(decoding: run, as: UTF8.self)) { return false }
    }
    return scan(for: needle)
  }

  private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }

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

  /// Every run of letters in the body; bytes from 0x80 up (any non-ASCII scalar) count as letters, as
  /// ASCII letters do.
  private func collect() -> Set<String> {
    var words = Set<String>()
    let bytes = article.subject.bytes
    let isLetter = LowerCaseWords.isLetter
    var i = article.bodyRange.lowerBound
    let end = article.bodyRange.upperBound
    while i < end {
      guard isLetter(bytes[i]) else {
        i += 1
        continue
      }
      let start = i
      var hasUpper = false
      while i < end && isLetter(bytes[i]) {
        if bytes[i] >= 0x41 && bytes[i] <= 0x5A { hasUpper = true }
        i += 1
      }
      // Only words without an ASCII capital can equal a lower-cased word.
      if !hasUpper { words.insert(String(decoding: bytes[start..<i], as: UTF8.self)) }
    }
    return words
  }
}
