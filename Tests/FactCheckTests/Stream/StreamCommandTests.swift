import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `factcheck extract` and `factcheck reconcile` end to end, through a shell pipe as a user runs them.
@Suite(.enabled(if: RuleAuthoring.binary != nil, "the factcheck binary is not built next to the tests"))
struct StreamCommandTests {
  static let corpora = ["Examples"] + (Fixtures.seedsAvailable ? ["../shared/seeds"] : [])

  @Test(arguments: corpora)
  func extractPipedIntoReconcileIsByteIdenticalToCheck(corpus: String) throws {
    for format in ["text", "json"] {
      let checked = try ShellRun.run(#""$FC" check "\#(corpus)" --format \#(format) --no-color"#, in: Fixtures.repository)
      let piped = try ShellRun.run(#""$FC" extract "\#(corpus)" | "$FC" reconcile --format \#(format) --no-color"#, in: Fixtures.repository)
      #expect(checked.status == 1)
      #expect(piped.status == checked.status, "\(piped.errors)")
      #expect(piped.output == checked.output, "\(format)")
    }
  }

  @Test func stdinArticlesAreExtractedAndABadLineIsNamed() throws {
    let directory = try RuleAuthoring.temporaryDirectory("stream-stdin")
    try RuleAuthoring.write(#"""
      {"path": "a.md", "text": "Klarna emploie 3 500 personnes.", "published": "2024-05-02", "language": "fr"}
      {"path": "b.md", "text": "Klarna emploie 3 800 personnes.", "published": "2024-06-02"}

      """#, to: directory + "/ok.jsonl")
    let good = try ShellRun.run(#""$FC" extract --stdin < ok.jsonl | "$FC" reconcile --no-color"#, in: directory)
    #expect(good.status == 1, "\(good.errors)")
    #expect(good.output.contains("Klarna employees (current): 3 500 vs 3 800"))
    try RuleAuthoring.write(#"{"path": "a.md", "text": "x"}"# + "\n" + #"{"path": "b.md", "text": 12}"# + "\n", to: directory + "/bad.jsonl")
    let bad = try ShellRun.run(#""$FC" extract --stdin < bad.jsonl"#, in: directory)
    #expect(bad.status == 2)
    #expect(bad.errors.contains("factcheck: error: <stdin>:2:26: bad 'text'"), "\(bad.errors)")
    // A malformed stream line ends reconcile with status 2, naming file, line and column.
    try RuleAuthoring.write(#"{"v":1,"record":"entities","names":["A"]}"# + "\n" + #"{"v":1,"record":"claim","document":3}"# + "\n", to: directory + "/bad-stream.jsonl")
    let broken = try ShellRun.run(#""$FC" reconcile bad-stream.jsonl"#, in: directory)
    #expect(broken.status == 2)
    #expect(broken.errors.contains("factcheck: error: bad-stream.jsonl:2:36: bad 'document'"), "\(broken.errors)")
  }

  @Test func keysNameEachEntityItsPartitionKey() throws {
    let directory = try RuleAuthoring.temporaryDirectory("stream-keys")
    try RuleAuthoring.write(#"{"v":1,"record":"entities","names":["Atlas","Atlas Robotics","Alcyra Airways SA"]}"# + "\n", to: directory + "/e.jsonl")
    let keys = try ShellRun.run(#""$FC" reconcile --keys e.jsonl"#, in: directory)
    #expect(keys.status == 0)
    #expect(keys.output == """
      {"entity":"Alcyra Airways SA","key":"Alcyra Airways","record":"key","v":1}
      {"entity":"Atlas","key":"Atlas Robotics","record":"key","v":1}
      {"entity":"Atlas Robotics","key":"Atlas Robotics","record":"key","v":1}

      """)
  }
}
