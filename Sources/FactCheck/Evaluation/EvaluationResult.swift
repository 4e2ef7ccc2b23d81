/// How the checker scored on an annotated corpus: per story, and in total.
package struct EvaluationResult: Sendable {
  /// One entry per story, in the order of the gold files.
  package var stories: [StoryScore]

  /// A result of these stories.
  package init(stories: [StoryScore] = []) { self.stories = stories }

  /// Every story added up.
  package var total: StoryScore {
    var total = StoryScore(corpus: "", story: "total")
    for story in stories { total.add(story) }
    return total
  }
}

/// A count of found out of expected.
package struct Tally: Sendable, Hashable, CustomStringConvertible {
  package var found = 0
  package var total = 0

  /// found / total, or 1 when nothing was expected.
  package var ratio: Double { total == 0 ? 1 : Double(found) / Double(total) }

  mutating func count(_ hit: Bool) {
    total += 1
    if hit { found += 1 }
  }

  static func + (a: Tally, b: Tally) -> Tally { Tally(found: a.found + b.found, total: a.total + b.total) }

  package var description: String { "\(found)/\(total)" }
}

/// The score of one story.
package struct StoryScore: Sendable {
  /// The corpus folder the story came from.
  package var corpus: String
  package var story: String
  /// Gold claims (not optional, not malformed) found with a compatible attribute.
  package var claims = Tally()
  /// The same, by value alone (any attribute): what the reader got, whatever it called it.
  package var claimsByValue = Tally()
  /// Claim recall per gold attribute.
  package var byAttribute: [String: Tally] = [:]
  /// Conflicts a good checker must report, found.
  package var must = Tally()
  /// Conflicts a good checker should report, found.
  package var should = Tally()
  /// Non-conflicts reported as conflicts: the gold entry and the finding that split it.
  package var falseConflicts: [ScoredFinding] = []
  /// Findings that match no gold conflict, non-conflict or ambiguous pair.
  package var unmatchedFindings: [ScoredFinding] = []
  /// Gold claims not found, with what the checker read instead.
  package var missedClaims: [MissedClaim] = []
  /// Gold conflicts not reported.
  package var missedConflicts: [GoldConflict] = []
  /// Malformed gold figures (`value: null`), not scored.
  package var malformedFigures = 0

  mutating func add(_ other: StoryScore) {
    claims = claims + other.claims
    claimsByValue = claimsByValue + other.claimsByValue
    for (attribute, tally) in other.byAttribute { byAttribute[attribute, default: Tally()] = byAttribute[attribute, default: Tally()] + tally }
    must = must + other.must
    should = should + other.should
    falseConflicts += other.falseConflicts
    unmatchedFindings += other.unmatchedFindings
    missedClaims += other.missedClaims
    missedConflicts += other.missedConflicts
    malformedFigures += other.malformedFigures
  }
}

/// A finding as the evaluation shows it.
package struct ScoredFinding: Sendable, Hashable {
  package var story: String
  /// The gold entry it concerns (a non-conflict's id), if any.
  package var gold: String?
  package var message: String
  /// `file:line:column` of its first claim.
  package var location: String
  /// Each side: its label and the documents' file names.
  package var sides: [String]
}

/// A gold claim the checker did not read, and what it read in its place.
package struct MissedClaim: Sendable, Hashable {
  package var claim: GoldClaim
  /// Claims of the same document around the quote, as `attribute = value (rule)`; empty when nothing was read there.
  package var readInstead: [String]
}
