/// How the checker scored on an annotated corpus: per story, and in total.
public struct EvaluationResult: Sendable {
  /// One entry per story, in the order of the gold files.
  public var stories: [StoryScore]

  /// A result of these stories.
  public init(stories: [StoryScore] = []) { self.stories = stories }

  /// Every story added up.
  public var total: StoryScore {
    var total = StoryScore(corpus: "", story: "total")
    for story in stories { total.add(story) }
    return total
  }
}

/// A count of found out of expected.
public struct Tally: Sendable, Hashable, CustomStringConvertible {
  public var found = 0
  public var total = 0

  /// found / total, or 1 when nothing was expected.
  public var ratio: Double { total == 0 ? 1 : Double(found) / Double(total) }

  mutating func count(_ hit: Bool) {
    total += 1
    if hit { found += 1 }
  }

  static func + (a: Tally, b: Tally) -> Tally { Tally(found: a.found + b.found, total: a.total + b.total) }

  public var description: String { "\(found)/\(total)" }
}

/// The score of one story.
public struct StoryScore: Sendable {
  /// The corpus folder the story came from.
  public var corpus: String
  public var story: String
  /// Gold claims (not optional, not malformed) found with a compatible attribute.
  public var claims = Tally()
  /// The same, by value alone (any attribute): what the reader got, whatever it called it.
  public var claimsByValue = Tally()
  /// Claim recall per gold attribute.
  public var byAttribute: [String: Tally] = [:]
  /// Conflicts a good checker must report, found.
  public var must = Tally()
  /// Conflicts a good checker should report, found.
  public var should = Tally()
  /// Non-conflicts reported as conflicts: the gold entry and the finding that split it.
  public var falseConflicts: [ScoredFinding] = []
  /// Findings that match no gold conflict, non-conflict or ambiguous pair.
  public var unmatchedFindings: [ScoredFinding] = []
  /// Gold claims not found, with what the checker read instead.
  public var missedClaims: [MissedClaim] = []
  /// Gold conflicts not reported.
  public var missedConflicts: [GoldConflict] = []
  /// Malformed gold figures (`value: null`), not scored.
  public var malformedFigures = 0

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
public struct ScoredFinding: Sendable, Hashable {
  public var story: String
  /// The gold entry it concerns (a non-conflict's id), if any.
  public var gold: String?
  public var message: String
  /// `file:line:column` of its first claim.
  public var location: String
  /// Each side: its label and the documents' file names.
  public var sides: [String]
}

/// A gold claim the checker did not read, and what it read in its place.
public struct MissedClaim: Sendable, Hashable {
  public var claim: GoldClaim
  /// Claims of the same document around the quote, as `attribute = value (rule)`; empty when nothing was read there.
  public var readInstead: [String]
}
