#if os(Linux)
  import Glibc
#endif

/// Which build of this code is running: the GNU build ID of the executable or library it was linked into.
///
/// What the rule compiler derives from the rule files and keeps in the pattern cache (expanded patterns,
/// placeholder catalogs, prefilters) depends on this code as much as on the files. The cache file is keyed by
/// the files' texts, so its derived entries are keyed by this build as well: a rebuilt program with a changed
/// expander derives them again instead of reading what an earlier build derived. Compiled patterns need no
/// such key, since they are looked up by their exact source.
///
/// The linker computes the ID from the linked output (a SHA-1 with gold and GNU ld, an 8-byte hash with
/// lld), so two identical builds share their entries and any change to the code gives a new ID. It is the ID
/// of the image that holds this module, which SwiftPM links into the same image as the rule compiler (one
/// executable, or one library product). Read from the program's own note segment in memory: no file is
/// opened. Only Linux is read; elsewhere (macOS's `LC_UUID` would do) nothing derived is cached yet.
package enum ProgramBuild {
  /// The build ID's bytes as lower-case hexadecimal, or `nil` where there is none to read (a platform without
  /// ELF notes, or a link without `--build-id`): then nothing derived is cached.
  package static let identity: String? = {
    guard let bytes = buildID(), !bytes.isEmpty else { return nil }
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }()

  #if os(Linux) && (arch(x86_64) || arch(arm64))
    /// `dl_iterate_phdr(3)`, looked up at run time: Swift's Glibc module leaves `link.h` out, and a C module
    /// of our own would have to compile it with `_GNU_SOURCE`, which clashes with Glibc's own definitions.
    private typealias Visitor = @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Int32
    private typealias IteratePHDR = @convention(c) (Visitor, UnsafeMutableRawPointer?) -> Int32

    /// What the search of the loaded objects is given, and what it finds.
    private struct Search {
      /// An address inside this module's code.
      let address: UInt
      var found: [UInt8]? = nil
    }

    /// A function of this module, whose address tells which loaded object holds this code.
    private static let marker: @convention(c) () -> Void = {}

    private static func buildID() -> [UInt8]? {
      // RTLD_DEFAULT is the null handle in glibc.
      guard let symbol = dlsym(nil, "dl_iterate_phdr") else { return nil }
      let iterate = unsafeBitCast(symbol, to: IteratePHDR.self)
      var search = Search(address: UInt(bitPattern: unsafeBitCast(marker, to: UnsafeRawPointer.self)))
      _ = withUnsafeMutablePointer(to: &search) { pointer in
        iterate({ info, _, data in
          guard let info, let data else { return 0 }
          return ProgramBuild.inspect(UnsafeRawPointer(info), for: &data.assumingMemoryBound(to: Search.self).pointee) ? 1 : 0
        }, pointer)
      }
      return search.found
    }

    /// Whether the object `info` describes holds the searched address; its build ID, if it has one, goes into
    /// `search`.
    ///
    /// `info` is a `struct dl_phdr_info` of a 64-bit glibc: the load address at byte 0, the program headers'
    /// address at 16 and their count (u16) at 24. Each `Elf64_Phdr` is 56 bytes: type (u32) at 0, virtual
    /// address at 16, size in memory at 40.
    private static func inspect(_ info: UnsafeRawPointer, for search: inout Search) -> Bool {
      let base = info.load(as: UInt.self)
      guard let headers = info.load(fromByteOffset: 16, as: UnsafeRawPointer?.self) else { return false }
      let count = Int(info.load(fromByteOffset: 24, as: UInt16.self))
      let segments = (0..<count).map { index in
        let header = headers + index * 56
        return (type: header.load(as: UInt32.self), start: base &+ header.load(fromByteOffset: 16, as: UInt.self),
                size: header.load(fromByteOffset: 40, as: UInt.self))
      }
      let load: UInt32 = 1, note: UInt32 = 4
      guard segments.contains(where: { $0.type == load && search.address >= $0.start && search.address - $0.start < $0.size })
      else { return false }
      // Notes read only where a loaded segment maps them.
      for segment in segments where segment.type == note && segment.size > 0 && segments.contains(where: {
        $0.type == load && segment.start >= $0.start && segment.start - $0.start + segment.size <= $0.size
      }) {
        guard let start = UnsafeRawPointer(bitPattern: segment.start) else { continue }
        let notes = UnsafeRawBufferPointer(start: start, count: Int(segment.size))
        if let id = gnuBuildID(in: notes) {
          search.found = id
          break
        }
      }
      return true
    }

    /// The descriptor of the `NT_GNU_BUILD_ID` note (type 3, owner "GNU") in a note segment, if there is one.
    /// Each note: name size, descriptor size, type (u32 each), then the name and the descriptor, each padded
    /// to four bytes.
    private static func gnuBuildID(in notes: UnsafeRawBufferPointer) -> [UInt8]? {
      var offset = 0
      func padded(_ size: Int) -> Int { (size + 3) & ~3 }
      while offset + 12 <= notes.count {
        let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
        let name = offset + 12
        let descriptor = name + padded(nameSize)
        guard descriptor + descriptorSize <= notes.count else { return nil }
        if type == 3 && nameSize == 4 && Array(notes[name..<name + 4]) == Array("GNU\u{0}".utf8) {
          return Array(notes[descriptor..<descriptor + descriptorSize])
        }
        offset = descriptor + padded(descriptorSize)
      }
      return nil
    }
  #else
    private static func buildID() -> [UInt8]? { nil }
  #endif
}
