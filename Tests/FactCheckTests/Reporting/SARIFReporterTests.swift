import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The SARIF log: valid against the official 2.1.0 schema, one result per finding with a location per
/// claim, and every rule-file, input and skipped-document problem kept as a tool notification.
@Suite struct SARIFReporterTests {
  /// Validates a document with python3's `jsonschema`, the validator CI has; the schema lives outside the
  /// repository (`../shared/data`), so the test is skipped, not failed, where any piece is missing.
  enum SchemaValidator {
    static let script = """
      import json, sys
      import jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      document = json.load(open(sys.argv[2], encoding="utf-8"))
      validator = jsonschema.validators.validator_for(schema)(schema)
      errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
      for error in errors[:20]:
          print("/".join(str(p) for p in error.absolute_path) + ": " + error.message[:300])
      sys.exit(1 if errors else 0)
      """

    /// The first `python3` on `PATH` (then in the usual places) that can import `jsonschema`: the package
    /// may be installed for one interpreter (pyenv, a virtualenv) and not for the system's.
    static let python: String? = {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
      let directories = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
      let candidates = directories.map { $0 + "/python3" }.filter { FileManager.default.isExecutableFile(atPath: $0) }
      return candidates.first { (try? ReportingFixtures.run($0, ["-c", "import jsonschema"]))?.status == 0 }
    }()

    static let isAvailable = FileManager.default.fileExists(atPath: Fixtures.sarifSchema) && python != nil

