extension StringProtocol {
  /// Whether the text holds a space or a no-break space, tested on its UTF-8 bytes.
  ///
  /// Names are split into words at these two; most names are one word, and asking by `Character` (or
  /// through Foundation's `contains(_:)` with a string) cost thousands of instructions a name on the path
  /// every proper name of every article takes. A space is its own `Character` wherever a name has one (a
  /// name word starts with a letter), so the answer is the same.
  package var hasWordSpace: Bool {
    var previous: UInt8 = 0
    for byte in utf8 {
      if byte == 0x20 || (byte == 0xA0 && previous == 0xC2) { return true }
      previous = byte
    }
    return false
  }
}
