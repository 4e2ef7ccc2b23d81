import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The command line a newcomer meets: help in every spelling, the version, and a typo caught with a
/// suggestion instead of being checked as a missing article.
@Suite(.enabled(if: RuleAuthoring.binary != nil, "the factcheck binary is not built next to the tests"))
struct CommandLineTests {
  @Test(arguments: [
    (["--help"], "factcheck"), (["-h"], "factcheck"), (["help"], "factcheck"),
    (["check", "--help"], "factcheck check"), (["help", "check"], "factcheck check"), (["claims", "-h"], "factcheck claims"),
    (["test-rules", "--help"], "factcheck test-rules"), (["explain", "--help"], "factcheck explain"),
  ])
  func helpIsPrintedOnStandardOutput(arguments: [String], usage: String) throws {
    let directory = try RuleAuthoring.temporaryDirectory("help")
    let run = try ShellRun.run("\"$FC\" " + arguments.joined(separator: " "), in: directory)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("OVERVIEW:"), "\(arguments): \(run.output)")
    #expect(run.output.contains("USAGE: \(usage)"), "\(arguments): \(run.output)")
    #expect(run.errors.isEmpty)
  }

  @Test func versionIsPrinted() throws {
    let run = try ShellRun.run("\"$FC\" --version", in: NSTemporaryDirectory())
    #expect(run.status == 0)
    #expect(run.output == ToolInfo.version + "\n")
  }

  @Test(arguments: [("explian", "explain"), ("chek", "check"), ("claim", "claims"), ("test-rule", "test-rules")])
  func aMistypedCommandIsAUsageErrorWithASuggestion(typed: String, meant: String) throws {
    let directory = try RuleAuthoring.temporaryDirectory("typo")
    let run = try ShellRun.run("\"$FC\" \(typed) x", in: directory)
    #expect(run.status == 2)
    #expect(run.errors.contains("'\(typed)' is neither a command nor an existing file or directory; did you mean '\(meant)'?"), "\(run.errors)")
    #expect(run.output.isEmpty)
  }

  /// A first argument that exists is an article (or a directory of them), even if it looks like a command.
  @Test func anExistingPathIsCheckedNotTakenForATypo() throws {
    let directory = try RuleAuthoring.temporaryDirectory("typo-path")
    try RuleAuthoring.write("Acme employs 1,200 people.\n", to: directory + "/chek")
    let run = try ShellRun.run("\"$FC\" chek --no-color", in: directory)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("1 article checked"))
    // Something that is neither a command nor a path, and near no command, lists the commands.
    let far = try ShellRun.run("\"$FC\" zzzz", in: directory)
    #expect(far.status == 2 && far.errors.contains("commands: check, claims, evaluate, test-rules, explain"), "\(far.errors)")
  }

  /// A Latin-1 file name on the command line is read through its bytes and shown escaped.
  @Test func aPathThatIsNotUTF8IsReadFromItsBytes() throws {
    let directory = try RuleAuthoring.temporaryDirectory("latin1")
    let run = try ShellRun.run("printf 'Acme employs 1,300 people.\\n' > \"$(printf 'caf\\351.md')\"; \"$FC\" claims caf*.md --no-color", in: directory)
    #expect(run.status == 0, "\(run.output)\(run.errors)")
    #expect(run.output.contains("caf\\xE9.md:1:14: Acme employees = 1 300"), "\(run.output)")
  }
}