    /// The validator's complaints, empty when the document is valid.
    static func problems(in sarif: String) throws -> [String] {
      let directory = try ReportingFixtures.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: directory) }
      let file = directory.appendingPathComponent("report.sarif")
      try sarif.write(to: file, atomically: true, encoding: .utf8)
      let run = try ReportingFixtures.run(python!, ["-c", script, Fixtures.sarifSchema, file.path])
      if run.status == 0 { return [] }
      return run.output.split(separator: "\n").map(String.init) + [run.errors].filter { !$0.isEmpty }
    }
  }

  /// The Klarna story plus one problem of every kind: a rule-file error, an input warning, a matching
  /// error and a skipped input, so the notifications are exercised too.
  static let troubled: CheckResult = {
    var result = ReportingFixtures.klarna
    result.ruleProblems.append(RuleFileError(.unknownPlaceholder(name: "cuont", suggestion: "count"),
                                             at: SourceLocation(path: "MyRules/fr/bad rule.yaml", line: 4, column: 14)))
    result.diagnostics.append(Diagnostic(severity: .warning, category: .input,
                                         location: SourceLocation(path: "articles/broken.md", line: 3, column: 14),
                                         message: "invalid UTF-8 replaced", sourceLine: "Le chiffre \u{FFFD} est faux"))
    result.diagnostics.append(Diagnostic(severity: .error, category: .matching, location: nil,
                                         message: "match limit hit", ruleID: "fr.employees.verb"))
    result.documents.append(DocumentReport(path: "/abs/missing article.md", status: .skipped, reason: "no such file or directory"))
    return result
  }()

  static func parse(_ sarif: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
  }

  @Test(.enabled(if: SchemaValidator.isAvailable,
                 "needs python3 with the jsonschema package and ../shared/data/sarif-schema-2.1.0.json"))
  func klarnaLogIsValidAgainstTheSchema() throws {
    let sarif = SARIFReporter(options: ReportOptions(baseDirectory: Fixtures.repository)).report(ReportingFixtures.klarna)
    let problems = try SchemaValidator.problems(in: sarif)
    #expect(problems.isEmpty, "SARIF schema violations:\n\(problems.joined(separator: "\n"))")
  }

  @Test(.enabled(if: SchemaValidator.isAvailable,
                 "needs python3 with the jsonschema package and ../shared/data/sarif-schema-2.1.0.json"))
  func logWithEveryKindOfProblemIsValidAgainstTheSchema() throws {
    let sarif = SARIFReporter().report(SARIFReporterTests.troubled)
    let problems = try SchemaValidator.problems(in: sarif)
    #expect(problems.isEmpty, "SARIF schema violations:\n\(problems.joined(separator: "\n"))")
  }

  @Test(.enabled(if: SchemaValidator.isAvailable,
                 "needs python3 with the jsonschema package and ../shared/data/sarif-schema-2.1.0.json"))
  func everyExampleStoryGivesAValidLog() throws {
    let result = Fixtures.checker().check(paths: [Fixtures.examples])
    let problems = try SchemaValidator.problems(in: SARIFReporter().report(result))
    #expect(problems.isEmpty, "SARIF schema violations:\n\(problems.joined(separator: "\n"))")
  }

  @Test func oneRunWithTheDriverRulesAndUnicodeColumns() throws {
    let result = ReportingFixtures.klarna
    let log = try SARIFReporterTests.parse(SARIFReporter().report(result))
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = runs[0]
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "FactCheck")
    #expect(driver["informationUri"] as? String == ToolInfo.informationURI)
    #expect(driver["version"] as? String == ToolInfo.version)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == Set(result.rules.map(\.id)).count)
    let employees = try #require(rules.first { $0["id"] as? String == "conflict/employees" })
    #expect((employees["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    #expect(((employees["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
  }

  @Test func oneResultPerFindingWithALocationPerClaim() throws {
    let result = ReportingFixtures.klarna
    let run = try #require((try SARIFReporterTests.parse(SARIFReporter().report(result))["runs"] as? [[String: Any]])?.first)
    let rules = try #require((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == result.findings.count)
    for (finding, sarif) in zip(result.findings, results) {
      #expect(sarif["ruleId"] as? String == finding.check)
      #expect(sarif["level"] as? String == finding.severity.rawValue)
      if let index = sarif["ruleIndex"] as? Int { #expect(rules[index]["id"] as? String == finding.check) }
      #expect(((sarif["message"] as? [String: Any])?["text"] as? String)?.hasPrefix(finding.message) == true)
      let locations = try #require(sarif["locations"] as? [[String: Any]])
      // One location (GitHub shows only the first); every claim a related location, linked from the message.
      #expect(locations.count == 1)
      let related = try #require(sarif["relatedLocations"] as? [[String: Any]])
      #expect(related.count == (finding.claims.isEmpty ? finding.locations.count : finding.claims.count))
      let text = try #require((sarif["message"] as? [String: Any])?["text"] as? String)
      for id in 1...related.count { #expect(text.contains("](\(id))"), "message links related location \(id): \(text)") }
      for location in related + locations {
        let region = try #require((location["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(region["endColumn"] != nil && region["snippet"] != nil)
      }
    }

    // The top finding's first location is 000-fr's "3 500" at 13:366, figure as region, line as context.
    let top = try #require(results.first)
    #expect(((top["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("Klarna employees (current)") == true)
    let physical = try #require(((top["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
    let artifact = try #require(physical["artifactLocation"] as? [String: Any])
    #expect(artifact["uri"] as? String == "Examples/klarna/000-fr-klarna-ia-remplace-recrutements.md"
      || (artifact["uri"] as? String)?.hasSuffix("/Examples/klarna/000-fr-klarna-ia-remplace-recrutements.md") == true)
    let region = try #require(physical["region"] as? [String: Any])
    #expect(region["startLine"] as? Int == 13)
    #expect(region["startColumn"] as? Int == 366)
    #expect(region["endColumn"] as? Int == 371)
    #expect((region["snippet"] as? [String: Any])?["text"] as? String == "3 500")
    let context = try #require(physical["contextRegion"] as? [String: Any])
    #expect(((context["snippet"] as? [String: Any])?["text"] as? String)?.contains("emploie aujourd'hui 3 500 personnes") == true)
  }

  @Test func pathsUnderTheBaseDirectoryBecomeRelative() throws {
    let result = Fixtures.checker().check(paths: [Fixtures.repository + "/Examples/klarna"])
    let sarif = SARIFReporter(options: ReportOptions(baseDirectory: Fixtures.repository)).report(result)
    let run = try #require((try SARIFReporterTests.parse(sarif)["runs"] as? [[String: Any]])?.first)
    let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
    let root = try #require((bases["SRCROOT"] as? [String: Any])?["uri"] as? String)
    #expect(root.hasPrefix("file:///") && root.hasSuffix("/"))
    let artifacts = ReportingFixtures.values(of: "artifactLocation", in: run).compactMap { $0 as? [String: Any] }
    #expect(!artifacts.isEmpty)
    for artifact in artifacts {
      let uri = try #require(artifact["uri"] as? String)
      #expect(URL(string: uri) != nil, "not a URI reference: \(uri)")
      if uri.hasPrefix("Examples/") { #expect(artifact["uriBaseId"] as? String == "SRCROOT") }
      #expect(!uri.hasPrefix(Fixtures.repository), "absolute path under the base left absolute: \(uri)")
    }
  }

  @Test func problemsAndSkippedInputsBecomeNotifications() throws {
    let result = SARIFReporterTests.troubled
    let run = try #require((try SARIFReporterTests.parse(SARIFReporter().report(result))["runs"] as? [[String: Any]])?.first)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == false)  // a rule-file error
    let configuration = try #require(invocation["toolConfigurationNotifications"] as? [[String: Any]])
    let execution = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
    let ruleDiagnostics = result.diagnostics.filter { $0.category == .rules }.count
    #expect(configuration.count == result.ruleProblems.count + ruleDiagnostics)
    #expect(execution.count == result.diagnostics.count - ruleDiagnostics + result.skippedDocuments.count)

    let placeholder = try #require(configuration.first { (($0["message"] as? [String: Any])?["text"] as? String)?.contains("cuont") == true })
    #expect(placeholder["level"] as? String == "error")
    let uris = ReportingFixtures.values(of: "uri", in: placeholder).compactMap { $0 as? String }
    #expect(uris == ["MyRules/fr/bad%20rule.yaml"])

    let matching = try #require(execution.first { (($0["descriptor"] as? [String: Any])?["id"] as? String) == "matching" })
    #expect((matching["associatedRule"] as? [String: Any])?["id"] as? String == "fr.employees.verb")

    let skippedInputs = execution.filter { (($0["descriptor"] as? [String: Any])?["id"] as? String) == "skipped-input" }
    // The walk of Examples/klarna passes over its expected.yaml: listed as a note.
    let passedOver = try #require(skippedInputs.first { ($0["message"] as? [String: Any])?["text"] as? String == "skipped \(Fixtures.repository)/Examples/klarna/expected.yaml: not an article: .yaml" })
    #expect(passedOver["level"] as? String == "note")
    let skipped = try #require(skippedInputs.first { $0["level"] as? String == "warning" })
    #expect(ReportingFixtures.values(of: "uri", in: skipped).compactMap { $0 as? String } == ["file:///abs/missing%20article.md"])
    let message = try #require((skipped["message"] as? [String: Any])?["text"] as? String)
    #expect(message.contains("no such file or directory"))
  }

  @Test func aCleanRunIsSuccessful() throws {
    let result = CheckResult(documents: [DocumentReport(path: "a.md", status: .checked)])
    let run = try #require((try SARIFReporterTests.parse(SARIFReporter().report(result))["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [Any])?.isEmpty == true)
    #expect(((run["invocations"] as? [[String: Any]])?.first)?["executionSuccessful"] as? Bool == true)
  }

  @Test(arguments: [
    ("Examples/klarna/a.md", "Examples/klarna/a.md"),
    ("./notes/été 2024.md", "notes/%C3%A9t%C3%A9%202024.md"),
    ("c:colon.md", "c%3Acolon.md"),
    ("/work/repo/Examples/x.md", "Examples/x.md"),
    ("/elsewhere/x#1.md", "file:///elsewhere/x%231.md"),
  ])
  func artifactURIs(path: String, expected: String) {
    #expect(ArtifactURI(baseDirectory: "/work/repo/").reference(path) == expected)
  }
}

/// What GitHub code scanning reads beyond the schema: rule help, and URIs without `../`.
@Suite struct SARIFForGitHubTests {
  @Test func everyRuleHasShortAndFullDescriptionsAndMarkdownHelp() throws {
    let sarif = try SARIFReporterTests.parse(SARIFReporter().report(ReportingFixtures.klarna))
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    #expect(!rules.isEmpty)
    for rule in rules {
      #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      let help = try #require(rule["help"] as? [String: Any])
      #expect((help["markdown"] as? String)?.contains("How to suppress") == true)
      #expect((help["text"] as? String)?.isEmpty == false)
    }
    let conflict = try #require(rules.first { $0["id"] as? String == "conflict/employees" })
    #expect(((conflict["help"] as? [String: Any])?["markdown"] as? String)?.contains("factcheck-ignore conflict/employees") == true)
    #expect((((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["informationUri"]) == nil)
  }

  @Test func inputsOutsideTheWorkingDirectoryAreNoDotDotReferences() {
    let uris = ArtifactURI(baseDirectory: "/work/main")
    #expect(uris.reference("../shared/a.md") == "file:///work/shared/a.md")
    #expect(uris.isRelative("../shared/a.md") == false)
    #expect(uris.reference("Examples/../Examples/a.md") == "Examples/a.md")
    #expect(uris.reference("Examples/a.md") == "Examples/a.md")
  }
}
