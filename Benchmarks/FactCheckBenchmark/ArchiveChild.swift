import FactCheck
import FactCheckArchive
import Foundation

/// `FactCheckBenchmark run-archive add|reconcile --rules DIR --archive FILE [--corpus PATH] --jobs N --result FILE`
///
/// One claim-archive step in a process of its own, so that its peak memory is its own: `add` adds the
/// corpus to the archive (a second `add` finds every article unchanged); `reconcile` reconciles the whole
/// archive entity by entity, counting the findings and dropping them (what `check --archive` does before it
/// gathers them for a report).
enum ArchiveChild {
  static func main(_ arguments: [String]) -> Int32 {
    guard let step = arguments.first else { return usage() }
    var options: [String: String] = [:]
    var index = 1
    while index + 1 < arguments.count {
      options[arguments[index]] = arguments[index + 1]
      index += 2
    }
    guard let archivePath = options["--archive"], let result = options["--result"] else { return usage() }
    let rules = CompiledRuleSet.load([options["--rules"] ?? "Rules"])
    let jobs = Int(options["--jobs"] ?? "1") ?? 1
    let checker = FactChecker(rules: rules, options: FactCheckOptions(jobs: jobs))
    var report: [String: Any] = ["step": step, "jobs": jobs]
    do {
      let start = Clock.now()
      switch step {
      case "add":
        guard let corpus = options["--corpus"] else { return usage() }
        let archive = try ClaimArchive(path: archivePath, create: true)
        let added = try archive.add(paths: [corpus], checker: checker)
        report["added"] = added.added.count
        report["unchanged"] = added.unchanged
        report["claims"] = added.claims
      case "reconcile":
        let archive = try ClaimArchive(path: archivePath, readOnly: true)
        var findings = 0
        var cited = 0
        let claims = try archive.reconcile(drafts: nil, checker: checker) { batch in
          findings += batch.findings.count
          cited += batch.claims.count
        }
        report["claims"] = claims
        report["findings"] = findings
        report["cited_claims"] = cited
      default:
        return usage()
      }
      report["seconds"] = Clock.now() - start
      if let peak = PeakMemory.ownPeakBytes() { report["peak_bytes"] = peak }
      let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
      try data.write(to: URL(fileURLWithPath: result))
    } catch {
      FileHandle.standardError.write(Data("run-archive \(step): \(error)\n".utf8))
      return 1
    }
    return 0
  }

  private static func usage() -> Int32 {
    FileHandle.standardError.write(Data("usage: FactCheckBenchmark run-archive add|reconcile --rules DIR --archive FILE [--corpus PATH] --jobs N --result FILE\n".utf8))
    return 2
  }
}

/// The claim archive's figures on one corpus (method f).
struct ArchiveFigures {
  /// First `archive add` of the corpus: wall seconds and peak memory.
  var firstAddSeconds = 0.0
  var firstAddPeak = 0
  /// Second `archive add` of the unchanged corpus.
  var secondAddSeconds = 0.0
  /// Reconciling the whole archive, entity by entity.
  var reconcileSeconds = 0.0
  var reconcilePeak = 0
  var claims = 0
  var findings = 0
  var archiveBytes: Int64 = 0

  var json: [String: Any] {
    ["first_add_seconds": firstAddSeconds, "first_add_peak_mib": Double(firstAddPeak) / 1_048_576,
     "second_add_seconds": secondAddSeconds, "reconcile_seconds": reconcileSeconds,
     "reconcile_peak_mib": Double(reconcilePeak) / 1_048_576, "claims": claims, "findings": findings,
     "archive_mb": Double(archiveBytes) / 1e6]
  }
}
