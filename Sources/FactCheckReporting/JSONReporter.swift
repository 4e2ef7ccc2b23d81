import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Machine-readable report: documents, claims and findings, with sorted keys (schema in README.md).
public struct JSONReporter: Reporter {
  /// The name `--format` and ``Reporters/reporter(_:options:)`` know this reporter by.
  public static let identifier = "json"
  /// One line for `--help`.
  public static let description = "JSON: documents, claims, findings and problems (schema in README.md)"

  package let options: ReportOptions

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
    String(decoding: reportBytes(result), as: UTF8.self)
  }

  /// The report as UTF-8 bytes, ending with a line break: what ``report(_:)`` returns, written claim by claim
  /// straight into one buffer, with neither a ``JSONValue`` tree nor a `String` of the whole report (a report
  /// is several times the size of its articles).
  package func reportBytes(_ result: CheckResult) -> [UInt8] {
    var writer = JSONWriter(capacity: JSONReporter.estimatedSize(result))
    JSONReporter.write(result, to: &writer)
    writer.endLine()
    return writer.bytes
  }

  /// Writes the report, ending with a line break, in pieces of about `chunk` bytes handed to `emit` as it
  /// goes: the same bytes as ``reportBytes(_:)``, without ever holding the whole report (a run's report is
  /// several times its articles' size; a claim is a few hundred bytes of it).
  package func streamReport(_ result: CheckResult, chunk: Int = 1 << 20, to emit: @escaping ([UInt8]) -> Void) {
    var writer = JSONWriter(capacity: chunk + chunk / 4)
    writer.drain(every: chunk, into: emit)
    JSONReporter.write(result, to: &writer)
    writer.endLine()
    writer.drainAll()
  }

  /// About the size of the report, a little over rather than under, so that its buffer is allocated once
  /// rather than copied as it doubles: claims make most of it, a few hundred bytes of keys and values each
  /// besides their quote and sentence.
  package static func estimatedSize(_ result: CheckResult) -> Int {
    var size = 4096 + 512 * result.documents.count + 1024 * (result.findings.count + result.suppressed.count)
    for claim in result.claims { size += 768 + claim.quote.utf8.count + claim.sentence.utf8.count }
    return size
  }

  /// Writes the report object. Each object's keys are written in sorted order, as ``JSONValue`` sorts them;
  /// `JSONReportWriterTests` checks that the bytes are those of the tree `document(_:)` builds.
  package static func write(_ result: CheckResult, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("claims")
    writer.beginArray()
    for claim in result.claims {
      write(claim, to: &writer)
      writer.drainIfFull()
    }
    writer.endArray()
    writer.key("documents")
    writer.beginArray()
    for document in result.documents {
      write(document, to: &writer)
      writer.drainIfFull()
    }
    writer.endArray()
    writer.key("findings")
    writer.beginArray()
    for finding in result.findings {
      write(finding, suppression: nil, to: &writer)
      writer.drainIfFull()
    }
    writer.endArray()
    writer.key("problems")
    writer.beginArray()
    for problem in result.ruleProblems { write(problem.diagnostic, to: &writer) }
    for problem in result.diagnostics { write(problem, to: &writer) }
    writer.endArray()
    writer.key("summary")
    writeSummary(result, to: &writer)
    writer.key("suppressed")
    writer.beginArray()
    for suppressed in result.suppressed { write(suppressed.finding, suppression: suppressed.suppression, to: &writer) }
    writer.endArray()
    writer.member("version", "1")
    writer.endObject()
  }

  private static func write(_ d: DocumentReport, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("claims", d.claimCount)
    writer.member("language", d.language)
    writer.member("passed_over", d.isPassedOver)
    writer.member("path", d.path)
    writer.member("published", d.published?.description)
    writer.member("published_source", d.publishedSource)
    writer.member("reason", d.reason)
    writer.member("source", d.source)
    writer.member("status", d.status.rawValue)
    writer.member("subject", d.subject)
    writer.member("title", d.title)
    writer.endObject()
  }

  private static func write(_ c: Claim, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("attribute", c.attribute)
    writer.member("column", c.location.column)
    writer.member("document", c.document)
    writer.member("entity", c.entity)
    writer.member("entity_source", c.entitySource.rawValue)
    writer.member("hedge", c.hedge.name)
    writer.key("interval")
    writer.beginArray()
    writer.finite(c.interval.low)
    writer.finite(c.interval.high)
    writer.endArray()
    writer.member("language", c.language)
    writer.member("line", c.location.line)
    writer.member("modality", c.modality.rawValue)
    writer.key("notes")
    writer.beginArray()
    for note in c.notes { writer.string(note) }
    writer.endArray()
    writer.member("period", c.period.description)
    writer.member("quote", c.quote)
    writer.member("rule", c.rule)
    writer.member("scope", c.scope)
    writer.member("sentence", c.sentence)
    writer.member("text", c.valueText)
    writer.member("unit", c.unit)
    writer.member("value", finite: c.value)
    writer.endObject()
  }

  /// A finding; a suppressed one also has the suppression that hid it.
  private static func write(_ f: Finding, suppression: Suppression?, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("attribute", f.attribute)
    writer.member("check", f.check)
    writer.key("claims")
    writeIntegers(f.claims, to: &writer)
    writer.key("details")
    writer.beginArray()
    for detail in f.details { writer.string(detail) }
    writer.endArray()
    writer.member("entity", f.entity)
    writer.key("groups")
    writer.beginArray()
    for group in f.groups {
      writer.beginObject()
      writer.key("claims")
      writeIntegers(group.claims, to: &writer)
      writer.member("label", group.label)
      writer.endObject()
    }
    writer.endArray()
    writer.member("id", f.id)
    writer.member("kind", f.kind.rawValue)
    writer.key("locations")
    writer.beginArray()
    for location in f.locations { write(location, to: &writer) }
    writer.endArray()
    writer.member("message", f.message)
    writer.member("period", f.period)
    writer.member("severity", f.severity.rawValue)
    if let suppression {
      writer.key("suppression")
      writer.beginObject()
      writer.member("attribute", suppression.attribute)
      writer.key("checks")
      writer.beginArray()
      for check in suppression.checks { writer.string(check) }
      writer.endArray()
      writer.member("entity", suppression.entity)
      writer.key("location")
      write(suppression.location, to: &writer)
      writer.member("origin", suppression.origin.rawValue)
      writer.member("period", suppression.period)
      writer.member("reason", suppression.reason)
      writer.endObject()
    }
    writer.endObject()
  }

  private static func writeIntegers(_ values: [Int], to writer: inout JSONWriter) {
    writer.beginArray()
    for value in values { writer.integer(value) }
    writer.endArray()
  }

  private static func write(_ d: Diagnostic, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("category", d.category.rawValue)
    if let location = d.location {
      writer.key("location")
      write(location, to: &writer)
    }
    writer.member("message", d.message)
    writer.member("rule", d.ruleID)
    writer.member("severity", d.severity.rawValue)
    writer.endObject()
  }

  private static func write(_ l: SourceLocation, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("column", l.column)
    writer.member("line", l.line)
    writer.member("path", l.path)
    writer.endObject()
  }

  private static func writeSummary(_ r: CheckResult, to writer: inout JSONWriter) {
    var errors = 0, warnings = 0, notes = 0
    for finding in r.findings {
      switch finding.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
    let baselined = r.suppressed.count { $0.suppression.origin == .baseline }
    writer.beginObject()
    writer.member("baselined", baselined)
    writer.member("claims", r.claims.count)
    writer.member("documents_checked", r.documents.count { $0.status == .checked })
    writer.member("documents_passed_over", r.skippedDocuments.count - r.uncheckedInputs.count)
    writer.member("documents_skipped", r.uncheckedInputs.count)
    writer.member("errors", errors)
    writer.member("findings", r.findings.count)
    writer.member("notes", notes)
    writer.key("stale_baseline")
    writer.beginArray()
    for entry in r.staleBaselineEntries {
      writer.beginObject()
      writer.member("check", entry.check)
      writer.member("fingerprint", entry.fingerprint)
      writer.member("message", entry.message)
      writer.endObject()
    }
    writer.endArray()
    writer.member("suppressed", r.suppressed.count - baselined)
    writer.member("warnings", warnings)
    writer.endObject()
  }

  // MARK: The report as a tree

  /// The report as a JSON value, for the server's answers, which add members to it. It has the members
  /// `write(_:to:)` streams, in the same bytes once serialised: change both together.
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

  package static func document(_ d: DocumentReport) -> JSONValue {
    .object([
      "path": .string(d.path), "status": .string(d.status.rawValue), "reason": .optional(d.reason),
      "language": .optional(d.language), "published": .optional(d.published?.description),
      "published_source": .optional(d.publishedSource), "title": .optional(d.title), "source": .optional(d.source),
      "subject": .optional(d.subject), "claims": .number(Double(d.claimCount)), "passed_over": .bool(d.isPassedOver),
    ])
  }

  package static func claim(_ c: Claim) -> JSONValue {
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

  package static func finding(_ f: Finding) -> JSONValue {
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
  package static func suppressed(_ s: SuppressedFinding) -> JSONValue {
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

  package static func problem(_ d: Diagnostic) -> JSONValue {
    var object: [String: JSONValue] = [
      "severity": .string(d.severity.rawValue), "category": .string(d.category.rawValue), "message": .string(d.message),
      "rule": .optional(d.ruleID),
    ]
    if let location = d.location { object["location"] = self.location(location) }
    return .object(object)
  }

  package static func location(_ l: SourceLocation) -> JSONValue {
    .object(["path": .string(l.path), "line": .number(Double(l.line)), "column": .number(Double(l.column))])
  }

  package static func summary(_ r: CheckResult) -> JSONValue {
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
