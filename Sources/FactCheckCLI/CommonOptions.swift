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
  @Option(help: ArgumentHelp("Report format on standard output: \(Reporters.identifiers.joined(separator: ", ")) (default: text).", valueName: "FORMAT"))
  var format: String?

  @Option(name: .customLong("output"), help: ArgumentHelp("Also write a report to a file (PATH - is standard output); repeatable. A report never replaces an input, a device or a link to anything but a regular file.", valueName: "FORMAT=PATH"))
  var outputs: [String] = []

  @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD, or YYYY-MM, YYYY) for articles that state none.", valueName: "DATE"))
  var published: String?

  @Option(help: ArgumentHelp("Compare current figures only between articles published at most this many days apart (0 = no limit).", valueName: "DAYS"))
  var window: Int = 365

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Flag(help: "No colours, even on a terminal.")
  var noColor = false

  @Flag(help: "Exit with status 2 when an input is skipped, or a rule stops on one (match or time limit).")
  var strict = false

  @Option(name: .customLong("review-url-base"), help: ArgumentHelp("ClaimReview: the address of the page publishing the reviews; each review's url is it plus the review's anchor.", valueName: "URL"))
  var reviewURLBase: String?

  @Option(name: .customLong("review-author"), help: ArgumentHelp("ClaimReview: the organisation publishing the reviews (default: FactCheck).", valueName: "NAME"))
  var reviewAuthor: String?

  @Option(name: .customLong("review-author-url"), help: ArgumentHelp("ClaimReview: that organisation's address.", valueName: "URL"))
  var reviewAuthorURL: String?

  @Flag(help: "ClaimReview: wrap the JSON-LD in <script type=\"application/ld+json\">, to paste into a page.")
  var embed = false

  func options() throws -> FactCheckOptions {
    var day: Day?
    if let published {
      guard let parsed = Day(iso: published) else { throw ValidationError("--published must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '\(published)'") }
      day = parsed
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    return FactCheckOptions(published: day, windowDays: window > 0 ? window : nil, jobs: jobs,
                            keepTexts: requestedFormats.contains(HTMLReporter.identifier))
  }

  /// Every format asked for, on standard output or in a file, lowercased.
  var requestedFormats: Set<String> {
    Set(([format ?? TextReporter.identifier] + outputs.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }).map { $0.lowercased() })
  }

  /// Options for the reporters: relative paths are relative to the working directory.
  func reportOptions(color: Bool, listClaims: Bool) -> ReportOptions {
    ReportOptions(color: color, listClaims: listClaims, baseDirectory: FileManager.default.currentDirectoryPath,
                  reviewURLBase: reviewURLBase, reviewAuthor: reviewAuthor, reviewAuthorURL: reviewAuthorURL, embed: embed)
  }

  func validateFormats() throws {
    for (option, value) in [("--review-url-base", reviewURLBase), ("--review-author-url", reviewAuthorURL)] {
      if let value, value.range(of: "^https?://[^ ]+$", options: .regularExpression) == nil {
        throw ValidationError("\(option) must be an http or https address, not '\(value)'")
      }
    }
    if let format, Reporters.reporter(format) == nil {
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

  /// One report of the run: a format and where it goes.
  struct PlannedReport {
    var format: String
    var destination: ReportDestination
  }

  /// The reports of the run, every destination checked against the inputs before anything is read:
  /// standard output gets `--format` (text by default), or the one `--output FORMAT=-`.
  func plannedReports(inputs: InputList, articleExtensions: Set<String>) throws(RunError) -> [PlannedReport] {
    var reports: [PlannedReport] = []
    var seen: [String: String] = [:]
    for output in outputs {
      let parts = output.split(separator: "=", maxSplits: 1).map(String.init)
      let destination = try ReportDestination.resolve(parts[1], inputs: inputs, articleExtensions: articleExtensions)
      let key: String
      switch destination {
      case .standardOutput: key = "-"
      case .file(let path): key = ReportDestination.canonicalPath(of: path)
      }
      if let first = seen[key] {
        throw RunError("--output \(output): \(destination) is already the destination of --output \(first)")
      }
      seen[key] = output
      reports.append(PlannedReport(format: parts[0].lowercased(), destination: destination))
    }
    if let first = seen["-"] {
      if let format { throw RunError("standard output is given twice: --format \(format) and --output \(first)") }
    } else {
      reports.append(PlannedReport(format: (format ?? TextReporter.identifier).lowercased(), destination: .standardOutput))
    }
    return reports
  }

  /// Writes the reports: files first, each whole or not at all, then standard output, so that a reader
  /// that closes the pipe early (`| head -1`) cannot cost a file its report.
  func emit(_ result: CheckResult, listClaims: Bool, reports: [PlannedReport]) throws(RunError) {
    for report in reports {
      guard case .file(let path) = report.destination else { continue }
      let reporter = Reporters.reporter(report.format, options: reportOptions(color: false, listClaims: listClaims))!
      try ReportFileWriter.write(to: path) { write in produce(reporter, result, write) }
    }
    for report in reports where report.destination == .standardOutput {
      let reporter = Reporters.reporter(report.format, options: reportOptions(color: useColor, listClaims: listClaims))!
      let failure = ReportFileWriter.WriteFailure()
      produce(reporter, result) { piece in
        if failure.code == nil { failure.code = ReportFileWriter.writeAll(piece, to: STDOUT_FILENO) }
      }
      if let code = failure.code {
        throw RunError("cannot write the report to standard output: \(String(cString: strerror(code)))")
      }
    }
  }

  /// Passes a report's UTF-8 bytes to `write`. The JSON report, the largest, is written straight into bytes
  /// and handed over a piece at a time as it is made (`ReportChunk.size`): no `String` of it, and never all
  /// of it at once; the text report also goes a piece at a time.
  private func produce(_ reporter: any Reporter, _ result: CheckResult, _ write: @escaping ([UInt8]) -> Void) {
    if let json = reporter as? JSONReporter {
      json.streamReport(result, to: write)
    } else if let text = reporter as? TextReporter {
      text.streamReport(result, to: write)
    } else {
      write(Array(reporter.report(result).utf8))
    }
  }

  /// 0 clean, 1 findings, 2 rule errors or (with --strict) inputs not wholly checked: skipped, or with a
  /// rule stopped on them by a limit.
  func exitStatus(_ result: CheckResult, findingsMatter: Bool) -> Int32 {
    if result.hasRuleErrors { return 2 }
    if strict && !result.uncheckedInputs.isEmpty { return 2 }
    if strict && result.diagnostics.contains(where: { $0.category == .matching }) { return 2 }
    if findingsMatter && !result.findings.isEmpty { return 1 }
    return 0
  }
}
