import Foundation

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Runs a shell line with `$FC` set to the `factcheck` binary: pipes, redirections and signals as a
/// user's shell would have them.
enum ShellRun {
  struct Outcome {
    var status: Int32
    /// Whether the process ended by a signal (`status` is then the signal's number).
    var signalled: Bool
    var output: String
    var errors: String
  }

  /// Runs `script` with `/bin/sh -c` in `directory`.
  static func run(_ script: String, in directory: String, environment extra: [String: String] = [:]) throws -> Outcome {
    let process = try start(script, in: directory, environment: extra)
    return finish(process)
  }

  /// Starts `script`; ``finish(_:)`` waits for it.
  static func start(_ script: String, in directory: String, environment extra: [String: String] = [:]) throws -> Running {
    guard let binary = RuleAuthoring.binary else { throw CocoaError(.fileNoSuchFile) }
    return try launch("/bin/sh", ["-c", script], in: directory, environment: extra.merging(["FC": binary]) { given, _ in given })
  }

  /// Starts `executable` with `arguments` (in `directory`), `FACTCHECK_HOME` set to this repository and
  /// standard output and error captured apart.
  static func launch(_ executable: String, _ arguments: [String], in directory: String?, environment extra: [String: String] = [:])
    throws -> Running
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["FACTCHECK_HOME"] = Fixtures.repository
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    return Running(process: process, output: output, errors: errors)
  }

  struct Running {
    let process: Process
    let output: Pipe
    let errors: Pipe
  }

  static func finish(_ running: Running) -> Outcome {
    let printed = running.output.fileHandleForReading.readDataToEndOfFile()
    let complained = running.errors.fileHandleForReading.readDataToEndOfFile()
    running.process.waitUntilExit()
    return Outcome(status: running.process.terminationStatus, signalled: running.process.terminationReason == .uncaughtSignal,
                   output: String(decoding: printed, as: UTF8.self), errors: String(decoding: complained, as: UTF8.self))
  }
}
