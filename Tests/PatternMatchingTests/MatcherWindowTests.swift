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
}
