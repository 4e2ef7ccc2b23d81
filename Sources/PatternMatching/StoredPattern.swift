import CPCRE2

/// A compiled pattern found in a pattern cache file and not decoded yet: what PCRE2 said of it, and where its
/// serialised code is in the mapped file, which this keeps mapped until the code is decoded.
struct StoredPattern: Sendable {
  let info: PatternInfo
  private let bytes: CacheFileBytes
  private let code: Range<Int>
  private let codeDigest: UInt64

  /// The entry whose code and info are at these ranges of `bytes`, the code's digest as written; `nil` when
  /// the info does not read (a data entry, which has none).
  init?(bytes: CacheFileBytes, code: Range<Int>, codeDigest: UInt64, info: Range<Int>) {
    guard let read = PatternInfo(encoded: UnsafeRawBufferPointer(rebasing: bytes.buffer[info])) else { return nil }
    self.info = read
    self.bytes = bytes
    self.code = code
    self.codeDigest = codeDigest
  }

  /// PCRE2's code decoded from the file, owned by the caller; `nil` when the code is not as written (the
  /// file was damaged since) or PCRE2 refuses it (out of memory: the file's magic number and version were
  /// checked when it was opened). The caller then compiles the source.
  func decode() -> OpaquePointer? {
    guard bytes.hasDigest(codeDigest, in: code) else { return nil }
    var decoded: OpaquePointer? = nil
    let serialised = bytes.buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + code.lowerBound
    guard pcre2_serialize_decode_8(&decoded, 1, serialised, nil) == 1 else { return nil }
    // The code is copied out: the pages read for it need not stay counted in the run's memory.
    bytes.dropResidentPages(around: code)
    return decoded
  }
}
