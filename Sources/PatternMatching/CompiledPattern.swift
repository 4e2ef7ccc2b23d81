import CPCRE2
import Synchronization

/// One PCRE2 pattern, compiled once, and JIT-compiled once it has been tried at enough positions to repay the JIT.
///
/// JIT-compiling a rule's pattern costs as much as interpreting it over a kilobyte or so, and most rules
/// of a run never scan that much: a one-article check needs only the rules whose words the article has,
/// in its own language. So a pattern starts interpreted and is JIT-compiled — a copy of its code, published
/// atomically — when the start positions it has been tried at pass ``jitThreshold`` (`jitThreshold: 0`
/// compiles at once). A scan of a window counts every position it may try, a byte each; a call at one
/// position a start table gave counts ``Matcher/startCallWeight``, or what its caller says (a search for a mention
/// pattern counts the bytes a scan of every position would have). Matches are the same either way.
///
/// A pattern found in the pattern cache is not even decoded until it first matches: what callers ask before
/// that (its groups, whether it is anchored) was stored with its code (``PatternInfo``), and a one-file check
/// matches with a fraction of the rules it loads.
///
/// The compiled code is immutable once made, and PCRE2 documents compiled patterns as safe to share between
/// threads ("pcre2api", MULTITHREADING): only match data and JIT stacks are per thread, and those live in
/// ``Matcher``; the decoded code and the JIT-compiled copy are each written once, under a lock, and read
/// atomically. Hence `@unchecked Sendable`.
package final class CompiledPattern: @unchecked Sendable {
  /// Start positions a pattern is tried at interpreted before it is JIT-compiled, by default: about where the
  /// JIT's cost equals what it saves. Measured on the bundled claim rules: 8.5–11 M instructions to compile a
  /// rule's pattern, against some 19 000 saved per call at one start position (about 21 500 interpreted,
  /// 2 400 JIT-compiled).
  package static let defaultJITThreshold = 512
  /// The pattern source's UTF-8, as given to PCRE2.
  package let sourceUTF8: [UInt8]
  /// The pattern source.
  package var source: String { String(decoding: sourceUTF8, as: UTF8.self) }
  /// The options it was compiled with.
  package let options: PatternOptions
  /// Number of capturing groups (not counting group 0).
  package var captureCount: Int { info.captureCount }
  /// Named groups, name → group number.
  package var groupNumbers: [String: Int] { info.groupNumbers }
  /// Whether the pattern runs JIT-compiled now; false until it has been tried at ``jitThreshold`` positions, or when
  /// the platform has no JIT (the interpreter then runs it).
  package var isJITCompiled: Bool { jitCode.load(ordering: .acquiring) != nil }
  /// Start positions tried (bytes of text scanned, or weighted calls) before the pattern is JIT-compiled.
  package let jitThreshold: Int
  /// Whether a match can only start where the search starts (`\G…`, `(?=…)^`: PCRE2_ANCHORED inferred).
  package var isAnchored: Bool { info.isAnchored }
  /// Whether a match can be empty (PCRE2_INFO_MATCHEMPTY).
  package var matchesEmpty: Bool { info.matchesEmpty }
  /// What PCRE2 says of the pattern.
  private let info: PatternInfo

  /// The interpreted code, decoded from the cache file first if it came from there.
  var code: OpaquePointer { interpreted.load(ordering: .acquiring) ?? decodeStoredCode() }
  /// The interpreted code, once there is one: at once when compiled, at first use when found in the cache.
  private let interpreted = Atomic<OpaquePointer?>(nil)
  /// The cache entry the code is still to be decoded from (`nil` once decoded, or when compiled).
  private let pending: Mutex<StoredPattern?>
  /// A JIT-compiled copy of `code`, once made.
  private let jitCode = Atomic<OpaquePointer?>(nil)
  /// Start positions tried so far, weighted (only counted until the JIT is tried).
  private let scanned = Atomic<Int>(0)
  /// Held while the JIT compiles, so that it runs once; true once it has been tried.
  private let jitTried = Mutex(false)

  /// Compiles `source` with UTF + UCP and the given options; JIT-compiles it at once when `jitThreshold`
  /// is 0, else once it has been tried at that many start positions.
  ///
  /// Inside a ``PatternCache`` scope (``PatternCache/current``) the code is taken from the cache when it
  /// has this exact source and options (and decoded when first used), and recorded in it when compiled; so
  /// is a compile error.
  ///
  /// - Throws: ``PatternError/compile(message:offset:)`` with PCRE2's message and the byte offset in `source`.
  package convenience init(_ source: String, options: PatternOptions = [],
                           jitThreshold: Int = CompiledPattern.defaultJITThreshold) throws(PatternError) {
    try self.init(utf8: Array(source.utf8), options: options, jitThreshold: jitThreshold)
  }

  /// ``init(_:options:jitThreshold:)`` of a source given as its UTF-8 bytes (a rule's expanded pattern is
  /// kept as bytes: making a `String` of them checks every byte again, kilobytes per rule).
  package init(utf8 source: [UInt8], options: PatternOptions = [], jitThreshold: Int = CompiledPattern.defaultJITThreshold)
    throws(PatternError)
  {
    var compiled: OpaquePointer? = nil
    var stored: StoredPattern? = nil
    var compiledInfo: PatternInfo? = nil
    if let cache = PatternCache.current {
      let key = PatternKey(flags: options.pcre2Flags, source: source)
      if let found = cache.stored(key) {
        stored = found
      } else if let failure = cache.failure(for: key) {
        throw failure
      } else {
        do {
          compiled = try CompiledPattern.compile(source, options: options)
        } catch {
          cache.record(failure: error, for: key)
          throw error
        }
        compiledInfo = PatternInfo(code: compiled!)
        cache.record(compiled!, info: compiledInfo!, for: key)
      }
    } else {
      compiled = try CompiledPattern.compile(source, options: options)
    }
    info = stored?.info ?? compiledInfo ?? PatternInfo(code: compiled!)
    pending = Mutex(stored)
    self.sourceUTF8 = source
    self.options = options
    self.jitThreshold = max(0, jitThreshold)
    interpreted.store(compiled, ordering: .releasing)
    if self.jitThreshold == 0 { compileJIT() }
  }

  deinit {
    if let jitted = jitCode.load(ordering: .acquiring) { pcre2_code_free_8(jitted) }
    if let code = interpreted.load(ordering: .acquiring) { pcre2_code_free_8(code) }
  }

  /// Whether the interpreted code has been made (compiled, or decoded from the cache file).
  package var hasCode: Bool { interpreted.load(ordering: .acquiring) != nil }

  /// Decodes the code of a pattern found in the cache, once, and publishes it.
  private func decodeStoredCode() -> OpaquePointer {
    pending.withLock { stored in
      if let code = interpreted.load(ordering: .acquiring) { return code }
      // A damaged entry gives no code: the source is compiled instead, which the run that wrote the entry
      // did without error, so only a failure to get memory can stop both.
      guard let code = stored?.decode() ?? (try? CompiledPattern.compile(sourceUTF8, options: options)) else {
        fatalError("out of memory for the compiled pattern")
      }
      interpreted.store(code, ordering: .releasing)
      // The file's mapping is no longer needed for this pattern.
      stored = nil
      return code
    }
  }

  /// The code to match with after trying `positions` more start positions (weighted): the JIT-compiled copy
  /// once there is one (compiling it when the total passes the threshold, if `compiling`), else the
  /// interpreted code.
  func codeForScanning(_ positions: Int, compiling: Bool = true) -> (code: OpaquePointer, isJIT: Bool) {
    if let jitted = jitCode.load(ordering: .acquiring) { return (jitted, true) }
    guard compiling else { return (code, false) }
    let total = scanned.wrappingAdd(positions, ordering: .relaxed).newValue
    if total >= jitThreshold {
      compileJIT()
      if let jitted = jitCode.load(ordering: .acquiring) { return (jitted, true) }
    }
    return (code, false)
  }

  /// JIT-compiles a copy of the code and publishes it, once; a failure (no JIT on this CPU, no executable
  /// memory) is not an error: the interpreter goes on.
  private func compileJIT() {
    jitTried.withLock { tried in
      guard !tried else { return }
      tried = true
      guard let copy = pcre2_code_copy_8(code) else { return }
      if pcre2_jit_compile_8(copy, UInt32(PCRE2_JIT_COMPLETE)) == 0 {
        jitCode.store(copy, ordering: .releasing)
      } else {
        pcre2_code_free_8(copy)
      }
    }
  }

  /// PCRE2's compiled code for `source`, owned by the caller.
  private static func compile(_ source: [UInt8], options: PatternOptions) throws(PatternError) -> OpaquePointer {
    var errorCode: Int32 = 0
    var errorOffset: Int = 0
    // PCRE2 refuses a null pointer even for an empty pattern, which an empty array may give.
    let terminated = source + [0]
    let compiled: OpaquePointer? = terminated.withUnsafeBufferPointer { bytes in
      pcre2_compile_8(bytes.baseAddress, source.count, options.pcre2Flags, &errorCode, &errorOffset, nil)
    }
    guard let compiled else {
      throw .compile(message: PatternError.message(for: errorCode), offset: errorOffset)
    }
    return compiled
  }

  /// The JIT-compiled code, compiling it now if it is not yet (for ``startInformation``'s JIT size).
  func jitCompiledCode() -> OpaquePointer? {
    compileJIT()
    return jitCode.load(ordering: .acquiring)
  }

  /// The group number for a name, if the pattern has such a group.
  package func groupNumber(named name: String) -> Int? { info.groupNumbers[name] }
}
