import FactCheckModel
import PatternMatching

// A prefilter takes a parse of its rule's pattern and of the fragments it uses (about a sixth of a one-file
// check's instructions for the bundled rules), and the rule set's texts decide it: so it is kept in the rule
// set's pattern cache with the compiled patterns, in this layout (integers little-endian u32):
//
//     needsNumber (0 or 1)  requirements  × (alternatives  × (length  bytes))
extension Prefilter {
  /// The cache key of the prefilter of `rule`; the version part changes with the layout or the analysis.
  static func cacheKey(of rule: RuleDefinition) -> PatternKey {
    .data("prefilter 1\u{0}\(rule.language)\u{0}\(rule.caseSensitive ? "cased" : "caseless")\u{0}\(rule.pattern)")
  }

  /// The prefilter's bytes in the layout above.
  var encoded: [UInt8] {
    var bytes: [UInt8] = []
    func append(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
    append(needsNumber ? 1 : 0)
    append(requirements.count)
    for alternatives in requirements {
      append(alternatives.count)
      for literal in alternatives {
        append(literal.count)
        bytes += literal
      }
    }
    return bytes
  }

  /// The prefilter `bytes` hold, or `nil` when they do not follow the layout exactly.
  init?(encoded bytes: ArraySlice<UInt8>) {
    var offset = bytes.startIndex
    func next() -> Int? {
      guard bytes.endIndex - offset >= 4 else { return nil }
      defer { offset += 4 }
      return bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
    guard let flag = next(), flag <= 1, let count = next(), count <= bytes.count else { return nil }
    var requirements: [[[UInt8]]] = []
    for _ in 0..<count {
      guard let alternativeCount = next(), alternativeCount <= bytes.count else { return nil }
      var alternatives: [[UInt8]] = []
      for _ in 0..<alternativeCount {
        guard let length = next(), length <= bytes.endIndex - offset else { return nil }
        alternatives.append(Array(bytes[offset..<offset + length]))
        offset += length
      }
      requirements.append(alternatives)
    }
    guard offset == bytes.endIndex else { return nil }
    self.init(requirements: requirements, needsNumber: flag == 1)
  }

  /// The prefilter of `rule`: from `cache` when an earlier run recorded it, else analysed now (through
  /// `fragments`) and recorded there.
  static func of(_ rule: RuleDefinition, catalog: PlaceholderCatalog, fragments: () -> FragmentAnalyses,
                 cache: PatternCache?) -> Prefilter {
    let key = cacheKey(of: rule)
    if let bytes = cache?.data(for: key), let stored = Prefilter(encoded: bytes) { return stored }
    let prefilter = Prefilter(rule: rule, catalog: catalog, fragments: fragments())
    cache?.record(data: prefilter.encoded, for: key)
    return prefilter
  }
}
