import Testing

@testable import FactCheck
@testable import FactCheckModel
@testable import FactCheckReporting

/// `check` writes the text report a megabyte at a time as it is made (issue 15: a report is never held
/// whole): the pieces are the report, byte for byte, whatever their size.
@Suite struct TextReportStreamTests {
  @Test(arguments: [1, 300, 64 * 1024, 1 << 20])
  func streamedInPiecesIsTheSameReport(chunk: Int) {
    let results = [Fixtures.checker().check(paths: [Fixtures.examples]), JSONReportSchemaTests.fullResult, CheckResult()]
    for result in results {
      for options in [ReportOptions(color: false), ReportOptions(color: true, listClaims: true)] {
        var pieces: [[UInt8]] = []
        TextReporter(options: options).streamReport(result, chunk: chunk) { pieces.append($0) }
        #expect(Array(pieces.joined()) == Array(TextReporter(options: options).report(result).utf8))
        #expect(pieces.dropLast().allSatisfy { $0.count >= chunk })
        #expect(!pieces.contains { $0.isEmpty })
      }
    }
  }
}
