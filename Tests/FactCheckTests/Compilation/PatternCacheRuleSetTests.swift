import Foundation
import PatternMatching
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The bundled rules compiled from the pattern cache check articles exactly as compiled ones do, and the
/// cache file is written by the first load only.
@Suite struct PatternCacheRuleSetTests {
  @Test func bundledRulesFromTheCacheCheckTheSame() throws {
    let directory = PatternCacheDirectory(path: NSTemporaryDirectory() + "factcheck-rule-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: directory.path) }
    let library = RuleFileLoader.load([Fixtures.rules])
    let uncached = RuleCompiler.compile(library, cacheDirectory: nil)
    #expect(!FileManager.default.fileExists(atPath: directory.path))

    _ = RuleCompiler.compile(library, cacheDirectory: directory)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(files.count == 1)
    let file = directory.path + "/" + (files.first ?? "")
    let written = try #require(FileManager.default.contents(atPath: file))

    let cached = RuleCompiler.compile(library, cacheDirectory: directory)
    // Every pattern was decoded: nothing compiled, so the file was not written again.
    #expect(FileManager.default.contents(atPath: file) == written)
    #expect(cached.problems.map(\.description) == uncached.problems.map(\.description))
    #expect(cached.rules.map(\.id) == uncached.rules.map(\.id))
    for (rule, reference) in zip(cached.rules, uncached.rules) {
      #expect(rule.pattern.source == reference.pattern.source)
      #expect(rule.pattern.isAnchored == reference.pattern.isAnchored)
      #expect(rule.pattern.groupNumbers == reference.pattern.groupNumbers)
      #expect(rule.pattern.startInformation == reference.pattern.startInformation, "\(rule.id)")
      // Prefilters and expansions are kept in the cache file too, and read back the same as derived.
      #expect(rule.prefilter == reference.prefilter, "\(rule.id)")
      #expect(rule.expansion.regexUTF8 == reference.expansion.regexUTF8, "\(rule.id)")
      #expect(rule.expansion.slots == reference.expansion.slots, "\(rule.id)")
      #expect(rule.expansion.pieces.map { [$0.output, $0.source] } == reference.expansion.pieces.map { [$0.output, $0.source] })
      #expect(rule.expansion.pieces.map(\.isPlaceholder) == reference.expansion.pieces.map(\.isPlaceholder))
      #expect(rule.slotGroups == reference.slotGroups, "\(rule.id)")
    }
    #expect(cached.catalogs.keys.sorted() == uncached.catalogs.keys.sorted())
    for (language, catalog) in uncached.catalogs {
      #expect(cached.catalogs[language]?.builtins == catalog.builtins, "\(language)")
      #expect(cached.catalogs[language]?.expandedFragments == catalog.expandedFragments, "\(language)")
    }
    let articles = try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples + "/klarna").sorted()
      .filter { $0.hasSuffix(".md") }.prefix(6).map { Fixtures.examples + "/klarna/" + $0 }
    let report = { (rules: CompiledRuleSet) in
      JSONReporter().report(FactChecker(rules: rules, options: FactCheckOptions(windowDays: 365)).check(paths: Array(articles)))
    }
    #expect(report(cached) == report(uncached))
  }
}
