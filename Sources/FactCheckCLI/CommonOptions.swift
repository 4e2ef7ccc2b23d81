import ArgumentParser
import FactCheck
import Foundation

/// Options shared by the commands that load rules.
struct RuleOptions: ParsableArguments {
  @Option(name: .customLong("rules"), help: ArgumentHelp("A rule directory or file, loaded after the bundled rules; repeatable.", valueName: "DIR"))
  var ruleDirectories: [String] = []

  @Flag(help: "Do not load the bundled rules.")
  var noDefaultRules = false

  /// The rule layers, bundled first.
  func layers() throws -> [String] {
    var layers: [String] = []
    if !noDefaultRules {
      guard let bundled = BundledPaths.rules else {
        throw ValidationError("cannot find the bundled Rules/ directory; set FACTCHECK_HOME or pass --no-default-rules --rules DIR")
      }
      layers.append(bundled)
    }
    layers += ruleDirectories
    if layers.isEmpty { throw ValidationError("no rules: --no-default-rules needs at least one --rules DIR") }
    return layers
  }

  func compiledRules() throws -> CompiledRuleSet { CompiledRuleSet.load(try layers()) }
}

/// Options of the commands that read articles and print reports.
struct RunOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Report format: \(Reporters.identifiers.joined(separator: ", ")).", valueName: "FORMAT"))
  var format: String = "text"

  @Option(name: .customLong("output"), help: ArgumentHelp("Also write a report to a file; repeatable.", valueName: "FORMAT=PATH"))
  var outputs: [String] = []

  @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) for articles that state none.", valueName: "DATE"))
  var published: String?

  @Option(help: ArgumentHelp("Compare current figures only between articles published at most this many days apart (0 = no limit).", valueName: "DAYS"))
  var window: Int = 365

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Flag(help: "No colours, even on a terminal.")
  var noColor = false

  @Flag(help: "Exit with status 2 when an input is skipped, or a rule stops on one (match or time limit).")
  var strict = false

  func options() throws -> FactCheckOptions {
    var day: Day?
    if let published {
      guard let parsed = Day(iso: published) else { throw ValidationError("--published must be YYYY-MM-DD, not '\(published)'") }
      day = parsed
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    return FactCheckOptions(published: day, windowDays: window > 0 ? window : nil, jobs: jobs,
                            keepTexts: requestedFormats.contains(HTMLReporter.identifier))
  }

  /// Every format asked for, on standard output or in a file, lowercased.
  var requestedFormats: Set<String> {
    Set(([format] + outputs.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }).map { $0.lowercased() })
  }

  /// Options for the reporters: relative paths are relative to the working directory.
  func reportOptions(color: Bool, listClaims: Bool) -> ReportOptions {
    ReportOptions(color: color, listClaims: listClaims, baseDirectory: FileManager.default.currentDirectoryPath)
  }

  func validateFormats() throws {
    guard Reporters.reporter(format) != nil else {
      throw ValidationError("unknown format '\(format)'; use one of \(Reporters.identifiers.joined(separator: ", "))")
    }
    for output in outputs {
      let parts = output.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, Reporters.reporter(String(parts[0])) != nil else {
        throw ValidationError("--output expects FORMAT=PATH with FORMAT one of \(Reporters.identifiers.joined(separator: ", ")), not '\(output)'")
      }
    }
  }

  var useColor: Bool { !noColor && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

  /// Prints the report and writes the extra outputs.
  func emit(_ result: CheckResult, listClaims: Bool) throws {
    let reporter = Reporters.reporter(format, options: reportOptions(color: useColor, listClaims: listClaims))!
    print(reporter.report(result), terminator: "")
    for output in outputs {
      let parts = output.split(separator: "=", maxSplits: 1).map(String.init)
      let fileReporter = Reporters.reporter(parts[0], options: reportOptions(color: false, listClaims: listClaims))!
      do {
        try fileReporter.report(result).write(toFile: parts[1], atomically: true, encoding: .utf8)
      } catch {
        throw ValidationError("cannot write \(parts[1]): \(error.localizedDescription)")
      }
    }
  }

  /// 0 clean, 1 findings, 2 rule errors or (with --strict) inputs not wholly checked: skipped, or with a
  /// rule stopped on them by a limit.
  func exitStatus(_ result: CheckResult, findingsMatter: Bool) -> Int32 {
    if result.hasRuleErrors { return 2 }
    if strict && !result.skippedDocuments.isEmpty { return 2 }
    if strict && result.diagnostics.contains(where: { $0.category == .matching }) { return 2 }
    if findingsMatter && !result.findings.isEmpty { return 1 }
    return 0
  }
}
