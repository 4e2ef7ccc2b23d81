import CPCRE2

/// What PCRE2 says of a compiled pattern that a caller needs before it matches (`pcre2_pattern_info`): its
/// groups, and whether a match is anchored or may be empty.
///
/// The pattern cache keeps it beside each pattern's serialised code, so that a pattern read from the cache
/// answers these without its code, which is then decoded only when the pattern first matches: a one-file
/// check matches a fraction of the rules it loads, and decoding all of them was 6.4 MB of memory at the
/// start of every run (measured with massif: 44 % of that run's peak heap).
struct PatternInfo: Sendable, Equatable {
  /// Number of capturing groups (not counting group 0).
  let captureCount: Int
  /// Whether a match can only start where the search starts (PCRE2_ANCHORED inferred).
  let isAnchored: Bool
  /// Whether a match can be empty (PCRE2_INFO_MATCHEMPTY).
  let matchesEmpty: Bool
  /// Named groups, name → group number.
  let groupNumbers: [String: Int]

  /// What PCRE2 says of `code`.
  init(code: OpaquePointer) {
    var allOptions: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ALLOPTIONS), &allOptions)
    isAnchored = allOptions & UInt32(PCRE2_ANCHORED) != 0
    var empty: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MATCHEMPTY), &empty)
    matchesEmpty = empty != 0
    var count: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
    captureCount = Int(count)
    groupNumbers = PatternInfo.readNameTable(code)
  }

  private init(captureCount: Int, isAnchored: Bool, matchesEmpty: Bool, groupNumbers: [String: Int]) {
    self.captureCount = captureCount
    self.isAnchored = isAnchored
    self.matchesEmpty = matchesEmpty
    self.groupNumbers = groupNumbers
  }

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

  // Layout in a cache file entry (``CacheEntryWriter``): captureCount  isAnchored  matchesEmpty
  // names × (group number  name), names sorted.

  /// The information in the layout above.
  var encoded: [UInt8] {
    var writer = CacheEntryWriter()
    writer.append(captureCount)
    writer.append(isAnchored)
    writer.append(matchesEmpty)
    writer.append(groupNumbers.count)
    for name in groupNumbers.keys.sorted() {
      writer.append(groupNumbers[name]!)
      writer.append(name)
    }
    return writer.bytes
  }

  /// The information `bytes` hold, or `nil` when they do not follow the layout exactly.
  init?(encoded bytes: UnsafeRawBufferPointer) {
    var reader = CacheEntryReader(bytes)
    guard let captureCount = reader.int(), let isAnchored = reader.bool(), let matchesEmpty = reader.bool(),
      let count = reader.count(ofItemsAtLeast: 8)
    else { return nil }
    var groupNumbers: [String: Int] = [:]
    groupNumbers.reserveCapacity(count)
    for _ in 0..<count {
      guard let number = reader.int(), let name = reader.string() else { return nil }
      groupNumbers[name] = number
    }
    guard reader.isAtEnd, groupNumbers.count == count else { return nil }
    self.init(captureCount: captureCount, isAnchored: isAnchored, matchesEmpty: matchesEmpty, groupNumbers: groupNumbers)
  }
}
