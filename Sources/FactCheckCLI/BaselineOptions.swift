import ArgumentParser
import FactCheck
import Foundation

/// `--baseline FILE`, `--write-baseline FILE`, `--strict-baseline`: accepted findings recorded once and
/// left out of later runs.
struct BaselineOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Report only findings this baseline does not list (written by --write-baseline); say how many it held back.", valueName: "FILE"))
  var baseline: String?

  @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record this run's findings in FILE as accepted (fingerprints without line numbers).", valueName: "FILE"))
  var writeBaseline: String?

  @Flag(help: "With --baseline: also exit 1 when a baselined finding no longer occurs (the baseline needs writing again).")
  var strictBaseline = false

  func validate() throws {
    if strictBaseline && baseline == nil { throw ValidationError("--strict-baseline needs --baseline FILE") }
  }

  /// The baseline given, read before any article is: a malformed file stops the run with its line and column.
  func load() throws(RunError) -> Baseline? {
    guard let baseline else { return nil }
    do {
      return try Baseline.load(path: baseline)
    } catch {
      throw RunError(error.description)
    }
  }

  /// Refuses a `--write-baseline` path that is an input of the run, as a report path would be.
  func checkDestination(inputs: InputList, articleExtensions: Set<String>) throws(RunError) {
    guard let writeBaseline else { return }
    if case .standardOutput = try ReportDestination.resolve(writeBaseline, inputs: inputs, articleExtensions: articleExtensions) {
      throw RunError("--write-baseline needs a file, not standard output")
    }
  }

  /// Writes the baseline when asked, then applies the one given.
  func process(_ result: CheckResult, baseline: Baseline?) throws(RunError) -> CheckResult {
    if let writeBaseline { try ReportFileWriter.write(Baseline(result: result).serialized(), to: writeBaseline) }
    return baseline?.apply(to: result) ?? result
  }

  /// `status` raised to 1 when `--strict-baseline` finds stale entries.
  func exitStatus(_ status: Int32, _ result: CheckResult) -> Int32 {
    strictBaseline && status == 0 && !result.staleBaselineEntries.isEmpty ? 1 : status
  }
}
