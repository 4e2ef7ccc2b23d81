import Foundation

/// The folder pattern cache files live in, and how they are written there: atomically, and never more than
/// ``maximumFiles`` of them.
///
/// `$FACTCHECK_PATTERN_CACHE` chooses: `0` (or `off`, `no`, `false`) turns the cache off, an absolute path
/// puts it there; otherwise it is `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`. A folder that
/// cannot be created or written means no cache, never an error: the cache only saves time.
package struct PatternCacheDirectory: Sendable {
  package static let environmentVariable = "FACTCHECK_PATTERN_CACHE"
  /// Files kept: one per rule set (bundled rules, bundled plus a layer, a test's rules…); the least recently
  /// used go first, so the folder holds at most this many times ``PatternCache/maximumFileSize`` (some 70 MB
  /// for eight sets the size of the bundled rules) however many rule sets a machine has seen.
  package static let maximumFiles = 8
  static let prefix = "patterns-"
  static let suffix = ".pcre2"

  package let path: String

  package init(path: String) { self.path = path }

  /// The folder the environment asks for, or `nil` when the cache is off or there is no home to put it in.
  package static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
    -> PatternCacheDirectory?
  {
    if let setting = environment[environmentVariable], !setting.isEmpty {
      if ["0", "off", "no", "false"].contains(setting.lowercased()) { return nil }
      if setting.hasPrefix("/") { return PatternCacheDirectory(path: setting) }
    }
    // XDG Base Directory: a relative $XDG_CACHE_HOME is invalid and ignored.
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return PatternCacheDirectory(path: cache + "/factcheck")
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return PatternCacheDirectory(path: home + "/.cache/factcheck")
    }
    return nil
  }

  /// The file for a rule set's key.
  package func file(forKey key: UInt64) -> String {
    path + "/" + Self.prefix + String(key, radix: 16) + Self.suffix
  }

  /// A file's bytes, or `nil` when there is none (or it cannot be read); marks it used, so that pruning
  /// keeps the rule sets in use, not the ones most recently written.
  ///
  /// Read straight into the array: through `Data` and a copy, the file (some 11 MB for the bundled rules) was
  /// in memory twice while the cache opened, at the start of every run. A file that shrinks while it is read
  /// (a writer replaces files whole, so only something else could) counts as unreadable: no cache.
  func read(_ file: String) -> [UInt8]? {
    let descriptor = open(file, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size >= 0 else { return nil }
    let size = Int(info.st_size)
    guard size > 0 else { return nil }
    // Uninitialised, not zeroed first: the file fills it (zeroing the bundled rules' 11 MB cost 11 M
    // instructions, a third of opening the cache).
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialised in
      while initialised < size {
        let got = PatternCacheDirectory.systemRead(descriptor, buffer.baseAddress! + initialised, size - initialised)
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else {
          complete = false
          return
        }
        initialised += got
      }
    }
    guard complete else { return nil }
    _ = utimes(file, nil)
    return bytes
  }

  /// `read(2)`, which the method above hides.
  private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #else
      Darwin.read(descriptor, buffer, count)
    #endif
  }

  /// Writes `bytes` to `file` through a temporary file in the same folder and a rename, so that a reader
  /// (another `factcheck` at the same moment) sees the old file or the new one, never half of one; then
  /// prunes the folder. Failures are ignored: the next run compiles again.
  func write(_ bytes: [UInt8], to file: String) {
    let manager = FileManager.default
    guard (try? manager.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil else { return }
    let temporary = path + "/." + Self.prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    guard manager.createFile(atPath: temporary, contents: Data(bytes)) else { return }
    guard rename(temporary, file) == 0 else {
      _ = unlink(temporary)
      return
    }
    prune()
  }

  /// Removes all but the ``maximumFiles`` most recently used cache files, and temporary files an
  /// interrupted run left behind more than an hour ago.
  func prune() {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: path) else { return }
    func modified(_ name: String) -> Date {
      ((try? manager.attributesOfItem(atPath: path + "/" + name))?[.modificationDate] as? Date) ?? .distantPast
    }
    let files = names.filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(Self.suffix) }
      .map { (name: $0, modified: modified($0)) }
      .sorted { $0.modified > $1.modified }
    for stale in files.dropFirst(Self.maximumFiles) { try? manager.removeItem(atPath: path + "/" + stale.name) }
    let abandoned = Date().addingTimeInterval(-3600)
    for name in names where name.hasPrefix("." + Self.prefix) && name.hasSuffix(".tmp") && modified(name) < abandoned {
      try? manager.removeItem(atPath: path + "/" + name)
    }
  }
}
