import FactCheckModel
import FactCheckRules
import PatternMatching

/// Searches one article's text for ``SearchPattern``s, each only at the positions where its matches can
/// open (its ``MatchStartTable``), with the text's case-folded bytes made once for every search.
///
/// The matches are the ones ``Matcher/forEachMatch(of:in:range:lastStart:endsText:_:)`` finds trying every
/// position: no match opens anywhere else (`SearchPatternCorpusTests` holds every mention pattern to that on
/// our corpora). A pattern without a table, or a span of a few positions, is scanned that way.
///
/// A class: it keeps the last search's positions, an array reused from search to search.
package final class PatternSearch {
  /// The text searched.
  package let subject: UTF8Subject
  /// `subject`'s bytes, case-folded (``CaseFolding``).
  package let folded: [UInt8]
  private var positions: [Int] = []

  /// Fewer start positions than this are tried by one PCRE2 call, without the table: reading the table costs
  /// more than PCRE2's own start bitmap there. (The search for a period expression that opens a clause,
  /// a few bytes, took 1,650 instructions more a search through the table on 330 generated articles.)
  package static let shortestSpan = 16

  package init(_ subject: UTF8Subject, folded: [UInt8]) {
    precondition(folded.count == subject.bytes.count, "folded bytes of another text")
    self.subject = subject
    self.folded = folded
  }

  /// Calls `body` for every match of `pattern` in `range`, from left to right, as
  /// ``Matcher/forEachMatch(of:in:range:lastStart:endsText:_:)`` would (its time limit, per MiB of `range`,
  /// included); `body` returns `false` to stop.
  package func forEachMatch(of pattern: SearchPattern, in range: Range<Int>, lastStart: Int? = nil, endsText: Bool = true,
                            matcher: Matcher, _ body: (PatternMatch) -> Bool) throws(PatternError) {
    // A last start inside a character lets a match start at the next character, as in the full scan.
    var last = min(lastStart ?? range.upperBound, range.upperBound)
    while last < range.upperBound && subject.bytes[last] & 0xC0 == 0x80 { last += 1 }
    guard let starts = pattern.starts, last - range.lowerBound >= PatternSearch.shortestSpan else {
      try matcher.forEachMatch(of: pattern.pattern, in: subject, range: range, lastStart: lastStart, endsText: endsText, body)
      return
    }
    subject.bytes.withUnsafeBufferPointer { written in
      folded.withUnsafeBufferPointer { folded in
        starts.positions(written: written, folded: folded, in: range, through: last, into: &positions)
      }
    }
    var budget = ScanBudget(limits: matcher.limits, bytes: range.count)
    // Toward the pattern's JIT threshold the search counts the bytes a scan of every position would have
    // (``CompiledPattern/jitThreshold``): the mention patterns run on every article, and a call interpreted
    // costs several times one JIT-compiled. Counted a call each, most of them stayed interpreted on 330
    // generated articles, whose check then took 8.6 M instructions more than with scans of every position.
    let weight = max(matcher.startCallWeight, (last - range.lowerBound + 1) / max(1, positions.count))
    try matcher.forEachMatch(of: pattern.pattern, in: subject, range: range, startingAt: positions, endsText: endsText,
                             weight: weight, budget: &budget, body)
  }

  /// The first match of `pattern` in `range` opening at `lastStart` at the latest, if any.
  package func firstMatch(of pattern: SearchPattern, in range: Range<Int>, lastStart: Int? = nil, matcher: Matcher)
    throws(PatternError) -> PatternMatch?
  {
    var found: PatternMatch?
    try forEachMatch(of: pattern, in: range, lastStart: lastStart, matcher: matcher) { found = $0; return false }
    return found
  }

  /// Whether `pattern` matches in `range`.
  package func hasMatch(of pattern: SearchPattern, in range: Range<Int>, matcher: Matcher) throws(PatternError) -> Bool {
    try firstMatch(of: pattern, in: range, matcher: matcher) != nil
  }
}
