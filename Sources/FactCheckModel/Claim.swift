/// A normalised statement extracted from an article: who, what, how much, when, and exactly where.
///
/// Claims are what findings compare, so each carries everything a reader needs to judge one without opening
/// the article: the figure as written and as a number, the interval its hedge allows, the period, and the
/// sentence. ``Finding/claims`` and ``Finding/groups`` refer to claims by index into ``CheckResult/claims``.
public struct Claim: Hashable, Sendable {
  /// The entity's name, shared with the claims that name it; `nil` when the checker cannot name one.
  private var entityName: ClaimEntity?
  /// The normalised value.
  private var storedValue: Double
  /// The bytes ``quote``, ``sentence``, ``lineExcerpt`` and ``valueText`` are read from, shared with the
  /// article's other claims.
  package private(set) var text: ClaimText
  /// The rule, attribute, unit and language, shared with the claims that have the same four.
  private var labels: ClaimLabels
  /// What few claims have (a scope, notes, a byte range that does not fit in 32 bits, an interval other than
  /// its hedge's), or `nil`.
  private var extras: ClaimExtras?
  // The small fields together, after the eight-byte ones, so that the struct packs them without padding
  // (Swift lays stored properties out in declaration order): a run keeps every claim until it reconciles.
  /// How the figure is hedged.
  private var storedHedge: Hedge
  /// How the entity was found.
  public var entitySource: EntitySource
  /// Fact or forecast.
  public var modality: Modality
  // Where the figure's and the match's byte ranges start; they are as long as the figure's and the quote's texts
  // (``valueSpan``, ``quoteSpan``), as a claim read from its article's bytes has them. `extras` holds ranges that
  // are not (a table's row, quoted trimmed; a text set by hand), or that do not fit in 32 bits.
  private var valueStart: UInt32
  private var matchStart: UInt32
  private var line: UInt32
  private var column: UInt32
  private var excerptColumn: UInt32
  private var quoteSpan: TextSpan
  private var sentenceSpan: TextSpan
  private var excerptSpan: TextSpan
  private var valueSpan: TextSpan
  /// The time the figure is about.
  public var period: Period

  /// Canonical entity name, or `nil` when the figure is about someone the checker cannot name.
  public var entity: String? {
    get { entityName?.name }
    set { entityName = newValue.map(ClaimEntity.shared) }
  }
  /// The normalised value (3 500 → 3500, 6,7 milliards → 6.7e9, 22 % → 22).
  public var value: Double {
    get { storedValue }
    set {
      let kept = interval
      storedValue = newValue
      interval = kept
    }
  }
  /// How the figure is hedged.
  public var hedge: Hedge {
    get { storedHedge }
    set {
      let kept = interval
      storedHedge = newValue
      interval = kept
    }
  }
  /// The values compatible with the figure and its hedge, before the attribute's tolerance.
  ///
  /// Almost always the interval the hedge gives around the value, so it is worked out from them, and kept
  /// apart only when it is another; changing the value or the hedge keeps it.
  public var interval: ValueInterval {
    get { extras?.interval ?? storedHedge.interval(around: storedValue) }
    set {
      let derived = storedHedge.interval(around: storedValue)
      let same = newValue.low.bitPattern == derived.low.bitPattern && newValue.high.bitPattern == derived.high.bitPattern
      // Most claims have no extras and keep none: nothing to make.
      if same && extras?.interval == nil { return }
      setExtras { $0.interval = same ? nil : newValue }
    }
  }

