import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The JSON report is streamed (`JSONReporter.reportBytes`) but must keep the bytes of the tree
/// `JSONReporter.document(_:)` builds, which the server embeds in its answers.
struct JSONReportWriterTests {
  static func tree(_ result: CheckResult) -> [UInt8] { JSONReporter.document(result).serializedBytes() + [0x0A] }

  @Test func bundledExamplesMatchTheTree() {
    let result = Fixtures.checker().check(paths: [Fixtures.examples])
    #expect(!result.claims.isEmpty && !result.findings.isEmpty)
    let streamed = JSONReporter().reportBytes(result)
    #expect(streamed == Self.tree(result))
    #expect(JSONReporter().report(result) == String(decoding: streamed, as: UTF8.self))
  }

  /// Suppressed and baselined findings, a stale baseline entry and a problem with a location: the parts the
  /// examples leave empty.
  @Test func everyOptionalPartMatchesTheTree() {
    let result = JSONReportSchemaTests.fullResult
    #expect(!result.suppressed.isEmpty && !result.staleBaselineEntries.isEmpty && result.diagnostics.contains { $0.location != nil })
    #expect(JSONReporter().reportBytes(result) == Self.tree(result))
  }

  @Test func emptyResultMatchesTheTree() {
    #expect(JSONReporter().reportBytes(CheckResult()) == Self.tree(CheckResult()))
  }

  /// The buffer is reserved once: the estimate is not below the report's size.
  @Test func sizeEstimateCoversTheReport() {
    let result = Fixtures.checker().check(paths: [Fixtures.examples])
    #expect(JSONReporter.estimatedSize(result) >= JSONReporter().reportBytes(result).count)
  }

  /// Handed over in pieces as it is written (`check` writes a report file or standard output that way), the
  /// report is the same bytes, whatever the size of a piece; each piece but the last holds at least that many.
  @Test(arguments: [1, 700, 64 * 1024, 1 << 20])
  func streamedInPiecesIsTheSameReport(chunk: Int) {
    final class Pieces: @unchecked Sendable { var all: [[UInt8]] = [] }
    for result in [Fixtures.checker().check(paths: [Fixtures.examples]), JSONReportSchemaTests.fullResult, CheckResult()] {
      let pieces = Pieces()
      JSONReporter().streamReport(result, chunk: chunk) { pieces.all.append($0) }
      #expect(Array(pieces.all.joined()) == JSONReporter().reportBytes(result))
      #expect(pieces.all.dropLast().allSatisfy { $0.count >= chunk })
      #expect(!pieces.all.contains { $0.isEmpty })
    }
  }
}
