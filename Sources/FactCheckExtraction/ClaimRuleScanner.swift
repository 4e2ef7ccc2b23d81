import FactCheckModel
import FactCheckRules
import PatternMatching

/// Runs a language's claim rules over parts of an article, each rule only in the sentences its prefilter
/// admits, and keeps the matches that win their figures: what normalisation reads claims from.
package enum ClaimRuleScanner {
  /// The matches of `plan`'s claim rules in `ranges` of `article` (whose bytes, case-folded, are `folded`),
  /// in text order, found with the worker's `matcher`. A claim rule with a start table (``MatchStartTable``)
  /// is asked only at the positions where its match can open. `gatesRules: false` runs every rule over every
  /// segment at every position, without gates or start tables (the test that proves they lose no match). A
  /// rule that hits a match limit is stopped for the rest of the article, with a diagnostic.
  package static func scan(_ article: Article, folded: [UInt8], plan: ExtractionPlan, ranges: [Range<Int>],
                           matcher: Matcher, gatesRules: Bool = true, diagnostics: inout [Diagnostic]) -> [RuleMatch] {
    var matches: [RuleMatch] = []
    // A rule that hit a limit is stopped for the rest of the article, as its diagnostic says: a
    // catastrophic rule costs one limit per article, not one per segment.
    var stopped: Set<Int> = []
    // Each rule's scan time on this article, spent by all its windows in all segments: a slow rule over
    // a thousand windows is stopped when the article's allowance runs out, not given one per window.
    var budgets = [ScanBudget](repeating: ScanBudget(limits: matcher.limits, bytes: article.matchSubject.bytes.count),
                               count: plan.claimRules.count)
    // The positions where a rule's match can open in a window (``MatchStartTable``), reused from window to window.
    var positions: [Int] = []
    article.matchSubject.bytes.withUnsafeBufferPointer { written in
    folded.withUnsafeBufferPointer { haystack in
      for segment in ranges {
        // One pass finds every rule's literals; each rule then runs only around its rarest one.
        let hits = plan.scan.hits(in: haystack, range: segment, fullStops: plan.fullStops)
        for index in plan.claimRules.indices where stopped.isEmpty || !stopped.contains(index) {
          // One window: false once the rule has stopped.
          func run(_ range: Range<Int>, _ lastStart: Int?) -> Bool {
            let rule = plan.claimRules[index]
            do {
              let endsText = range.upperBound == segment.upperBound
              if let starts = rule.starts, gatesRules {
                // PCRE2 is asked only where the rule's match can open.
                starts.positions(written: written, folded: haystack, in: range, through: lastStart ?? range.upperBound,
                                 into: &positions)
                try matcher.forEachMatch(of: rule.pattern, in: article.matchSubject, range: range, startingAt: positions,
                                         endsText: endsText, budget: &budgets[index]) { match in
                  if !match.range.isEmpty { matches.append(RuleMatch(rule: rule, match: match)) }
                  return true
                }
                return true
              }
              try matcher.forEachMatch(of: rule.pattern, in: article.matchSubject, range: range, lastStart: lastStart,
                                       endsText: endsText, budget: &budgets[index]) { match in
                if !match.range.isEmpty { matches.append(RuleMatch(rule: rule, match: match)) }
                return true
              }
              return true
            } catch {
              stopped.insert(index)
              diagnostics.append(Diagnostic(severity: .error, category: .matching, location: article.location(of: range.lowerBound),
                                            message: "rule '\(rule.id)' stopped on this article: \(error)", ruleID: rule.id))
              return false
            }
          }
          if gatesRules {
            plan.scan.forEachWindow(forRule: index, hits, in: haystack, segment: segment, run)
          } else {
            _ = run(segment, nil)
          }
        }
      }
    }
    }
    return OverlapResolver.resolve(matches).sorted { $0.match.range.lowerBound < $1.match.range.lowerBound }
  }
}
