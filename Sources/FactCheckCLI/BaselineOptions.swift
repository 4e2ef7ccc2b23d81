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

  /// Where `--write-baseline` writes, checked before anything is read as a report path is: not an input of
  /// the run, not standard output, not the destination of a report, not the archive (`archive`, when the run
  /// has one). A symbolic link resolves to its target, which is written through (the link stays a link).
  /// `nil` without `--write-baseline`.
  func checkDestination(
    inputs: InputList, articleExtensions: Set<String>, reports: [RunOptions.PlannedReport], archive: String? = nil
  ) throws(RunError) -> String? {
    guard let writeBaseline else { return nil }
    guard case .file(let target) = try ReportDestination.resolve(writeBaseline, inputs: inputs, articleExtensions: articleExtensions) else {
      throw RunError("--write-baseline needs a file, not standard output")
    }
    let key = ReportDestination.canonicalPath(of: target)
    for report in reports {
      if case .file(let path) = report.destination, ReportDestination.canonicalPath(of: path) == key {
        throw RunError("cannot write the baseline to \(writeBaseline): it is also the destination of the \(report.format) report")
      }
    }
    if let archive, ReportDestination.canonicalPath(of: archive) == key {
      throw RunError("cannot write the baseline to \(writeBaseline): it is the archive")
    }
    return target
  }

  /// Writes the baseline to `destination` (from ``checkDestination(inputs:articleExtensions:reports:archive:)``)
  /// when there is one, then applies the baseline given.
  func process(_ result: CheckResult, baseline: Baseline?, writingTo destination: String?) throws(RunError) -> CheckResult {
    if let destination { try ReportFileWriter.write(Baseline(result: result).serialized(), to: destination) }
    return baseline?.apply(to: result) ?? result
  }

  /// `status` raised to 1 when `--strict-baseline` finds stale entries.
  func exitStatus(_ status: Int32, _ result: CheckResult) -> Int32 {
    strictBaseline && status == 0 && !result.staleBaselineEntries.isEmpty ? 1 : status
  }
}
