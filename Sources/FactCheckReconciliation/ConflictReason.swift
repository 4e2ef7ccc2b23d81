import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// The sentences a conflict finding gives for itself: why its closest two figures cannot both hold, and
/// why its severity is what it is. An editor decides from these whether to trust the finding.
package enum ConflictReason {
  /// Why `lower` and `upper` (claim indices, `lower`'s interval below `upper`'s) cannot both hold
  /// ("why: 3 500 (a.md) and ≈3 800 (b.md) differ by 8.6 %, more than the ±5 % of ≈3 800 and the ±1 %
  /// allowed to each employees figure").
  package static func why(_ lower: Int, _ upper: Int, attribute: AttributeDefinition, store: ClaimStore) -> String {
    let a = store.claims[lower]
    let b = store.claims[upper]
    let sides = "\(label(a, attribute)) (\(a.documentLabel)) and \(label(b, attribute)) (\(b.documentLabel))"
    let precise = ConflictingValuesCheck.isPrecise(a, attribute: attribute) && ConflictingValuesCheck.isPrecise(b, attribute: attribute)
    let allowance = precise ? nil : tolerance(attribute)
    let statedSize = attribute.isEvent ? [a, b].filter(\.hedge.isStatedSize) : []
    if (a.hedge.isBound && !statedSize.contains(a)) || (b.hedge.isBound && !statedSize.contains(b)) {
      return "why: \(sides) have no value in common" + (allowance.map { ", even allowing \($0)" } ?? "")
    }
    var allowances: [String] = []
    for claim in [a, b] {
      if case .approximate(let share) = claim.hedge { allowances.append("the ±\(percent(share * 100)) % of \(label(claim, attribute))") }
      if case .nearly(let share) = claim.hedge { allowances.append("the \(percent(share * 100)) % below \(label(claim, attribute))") }
    }
    // The attribute's tolerance is named only where it applied: to an exact figure, or to a hedged one whose
    // hedge is narrower (``ConflictingValuesCheck/widened(_:attribute:)`` takes the wider of the two).
    if let allowance, [a, b].contains(where: { toleranceApplies(to: $0, attribute) }) { allowances.append(allowance) }
    let gap: String
    if a.unit == "%" && b.unit == "%" {
      gap = "differ by \(percent(abs(b.value - a.value))) points"
    } else if let ratio = SameFigureTest.gapRatio(lower: ValueInterval(a.value, a.value), upper: ValueInterval(b.value, b.value)) {
      gap = "differ by \(percent((ratio - 1) * 100)) %"
    } else {
      gap = "differ by \(NumberFormatting.plain(abs(b.value - a.value)))"
    }
    let note = statedSize.first.map { "; \(label($0, attribute)) is read as the size announced, not a bound" } ?? ""
    guard !allowances.isEmpty else {
      let exact = precise ? "figures stated to the unit, which no rounding explains," : "exact \(attribute.label) figures"
      return "why: \(sides) \(gap); two \(exact) must be equal\(note)"
    }
    let listed = allowances.count > 1 ? allowances.dropLast().joined(separator: ", ") + " and " + allowances.last! : allowances[0]
    return "why: \(sides) \(gap), more than \(listed)\(note)"
  }

  /// Why two figures of an event attribute (claim indices `a` and `b`, the pair a finding explains) are
  /// taken as reports of one event: close enough, or dated to the same year or month.
  package static func sameEvent(_ a: Int, _ b: Int, attribute: AttributeDefinition, store: ClaimStore) -> String {
    let first = store.claims[a]
    let second = store.claims[b]
    let ratio = SameFigureTest.gapRatio(lower: SameFigureTest.interval(of: first, attribute: attribute),
                                        upper: SameFigureTest.interval(of: second, attribute: attribute))
    let tail = "no article gives both, so they read as two reports of one \(attribute.label) figure, not two rounds or parts of one"
    if let time = SameFigureTest.statedTime(of: first, store: store), time == SameFigureTest.statedTime(of: second, store: store),
      (ratio ?? 1) > SameFigureTest.eventRatio || !(first.entitySource.isExplicit || second.entitySource.isExplicit)
    {
      return "same event: both figures are dated \(first.period.description == second.period.description ? first.period.description : "alike") and \(tail)"
    }
    return "same event: the figures are within \(percent((SameFigureTest.eventRatio - 1) * 100)) % of each other and \(tail)"
  }

  /// Whether the attribute's tolerance is part of what `claim` allows: read from the interval the check
  /// compares (an approximate or "nearly" figure keeps its own hedge where that is the wider); a figure
  /// stated to the unit counts as the exact figure it is.
  package static func toleranceApplies(to claim: Claim, _ attribute: AttributeDefinition) -> Bool {
    ConflictingValuesCheck.isPrecise(claim, attribute: attribute)
      || ConflictingValuesCheck.widened(claim, attribute: attribute) != SameFigureTest.interval(of: claim, attribute: attribute)
  }

  /// What the tolerance allows, in words; `nil` when figures must match exactly.
  package static func tolerance(_ attribute: AttributeDefinition) -> String? {
    switch attribute.tolerance {
    case .relative(let share) where share > 0: return "the ±\(percent(share * 100)) % allowed to each \(attribute.label) figure"
    case .absolute(let amount) where amount > 0:
      let unit = attribute.unit == "%" ? (amount == 1 ? " point" : " points") : attribute.unit.map { " \($0)" } ?? ""
      return "the ±\(percent(amount))\(unit) allowed to each \(attribute.label) figure"
    default: return nil
    }
  }

  private static func label(_ claim: Claim, _ attribute: AttributeDefinition) -> String {
    NumberFormatting.hedged(claim.value, hedge: claim.hedge,
                            unit: claim.unit == "%" ? "%" : attribute.kind == .money ? claim.unit : nil)
  }

  /// A percentage with at most one decimal ("8.6", "5", "0.5").
  private static func percent(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}

extension ConflictReason {
  /// What keeps a finding from being an error: a side whose entity is only assumed (the subject of an
  /// article that gives figures of other organisations too), or no period stated.
  package static func doubts(_ sides: [Finding.ValueGroup], period: String, store: ClaimStore) -> [String] {
    var doubts: [String] = []
    let assumed = sides.filter { side in
      !side.claims.contains { index in
        let claim = store.claims[index]
        return claim.entitySource.isExplicit
          || (claim.entitySource == .subject && !store.namesAnotherEntity(in: claim.document, than: claim.entity ?? ""))
      }
    }
    if let side = assumed.first {
      doubts.append("the entity of \(side.label) is assumed: its article names no one with the figure and gives figures of other organisations")
    }
    if period == Period.unspecified.description {
      doubts.append("no period is stated")
    } else if let side = sides.first(where: { $0.claims.allSatisfy { store.claims[$0].period == .unspecified } }) {
      // A month's figure compared with one given no time (``ConflictingValuesCheck``).
      doubts.append("no period is stated for \(side.label)")
    }
    return doubts
  }
}
