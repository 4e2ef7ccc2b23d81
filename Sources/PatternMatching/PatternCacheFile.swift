import CPCRE2
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one pattern cache file: compiled patterns in PCRE2's own serialised form
/// (`pcre2_serialize_encode`), each under its exact source and options, with what PCRE2 says of it
/// (``PatternInfo``).
///
/// Layout, integers little-endian:
///
///     "FCPCRE2C"  format: u32  version length: u32  PCRE2 version  entries: u32  payload length: u64
///                 headers digest: u64
///     payload = entries × header, then entries × (source  serialised code  info), in the same order
///     header  = flags: u32  source length: u32  code length: u32  info length: u32  key digest: u64
///               code digest: u64  info digest: u64
///
/// The key digest is ``PatternKey/digest(flags:source:)``, kept so that opening a file does not hash every
/// source again; data entries (``PatternCache/dataKey(_:)``) keep their bytes as the code and have no info.
///
/// PCRE2's decoder checks its own magic number, version and build (code unit width, sizes), but not that
/// the code is intact, and a damaged compiled pattern can match wrongly or crash. So a file is used only
/// when its magic, format, PCRE2 version, length and the ``ByteDigest`` of its entries' headers all match
/// (anything else is a ``PatternCacheError`` and the run compiles as if there were no file), and an entry
/// only when its code and info match their digests, checked when the entry is first used: a run reads the
/// entries it needs, not the whole file (16 MB for the bundled rules, whose whole checksum was 28.5 M
/// instructions of a one-file check's 240 M). The headers come first, together, so that opening a file reads
/// them in one run of bytes. A source needs no digest: it is compared byte for byte with the key looked up.
/// A damaged entry is as good as absent. One pattern is serialised per entry (each
/// carries PCRE2's 1 KB character tables) because `pcre2_serialize_encode` refuses patterns with different
/// tables in one call, and a decoded pattern has its own copy of them.
package struct PatternCacheFile: Sendable {
  static let magic = Array("FCPCRE2C".utf8)
  static let format: UInt32 = 4

  /// The whole file, entries pointing into it.
  package let bytes: CacheFileBytes
  /// The entries by the hash of their key (``PatternKey/digest(flags:source:)``): flags, and where the source
  /// and the serialised code are in ``bytes``. The sources stay in the file's bytes — a key made for each
  /// entry copied a few megabytes of pattern sources out of a file already in memory, on every run.
  private let index: [UInt64: [Entry]]

  private struct Entry: Sendable {
    let flags: UInt32
    let source: Range<Int>
    let code: Range<Int>
    let info: Range<Int>
    let codeDigest: UInt64
    let infoDigest: UInt64
  }

  /// Where the serialised code and the info stored under `key` are in ``bytes``, with their digests (for
  /// ``CacheFileBytes/hasDigest(_:in:)``); `nil` when the file has none.
  package func entry(for key: PatternKey) -> (code: Range<Int>, info: Range<Int>, codeDigest: UInt64, infoDigest: UInt64)? {
    guard let candidates = index[key.hashValueOfSource] else { return nil }
    let file = bytes.buffer
    return key.source.withUnsafeBytes { source in
        // The last of equal keys, should a file hold one twice (no writer does), as a dictionary by key kept.
        candidates.last { entry in
          entry.flags == key.flags && entry.source.count == source.count
            && (source.count == 0 || memcmp(file.baseAddress! + entry.source.lowerBound, source.baseAddress!, source.count) == 0)
        }.map { ($0.code, $0.info, $0.codeDigest, $0.infoDigest) }
    }
  }

  /// The PCRE2 this program runs with ("10.42 2022-12-11"), as `pcre2_config` says.
  ///
  /// The build's default newline and `\R` conventions are part of it: compiled code records them, so a
  /// library of the same version built with other defaults must not take over this one's patterns.
  package static let pcre2Version: String = {
    var buffer = [UInt8](repeating: 0, count: 64)
    let length = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
    guard length > 1 else { return "unknown" }
    var newline: UInt32 = 0
    var bsr: UInt32 = 0
    _ = pcre2_config_8(UInt32(PCRE2_CONFIG_NEWLINE), &newline)
    _ = pcre2_config_8(UInt32(PCRE2_CONFIG_BSR), &bsr)
    return String(decoding: buffer[0..<Int(length) - 1], as: UTF8.self) + " newline \(newline) bsr \(bsr)"
  }()

  /// Reads a file's bytes, checking everything the layout promises.
  package init(bytes: [UInt8], pcre2Version: String = PatternCacheFile.pcre2Version) throws(PatternCacheError) {
    try self.init(bytes: CacheFileBytes(copying: bytes), pcre2Version: pcre2Version)
  }

  /// Reads a file's bytes, checking everything the layout promises.
  package init(bytes: CacheFileBytes, pcre2Version: String = PatternCacheFile.pcre2Version) throws(PatternCacheError) {
    var reader = Reader(bytes: bytes.buffer)
    guard bytes.count >= Self.magic.count, bytes[0..<Self.magic.count] == Self.magic else { throw .notACacheFile }
    reader.offset = Self.magic.count
    let format = try reader.u32()
    guard format == Self.format else { throw .unsupportedFormat(format) }
    let version = String(decoding: try reader.bytes(Int(try reader.u32())), as: UTF8.self)
    guard version == pcre2Version else { throw .otherPCRE2Version(version) }
    let count = Int(try reader.u32())
    let payloadLength = try reader.u64()
    let checksum = try reader.u64()
    guard payloadLength == UInt64(bytes.count - reader.offset), count <= (bytes.count - reader.offset) / Self.headerSize
    else { throw .truncated }
    guard ByteDigest.of(try reader.peek(count * Self.headerSize)) == checksum else { throw .checksumMismatch }
    // Bodies follow the headers, in their order.
    var body = reader.offset + count * Self.headerSize
    func next(_ length: Int) throws(PatternCacheError) -> Range<Int> {
      guard length <= bytes.count - body else { throw .truncated }
      defer { body += length }
      return body..<body + length
    }
    var index: [UInt64: [Entry]] = [:]
    index.reserveCapacity(count)
    for _ in 0..<count {
      let flags = try reader.u32()
      let sourceLength = Int(try reader.u32())
      let codeLength = Int(try reader.u32())
      let infoLength = Int(try reader.u32())
      let digest = try reader.u64()
      let codeDigest = try reader.u64()
      let infoDigest = try reader.u64()
      let source = try next(sourceLength)
      let code = try next(codeLength)
      let info = try next(infoLength)
      index[digest, default: []].append(Entry(flags: flags, source: source, code: code, info: info,
                                              codeDigest: codeDigest, infoDigest: infoDigest))
    }
    guard body == bytes.count else { throw .truncated }
    self.bytes = bytes
    self.index = index
  }

  /// The file with only the entries `keep` accepts (given where their serialised code is in ``bytes``): what a
  /// cache still needs once most of its file has been used (``PatternCache/releaseUsedEntries()``). The
  /// bytes stay as they are (a mapped file's pages are the kernel's cached copy); only the index shrinks.
  func keeping(_ keep: (Range<Int>) -> Bool) -> PatternCacheFile {
    var index: [UInt64: [Entry]] = [:]
    for (digest, entries) in self.index {
      let kept = entries.filter { keep($0.code) }
      if !kept.isEmpty { index[digest] = kept }
    }
    return PatternCacheFile(bytes: bytes, index: index)
  }

  private init(bytes: CacheFileBytes, index: [UInt64: [Entry]]) {
    self.bytes = bytes
    self.index = index
  }

  /// Bytes of an entry's header.
  static let headerSize = 40

  /// One entry to write: its key, its serialised code (or data) and info, and the digests they were stored
  /// with when they come from a file (`nil`: computed now). An entry copied from a file keeps the digests it
  /// was read with, so that damage it took there is still seen in the new file.
  package typealias EncodedEntry = (key: PatternKey, code: ArraySlice<UInt8>, info: ArraySlice<UInt8>,
                                    digests: (code: UInt64, info: UInt64)?)

  /// The bytes of a file holding `entries`.
  package static func encode(_ entries: [EncodedEntry], pcre2Version: String = PatternCacheFile.pcre2Version) -> [UInt8] {
    var headers: [UInt8] = []
    headers.reserveCapacity(entries.count * headerSize)
    var bodies: [UInt8] = []
    bodies.reserveCapacity(entries.reduce(0) { $0 + $1.key.source.count + $1.code.count + $1.info.count })
    for entry in entries {
      let digests = entry.digests
        ?? (entry.code.withUnsafeBytes { ByteDigest.of($0) }, entry.info.withUnsafeBytes { ByteDigest.of($0) })
      append(entry.key.flags, to: &headers)
      append(UInt32(entry.key.source.count), to: &headers)
      append(UInt32(entry.code.count), to: &headers)
      append(UInt32(entry.info.count), to: &headers)
      append(entry.key.hashValueOfSource, to: &headers)
      append(digests.code, to: &headers)
      append(digests.info, to: &headers)
      bodies += entry.key.source
      bodies += entry.code
      bodies += entry.info
    }
    var file = magic
    append(format, to: &file)
    append(UInt32(pcre2Version.utf8.count), to: &file)
    file += Array(pcre2Version.utf8)
    append(UInt32(entries.count), to: &file)
    append(UInt64(headers.count + bodies.count), to: &file)
    append(headers.withUnsafeBytes { ByteDigest.of($0) }, to: &file)
    file += headers
    file += bodies
    return file
  }

  private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  /// Reads the layout's integers and byte runs, throwing ``PatternCacheError/truncated`` past the end.
  private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func bytes(_ count: Int) throws(PatternCacheError) -> UnsafeRawBufferPointer {
      guard count >= 0, count <= bytes.count - offset else { throw .truncated }
      defer { offset += count }
      return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    /// The next `count` bytes, without reading past them.
    func peek(_ count: Int) throws(PatternCacheError) -> UnsafeRawBufferPointer {
      guard count >= 0, count <= bytes.count - offset else { throw .truncated }
      return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func u32() throws(PatternCacheError) -> UInt32 { UInt32(try integer(4)) }
    mutating func u64() throws(PatternCacheError) -> UInt64 { try integer(8) }

    private mutating func integer(_ width: Int) throws(PatternCacheError) -> UInt64 {
      let run = try bytes(width)
      return run.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
  }
}
