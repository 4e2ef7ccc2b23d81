/// Flags a stated percentage change that disagrees with the change implied by before/after figures of
/// the same entity ("22 %" stated, but 5 000 → 3 800 is a 24 % cut). Declared in rule files under `checks:`.
struct PercentChangeCheck: ConsistencyCheck {
  let check: CheckDefinition

  private struct Pair {
    let before: Int
    let after: Int
    let implied: Double
  }

  func findings(in store: ClaimStore) -> [Finding] {
    let claims = store.claims
    var stated: [String: [Int]] = [:]
    var bases: [String: [Int]] = [:]  // "entity|document" → base claims
    for (index, claim) in claims.enumerated() {
      guard let entity = claim.entity, claim.modality == .actual, claim.scope == nil else { continue }
      if claim.attribute == check.stated && claim.hedge != .lowerBound(inclusive: false) {
        stated[entity, default: []].append(index)
      } else if claim.attribute == check.base && !claim.hedge.isBound {
        bases["\(entity)|\(claim.document)", default: []].append(index)
      }
    }
    var pairsByEntity: [String: [Pair]] = [:]
    for (key, members) in bases {
      let entity = String(key.split(separator: "|", maxSplits: 1)[0])
      for b in members {
        for a in members where a != b {
          let before = claims[b]
          let after = claims[a]
          guard before.value > 0,
            isPrevious(store.anchor(of: before), of: store.anchor(of: after))
          else { continue }
          let change = check.direction == .decrease ? (before.value - after.value) / before.value * 100
            : (after.value - before.value) / before.value * 100
          pairsByEntity[entity, default: []].append(Pair(before: b, after: a, implied: change))
        }
      }
    }
    var findings: [Finding] = []
    for (entity, statedClaims) in stated.sorted(by: { $0.key < $1.key }) {
      guard let pairs = pairsByEntity[entity], !pairs.isEmpty else { continue }
      var mismatchedStated = Set<Int>()
      var mismatchedPairs: [Pair] = []
      for s in statedClaims {
        let claim = claims[s]
        let statedValue = abs(claim.value)
        let slack = check.tolerance + (claim.hedge.isHedged ? 0 : 0)
        for pair in pairs where abs(statedValue - pair.implied) > slack {
          if case .change(_, let to) = claim.period, !PeriodAnchor(to, publicationYear: store.published[claim.document]?.year)
            .isCompatible(with: store.anchor(of: claims[pair.after])) { continue }
          mismatchedStated.insert(s)
          if !mismatchedPairs.contains(where: { $0.before == pair.before && $0.after == pair.after }) { mismatchedPairs.append(pair) }
        }
      }
      guard !mismatchedStated.isEmpty else { continue }
      let statedSorted = mismatchedStated.sorted()
      let statedLabels = statedSorted.map { NumberFormatting.plain(abs(claims[$0].value)) + " %" }.uniqued()
      let statedDocs = statedSorted.map { claims[$0].documentLabel }.uniqued()
      var byComputation: [String: [Int]] = [:]
      var order: [String] = []
      for pair in mismatchedPairs.sorted(by: { $0.implied < $1.implied }) {
        let text = "\(NumberFormatting.plain(claims[pair.before].value)) → \(NumberFormatting.plain(claims[pair.after].value)) = \(NumberFormatting.plain((pair.implied * 10).rounded() / 10)) %"
        if byComputation[text] == nil { order.append(text) }
        byComputation[text, default: []] += [pair.before, pair.after]
      }
      let label = store.library.attributes[check.stated]?.label ?? check.stated
      let first = order.first ?? ""
      let message = "\(entity) \(label): \(statedLabels.joined(separator: ", ")) stated, but \(first)"
      var details = ["stated: \(statedLabels.joined(separator: ", ")) — \(statedDocs.joined(separator: ", "))"]
      for text in order {
        let docs = byComputation[text]!.map { claims[$0].documentLabel }.uniqued()
        details.append("computed: \(text) — \(docs.joined(separator: ", "))")
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
  var isBound: Bool {
    switch self {
    case .lowerBound, .upperBound, .range: return true
    default: return false
    }
  }
}
