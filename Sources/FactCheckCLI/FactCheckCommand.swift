import ArgumentParser
import FactCheck
import Foundation

/// The `factcheck` command: finds inconsistent facts across news articles.
@main
struct FactCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "factcheck",
    abstract: "Find inconsistent figures across news articles, in French and English.",
    discussion: """
      With no command, checks the given articles (or, with none, the bundled Examples/). \
      Exit status: 0 no findings, 1 findings, 2 usage, rule-file or write errors.

      Environment: FACTCHECK_HOME (the folder with Rules/ and Examples/), FACTCHECK_ARCHIVE (the claim \
      archive), FACTCHECK_PATTERN_CACHE (compiled rule patterns are cached in $XDG_CACHE_HOME/factcheck, \
      else ~/.cache/factcheck; 0 turns the cache off, an absolute path puts it there).
      """,
    version: ToolInfo.version,
    subcommands: [CheckCommand.self, ClaimsCommand.self, EvaluateCommand.self, TestRulesCommand.self, ExplainCommand.self, ArchiveCommand.self, ExtractCommand.self, ReconcileCommand.self, ServeCommand.self, MCPCommand.self],
    defaultSubcommand: CheckCommand.self)

  /// Parses and runs, with our exit statuses: help and `--version` print and exit 0, a mistake in the
  /// command line prints the message and the usage and exits 2, a run error prints one line and exits 2.
  static func main() {
    Interruption.install()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let mistake = UnknownCommand.check(arguments, commands: commandNames) {
      standardError("factcheck: error: \(mistake)")
      standardError("Usage: factcheck [\(commandNames.dropLast().joined(separator: "|"))] [<paths> ...] [<options>]")
      standardError("  See 'factcheck --help' for more information.")
      Foundation.exit(2)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let error as RunError {
      standardError("factcheck: error: \(error.message)")
      Foundation.exit(2)
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        // --help, -h, `help`, --version: ArgumentParser hands the text back as an error to print.
        if !message.isEmpty, let code = ReportFileWriter.writeAll(Array((message + "\n").utf8), to: STDOUT_FILENO) {
          standardError("factcheck: error: cannot write to standard output: \(String(cString: strerror(code)))")
          Foundation.exit(2)
        }
        Foundation.exit(0)
      }
      // ArgumentParser's message and usage span lines; each is escaped.
      for line in message.split(separator: "\n", omittingEmptySubsequences: false) where !message.isEmpty { standardError(String(line)) }
      Foundation.exit(code == .validationFailure || code.rawValue == 64 || code.rawValue == 1 ? 2 : code.rawValue)
    }
  }

  /// The names a first argument may be: the subcommands and ArgumentParser's `help`.
  static var commandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
  }

  /// Writes one line to standard error, with control characters from paths and arguments escaped (a
  /// file name must not send ESC sequences to the terminal, nor forge a line with a line break).
  static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line.terminalEscaped + "\n").utf8))
  }
}
