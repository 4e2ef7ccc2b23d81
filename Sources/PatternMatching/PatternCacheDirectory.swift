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

  /// A file's bytes, mapped (``CacheFileBytes``), or `nil` when there is none (or it cannot be mapped); marks
  /// it used, so that pruning keeps the rule sets in use, not the ones most recently written.
  func read(_ file: String) -> CacheFileBytes? {
    let descriptor = open(file, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    // The mapping outlives the descriptor.
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size > 0, let bytes = CacheFileBytes(mapping: descriptor, count: Int(info.st_size))
    else { return nil }
    _ = utimes(file, nil)
    return bytes
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
