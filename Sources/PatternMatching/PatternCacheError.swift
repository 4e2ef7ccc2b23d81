/// Why a pattern cache file was not used. Never shown to a user: the cache then compiles, as without it;
/// tests use the cases to see that a damaged file was refused for the right reason.
package enum PatternCacheError: Error, Equatable, Sendable {
  /// The file does not start with the cache's magic bytes: not a cache file.
  case notACacheFile
  /// Written by another version of the cache's format.
  case unsupportedFormat(UInt32)
  /// Written against another PCRE2 (its compiled code is not portable between versions).
  case otherPCRE2Version(String)
  /// Shorter than its header or its entries say: an interrupted write, a truncated copy.
  case truncated
  /// The digest of the entries' headers does not match: the file was damaged.
  case checksumMismatch
}
