#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a compiled pattern in the cache is looked up by: its exact source bytes and compile options.
///
/// Equality compares the bytes themselves, so two patterns can never share an entry; the hash is a
/// ``ByteDigest`` of them computed once, because Swift's `Hasher` over a 6 KB array of bytes (a rule's
/// expanded pattern) costs ten times as much.
package struct PatternKey: Hashable, Sendable {
  /// ``PatternOptions/pcre2Flags``: the flags the source was (or would be) compiled with.
  package let flags: UInt32
  /// The pattern source, as UTF-8.
  package let source: [UInt8]
  private let digest: UInt64

  package init(flags: UInt32, source: [UInt8]) {
    self.flags = flags
    self.source = source
    digest = source.withUnsafeBytes { PatternKey.digest(flags: flags, source: $0) }
  }

  /// The hash of a key with these flags and source bytes, wherever the bytes are (a cache file indexes its
  /// entries by it without copying their sources out).
  package static func digest(flags: UInt32, source: UnsafeRawBufferPointer) -> UInt64 {
    var digest = ByteDigest()
    digest.combine(source)
    digest.combine(UInt64(flags))
    return digest.value
  }

  /// The key's hash (``digest(flags:source:)``).
  package var hashValueOfSource: UInt64 { digest }

  package init(_ source: String, options: PatternOptions) {
    self.init(flags: options.pcre2Flags, source: Array(source.utf8))
  }

  /// The flags of a data entry (``PatternCache/data(for:)``): every bit set, which no set of compile
  /// options is, so a data entry and a pattern never share a key.
  package static let dataFlags: UInt32 = 0xFFFF_FFFF

  /// The flags of a compile failure's entry (``PatternCache/failure(for:)``): every bit but the lowest, which
  /// no set of compile options is either (UTF, UCP and a caseless bit at most), nor ``dataFlags``.
  static let failureFlags: UInt32 = 0xFFFF_FFFE

  /// The key under which the cache remembers that this key's source does not compile with its options:
  /// the options' flags, then the source.
  var failure: PatternKey {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(4 + source.count)
    withUnsafeBytes(of: flags.littleEndian) { bytes += $0 }
    bytes += source
    return PatternKey(flags: PatternKey.failureFlags, source: bytes)
  }

  package static func == (lhs: PatternKey, rhs: PatternKey) -> Bool {
    guard lhs.digest == rhs.digest, lhs.flags == rhs.flags, lhs.source.count == rhs.source.count else { return false }
    // One memcmp: comparing the arrays element by element cost more than looking every pattern up (each
    // lookup that finds its pattern compares kilobytes).
    return lhs.source.withUnsafeBytes { left in
      rhs.source.withUnsafeBytes { right in left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
    }
  }

  package func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
