/// Machine-readable report: documents, claims and findings, with sorted keys (schema in README.md).
public struct JSONReporter: Reporter {
  /// The name `--format` and ``Reporters/reporter(_:options:)`` know this reporter by.
  public static let identifier = "json"
  /// One line for `--help`.
  public static let description = "JSON: documents, claims, findings and problems (schema in README.md)"

  let options: ReportOptions

  /// Creates the reporter.
  ///
  /// - Parameter options: Report options; the JSON report uses none of them, so that it depends on the run
  ///   alone.
  public init(options: ReportOptions = ReportOptions()) { self.options = options }

  /// The report as one JSON object (`Schemas/json-report-v1.schema.json`), keys sorted so that two runs
  /// over the same articles give the same bytes.
  ///
  /// - Parameter result: What a run produced.
  /// - Returns: The JSON text, ending with a line break.
  public func report(_ result: CheckResult) -> String {
    JSONReporter.document(result).serialized() + "\n"
  }

  /// The report as a JSON value, for reporters that embed it.
  package static func document(_ result: CheckResult) -> JSONValue {
    .object([
      "version": .string("1"),
      "documents": .array(result.documents.map(document)),
      "claims": .array(result.claims.map(claim)),
      "findings": .array(result.findings.map(finding)),
      "suppressed": .array(result.suppressed.map(suppressed)),
      "problems": .array(result.ruleProblems.map { problem($0.diagnostic) } + result.diagnostics.map(problem)),
      "summary": summary(result),
    ])
  }

  static func document(_ d: DocumentReport) -> JSONValue {
    .object([
      "path": .string(d.path), "status": .string(d.status.rawValue), "reason": .optional(d.reason),
      "language": .optional(d.language), "published": .optional(d.published?.description),
      "published_source": .optional(d.publishedSource), "title": .optional(d.title), "source": .optional(d.source),
      "subject": .optional(d.subject), "claims": .number(Double(d.claimCount)), "passed_over": .bool(d.isPassedOver),
    ])
  }

  static func claim(_ c: Claim) -> JSONValue {
    .object([
      "document": .string(c.document), "line": .number(Double(c.location.line)), "column": .number(Double(c.location.column)),
      "rule": .string(c.rule), "entity": .optional(c.entity), "entity_source": .string(c.entitySource.rawValue),
      "attribute": .string(c.attribute), "value": .finite(c.value), "text": .string(c.valueText),
      "interval": .array([.finite(c.interval.low), .finite(c.interval.high)]), "unit": .optional(c.unit),
      "hedge": .string(c.hedge.name), "period": .string(c.period.description), "modality": .string(c.modality.rawValue),
      "language": .string(c.language), "quote": .string(c.quote), "sentence": .string(c.sentence),
      "scope": .optional(c.scope), "notes": .array(c.notes.map { .string($0) }),
    ])
  }

  static func finding(_ f: Finding) -> JSONValue {
    .object([
      "id": .string(f.id), "kind": .string(f.kind.rawValue), "check": .string(f.check), "severity": .string(f.severity.rawValue),
      "entity": .optional(f.entity), "attribute": .string(f.attribute), "period": .optional(f.period),
      "message": .string(f.message), "details": .array(f.details.map { .string($0) }),
      "claims": .array(f.claims.map { .number(Double($0)) }),
      "groups": .array(f.groups.map { .object(["label": .string($0.label), "claims": .array($0.claims.map { .number(Double($0)) })]) }),
      "locations": .array(f.locations.map(location)),
    ])
  }

  /// A suppressed finding: the finding's fields and what suppressed it.
  static func suppressed(_ s: SuppressedFinding) -> JSONValue {
    guard case .object(var object) = finding(s.finding) else { return finding(s.finding) }
    let suppression = s.suppression
    object["suppression"] = .object([
      "origin": .string(suppression.origin.rawValue), "location": location(suppression.location),
      "checks": .array(suppression.checks.map { .string($0) }), "entity": .optional(suppression.entity),
      "attribute": .optional(suppression.attribute), "period": .optional(suppression.period),
      "reason": .optional(suppression.reason),
    ])
    return .object(object)
  }

  static func problem(_ d: Diagnostic) -> JSONValue {
    var object: [String: JSONValue] = [
      "severity": .string(d.severity.rawValue), "category": .string(d.category.rawValue), "message": .string(d.message),
      "rule": .optional(d.ruleID),
    ]
    if let location = d.location { object["location"] = self.location(location) }
    return .object(object)
  }

  static func location(_ l: SourceLocation) -> JSONValue {
    .object(["path": .string(l.path), "line": .number(Double(l.line)), "column": .number(Double(l.column))])
  }

  static func summary(_ r: CheckResult) -> JSONValue {
    func count(_ s: Severity) -> JSONValue { .number(Double(r.findings.filter { $0.severity == s }.count)) }
    return .object([
      "documents_checked": .number(Double(r.documents.filter { $0.status == .checked }.count)),
      "documents_skipped": .number(Double(r.uncheckedInputs.count)),
      "documents_passed_over": .number(Double(r.skippedDocuments.count - r.uncheckedInputs.count)),
      "claims": .number(Double(r.claims.count)), "findings": .number(Double(r.findings.count)),
      "errors": count(.error), "warnings": count(.warning), "notes": count(.note),
      "suppressed": .number(Double(r.suppressed.filter { $0.suppression.origin != .baseline }.count)),
      "baselined": .number(Double(r.suppressed.filter { $0.suppression.origin == .baseline }.count)),
      "stale_baseline": .array(r.staleBaselineEntries.map { entry in
        .object(["fingerprint": .string(entry.fingerprint), "check": .string(entry.check), "message": .string(entry.message)])
      }),
    ])
  }
}
