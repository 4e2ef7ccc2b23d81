/// The records of a claim stream, one JSON object per line, as `Codable` wrappers around the model types
/// (which stay free of any wire format). Field names are snake_case, as in the JSON report; optional fields
/// are absent rather than `null`. `Schemas/claim-stream-v1.schema.json` describes every record.

/// The fields every line starts with: the format version and the kind of record.
struct StreamLineHead: Codable {
  var v: Int
  var record: String
}

/// A document record: one input, checked or skipped, with what reconciling its claims needs beyond them.
struct DocumentLine: Codable {
  var v = ClaimStream.version
  var record = "document"
  var path: String
  var status: DocumentReport.Status
  var reason: String?
  var language: String?
  var published: Day?
  var publishedSource: String?
  var title: String?
  var source: String?
  var subject: String?
  var url: String?
  var author: String?
  var claimCount: Int
  var passedOver: Bool
  /// The raw entity names this document's claims name next to their figure (``EntitySource/isExplicit``),
  /// over all its claims: a part of the stream that holds only some of them still knows.
  var namedEntities: [String]
  /// The article's text, when the extraction was asked to carry texts (for the HTML report).
  var text: String?
  /// The article's `factcheck-ignore` comments: they travel with the document into every part that holds it.
  var suppressions: [SuppressionCode]?

  enum CodingKeys: String, CodingKey {
    case v, record, path, status, reason, language, published, title, source, subject, url, author, text, suppressions
    case publishedSource = "published_source", claimCount = "claim_count", passedOver = "passed_over"
    case namedEntities = "named_entities"
  }

  init(_ report: DocumentReport, namedEntities: Set<String>, text: String?, suppressions: [Suppression]) {
    path = report.path
    status = report.status
    reason = report.reason
    language = report.language
    published = report.published
    publishedSource = report.publishedSource
    title = report.title
    source = report.source
    subject = report.subject
    url = report.url
    author = report.author
    claimCount = report.claimCount
    passedOver = report.isPassedOver
    self.namedEntities = namedEntities.sorted()
    self.text = text
    self.suppressions = suppressions.isEmpty ? nil : suppressions.map(SuppressionCode.init)
  }

  var report: DocumentReport {
    var report = DocumentReport(path: path, status: status, reason: reason, language: language, published: published,
                                publishedSource: publishedSource, title: title, source: source, subject: subject,
                                claimCount: claimCount, isPassedOver: passedOver)
    report.url = url
    report.author = author
    return report
  }
}

/// A ``Suppression`` written in an article (a `factcheck-ignore` comment), inside its document record.
struct SuppressionCode: Codable {
  var origin: Suppression.Origin
  var line: Int
  var column: Int
  var checks: [String]
  var entity: String?
  var attribute: String?
  var period: String?
  var reason: String?
  /// The lines covered (`[first, end)`, end excluded), or absent for the whole document.
  var lines: [Int]?

  init(_ suppression: Suppression) {
    origin = suppression.origin
    line = suppression.location.line
    column = suppression.location.column
    checks = suppression.checks
    entity = suppression.entity
    attribute = suppression.attribute
    period = suppression.period
    reason = suppression.reason
    if case .lines(_, let range) = suppression.scope { lines = [range.lowerBound, range.upperBound] }
  }

  func suppression(path: String) -> Suppression? {
    var scope = Suppression.Scope.document(path: path)
    if let lines {
      guard lines.count == 2, lines[0] <= lines[1] else { return nil }
      scope = .lines(path: path, lines: lines[0]..<lines[1])
    }
    return Suppression(origin: origin, location: SourceLocation(path: path, line: line, column: column), checks: checks,
                       entity: entity, attribute: attribute, period: period, reason: reason, scope: scope)
  }
}

/// A claim record: every field of a ``Claim``.
struct ClaimLine: Codable {
  var v = ClaimStream.version
  var record = "claim"
  var document: String
  var line: Int
  var column: Int
  var valueRange: [Int]
  var matchRange: [Int]
  var rule: String
  var entity: String?
  var entitySource: EntitySource
  var attribute: String
  var value: Double
  var valueText: String
  var interval: [Double]
  var unit: String?
  var hedge: HedgeCode
  var period: PeriodCode
  var modality: Modality
  var language: String
  var quote: String
  var sentence: String
  var scope: String?
  var notes: [String]
  var lineExcerpt: String
  var lineExcerptColumn: Int

