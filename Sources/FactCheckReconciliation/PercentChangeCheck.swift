import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// Flags a stated percentage change that disagrees with the change implied by before/after figures of
/// the same entity ("22 %" stated, but 5 000 → 3 800 is a 24 % cut). Declared in rule files under `checks:`.
package struct PercentChangeCheck: ConsistencyCheck {
  package let check: CheckDefinition

  /// How many figures before and after one figure of the same entity and article it pairs with.
  package static let reach = 12

  private struct Pair {
    let before: Int
    let after: Int
    let implied: Double
  }

  package func findings(in store: ClaimStore) -> [Finding] {
    let claims = store.claims
    var stated: [String: [Int]] = [:]
    var bases: [String: [Int]] = [:]  // "entity|document" → base claims
    for (index, claim) in claims.enumerated() {
      guard let entity = claim.entity, claim.modality == .actual, claim.scope == nil else { continue }
      // Only a change over a span ("reduced its workforce by 22 %" since last year) is computed from two
      // figures: a share given no span (« ces suppressions représentent 9 % des effectifs ») is the size
      // of a round against today's staff, not the change between two headcounts.
      if claim.attribute == check.stated && claim.hedge != .lowerBound(inclusive: false), case .change = claim.period {
        stated[entity, default: []].append(index)
      } else if claim.attribute == check.base && !claim.hedge.isBound {
        bases["\(entity)|\(claim.document)", default: []].append(index)
      }
    }
    var pairsByEntity: [String: [Pair]] = [:]
    for (key, members) in bases {
      let entity = String(key.split(separator: "|", maxSplits: 1)[0])
      // Figures stated together (« ramenés de 5 200 à 4 100 ») pair first; an article that never states
      // them together pairs across its sentences.
      var sameSentence: [Pair] = []
      var acrossSentences: [Pair] = []
      // Claims are in text order. Each figure pairs with its nearest neighbours only: an article's few
      // figures all pair, while a whole archive in one file stays linear instead of pairing every figure
      // of it with every other.
      for (position, b) in members.enumerated() {
        let neighbours = members[max(0, position - PercentChangeCheck.reach)..<min(members.count, position + PercentChangeCheck.reach + 1)]
        for a in neighbours where a != b {
          let before = claims[b]
          let after = claims[a]
          guard before.value > 0, isPrevious(store.anchor(of: before), of: store.anchor(of: after)) else { continue }
          let change = check.direction == .decrease ? (before.value - after.value) / before.value * 100
            : (after.value - before.value) / before.value * 100
          let pair = Pair(before: b, after: a, implied: change)
          if before.hasSameSentence(as: after) { sameSentence.append(pair) } else { acrossSentences.append(pair) }
        }
      }
      pairsByEntity[entity, default: []] += sameSentence.isEmpty ? acrossSentences : sameSentence
    }
    var findings: [Finding] = []
    for (entity, statedClaims) in stated.sorted(by: { $0.key < $1.key }) {
      guard let pairs = pairsByEntity[entity], !pairs.isEmpty else { continue }
      // Compare each distinct stated figure with each distinct computation once, whatever the number of
      // articles repeating them: a corpus of thousands of articles about one company stays linear.
      struct StatedKey: Hashable { let value: Double; let to: PeriodAnchor?; let slack: Double }
      struct PairKey: Hashable { let implied: Double; let after: PeriodAnchor }
      var statedGroups: [StatedKey: [Int]] = [:]
      for s in statedClaims {
        let claim = claims[s]
        var to: PeriodAnchor?
        if case .change(_, let end) = claim.period { to = PeriodAnchor(end, publicationYear: store.published[claim.document]?.year) }
        // "un quart" is 25 % give or take: a hedged figure widens the allowed gap by its own tolerance.
        var slack = check.tolerance
        if case .approximate(let tolerance) = claim.hedge, claim.notes.contains(NumberReader.inWordsNote) { slack += abs(claim.value) * tolerance }
        statedGroups[StatedKey(value: abs(claim.value), to: to, slack: slack), default: []].append(s)
      }
      var pairGroups: [PairKey: [Pair]] = [:]
      for pair in pairs { pairGroups[PairKey(implied: pair.implied, after: store.anchor(of: claims[pair.after])), default: []].append(pair) }
      var mismatchedStated = Set<Int>()
      var mismatchedPairs: [Pair] = []
      var seenPairs = Set<[Int]>()
      for (statedKey, members) in statedGroups {
        for (pairKey, group) in pairGroups where abs(statedKey.value - pairKey.implied) > statedKey.slack {
          if let to = statedKey.to, !to.isCompatible(with: pairKey.after) { continue }
          mismatchedStated.formUnion(members)
          for pair in group where seenPairs.insert([pair.before, pair.after]).inserted { mismatchedPairs.append(pair) }
        }
      }
      guard !mismatchedStated.isEmpty else { continue }
      let statedSorted = mismatchedStated.sorted()
      let statedLabels = statedSorted.map { NumberFormatting.plain(abs(claims[$0].value)) + " %" }.uniqued()
      let statedDocs = statedSorted.map { claims[$0].documentLabel }.uniqued()
      var byComputation: [String: [Int]] = [:]
      var order: [String] = []
      // Dictionary order is not stable between runs: sort fully, so that reports are reproducible.
      for pair in mismatchedPairs.sorted(by: { ($0.implied, $0.before, $0.after) < ($1.implied, $1.before, $1.after) }) {
        let text = "\(NumberFormatting.plain(claims[pair.before].value)) → \(NumberFormatting.plain(claims[pair.after].value)) = \(NumberFormatting.plain((pair.implied * 10).rounded() / 10)) %"
        if byComputation[text] == nil { order.append(text) }
        byComputation[text, default: []] += [pair.before, pair.after]
      }
      let label = store.library.attributes[check.stated]?.label ?? check.stated
      let first = order.first ?? ""
      let message = "\(entity) \(label): \(statedLabels.joined(separator: ", ")) stated, but \(first)"
      var details = ["stated: \(statedLabels.joined(separator: ", ")) — \(statedDocs.joined(separator: ", "))"]
      for text in order {
        let docs = byComputation[text]!.sorted().map { claims[$0].documentLabel }.uniqued()
        details.append("computed: \(text) — \(docs.joined(separator: ", "))")
      }
      if let pair = mismatchedPairs.min(by: { abs(abs(claims[statedSorted[0]].value) - $0.implied) < abs(abs(claims[statedSorted[0]].value) - $1.implied) }) {
        // Why the stated change and the computed one cannot both hold, for the closest computation.
        let stated = abs(claims[statedSorted[0]].value)
        let gap = NumberFormatting.plain((abs(stated - pair.implied) * 10).rounded() / 10)
        details.append("why: \(NumberFormatting.plain(stated)) % stated, but \(NumberFormatting.plain(claims[pair.before].value)) → "
                       + "\(NumberFormatting.plain(claims[pair.after].value)) is \(NumberFormatting.plain((pair.implied * 10).rounded() / 10)) %: "
                       + "\(gap) points apart, more than the ±\(NumberFormatting.plain(check.tolerance)) \(check.tolerance == 1 ? "point" : "points") allowed")
      }
      var groups = [Finding.ValueGroup(label: statedLabels.joined(separator: ", ") + " (stated)", claims: statedSorted)]
      for text in order { groups.append(Finding.ValueGroup(label: text + " (computed)", claims: byComputation[text]!.uniqued().sorted())) }
      let involved = (statedSorted + groups.dropFirst().flatMap(\.claims)).uniqued().sorted()
      findings.append(Finding(
        id: "arithmetic:\(check.id):\(entity)", kind: .arithmetic, check: check.id, severity: check.severity, entity: entity,
        attribute: check.stated, period: claims[statedSorted[0]].period.description, message: message, details: details,
        groups: groups, claims: involved, locations: involved.map { claims[$0].location }))
    }
    return findings
  }

  /// Whether `before` is the period just before `after` (last year → now, 2023 → 2024).
  private func isPrevious(_ before: PeriodAnchor, of after: PeriodAnchor) -> Bool {
    switch (before.kind, after.kind) {
    case (.year(let absolute, let relative), .current):
      return relative == -1 || (relative == nil && absolute == nil)
    case (.year(let a1, let r1), .year(let a2, let r2)):
      if let a1, let a2 { return a1 + 1 == a2 }
      if let r1, let r2 { return r1 + 1 == r2 }
      return false
    default: return false
    }
  }
}

extension Hedge {
  /// Whether the figure is a bound rather than a value.
  package var isBound: Bool {
    switch self {
    case .lowerBound, .upperBound, .range: return true
    default: return false
    }
  }
}
