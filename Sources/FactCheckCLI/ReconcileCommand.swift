import ArgumentParser
import FactCheck
import Foundation

/// `factcheck reconcile [STREAM…]`: the reduce half of `check`, over claim streams from `factcheck extract`.
struct ReconcileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reconcile",
    abstract: "Reconcile claim streams from 'factcheck extract' and report, as 'check' does.",
    discussion: """
      Reads claim-stream lines (version \(ClaimStream.version)) from the files given, or from standard input \
      (none, or -), and writes any report format. A stream may be reconciled in parts split by entity key \
      (--keys prints each raw entity name's key): see the README's "Claim stream" section. Exit status: 0 no \
      findings, 1 findings, 2 usage or rule errors, or a malformed line (named by file, line and column).
      """)

  @Argument(help: "Claim streams (JSON Lines); none or - reads standard input.")
  var streams: [String] = []

  @Flag(help: "Print the partition key of each entity name of the streams ('key' records) instead of reconciling.")
  var keys = false

  @OptionGroup var rules: RuleOptions
  @OptionGroup var output: RunOptions

  func validate() throws { try output.validateFormats() }

  func run() throws {
    let sources = streams.isEmpty ? ["-"] : streams
    let loader = ArticleLoader(lexicons: [:])
    let reports = try output.plannedReports(inputs: loader.inputs(sources.filter { $0 != "-" }), articleExtensions: loader.extensions)
    var reader = ClaimStreamReader()
    for source in sources {
      do {
        try StreamLines.forEach(in: source) { line, number in try reader.read(line, path: StreamLines.name(source), number: number) }
      } catch let error as ClaimStreamError {
        throw RunError(error.locatedMessage)
      }
    }
    let compiled = try rules.compiledRules()
    if keys {
      // Names are unified with the legal forms and organisation words of the rules' lexicons.
      try StreamLines.write(ClaimStream.keyLines(for: reader.contents.entityNames, library: compiled.library))
      throw ExitCode.success
    }
    let checker = FactChecker(rules: compiled, options: try output.options())
    let result = checker.reconcile(reader.takeContents())
    try output.emit(result, listClaims: false, reports: reports)
    throw ExitCode(output.exitStatus(result, findingsMatter: true))
  }
}