  enum CodingKeys: String, CodingKey {
    case v, record, document, line, column, rule, entity, attribute, value, interval, unit, hedge, period, modality
    case language, quote, sentence, scope, notes
    case valueRange = "value_range", matchRange = "match_range", entitySource = "entity_source"
    case valueText = "value_text", lineExcerpt = "line_excerpt", lineExcerptColumn = "line_excerpt_column"
  }

  init(_ claim: Claim) {
    document = claim.document
    line = claim.location.line
    column = claim.location.column
    valueRange = [claim.valueRange.lowerBound, claim.valueRange.upperBound]
    matchRange = [claim.matchRange.lowerBound, claim.matchRange.upperBound]
    rule = claim.rule
    entity = claim.entity
    entitySource = claim.entitySource
    attribute = claim.attribute
    value = claim.value
    valueText = claim.valueText
    interval = [claim.interval.low, claim.interval.high]
    unit = claim.unit
    hedge = HedgeCode(claim.hedge)
    period = PeriodCode(claim.period)
    modality = claim.modality
    language = claim.language
    quote = claim.quote
    sentence = claim.sentence
    scope = claim.scope
    notes = claim.notes
    lineExcerpt = claim.lineExcerpt
    lineExcerptColumn = claim.lineExcerptColumn
  }

  /// The claim, or what is wrong with the record (a range the wrong way round).
  func claim() -> Result<Claim, ClaimStreamError.Problem> {
    guard valueRange.count == 2, valueRange[0] <= valueRange[1] else { return .failure(.field("value_range", "expected [start, end] with start ≤ end")) }
    guard matchRange.count == 2, matchRange[0] <= matchRange[1] else { return .failure(.field("match_range", "expected [start, end] with start ≤ end")) }
    guard interval.count == 2 else { return .failure(.field("interval", "expected [low, high]")) }
    guard line >= 1, column >= 1 else { return .failure(.field(line >= 1 ? "column" : "line", "expected a number ≥ 1")) }
    return .success(Claim(
      document: document, location: SourceLocation(path: document, line: line, column: column),
      valueRange: valueRange[0]..<valueRange[1], matchRange: matchRange[0]..<matchRange[1], rule: rule, entity: entity,
      entitySource: entitySource, attribute: attribute, value: value, valueText: valueText,
      interval: ValueInterval(interval[0], interval[1]), unit: unit, hedge: hedge.hedge, period: period.period,
      modality: modality, language: language, quote: quote, sentence: sentence, scope: scope, notes: notes,
      lineExcerpt: lineExcerpt, lineExcerptColumn: lineExcerptColumn))
  }
}

/// A ``Hedge`` as `{"type": "approximate", "tolerance": 0.05}`: its ``Hedge/name`` and its parameter.
struct HedgeCode: Codable {
  var type: String
  var tolerance: Double?
  var high: Double?

  init(_ hedge: Hedge) {
    type = hedge.name
    switch hedge {
    case .approximate(let value), .nearly(let value): tolerance = value
    case .range(let value): high = value
    default: break
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    type = try container.decode(String.self, forKey: .type)
    tolerance = try container.decodeIfPresent(Double.self, forKey: .tolerance)
    high = try container.decodeIfPresent(Double.self, forKey: .high)
    guard HedgeCode.hedge(type: type, tolerance: tolerance, high: high) != nil else {
      throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription:
        "not a hedge: '\(type)' (exact, approximate and nearly with a tolerance, at_least, more_than, at_most, less_than, range with a high end)")
    }
  }

  private enum CodingKeys: String, CodingKey { case type, tolerance, high }

  var hedge: Hedge { HedgeCode.hedge(type: type, tolerance: tolerance, high: high)! }

  private static func hedge(type: String, tolerance: Double?, high: Double?) -> Hedge? {
    Hedge(name: type, parameter: type == "range" ? high : tolerance)
  }
}

