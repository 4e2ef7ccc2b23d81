import FactCheckModel
import PatternMatching

// A language's catalog takes a fifth of a one-file check's rule compilation to build (its vocabularies turned
// into alternations), and the rule set's texts decide it (the lexicon and the entities): so it is kept in the
// rule set's pattern cache, in this layout (``CacheEntryWriter``), both lists sorted by name:
//
//     builtins × (name  regex)  expandedFragments × (name  regex)
extension PlaceholderCatalog {
  /// The name of a language's catalog in the pattern cache; the version part changes with the layout.
  static func cacheName(language: String) -> String { "catalog 1\u{0}\(language)" }

  /// The catalog's fragments in the layout above.
  var encoded: [UInt8] {
    var writer = CacheEntryWriter()
    for table in [builtins, expandedFragments] {
      writer.append(table.count)
      for name in table.keys.sorted() {
        writer.append(name)
        writer.append(table[name]!)
      }
    }
    return writer.bytes
  }

  /// The catalog of `lexicon` whose fragments `bytes` hold, or `nil` when they do not follow the layout exactly.
  init?(encoded bytes: UnsafeRawBufferPointer, lexicon: Lexicon) {
    var reader = CacheEntryReader(bytes)
    var tables: [[String: String]] = []
    for _ in 0..<2 {
      guard let count = reader.count(ofItemsAtLeast: 8) else { return nil }
      var table: [String: String] = [:]
      table.reserveCapacity(count)
      for _ in 0..<count {
        guard let name = reader.string(), let regex = reader.string() else { return nil }
        table[name] = regex
      }
      tables.append(table)
    }
    guard reader.isAtEnd else { return nil }
    self.init(lexicon: lexicon, builtins: tables[0], expandedFragments: tables[1])
  }

  /// The catalog of `language`: from `cache` when an earlier run of this build recorded it, else built now
  /// and recorded there.
  static func of(language: String, lexicon: Lexicon, entities: [EntityDefinition], cache: PatternCache?) -> PlaceholderCatalog {
    PatternCache.derived(cacheName(language: language), in: cache,
                         decode: { PlaceholderCatalog(encoded: $0, lexicon: lexicon) }, encode: \.encoded) {
      PlaceholderCatalog(lexicon: lexicon, entities: entities)
    }
  }
}
