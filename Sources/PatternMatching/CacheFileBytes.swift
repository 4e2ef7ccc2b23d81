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

  /// A copy of the bytes in `range`.
  package subscript(range: Range<Int>) -> [UInt8] { Array(buffer[range]) }
}
