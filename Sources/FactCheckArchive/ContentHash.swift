/// A 128-bit FNV-1a digest, hex-encoded: what tells an article (or a rule set) changed since it was archived.
///
/// Not a cryptographic hash: it detects edits, not tampering, and costs one pass over the bytes.
struct ContentHash {
  private var high: UInt64 = 0xcbf2_9ce4_8422_2325
  private var low: UInt64 = 0x8422_2325_cbf2_9ce4
  private var length: UInt64 = 0

  init() {}

  /// Adds bytes.
  mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
    for byte in bytes {
      high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 ^ (low >> 29)
      length &+= 1
    }
  }

  /// Adds a string's UTF-8 bytes, then a separator, so that ("ab", "c") and ("a", "bc") differ.
  mutating func update(field: String) {
    update(field.utf8)
    update(CollectionOfOne(0x1F))
  }

  /// The digest, 32 hexadecimal digits and the length.
  var digest: String {
    func hex(_ value: UInt64) -> String {
      let digits = String(value, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
    return hex(high) + hex(low) + "-" + String(length)
  }

  /// The digest of a string's UTF-8 bytes.
  static func of(_ text: String) -> String {
    var hash = ContentHash()
    hash.update(text.utf8)
    return hash.digest
  }
}
