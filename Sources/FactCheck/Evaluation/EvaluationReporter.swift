import Foundation

/// Prints an ``EvaluationResult`` for people (a table per story and in total) or programs (JSON).
package struct EvaluationReporter: Sendable {
  /// With every miss, false finding and unmatched finding, quoted.
  package var verbose: Bool

  package init(verbose: Bool = false) { self.verbose = verbose }

  // MARK: - Text

  package func text(_ result: EvaluationResult) -> String {
    var out = ""
    let header = ["story", "claims", "recall", "by value", "must", "should", "false", "unmatched"]
    var rows: [[String]] = [header]
    func row(_ score: StoryScore) -> [String] {
      [score.story, score.claims.description, String(format: "%.2f", score.claims.ratio), score.claimsByValue.description,
       score.must.description, score.should.description, String(score.falseConflicts.count), String(score.unmatchedFindings.count)]
    }
    rows += result.stories.map(row)
    rows.append(row(result.total))
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    for (index, cells) in rows.enumerated() {
      if index == rows.count - 1 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
      out += cells.enumerated().map { column, cell in
        column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[column] - cell.count) + cell
      }.joined(separator: "  ") + "\n"
    }
    let total = result.total
    out += "\nclaim recall by gold attribute (total):\n"
    let attributes = total.byAttribute.sorted { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }
    let nameWidth = attributes.map(\.key.count).max() ?? 0
    for (attribute, tally) in attributes {
      out += "  " + attribute.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  \(tally)  " + String(format: "%.2f", tally.ratio) + "\n"
    }
    if total.malformedFigures > 0 { out += "\n\(total.malformedFigures) malformed gold figure(s) not scored\n" }
    if verbose {
      for story in result.stories { out += details(story) }
    } else if !total.falseConflicts.isEmpty || !total.unmatchedFindings.isEmpty {
      out += "\n(--verbose lists every miss, false conflict and unmatched finding)\n"
    }
    return out
  }

  private func details(_ score: StoryScore) -> String {
    var out = "\n== \(score.story)\n"
    for miss in score.missedClaims {
      let claim = miss.claim
      out += "miss \(claim.id) \(claim.document): \(claim.attribute) = \(Self.describe(claim.value))"
      if let quote = claim.quote { out += "  « \(quote) »" }
      out += "\n"
      out += miss.readInstead.isEmpty ? "     read nothing there\n" : miss.readInstead.map { "     read \($0)\n" }.joined()
    }
    for conflict in score.missedConflicts {
      out += "missed \(conflict.level ?? "") conflict \(conflict.id) (\(conflict.claims.joined(separator: ", ")))"
      if let why = conflict.why { out += ": \(why.prefix(160))" }
      out += "\n"
    }
    for finding in score.falseConflicts {
      out += "false conflict \(finding.gold ?? "") at \(finding.location): \(finding.message)\n"
      out += finding.sides.map { "     \($0)\n" }.joined()
    }
    for finding in score.unmatchedFindings {
      out += "unmatched finding at \(finding.location): \(finding.message)\n"
      out += finding.sides.map { "     \($0)\n" }.joined()
    }
    return out
  }

  static func describe(_ value: GoldClaim.Value) -> String {
    switch value {
    case .number(let v): return NumberFormatting.plain(v)
    case .range(let low, let high): return "\(NumberFormatting.plain(low))–\(NumberFormatting.plain(high))"
    case .malformed: return "malformed"
    }
  }

  // MARK: - JSON

  package func json(_ result: EvaluationResult) -> String {
    let value = JSONValue.object([
      "stories": .array(result.stories.map(json)),
      "total": json(result.total),
    ])
    return value.serialized() + "\n"
  }

  private func json(_ score: StoryScore) -> JSONValue {
    func tally(_ t: Tally) -> JSONValue { .object(["found": .number(Double(t.found)), "total": .number(Double(t.total)), "ratio": .number(t.ratio)]) }
    func finding(_ f: ScoredFinding) -> JSONValue {
      .object(["story": .string(f.story), "gold": .optional(f.gold), "message": .string(f.message), "location": .string(f.location),
               "sides": .array(f.sides.map(JSONValue.string))])
    }
    var object: [String: JSONValue] = [
      "story": .string(score.story), "claims": tally(score.claims), "claims_by_value": tally(score.claimsByValue),
      "must": tally(score.must), "should": tally(score.should),
      "false_conflicts": .array(score.falseConflicts.map(finding)), "unmatched_findings": .array(score.unmatchedFindings.map(finding)),
      "by_attribute": .object(score.byAttribute.mapValues(tally)), "malformed_figures": .number(Double(score.malformedFigures)),
    ]
    if verbose {
      object["missed_claims"] = .array(score.missedClaims.map { miss in
        .object(["id": .string(miss.claim.id), "document": .string(miss.claim.document), "attribute": .string(miss.claim.attribute),
                 "value": .string(Self.describe(miss.claim.value)), "quote": .optional(miss.claim.quote),
                 "read_instead": .array(miss.readInstead.map(JSONValue.string))])
      })
      object["missed_conflicts"] = .array(score.missedConflicts.map { .string($0.id) })
    }
    return .object(object)
  }
}
