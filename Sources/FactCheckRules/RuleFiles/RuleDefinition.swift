import FactCheckModel

/// One claim rule: a pattern with placeholders, the attribute its figures are about, and its examples.
package struct RuleDefinition: Sendable {
  /// What a rule produces.
  package enum Kind: String, Sendable, Hashable {
    /// Claims about an attribute.
    case claim
    /// The article's publication date ("Publié le 13-05-2025"); the first match wins.
    case dateline
  }

  /// Overrides for one labelled value of the pattern (`{count:before}` → label `before`).
  package struct ValueOverride: Sendable, Hashable {
    /// Attribute for this value instead of the rule's.
    package var attribute: String?
    /// Period for this value; `previous` is one step before the period of the rule's other values.
    package var period: Period?
    /// Whether `period` is relative to the other values' period (`previous`).
    package var isPrevious: Bool
    /// Modality for this value.
    package var modality: Modality?
    /// `false` for a figure that only gives context and makes no claim.
    package var makesClaim: Bool
    /// Whether the figure counts negatively ("une perte de 85 millions" is a net income of −85 million).
    package var isNegative: Bool = false
    /// Where `attribute` is written, for an unknown-attribute error.
    package var attributeLocation: SourceLocation?
  }

  /// Unique id, conventionally `language.attribute.phrase`.
  package var id: String
  /// Claim or dateline.
  package var kind: Kind
  /// The attribute, or `@previous` to continue the previous claim's attribute in the same sentence.
  package var attribute: String
  /// Language of the articles it applies to; its lexicon expands the placeholders.
  package var language: String
  /// The pattern, with placeholders, as written in the file.
  package var pattern: String
  /// Default period of its figures.
  package var period: Period
  /// Default modality.
  package var modality: Modality
  /// Higher wins when matches of different rules overlap.
  package var priority: Int
  /// Whether letters must match in case (default: no).
  package var caseSensitive: Bool
  /// Whether period and forecast words outside the match may change its figures' period and modality
  /// (default: yes). A noun phrase such as "ses 4 000 salariés" describes the present whatever surrounds it.
  package var usesContext: Bool = true
  /// One sentence for reports.
  package var description: String
  /// Per-value overrides, by label.
  package var values: [String: ValueOverride]
  /// Texts with the claims they must yield, and texts that must yield none.
  package var examples: [RuleExample]
  /// Where the rule starts in its file.
  package var location: SourceLocation
  /// The pattern's text and position, to map PCRE2 error offsets back into the file.
  package var patternSource: LocatedPattern
  /// Where the attribute is written (the rule's `attribute:` value), for an unknown-attribute error.
  package var attributeLocation: SourceLocation?
  /// Where the language is written (the rule's or its file's `language:` value), for an unknown-language error.
  package var languageLocation: SourceLocation?

  /// Whether this rule continues the previous claim's attribute.
  package var continuesPreviousClaim: Bool { attribute == RuleDefinition.previousAttribute }

  /// The attribute name meaning "the attribute of the previous claim in the sentence".
  package static let previousAttribute = "@previous"
}

/// Where a pattern's text sits in its file, independent of the YAML reader that found it: the first
/// `length` bytes of a located YAML value (a block scalar's final line break is not part of its pattern).
package struct LocatedPattern: Sendable, Hashable {
  package let value: LocatedText
  package let length: Int

  package init(_ value: LocatedText, length: Int) {
    self.value = value
    self.length = length
  }

  /// The file location of byte `offset` of the pattern (its end past the last byte); worked out when asked.
  package func location(ofByte offset: Int) -> SourceLocation {
    let locations = value.byteLocations
    return locations[max(0, min(offset, length, locations.count - 1))]
  }
}

