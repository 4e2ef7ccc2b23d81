/// A fast 64-bit digest of bytes: the checksum of a pattern cache file's payload, and the hash of a
/// pattern's source in the cache's index.
///
/// Not cryptographic: it guards against a truncated or damaged file and spreads keys in a dictionary, not
/// against someone forging a cache file (whoever can write `~/.cache` can replace the program too). It
/// reads eight bytes a step, so checking a cache file of a few megabytes costs a few million instructions,
/// not the tens of millions of a byte-at-a-time hash such as FNV-1a.
package struct ByteDigest: Sendable {
  private var state: UInt64

  package init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) { state = seed }

  /// Mixes `bytes` in, eight at a time, the tail byte by byte; their count too, so that a prefix differs.
  package mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    var offset = 0
    let count = bytes.count
    while offset + 8 <= count {
      mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < count {
      tail |= UInt64(bytes[offset]) << shift
      shift += 8
      offset += 1
    }
    mix(tail)
    mix(UInt64(count))
  }

  /// Mixes in a string's UTF-8 bytes.
  package mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
  }

  /// Mixes in one number.
  package mutating func combine(_ value: UInt64) { mix(value) }

  /// The digest so far, its bits avalanched (SplitMix64's finaliser).
  package var value: UInt64 {
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The digest of one buffer.
  package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var digest = ByteDigest()
    digest.combine(bytes)
    return digest.value
  }

  private mutating func mix(_ word: UInt64) {
    state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
    state ^= state >> 32
  }
}
