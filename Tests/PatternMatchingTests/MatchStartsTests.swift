import Testing

@testable import PatternMatching

/// Where a pattern's matches can start, read from its source (``MatchStarts``): the opening texts and bytes,
/// or `nil` where a match may start anywhere.
@Suite struct MatchStartsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let pattern: String
    let caseless: Bool
    /// The opening texts, each with the bytes that may follow it written after a `+` (none: anything may).
    let texts: Set<String>?
    /// The bytes a match opening with no text starts with.
    let bytes: Set<UInt8>
    var testDescription: String { pattern }
  }

  static let digits = Set<UInt8>(0x30...0x39)
  static let space: Set<UInt8> = [0x20]

  static let cases: [Case] = [
    // Words before a figure: each word with its space, and the digits that follow.
    Case(pattern: "(?:about|around) [0-9]+", caseless: true, texts: ["about +0123456789", "around +0123456789"], bytes: []),
    // A trie of words, as the rule compiler writes them, branches back into whole words. Under caseless
    // matching a text ends before an `s` (PCRE2 matches the long s with it, which the folded text does not hold).
    Case(pattern: "a(?:bout|round|lmost) [0-9]+", caseless: true,
         texts: ["about +0123456789", "around +0123456789", "almo+Ss\\u{C5}"], bytes: []),
    // An optional word: the figure opens a match too.
    Case(pattern: "(?:nearly )?[0-9]+%", caseless: false, texts: ["nearly +0123456789"], bytes: digits),
    // A figure alone.
    Case(pattern: "[0-9][0-9,.]*", caseless: false, texts: [], bytes: digits),
    // A called definition, as the rule compiler calls the placeholders it does not write out.
    Case(pattern: "(?&n) people(?(DEFINE)(?<n>[0-9]+))", caseless: false, texts: [], bytes: digits),
    // Under caseless matching `s` also matches the long s: its lead byte is a start of its own.
    Case(pattern: "some [0-9]+", caseless: true, texts: ["some +0123456789"], bytes: [0xC5]),
    // A capital, case-sensitive, and the lead bytes of capitals outside ASCII.
    Case(pattern: "\\p{Lu}[a-z]+ cut", caseless: false, texts: [], bytes: Set(0x41...0x5A).union(0xC2...0xF4)),
    // Look-arounds take no text: what follows them opens the match.
    Case(pattern: "(?=[t])(?<![\\p{L}])top(?![\\p{L}]) [0-9]", caseless: true, texts: ["top+ "], bytes: []),
    // The word ends where a class starts; the class is what follows it.
    Case(pattern: "up[ \\t]+to [0-9]", caseless: true, texts: ["up+\t "], bytes: []),
    // A match may start anywhere: a letter class, any character, an empty match, an anchor to the search start.
    Case(pattern: "\\p{L}+ employs [0-9]+", caseless: true, texts: nil, bytes: []),
    Case(pattern: ".*? [0-9]+", caseless: false, texts: nil, bytes: []),
    Case(pattern: "(?:[0-9]+)?", caseless: false, texts: nil, bytes: []),
    Case(pattern: "\\G[0-9]+", caseless: false, texts: nil, bytes: []),
    // Case-sensitive texts are kept as written (they are searched case-folded).
    Case(pattern: "Klarna(?: AB)? employs", caseless: false, texts: ["Klarna+ "], bytes: []),
  ]

  @Test(arguments: cases)
  func readsWhereMatchesStart(_ example: Case) throws {
    let starts = MatchStarts(pattern: example.pattern, caseless: example.caseless)
    guard let expected = example.texts else {
      #expect(starts == nil)
      return
    }
    let found = try #require(starts)
    let texts = Set(found.starts.filter { !$0.literal.isEmpty }.map { start in
      String(decoding: start.literal, as: UTF8.self) + "+"
        + start.followedBy.members.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\u{\(String($0, radix: 16, uppercase: true))}" }.joined()
    })
    #expect(texts == expected)
    let bytes = found.starts.filter(\.literal.isEmpty).reduce(into: Set<UInt8>()) { $0.formUnion($1.firstBytes.members) }
    #expect(bytes == example.bytes)
  }

  /// A negative look-behind of one class says which ASCII bytes cannot stand before the start; a class whose
  /// ASCII members are not read exactly says nothing.
  @Test func readsWhatCannotStandBefore() throws {
    let word = try #require(MatchStarts(pattern: "(?<![\\p{L}\\p{N}])about [0-9]", caseless: true))
    let expected = Set<UInt8>(0x30...0x39).union(0x41...0x5A).union(0x61...0x7A)
    #expect(Set(word.starts[0].notAfter.members) == expected)
    let digitsOnly = try #require(MatchStarts(pattern: "(?<![0-9])[0-9]+", caseless: false))
    #expect(Set(digitsOnly.starts[0].notAfter.members) == Set(0x30...0x39))
    let unread = try #require(MatchStarts(pattern: "(?<![\\p{Lu}])[0-9]+", caseless: false))
    #expect(unread.starts[0].notAfter.isEmpty)
  }
}
