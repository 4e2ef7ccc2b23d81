import Synchronization

/// One copy of the strings many records repeat — an outlet's name, an author, an entity — for records a run
/// keeps to its end (a document's report): a `String` longer than 15 bytes is stored apart, once per copy
/// made from different bytes, and shared when copied from one string.
package enum RepeatedStrings {
  /// `text`, or the equal string already seen, so that their storage is shared. The table is bounded (a
  /// long-running server sees ever more names): past it, and for long texts, `text` itself.
  package static func shared(_ text: String) -> String {
    // Up to 15 bytes a string is stored inline: there is nothing to share.
    let length = text.utf8.count
    guard length > 15 && length <= maxLength else { return text }
    return table.withLock { table in
      if let seen = table.firstIndex(of: text) { return table[seen] }
      if table.count < limit { table.insert(text) }
      return text
    }
  }

  /// Strings kept at most.
  static let limit = 65_536
  /// Longer strings (a title, a URL) are seldom repeated.
  static let maxLength = 128

  private static let table = Mutex<Set<String>>([])
}
