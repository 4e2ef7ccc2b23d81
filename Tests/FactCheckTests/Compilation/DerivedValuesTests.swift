import Synchronization
import Testing

@testable import FactCheck
@testable import FactCheckRules

/// What later stages derive per language from a compiled rule set (``CompiledRuleSet/derived(for:build:)``):
/// built once per language and type, whatever the number of workers asking, and shared after; nothing for a
/// language without a lexicon.
@Suite struct DerivedValuesTests {
  /// A value of a type no stage uses, so that this test's values are its own.
  struct Probe: Sendable, Equatable {
    let language: String
    let serial: Int
  }

  /// Another type, to show that types are kept apart.
  struct OtherProbe: Sendable {
    let language: String
  }

  /// Counts the builds, from any thread.
  final class Builds: Sendable {
    let count = Mutex(0)

    func probe(_ catalog: PlaceholderCatalog) -> Probe {
      let serial = count.withLock { count in
        count += 1
        return count
      }
      return Probe(language: catalog.lexicon.language, serial: serial)
    }
  }

  @Test func eachLanguageAndTypeIsBuiltOnceAndShared() async {
    let rules = Fixtures.bundledRules
    let builds = Builds()
    let build = { @Sendable (catalog: PlaceholderCatalog) -> Probe in builds.probe(catalog) }
    let values = await withTaskGroup(of: Probe?.self) { group in
      for _ in 0..<8 { group.addTask { rules.derived(for: "fr", build: build) } }
      return await group.reduce(into: [Probe?]()) { $0.append($1) }
    }
    #expect(Set(values.map { $0?.serial }) == [1])
    #expect(values.allSatisfy { $0?.language == "fr" })
    #expect(rules.derived(for: "en", build: build)?.serial == 2)
    #expect(rules.derived(for: "fr", build: build)?.serial == 1)
    #expect(rules.derived(for: "fr") { OtherProbe(language: $0.lexicon.language) }?.language == "fr")
    #expect(builds.count.withLock { $0 } == 2)
  }

  /// A language with no lexicon has nothing to derive from; an optional value type is no way around that.
  @Test func aLanguageWithoutALexiconHasNoValue() {
    let rules = Fixtures.bundledRules
    #expect(rules.derived(for: "xx") { Probe(language: $0.lexicon.language, serial: 0) } == nil)
    #expect(rules.plan(for: "xx") == nil)
    #expect(rules.plan(for: "fr") != nil)
  }
}
