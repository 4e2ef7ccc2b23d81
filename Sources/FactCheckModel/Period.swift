/// The time a figure is about, as the article states it, resolved against its publication date when known.
public enum Period: Hashable, Sendable, CustomStringConvertible {
  /// As of the article ("actuellement", "now", a present-tense statement).
  case current
  /// A calendar year, written ("en 2022") or resolved ("l'année dernière" in a 2025 article → 2024).
  case year(Int)
  /// A year relative to an unknown publication date: -1 is "last year" in an undated article.
  case relativeYear(Int)
  /// A change between two times (« en un an, ramenés de 5 200 à 4 100 »).
  indirect case change(from: Period, to: Period)
  /// No time stated and none implied (a founding year).
  case unspecified
  /// A quarter (1…4) of a year: "au troisième trimestre 2024" is quarter 3 of `.year(2024)`; without
  /// a year it is of `.relativeYear(0)`, the article's own year.
  indirect case quarter(Int, of: Period)
  /// A month (1…12) of a year: "in November 2022" is month 11 of `.year(2022)`, "in November of last year"
  /// of `.relativeYear(-1)`; a month named without a year ("in November", "last October", « fin octobre »)
  /// is of `.unspecified` until the checker finds it from the publication date.
  indirect case month(Int, of: Period)

  /// Whether this period still depends on an unknown publication date.
  public var isRelative: Bool {
    switch self {
    case .relativeYear: return true
    case .change(let from, let to): return from.isRelative || to.isRelative
    case .quarter(_, let year): return year.isRelative
    case .month(_, let year): return year.isRelative || year == .unspecified
    default: return false
    }
  }

  /// A stable, readable key: `current`, `2022`, `last_year`, `next_year`, `year-2`, `last_year_to_current`,
  /// `2024-Q3`, `2022-11` (a month), `last_year-11`, `month-11` (a month of a year not known), `unspecified`.
  public var description: String {
    switch self {
    case .current: return "current"
    case .year(let y): return String(y)
    case .relativeYear(-1): return "last_year"
    case .relativeYear(1): return "next_year"
    case .relativeYear(0): return "this_year"
    case .relativeYear(let n): return n < 0 ? "year\(n)" : "year+\(n)"
    case .change(let from, let to): return "\(from)_to_\(to)"
    case .quarter(let q, let year): return "\(year)-Q\(q)"
    case .month(let m, let year): return (year == .unspecified ? "month" : year.description) + (m < 10 ? "-0\(m)" : "-\(m)")
    case .unspecified: return "unspecified"
    }
  }

  /// Parses the key form of ``description`` (also used in rule files).
  ///
  /// Findings give their period as a key (``Finding/period``); this turns it back into a period.
  ///
  /// - Parameter key: A key such as `current`, `2024`, `last_year_to_current` or `2024-Q3`, in any case.
  ///   `now`, `previous` and `none` are accepted as in rule files.
  public init?(key: String) {
    let key = key.trimmingWhitespace().lowercased()
    switch key {
    case "current", "now": self = .current
    case "last_year", "previous": self = .relativeYear(-1)
    case "next_year": self = .relativeYear(1)
    case "this_year": self = .relativeYear(0)
    case "unspecified", "none": self = .unspecified
    default:
      if let q = key.range(of: "-q"), let quarter = Int(key[q.upperBound...]), (1...4).contains(quarter),
        let year = Period(key: String(key[..<q.lowerBound]))
      {
        self = .quarter(quarter, of: year)
      } else if let range = key.range(of: "_to_") {
        guard let from = Period(key: String(key[..<range.lowerBound])),
          let to = Period(key: String(key[range.upperBound...]))
        else { return nil }
        self = .change(from: from, to: to)
      } else if let dash = key.lastIndex(of: "-"), case let suffix = key[key.index(after: dash)...], suffix.count == 2,
        let month = Int(suffix), (1...12).contains(month),
        let year = key[..<dash] == "month" ? Period.unspecified : Period(key: String(key[..<dash])), year != .current
      {
        self = .month(month, of: year)
      } else if key.hasPrefix("year"), let n = Int(key.dropFirst(4)) {
        self = .relativeYear(n)
      } else if key.count == 4, let y = Int(key), y > 1000 {
        self = .year(y)
      } else {
        return nil
      }
    }
  }

  /// Resolves relative years against a publication year; `current` and explicit years stay as they are.
  package func resolved(publicationYear: Int?) -> Period {
    guard let publicationYear else { return self }
    switch self {
    case .relativeYear(let n): return .year(publicationYear + n)
    case .change(let from, let to):
      return .change(from: from.resolved(publicationYear: publicationYear), to: to.resolved(publicationYear: publicationYear))
    case .quarter(let q, let year): return .quarter(q, of: year.resolved(publicationYear: publicationYear))
    case .month(let m, let year): return .month(m, of: year.resolved(publicationYear: publicationYear))
    default: return self
    }
  }

  /// Resolves relative years against a publication date, and a month named without a year to the latest
  /// such month not after it ("in November" in May 2023 → 2022-11) — or, for a forecast, the first not
  /// before it ("en juin" in May 2023 → 2023-06). A publication date known only to the year resolves years alone.
  package func resolved(published: Day?, projected: Bool = false) -> Period {
    guard let published else { return self }
    switch self {
    case .month(let m, .unspecified):
      guard published.precision >= .month else { return self }
      if projected { return .month(m, of: .year(m >= published.month ? published.year : published.year + 1)) }
      return .month(m, of: .year(m <= published.month ? published.year : published.year - 1))
    case .change(let from, let to):
      return .change(from: from.resolved(published: published, projected: projected), to: to.resolved(published: published, projected: projected))
    default: return resolved(publicationYear: published.year)
    }
  }

  /// The period one step earlier: what "from" means in "went from X to Y" when Y is in this period.
  package var previous: Period {
    switch self {
    case .current: return .relativeYear(-1)
    case .year(let y): return .year(y - 1)
    case .relativeYear(let n): return .relativeYear(n - 1)
    case .change(let from, _): return from
    case .unspecified: return .unspecified
    case .quarter(let q, let year): return q > 1 ? .quarter(q - 1, of: year) : .quarter(4, of: year.previous)
    case .month(let m, let year): return m > 1 ? .month(m - 1, of: year) : .month(12, of: year.previous)
    }
  }
}

/// Whether a figure is a fact or a forecast; a forecast never conflicts with a fact.
public enum Modality: String, Hashable, Sendable, Codable {
  /// Stated as true (present or past).
  case actual
  /// A forecast, plan or target ("pourrait tomber à", "is expected to", "d'ici à un an").
  case projected
}
