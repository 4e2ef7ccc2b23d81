import FactCheckExtraction
import FactCheckModel

extension LexiconTables {
  /// Whether a clause whose first bytes are `opening` starts with one of ``continuingClauseOpenings``
  /// ("in which", « lors de laquelle »): whether its ``TextNormalisation/key(_:)`` has one as a prefix.
  ///
  /// Most clauses are answered from their bytes. The key starts with the clause's first ASCII letter,
  /// lower-cased, when only spacing comes before it, so a letter no opening starts with rules them all out
  /// (``continuingClauseFirstLetters``), accented clauses included. An ASCII clause is compared as the bytes
  /// of its key. Only the rest make the key as a String.
  package func opensContinuingClause(_ opening: ArraySlice<UInt8>) -> Bool {
    guard !continuingClauseOpenings.isEmpty else { return false }
    if let firstLetters = continuingClauseFirstLetters {
      var i = opening.startIndex
      while i < opening.endIndex && (opening[i] == 0x20 || (opening[i] >= 0x09 && opening[i] <= 0x0D)) { i += 1 }
      if i < opening.endIndex {
        if TextBytes.isASCIILetter(opening[i]) && !firstLetters[Int(opening[i] | 0x20)] { return false }
      }
    }
    if let key = TextNormalisation.asciiKey(opening) {
      return continuingClauseOpeningBytes.contains { key.starts(with: $0) }
    }
    let key = TextNormalisation.key(String(decoding: opening, as: UTF8.self))
    return continuingClauseOpenings.contains { key.hasPrefix($0) }
  }
}
