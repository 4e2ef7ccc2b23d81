/// A set of byte values.
package struct ByteSet: Sendable, Hashable, BitwiseCopyable {
  private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  package init() {}

  package init(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { insert(byte) }
  }

  /// `a`…`z`.
  static let asciiLowerCase = ByteSet(0x61...0x7A)
  /// Every byte that starts a UTF-8 sequence of two bytes or more.
  static let leadBytes = ByteSet(0xC2...0xF4)

  package var isEmpty: Bool { words == (0, 0, 0, 0) }

  /// The ASCII members as two masks: bit `b` of `low` for byte `b` below 64, bit `b - 64` of `high` for the rest.
  package var asciiMasks: (low: UInt64, high: UInt64) { (words.0, words.1) }

  package func contains(_ byte: UInt8) -> Bool {
    let bit = UInt64(1) << UInt64(byte & 63)
    switch byte >> 6 {
    case 0: return words.0 & bit != 0
    case 1: return words.1 & bit != 0
    case 2: return words.2 & bit != 0
    default: return words.3 & bit != 0
    }
  }

  package mutating func insert(_ byte: UInt8) {
    let bit = UInt64(1) << UInt64(byte & 63)
    switch byte >> 6 {
    case 0: words.0 |= bit
    case 1: words.1 |= bit
    case 2: words.2 |= bit
    default: words.3 |= bit
    }
  }

  package mutating func formUnion(_ other: ByteSet) {
    words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
  }

  package func intersection(_ other: ByteSet) -> ByteSet {
    var result = ByteSet()
    result.words = (words.0 & other.words.0, words.1 & other.words.1, words.2 & other.words.2, words.3 & other.words.3)
    return result
  }

  func containsAny(of other: ByteSet) -> Bool { !intersection(other).isEmpty }

  /// The members, in order.
  package var members: [UInt8] {
    var found: [UInt8] = []
    for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
      var rest = word
      while rest != 0 {
        found.append(UInt8(index * 64 + rest.trailingZeroBitCount))
        rest &= rest - 1
      }
    }
    return found
  }

  package static func == (lhs: ByteSet, rhs: ByteSet) -> Bool { lhs.words == rhs.words }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
  }

  func union(_ other: ByteSet) -> ByteSet {
    var result = self
    result.formUnion(other)
    return result
  }
}
