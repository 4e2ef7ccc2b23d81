import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// Whether two figures that disagree can be about the same thing (one headcount, one layoff round), so
/// that they cannot both be true.
///
/// Sharing an entity, an attribute and a period is not enough in real copy:
/// - an organisation has many layoff and funding rounds, and a plan has parts ("224 posts in home
///   delivery, 466 in the stores, 2,389 in all"). An article does not contradict itself about one event,
///   so two different figures of an event attribute in one article are two events; across articles,
///   figures are compared only when they are close enough to be two reports of one event, and never when
///   some article states both of them side by side (it tells them apart: they are two events). Figures
///   that two articles date to the same year or month ("1,200 hires in 2025", « 1 800 recrutements en
///   2025 ») are pinned to one event more firmly: they are compared as far apart as a state's, whatever
///   their entity source;
/// - a headcount or a valuation has scopes and dates a rule rarely sees (a country against the world,
///   permanent staff against all staff, the valuation of another round): figures far apart are more
///   likely two of those than one mistake.
package struct SameFigureTest {
  /// How far apart two reports of one event may be: the closer ends of their intervals within this
  /// factor. Reports that contradict each other about one round differ by a few per cent to about 20 %
  /// (350 vs 320 jobs, 244 vs 224, 40 % vs 42 %); farther apart, they are other rounds or parts of one.
  package static let eventRatio = 1.3
  /// How far apart two figures of a state (a headcount, a valuation) may be and still be about the same
  /// scope: farther apart, a division against the group or another round's valuation is likelier than a
  /// mistake. Wide enough for real disagreements on small counts (23 vs 35 languages, 50 % vs 70 %).
  package static let stateRatio = 1.6

  package let attribute: AttributeDefinition
  /// For event attributes: per document, the distinct intervals (widened) of its figures, when it has
  /// several; an article with two disagreeing figures tells them apart.
  private let figuresByDocument: [String: [ValueInterval]]

  /// A test for `attribute`; `evidence` are the claims (of any period) whose articles can tell figures
  /// apart, `widened` their intervals widened by the attribute's tolerance.
  package init(attribute: AttributeDefinition, evidence: [Int], widened: [Int: ValueInterval], store: ClaimStore) {
    self.attribute = attribute
    var byDocument: [String: [ValueInterval]] = [:]
    if attribute.isEvent {
      for index in evidence {
        guard let interval = widened[index] else { continue }
        let document = store.claims[index].document
        if !(byDocument[document]?.contains(interval) ?? false) { byDocument[document, default: []].append(interval) }
      }
      byDocument = byDocument.filter { $0.value.count > 1 }
    }
    figuresByDocument = byDocument
  }

  /// The values a claim's figure allows, as reconciliation compares them: its hedged interval, except that
  /// an event's "up to" figure ("cut up to 55,000 jobs", "jusqu'à 42 %") is the size the plan is given, so
  /// "as much as 40 %" and "as much as 42 %" disagree, while "up to 55,000" and "55,000" agree.
  package static func interval(of claim: Claim, attribute: AttributeDefinition) -> ValueInterval {
    if attribute.isEvent, claim.hedge.isStatedSize { return ValueInterval(claim.value, claim.value) }
    return claim.interval
  }

  /// The most two compared figures may be apart, as a factor; `datedAlike` when both are dated to the
  /// same year or month (``statedTime(of:store:)``).
  package func ratioLimit(datedAlike: Bool) -> Double {
    attribute.isEvent && !datedAlike ? SameFigureTest.eventRatio : SameFigureTest.stateRatio
  }

  /// The most any two figures of the attribute may be apart, dated alike or not.
  package var widestRatioLimit: Double { max(ratioLimit(datedAlike: true), ratioLimit(datedAlike: false)) }

  /// The calendar year or month an article dates a figure to ("in 2025", "this year" in a dated article,
  /// "in March 2024"), or `nil` when the figure is given no such time (none, "now", an undated article's
  /// "last year", a change or a quarter). A company has one hiring plan for a year and one layoff round in
  /// a month: two figures dated alike are reports of one event unless an article tells them apart, while
  /// undated figures may belong to any round ("cut 350 jobs" recalled from an earlier one).
  package static func statedTime(of claim: Claim, store: ClaimStore) -> PeriodAnchor.Kind? {
    let anchor = store.anchor(of: claim)
    switch anchor.kind {
    case .year(absolute: .some, _), .month(_, absolute: .some, _): return anchor.kind
    default: return nil
    }
  }

  /// Whether the entities of two claims (each explicit or not, ``EntitySource/isExplicit``) are firm enough
  /// to compare them: for an event, at least one must be named with its figure, unless both are dated
  /// alike. Articles on one company often recall other companies' rounds ("Vodafone cut 11,000 jobs this
  /// week") in sentences that do not name them; two such figures, both given to the article's subject, are
  /// two guesses, not a contradiction. Two articles that both date their subject's figure to one year or
  /// month are taken at their word: a dated plan ("hire 1,200 staff in 2025") is the subject's own.
  package func entitiesFirmEnough(explicit a: Bool, _ b: Bool, datedAlike: Bool = false) -> Bool {
    !attribute.isEvent || a || b || datedAlike
  }

  /// Whether two figures of one article may be compared: never for an event attribute.
  package var comparesWithinOneArticle: Bool { !attribute.isEvent }

  /// How far apart two disjoint intervals are, as the factor between their closer ends (`lower` below
  /// `upper`); `nil` when a ratio means nothing (ends of different signs or zero).
  package static func gapRatio(lower: ValueInterval, upper: ValueInterval) -> Double? {
    let near = lower.high
    let far = upper.low
    guard near.isFinite, far.isFinite else { return nil }
    if near > 0 && far > 0 { return far / near }
    if near < 0 && far < 0 { return near / far }
    return nil
  }

  /// Whether two disjoint figures (their hedged intervals, `lower` below `upper`) are close enough to be
  /// about the same thing; `datedAlike` when both are dated to the same year or month.
  package func closeEnough(lower: ValueInterval, upper: ValueInterval, datedAlike: Bool = false) -> Bool {
    guard let ratio = SameFigureTest.gapRatio(lower: lower, upper: upper) else { return true }
    return ratio <= ratioLimit(datedAlike: datedAlike)
  }

  /// The articles that give a figure like `interval` (overlapping it) among figures they tell apart.
  package func documents(givingLike interval: ValueInterval) -> Set<String> {
    var documents = Set<String>()
    for (document, figures) in figuresByDocument where figures.contains(where: { $0.overlaps(interval) }) { documents.insert(document) }
    return documents
  }

  /// Whether one of `articles` states a figure like `a` and another like `b` as two different ones, so that
  /// they are two events rather than two reports of one.
  package func toldApart(_ a: ValueInterval, _ b: ValueInterval, in articles: Set<String>) -> Bool {
    for document in articles {
      guard let figures = figuresByDocument[document] else { continue }
      let likeA = figures.filter { $0.overlaps(a) }
      for candidate in figures where candidate.overlaps(b) {
        if likeA.contains(where: { !$0.overlaps(candidate) }) { return true }
      }
    }
    return false
  }

  /// Whether any article tells figures apart at all (else ``toldApart(_:_:in:)`` is always false).
  package var hasArticlesTellingApart: Bool { !figuresByDocument.isEmpty }
}

extension Hedge {
  /// Whether the figure, though hedged as a bound, is the size an announcement gives ("up to", "as much as").
  package var isStatedSize: Bool { self == .upperBound(inclusive: true) }
}
