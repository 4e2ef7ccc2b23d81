import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The `factcheck` executable on bad inputs and hostile rules: every path is reported, the run ends,
/// and `--strict` turns anything not wholly checked into exit status 2.
@Suite(.enabled(if: RuleAuthoring.binary != nil, "the factcheck binary is not built next to the tests"))
struct RobustnessCLITests {
  /// A clean article, a missing path, and the committed empty and binary fixtures.
  static func mixedInputs() throws -> (clean: String, inputs: [String]) {
    let directory = try RuleAuthoring.temporaryDirectory("robust-cli")
    let clean = directory + "/clean.md"
    try RuleAuthoring.write("---\nlanguage: en\n---\nAcme employs 1,200 people.\n", to: clean)
    let inputs = [clean, directory + "/missing.md", Robustness.articles + "/empty.md", Robustness.articles + "/binary-nul.md"]
    return (clean, inputs)
  }

  @Test func skippedInputsAreListedAndDoNotFailARunWithoutStrict() throws {
    let (_, inputs) = try Self.mixedInputs()
    let (status, output) = try RuleAuthoring.run(["check"] + inputs + ["--no-color"])
    #expect(status == 0, "\(output)")
    #expect(output.contains("missing.md:1:1: warning: skipped: no such file or directory"))
    #expect(output.contains("empty.md:1:1: warning: skipped: empty"))
    #expect(output.contains("binary-nul.md:1:1: warning: skipped: binary (contains NUL bytes)"))
    #expect(output.contains("in 1 article checked, 3 skipped"))
  }

  @Test func strictMakesSkippedInputsExitTwo() throws {
    let (clean, inputs) = try Self.mixedInputs()
    let (status, output) = try RuleAuthoring.run(["check"] + inputs + ["--strict", "--no-color"])
    #expect(status == 2, "\(output)")
    #expect(output.contains("3 skipped"))
    // Nothing skipped: --strict changes nothing.
    #expect(try RuleAuthoring.run(["check", clean, "--strict"]).status == 0)
    // The claims command follows the same rule.
    #expect(try RuleAuthoring.run(["claims"] + inputs + ["--strict"]).status == 2)
  }

  @Test func jsonListsEveryInputWithItsStatusAndReason() throws {
    let (clean, inputs) = try Self.mixedInputs()
    let (status, output) = try RuleAuthoring.run(["check"] + inputs + ["--format", "json"])
    #expect(status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let documents = try #require(json["documents"] as? [[String: Any]])
    var reasons: [String: String] = [:]
    for document in documents {
      let path = try #require(document["path"] as? String)
      reasons[path] = (document["status"] as? String ?? "?") + ": " + (document["reason"] as? String ?? "-")
    }
    #expect(reasons == [
      clean: "checked: -",
      inputs[1]: "skipped: no such file or directory",
      inputs[2]: "skipped: empty",
      inputs[3]: "skipped: binary (contains NUL bytes)",
    ])
  }

  @Test func aCatastrophicRuleIsReportedTheRunEndsAndStrictExitsTwo() throws {
    let directory = try RuleAuthoring.temporaryDirectory("robust-cli-hostile")
    let article = directory + "/aaa.md"
    try RuleAuthoring.write(String(repeating: String(repeating: "a", count: 200) + "!\n", count: 200) + "Acme employs 1,200 people.\n",
                            to: article)
    let arguments = ["check", article, "--no-default-rules", "--rules", RobustnessRuleTests.catastrophic, "--no-color"]
    let ((status, output), seconds) = try Robustness.timed { try RuleAuthoring.run(arguments) }
    #expect(seconds < 60)
    #expect(status == 0, "\(output)")
    #expect(output.contains("aaa.md:1:1: error: rule 'hostile.nested' stopped on this article: match limit"))
    #expect(output.contains("in 1 article checked"))
    #expect(try RuleAuthoring.run(arguments + ["--strict"]).status == 2)
  }

  @Test func hostileRuleFilesAreRefusedWithExitTwo() throws {
    for file in ["billion-laughs.yaml", "alias-key-bomb.yaml"] {
      let path = Robustness.hostileRules + "/" + file
      let (status, output) = try RuleAuthoring.run(["check", Robustness.articles + "/crlf.md", "--rules", path, "--no-color"])
      #expect(status == 2, "\(file): \(output)")
      #expect(output.contains("error: YAML expands to more than"), "\(file)")
      // The bundled rules still ran on the article.
      #expect(output.contains("in 1 article checked"), "\(file)")
    }
  }
}
