#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a pattern cache file, read-only: the file mapped into memory, or a copy of bytes built in
/// memory (tests, a file just encoded).
///
/// Mapped rather than read, because reading copied the file (15 MB for the bundled rules) into fresh memory at
/// the start of every run, and on the 2-core VM this was measured on every fresh page costs a page fault:
/// reading and checking the file took 25 ms, mapping it and checking it 2.2 ms (a C probe over the same
/// file), in a one-file check of about 100 ms. The mapped pages are the kernel's cached pages of the file,
/// shared by every run and by nothing else written.
///
/// A writer replaces a cache file whole, through a rename (``PatternCacheDirectory``), so a mapped file never
/// changes under a run. Something else truncating it in place while a run reads it would make that run fault
/// (SIGBUS), as with any mapped file; no part of FactCheck does.
package final class CacheFileBytes: @unchecked Sendable {
  /// The bytes; valid as long as this object lives. Never written, so sharing it between threads is safe.
  package let buffer: UnsafeRawBufferPointer
  /// How the bytes are held: a mapping to undo, or memory of our own to free.
  private let isMapped: Bool

  /// Maps the whole of the open file `descriptor`, `count` bytes long; `nil` when it cannot be mapped.
  init?(mapping descriptor: Int32, count: Int) {
    guard count > 0 else { return nil }
    let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let address, address != MAP_FAILED else { return nil }
    buffer = UnsafeRawBufferPointer(start: address, count: count)
    isMapped = true
  }

  /// A copy of `bytes`.
  package init(copying bytes: some Collection<UInt8>) {
    let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    _ = memory.initializeMemory(as: UInt8.self, from: bytes)
    buffer = UnsafeRawBufferPointer(rebasing: memory[0..<bytes.count])
    isMapped = false
  }

  deinit {
    if isMapped {
      munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress!), buffer.count)
    } else {
      buffer.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
    }
  }

  /// The number of bytes.
  package var count: Int { buffer.count }

  /// Lets the kernel take back the mapped file's pages this process holds (`MADV_DONTNEED`); a byte read
  /// later is read again from the kernel's cached copy of the file. Nothing for bytes held in memory.
  ///
  /// A rule set's compilation reads most of the file (every rule's source, compared with its key, and the
  /// entries derived from the rule files), and the pages stayed counted in the process's memory for the
  /// whole run although only the code of the patterns that match is read again.
  package func dropResidentPages() { dropResidentPages(in: 0..<buffer.count) }

  /// ``dropResidentPages()`` for the pages around `range` (the kernel maps 64 KB around a page read by
  /// default): after one pattern's code is decoded in the middle of a run, the pages read for it.
  package func dropResidentPages(around range: Range<Int>) {
    dropResidentPages(in: max(0, range.lowerBound - Self.faultAround)..<min(buffer.count, range.upperBound + Self.faultAround))
  }

  /// Bytes the kernel maps around a page a read faults in (`fault_around_bytes`, 64 KB by default).
  private static let faultAround = 64 << 10

  private func dropResidentPages(in range: Range<Int>) {
    guard isMapped, let base = buffer.baseAddress, !range.isEmpty else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = range.lowerBound / page * page
    let end = min(buffer.count, (range.upperBound + page - 1) / page * page)
    _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
  }

  /// Whether the bytes in `range` (a cache entry's code or info) still have the ``ByteDigest`` they were
  /// written with.
  package func hasDigest(_ digest: UInt64, in range: Range<Int>) -> Bool {
    ByteDigest.of(UnsafeRawBufferPointer(rebasing: buffer[range])) == digest
  }

  /// A copy of the bytes in `range`.
  package subscript(range: Range<Int>) -> [UInt8] { Array(buffer[range]) }
}
