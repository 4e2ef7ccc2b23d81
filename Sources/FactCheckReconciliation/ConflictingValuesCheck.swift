import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// Flags claims about the same entity, attribute, scope and time whose values cannot all be true.
///
/// Two claims conflict when their intervals (the value and its hedge), widened by the attribute's
/// tolerance, do not overlap, and ``SameFigureTest`` finds they can be about the same thing (not two
/// events, not two scopes). A forecast is never compared with a fact, nor with another forecast; a claim
/// with no entity (an unnamed "un PDG"), or of a generic attribute, is compared with nothing. Each
/// finding says why its figures cannot both hold, and is an error only when the figures are exact and
/// its entity and period certain.
///
/// The check does not compare all claims pair by pair: within a set of comparable claims, a claim
/// disagrees with some other one exactly when its interval lies above the smallest upper end or below the
/// largest lower end of the others, so finding the few that disagree costs one pass (and a sort, when
/// publication dates bound it); only those are then judged pair by pair, one pair of distinct figures at a time.
package struct ConflictingValuesCheck: ConsistencyCheck {
  private struct Key: Hashable {
    let entity: String
    let attribute: String
    let scope: String?
    let unit: String?
  }

  /// Claims that may denote the same time: members are judged against partners.
  package struct ComparisonSet {
    package var label: String
    package var members: [Int]
    package var partners: [Int]
    /// Whether dated members are compared only with partners published within the window.
    package var windowed: Bool
    /// When set, members outside it (dated) are compared only with the members in it (undated).
    package var undatedOnly: Set<Int>? = nil
  }

  package func findings(in store: ClaimStore) -> [Finding] {
    var findings: [Finding] = []
    // One check name per attribute, shared by its findings: made per finding, it was a string of its own in
    // each (issue 15: a large run keeps every finding until it is reported).
    var checkNames: [String: String] = [:]
    ConflictingValuesCheck.forEachGroup(in: store) { key, members in
      guard let attribute = store.library.attributes[key.attribute] else { return }
      let checkName = checkNames[key.attribute] ?? "conflict/\(key.attribute)"
      checkNames[key.attribute] = checkName
      let widened = Dictionary(uniqueKeysWithValues: members.map { ($0, ConflictingValuesCheck.widened(store.claims[$0], attribute: attribute)) })
      // An article tells its event figures apart whatever period each is given.
      let test = SameFigureTest(attribute: attribute, evidence: members, widened: widened, store: store)
      for set in ConflictingValuesCheck.comparisonSets(members, events: attribute.isEvent, store: store) {
        // The extremes find, in one pass, every claim that disagrees with some other one; the few found
        // are then judged pair by pair: can the two be about the same thing?
        let conflicted = ConflictingValuesCheck.conflicted(set, widened: widened, store: store)
        guard !conflicted.isEmpty else { continue }
        let components = ConflictingValuesCheck.components(conflicted.sorted(), set: set, test: test, widened: widened, store: store)
        for (number, component) in components.enumerated() {
          findings.append(finding(key, attribute, set.label, component, number: components.count > 1 ? number + 1 : nil,
                                  check: checkName, store: store))
        }
      }
    }
    return findings
  }

  /// Calls `body` with each group of two claims or more that may conflict: one entity, attribute, scope and unit
  /// (a forecast only when the attribute is an event; no generic or many-per-entity attribute), its members in
  /// claim order (``ClaimGroups``).
  private static func forEachGroup(in store: ClaimStore, _ body: (Key, [Int]) -> Void) {
    ClaimGroups.forEach(in: store.claims, key: { claim in
      // An event (a layoff round, the share of the staff it cuts) is announced before it happens: "is set to
      // lose 18 % of its staff" and "expects to cut almost 20 %" report one plan, whatever their tense.
      guard let entity = claim.entity, let attribute = store.library.attributes[claim.attribute],
        claim.modality == .actual || attribute.isEvent, !attribute.isGeneric, !attribute.isManyPerEntity
      else { return nil }
      return Key(entity: entity, attribute: claim.attribute, scope: claim.scope, unit: claim.unit)
    }, body)
  }

  /// The values `claim` allows, widened by the attribute's tolerance unless the figure is precise.
  ///
  /// An approximate figure's hedge is its own allowance for rounding ("some 200,000" is 190,000 to
  /// 210,000): the attribute's tolerance is not added on top of it, only taken where it is wider than the
  /// hedge. A "nearly" figure stays below its number ("almost 20 per cent" is never 20.4 %).
  package static func widened(_ claim: Claim, attribute: AttributeDefinition) -> ValueInterval {
    let interval = SameFigureTest.interval(of: claim, attribute: attribute)
    if isPrecise(claim, attribute: attribute) { return interval }
    let point = attribute.tolerance.widen(ValueInterval(claim.value, claim.value))
    switch claim.hedge {
    case .approximate where interval.low.isFinite && interval.high.isFinite:
      return ValueInterval(min(interval.low, point.low), max(interval.high, point.high))
    case .nearly where interval.low.isFinite && interval.high.isFinite:
      return ValueInterval(min(interval.low, point.low), interval.high)
    default:
      return attribute.tolerance.widen(interval)
    }
  }

  /// Whether a headcount is stated to the unit ("963", "97,148"): the tolerance allows for rounding, and
  /// no rounding gives such a figure, so it is taken as written ("963" and "955" workers at one site
  /// disagree, though within 1 %; "3,500" and "3,530" may be one figure rounded).
  package static func isPrecise(_ claim: Claim, attribute: AttributeDefinition) -> Bool {
    guard attribute.kind == .count, !attribute.isEvent, claim.hedge == .exact, claim.value == claim.value.rounded(),
      abs(claim.value) < 1e15
    else { return false }
    return Int(claim.value) % 10 != 0
  }

  /// Claims that disagree and can be about the same thing, linked through the pairs that disagree: one finding.
  package struct Component {
    /// Every claim with a disagreeing partner, sorted.
    package var claims: [Int]
    /// Whether two exact figures disagree (else only hedged ones do, a lesser finding).
    package var exact: Bool
    /// The two claims that disagree least (lower value first): the pair the finding explains.
    package var closest: (Int, Int)
    /// The factor between the closest pair's figures, when one means something.
    package var closestRatio: Double
  }

  private func finding(_ key: Key, _ attribute: AttributeDefinition, _ periodLabel: String, _ component: Component, number: Int?,
                       check: String, store: ClaimStore) -> Finding {
    let involved = component.claims
    let periods = Array(Set(involved.map { store.claims[$0].period.description })).sorted()
    let periodText = periods.count == 1 ? periods[0] : periodLabel
    let valueGroups = ConflictingValuesCheck.valueGroups(involved, store: store)
    let scopeText = key.scope.map { " [\($0)]" } ?? ""
    let message = "\(key.entity) \(attribute.label)\(scopeText) (\(periodText)): " + valueGroups.map(\.label).joined(separator: " vs ")
    // Room for the reasons appended below: an array grown by appending keeps up to as much room again.
    var details: [String] = []
    details.reserveCapacity(valueGroups.count + 3)
    for group in valueGroups {
      details.append("\(group.label) — " + group.claims.map { store.claims[$0].documentLabel }.uniqued().joined(separator: ", "))
    }
    details.append(ConflictReason.why(component.closest.0, component.closest.1, attribute: attribute, store: store))
    if attribute.isEvent {
      details.append(ConflictReason.sameEvent(component.closest.0, component.closest.1, attribute: attribute, store: store))
    }
    // An error needs exact figures and a certain entity and period; anything less is a warning at most.
    var severity = component.exact ? attribute.severity : attribute.severity.lowered
    let doubts = ConflictReason.doubts(valueGroups, period: periodLabel, store: store)
    if !doubts.isEmpty && severity == .error {
      severity = .warning
      details.append("warning, not error: " + doubts.joined(separator: "; "))
    }
    return Finding(
      id: "conflict:\(key.attribute):\(key.entity)\(key.scope.map { ":\($0)" } ?? ""):\(periodText)\(number.map { ":\($0)" } ?? "")",
      kind: .conflict, check: check, severity: severity, entity: key.entity, attribute: key.attribute,
      period: periodText, message: message, details: details, groups: valueGroups, claims: involved,
      locations: involved.map { store.claims[$0].location })
  }

  /// Splits a set's disagreeing claims into findings: two claims disagree when their widened intervals
  /// are disjoint and ``SameFigureTest`` finds they can be about the same thing (not one article's two
  /// events, not figures too far apart to be one scope or one event, not two events an article tells
  /// apart); claims linked through such pairs form one finding. Claims with the same interval are judged
  /// once, so a thousand articles repeating two figures cost one comparison.
  package static func components(_ conflicted: [Int], set: ComparisonSet, test: SameFigureTest, widened: [Int: ValueInterval],
                                 store: ClaimStore) -> [Component] {
    struct FigureKey: Hashable {
      let low: Double
      let high: Double
      let exact: Bool
      var interval: ValueInterval { ValueInterval(low, high) }
    }
    // What the pair test needs of each claim, read once: an archive may hold thousands of them.
    var documentNumbers: [String: Int] = [:]
    var facts: [Int: PairFacts] = [:]
    var byFigure: [FigureKey: [Int]] = [:]
    for index in conflicted {
      let claim = store.claims[index]
      let number = documentNumbers[claim.document] ?? documentNumbers.count
      documentNumbers[claim.document] = number
      facts[index] = PairFacts(document: number, day: store.published[claim.document]?.ordinal, explicit: claim.entitySource.isExplicit,
                               undated: set.undatedOnly?.contains(index) ?? true, time: SameFigureTest.statedTime(of: claim, store: store))
      let interval = widened[index]!
      byFigure[FigureKey(low: interval.low, high: interval.high, exact: claim.hedge == .exact), default: []].append(index)
    }
    let window = set.windowed ? store.windowDays : nil
    func comparable(_ a: Int, _ b: Int, ratio: Double) -> Bool {
      facts[a]!.comparable(with: facts[b]!, test: test, window: window, ratio: ratio)
    }
    // Exact before hedged on equal intervals ("99 %" and "99–99 %"): a dictionary's order changes from run to
    // run, and the pair a finding explains must not.
    let figures = byFigure.sorted { ($0.key.low, $0.key.high, $0.key.exact ? 0 : 1) < ($1.key.low, $1.key.high, $1.key.exact ? 0 : 1) }
    let raw = figures.map { SameFigureTest.interval(of: store.claims[$0.value[0]], attribute: test.attribute) }
    var parent = Array(figures.indices)
    func root(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    // The articles giving a figure like each one, among figures they tell apart; computed once per figure.
    var articles: [Int: Set<String>] = [:]
    func articlesLike(_ i: Int) -> Set<String> {
      if let known = articles[i] { return known }
      let found = test.documents(givingLike: figures[i].key.interval)
      articles[i] = found
      return found
    }
    var involved = Set<Int>()
    var whole = [Bool](repeating: false, count: figures.count)  // every claim of the figure involved
    var components: [Int: Component] = [:]  // by root
    for (i, lower) in figures.enumerated() {
      let lowerRaw = raw[i]
      for j in figures.indices where j > i {
        let upper = figures[j]
        guard upper.key.low > lower.key.high else { continue }
        let upperRaw = raw[j]
        // Sorted by low end, and widening only lowers it: once a low end is beyond the limit, so are the rest.
        if lowerRaw.high > 0, upper.key.low > lowerRaw.high * test.widestRatioLimit { break }
        guard test.closeEnough(lower: lowerRaw, upper: upperRaw, datedAlike: true) else { continue }
        // How far apart the pair is decides below, claim by claim, whether it needs figures dated alike.
        let gap = SameFigureTest.gapRatio(lower: lowerRaw, upper: upperRaw)
        let ratio = gap ?? .infinity
        let exact = lower.key.exact && upper.key.exact
        // A pair inside a finding that it can neither grow nor explain better changes nothing: skip the
        // costlier tests (a dense archive has many such pairs).
        if whole[i], whole[j], root(i) == root(j), let known = components[root(i)], known.exact || !exact,
          ratio >= known.closestRatio
        {
          continue
        }
        if test.hasArticlesTellingApart {
          let shared = articlesLike(i).intersection(articlesLike(j))
          if !shared.isEmpty, test.toldApart(lower.key.interval, upper.key.interval, in: shared) { continue }
        }
        // One comparable pair, then every claim of either figure comparable with it: linear in the claims of
        // the two figures, where testing every pair was quadratic (an archive repeats a figure thousands of times).
        var found: (Int, Int)?
        search: for a in lower.value {
          for b in upper.value where comparable(a, b, ratio: gap ?? 1) {
            found = (a, b)
            break search
          }
        }
        guard let (first, partner) = found else { continue }
        let lowerSide = lower.value.filter { a in a == first || comparable(a, partner, ratio: gap ?? 1) }
        let upperSide = upper.value.filter { b in b == partner || comparable(first, b, ratio: gap ?? 1) }
        involved.formUnion(lowerSide)
        involved.formUnion(upperSide)
        whole[i] = whole[i] || lowerSide.count == lower.value.count
        whole[j] = whole[j] || upperSide.count == upper.value.count
        // Merge the two findings and this pair into one.
        let (ri, rj) = (root(i), root(j))
        var merged = Component(claims: [], exact: exact, closest: (first, partner), closestRatio: ratio)
        for r in Set([ri, rj]) {
          guard let known = components.removeValue(forKey: r) else { continue }
          merged.exact = merged.exact || known.exact
          if known.closestRatio < merged.closestRatio || (known.closestRatio == merged.closestRatio && known.closest < merged.closest) {
            merged.closest = known.closest
            merged.closestRatio = known.closestRatio
          }
        }
        parent[ri] = rj
        components[rj] = merged
      }
    }
    var claimsByRoot: [Int: [Int]] = [:]
    for (i, figure) in figures.enumerated() {
      let members = figure.value.filter { involved.contains($0) }
      if !members.isEmpty { claimsByRoot[root(i), default: []].append(contentsOf: members) }
    }
    return components.map { r, component in
      var component = component
      component.claims = (claimsByRoot[r] ?? []).sorted()
      return component
    }.sorted { a, b in (store.claims[a.claims[0]].value, a.claims[0]) < (store.claims[b.claims[0]].value, b.claims[0]) }
  }

  /// What deciding whether two disagreeing claims may be compared needs of each.
  package struct PairFacts {
    /// The claim's article, numbered.
    package let document: Int
    /// The article's publication day (``Day/ordinal``), when known.
    package let day: Int?
    /// Whether the entity was found next to the figure.
    package let explicit: Bool
    /// Whether the claim is one its comparison set compares with everything (an undated article's).
    package let undated: Bool
    /// The calendar year or month its article dates it to (``SameFigureTest/statedTime(of:store:)``).
    package let time: PeriodAnchor.Kind?

    /// Whether two disagreeing claims, `ratio` apart (the factor between their closer ends), may be
    /// compared at all: from different articles (or one, for a state), close enough and with firm enough
    /// entities (more leeway for two dated alike), within the window when the set has one, and with an
    /// undated claim when the set wants one.
    package func comparable(with other: PairFacts, test: SameFigureTest, window: Int?, ratio: Double) -> Bool {
      if document == other.document { return test.comparesWithinOneArticle }
      let datedAlike = time != nil && time == other.time
      guard ratio <= test.ratioLimit(datedAlike: datedAlike),
        test.entitiesFirmEnough(explicit: explicit, other.explicit, datedAlike: datedAlike)
      else { return false }
      if let window, let day, let otherDay = other.day, abs(day - otherDay) > window { return false }
      return undated || other.undated
    }
  }


  /// Splits one group's claims into sets of claims that may denote the same time.
  ///
  /// "current" figures form one set (dated ones compared only within the window); explicit or resolved
  /// years form one set per year; an undated article's "last year" is compared with every claim stated
  /// relative to its own article the same way (but two dated claims of different years never are). An
  /// event dated to a month is compared with the same month's and, for `events`, with undated ones or
  /// ones dated to the month's year (a round said "in November", one given no time, one "in 2022"), never
  /// with another month's: two rounds.
  private static func comparisonSets(_ members: [Int], events: Bool, store: ClaimStore) -> [ComparisonSet] {
    var current: [Int] = []
    var unspecified: [Int] = []
    var byYear: [Int: [Int]] = [:]
    var undatedRelative: [Int: [Int]] = [:]
    var relativeOfDated: [Int: [Int]] = [:]
    // Keyed by the anchor itself and taken in the order first met (members come in claim order): a key made
    // by printing the anchor ("\(kind)") cost some 200,000 instructions a claim, through reflection.
    var changes: [PeriodAnchor.Kind: [Int]] = [:]
    var changeOrder: [PeriodAnchor.Kind] = []
    var months: [PeriodAnchor.Kind: (year: Int?, claims: [Int])] = [:]
    var monthOrder: [PeriodAnchor.Kind] = []
    for index in members {
      let anchor = store.anchor(of: store.claims[index])
      switch anchor.kind {
      case .current: current.append(index)
      case .unspecified: unspecified.append(index)
      case .year(let absolute, let relative):
        if let absolute { byYear[absolute, default: []].append(index) }
        if let relative {
          if absolute == nil { undatedRelative[relative, default: []].append(index) } else { relativeOfDated[relative, default: []].append(index) }
        }
      case .change, .quarter:
        // Changes and quarters compare only with the very same span.
        if changes[anchor.kind] == nil { changeOrder.append(anchor.kind) }
        changes[anchor.kind, default: []].append(index)
      case .month(_, let absolute, _):
        if months[anchor.kind] == nil { monthOrder.append(anchor.kind) }
        months[anchor.kind, default: (absolute, [])].claims.append(index)
      }
    }
    var sets: [ComparisonSet] = []
    if current.count > 1 { sets.append(ComparisonSet(label: "current", members: current, partners: current, windowed: true)) }
    if unspecified.count > 1 { sets.append(ComparisonSet(label: "unspecified", members: unspecified, partners: unspecified, windowed: false)) }
    for (year, claims) in byYear.sorted(by: { $0.key < $1.key }) where claims.count > 1 {
      sets.append(ComparisonSet(label: String(year), members: claims, partners: claims, windowed: false))
    }
    for (offset, undated) in undatedRelative.sorted(by: { $0.key < $1.key }) {
      let label = Period.relativeYear(offset).description
      let dated = relativeOfDated[offset] ?? []
      // Undated claims against everything stated the same way; dated ones only against undated ones.
      var set = ComparisonSet(label: label, members: undated + dated, partners: undated + dated, windowed: false)
      set.undatedOnly = Set(undated)
      sets.append(set)
    }
    for kind in changeOrder {
      guard let claims = changes[kind], claims.count > 1 else { continue }
      let label = store.claims[claims[0]].period.description
      sets.append(ComparisonSet(label: label, members: claims, partners: claims, windowed: false))
    }
    for kind in monthOrder {
      let (year, claims) = months[kind]!
      // An event given no time, or only the month's year, may be the same round.
      let undated = events ? unspecified + (year.flatMap { byYear[$0] } ?? []) : []
      guard claims.count + undated.count > 1 else { continue }
      // Those are compared with one another in their own sets: here only with this month's.
      var set = ComparisonSet(label: store.claims[claims[0]].period.description, members: claims + undated,
                              partners: claims + undated, windowed: false)
      if !undated.isEmpty { set.undatedOnly = Set(claims) }
      sets.append(set)
    }
    return sets
  }


  /// Members whose interval is disjoint from at least one partner other than themselves.
  private static func conflicted(_ set: ComparisonSet, widened: [Int: ValueInterval], store: ClaimStore) -> Set<Int> {
    guard !set.members.isEmpty, !set.partners.isEmpty else { return [] }
    var result = Set<Int>()
    if set.windowed, let window = store.windowDays {
      // Dated partners sorted by day; undated ones compare with everything. Each partner's day is looked up
      // once (by its document's path), not at every comparison of the sort.
      let days = set.partners.map { (index: $0, day: store.published[store.claims[$0].document]) }
      let datedDays = days.compactMap { partner in partner.day.map { (index: partner.index, day: $0) } }.sorted { $0.day < $1.day }
      let dated = datedDays.map(\.index)
      let undated = days.filter { $0.day == nil }.map(\.index)
      let undatedExtremes = Extremes(undated.map { ($0, widened[$0]!) })
      let ordinals = datedDays.map(\.day.ordinal)
      let table = RangeExtremes(dated.map { widened[$0]! })
      for member in set.members {
        let interval = widened[member]!
        if undatedExtremes.separates(interval, excluding: member) { result.insert(member) ; continue }
        guard let day = store.published[store.claims[member].document] else {
          // An undated member compares with every dated partner.
          if Extremes(dated.map { ($0, widened[$0]!) }).separates(interval, excluding: member) { result.insert(member) }
          continue
        }
        let low = lowerBound(ordinals, day.ordinal - window)
        let high = upperBound(ordinals, day.ordinal + window)
        guard low < high else { continue }
        let position = dated.firstIndex(of: member)
        if table.separates(interval, in: low..<high, excluding: position) { result.insert(member) }
      }
      return result
    }
    if let undated = set.undatedOnly {
      let all = Extremes(set.partners.map { ($0, widened[$0]!) })
      let undatedExtremes = Extremes(undated.map { ($0, widened[$0]!) })
      for member in set.members {
        let extremes = undated.contains(member) ? all : undatedExtremes
        if extremes.separates(widened[member]!, excluding: member) { result.insert(member) }
      }
      return result
    }
    let extremes = Extremes(set.partners.map { ($0, widened[$0]!) })
    for member in set.members where extremes.separates(widened[member]!, excluding: member) { result.insert(member) }
    // A partner that a member conflicts with is involved too.
    if !result.isEmpty {
      let memberExtremes = Extremes(set.members.map { ($0, widened[$0]!) })
      for partner in set.partners where memberExtremes.separates(widened[partner]!, excluding: partner) { result.insert(partner) }
    }
    return result
  }

  private static func lowerBound(_ values: [Int], _ target: Int) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < target { low = mid + 1 } else { high = mid }
    }
    return low
  }

  private static func upperBound(_ values: [Int], _ target: Int) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] <= target { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The sides of a conflict: claims clustered so that the figures within a side agree with each other
  /// ("3 800 / ≈3 800 — 001, 004"), ordered from the smallest value.
  package static func valueGroups(_ claims: [Int], store: ClaimStore) -> [Finding.ValueGroup] {
    func widened(_ index: Int) -> ValueInterval {
      let claim = store.claims[index]
      guard let attribute = store.library.attributes[claim.attribute] else { return claim.interval }
      return ConflictingValuesCheck.widened(claim, attribute: attribute)
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

/// The two smallest upper ends and two largest lower ends of a set of intervals, so that "is this
/// interval disjoint from some other one" takes constant time.
package struct Extremes {
  private var minHigh: [(Int, Double)] = []
  private var maxLow: [(Int, Double)] = []

  package init(_ items: [(Int, ValueInterval)]) {
    for (id, interval) in items {
      minHigh.append((id, interval.high))
      minHigh.sort { $0.1 < $1.1 }
      if minHigh.count > 2 { minHigh.removeLast() }
      maxLow.append((id, interval.low))
      maxLow.sort { $0.1 > $1.1 }
      if maxLow.count > 2 { maxLow.removeLast() }
    }
  }

  /// Whether `interval` is disjoint from some interval of the set other than `excluding`'s.
  package func separates(_ interval: ValueInterval, excluding id: Int) -> Bool {
    if let high = minHigh.first(where: { $0.0 != id }), interval.low > high.1 { return true }
    if let low = maxLow.first(where: { $0.0 != id }), interval.high < low.1 { return true }
    return false
  }
}

/// Range minimum of upper ends and maximum of lower ends over an array of intervals (sparse tables).
package struct RangeExtremes {
  private var minHigh: [[Double]] = []
  private var maxLow: [[Double]] = []

  package init(_ intervals: [ValueInterval]) {
    minHigh = [intervals.map(\.high)]
    maxLow = [intervals.map(\.low)]
    var width = 1
    while width * 2 <= intervals.count {
      let previousHigh = minHigh.last!
      let previousLow = maxLow.last!
      minHigh.append((0...(intervals.count - width * 2)).map { min(previousHigh[$0], previousHigh[$0 + width]) })
      maxLow.append((0...(intervals.count - width * 2)).map { max(previousLow[$0], previousLow[$0 + width]) })
      width *= 2
    }
  }

  private func query(_ range: Range<Int>) -> (minHigh: Double, maxLow: Double)? {
    guard !range.isEmpty else { return nil }
    var level = 0
    while (1 << (level + 1)) <= range.count { level += 1 }
    let right = range.upperBound - (1 << level)
    return (min(minHigh[level][range.lowerBound], minHigh[level][right]), max(maxLow[level][range.lowerBound], maxLow[level][right]))
  }

  /// Whether `interval` is disjoint from some interval in `range`, the one at `excluding` left out.
  package func separates(_ interval: ValueInterval, in range: Range<Int>, excluding position: Int?) -> Bool {
    var parts = [range]
    if let position, range.contains(position) { parts = [range.lowerBound..<position, (position + 1)..<range.upperBound] }
    for part in parts {
      guard let extremes = query(part) else { continue }
      if interval.low > extremes.minHigh || interval.high < extremes.maxLow { return true }
    }
    return false
  }
}
