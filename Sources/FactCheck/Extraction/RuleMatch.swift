import PatternMatching

/// One match of one compiled rule in an article, before normalisation.
struct RuleMatch: Sendable {
  /// Index of the rule in the article language's rule list.
  let rule: CompiledRule
  /// Byte ranges of the match and its groups.
  let match: PatternMatch

  /// The byte range of a slot's group, if it took part.
  func range(of group: Int) -> Range<Int>? { match.group(group) }
}

/// Keeps one match per stretch of text: higher rule priority first, then the longer match, then the
/// earlier one — the rule for overlaps every rule author can predict.
enum OverlapResolver {
  static func resolve(_ matches: [RuleMatch]) -> [RuleMatch] {
    let ordered = matches.sorted { a, b in
      if a.rule.definition.priority != b.rule.definition.priority { return a.rule.definition.priority > b.rule.definition.priority }
      if a.match.range.count != b.match.range.count { return a.match.range.count > b.match.range.count }
      return a.match.range.lowerBound < b.match.range.lowerBound
    }
    var accepted: [RuleMatch] = []  // sorted by start
    for candidate in ordered {
      let range = candidate.match.range
      // First accepted match starting at or after this one's start.
      var low = 0
      var high = accepted.count
      while low < high {
        let mid = (low + high) / 2
        if accepted[mid].match.range.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
      }
      if low < accepted.count, accepted[low].match.range.lowerBound < range.upperBound { continue }
      if low > 0, accepted[low - 1].match.range.upperBound > range.lowerBound { continue }
      accepted.insert(candidate, at: low)
    }
    return accepted
  }
}
