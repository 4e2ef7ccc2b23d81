import CPCRE2
import Synchronization

/// Compiled patterns kept between runs, so that a one-file check decodes its rule set's patterns
/// instead of compiling them (compiling is about 0.7 G of a one-file check's 1.85 G instructions).
///
/// One cache serves one rule set: ``CompiledPattern/init(_:options:jitThreshold:)`` asks ``current`` (a
/// task-local value, set around a rule set's compilation with `PatternCache.$current.withValue`) for
/// the pattern's exact source and options and takes PCRE2's serialised code when the file has it (decoded
/// when the pattern first matches, ``StoredPattern``), else compiles and remembers the code. ``save()`` then
/// writes the file again, only if something was compiled, holding exactly the patterns this rule set used —
/// so a file never grows with patterns of edited rules.
///
/// A task-local rather than a process-wide cache because tests (and a server) compile several rule sets at
/// once on different threads, and each must read and write its own file; and rather than a parameter
/// because patterns are compiled in several places below the rule compiler (mention patterns, plans), none
/// of which has to know about caching.
///
/// A decoded pattern is PCRE2's own compiled code for the same source, options and PCRE2 version, so
/// matches, `isAnchored` (kept beside the code, ``PatternInfo``) and start information are the same; the
/// JIT stays lazy as before. A pattern that does not compile is kept as its error (PCRE2's message and
/// offset), which the same source, options and version always give: a rule compiler that tries a large form
/// first and falls back to a smaller one (issue 15) does not fail the same large compile on every run.
package final class PatternCache: Sendable {
  /// The cache patterns compiled now are decoded from and recorded in, if any.
  @TaskLocal package static var current: PatternCache?

  /// The cache file of this rule set.
  package let file: String
  private let directory: PatternCacheDirectory
  /// Whether the file was read and accepted.
  package let hasStoredPatterns: Bool
  /// What this cache's data keys start with (``dataKey(_:)``), `nil` when the build cannot be told.
  private let dataPrefix: String?
  private let state: Mutex<State>

  private struct State {
    /// What the file held when the cache was opened, `nil` if there was none or it was refused; after
    /// ``releaseUsedEntries()``, only the entries not used by then.
    var stored: PatternCacheFile?
    /// Set by ``releaseUsedEntries()``: the file is no longer all there, so ``save()`` writes nothing.
    var released = false
    /// Patterns used so far, in order, with where their serialised code and info are.
    var used: [(key: PatternKey, code: Code)] = []
    var seen: Set<PatternKey> = []
    var decoded = 0
    var compiled = 0
    /// Data entries recorded now (not found in the file).
    var recordedData = 0
  }

  private enum Code {
    /// Ranges of the stored file's bytes, with the digests they were stored with.
    case stored(code: Range<Int>, info: Range<Int>, digests: (code: UInt64, info: UInt64))
    /// Serialised now.
    case compiled(code: [UInt8], info: [UInt8])
  }

  /// Opens the cache file of the rule set whose identity is `key` (any digest of what the rule set is made
  /// from: a different rule set with the same key only costs misses, since patterns are looked up by their
  /// exact source and data entries by `scope`, a second digest of the same, `key` itself by default). A
  /// missing, damaged or foreign file is the same as an empty one.
  package init(key: UInt64, in directory: PatternCacheDirectory, scope: UInt64? = nil) {
    self.directory = directory
    file = directory.file(forKey: key)
    dataPrefix = ProgramBuild.identity.map { "\($0)\u{0}\(String(scope ?? key, radix: 16))\u{0}" }
    let stored = directory.read(file).flatMap { bytes in try? PatternCacheFile(bytes: bytes) }
    hasStoredPatterns = stored != nil
    state = Mutex(State(stored: stored))
  }

  /// The cache for a rule set made from `texts` (its files' contents) where the environment puts it, or
  /// `nil` when `FACTCHECK_PATTERN_CACHE=0` or there is nowhere to put it.
  package static func forRuleSet(_ texts: [String], directory: PatternCacheDirectory? = .fromEnvironment())
    -> PatternCache?
  {
    guard let directory else { return nil }
    var digest = ByteDigest()
    // Seeded otherwise: two rule sets whose file keys collide still keep their derived entries apart.
    var scope = ByteDigest(seed: 0x6A09_E667_F3BC_C909)
    for text in texts {
      digest.combine(text)
      scope.combine(text)
    }
    return PatternCache(key: digest.value, in: directory, scope: scope.value)
  }

  /// The key of a data entry named `name` (what it is and what it was derived from): made by this build of
  /// the program (``ProgramBuild/identity``) for this rule set, so that an entry another build, or another
  /// rule set, derived is never found. `nil` when the build cannot be told: then nothing derived is cached.
  package func dataKey(_ name: String) -> PatternKey? {
    dataPrefix.map { PatternKey(flags: PatternKey.dataFlags, source: Array(($0 + name).utf8)) }
  }

  /// The value named `name` that the rule compiler derives from the rule set: decoded from its data entry when
  /// an earlier run of this build recorded one, else `derive`d now and recorded (`encode`). Without a cache,
  /// or where the build cannot be told (``dataKey(_:)``), derived every time; a value `derive` cannot give
  /// (it throws) is not recorded, so that it throws on every run.
  package static func derived<Value, Failure: Error>(
    _ name: String, in cache: PatternCache?, decode: (UnsafeRawBufferPointer) -> Value?, encode: (Value) -> [UInt8],
    derive: () throws(Failure) -> Value
  ) throws(Failure) -> Value {
    let key = cache?.dataKey(name)
    if let key, let stored = cache?.withData(for: key, decode) { return stored }
    let value = try derive()
    if let key { cache?.record(data: encode(value), for: key) }
    return value
  }

  /// Lets the kernel take back the pages of the mapped file read so far (``CacheFileBytes/dropResidentPages()``):
  /// without it, a run that had read most of the file at start-up (16 MB for the bundled rules) counted them
  /// in its memory to the end (measured: 102 MB at the peak of a check of 330 generated articles, 88 MB without
  /// the cache).
  package func dropResidentPages() { state.withLock { $0.stored?.bytes.dropResidentPages() } }

  /// Whether ``releaseUsedEntries()`` has run: the entries used so far are no longer found.
  package var isReleased: Bool { state.withLock { $0.released } }

  /// Whether ``save()`` would write the file now: a pattern was compiled or a data entry recorded.
  package var needsSaving: Bool { state.withLock { $0.compiled > 0 || $0.recordedData > 0 } }

  /// Patterns found in the file and patterns compiled, so far.
  package var counts: (decoded: Int, compiled: Int) { state.withLock { ($0.decoded, $0.compiled) } }

  /// The pattern stored under `key`, to decode when it is first needed, or `nil` when the file does not have
  /// it (then the caller compiles).
  func stored(_ key: PatternKey) -> StoredPattern? {
    state.withLock { state in
      guard let stored = state.stored, let entry = stored.entry(for: key), stored.bytes.hasDigest(entry.infoDigest, in: entry.info),
        let pattern = StoredPattern(bytes: stored.bytes, code: entry.code, codeDigest: entry.codeDigest, info: entry.info)
      else { return nil }
      state.decoded += 1
      if state.seen.insert(key).inserted {
        state.used.append((key, .stored(code: entry.code, info: entry.info, digests: (entry.codeDigest, entry.infoDigest))))
      }
      return pattern
    }
  }

  /// Remembers a pattern just compiled, serialised with its info, for ``save()``.
  func record(_ code: OpaquePointer, info: PatternInfo, for key: PatternKey) {
    var codes: [OpaquePointer?] = [code]
    var bytes: UnsafeMutablePointer<UInt8>? = nil
    var size = 0
    let encoded = pcre2_serialize_encode_8(&codes, 1, &bytes, &size, nil)
    state.withLock { state in
      state.compiled += 1
      if encoded == 1, let bytes, state.seen.insert(key).inserted {
        state.used.append((key, .compiled(code: Array(UnsafeBufferPointer(start: bytes, count: size)), info: info.encoded)))
      }
    }
    if let bytes { pcre2_serialize_free_8(bytes) }
  }

  /// The error PCRE2 gave for `key` on the run that wrote the file, or `nil` when the file has none.
  func failure(for key: PatternKey) -> PatternError? {
    withData(for: key.failure) { bytes in
      guard bytes.count >= 8 else { return nil }
      let offset = bytes.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
      return .compile(message: String(decoding: bytes.dropFirst(8), as: UTF8.self), offset: offset)
    }
  }

  /// Remembers that `key` does not compile, with PCRE2's error, for ``save()``; not a failure to get memory.
  func record(failure: PatternError, for key: PatternKey) {
    guard case .compile(let message, let offset) = failure, !failure.isOutOfMemory else { return }
    var bytes: [UInt8] = []
    withUnsafeBytes(of: UInt64(offset).littleEndian) { bytes += $0 }
    bytes += message.utf8
    record(data: bytes, for: key.failure)
  }

  /// The bytes stored under `key` (a ``dataKey(_:)``) besides the compiled patterns, or `nil`
  /// when the file does not have them (then the caller computes them and ``record(data:for:)``s them).
  ///
  /// The rule compiler keeps there what it derives from each rule on every run and that the rule set's
  /// texts decide (a rule's prefilter): the file is keyed by those texts, like the patterns.
  package func data(for key: PatternKey) -> [UInt8]? { withData(for: key) { Array($0) } }

  /// What `body` makes of the bytes stored under `key` (read in place, in the file), or `nil` when the file
  /// does not have them, they are damaged, or `body` gives `nil` (then the caller derives the value and
  /// records it, which replaces the entry). The bytes are valid only during `body`.
  package func withData<Value>(for key: PatternKey, _ body: (UnsafeRawBufferPointer) -> Value?) -> Value? {
    state.withLock { state in
      guard let stored = state.stored, let entry = stored.entry(for: key), stored.bytes.hasDigest(entry.codeDigest, in: entry.code),
        let value = body(UnsafeRawBufferPointer(rebasing: stored.bytes.buffer[entry.code]))
      else { return nil }
      if state.seen.insert(key).inserted {
        state.used.append((key, .stored(code: entry.code, info: entry.info, digests: (entry.codeDigest, entry.infoDigest))))
      }
      return value
    }
  }

  /// Remembers bytes computed now under `key`, for ``save()``.
  package func record(data: [UInt8], for key: PatternKey) {
    state.withLock { state in
      state.recordedData += 1
      if state.seen.insert(key).inserted { state.used.append((key, .compiled(code: data, info: []))) }
    }
  }

  /// Writes the file again if anything was compiled (a rule set seen for the first time, a rule edited, a
  /// file refused) or any data entry recorded, holding every pattern and data entry used; otherwise leaves
  /// it as it is.
  package func save() {
    let saving: (used: [(key: PatternKey, code: Code)], stored: PatternCacheFile?)? = state.withLock { state in
      !state.released && (state.compiled > 0 || state.recordedData > 0) ? (state.used, state.stored) : nil
    }
    guard let (used, stored) = saving else { return }
    let entries = used.map { entry -> PatternCacheFile.EncodedEntry in
      switch entry.code {
      case .stored(let code, let info, let digests): return (entry.key, stored!.bytes[code][...], stored!.bytes[info][...], digests)
      case .compiled(let code, let info): return (entry.key, code[...], info[...], nil)
      }
    }
    let bytes = PatternCacheFile.encode(entries)
    guard bytes.count <= Self.maximumFileSize else { return }
    directory.write(bytes, to: file)
  }

  /// Lets go of what the rule set's compilation used, once ``save()`` has written the file: the entries used,
  /// their keys and the code serialised now, and the file's pages read so far (``dropResidentPages()``). The
  /// entries not used yet stay, to decode the patterns of the language plans a run builds later; ``save()``
  /// then writes nothing.
  package func releaseUsedEntries() {
    state.withLock { state in
      guard !state.released else { return }
      state.released = true
      var usedCodes = Set<Int>()
      for entry in state.used { if case .stored(let code, _, _) = entry.code { usedCodes.insert(code.lowerBound) } }
      state.stored = state.stored?.keeping { !usedCodes.contains($0.lowerBound) }
      state.stored?.bytes.dropResidentPages()
      state.used = []
      state.seen = []
    }
  }

  /// A rule set whose compiled patterns take more than this is not cached: the bundled rules take 8.6 MB
  /// (their patterns expand to kilobytes each), and with ``PatternCacheDirectory/maximumFiles`` this bounds
  /// the folder's size.
  package static let maximumFileSize = 64 << 20
}
