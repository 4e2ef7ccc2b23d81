import Testing

@testable import FactCheck
@testable import FactCheckModel
@testable import FactCheckReconciliation
@testable import FactCheckRules

/// What a claim works out instead of storing (issue 15, peak memory per claim kept): its interval from its
/// hedge and value unless it was given another, its entity's name from a reference shared with the claims
/// that name it. Whatever is stored, a claim reads back as it was made and stays a value.
@Suite struct ClaimStorageTests {
  /// A claim of `value` under `hedge`, given `interval`.
  static func claim(_ value: Double, _ hedge: Hedge, interval: ValueInterval, entity: String? = "Nordhavn Logistik") -> Claim {
    Claim(document: "a.md", location: SourceLocation(path: "a.md", line: 1, column: 1), valueRange: 0..<1, matchRange: 0..<1,
          rule: "test", entity: entity, entitySource: .named, attribute: "employees", value: value, valueText: "1",
          interval: interval, unit: nil, hedge: hedge, period: .current, modality: .actual, language: "en",
          quote: "", sentence: "")
  }

  @Test(arguments: [
    // The hedge's own interval.
    (3_800.0, Hedge.exact, ValueInterval(3_800, 3_800)),
    (3_800, .approximate(tolerance: 0.05), Hedge.approximate(tolerance: 0.05).interval(around: 3_800)),
    (600_000, .lowerBound(inclusive: false), ValueInterval(600_000, .infinity)),
    (15, .range(high: 20), ValueInterval(15, 20)),
    // Another: a table's exact cell given a hedge, a claim read back from storage, a negative zero.
    (3_800, .approximate(tolerance: 0.05), ValueInterval(3_800, 3_800)),
    (0, .exact, ValueInterval(-0.0, -0.0)),
    (.nan, .exact, ValueInterval(.nan, .nan)),
    (42, .exact, ValueInterval(40, 44)),
  ])
  func intervalsReadBackAsGiven(value: Double, hedge: Hedge, interval: ValueInterval) {
    let claim = Self.claim(value, hedge, interval: interval)
    #expect(claim.interval.low.bitPattern == interval.low.bitPattern)
    #expect(claim.interval.high.bitPattern == interval.high.bitPattern)
    #expect(claim.value.bitPattern == value.bitPattern && claim.hedge == hedge)
  }

  @Test(arguments: [
    (Hedge.exact, 3_800.0, ValueInterval(3_800, 3_800)),
    (.approximate(tolerance: 0.1), 3_800, ValueInterval(3_420, 4_180)),
    (.exact, 3_800, ValueInterval(100, 200)),
  ])
  func changingTheValueOrTheHedgeKeepsTheInterval(hedge: Hedge, value: Double, interval: ValueInterval) {
    var claim = Self.claim(value, hedge, interval: interval)
    let before = claim.interval
    claim.value = value * 2
    #expect(claim.interval == before)
    claim.hedge = .upperBound(inclusive: true)
    #expect(claim.interval == before && claim.value == value * 2)
    claim.interval = claim.hedge.interval(around: claim.value)
    #expect(claim.interval == ValueInterval(-.infinity, value * 2))
  }

  @Test func aClaimStaysAValue() {
    let original = Self.claim(3_800, .exact, interval: ValueInterval(3_800, 3_800))
    var changed = original
    changed.interval = ValueInterval(1, 2)
    changed.entity = "Ostra"
    #expect(original.interval == ValueInterval(3_800, 3_800) && original.entity == "Nordhavn Logistik")
    #expect(changed.interval == ValueInterval(1, 2) && changed.entity == "Ostra")
    #expect(changed != original)
    changed.interval = ValueInterval(3_800, 3_800)
    changed.entity = "Nordhavn Logistik"
    #expect(changed == original && changed.hashValue == original.hashValue)
  }

  @Test(arguments: [nil, "", "Ostra", "Nordhavn Logistik", String(repeating: "Très long nom ", count: 40)] as [String?])
  func entitiesReadBackAsGiven(entity: String?) {
    var claim = Self.claim(1, .exact, interval: ValueInterval(1, 1), entity: entity)
    #expect(claim.entity == entity)
    let other = Self.claim(1, .exact, interval: ValueInterval(1, 1), entity: entity)
    #expect(claim == other)
    claim.entity = nil
    #expect(claim.entity == nil)
  }

  @Test(arguments: [
    // What the document names, the claim's entity, whether the document names another.
    ([], "Ostra", false),
    (["Ostra"], "Ostra", false),
    (["Ostra"], "Brava", true),
    (["Ostra", "Brava"], "Ostra", true),
    (["Ostra", "Ostra"], "Ostra", false),
    (["Brava", "Ostra", "Brava"], "", true),
  ] as [([String], String, Bool)])
  func aDocumentNamesAnotherEntity(named: [String], entity: String, expected: Bool) {
    let claims = named.map { name in Self.claim(1, .exact, interval: ValueInterval(1, 1), entity: name) }
    let store = ClaimStore(claims: ClaimList(claims), published: [:], names: NameTally(), library: Fixtures.bundledRules.library,
                           windowDays: nil)
    #expect(store.namesAnotherEntity(in: "a.md", than: entity) == expected)
    #expect(!store.namesAnotherEntity(in: "b.md", than: entity))
    // Given as sets (an archive's), the answer is the same.
    let fromSets = ClaimStore(claims: ClaimList(claims), published: [:], names: NameTally(), library: Fixtures.bundledRules.library,
                              windowDays: nil, namedEntities: named.isEmpty ? [:] : ["a.md": Set(named)])
    #expect(fromSets.namesAnotherEntity(in: "a.md", than: entity) == expected)
  }

  @Test func theStoreHandsItsNameTallyOver() {
    let occurrence = NameOccurrence(name: "Nordhavn", location: SourceLocation(path: "a.md", line: 1, column: 1), line: "Nordhavn")
    var store = ClaimStore(claims: ClaimList([]), published: [:], names: NameTally([occurrence]), library: Fixtures.bundledRules.library,
                           windowDays: nil)
    let taken = store.takeNames()
    #expect(taken.words["Nordhavn"]?.count == 1)
    #expect(store.names.words.isEmpty)
  }

  @Test(arguments: ["short", "The Morning Markets", String(repeating: "x", count: 200), ""])
  func repeatedStringsAreTheSameText(text: String) {
    let copy = String(decoding: Array(text.utf8), as: UTF8.self)
    #expect(RepeatedStrings.shared(text) == text)
    #expect(RepeatedStrings.shared(copy) == text)
  }
}
