import Foundation
import Testing

@testable import PatternMatching

/// The persistent cache of compiled patterns: a second compilation decodes what the first wrote and
/// matches the same; a damaged, truncated or foreign file is refused and the patterns compile as before.
@Suite struct PatternCacheTests {
  /// Patterns of the kinds rules use: named groups, caseless, anchored (`\G`), Unicode properties.
  static let patterns: [(source: String, options: PatternOptions)] = [
    ("(?<who>\\p{Lu}\\p{L}+) (?:employs|emploie) (?<count>[0-9][0-9 ,.]*)", []),
    ("\\b(?:milliards?|billion)\\b", [.caseless]),
    ("\\G[ \\x{A0}]*,[ \\x{A0}]*(\\p{L}+)", [.caseless]),
    ("(?(DEFINE)(?<d>[0-9]+))(?&d)(?:\\.(?&d))? ?%", []),
  ]
  static let subjects = ["Acme employs 3,500 people", "Klarna emploie 5 000 salariés, 2 milliards", "12.5 % et 7%", ", été"]

  /// Compiles ``patterns`` inside `cache`'s scope (or without a cache) and saves it.
  static func compile(with cache: PatternCache?) throws -> [CompiledPattern] {
    let compiled = try PatternCache.$current.withValue(cache) {
      try patterns.map { try CompiledPattern($0.source, options: $0.options) }
    }
    cache?.save()
    return compiled
  }

  /// Everything a caller can see of a pattern: matches with groups, anchoring, start information.
  static func behaviour(of pattern: CompiledPattern) throws -> String {
    var lines = ["anchored \(pattern.isAnchored) captures \(pattern.captureCount) names \(pattern.groupNumbers.sorted { $0.key < $1.key })",
                 "\(StartInformation(code: pattern.code))"]
    let matcher = Matcher()
    for subject in subjects {
      let text = UTF8Subject(subject)
      let matches = try matcher.matches(of: pattern, in: text)
      lines.append(matches.map { match in (0...pattern.captureCount).map { "\(String(describing: match.group($0)))" }.joined(separator: " ") }.joined(separator: "; "))
    }
    return lines.joined(separator: "\n")
  }

  static func temporaryDirectory() -> PatternCacheDirectory {
    PatternCacheDirectory(path: NSTemporaryDirectory() + "factcheck-pattern-cache-\(UUID().uuidString)")
  }

  @Test func secondCompilationDecodesAndMatchesTheSame() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let uncached = try Self.compile(with: nil).map(Self.behaviour)

    let first = PatternCache(key: 1, in: directory)
    #expect(!first.hasStoredPatterns)
    let filled = try Self.compile(with: first).map(Self.behaviour)
    #expect(first.counts == (decoded: 0, compiled: Self.patterns.count))
    #expect(FileManager.default.fileExists(atPath: first.file))
    let written = try #require(FileManager.default.contents(atPath: first.file))

