import ArgumentParser
import FactCheck
import Foundation

/// The `factcheck` command: finds inconsistent facts across news articles.
@main
struct FactCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "factcheck",
    abstract: "Find inconsistent figures across news articles, in French and English.",
    subcommands: [CheckCommand.self, ClaimsCommand.self, TestRulesCommand.self, ExplainCommand.self],
    defaultSubcommand: CheckCommand.self)

  /// Parses, runs, and maps ArgumentParser's usage status (64) to ours (2).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .success || code.rawValue == 1 || code.rawValue == 2 {
        if code != .success && !(error is ExitCode) { FactCheckCommand.exit(withError: error) }
        Foundation.exit(code.rawValue)
      }
      let message = fullMessage(for: error)
      if !message.isEmpty {
        FileHandle.standardError.write(Data((message + "\n").utf8))
      }
      Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue)
    }
  }
}
