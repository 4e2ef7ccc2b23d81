// What the pattern cache keeps beside a pattern's code (``PatternInfo``), and what the rule compiler derives
// from the rule files and keeps there (prefilters, placeholder catalogs, expanded patterns, YAML trees), is
// written with these two: numbers as little-endian u32, byte runs and strings as their length and then their
// bytes. A reader that meets anything else gives `nil`, and the caller derives the value again, as if the
// entry were not there.

/// Writes a cache entry's numbers and byte runs.
package struct CacheEntryWriter {
  package private(set) var bytes: [UInt8] = []

  package init() {}

  package mutating func append(_ value: Int) {
    withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes += $0 }
  }

  package mutating func append(_ value: Bool) { append(value ? 1 : 0) }

  package mutating func append(_ run: [UInt8]) {
    append(run.count)
    bytes += run
  }

  package mutating func append(_ text: String) {
    append(text.utf8.count)
    bytes += text.utf8
  }

  package mutating func append(_ range: Range<Int>) {
    append(range.lowerBound)
    append(range.upperBound)
  }
}

/// Reads back what a ``CacheEntryWriter`` wrote, in place, `nil` at the first thing that does not fit.
package struct CacheEntryReader {
  private let bytes: UnsafeRawBufferPointer
  private var offset = 0

  package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// Whether every byte was read: an entry with bytes left over is refused too.
  package var isAtEnd: Bool { offset == bytes.count }

  package mutating func int() -> Int? {
    guard bytes.count - offset >= 4 else { return nil }
    defer { offset += 4 }
    return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
  }

  package mutating func bool() -> Bool? {
    switch int() {
    case 0: return false
    case 1: return true
    default: return nil
    }
  }

  /// A count of items still to read, each taking at least `minimumSize` bytes: `nil` when the entry is too
  /// short to hold them, so that a damaged count never reserves or loops for more than the entry holds.
  package mutating func count(ofItemsAtLeast minimumSize: Int = 1) -> Int? {
    guard let count = int(), count <= (bytes.count - offset) / max(minimumSize, 1) else { return nil }
    return count
  }

  /// A run of bytes, valid as long as the buffer read is.
  package mutating func run() -> UnsafeRawBufferPointer? {
    guard let length = int(), length <= bytes.count - offset else { return nil }
    defer { offset += length }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
  }

  package mutating func string() -> String? { run().map { String(decoding: $0, as: UTF8.self) } }

  package mutating func range() -> Range<Int>? {
    guard let lower = int(), let upper = int(), lower <= upper else { return nil }
    return lower..<upper
  }
}