  /// UTF-8 byte range of the figure (the value as written) in the article.
  public var valueRange: Range<Int> {
    get { extras?.ranges?.value ?? Int(valueStart)..<(Int(valueStart) + Int(valueSpan.count)) }
    set { setRanges(value: newValue, match: matchRange) }
  }
  /// UTF-8 byte range of the whole rule match.
  public var matchRange: Range<Int> {
    get { extras?.ranges?.match ?? Int(matchStart)..<(Int(matchStart) + Int(quoteSpan.count)) }
    set { setRanges(value: valueRange, match: newValue) }
  }
  /// A narrower scope than the whole entity ("customer service"), when the rule captured one.
  public var scope: String? {
    get { extras?.scope }
    set { setExtras { $0.scope = newValue } }
  }
  /// Problems noticed while normalising (an ambiguous separator, a malformed figure).
  public var notes: [String] {
    get { extras?.notes ?? [] }
    set { setExtras { $0.notes = newValue } }
  }
  /// The id of the rule that produced the claim.
  public var rule: String {
    get { labels.values.rule }
    set { labels = .shared(labelValues { $0.rule = newValue }) }
  }
  /// The attribute (`employees`, `valuation_usd`, …).
  public var attribute: String {
    get { labels.values.attribute }
    set { labels = .shared(labelValues { $0.attribute = newValue }) }
  }
  /// Unit: a currency code for money, `%` for percentages, `year`, or the attribute's unit.
  public var unit: String? {
    get { labels.values.unit }
    set { labels = .shared(labelValues { $0.unit = newValue }) }
  }
  /// The article's language (`fr`, `en`, …).
  public var language: String {
    get { labels.values.language }
    set { labels = .shared(labelValues { $0.language = newValue }) }
  }

  /// Changes the extras: new ones, or none when nothing is left to hold (extras are immutable and shared).
  private mutating func setExtras(_ change: (inout ClaimExtras.Values) -> Void) {
    var values = extras?.values ?? ClaimExtras.Values()
    change(&values)
    extras = ClaimExtras.holding(values)
  }

  /// The claim's labels with one of them changed.
  private func labelValues(_ change: (inout ClaimLabels.Values) -> Void) -> ClaimLabels.Values {
    var values = labels.values
    change(&values)
    return values
  }

  /// The article's path, as given; kept once for all the article's claims, with their texts.
  public var document: String {
    get { text.document }
    set { if newValue != text.document { text = ClaimText(bytes: text.bytes, document: newValue) } }
  }
  /// Where the figure starts in the article; its path is ``document`` (setting one sets the other).
  public var location: SourceLocation {
    get { SourceLocation(path: document, line: Int(line), column: Int(column)) }
    set {
      document = newValue.path
      line = UInt32(clamping: newValue.line)
      column = UInt32(clamping: newValue.column)
    }
  }
  /// 1-based column of the figure within ``lineExcerpt``.
  public var lineExcerptColumn: Int {
    get { Int(excerptColumn) }
    set { excerptColumn = UInt32(clamping: newValue) }
  }
  /// The matched text.
  public var quote: String {
    get { text.string(quoteSpan) }
    set { setTexts(quote: newValue, sentence: sentence, lineExcerpt: lineExcerpt, valueText: valueText) }
  }
  /// The sentence containing the match.
  public var sentence: String {
    get { text.string(sentenceSpan) }
    set { setTexts(quote: quote, sentence: newValue, lineExcerpt: lineExcerpt, valueText: valueText) }
  }
  /// The figure's source line, clipped to a few hundred bytes around it, for quoting.
  public var lineExcerpt: String {
    get { text.string(excerptSpan) }
    set { setTexts(quote: quote, sentence: sentence, lineExcerpt: newValue, valueText: valueText) }
  }
  /// The figure as written ("3 500", "6,7 milliards de dollars").
  public var valueText: String {
    get { text.string(valueSpan) }
    set { setTexts(quote: quote, sentence: sentence, lineExcerpt: lineExcerpt, valueText: newValue) }
  }

