#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Literal search in byte buffers for the prefilter: `memchr` for the first byte, then `memcmp`.
package enum ByteSearch {
  /// Whether `needle` occurs in `haystack[range]`.
  package static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
    guard let base = haystack.baseAddress, !needle.isEmpty, range.count >= needle.count else { return needle.isEmpty }
    let first = Int32(needle[0])
    var position = range.lowerBound
    let lastStart = range.upperBound - needle.count
    return needle.withUnsafeBufferPointer { needleBuffer -> Bool in
      while position <= lastStart {
        guard let hit = memchr(base + position, first, lastStart - position + 1) else { return false }
        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + offset, needleBuffer.baseAddress!, needle.count) == 0 { return true }
        position = offset + 1
      }
      return false
    }
  }

  /// Whether a digit the figure fragment reads (``RegexFragments/digit``) starts at `i` (and ends before
  /// `end`): ASCII, or Arabic-Indic, Extended Arabic-Indic, Devanagari or full-width in UTF-8.
  @inline(__always)
  package static func isDigitStart(_ haystack: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
    let b = haystack[i]
    if b &- 0x30 < 10 { return true }
    // French accents lead with 0xC3 and typographic spaces and quotes with 0xE2: this branch is rare.
    guard b >= 0xD9, i + 1 < end else { return false }
    let next = haystack[i + 1]
    switch b {
    case 0xD9 where next &- 0xA0 < 10, 0xDB where next &- 0xB0 < 10: return true  // U+0660…, U+06F0…
    case 0xE0 where next == 0xA5 && i + 2 < end && haystack[i + 2] &- 0xA6 < 10: return true  // U+0966…
    case 0xEF where next == 0xBC && i + 2 < end && haystack[i + 2] &- 0x90 < 10: return true  // U+FF10…
    default: return false
    }
  }
}
