extension String {
  /// Whether the text holds a space or a no-break space, tested on its UTF-8 bytes.
  ///
  /// Names are split into words at these two; most names are one word, and asking by `Character` (or
  /// through Foundation's `contains(_:)` with a string) cost thousands of instructions a name on the path
  /// every proper name of every article takes. A space is its own `Character` wherever a name has one (a
  /// name word starts with a letter), so the answer is the same.
  package var hasWordSpace: Bool {
    var text = self
    return text.withUTF8 { bytes in
      var previous: UInt8 = 0
      for byte in bytes {
        if byte == 0x20 || (byte == 0xA0 && previous == 0xC2) { return true }
        previous = byte
      }
      return false
    }
  }

  /// The words between spaces and no-break spaces, empty ones left out: what splitting by those two
  /// `Character`s gives for a name (whose spaces are followed by letters, never by a combining mark), found on
  /// the bytes.
  package var wordsBetweenSpaces: [Substring] {
    var words: [Substring] = []
    let bytes = utf8
    var start = bytes.startIndex
    var i = start
    while i < bytes.endIndex {
      let byte = bytes[i]
      let next = bytes.index(after: i)
      let separatorEnd: String.Index?
      if byte == 0x20 {
        separatorEnd = next
      } else if byte == 0xC2, next < bytes.endIndex, bytes[next] == 0xA0 {
        separatorEnd = bytes.index(after: next)
      } else {
        separatorEnd = nil
      }
      if let separatorEnd {
        if start < i { words.append(self[start..<i]) }
        start = separatorEnd
        i = separatorEnd
      } else {
        i = next
      }
    }
    if start < bytes.endIndex { words.append(self[start..<bytes.endIndex]) }
    return words
  }
}
