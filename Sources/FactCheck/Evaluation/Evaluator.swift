import Foundation

/// Scores the checker on annotated corpora: the rule author's corpus test, as `test-rules` is for one
/// sentence.
///
/// A corpus is a folder holding gold files (`expected*.yaml`, the schema of the real-world development set)
/// and `corpus/<story>/<file>` articles, each opening with a header block (`source:`, `published:`,
/// `language:` lines, then `---`), read as metadata. Each story is checked on its own, as one run.
///
/// Scoring, as the development set's README states it:
/// - a gold claim is found when a claim of the same document has its value (within 0.5 %) and an attribute
///   the ``GoldAttributeMap`` accepts for it; optional claims are not counted;
/// - a conflict is found when two of its claims, with different values, are on different sides of one
///   finding (any two, for a conflict of equal values in time);
/// - a false conflict is a finding that puts two claims of one `non_conflicts` entry on different sides.
package struct Evaluator: Sendable {
  package let checker: FactChecker
  package let attributes: GoldAttributeMap

  package init(checker: FactChecker, attributes: GoldAttributeMap) {
    self.checker = checker
    self.attributes = attributes
  }

  /// Scores every story of every gold file in `corpus`.
  package func evaluate(corpus: String) throws(EvaluationError) -> EvaluationResult {
    let goldFiles = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
      .filter { $0.hasPrefix("expected") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
    guard !goldFiles.isEmpty else { throw .noGold(path: corpus) }
    var result = EvaluationResult(stories: [])
    for file in goldFiles {
      let gold = try GoldStandard.load(path: (corpus as NSString).appendingPathComponent(file))
      for story in gold.stories {
        result.stories.append(try score(story, corpus: corpus))
      }
    }
    return result
  }

  /// Scores one story: reads its documents, checks them as one run, and compares.
  package func score(_ story: GoldStandard.Story, corpus: String) throws(EvaluationError) -> StoryScore {
    let folder = ((corpus as NSString).appendingPathComponent("corpus") as NSString).appendingPathComponent(story.id)
    let loader = ArticleLoader(lexicons: checker.rules.library.lexicons, defaultPublished: checker.options.published)
    var articles: [Article] = []
    for document in story.documents {
      let path = (folder as NSString).appendingPathComponent(document.file)
      guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
      if case .article(let article) = loader.load(path: path, bytes: Evaluator.withFrontMatter(Array(data))) {
        articles.append(article)
      }
    }
    let result = checker.check(articles: articles)
    return score(story, result: result, corpus: corpus)
  }

  /// A header block (`key: value` lines closed by `---`, with no opening `---`) made front matter, so the
  /// loader reads it as metadata and never as text with figures in it.
  static func withFrontMatter(_ bytes: [UInt8]) -> [UInt8] {
    let text = String(decoding: bytes.prefix(2048), as: UTF8.self)
    guard !text.hasPrefix("---") else { return bytes }
    var sawKey = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12) {
      let trimmed = line.trimmingWhitespace()
      if trimmed == "---" { return sawKey ? Array("---\n".utf8) + bytes : bytes }
      guard let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }) else { return bytes }
      sawKey = true
    }
    return bytes
  }

  // MARK: - Scoring

  /// Compares a run's result with a story's gold annotations.
  package func score(_ story: GoldStandard.Story, result: CheckResult, corpus: String) -> StoryScore {
    var score = StoryScore(corpus: corpus, story: story.id)
    var claimsByFile: [String: [Int]] = [:]
    for (index, claim) in result.claims.enumerated() { claimsByFile[Evaluator.fileName(claim.document), default: []].append(index) }
    let gold = Dictionary(story.claims.map { ($0.id, $0) }) { first, _ in first }

    for claim in story.claims where !claim.isOptional {
      guard case let goldValue = claim.value, goldValue != .malformed else {
        score.malformedFigures += 1
        continue
      }
      let candidates = (claimsByFile[claim.document] ?? []).map { result.claims[$0] }
      let byValue = candidates.filter { Evaluator.matches($0, claim.value) }
      let found = byValue.contains { attributes.accepts($0.attribute, for: claim.attribute) }
      score.claims.count(found)
      score.claimsByValue.count(!byValue.isEmpty)
      score.byAttribute[claim.attribute, default: Tally()].count(found)
      if !found { score.missedClaims.append(MissedClaim(claim: claim, readInstead: readInstead(claim, candidates))) }
    }

    let findings = result.findings.filter { $0.groups.count >= 2 }
    /// Whether `finding` puts two of `ids` on different sides (two with different values, when values differ).
    func splits(_ finding: Finding, _ ids: [String]) -> Bool {
      let members = ids.compactMap { gold[$0] }
      let values = Set(members.compactMap { if case .number(let v) = $0.value { return v } else { return nil } })
      let sides = finding.groups.map { group in group.claims.map { result.claims[$0] } }
      for (i, a) in members.enumerated() {
        for b in members[(i + 1)...] {
          if values.count > 1, case .number(let x) = a.value, case .number(let y) = b.value, Evaluator.same(x, y) { continue }
          for (s, side) in sides.enumerated() where side.contains(where: { Evaluator.isClaim($0, a) }) {
            for (t, other) in sides.enumerated() where t != s && other.contains(where: { Evaluator.isClaim($0, b) }) {
              return true
            }
          }
        }
      }
      return false
    }

    var explained = Set<Int>()
    for conflict in story.conflicts {
      let hits = findings.indices.filter { splits(findings[$0], conflict.claims) }
      explained.formUnion(hits)
      if conflict.level == "must" { score.must.count(!hits.isEmpty) } else { score.should.count(!hits.isEmpty) }
      if hits.isEmpty { score.missedConflicts.append(conflict) }
    }
    for entry in story.nonConflicts {
      let hits = findings.indices.filter { splits(findings[$0], entry.claims) }
      explained.formUnion(hits)
      if let first = hits.first { score.falseConflicts.append(scored(findings[first], story: story.id, gold: entry.id, result)) }
    }
    for entry in story.ambiguous { explained.formUnion(findings.indices.filter { splits(findings[$0], entry.claims) }) }
    for index in findings.indices where !explained.contains(index) {
      score.unmatchedFindings.append(scored(findings[index], story: story.id, gold: nil, result))
    }
    return score
  }

  private func scored(_ finding: Finding, story: String, gold: String?, _ result: CheckResult) -> ScoredFinding {
    let location = finding.locations.first.map { "\(Evaluator.fileName($0.path)):\($0.line):\($0.column)" } ?? "-"
    let sides = finding.groups.map { group in
      group.label + " — " + Array(Set(group.claims.map { Evaluator.fileName(result.claims[$0].document) })).sorted().joined(separator: ", ")
    }
    return ScoredFinding(story: story, gold: gold, message: finding.message, location: location, sides: sides)
  }

  /// What the checker read near a missed claim's quote: claims whose sentence holds the quote, or whose
  /// quote overlaps it; then claims of its value under another attribute.
  private func readInstead(_ gold: GoldClaim, _ candidates: [Claim]) -> [String] {
    let quote = gold.quote.map(Evaluator.squeezed) ?? ""
    var lines: [String] = []
    for claim in candidates {
      let sentence = Evaluator.squeezed(claim.sentence)
      let claimQuote = Evaluator.squeezed(claim.quote)
      let near = !quote.isEmpty && (sentence.contains(quote) || quote.contains(claimQuote) || claimQuote.contains(quote))
      if near || Evaluator.matches(claim, gold.value) {
        lines.append("\(claim.attribute) = \(NumberFormatting.plain(claim.value)) (\(claim.rule), \(claim.location.line):\(claim.location.column))")
      }
    }
    return lines
  }

  // MARK: - Values

  static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(abs(b) * 0.005, 1e-9) }

  /// Whether a checker claim has the gold value: the figure itself (or its size, for a change stated as a
  /// fall), or for a gold range either end or the same range.
  static func matches(_ claim: Claim, _ value: GoldClaim.Value) -> Bool {
    switch value {
    case .number(let v): return same(claim.value, v) || same(abs(claim.value), abs(v))
    case .range(let low, let high):
      return same(claim.value, low) || same(claim.value, high) || (same(claim.interval.low, low) && same(claim.interval.high, high))
    case .malformed: return false
    }
  }

  /// Whether `claim` is the checker's reading of gold claim `gold`: same document, same value.
  static func isClaim(_ claim: Claim, _ gold: GoldClaim) -> Bool {
    fileName(claim.document) == gold.document && matches(claim, gold.value)
  }

  static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }

  /// Text with runs of white space (and no-break spaces) as one space, for comparing quotes.
  static func squeezed(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