/// An example of a rule: a text, and what the rule must extract from it.
package struct RuleExample: Sendable, Hashable {
  /// One expected claim; only the fields given are compared.
  package struct ExpectedClaim: Sendable, Hashable, CustomStringConvertible {
    /// Normalised value.
    package var value: Double?
    /// Attribute (defaults to the rule's).
    package var attribute: String?
    /// Canonical entity, or `none` for an unattributed claim.
    package var entity: String?
    /// Hedge name (`exact`, `approximate`, `nearly`, `more_than`, `at_least`, `less_than`, `at_most`).
    package var hedge: String?
    /// Period key (`current`, `last_year`, `2022`).
    package var period: String?
    /// `actual` or `projected`.
    package var modality: String?
    /// Unit (`USD`, `%`).
    package var unit: String?
    /// The figure as written.
    package var text: String?
    /// Scope, when the rule captures one.
    package var scope: String?

    /// Whether the expectation asserts anything at all.
    package var isEmpty: Bool {
      value == nil && attribute == nil && entity == nil && hedge == nil && period == nil && modality == nil
        && unit == nil && text == nil && scope == nil
    }

    package var description: String {
      var parts: [String] = []
      if let value { parts.append("value \(NumberFormatting.plain(value))") }
      if let attribute { parts.append("attribute \(attribute)") }
      if let entity { parts.append("entity \(entity)") }
      if let hedge { parts.append("hedge \(hedge)") }
      if let period { parts.append("period \(period)") }
      if let modality { parts.append("modality \(modality)") }
      if let unit { parts.append("unit \(unit)") }
      if let text { parts.append("text '\(text)'") }
      if let scope { parts.append("scope '\(scope)'") }
      return "{" + parts.joined(separator: ", ") + "}"
    }
  }

  /// The text to run the rule on.
  package var text: String
  /// Publication date to resolve periods against, when the example needs one.
  package var published: Day?
  /// The claims it must yield, in order; empty means it must yield none.
  package var expected: [ExpectedClaim]
  /// Where the example is, so a failure points at it.
  package var location: SourceLocation
}

/// A consistency check declared in a rule file.
package struct CheckDefinition: Sendable, Hashable {
  /// The relation checked.
  package enum Kind: String, Sendable, Hashable {
    /// A stated percentage change against the change implied by before/after figures.
    case percentChange = "percent_change"
    /// One amount given in two currencies ("$1 billion" and « 1 milliard d'euros » for one round).
    case sameAmountTwoCurrencies = "same_amount_two_currencies"
  }

  /// Which way a percent change goes.
  package enum Direction: String, Sendable, Hashable {
    /// A cut ("réduit de 22 %"): (before − after) / before.
    case decrease
    /// Growth: (after − before) / before.
    case increase
  }

  /// Unique id.
  package var id: String
  /// The relation.
  package var kind: Kind
  /// The attribute holding the stated percentage (`percent_change`; empty for other kinds).
  package var stated: String
  /// The attribute holding the before and after figures (`percent_change`; empty for other kinds).
  package var base: String
  /// Decrease or increase.
  package var direction: Direction
  /// Allowed gap: in percentage points for `percent_change`, in per cent of the amount for
  /// `same_amount_two_currencies`.
  package var tolerance: Double
  /// The money attributes a `same_amount_two_currencies` check covers; empty for every money attribute
  /// that is not generic.
  package var attributes: [String] = []
  /// Severity of a mismatch.
  package var severity: Severity
  /// One sentence for reports.
  package var description: String
  /// Where it is declared.
  package var location: SourceLocation
  /// Where `stated` and `base` are written, for an unknown-attribute error.
  package var statedLocation: SourceLocation?
  package var baseLocation: SourceLocation?
  /// Where `attributes` is written.
  package var attributesLocation: SourceLocation?

  /// Every attribute the check names, with where it is written, for an unknown-attribute error.
  package var namedAttributes: [(name: String, location: SourceLocation?)] {
    var named: [(String, SourceLocation?)] = []
    if !stated.isEmpty { named.append((stated, statedLocation)) }
    if !base.isEmpty { named.append((base, baseLocation)) }
    return named + attributes.map { ($0, attributesLocation) }
  }
}
