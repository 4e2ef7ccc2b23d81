import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The JSON report is written straight into bytes (`JSONReporter.write`): compact and pretty layouts say the
/// same, the members a caller adds (the server's answer) take their sorted places without changing the rest,
/// and the report streamed in pieces is the same bytes.
struct JSONReportWriterTests {
  static func parsed(_ bytes: [UInt8]) throws -> NSDictionary {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
  }

  /// The top-level keys in the order the bytes hold them (the report's objects are one per line when pretty).
  static func topLevelKeys(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n")
      .filter { $0.hasPrefix("  \"") && !$0.hasPrefix("   ") }
      .map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
  }

  @Test(arguments: [false, true])
  func compactAndPrettySayTheSame(examples: Bool) throws {
    for result in [examples ? Fixtures.checker().check(paths: [Fixtures.examples]) : JSONReportSchemaTests.fullResult, CheckResult()] {
      var compact = JSONWriter(pretty: false)
      JSONReporter.write(result, to: &compact)
      let pretty = JSONReporter().reportBytes(result)
      #expect(!compact.bytes.contains(0x0A))
      #expect(try Self.parsed(compact.bytes) == (try Self.parsed(pretty)))
      #expect(JSONReporter().report(result) == String(decoding: pretty, as: UTF8.self))
    }
  }

  /// Suppressed and baselined findings, a stale baseline entry and a problem with a location: the parts the
  /// examples leave empty are all written.
  @Test func everyOptionalPartIsWritten() throws {
    let result = JSONReportSchemaTests.fullResult
    #expect(!result.suppressed.isEmpty && !result.staleBaselineEntries.isEmpty && result.diagnostics.contains { $0.location != nil })
    let report = try Self.parsed(JSONReporter().reportBytes(result))
    #expect((report["suppressed"] as? [Any])?.count == result.suppressed.count)
    #expect((report["problems"] as? [Any])?.count == result.ruleProblems.count + result.diagnostics.count)
  }

  /// Members a caller adds are written in key order among the report's own, which stay as they were.
  @Test func extraMembersTakeTheirSortedPlaces() throws {
    let result = Fixtures.checker().check(paths: [Fixtures.examples])
    var writer = JSONWriter()
    JSONReporter.write(result, to: &writer, extra: [
      ("zzz", { $0.string("last") }), ("added", { $0.integer(1) }), ("draft", { $0.string("d.md") }),
    ])
    writer.endLine()
    #expect(Self.topLevelKeys(writer.bytes) == [
      "added", "claims", "documents", "draft", "findings", "problems", "summary", "suppressed", "version", "zzz",
    ])
    let extended = try Self.parsed(writer.bytes)
    let plain = try Self.parsed(JSONReporter().reportBytes(result))
    for case let key as String in plain.allKeys { #expect(extended[key] as? NSObject == plain[key] as? NSObject, "\(key)") }
    #expect(extended["draft"] as? String == "d.md")
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
