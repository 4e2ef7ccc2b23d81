import FactCheck
import GRDB

/// A ``FactCheck/Claim`` as a row of the `claims` table, and back.
enum ClaimRecord {
  /// The columns written, in the order of ``arguments(_:documentID:)``.
  static let insertSQL = """
    INSERT INTO claims (document_id, line, "column", value_start, value_end, match_start, match_end, rule, entity,
      entity_source, attribute, value, value_text, interval_low, interval_high, unit, hedge, hedge_parameter, period,
      period_code, modality, language, quote, sentence, scope, notes, line_excerpt, line_excerpt_column)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  /// The columns read, with the document's path, for ``claim(_:)``.
  static let selectColumns = """
    d.path, c.line, c."column", c.value_start, c.value_end, c.match_start, c.match_end, c.rule, c.entity,
    c.entity_source, c.attribute, c.value, c.value_text, c.interval_low, c.interval_high, c.unit, c.hedge,
    c.hedge_parameter, c.period_code, c.modality, c.language, c.quote, c.sentence, c.scope, c.notes,
    c.line_excerpt, c.line_excerpt_column, c.document_id
    """

  static func arguments(_ claim: Claim, documentID: Int64) -> StatementArguments {
    let hedge = ClaimCoding.code(claim.hedge)
    let values: [(any DatabaseValueConvertible)?] = [
      documentID, claim.location.line, claim.location.column, claim.valueRange.lowerBound, claim.valueRange.upperBound,
      claim.matchRange.lowerBound, claim.matchRange.upperBound, claim.rule, claim.entity, claim.entitySource.rawValue,
      claim.attribute, claim.value, claim.valueText, claim.interval.low, claim.interval.high, claim.unit, hedge.name,
      hedge.parameter, claim.period.description, ClaimCoding.code(claim.period), claim.modality.rawValue, claim.language,
      claim.quote, claim.sentence, claim.scope, ClaimCoding.join(claim.notes), claim.lineExcerpt, claim.lineExcerptColumn,
    ]
    return StatementArguments(values)
  }

  /// The claim of a row selected with ``selectColumns``; a field that does not decode (an archive edited
  /// by hand) is a ``ArchiveError/corrupt(path:detail:)``.
  static func claim(_ row: Row, archive: String) throws(ArchiveError) -> Claim {
    let path: String = row[0]
    func bad(_ what: String) -> ArchiveError { .corrupt(path: archive, detail: "claim of \(path): bad \(what)") }
    guard let entitySource = EntitySource(rawValue: row[9]) else { throw bad("entity source") }
    guard let hedge = ClaimCoding.hedge(name: row[16], parameter: row[17]) else { throw bad("hedge") }
    guard let period = ClaimCoding.period(row[18]) else { throw bad("period") }
    guard let modality = Modality(rawValue: row[19]) else { throw bad("modality") }
    let valueStart: Int = row[3]
    let valueEnd: Int = row[4]
    let matchStart: Int = row[5]
    let matchEnd: Int = row[6]
    guard valueStart <= valueEnd, matchStart <= matchEnd else { throw bad("span") }
    let value: Double? = row[11]
    let low: Double? = row[13]
    let high: Double? = row[14]
    return Claim(
      document: path, location: SourceLocation(path: path, line: row[1], column: row[2]), valueRange: valueStart..<valueEnd,
      matchRange: matchStart..<matchEnd, rule: row[7], entity: row[8], entitySource: entitySource, attribute: row[10],
      value: value ?? .nan, valueText: row[12], interval: ValueInterval(low ?? .nan, high ?? .nan), unit: row[15], hedge: hedge,
      period: period, modality: modality, language: row[20], quote: row[21], sentence: row[22], scope: row[23],
      notes: ClaimCoding.split(row[24]), lineExcerpt: row[25], lineExcerptColumn: row[26])
  }
}
