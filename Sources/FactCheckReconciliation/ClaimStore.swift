import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// All claims of a run with what reconciliation needs to compare them: publication dates, attributes,
/// and every proper name seen (SwiftLint's collect-then-validate: collect everything, then judge).
package struct ClaimStore: Sendable {
  /// Claims, in report order; findings refer to them by index.
  package let claims: ClaimList
  /// Publication date of each document, when known.
  package let published: [String: Day]
  /// Proper names seen in each document, until ``takeNames()`` hands them to the spelling check.
  package private(set) var names: NameTally
  /// The rule library (attributes, entities, checks).
  package let library: RuleLibrary
  /// Maximum days between two dated articles for their current figures to be compared; `nil` = no limit.
  package let windowDays: Int?
  /// The entities each document names next to a figure (explicit entity sources), gathered once: every
  /// finding asks it of its articles, and scanning all claims per finding made reconciling quadratic.
  package let namedEntities: [String: NamedEntities]

  /// Creates a store.
  package init(claims: ClaimList, published: [String: Day], names: NameTally, library: RuleLibrary, windowDays: Int?) {
    self.claims = claims
    self.published = published
    self.names = names
    self.library = library
    self.windowDays = windowDays
    var named: [String: NamedEntities] = [:]
    for claim in claims where claim.entitySource.isExplicit {
      if let entity = claim.entity { named[claim.document] = named[claim.document].adding(entity) }
    }
    namedEntities = named
  }

  /// Creates a store over some of a corpus's claims — all those of a few entities, streamed from a claim
  /// archive — with the entities each of their documents names next to a figure (``EntitySource/isExplicit``)
  /// counted over the whole corpus, as ``init(claims:published:names:library:windowDays:)`` would count them
  /// from all claims. Every check compares claims of one entity only, so a store per entity finds what one
  /// store of the whole corpus finds, and memory grows with the largest entity, not with the corpus.
  package init(claims: ClaimList, published: [String: Day], names: NameTally, library: RuleLibrary, windowDays: Int?,
              namedEntities: [String: Set<String>]) {
    self.claims = claims
    self.published = published
    self.names = names
    self.library = library
    self.windowDays = windowDays
    self.namedEntities = namedEntities.compactMapValues { names in names.reduce(nil) { $0.adding($1) } }
  }

  /// Whether `document` names, next to a figure, an entity other than `entity`.
  package func namesAnotherEntity(in document: String, than entity: String) -> Bool {
    switch namedEntities[document] {
    case nil: return false
    case .one(let name): return name != entity
    case .several: return true
    }
  }

  /// The entities one document names next to a figure, as far as the checks ask: one (which), or several.
  /// Not the set itself: a set per document was 1.2 MB of 5,000 generated articles' reconciling, a
  /// fifth of what their findings took (issue 15: peak memory per claim kept).
  package enum NamedEntities: Sendable, Equatable {
    case one(String)
    case several
  }

  /// The name tally, taken out of the store (which keeps an empty one), so that its one reader can let
  /// it go as soon as it is done (see ``Reconciler/findings(in:jobs:)``).
  package mutating func takeNames() -> NameTally {
    var taken = NameTally()
    swap(&taken, &names)
    return taken
  }

  /// A claim's place in time, made comparable across dated and undated articles.
  package func anchor(of claim: Claim) -> PeriodAnchor { PeriodAnchor(claim.period, publicationYear: published[claim.document]?.year) }

  /// Whether two claims' articles are close enough in time to compare "current" figures.
  package func withinWindow(_ a: Claim, _ b: Claim) -> Bool {
    guard let windowDays, let dayA = published[a.document], let dayB = published[b.document] else { return true }
    return dayA.distance(to: dayB) <= windowDays
  }
}

