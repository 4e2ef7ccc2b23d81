import Foundation

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Inputs and helpers shared by the reporter tests: the Klarna story checked once, and a way to run
/// another program (python3, the `factcheck` binary) and collect what it printed.
enum ReportingFixtures {
  /// `Examples/klarna`, the story whose top finding is the employees conflict.
  static let klarnaFolder = Fixtures.examples + "/klarna"

  /// The Klarna story checked with the bundled rules, article texts kept (the HTML report needs them).
  static let klarna: CheckResult = {
    let checker = Fixtures.checker()
    var options = checker.options
    options.keepTexts = true
    return FactChecker(rules: checker.rules, options: options).check(paths: [klarnaFolder])
  }()

  /// Report options that make output independent of the machine: no base directory, a fixed date.
  static let fixedOptions = ReportOptions(date: Day(year: 2025, month: 6, day: 1))

  /// What a finished program gave.
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `executable` with `arguments` in `directory` and waits for it.
  static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read before waiting, so a chatty program never blocks on a full pipe.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
               errors: String(decoding: errorData, as: UTF8.self))
  }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-reporting-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every value under `key` anywhere in a parsed JSON document.
  static func values(of key: String, in json: Any) -> [Any] {
    var found: [Any] = []
    if let object = json as? [String: Any] {
      for (name, value) in object {
        if name == key { found.append(value) }
        found += values(of: key, in: value)
      }
    } else if let array = json as? [Any] {
      for item in array { found += values(of: key, in: item) }
    }
    return found
  }
}
