import Testing

@testable import FactCheck
@testable import FactCheckModel
@testable import FactCheckRules
@testable import PatternMatching

/// What ``MatchStarts`` reads from a bundled rule's expanded pattern holds on real text: every match PCRE2
/// finds, scanning whole articles of our corpora at every position, starts where one of the rule's starts
/// says a match can (its opening text case-folded, with the bytes around it that the pattern asks for, or a
/// byte of its class), and where the rule's ``MatchStartTable`` lists a position.
@Suite struct MatchStartsCorpusTests {
  static func admits(_ starts: MatchStarts, written: [UInt8], folded: [UInt8], at position: Int) -> Bool {
    for start in starts.starts {
      if position > 0, written[position - 1] < 0x80, start.notAfter.contains(written[position - 1]) { continue }
      if start.literal.isEmpty {
        if start.firstBytes.contains(written[position]) { return true }
        continue
      }
      let text = CaseFolding.fold(start.literal)
      let end = position + text.count
      guard end <= folded.count, folded[position..<end].elementsEqual(text) else { continue }
      if !start.followedBy.isEmpty && !(end < written.count && start.followedBy.contains(written[end])) { continue }
      return true
    }
    return false
  }

  @Test func everyMatchStartsWhereTheRuleCanStart() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    let matcher = Matcher()
    var read = 0
    var checked = 0
    for rule in Fixtures.bundledRules.rules where rule.definition.kind == .claim {
      guard !rule.pattern.isAnchored,
        let starts = MatchStarts(pattern: rule.expandedPattern, caseless: !rule.definition.caseSensitive)
      else { continue }
      read += 1
      // The table the scan reads (its byte tables included) must give every one of those starts too.
      let table = MatchStartTable(starts)
      for article in articles where article.language == rule.definition.language {
        let written = article.matchSubject.bytes
        let folded = CaseFolding.fold(written)
        var positions: [Int] = []
        written.withUnsafeBufferPointer { written in
          folded.withUnsafeBufferPointer { folded in
            table.positions(written: written, folded: folded, in: 0..<written.count, through: written.count, into: &positions)
          }
        }
        let opens = Set(positions)
        try matcher.forEachMatch(of: rule.pattern, in: article.matchSubject) { match in
          checked += 1
          #expect(MatchStartsCorpusTests.admits(starts, written: written, folded: folded, at: match.range.lowerBound),
                  "\(rule.id) at \(match.range.lowerBound) of \(article.path)")
          #expect(match.range.isEmpty || opens.contains(match.range.lowerBound),
                  "\(rule.id)'s table at \(match.range.lowerBound) of \(article.path)")
          return true
        }
      }
    }
    // Most bundled rules can be read, and they match often enough for the check to mean something.
    #expect(read >= 150)
    #expect(checked >= 1_000)
  }
}
