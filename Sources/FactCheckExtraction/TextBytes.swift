import FactCheckModel
import FactCheckRules

/// Small tests on UTF-8 bytes that several readers of an article share (full stops, names), so that each
/// says the same thing by "spacing" and "a word".
package enum TextBytes {
  /// The offset past the spaces and whole no-break spaces (C2 A0) that start at `index`.
  package static func skippingSpaces<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from index: Int) -> Int
  where Bytes.Index == Int {
    var k = index
    while k < bytes.endIndex {
      if bytes[k] == 0x20 {
        k += 1
      } else if bytes[k] == 0xC2, k + 1 < bytes.endIndex, bytes[k + 1] == 0xA0 {
        k += 2
      } else {
        break
      }
    }
    return k
  }

  /// Whether `byte` is an ASCII letter.
  package static func isASCIILetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }

  /// Whether `byte` may be part of a word: an ASCII letter or any byte of a multi-byte character (accented
  /// letters; punctuation beyond ASCII is rare enough inside the words these tests read).
  package static func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || isASCIILetter(byte) }
}
