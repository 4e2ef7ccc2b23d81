import FactCheckModel
import PatternMatching

// A prefilter takes a parse of its rule's pattern and of the fragments it uses (about a sixth of a one-file
// check's instructions for the bundled rules), and the rule set's texts decide it: so it is kept in the rule
// set's pattern cache with the compiled patterns, in this layout (``CacheEntryWriter``):
//
//     needsNumber  requirements  × (alternatives  × (literal bytes))
extension Prefilter {
  /// The name of the prefilter of `rule` in the pattern cache; the version part changes with the layout.
  static func cacheName(of rule: RuleDefinition) -> String {
    "prefilter 2\u{0}\(rule.language)\u{0}\(rule.caseSensitive ? "cased" : "caseless")\u{0}\(rule.pattern)"
  }

  /// The prefilter's bytes in the layout above.
  var encoded: [UInt8] {
    var writer = CacheEntryWriter()
    writer.append(needsNumber)
    writer.append(requirements.count)
    for alternatives in requirements {
      writer.append(alternatives.count)
      for literal in alternatives { writer.append(literal) }
    }
    return writer.bytes
  }

  /// The prefilter `bytes` hold, or `nil` when they do not follow the layout exactly.
  init?(encoded bytes: UnsafeRawBufferPointer) {
    var reader = CacheEntryReader(bytes)
    guard let needsNumber = reader.bool(), let count = reader.count(ofItemsAtLeast: 4) else { return nil }
    var requirements: [[[UInt8]]] = []
    for _ in 0..<count {
      guard let alternativeCount = reader.count(ofItemsAtLeast: 4) else { return nil }
      var alternatives: [[UInt8]] = []
      for _ in 0..<alternativeCount {
        guard let literal = reader.run() else { return nil }
        alternatives.append(Array(literal))
      }
      requirements.append(alternatives)
    }
    guard reader.isAtEnd else { return nil }
    self.init(requirements: requirements, needsNumber: needsNumber)
  }

  /// The prefilter of `rule`: from `cache` when an earlier run of this build recorded it, else analysed now
  /// (through `fragments`) and recorded there.
  static func of(_ rule: RuleDefinition, catalog: PlaceholderCatalog, fragments: () -> FragmentAnalyses,
                 cache: PatternCache?) -> Prefilter {
    PatternCache.derived(cacheName(of: rule), in: cache, decode: Prefilter.init(encoded:), encode: \.encoded) {
      Prefilter(rule: rule, catalog: catalog, fragments: fragments())
    }
  }
}