/// A period as reconciliation compares it: explicit years compare by value; a relative year in an
/// undated article ("l'année dernière") compares with any claim stated the same way relative to its own
/// article; "current" compares with "current"; a month with the same month of the same year (an undated
/// article's "in November" with any November).
package struct PeriodAnchor: Hashable {
  package enum Kind: Hashable {
    case current
    case year(absolute: Int?, relative: Int?)
    case unspecified
    case change(Int?, Int?, Int?, Int?)  // from (absolute, relative), to (absolute, relative)
    case quarter(Int, absolute: Int?, relative: Int?)
    /// A month of a year; neither year when the article, undated, names the month alone ("in November").
    case month(Int, absolute: Int?, relative: Int?)
  }

  package let kind: Kind

  package init(_ period: Period, publicationYear: Int?) {
    switch period {
    case .current: kind = .current
    case .unspecified: kind = .unspecified
    case .year(let y): kind = .year(absolute: y, relative: publicationYear.map { y - $0 })
    case .relativeYear(let n): kind = .year(absolute: publicationYear.map { $0 + n }, relative: n)
    case .change(let from, let to):
      let a = PeriodAnchor(from, publicationYear: publicationYear)
      let b = PeriodAnchor(to, publicationYear: publicationYear)
      kind = .change(a.absolute, a.relative, b.absolute, b.relative)
    case .quarter(let q, let year):
      let anchor = PeriodAnchor(year, publicationYear: publicationYear)
      kind = .quarter(q, absolute: anchor.absolute, relative: anchor.relative)
    case .month(let m, let year):
      let anchor = PeriodAnchor(year, publicationYear: publicationYear)
      kind = .month(m, absolute: anchor.absolute, relative: anchor.relative)
    }
  }

  private var absolute: Int? {
    if case .year(let a, _) = kind { return a }
    return nil
  }
  private var relative: Int? {
    switch kind {
    case .year(_, let r): return r
    case .current: return 0
    default: return nil
    }
  }

  /// A coarse key: claims with different keys are never compatible.
  package var bucket: String {
    switch kind {
    case .current: return "current"
    case .year: return "year"
    case .unspecified: return "unspecified"
    case .change: return "change"
    case .quarter(let q, _, _): return "Q\(q)"
    case .month(let m, _, _): return "M\(m)"
    }
  }

  /// Whether two anchors may denote the same time.
  package func isCompatible(with other: PeriodAnchor) -> Bool {
    switch (kind, other.kind) {
    case (.current, .current), (.unspecified, .unspecified): return true
    case (.year(let a1, let r1), .year(let a2, let r2)): return PeriodAnchor.same(a1, r1, a2, r2)
    case (.change(let a1, let r1, let b1, let s1), .change(let a2, let r2, let b2, let s2)):
      return PeriodAnchor.same(a1, r1, a2, r2) && PeriodAnchor.same(b1, s1, b2, s2)
    case (.quarter(let q1, let a1, let r1), .quarter(let q2, let a2, let r2)):
      return q1 == q2 && PeriodAnchor.same(a1, r1, a2, r2)
    case (.month(let m1, let a1, let r1), .month(let m2, let a2, let r2)):
      return m1 == m2 && PeriodAnchor.same(a1, r1, a2, r2)
    default: return false
    }
  }

  private static func same(_ a1: Int?, _ r1: Int?, _ a2: Int?, _ r2: Int?) -> Bool {
    if let a1, let a2 { return a1 == a2 }
    if let r1, let r2 { return r1 == r2 }
    return a1 == nil && a2 == nil && r1 == nil && r2 == nil
  }
}

/// A check over the whole store; one small type per kind of inconsistency.
package protocol ConsistencyCheck: Sendable {
  /// The findings this check makes.
  func findings(in store: ClaimStore) -> [Finding]
}

extension Optional where Wrapped == ClaimStore.NamedEntities {
  /// These and one more entity.
  fileprivate func adding(_ entity: String) -> ClaimStore.NamedEntities {
    switch self {
    case nil: return .one(entity)
    case .one(let name): return name == entity ? .one(name) : .several
    case .several: return .several
    }
  }
}
