import FactCheck
import Foundation

/// `FactCheckBenchmark run-pipeline --rules DIR --corpus PATH --jobs N --result FILE`
///
/// Runs the full pipeline (`FactChecker.check` = `reconcile(extract(paths:))`: read, extract, normalise,
/// reconcile) once, in a process of
/// its own so that the parent can read this process's peak memory alone. Writes its timings as JSON.
enum PipelineChild {
  static func main(_ arguments: [String]) -> Int32 {
    var options: [String: String] = [:]
    var index = 0
    while index + 1 < arguments.count {
      options[arguments[index]] = arguments[index + 1]
      index += 2
    }
    guard let corpus = options["--corpus"], let result = options["--result"] else {
      FileHandle.standardError.write(Data("usage: FactCheckBenchmark run-pipeline --rules DIR --corpus PATH --jobs N --result FILE\n".utf8))
      return 2
    }
    let rulesPath = options["--rules"] ?? "Rules"
    let jobs = Int(options["--jobs"] ?? "1") ?? 1

    let loadStart = Clock.now()
    let rules = CompiledRuleSet.load([rulesPath])
    let loadSeconds = Clock.now() - loadStart
    let checker = FactChecker(rules: rules, options: FactCheckOptions(jobs: jobs))

    // check(paths:) is reconcile(extract(paths:)); the two phases are timed apart.
    let start = Clock.now()
    let extraction = checker.extract(paths: [corpus])
    let extracted = Clock.now()
    let checked = checker.reconcile(extraction)
    let seconds = Clock.now() - start
    let reconcileSeconds = Clock.now() - extracted

    let skipped = checked.documents.filter { $0.status == .skipped }.count
    var report: [String: Any] = [
      "seconds": seconds,
      "extract_seconds": seconds - reconcileSeconds,
      "reconcile_seconds": reconcileSeconds,
      "rule_load_seconds": loadSeconds,
      "documents": checked.documents.count,
      "skipped": skipped,
      "claims": checked.claims.count,
      "findings": checked.findings.count,
      "diagnostics": checked.diagnostics.count,
      "jobs": jobs,
    ]
    if let peak = PeakMemory.ownPeakBytes() { report["peak_bytes"] = peak }
    do {
      let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
      try data.write(to: URL(fileURLWithPath: result))
    } catch {
      FileHandle.standardError.write(Data("cannot write \(result): \(error)\n".utf8))
      return 1
    }
    return 0
  }
}
