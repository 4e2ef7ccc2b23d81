import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `factcheck check … --output json=… --output sarif=… --output html=…`: one run of the real binary
/// writes the three reports at once, next to the text report on standard output.
@Suite struct MultipleOutputsTests {
  /// The `factcheck` binary of this build: the test bundle sits in the same `.build/…/debug` folder.
  static let binary: String? = {
    var candidates: [URL] = []
    for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] + Bundle.allBundles.map(\.bundleURL) {
      var directory = start.deletingLastPathComponent()
      for _ in 0..<3 {
        candidates.append(directory.appendingPathComponent("factcheck"))
        directory.deleteLastPathComponent()
      }
    }
    return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  @Test func registryKnowsEveryFormat() {
    #expect(Reporters.identifiers == ["text", "json", "sarif", "html", "claimreview"])
    for identifier in Reporters.identifiers { #expect(Reporters.reporter(identifier) != nil) }
    #expect(Reporters.reporter("SARIF") is SARIFReporter)
    #expect(Reporters.reporter("pdf") == nil)
  }

  @Test(.enabled(if: binary != nil, "the factcheck binary is not built next to the tests; run `swift build` first"))
  func oneRunWritesThreeFormats() throws {
    let directory = try ReportingFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("report.json").path
    let sarif = directory.appendingPathComponent("report.sarif").path
    let html = directory.appendingPathComponent("report with space.html").path
    let run = try ReportingFixtures.run(MultipleOutputsTests.binary!, [
      "check", "Examples/klarna", "--no-color",
      "--output", "json=\(json)", "--output", "sarif=\(sarif)", "--output", "html=\(html)",
    ], in: Fixtures.repository)
    #expect(run.status == 1, "exit status 1 (findings) expected; stderr: \(run.errors)")
    #expect(run.output.contains("Klarna employees (current)"), "the text report still goes to standard output")

    let jsonObject = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    let findings = try #require(jsonObject["findings"] as? [[String: Any]])
    #expect(!findings.isEmpty)

    let log = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
    #expect(results?.count == findings.count)
    // The CLI passes its working directory, so paths are relative to the SRCROOT it records.
    let uris = ReportingFixtures.values(of: "uri", in: log).compactMap { $0 as? String }
    #expect(uris.contains("Examples/klarna/000-fr-klarna-ia-remplace-recrutements.md"))

    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("Klarna employees (current): 3 000"))
    // Asking for HTML made the CLI keep the article texts: the articles are shown, claims highlighted.
    #expect(page.contains("<div class=\"text\">"))
    #expect(page.contains("<mark id=\"claim-0\""))
    #expect(!page.contains("text was not kept"))
  }

  @Test(.enabled(if: binary != nil, "the factcheck binary is not built next to the tests; run `swift build` first"))
  func unknownOutputFormatIsAUsageError() throws {
    let run = try ReportingFixtures.run(MultipleOutputsTests.binary!, ["check", "Examples/klarna", "--output", "pdf=/tmp/x.pdf"],
                                        in: Fixtures.repository)
    #expect(run.status == 2 || run.status == 64, "usage error expected, got \(run.status)")
    #expect(run.errors.contains("--output expects FORMAT=PATH"))
  }
}
