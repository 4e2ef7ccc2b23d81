/// SplitMix64: a tiny, fast, deterministic generator. The corpus must be the same on every machine and
/// every run, so the benchmark never uses `SystemRandomNumberGenerator`.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `0..<bound` (bound > 0); the tiny modulo bias does not matter here.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A value in `[0, 1)`.
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// `true` with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }
}

/// Stable hashing (FNV-1a, then SplitMix-finalised) of values that decide a generated text: Swift's `Hasher`
/// is seeded per process, so it cannot be used for a corpus that must be identical on every run.
enum StableHash {
  static func of(_ parts: [UInt64]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for part in parts {
      for shift in stride(from: 0, to: 64, by: 8) {
        hash ^= (part >> UInt64(shift)) & 0xFF
        hash &*= 0x0000_0100_0000_01B3
      }
    }
    var mixer = SplitMix64(seed: hash)
    return mixer.next()
  }

  static func of<C: Collection>(bytes: C, _ extra: [UInt64] = []) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return of([hash] + extra)
  }
}
