import ArgumentParser
import FactCheck
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
    let result = checker.check(files: files)
    try output.emit(result, listClaims: false, reports: reports)
    throw ExitCode(output.exitStatus(result, findingsMatter: true))
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