/// A ``Period`` as a JSON object, recursively: `{"type": "quarter", "quarter": 3, "of": {"type": "year",
/// "year": 2024}}`. Every value round-trips, including those its key form (``Period/description``) merges.
indirect enum PeriodCode: Codable {
  case period(Period)

  init(_ period: Period) { self = .period(period) }

  var period: Period {
    switch self { case .period(let period): return period }
  }

  private enum CodingKeys: String, CodingKey { case type, year, offset, quarter, month, of, from, to }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let type = try c.decode(String.self, forKey: .type)
    switch type {
    case "current": self = .period(.current)
    case "unspecified": self = .period(.unspecified)
    case "year": self = .period(.year(try c.decode(Int.self, forKey: .year)))
    case "relative_year": self = .period(.relativeYear(try c.decode(Int.self, forKey: .offset)))
    case "quarter": self = .period(.quarter(try c.decode(Int.self, forKey: .quarter), of: try c.decode(PeriodCode.self, forKey: .of).period))
    case "month": self = .period(.month(try c.decode(Int.self, forKey: .month), of: try c.decode(PeriodCode.self, forKey: .of).period))
    case "change":
      self = .period(.change(from: try c.decode(PeriodCode.self, forKey: .from).period, to: try c.decode(PeriodCode.self, forKey: .to).period))
    default:
      throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription:
        "not a period: '\(type)' (current, unspecified, year, relative_year, quarter, month, change)")
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch period {
    case .current: try c.encode("current", forKey: .type)
    case .unspecified: try c.encode("unspecified", forKey: .type)
    case .year(let year):
      try c.encode("year", forKey: .type)
      try c.encode(year, forKey: .year)
    case .relativeYear(let offset):
      try c.encode("relative_year", forKey: .type)
      try c.encode(offset, forKey: .offset)
    case .quarter(let quarter, let year):
      try c.encode("quarter", forKey: .type)
      try c.encode(quarter, forKey: .quarter)
      try c.encode(PeriodCode(year), forKey: .of)
    case .month(let month, let year):
      try c.encode("month", forKey: .type)
      try c.encode(month, forKey: .month)
      try c.encode(PeriodCode(year), forKey: .of)
    case .change(let from, let to):
      try c.encode("change", forKey: .type)
      try c.encode(PeriodCode(from), forKey: .from)
      try c.encode(PeriodCode(to), forKey: .to)
    }
  }
}

/// A names record: part of the corpus's proper-name tally (``NameTally``), the spelling check's input.
/// Tallies merge by adding counts and keeping each word's first ``NameTally/maxSamples`` occurrences in
/// path, line and column order, so records may be split and merged in any order.
struct NamesLine: Codable {
  var v = ClaimStream.version
  var record = "names"
  var words: [String: Entry]

  struct Entry: Codable {
    var count: Int
    var samples: [Sample]
  }

  struct Sample: Codable {
    var name: String
    var path: String
    var line: Int
    var column: Int
    var excerpt: String
  }

  init(_ entries: some Sequence<(key: String, value: NameTally.Entry)>) {
    var words: [String: Entry] = [:]
    for (word, entry) in entries {
      words[word] = Entry(count: entry.count, samples: entry.samples.map {
        Sample(name: $0.name, path: $0.location.path, line: $0.location.line, column: $0.location.column, excerpt: $0.line)
      })
    }
    self.words = words
  }

  var tally: NameTally {
    NameTally(entries: words.mapValues { entry in
      NameTally.Entry(count: entry.count, samples: entry.samples.map {
        NameOccurrence(name: $0.name, location: SourceLocation(path: $0.path, line: $0.line, column: $0.column), line: $0.excerpt)
      })
    })
  }
}

/// A diagnostic record: a problem met while reading or matching an article.
struct DiagnosticLine: Codable {
  var v = ClaimStream.version
  var record = "diagnostic"
  var severity: Severity
  var category: Diagnostic.Category
  var path: String?
  var line: Int?
  var column: Int?
  var message: String
  var rule: String?
  var sourceLine: String?

  enum CodingKeys: String, CodingKey {
    case v, record, severity, category, path, line, column, message, rule
    case sourceLine = "source_line"
  }

  init(_ diagnostic: Diagnostic) {
    severity = diagnostic.severity
    category = diagnostic.category
    path = diagnostic.location?.path
    line = diagnostic.location?.line
    column = diagnostic.location?.column
    message = diagnostic.message
    rule = diagnostic.ruleID
    sourceLine = diagnostic.sourceLine
  }

  var diagnostic: Diagnostic {
    let location = path.map { SourceLocation(path: $0, line: line ?? 1, column: column ?? 1) }
    return Diagnostic(severity: severity, category: category, location: location, message: message, ruleID: rule, sourceLine: sourceLine)
  }
}

/// An entities record: raw entity names of the whole corpus, for a part of a stream to unify names as the
/// whole would (see ``ClaimStream``).
struct EntitiesLine: Codable {
  var v = ClaimStream.version
  var record = "entities"
  var names: [String]
}

/// A key record, what `factcheck reconcile --keys` writes: the partition key of claims with this raw entity
/// name (its canonical name over the corpus).
struct KeyLine: Codable {
  var v = ClaimStream.version
  var record = "key"
  var entity: String
  var key: String
}
