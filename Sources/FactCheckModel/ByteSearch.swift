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
}
