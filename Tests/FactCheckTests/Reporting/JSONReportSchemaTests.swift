import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `Schemas/json-report-v1.schema.json` describes what the JSON reporter writes: real output, with every
/// optional part filled (suppressed and baselined findings, stale baseline entries, problems), validates.
@Suite struct JSONReportSchemaTests {
  static let schema = Fixtures.repository + "/Schemas/json-report-v1.schema.json"

  static let script = """
    import json, sys
    import jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.load(open(sys.argv[2], encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        print("/".join(str(p) for p in error.absolute_path) + ": " + error.message[:300])
    sys.exit(1 if errors else 0)
    """

  /// The Klarna story with one finding suppressed in source, one baselined, a stale baseline entry and an
  /// input problem.
  static var fullResult: CheckResult {
    var result = ReportingFixtures.klarna
    result.diagnostics.append(Diagnostic(severity: .warning, category: .input, location: SourceLocation(path: "a.md", line: 3, column: 14),
                                         message: "invalid UTF-8 replaced"))
    let first = result.findings[0]
    result = Suppressor.apply([Suppression(origin: .inSource, location: SourceLocation(path: "a.md", line: 2, column: 6),
                                           checks: [first.check], reason: "known", scope: .everywhere)], to: result)
    var baseline = Baseline(result: result)
    baseline.entries.append(Baseline.Entry(fingerprint: "fc1:0000000000000000", check: "conflict/x", message: "gone"))
    return baseline.apply(to: result)
  }

  @Test(.enabled(if: SARIFReporterTests.SchemaValidator.python != nil, "needs python3 with the jsonschema package"))
  func realOutputValidates() throws {
    let result = Self.fullResult
    #expect(!result.suppressed.isEmpty && !result.staleBaselineEntries.isEmpty)
    for report in [JSONReporter().report(result), JSONReporter().report(CheckResult())] {
      let directory = try ReportingFixtures.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: directory) }
      let file = directory.appendingPathComponent("report.json")
      try report.write(to: file, atomically: true, encoding: .utf8)
      let run = try ReportingFixtures.run(SARIFReporterTests.SchemaValidator.python!, ["-c", Self.script, Self.schema, file.path])
      #expect(run.status == 0, "\(run.output)\(run.errors)")
    }
  }

  @Test func everyTopLevelKeyIsDescribed() throws {
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schema))) as? [String: Any])
    let described = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().report(Self.fullResult).utf8)) as? [String: Any])
    #expect(Set(report.keys) == described)
  }
}
