import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Helpers shared by the robustness suites: fixture paths, scratch directories, hostile rule sets, clocks.
enum Robustness {
  /// `Tests/FactCheckTests/Fixtures/Articles`: small bad articles committed with the tests.
  static let articles = Fixtures.tests + "/FactCheckTests/Fixtures/Articles"
  /// `Tests/FactCheckTests/Fixtures/HostileRules`: small hostile rule files committed with the tests.
  static let hostileRules = Fixtures.tests + "/FactCheckTests/Fixtures/HostileRules"

  /// Whether the tests run as root, who reads files whatever their permissions.
  static var isRoot: Bool { geteuid() == 0 }

  /// A fresh directory under the system's temporary directory, removed by `body`'s end.
  static func withScratchDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "factcheck-robustness-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer {
      // Undo permission games before removing.
      if let enumerator = FileManager.default.enumerator(atPath: path) {
        while let relative = enumerator.nextObject() as? String {
          chmod(path + "/" + relative, 0o755)
        }
      }
      try? FileManager.default.removeItem(atPath: path)
    }
    return try body(path)
  }

  /// Writes `bytes` to `path`.
  static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// Seconds taken by `body`, and its result.
  static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }

  /// The document report for a path of `result`, which must exist exactly once.
  static func document(_ path: String, in result: CheckResult, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> DocumentReport?
  {
    let matching = result.documents.filter { $0.path == path }
    #expect(matching.count == 1, "expected one document for \(path), got \(matching.count)", sourceLocation: sourceLocation)
    return matching.first
  }

  /// `(line, column, value)` of every claim of one document, in order.
  static func claimPositions(_ path: String, in result: CheckResult) -> [ClaimPosition] {
    result.claims.filter { $0.document == path }.map { ClaimPosition($0.location.line, $0.location.column, $0.value) }
  }

  /// A minimal rule library in memory: one language (`en`), one attribute, and the given rules.
  ///
  /// No bundled lexicon is involved: the patterns are plain PCRE2 (`--no-default-rules` style).
  static func ruleSet(rules: String, lexicon: String = "") -> CompiledRuleSet {
    let text = """
      language: en
      attributes:
        - name: employees
          kind: count
      lexicon:
        language: en
      \(lexicon)
      rules:
      \(rules)
      """
    return RuleCompiler.compile(RuleFileLoader.load(texts: [(path: "hostile.yaml", text: text)]))
  }

  /// The problems of loading one YAML text as a rule file.
  static func problems(loading text: String, path: String = "hostile.yaml") -> [RuleFileError] {
    RuleFileLoader.load(texts: [(path: path, text: text)]).problems
  }
}

/// A claim's position and value, comparable in `#expect`.
struct ClaimPosition: Hashable, CustomStringConvertible {
  let line: Int
  let column: Int
  let value: Double

  init(_ line: Int, _ column: Int, _ value: Double) {
    self.line = line
    self.column = column
    self.value = value
  }

  var description: String { "\(line):\(column)=\(value)" }
}
