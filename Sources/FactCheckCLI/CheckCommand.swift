import ArgumentParser
import FactCheck
import FactCheckArchive
import Foundation

/// `factcheck check [PATH…]`: extract, reconcile, report.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check articles for inconsistent figures (the default command).",
    discussion: "With no PATH, checks the bundled Examples/ with the bundled rules. Exit status: 0 no findings, 1 findings, 2 usage or rule errors (or, with --strict, skipped inputs and rules stopped by a limit).")

  @Argument(help: "Articles or directories of articles (.md, .txt).")
  var paths: [String] = []

  @OptionGroup var rules: RuleOptions
  @OptionGroup var output: RunOptions
  @OptionGroup var baselineOptions: BaselineOptions

  @Option(help: ArgumentHelp("Check the articles (drafts) against the claims of this archive (see 'factcheck archive'); with no PATH, reconcile the whole archive.", valueName: "PATH"))
  var archive: String?

  @Flag(help: "With --archive: add the checked drafts to the archive afterwards.")
  var add = false

  func validate() throws {
    try output.validateFormats()
    if add && archive == nil { throw ValidationError("--add needs --archive PATH") }
    if add && paths.isEmpty { throw ValidationError("--add needs the drafts to add") }
  }

  func run() throws {
    if let archive { try runAgainstArchive(archive) }
    var inputs = paths
    if inputs.isEmpty {
      guard let examples = BundledPaths.examples else { throw ValidationError("no PATH given and no bundled Examples/ found") }
      inputs = [examples]
    }
    let loader = ArticleLoader(lexicons: [:])
    let files = CommandLinePaths.files(inputs)
    let reports = try output.plannedReports(inputs: loader.inputs(files), articleExtensions: loader.extensions)
    let baselineDestination = try baselineOptions.checkDestination(
      inputs: loader.inputs(files), articleExtensions: loader.extensions, reports: reports)
    let baseline = try baselineOptions.load()
    let compiled = try rules.compiledRules()
    let checker = FactChecker(rules: compiled, options: try output.options())
    let result = try baselineOptions.process(checker.check(files: files), baseline: baseline, writingTo: baselineDestination)
    try output.emit(result, listClaims: false, reports: reports)
    throw ExitCode(baselineOptions.exitStatus(output.exitStatus(result, findingsMatter: true), result))
  }
}

extension CheckCommand {
  /// `check DRAFT… --archive PATH`: the drafts reconciled with the archive's claims (`--add` stores them
  /// afterwards); with no draft, the whole archive reconciled.
  func runAgainstArchive(_ archivePath: String) throws -> Never {
    let loader = ArticleLoader(lexicons: [:])
    let files = CommandLinePaths.files(paths)
    let reports = try output.plannedReports(inputs: loader.inputs(files), articleExtensions: loader.extensions)
    let archiveKey = ReportDestination.canonicalPath(of: archivePath)
    for report in reports {
      if case .file(let path) = report.destination, ReportDestination.canonicalPath(of: path) == archiveKey {
        throw RunError("cannot write a report to \(path): it is the archive")
      }
    }
    let baselineDestination = try baselineOptions.checkDestination(
      inputs: loader.inputs(files), articleExtensions: loader.extensions, reports: reports, archive: archivePath)
    let baseline = try baselineOptions.load()
    let compiled = try rules.compiledRules()
    let checker = FactChecker(rules: compiled, options: try output.options())
    var result: CheckResult
    do {
      // Read-only for the check; --add opens it for writing (and verifies its pages) before anything is read.
      let writable = add ? try ClaimArchive(path: archivePath) : nil
      let opened = try ClaimArchive(path: archivePath, readOnly: true)
      result = try opened.check(drafts: paths.isEmpty ? nil : checker.extract(files: files), checker: checker)
      result = try baselineOptions.process(result, baseline: baseline, writingTo: baselineDestination)
      try output.emit(result, listClaims: false, reports: reports)
      if let writable {
        // As `archive add`: claims read by broken rules are not stored. The report above lists the errors.
        if let problem = compiled.problems.first(where: { $0.severity == .error }) {
          throw RunError("the rules have errors, so the drafts were not added to the archive (first: \(problem.description))")
        }
        _ = try writable.add(files: files, checker: checker)
      }
    } catch let error as ArchiveError {
      throw RunError(error.description)
    }
    throw ExitCode(baselineOptions.exitStatus(output.exitStatus(result, findingsMatter: true), result))
  }
}

/// `factcheck claims PATH…`: list the claims, without reconciling.
struct ClaimsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claims", abstract: "List the claims extracted from articles.")

  @Argument(help: "Articles or directories of articles.")
  var paths: [String] = []

  @OptionGroup var rules: RuleOptions
  @OptionGroup var output: RunOptions

  func validate() throws { try output.validateFormats() }

  func run() throws {
    var inputs = paths
    if inputs.isEmpty {
      guard let examples = BundledPaths.examples else { throw ValidationError("no PATH given and no bundled Examples/ found") }
      inputs = [examples]
    }
    let loader = ArticleLoader(lexicons: [:])
    let files = CommandLinePaths.files(inputs)
    let reports = try output.plannedReports(inputs: loader.inputs(files), articleExtensions: loader.extensions)
    let compiled = try rules.compiledRules()
    let checker = FactChecker(rules: compiled, options: try output.options())
    let extraction = checker.extract(files: files)
    let result = checker.collect(extraction)
    try output.emit(result, listClaims: true, reports: reports)
    throw ExitCode(output.exitStatus(result, findingsMatter: false))
  }
}