    let second = PatternCache(key: 1, in: directory)
    #expect(second.hasStoredPatterns)
    let decoded = try Self.compile(with: second)
    #expect(second.counts == (decoded: Self.patterns.count, compiled: 0))
    // Found, not decoded yet: groups and anchoring come from the info stored beside the code.
    #expect(decoded.allSatisfy { !$0.hasCode })
    let reference = try Self.compile(with: nil).map(\.groupNumbers)
    #expect(decoded.map(\.groupNumbers) == reference)
    #expect(decoded.allSatisfy { !$0.hasCode })
    #expect(try decoded.map(Self.behaviour) == uncached)
    #expect(decoded.allSatisfy { $0.hasCode })
    #expect(filled == uncached)
    // Nothing compiled: the file is left as it was.
    #expect(FileManager.default.contents(atPath: second.file) == written)
    // Decoded patterns JIT-compile (lazily, as compiled ones) and match the same.
    let jitted = try PatternCache.$current.withValue(PatternCache(key: 1, in: directory)) {
      try Self.patterns.map { try CompiledPattern($0.source, options: $0.options, jitThreshold: 0) }
    }
    #expect(jitted.allSatisfy { $0.isJITCompiled })
    #expect(try jitted.map(Self.behaviour).map { $0.split(separator: "\n").dropFirst(2) }
              == uncached.map { $0.split(separator: "\n").dropFirst(2) })
  }

  @Test func aPatternIsFoundOnlyByItsExactSourceAndOptions() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    _ = try Self.compile(with: PatternCache(key: 2, in: directory))
    let cache = PatternCache(key: 2, in: directory)
    let caseSensitive = try PatternCache.$current.withValue(cache) { try CompiledPattern("\\b(?:milliards?|billion)\\b") }
    let edited = try PatternCache.$current.withValue(cache) { try CompiledPattern("\\b(?:milliards?|billions)\\b", options: [.caseless]) }
    #expect(cache.counts == (decoded: 0, compiled: 2))
    #expect(try Matcher().firstMatch(of: caseSensitive, in: UTF8Subject("2 Milliards")) == nil)
    #expect(try Matcher().firstMatch(of: edited, in: UTF8Subject("2 Billions"))?.range == 2..<10)
    // Compile errors are never cached: the same error, every time.
    #expect(throws: PatternError.self) { try PatternCache.$current.withValue(cache) { try CompiledPattern("ab[c") } }
  }

  /// A fresh folder with the file a cache under `key` wrote for ``patterns``, the cache, and the file's bytes.
  static func writtenFile(key: UInt64) throws -> (PatternCacheDirectory, PatternCache, [UInt8]) {
    let directory = temporaryDirectory()
    let cache = PatternCache(key: key, in: directory)
    _ = try compile(with: cache)
    return (directory, cache, try #require(FileManager.default.contents(atPath: cache.file).map { [UInt8]($0) }))
  }

  /// A byte of an entry's code or info flipped: the file opens, but that entry is refused when it is used
  /// (its digest no longer matches), and the pattern is compiled from its source instead; the others decode.
  @Test(arguments: [100, 1_500, 3_000])
  func aDamagedEntryIsCompiledAgain(fromTheEnd offset: Int) throws {
    let (directory, first, written) = try Self.writtenFile(key: 6)
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let uncached = try Self.compile(with: nil).map(Self.behaviour)
    var bytes = written
    bytes[bytes.count - offset] ^= 0x40
    _ = try PatternCacheFile(bytes: bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: first.file))

    let second = PatternCache(key: 6, in: directory)
    #expect(second.hasStoredPatterns)
    #expect(try Self.compile(with: second).map(Self.behaviour) == uncached)
  }

  /// A damaged entry is refused where it is read: a pattern's code when it is decoded (the pattern is then
  /// compiled from its source), and a data entry's bytes when they are asked for (the caller derives them
  /// again, and what it records replaces the entry). A file written again keeps a damaged entry's digest, so
  /// the damage is still seen in the new file.
  @Test func aDamagedEntryIsRefusedWhereItIsRead() throws {
    let (directory, cache, _) = try Self.writtenFile(key: 8)
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    guard let dataKey = cache.dataKey("a derived value") else { return }
    cache.record(data: Array(repeating: 7, count: 64), for: dataKey)
    cache.save()
    var bytes = try #require(FileManager.default.contents(atPath: cache.file).map { [UInt8]($0) })
    let intact = try PatternCacheFile(bytes: bytes)
    let patternKey = PatternKey(Self.patterns[0].source, options: Self.patterns[0].options)
    let pattern = try #require(intact.entry(for: patternKey))
    let data = try #require(intact.entry(for: dataKey))
    #expect(intact.bytes.hasDigest(pattern.codeDigest, in: pattern.code) && intact.bytes.hasDigest(data.codeDigest, in: data.code))
    bytes[pattern.code.lowerBound + pattern.code.count / 2] ^= 0x01
    bytes[data.code.lowerBound + 3] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: cache.file))

    let damaged = PatternCache(key: 8, in: directory)
    #expect(damaged.hasStoredPatterns)
    #expect(damaged.data(for: dataKey) == nil)
    let stored = try #require(damaged.stored(patternKey))
    #expect(stored.decode() == nil)
    // The pattern still compiles and matches as before.
    let uncached = try Self.compile(with: nil).map(Self.behaviour)
    #expect(try Self.compile(with: damaged).map(Self.behaviour) == uncached)
    damaged.record(data: Array(repeating: 9, count: 64), for: dataKey)
    damaged.save()

    let rewritten = PatternCache(key: 8, in: directory)
    #expect(rewritten.data(for: dataKey) == Array(repeating: 9, count: 64))
    #expect(rewritten.stored(patternKey)?.decode() == nil)
  }

  @Test(arguments: ["flipped header byte", "truncated", "other PCRE2", "not a cache file", "empty"])
  func aDamagedFileIsIgnored(damage: String) throws {
    let (directory, first, written) = try Self.writtenFile(key: 3)
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let uncached = try Self.compile(with: nil).map(Self.behaviour)
    var bytes = written
    let expected: PatternCacheError
    switch damage {
    case "flipped header byte":
      // The first entry's flags: after the magic, format, version (length and text), count, payload length
      // and headers' digest.
      bytes[8 + 4 + 4 + PatternCacheFile.pcre2Version.utf8.count + 4 + 8 + 8] ^= 0x40
      expected = .checksumMismatch
    case "truncated":
      bytes.removeLast(bytes.count / 3)
      expected = .truncated
    case "other PCRE2":
      let version = Array(PatternCacheFile.pcre2Version.utf8)
      let at = try #require(bytes.firstRange(of: version)).lowerBound
      bytes[at] = UInt8(ascii: "9")
      expected = .otherPCRE2Version("9" + PatternCacheFile.pcre2Version.dropFirst())
    case "not a cache file":
      bytes = Array("patterns: [] # some YAML\n".utf8)
      expected = .notACacheFile
    default:
      bytes = []
      expected = .notACacheFile
    }
    #expect(throws: expected) { try PatternCacheFile(bytes: bytes) }
    try Data(bytes).write(to: URL(fileURLWithPath: first.file))

    let second = PatternCache(key: 3, in: directory)
    #expect(!second.hasStoredPatterns)
    #expect(try Self.compile(with: second).map(Self.behaviour) == uncached)
    #expect(second.counts == (decoded: 0, compiled: Self.patterns.count))
    // …and the file is written again, whole.
    let third = PatternCache(key: 3, in: directory)
    _ = try Self.compile(with: third)
    #expect(third.counts == (decoded: Self.patterns.count, compiled: 0))
  }

  @Test func theFolderKeepsTheMostRecentlyUsedFiles() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let count = PatternCacheDirectory.maximumFiles + 3
    for key in 0..<UInt64(count) {
      _ = try Self.compile(with: PatternCache(key: 100 + key, in: directory))
      // Modification times of one second's resolution on some file systems: age them explicitly.
      try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(Int(key) - count) * 60)],
                                            ofItemAtPath: directory.file(forKey: 100 + key))
    }
    _ = try Self.compile(with: PatternCache(key: 999, in: directory))
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(files.count == PatternCacheDirectory.maximumFiles)
    #expect(files.contains { directory.file(forKey: 999).hasSuffix($0) })
    #expect(!files.contains { directory.file(forKey: 100).hasSuffix($0) })
  }

  @Test func theEnvironmentChoosesTheFolderOrTurnsTheCacheOff() {
    #expect(PatternCacheDirectory.fromEnvironment(["FACTCHECK_PATTERN_CACHE": "0", "HOME": "/home/a"]) == nil)
    #expect(PatternCacheDirectory.fromEnvironment(["FACTCHECK_PATTERN_CACHE": "off", "HOME": "/home/a"]) == nil)
    #expect(PatternCacheDirectory.fromEnvironment(["FACTCHECK_PATTERN_CACHE": "/tmp/pc", "HOME": "/home/a"])?.path == "/tmp/pc")
    #expect(PatternCacheDirectory.fromEnvironment(["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"])?.path == "/x/cache/factcheck")
    #expect(PatternCacheDirectory.fromEnvironment(["XDG_CACHE_HOME": "relative", "HOME": "/home/a"])?.path == "/home/a/.cache/factcheck")
    #expect(PatternCacheDirectory.fromEnvironment(["FACTCHECK_PATTERN_CACHE": "1", "HOME": "/home/a"])?.path == "/home/a/.cache/factcheck")
    #expect(PatternCacheDirectory.fromEnvironment([:]) == nil)
  }

  @Test func anUnwritableFolderMeansNoCache() throws {
    let cache = PatternCache(key: 4, in: PatternCacheDirectory(path: "/proc/factcheck-cannot-be-here"))
    #expect(try Self.compile(with: cache).map(Self.behaviour) == (try Self.compile(with: nil).map(Self.behaviour)))
    #expect(!FileManager.default.fileExists(atPath: cache.file))
  }

  /// Data keys carry the build that derived them (the linker's build ID, in hex: a SHA-1, MD5, UUID or an
  /// 8-byte hash) and the rule set (the cache's scope): an entry another build or rule set derived is never
  /// found. Where the build cannot be told there are no data keys; on Linux it always can.
  @Test func dataKeysCarryTheBuildAndTheRuleSet() throws {
    let directory = Self.temporaryDirectory()
    let one = PatternCache(key: 7, in: directory, scope: 1)
    let other = PatternCache(key: 7, in: directory, scope: 2)
    #if os(Linux)
      #expect(ProgramBuild.identity != nil)
    #endif
    guard let identity = ProgramBuild.identity else {
      #expect(one.dataKey("a derived value") == nil)
      return
    }
    #expect(identity.count >= 16 && identity.count % 2 == 0)
    #expect(identity.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    #expect(ProgramBuild.identity == identity)
    let key = try #require(one.dataKey("a derived value"))
    #expect(key.source == Array((identity + "\u{0}1\u{0}a derived value").utf8))
    #expect(key.flags == PatternKey.dataFlags)
    #expect(other.dataKey("a derived value") != key)
    #expect(PatternCache(key: 7, in: directory).dataKey("a derived value") != key)
  }

  /// Data entries (what the rule compiler derives from each rule) live beside the patterns: recording one
  /// writes the file even when no pattern was compiled, a later cache reads it back, and a data key never
  /// finds a pattern of the same source.
  @Test func dataEntriesAreKeptBesideThePatterns() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let first = PatternCache(key: 5, in: directory)
    _ = try Self.compile(with: first)
    let second = PatternCache(key: 5, in: directory)
    _ = try Self.compile(with: second)
    #expect(second.counts.compiled == 0)
    // Without a build ID nothing derived is cached (dataKeysCarryTheBuildAndTheRuleSet).
    guard let key = second.dataKey("prefilter of a rule"), let another = second.dataKey("another rule") else { return }
    #expect(second.data(for: key) == nil)
    second.record(data: [1, 2, 3], for: key)
    second.save()

    let third = PatternCache(key: 5, in: directory)
    #expect(third.data(for: key).map(Array.init) == [1, 2, 3])
    #expect(third.data(for: another) == nil)
    // The patterns are still there, decoded as before.
    _ = try Self.compile(with: third)
    #expect(third.counts == (decoded: Self.patterns.count, compiled: 0))
    #expect(third.stored(PatternKey(flags: PatternKey.dataFlags, source: Array(Self.patterns[0].source.utf8))) == nil)
  }

  /// A pattern that does not compile is kept as its error: a later cache gives the same error without
  /// compiling (a rule compiler that tries a written-out form too large for PCRE2 and falls back to a smaller
  /// one does not fail the large one on every run), and the entry is no pattern of the same source.
  @Test(arguments: ["(?<who>[a-", String(repeating: "(?:ab|cd)[0-9]{2,40}", count: 4_000)])
  func aCompileErrorIsKeptAsTheError(_ source: String) throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    func compile(_ cache: PatternCache) -> PatternError? {
      PatternCache.$current.withValue(cache) {
        do throws(PatternError) {
          _ = try CompiledPattern(source, options: [.caseless])
          return nil
        } catch { return error }
      }
    }
    let uncached: PatternError?
    do throws(PatternError) {
      _ = try CompiledPattern(source, options: [.caseless])
      uncached = nil
    } catch { uncached = error }
    let error = try #require(uncached)

    let first = PatternCache(key: 6, in: directory)
    #expect(first.failure(for: PatternKey(source, options: [.caseless])) == nil)
    #expect(compile(first) == error)
    #expect(first.needsSaving)
    first.save()

    let second = PatternCache(key: 6, in: directory)
    #expect(second.failure(for: PatternKey(source, options: [.caseless])) == error)
    #expect(second.failure(for: PatternKey(source, options: [])) == nil)
    #expect(compile(second) == error)
    #expect(second.counts == (decoded: 0, compiled: 0))
    #expect(!second.needsSaving)
    #expect(second.stored(PatternKey(source, options: [.caseless]).failure) == nil)
  }

  /// Once a rule set is compiled its cache lets go of the entries it used (the file stays mapped) and keeps
  /// the others, which later patterns are still decoded from; the file is not written again.
  @Test func releasingKeepsOnlyTheEntriesNotUsed() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let first = PatternCache(key: 7, in: directory)
    let uncached = try Self.compile(with: first).map(Self.behaviour)
    let written = try #require(FileManager.default.contents(atPath: first.file))

    let second = PatternCache(key: 7, in: directory)
    let (used, later) = (Self.patterns.prefix(2), Self.patterns.dropFirst(2))
    _ = try PatternCache.$current.withValue(second) { try used.map { try CompiledPattern($0.source, options: $0.options) } }
    second.releaseUsedEntries()
    let decodedLater = try PatternCache.$current.withValue(second) {
      try later.map { try CompiledPattern($0.source, options: $0.options) }
    }
    #expect(second.counts == (decoded: Self.patterns.count, compiled: 0))
    #expect(try decodedLater.map(Self.behaviour) == Array(uncached.dropFirst(2)))
    // A pattern used before the release is compiled again, the same.
    let again = try PatternCache.$current.withValue(second) { try CompiledPattern(used[0].source, options: used[0].options) }
    #expect(second.counts.compiled == 1)
    #expect(try Self.behaviour(of: again) == uncached[0])
    second.save()
    #expect(FileManager.default.contents(atPath: second.file) == written)
  }
}
