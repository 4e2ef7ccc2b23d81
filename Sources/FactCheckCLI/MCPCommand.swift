import ArgumentParser
import FactCheck
import FactCheckArchive
import FactCheckMCP
import Foundation


/// `factcheck mcp`: the checker as a Model Context Protocol server over standard input and output.
struct MCPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Serve the tools check_draft and search_claims to an AI assistant (Model Context Protocol over stdio).",
    discussion: "Reads JSON-RPC from standard input and answers on standard output until the client closes it; messages go to standard error. The archive is opened read-only.")

  @Option(help: ArgumentHelp("The claim archive drafts are checked against (default: $FACTCHECK_ARCHIVE, else the user's archive).", valueName: "PATH"))
  var archive: String?

  @OptionGroup var rules: RuleOptions

  @Option(help: ArgumentHelp("Compare current figures only between articles published at most this many days apart (0 = no limit).", valueName: "DAYS"))
  var window: Int = 365

  func run() throws {
    let checker = try rules.frontEndChecker(window: window)
    let path = archive ?? ClaimArchive.defaultPath
    // An absent default archive is no error: check_draft then checks the draft alone.
    let archivePath = archive != nil || FileManager.default.fileExists(atPath: path) ? path : nil
    let drafts: DraftChecker
    do { drafts = try DraftChecker(checker: checker, archivePath: archivePath) } catch { throw RunError(error.description) }
    let server = FactCheckMCPServer(drafts: drafts)
    try BlockingTask.run { try await server.runOverStandardIO() }
  }
}
