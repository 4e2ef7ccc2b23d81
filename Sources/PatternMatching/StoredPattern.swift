import CPCRE2

/// A compiled pattern found in a pattern cache file and not decoded yet: what PCRE2 said of it, and where its
/// serialised code is in the mapped file, which this keeps mapped until the code is decoded.
struct StoredPattern: Sendable {
  let info: PatternInfo
  private let bytes: CacheFileBytes
  private let code: Range<Int>

  /// The entry whose code and info are at these ranges of `bytes`; `nil` when the info does not read (a data
  /// entry, which has none).
  init?(bytes: CacheFileBytes, code: Range<Int>, info: Range<Int>) {
    guard let read = PatternInfo(encoded: UnsafeRawBufferPointer(rebasing: bytes.buffer[info])) else { return nil }
    self.info = read
    self.bytes = bytes
    self.code = code
  }

  /// PCRE2's code decoded from the file, owned by the caller; `nil` when PCRE2 refuses it (out of memory: the
  /// file's magic number, version and checksum were checked when it was opened).
  func decode() -> OpaquePointer? {
    var decoded: OpaquePointer? = nil
    let serialised = bytes.buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + code.lowerBound
    guard pcre2_serialize_decode_8(&decoded, 1, serialised, nil) == 1 else { return nil }
    return decoded
  }
}
