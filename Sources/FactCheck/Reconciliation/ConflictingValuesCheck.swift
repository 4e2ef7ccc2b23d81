/// Flags claims about the same entity, attribute, scope and time whose values cannot all be true.
///
/// Two claims conflict when their intervals (the value and its hedge), widened by the attribute's
/// tolerance, do not overlap. A forecast is never compared with a fact, nor with another forecast; a
/// claim with no entity (an unnamed "un PDG") is compared with nothing.
struct ConflictingValuesCheck: ConsistencyCheck {
  func findings(in store: ClaimStore) -> [Finding] {
    struct Key: Hashable {
      let entity: String
      let attribute: String
      let scope: String?
      let unit: String?
      let bucket: String
    }
    var groups: [Key: [Int]] = [:]
    for (index, claim) in store.claims.enumerated() {
      guard let entity = claim.entity, claim.modality == .actual, store.library.attributes[claim.attribute] != nil else { continue }
      let key = Key(entity: entity, attribute: claim.attribute, scope: claim.scope, unit: claim.unit,
                    bucket: store.anchor(of: claim).bucket)
      groups[key, default: []].append(index)
    }
    var findings: [Finding] = []
    for (key, members) in groups where members.count > 1 {
      guard let attribute = store.library.attributes[key.attribute] else { continue }
      let anchors = members.map { store.anchor(of: store.claims[$0]) }
      let widened = members.map { attribute.tolerance.widen(store.claims[$0].interval) }
      // Split the group into components of mutually comparable periods, then find conflicting pairs.
      var conflicted = Set<Int>()
      var exactConflict = false
      var periods: [String] = []
      for i in members.indices {
        for j in members.indices where j > i {
          guard anchors[i].isCompatible(with: anchors[j]), !widened[i].overlaps(widened[j]) else { continue }
          let a = store.claims[members[i]]
          let b = store.claims[members[j]]
          guard store.withinWindow(a, b) else { continue }
          conflicted.insert(i)
          conflicted.insert(j)
          if a.hedge == .exact && b.hedge == .exact { exactConflict = true }
        }
      }
      guard !conflicted.isEmpty else { continue }
      let involved = conflicted.sorted().map { members[$0] }
      periods = Array(Set(involved.map { store.claims[$0].period.description })).sorted()
      var severity = exactConflict ? attribute.severity : attribute.severity.lowered
      if attribute.isGeneric { severity = .note }
      let valueGroups = ConflictingValuesCheck.valueGroups(involved, store: store)
      let periodText = periods.joined(separator: ", ")
      let scopeText = key.scope.map { " [\($0)]" } ?? ""
      let message = "\(key.entity) \(attribute.label)\(scopeText) (\(periodText)): "
        + valueGroups.map(\.label).joined(separator: " vs ")
      let details = valueGroups.map { group in
        "\(group.label) — " + group.claims.map { store.claims[$0].documentLabel }.uniqued().joined(separator: ", ")
      }
      findings.append(Finding(
        id: "conflict:\(key.attribute):\(key.entity)\(key.scope.map { ":\($0)" } ?? ""):\(periodText)", kind: .conflict,
        check: "conflict/\(key.attribute)", severity: severity, entity: key.entity, attribute: key.attribute, period: periodText,
        message: message, details: details, groups: valueGroups, claims: involved.sorted(),
        locations: involved.sorted().map { store.claims[$0].location }))
    }
    return findings
  }

  /// The sides of a conflict: claims clustered so that the figures within a side agree with each other
  /// ("3 800 / ≈3 800 — 001, 004"), ordered from the smallest value.
  static func valueGroups(_ claims: [Int], store: ClaimStore) -> [Finding.ValueGroup] {
    func widened(_ index: Int) -> ValueInterval {
      let claim = store.claims[index]
      return store.library.attributes[claim.attribute]?.tolerance.widen(claim.interval) ?? claim.interval
    }
    let sorted = claims.sorted { (store.claims[$0].value, $0) < (store.claims[$1].value, $1) }
    var sides: [[Int]] = []
    var common: ValueInterval?
    for index in sorted {
      let interval = widened(index)
      if let shared = common, shared.overlaps(interval) {
        sides[sides.count - 1].append(index)
        common = ValueInterval(max(shared.low, interval.low), min(shared.high, interval.high))
      } else {
        sides.append([index])
        common = interval
      }
    }
    return sides.map { side in
      let labels = side.map { index -> String in
        let claim = store.claims[index]
        let kind = store.library.attributes[claim.attribute]?.kind
        return NumberFormatting.hedged(claim.value, hedge: claim.hedge, unit: claim.unit == "%" ? "%" : kind == .money ? claim.unit : nil)
      }.uniqued()
      return Finding.ValueGroup(label: labels.joined(separator: " / "), claims: side.sorted())
    }
  }
}

extension Severity {
  /// One level down: hedged disagreements are warnings, not errors.
  var lowered: Severity {
    switch self {
    case .error: return .warning
    case .warning, .note: return .note
    }
  }
}

extension Claim {
  /// The document's file name, the way people cite articles ("000-fr-klarna….md").
  public var documentLabel: String {
    let name = document.split(separator: "/").last.map(String.init) ?? document
    return name
  }
}

extension Array where Element: Hashable {
  /// The elements without repeats, in first-seen order.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