  /// Creates a claim.
  package init(document: String, location: SourceLocation, valueRange: Range<Int>, matchRange: Range<Int>,
              rule: String, entity: String?, entitySource: EntitySource, attribute: String, value: Double,
              valueText: String, interval: ValueInterval, unit: String?, hedge: Hedge, period: Period,
              modality: Modality, language: String, quote: String, sentence: String, scope: String? = nil,
              notes: [String] = [], lineExcerpt: String = "", lineExcerptColumn: Int = 1) {
    let (text, spans) = ClaimText.holding(document, quote, sentence, lineExcerpt, valueText)
    self.init(location: location, valueRange: valueRange, matchRange: matchRange, rule: rule, entity: entity,
              entitySource: entitySource, attribute: attribute, value: value, interval: interval, unit: unit, hedge: hedge,
              period: period, modality: modality, language: language, scope: scope, notes: notes,
              lineExcerptColumn: lineExcerptColumn, text: text, spans: spans)
  }

  /// Creates a claim whose quote, sentence, line excerpt and figure as written are byte ranges of `text` (an
  /// article's bytes, shared by its claims; see ``ClaimText/compact(_:)``).
  package init(document: String, location: SourceLocation, valueRange: Range<Int>, matchRange: Range<Int>,
              rule: String, entity: String?, entitySource: EntitySource, attribute: String, value: Double,
              interval: ValueInterval, unit: String?, hedge: Hedge, period: Period,
              modality: Modality, language: String, text: ClaimText, quote: Range<Int>, sentence: Range<Int>,
              scope: String? = nil, notes: [String] = [], lineExcerpt: Range<Int>, lineExcerptColumn: Int) {
    let ranges = [quote, sentence, lineExcerpt, valueRange].map { $0.clamped(to: 0..<text.bytes.count) }
    let shared: (text: ClaimText, spans: Spans)
    if ranges.allSatisfy(TextSpan.fits) {
      // The article's text names the article: its claims share it, path included.
      shared = (text.document == document ? text : ClaimText(bytes: text.bytes, document: document),
                (TextSpan(ranges[0]), TextSpan(ranges[1]), TextSpan(ranges[2]), TextSpan(ranges[3])))
    } else {
      shared = ClaimText.holding(document, text.string(of: ranges[0]), text.string(of: ranges[1]), text.string(of: ranges[2]),
                                 text.string(of: ranges[3]))
    }
    self.init(location: location, valueRange: valueRange, matchRange: matchRange, rule: rule, entity: entity,
              entitySource: entitySource, attribute: attribute, value: value, interval: interval, unit: unit, hedge: hedge,
              period: period, modality: modality, language: language, scope: scope, notes: notes,
              lineExcerptColumn: lineExcerptColumn, text: shared.text, spans: shared.spans)
  }

  private init(location: SourceLocation, valueRange: Range<Int>, matchRange: Range<Int>, rule: String, entity: String?,
               entitySource: EntitySource, attribute: String, value: Double, interval: ValueInterval, unit: String?,
               hedge: Hedge, period: Period, modality: Modality, language: String, scope: String?, notes: [String],
               lineExcerptColumn: Int, text: ClaimText, spans: Spans) {
    self.line = UInt32(clamping: location.line)
    self.column = UInt32(clamping: location.column)
    (valueStart, matchStart) = (0, 0)
    self.labels = .shared(ClaimLabels.Values(rule: rule, attribute: attribute, unit: unit, language: language))
    self.entityName = entity.map(ClaimEntity.shared)
    self.entitySource = entitySource
    self.storedValue = value
    self.storedHedge = hedge
    self.period = period
    self.modality = modality
    self.extras = ClaimExtras.holding(ClaimExtras.Values(scope: scope, notes: notes))
    self.excerptColumn = UInt32(clamping: lineExcerptColumn)
    self.text = text
    (quoteSpan, sentenceSpan, excerptSpan, valueSpan) = spans
    setRanges(value: valueRange, match: matchRange)
    self.interval = interval
  }

