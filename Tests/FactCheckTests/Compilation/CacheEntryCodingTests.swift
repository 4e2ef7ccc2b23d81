import PatternMatching
import Testing

@testable import FactCheckModel
@testable import FactCheckRules

/// What the rule compiler keeps in the pattern cache (prefilters, catalogues, expansions) reads back as it
/// was written, and an entry that is cut short, runs on, or holds a count larger than itself reads as
/// nothing: the compiler then derives the value again, as if the entry were not there.
@Suite struct CacheEntryCodingTests {
  /// Every cut of `bytes` short of its end, and `bytes` with one byte more, decoded by `decode`: all `nil`.
  /// Cuts are taken at every byte of the first 64 and then at a spread of points, to keep the big entries
  /// (an expansion is kilobytes) quick.
  private static func refusesEveryDamagedCopy(of bytes: [UInt8], _ decode: (UnsafeRawBufferPointer) -> Bool) -> Bool {
    let cuts = Set(Array(0..<min(bytes.count, 64)) + stride(from: 64, to: bytes.count, by: max(1, bytes.count / 97)))
    for cut in cuts.sorted() where bytes.prefix(cut).withUnsafeBytes(decode) { return false }
    return !(bytes + [0]).withUnsafeBytes(decode)
  }

  @Test func everyBundledRulesExpansionAndPrefilterReadsBackAsWritten() throws {
    let rules = Fixtures.bundledRules
    for rule in rules.rules {
      let expansion = rule.expansion
      let bytes = expansion.encoded
      let back = try #require(bytes.withUnsafeBytes(ExpandedPattern.init(encoded:)), "\(rule.id)")
      #expect(back.regexUTF8 == expansion.regexUTF8, "\(rule.id)")
      #expect(back.slots == expansion.slots, "\(rule.id)")
      #expect(back.pieces.map { [$0.output, $0.source] } == expansion.pieces.map { [$0.output, $0.source] }, "\(rule.id)")
      #expect(back.pieces.map(\.isPlaceholder) == expansion.pieces.map(\.isPlaceholder), "\(rule.id)")
      #expect(Self.refusesEveryDamagedCopy(of: bytes) { ExpandedPattern(encoded: $0) != nil }, "\(rule.id)")

      let prefilter = rule.prefilter.encoded
      #expect(prefilter.withUnsafeBytes(Prefilter.init(encoded:)) == rule.prefilter, "\(rule.id)")
      #expect(Self.refusesEveryDamagedCopy(of: prefilter) { Prefilter(encoded: $0) != nil }, "\(rule.id)")
    }
  }

  @Test func everyLanguagesCatalogueReadsBackAsWritten() throws {
    for (language, catalog) in Fixtures.bundledRules.catalogs {
      let bytes = catalog.encoded
      let back = try #require(bytes.withUnsafeBytes { PlaceholderCatalog(encoded: $0, lexicon: catalog.lexicon) })
      #expect(back.builtins == catalog.builtins, "\(language)")
      #expect(back.expandedFragments == catalog.expandedFragments, "\(language)")
      #expect(Self.refusesEveryDamagedCopy(of: bytes) { PlaceholderCatalog(encoded: $0, lexicon: catalog.lexicon) != nil })
    }
  }

  /// Slots of every role, labels or none, and a count that claims more items than the entry holds.
  @Test(arguments: [
    PlaceholderSlot.Role.value(.money), .hedge, .period, .entity, .date, .noun, .fragment("staff"),
  ])
  func aSlotOfEveryRoleReadsBack(_ role: PlaceholderSlot.Role) throws {
    let slots = [
      PlaceholderSlot(role: role, name: "first", label: nil, group: "s0", sourceRange: 0..<7),
      PlaceholderSlot(role: role, name: "second", label: "before", group: "s1", sourceRange: 8..<24),
    ]
    let expansion = ExpandedPattern(regex: "(?<s0>a)é(?<s1>b)", slots: slots,
                                    pieces: [.init(output: 0..<9, source: 0..<7, isPlaceholder: true)])
    let back = try #require(expansion.encoded.withUnsafeBytes(ExpandedPattern.init(encoded:)))
    #expect(back.slots == slots)
    #expect(back.regex == "(?<s0>a)é(?<s1>b)")
    // The slot count (after the regex's length and bytes) raised past what the entry can hold.
    var inflated = expansion.encoded
    let countOffset = 4 + expansion.regexUTF8.count
    inflated.replaceSubrange(countOffset..<countOffset + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
    #expect(inflated.withUnsafeBytes(ExpandedPattern.init(encoded:)) == nil)
  }
}
