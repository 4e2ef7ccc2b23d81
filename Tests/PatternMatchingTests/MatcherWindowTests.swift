import Testing

@testable import PatternMatching

/// A caller that scans one sentence of a longer text tells the matcher where a match can start at the latest,
/// and whether the sentence ends the text: positions past the last start are not tried, and `$` does not
/// match at the end of a sentence that does not end the text — compiled or interpreted, the same matches.
@Suite struct MatcherWindowTests {
  static let text = "Ostra cut 40 jobs. Vexlo cut 12 jobs. Brindle cut 7"

  @Test(arguments: [
    // (pattern, range end, last start, ends text, the matched texts)
    ("cut [0-9]+", 51, nil, true, ["cut 40", "cut 12", "cut 7"]),
    ("cut [0-9]+", 51, 25, true, ["cut 40", "cut 12"]),
    ("cut [0-9]+", 51, 24, true, ["cut 40"]),
    ("cut [0-9]+", 51, 0, true, [String]()),
    ("[0-9]+ jobs\\.$", 18, nil, true, ["40 jobs."]),
    ("[0-9]+ jobs\\.$", 18, nil, false, [String]()),
    ("cut [0-9]+$", 51, nil, true, ["cut 7"]),
    ("cut [0-9]+$", 51, nil, false, [String]()),
  ] as [(String, Int, Int?, Bool, [String])])
  func triesOnlyWhereAMatchCanStartAndEnd(pattern: String, end: Int, lastStart: Int?, endsText: Bool, expected: [String]) throws {
    let subject = UTF8Subject(Self.text)
    for jitThreshold in [0, Int.max] {
      let compiled = try CompiledPattern(pattern, jitThreshold: jitThreshold)
      var found: [String] = []
      try Matcher().forEachMatch(of: compiled, in: subject, range: 0..<end, lastStart: lastStart, endsText: endsText) { match in
        found.append(String(decoding: subject.bytes[match.range], as: UTF8.self))
        return true
      }
      #expect(found == expected, "jitThreshold \(jitThreshold)")
    }
  }

  /// Asked only at given positions, the matcher finds the matches that start there, one call each, and
  /// skips a position inside a match it found: with every position a match can start at, the matches of a
  /// scan of every position.
  @Test(arguments: [
    // (pattern, positions, the matched texts)
    ("cut [0-9]+", [6, 25, 46], ["cut 40", "cut 12", "cut 7"]),
    ("cut [0-9]+", [0, 6, 7, 25], ["cut 40", "cut 12"]),
    ("cut [0-9]+", [5, 7, 26], [String]()),
    ("[0-9]+", [10, 11, 29], ["40", "12"]),
    ("[A-Z][a-z]+ cut [0-9]+ jobs", [0, 1, 19, 38], ["Ostra cut 40 jobs", "Vexlo cut 12 jobs"]),
    // An empty match, then a non-empty one tried at the same position, as a scan of every position does.
    ("(?:cut [0-9]+)?", [0, 6], ["", "cut 40"]),
  ] as [(String, [Int], [String])])
  func triesOnlyTheGivenPositions(pattern: String, positions: [Int], expected: [String]) throws {
    let subject = UTF8Subject(Self.text)
    for jitThreshold in [0, Int.max] {
      let compiled = try CompiledPattern(pattern, jitThreshold: jitThreshold)
      var found: [String] = []
      var budget = ScanBudget(limits: .default, bytes: subject.bytes.count)
      try Matcher().forEachMatch(of: compiled, in: subject, range: 0..<subject.bytes.count, startingAt: positions,
                                 budget: &budget) { match in
        found.append(String(decoding: subject.bytes[match.range], as: UTF8.self))
        return true
      }
      #expect(found == expected, "jitThreshold \(jitThreshold)")
    }
  }

  /// A callback that searches with the same matcher between an empty match and the try for a non-empty one
  /// at the same position leaves that try its own offset limit.
  @Test func aSearchInsideTheCallbackLeavesTheRetryItsLimit() throws {
    let subject = UTF8Subject("......b")
    let pattern = try CompiledPattern("(?=b)|b")
    let other = try CompiledPattern("x")
    let matcher = Matcher()
    var found: [Range<Int>] = []
    var budget = ScanBudget(limits: .default, bytes: subject.bytes.count)
    try matcher.forEachMatch(of: pattern, in: subject, range: 0..<subject.bytes.count, startingAt: [6], budget: &budget) { match in
      found.append(match.range)
      _ = try? matcher.firstMatch(of: other, in: subject, range: 0..<3)
      return true
    }
    #expect(found == [6..<6, 6..<7])
  }

  /// A last start inside a character lets a match open at the next character, in a scan of every position,
  /// even right after a match that ends there (as a scan of the positions a start table gives does).
  @Test func aLastStartInsideACharacterReachesTheNextOne() throws {
    let subject = UTF8Subject("twenty bytes of text é12 and 34")
    let pattern = try CompiledPattern("é|[0-9]+")
    let accent = Array(subject.bytes).firstIndex(of: 0xC3)!
    var found: [Range<Int>] = []
    try Matcher().forEachMatch(of: pattern, in: subject, range: 0..<subject.bytes.count, lastStart: accent + 1) {
      found.append($0.range)
      return true
    }
    #expect(found == [accent..<(accent + 2), (accent + 2)..<(accent + 4)])
  }
}
