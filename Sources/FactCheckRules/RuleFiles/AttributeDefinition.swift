import FactCheckModel

/// What kind of figure an attribute holds; decides which placeholder reads it and how it is shown.
package enum ValueKind: String, Hashable, Sendable, CaseIterable {
  /// A number of things or people.
  case count
  /// An amount of money, with a currency.
  case money
  /// A percentage or a fraction.
  case percent
  /// A calendar year.
  case year
  /// A length of time, normalised to minutes.
  case duration
}

/// How far apart two figures may be and still agree, beyond their own hedges.
package enum Tolerance: Hashable, Sendable, CustomStringConvertible {
  /// A fraction of the value (`2%` in a rule file is `.relative(0.02)`).
  case relative(Double)
  /// An amount in the attribute's unit (`0.5` for percentage points).
  case absolute(Double)

  /// Parses `2%`, `0.5`, `0`.
  package init?(text: String) {
    let text = text.trimmingWhitespace()
    if text.hasSuffix("%") {
      guard let number = Double(text.dropLast().trimmingWhitespace()), number >= 0, number < 100 else { return nil }
      self = .relative(number / 100)
    } else {
      guard let number = Double(text), number >= 0 else { return nil }
      self = .absolute(number)
    }
  }

  /// Widens an interval by this tolerance.
  package func widen(_ interval: ValueInterval) -> ValueInterval {
    switch self {
    case .relative(let r): return interval.widened(relative: r)
    case .absolute(let a): return interval.widened(absolute: a)
    }
  }

  package var description: String {
    switch self {
    case .relative(let r): return "\(r * 100)%"
    case .absolute(let a): return "\(a)"
    }
  }
}

/// An attribute claims can be about (`employees`, `valuation_usd`), declared under `attributes:`.
package struct AttributeDefinition: Hashable, Sendable {
  /// Language-neutral name; a French and an English claim with the same attribute compare directly.
  package var name: String
  /// The kind of figure.
  package var kind: ValueKind
  /// Unit shown with values (`employees`, `%`); money takes its currency from the text instead.
  package var unit: String?
  /// How far figures may differ and still agree.
  package var tolerance: Tolerance
  /// Severity of a conflict between exact figures; hedged conflicts are one level lower.
  package var severity: Severity
  /// A phrase for messages ("employees", "valuation").
  package var label: String
  /// One sentence for reports and SARIF rule descriptions.
  package var description: String
  /// Claims of a generic (fallback) rule: listed, never reported as conflicting, since what they count is
  /// not known ("two plants to close" and "a dozen under review" are both `factories`).
  package var isGeneric: Bool
  /// Whether figures can be forecasts; `false` for announcements (job cuts, hiring plans), which are
  /// compared whatever their tense ("supprime 14 000 postes" and "will cut 14,000 jobs").
  package var canBeForecast: Bool = true
  /// A flow over a period (revenue, profit): with no period in its sentence, the year the paragraph or the
  /// title names ("Résultats 2024") dates it.
  package var isFlow: Bool = false
  /// Counts or amounts of one event (a layoff round, a funding round): an organisation has many, so two
  /// figures are compared only when they can be reports of the same one (see `SameFigureTest`).
  package var isEvent: Bool = false
  /// Figures an organisation has many of at once, with nothing in a sentence to tell them apart (the prices
  /// of its products): two different figures are never a conflict, but the same number in two currencies
  /// still is (``SameAmountInTwoCurrenciesCheck``).
  package var isManyPerEntity: Bool = false
  /// Where it is declared.
  package var location: SourceLocation

  /// Creates an attribute.
  package init(name: String, kind: ValueKind, unit: String? = nil, tolerance: Tolerance = .relative(0),
              severity: Severity = .error, label: String? = nil, description: String = "", isGeneric: Bool = false,
              location: SourceLocation) {
    self.name = name
    self.kind = kind
    self.unit = unit
    self.tolerance = tolerance
    self.severity = severity
    self.label = label ?? name.replacingUnderscores()
    self.description = description
    self.isGeneric = isGeneric
    self.location = location
  }
}

extension String {
  package func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
