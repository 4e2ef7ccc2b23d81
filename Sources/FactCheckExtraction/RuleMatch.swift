import FactCheckModel
import FactCheckRules
import PatternMatching

/// One match of one compiled rule in an article, before normalisation.
package struct RuleMatch: Sendable {
  /// Index of the rule in the article language's rule list.
  package let rule: CompiledRule
  /// Byte ranges of the match and its groups.
  package let match: PatternMatch

  package init(rule: CompiledRule, match: PatternMatch) {
    self.rule = rule
    self.match = match
  }

  /// The byte range of a slot's group, if it took part.
  package func range(of group: Int) -> Range<Int>? { match.group(group) }
}

/// Keeps one reading per figure: when matches of different rules read the same figure, the higher rule
/// priority wins, then the longer match, then the earlier one — the rule every author can predict.
///
/// Matches compete only through their figures, not their context words: "un chiffre d'affaires de 31,4
/// milliards d'euros, en recul de 6 %" gives both a revenue and a growth figure, though the growth rule's
/// match covers the revenue figure's words.
package enum OverlapResolver {
  package static func resolve(_ matches: [RuleMatch]) -> [RuleMatch] {
    let ordered = matches.sorted { a, b in
      if a.rule.definition.priority != b.rule.definition.priority { return a.rule.definition.priority > b.rule.definition.priority }
      if a.match.range.count != b.match.range.count { return a.match.range.count > b.match.range.count }
      return a.match.range.lowerBound < b.match.range.lowerBound
    }
    var taken: [Range<Int>] = []  // figure ranges already read, sorted by start
    var accepted: [RuleMatch] = []
    for candidate in ordered {
      let figures = candidate.figureRanges
      guard !figures.isEmpty else { continue }
      if figures.contains(where: { overlapsTaken($0, taken) }) { continue }
      for figure in figures {
        let index = insertionIndex(figure.lowerBound, taken)
        taken.insert(figure, at: index)
      }
      accepted.append(candidate)
    }
    return accepted
  }

  private static func insertionIndex(_ start: Int, _ ranges: [Range<Int>]) -> Int {
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].lowerBound < start { low = mid + 1 } else { high = mid }
    }
    return low
  }

  private static func overlapsTaken(_ range: Range<Int>, _ taken: [Range<Int>]) -> Bool {
    let index = insertionIndex(range.lowerBound, taken)
    if index < taken.count, taken[index].lowerBound < range.upperBound { return true }
    if index > 0, taken[index - 1].upperBound > range.lowerBound { return true }
    return false
  }
}

extension RuleMatch {
  /// Byte ranges of the figures this match reads (its value placeholders that took part).
  package var figureRanges: [Range<Int>] {
    rule.valueSlots.compactMap { match.group($0.group) }
  }
}
