/// A normalised statement extracted from an article: who, what, how much, when, and exactly where.
///
/// Claims are what findings compare, so each carries everything a reader needs to judge one without opening
/// the article: the figure as written and as a number, the interval its hedge allows, the period, and the
/// sentence. ``Finding/claims`` and ``Finding/groups`` refer to claims by index into ``CheckResult/claims``.
public struct Claim: Hashable, Sendable {
  /// The article's path, as given.
  public var document: String
  /// Where the figure starts in the article.
  public var location: SourceLocation
  /// UTF-8 byte range of the figure (the value as written) in the article.
  public var valueRange: Range<Int>
  /// UTF-8 byte range of the whole rule match.
  public var matchRange: Range<Int>
  /// The id of the rule that produced the claim.
  public var rule: String
  /// Canonical entity name, or `nil` when the figure is about someone the checker cannot name.
  public var entity: String?
  /// How the entity was found.
  public var entitySource: EntitySource
  /// The attribute (`employees`, `valuation_usd`, …).
  public var attribute: String
  /// The normalised value (3 500 → 3500, 6,7 milliards → 6.7e9, 22 % → 22).
  public var value: Double
  /// The figure as written ("3 500", "6,7 milliards de dollars").
  public var valueText: String
  /// The values compatible with the figure and its hedge, before the attribute's tolerance.
  public var interval: ValueInterval
  /// Unit: a currency code for money, `%` for percentages, `year`, or the attribute's unit.
  public var unit: String?
  /// How the figure is hedged.
  public var hedge: Hedge
  /// The time the figure is about.
  public var period: Period
  /// Fact or forecast.
  public var modality: Modality
  /// The article's language (`fr`, `en`, …).
  public var language: String
  /// The matched text.
  public var quote: String
  /// The sentence containing the match.
  public var sentence: String
  /// A narrower scope than the whole entity ("customer service"), when the rule captured one.
  public var scope: String?
  /// Problems noticed while normalising (an ambiguous separator, a malformed figure).
  public var notes: [String]
  /// The figure's source line, clipped to a few hundred bytes around it, for quoting.
  public var lineExcerpt: String
  /// 1-based column of the figure within ``lineExcerpt``.
  public var lineExcerptColumn: Int

  /// Creates a claim.
  package init(document: String, location: SourceLocation, valueRange: Range<Int>, matchRange: Range<Int>,
              rule: String, entity: String?, entitySource: EntitySource, attribute: String, value: Double,
              valueText: String, interval: ValueInterval, unit: String?, hedge: Hedge, period: Period,
              modality: Modality, language: String, quote: String, sentence: String, scope: String? = nil,
              notes: [String] = [], lineExcerpt: String = "", lineExcerptColumn: Int = 1) {
    self.document = document
    self.location = location
    self.valueRange = valueRange
    self.matchRange = matchRange
    self.rule = rule
    self.entity = entity
    self.entitySource = entitySource
    self.attribute = attribute
    self.value = value
    self.valueText = valueText
    self.interval = interval
    self.unit = unit
    self.hedge = hedge
    self.period = period
    self.modality = modality
    self.language = language
    self.quote = quote
    self.sentence = sentence
    self.scope = scope
    self.notes = notes
    self.lineExcerpt = lineExcerpt
    self.lineExcerptColumn = lineExcerptColumn
  }
}

/// How a claim's entity was found, from the most to the least direct.
public enum EntitySource: String, Hashable, Sendable, Codable {
  /// Named inside the match ("Klarna emploie …").
  case named
  /// The nearest entity before the match in the same sentence.
  case sentence
  /// The organisation named last before the sentence, in its paragraph, which a possessive before the
  /// figure refers back to ("… Ostra voit sa valorisation bondir. Son tour précédent l'avait portée à …").
  case earlierSentence = "earlier_sentence"
  /// Carried over from the previous claim the match continues ("contre 5 000 l'année dernière").
  case previousClaim = "previous_claim"
  /// The article's subject, its most-mentioned entity.
  case subject
  /// None: the sentence is about another, indefinite subject ("un PDG", "another fintech").
  case indefinite
  /// None: the article names no entity.
  case unknown
}

extension Claim {
  /// The document's file name, the way people cite articles ("000-fr-klarna….md").
  package var documentLabel: String {
    // The path's last component, found on its bytes: findings name documents many times each.
    let bytes = document.utf8
    guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return document }
    let after = bytes.index(after: slash)
    guard after == bytes.endIndex else { return String(document[after...]) }
    return document.split(separator: "/").last.map(String.init) ?? document
  }
}
