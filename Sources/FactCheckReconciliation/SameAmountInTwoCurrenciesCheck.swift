import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// Flags one amount given in two currencies by two articles: "up to $1 billion" in one and « jusqu'à
/// 1 milliard d'euros » in another, for the same entity, attribute, scope and period. A dollar is not a
/// euro, so the two cannot both be right unless one was converted, and a conversion changes the number
/// (385 million euros are $414 million): the same number in two currencies is a currency slipped in
/// translation or rewriting, not two ways of saying one amount. Figures in two currencies that differ in
/// number are never reported. Declared in rule files under `checks:` (`kind: same_amount_two_currencies`).
///
/// ``ConflictingValuesCheck`` compares figures only within one currency, so this is the only check that
/// looks across currencies.
package struct SameAmountInTwoCurrenciesCheck: ConsistencyCheck {
  package let check: CheckDefinition

  private struct Key: Hashable {
    let entity: String
    let attribute: String
    let scope: String?
    let period: PeriodAnchor
    let modality: Modality
  }

  package func findings(in store: ClaimStore) -> [Finding] {
    var findings: [Finding] = []
    ClaimGroups.forEach(in: store.claims, key: { key(of: $0, store: store) }) { key, members in
      guard Set(members.map { store.claims[$0].unit }).count > 1 else { return }
      for cluster in sameNumbers(members, store: store) {
        guard let pair = firstPair(in: cluster, store: store) else { continue }
        findings.append(finding(key, cluster, pair: pair, store: store))
      }
    }
    return findings.sorted { $0.id < $1.id }
  }

  /// The group a claim belongs to, or `nil` when the check does not look at it (no entity, no currency, an
  /// attribute it does not cover).
  private func key(of claim: Claim, store: ClaimStore) -> Key? {
    guard let entity = claim.entity, let currency = claim.unit, !currency.isEmpty, covers(claim.attribute, store: store) else { return nil }
    return Key(entity: entity, attribute: claim.attribute, scope: claim.scope, period: store.anchor(of: claim), modality: claim.modality)
  }

  /// Whether the check looks at `attribute`: a money attribute it names (every one that is not generic
  /// when it names none).
  private func covers(_ attribute: String, store: ClaimStore) -> Bool {
    guard let definition = store.library.attributes[attribute], definition.kind == .money, !definition.isGeneric else { return false }
    return check.attributes.isEmpty || check.attributes.contains(attribute)
  }

  /// The claims split into runs of the same number, within the tolerance of the run's smallest value;
  /// only runs in more than one currency.
  private func sameNumbers(_ members: [Int], store: ClaimStore) -> [[Int]] {
    let sorted = members.sorted { (store.claims[$0].value, $0) < (store.claims[$1].value, $1) }
    var runs: [[Int]] = []
    for index in sorted {
      let value = store.claims[index].value
      if let first = runs.last?.first, sameNumber(store.claims[first].value, value) {
        runs[runs.count - 1].append(index)
      } else {
        runs.append([index])
      }
    }
    return runs.filter { run in Set(run.map { store.claims[$0].unit }).count > 1 }
  }

  /// Whether two values are one number, within the check's tolerance (per cent of the larger).
  private func sameNumber(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= max(abs(a), abs(b)) * check.tolerance / 100
  }

  /// Two claims of the run in different currencies from different articles (close enough in time when
  /// both are "current"), lower value first; `nil` when every such pair is one article's.
  private func firstPair(in run: [Int], store: ClaimStore) -> (Int, Int)? {
    for (position, a) in run.enumerated() {
      for b in run[(position + 1)...] {
        let first = store.claims[a]
        let second = store.claims[b]
        guard first.unit != second.unit, first.document != second.document else { continue }
        if store.anchor(of: first).kind == .current, !store.withinWindow(first, second) { continue }
        return (a, b)
      }
    }
    return nil
  }

  private func finding(_ key: Key, _ run: [Int], pair: (Int, Int), store: ClaimStore) -> Finding {
    let label = store.library.attributes[key.attribute]?.label ?? key.attribute
    let period = store.claims[run[0]].period.description
    // One side per currency, in the order the currencies first appear in the run.
    var currencies: [String] = []
    var byCurrency: [String: [Int]] = [:]
    for index in run {
      let currency = store.claims[index].unit ?? ""
      if byCurrency[currency] == nil { currencies.append(currency) }
      byCurrency[currency, default: []].append(index)
    }
    let groups = currencies.map { currency in
      let claims = byCurrency[currency]!
      let labels = claims.map { figure(store.claims[$0]) }.uniqued()
      return Finding.ValueGroup(label: labels.joined(separator: " / "), claims: claims.sorted())
    }
    let scopeText = key.scope.map { " [\($0)]" } ?? ""
    let message = "\(key.entity) \(label)\(scopeText) (\(period)): " + groups.map(\.label).joined(separator: " vs ")
      + ": one amount in two currencies"
    var details = groups.map { group in
      "\(group.label) — " + group.claims.map { store.claims[$0].documentLabel }.uniqued().joined(separator: ", ")
    }
    let (a, b) = (store.claims[pair.0], store.claims[pair.1])
    details.append("why: \(figure(a)) (\(a.documentLabel)) and \(figure(b)) (\(b.documentLabel)) are the same number in two currencies; "
                   + "a conversion would change the number, so at most one of them is right")
    let involved = run.sorted()
    // "about €6 billion" against "$6 billion" is the same number too, but a hedge leaves some doubt.
    let stated = [a, b].allSatisfy { $0.hedge == .exact || $0.hedge.isStatedSize }
    return Finding(
      id: "currency:\(key.attribute):\(key.entity)\(key.scope.map { ":\($0)" } ?? ""):\(period):\(NumberFormatting.plain(a.value))",
      kind: .conflict, check: check.id, severity: stated ? check.severity : check.severity.lowered, entity: key.entity, attribute: key.attribute, period: period,
      message: message, details: details, groups: groups, claims: involved, locations: involved.map { store.claims[$0].location })
  }

  private func figure(_ claim: Claim) -> String {
    NumberFormatting.hedged(claim.value, hedge: claim.hedge, unit: claim.unit)
  }
}
