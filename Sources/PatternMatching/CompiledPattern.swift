import CPCRE2

/// One PCRE2 pattern, compiled once and JIT-compiled when the platform supports it.
///
/// The compiled code is immutable after `init`, and PCRE2 documents compiled patterns as safe to share
/// between threads ("pcre2api", MULTITHREADING): only match data and JIT stacks are per thread, and those
/// live in ``Matcher``. Hence `@unchecked Sendable`.
public final class CompiledPattern: @unchecked Sendable {
  /// The pattern source, as given to PCRE2.
  public let source: String
  /// The options it was compiled with.
  public let options: PatternOptions
  /// Number of capturing groups (not counting group 0).
  public let captureCount: Int
  /// Named groups, name → group number.
  public let groupNumbers: [String: Int]
  /// Whether the JIT compiled the pattern; when false, the interpreter runs it.
  public let isJITCompiled: Bool
  /// Whether a match can only start where the search starts (`\G…`, `(?=…)^`: PCRE2_ANCHORED inferred).
  public let isAnchored: Bool

  let code: OpaquePointer

  /// Compiles `source` with UTF + UCP and the given options, then JIT-compiles it.
  ///
  /// - Throws: ``PatternError/compile(message:offset:)`` with PCRE2's message and the byte offset in `source`.
  public init(_ source: String, options: PatternOptions = []) throws(PatternError) {
    var errorCode: Int32 = 0
    var errorOffset: Int = 0
    let compiled: OpaquePointer? = source.withCString { pointer in
      pointer.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count + 1) { bytes in
        pcre2_compile_8(bytes, source.utf8.count, options.pcre2Flags, &errorCode, &errorOffset, nil)
      }
    }
    guard let compiled else {
      throw .compile(message: PatternError.message(for: errorCode), offset: errorOffset)
    }
    self.code = compiled
    self.source = source
    self.options = options
    // JIT failure (unsupported CPU, no executable memory) is not an error: the interpreter still works.
    self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

    var allOptions: UInt32 = 0
    pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_ALLOPTIONS), &allOptions)
    self.isAnchored = allOptions & UInt32(PCRE2_ANCHORED) != 0
    var count: UInt32 = 0
    pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
    self.captureCount = Int(count)
    self.groupNumbers = CompiledPattern.readNameTable(compiled)
  }

  deinit { pcre2_code_free_8(code) }

  /// The group number for a name, if the pattern has such a group.
  public func groupNumber(named name: String) -> Int? { groupNumbers[name] }

  /// Reads PCRE2's name table: entries of a big-endian group number followed by a NUL-terminated name.
  private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
    var nameCount: UInt32 = 0
    var entrySize: UInt32 = 0
    var table: UnsafePointer<UInt8>? = nil
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
    guard nameCount > 0 else { return [:] }
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
    guard let table else { return [:] }
    var names: [String: Int] = [:]
    for index in 0..<Int(nameCount) {
      let entry = table + index * Int(entrySize)
      let number = Int(entry[0]) << 8 | Int(entry[1])
      var end = 2
      while end < Int(entrySize) && entry[end] != 0 { end += 1 }
      let name = String(decoding: UnsafeBufferPointer(start: entry + 2, count: end - 2), as: UTF8.self)
      names[name] = number
    }
    return names
  }
}
