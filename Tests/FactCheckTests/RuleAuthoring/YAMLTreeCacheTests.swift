import Foundation
import PatternMatching
import Testing

@testable import FactCheckModel
@testable import FactCheckRules

/// The trees of rule files the pattern cache keeps (``YAMLReader/compose()``): every bundled file's tree reads
/// back as composed, a damaged entry reads as nothing, and rules loaded through the cache are the rules loaded
/// without it, problems included, which a file that has some reports on every load.
@Suite struct YAMLTreeCacheTests {
  /// Everything a reader can see of a node: kind, position, tag, style and text, recursively.
  static func dump(_ node: YAMLNode) -> String {
    func tag(_ tag: String?) -> String { tag.map { " !\($0)" } ?? "" }
    switch node {
    case .scalar(let scalar):
      return "s\(scalar.mark.line):\(scalar.mark.column)\(tag(scalar.tag)) \(scalar.style.rawValue) \(scalar.string.debugDescription)"
    case .mapping(let mapping):
      let pairs = mapping.pairs.map { dump($0.key) + " => " + dump($0.value) }.joined(separator: ", ")
      return "m\(mapping.mark.line):\(mapping.mark.column)\(tag(mapping.tag)) {\(pairs)}"
    case .sequence(let list):
      return "l\(list.mark.line):\(list.mark.column)\(tag(list.tag)) [\(list.items.map(dump).joined(separator: ", "))]"
    }
  }

  static func bundledFiles() -> [String] {
    let walker = FileManager.default.enumerator(atPath: Fixtures.rules)
    var files: [String] = []
    while let name = walker?.nextObject() as? String {
      if name.hasSuffix(".yaml") { files.append(Fixtures.rules + "/" + name) }
    }
    return files.sorted()
  }

  @Test func everyBundledFilesTreeReadsBackAsComposed() throws {
    let files = Self.bundledFiles()
    #expect(files.count > 20)
    for file in files {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      let root = try #require(YAMLReader(path: file, text: text).compose(), "\(file)")
      let bytes = root.encoded
      let back = try #require(bytes.withUnsafeBytes { YAMLNode(encoded: $0, maxDepth: YAMLReader.maxDepth) }, "\(file)")
      #expect(Self.dump(back) == Self.dump(root), "\(file)")
      // Cut short at a spread of points, or one byte too long: nothing.
      for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 61)) {
        #expect(bytes.prefix(cut).withUnsafeBytes { YAMLNode(encoded: $0, maxDepth: YAMLReader.maxDepth) } == nil, "\(file) cut at \(cut)")
      }
      #expect((bytes + [0]).withUnsafeBytes { YAMLNode(encoded: $0, maxDepth: YAMLReader.maxDepth) } == nil)
    }
  }

  /// Tags, every scalar style, anchors and aliases, nesting: the tree reads back; one level deeper than the
  /// reader allows does not.
  @Test func aTreeOfEveryKindReadsBack() throws {
    let text = """
      plain: text
      'quoted': "double"
      tagged: !!str 12
      folded: >
        one
        two
      literal: |
        kept
      list: [a, &x {k: v}, *x]
      nested: {a: {b: {c: [1, 2]}}}
      """
    let root = try #require(YAMLReader(path: "t.yaml", text: text).compose())
    let bytes = root.encoded
    let back = try #require(bytes.withUnsafeBytes { YAMLNode(encoded: $0, maxDepth: 64) })
    #expect(Self.dump(back) == Self.dump(root))
    #expect(Self.dump(root).contains("!tag:yaml.org,2002:str"))
    // The root mapping holds `nested` four collections deep: five levels in all.
    #expect(bytes.withUnsafeBytes { YAMLNode(encoded: $0, maxDepth: 5) } != nil)
    #expect(bytes.withUnsafeBytes { YAMLNode(encoded: $0, maxDepth: 4) } == nil)
  }

  /// The bundled rules and a layer with a broken file, loaded three times: without a cache, filling one, and
  /// from it. Rules, examples and problems are the same every time; only the good files' trees are kept.
  @Test func rulesLoadedThroughTheCacheAreTheRulesLoadedWithout() throws {
    let layer = try RuleAuthoring.temporaryDirectory("yaml-tree-cache")
    try RuleAuthoring.write("""
      rules:
        - id: fr.broken
          pattern: [unclosed
      """, to: layer + "/broken.yaml")
    let directory = PatternCacheDirectory(path: NSTemporaryDirectory() + "factcheck-tree-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    func summary(_ library: RuleLibrary) -> [String] {
      library.problems.map(\.description)
        + library.rules.map { "\($0.id) \($0.location) \($0.pattern) \($0.examples.map(\.text))" }
        + library.lexicons.keys.sorted() + library.entities.map(\.name) + library.attributes.keys.sorted()
        + library.checks.map(\.id) + ["\(library.suppressions.count) suppressions"]
    }
    let uncached = RuleFileLoader.load([Fixtures.rules, layer], cacheDirectory: nil)
    #expect(uncached.problems.contains { $0.location.path.hasSuffix("broken.yaml") })
    let filling = RuleFileLoader.load([Fixtures.rules, layer], cacheDirectory: directory)
    _ = RuleCompiler.compile(filling, cacheDirectory: directory)
    let cache = try #require(PatternCache.forRuleSet(uncached.fileTexts, directory: directory))
    let broken = try #require(uncached.fileTexts.last)
    // Where the build cannot be told (no build ID), nothing derived is cached, and there is nothing to look at.
    guard let brokenKey = cache.dataKey(YAMLNode.cacheName(of: broken)),
      let goodKey = cache.dataKey(YAMLNode.cacheName(of: uncached.fileTexts[0])) else { return }
    #expect(cache.data(for: brokenKey) == nil)
    #expect(cache.data(for: goodKey) != nil)
    let cached = RuleFileLoader.load([Fixtures.rules, layer], cacheDirectory: directory)
    #expect(summary(filling) == summary(uncached))
    #expect(summary(cached) == summary(uncached))
    // Every good file's tree was read from the cache: the load recorded nothing new (the broken file's
    // problems are never recorded, only trees).
    #expect(cached.patternCache?.cache.needsSaving == false)
    #expect(filling.patternCache?.cache.needsSaving == true)
  }
}
