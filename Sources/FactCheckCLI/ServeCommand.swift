import ArgumentParser
import Dispatch
import FactCheck
import FactCheckArchive
import FactCheckServer
import Foundation

/// `factcheck serve`: the checker over HTTP, with a page for editors at `/`.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the checker over HTTP: a page at / and a JSON API under /v1 (see /v1/openapi.json).",
    discussion: "Binds to loopback unless --host says otherwise. Runs until interrupted (Ctrl-C, SIGTERM).")

  @Option(help: ArgumentHelp("Check drafts against this claim archive (opened read-only unless --allow-add).", valueName: "PATH"))
  var archive: String?

  @Option(help: "The address to bind (default: loopback only).")
  var host = "127.0.0.1"

  @Option(help: "The port (0: a free one, printed on start).")
  var port = 8080

  @Flag(help: "Let /v1/check add drafts to the archive (\"add\": true); without it the archive is read-only.")
  var allowAdd = false

  @Option(help: ArgumentHelp("A file holding the bearer token every API request must carry (Authorization: Bearer TOKEN).", valueName: "PATH"))
  var tokenFile: String?

  @Option(help: ArgumentHelp("The largest request body accepted, in bytes (413 past it).", valueName: "BYTES"))
  var maxBodyBytes = ServerConfiguration.defaultMaxBodyBytes

  @Option(help: ArgumentHelp("How long one check may take before the request is answered 503.", valueName: "SECONDS"))
  var timeLimit: Double = 30

  @OptionGroup var rules: RuleOptions

  @Option(help: ArgumentHelp("Compare current figures only between articles published at most this many days apart (0 = no limit).", valueName: "DAYS"))
  var window: Int = 365

  func validate() throws {
    if allowAdd && archive == nil { throw ValidationError("--allow-add needs --archive PATH") }
    if !(1...65_535).contains(port) && port != 0 { throw ValidationError("--port must be 0 … 65535") }
    if maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1") }
    if !(timeLimit > 0) { throw ValidationError("--time-limit must be more than 0 seconds") }
  }

  func run() throws {
    var configuration = ServerConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes, timeLimit: .milliseconds(Int64(timeLimit * 1000)))
    if let tokenFile {
      guard let data = FileManager.default.contents(atPath: tokenFile),
            let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty
      else { throw RunError("cannot read a token from \(tokenFile) (it must hold one line of text)") }
      configuration.token = token
    }
    if !configuration.isLoopback && configuration.token == nil {
      FactCheckCommand.standardError("factcheck serve: warning: listening on \(host) without --token-file: anyone who can reach it may use it")
    }
    let checker = try rules.frontEndChecker(window: window)
    let drafts: DraftChecker
    do { drafts = try DraftChecker(checker: checker, archivePath: archive, allowAdd: allowAdd) } catch { throw RunError(error.description) }
    let server = CheckServer(drafts: drafts, configuration: configuration)
    let archiveNote = archive.map { " — archive \($0)\(allowAdd ? "" : " (read-only)")" } ?? " — no archive"
    let host = host.contains(":") ? "[\(host)]" : host
    let application = server.application { port in
      let line = "factcheck serve: listening on http://\(host):\(port)/\(archiveNote)\n"
      FileHandle.standardOutput.write(Data(line.utf8))
    }
    try BlockingTask.run { try await application.run() }
  }
}

extension RuleOptions {
  /// The checker of `serve` and `mcp`: the rules compiled once (refused when they have errors), one thread per
  /// draft (concurrent requests use the cores).
  func frontEndChecker(window: Int) throws -> FactChecker {
    let compiled = try compiledRules()
    if let error = compiled.problems.first(where: { $0.severity == .error }) {
      throw RunError("the rules have errors; run 'factcheck test-rules' (first: \(error.description))")
    }
    return FactChecker(rules: compiled, options: FactCheckOptions(windowDays: window > 0 ? window : nil, jobs: 1))
  }
}

/// Runs async work to completion from the synchronous command line (the root command is not async).
enum BlockingTask {
  static func run(_ work: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    Task {
      do { try await work() } catch { failure.set(error) }
      done.signal()
    }
    done.wait()
    if let error = failure.error { throw RunError("\(error)") }
  }

  private final class FailureBox: @unchecked Sendable {
    // Written once by the task before it signals, read after the wait.
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
  }
}