  /// Keeps the figure's and the match's byte ranges as their starts when they fit in 32 bits and are as long as
  /// the figure's and the quote's texts, in ``extras`` when not. Call it after the spans are set.
  private mutating func setRanges(value: Range<Int>, match: Range<Int>) {
    if TextSpan.fits(value) && TextSpan.fits(match) && value.lowerBound >= 0 && match.lowerBound >= 0
      && value.count == Int(valueSpan.count) && match.count == Int(quoteSpan.count)
    {
      (valueStart, matchStart) = (UInt32(value.lowerBound), UInt32(match.lowerBound))
      if extras?.ranges != nil { setExtras { $0.ranges = nil } }
    } else {
      (valueStart, matchStart) = (0, 0)
      setExtras { $0.ranges = (value, match) }
    }
  }

  /// Byte spans of a ``ClaimText``: the quote's, the sentence's, the line excerpt's and the figure's.
  typealias Spans = (quote: TextSpan, sentence: TextSpan, excerpt: TextSpan, value: TextSpan)

  /// The spans of the quote, the sentence, the line excerpt and the figure as written.
  var spans: Spans { (quoteSpan, sentenceSpan, excerptSpan, valueSpan) }

  /// Points the claim's texts into `text`, at `spans`.
  mutating func setText(_ text: ClaimText, spans: Spans) {
    // The ranges' lengths are read from the spans: they are kept as they were.
    let ranges = (value: valueRange, match: matchRange)
    self.text = text
    (quoteSpan, sentenceSpan, excerptSpan, valueSpan) = spans
    if Int(spans.quote.count) != ranges.match.count || Int(spans.value.count) != ranges.value.count || extras?.ranges != nil {
      setRanges(value: ranges.value, match: ranges.match)
    }
  }

  private mutating func setTexts(quote: String, sentence: String, lineExcerpt: String, valueText: String) {
    let (text, spans) = ClaimText.holding(document, quote, sentence, lineExcerpt, valueText)
    setText(text, spans: spans)
  }

  /// The bytes of ``quote`` and ``sentence`` together (no text is made).
  package var quoteAndSentenceByteCount: Int { Int(quoteSpan.count) + Int(sentenceSpan.count) }

  /// Whether two claims quote the same sentence (compared on bytes; no text is made).
  package func hasSameSentence(as other: Claim) -> Bool {
    text.hasSameBytes(sentenceSpan, as: other.sentenceSpan, in: other.text)
  }

  // Equality and hashing are by what the claim says, texts included, not by where its texts are kept.
  public static func == (a: Claim, b: Claim) -> Bool {
    guard a.document == b.document, a.line == b.line, a.column == b.column, a.valueRange == b.valueRange, a.matchRange == b.matchRange,
      a.labels.isEqual(to: b.labels), a.entityName === b.entityName || a.entity == b.entity, a.entitySource == b.entitySource
    else { return false }
    guard a.value == b.value, a.interval == b.interval, a.hedge == b.hedge, a.period == b.period, a.modality == b.modality
    else { return false }
    guard a.scope == b.scope, a.notes == b.notes, a.excerptColumn == b.excerptColumn else { return false }
    return a.text.hasSameBytes(a.valueSpan, as: b.valueSpan, in: b.text)
      && a.text.hasSameBytes(a.quoteSpan, as: b.quoteSpan, in: b.text)
      && a.text.hasSameBytes(a.sentenceSpan, as: b.sentenceSpan, in: b.text)
      && a.text.hasSameBytes(a.excerptSpan, as: b.excerptSpan, in: b.text)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(document)
    hasher.combine(line)
    hasher.combine(column)
    hasher.combine(valueRange)
    hasher.combine(matchRange)
    hasher.combine(rule)
    hasher.combine(entity)
    hasher.combine(entitySource)
    hasher.combine(attribute)
    hasher.combine(value)
    hasher.combine(interval)
    hasher.combine(unit)
    hasher.combine(hedge)
    hasher.combine(period)
    hasher.combine(modality)
    hasher.combine(language)
    hasher.combine(scope)
    hasher.combine(notes)
    hasher.combine(excerptColumn)
    for span in [quoteSpan, sentenceSpan, excerptSpan, valueSpan] {
      hasher.combine(span.count)
      text.bytes[span.range].withUnsafeBytes { hasher.combine(bytes: $0) }
    }
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
