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
  package func streamReport(_ result: CheckResult, chunk: Int = ReportChunk.size, to emit: @escaping ([UInt8]) -> Void) {
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
    for claim in result.claims { size += 768 + claim.quoteAndSentenceByteCount }
    return size
  }

  /// A member a caller adds to the report object (the server's `spans`, `draft`, `added`): its key, and what
  /// writes its value.
  package typealias ExtraMember = (key: String, write: (inout JSONWriter) -> Void)

  /// Writes the report object, with `extra` members merged in. Each object's keys are written in sorted
  /// order, as ``JSONValue`` sorts them (debug builds check it), so an extra member takes its sorted place.
  package static func write(_ result: CheckResult, to writer: inout JSONWriter, extra: [ExtraMember] = []) {
    var members: [ExtraMember] = [
      ("claims", { writeArray(result.claims, to: &$0) { write($0, to: &$1) } }),
      ("documents", { writeArray(result.documents, to: &$0) { write($0, to: &$1) } }),
      ("findings", { writeArray(result.findings, to: &$0) { write($0, suppression: nil, to: &$1) } }),
      ("problems", { writer in
        writer.beginArray()
        for problem in result.ruleProblems { write(problem.diagnostic, to: &writer) }
        for problem in result.diagnostics { write(problem, to: &writer) }
        writer.endArray()
      }),
      ("summary", { writer in writeSummary(result, to: &writer) }),
      ("suppressed", { writeArray(result.suppressed, to: &$0) { write($0.finding, suppression: $0.suppression, to: &$1) } }),
      ("version", { writer in writer.string("1") }),
    ]
    members += extra
    writer.beginObject()
    for member in members.sorted(by: { $0.key < $1.key }) {
      writer.key(named: member.key)
      member.write(&writer)
    }
    writer.endObject()
  }

  /// An array of `items`, each written by `each`; a draining writer may hand the bytes over after any of them.
  private static func writeArray<Items: Sequence>(_ items: Items, to writer: inout JSONWriter,
                                                 _ each: (Items.Element, inout JSONWriter) -> Void) {
    writer.beginArray()
    for item in items {
      each(item, &writer)
      writer.drainIfFull()
    }
    writer.endArray()
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
}
