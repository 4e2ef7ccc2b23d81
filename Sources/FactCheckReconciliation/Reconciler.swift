import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation
import Dispatch
import Synchronization

/// Runs every consistency check over a claim store and orders the findings: most severe first, then by
/// where they point.
package enum Reconciler {
  /// The findings for `store`, its checks run on up to `jobs` threads.
  ///
  /// The checks only read the store, and each makes its own findings, so they run side by side: reconciling
  /// is the one stage a run does not split by article, and the conflict check alone takes about as long as
  /// the others together (issue 15: two cores). The findings are gathered in the checks' order and then
  /// sorted, so a report is the same whatever `jobs` is.
  package static func findings(in store: ClaimStore, jobs: Int = 1) -> [Finding] {
    var checks: [any ConsistencyCheck] = [ConflictingValuesCheck(), NameSpellingCheck()]
    for check in store.library.checks {
      switch check.kind {
      case .percentChange: checks.append(PercentChangeCheck(check: check))
      case .sameAmountTwoCurrencies: checks.append(SameAmountInTwoCurrenciesCheck(check: check))
      }
    }
    let findings: [Finding]
    if jobs > 1 && checks.count > 1 {
      // The conflict check (the first, and the dearest) on one thread, the others shared by the rest.
      let lanes = min(jobs, checks.count)
      let found = Mutex([[Finding]](repeating: [], count: checks.count))
      let all = checks
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        let mine = lane == 0 ? [0] : Array(stride(from: lane, to: all.count, by: lanes - 1))
        for index in mine {
          let these = all[index].findings(in: store)
          found.withLock { $0[index] = these }
        }
      }
      findings = found.withLock { $0 }.flatMap { $0 }
    } else {
      findings = checks.flatMap { $0.findings(in: store) }
    }
    return findings.sorted { a, b in
      if a.severity != b.severity { return a.severity > b.severity }
      let la = a.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
      let lb = b.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
      if la != lb { return la < lb }
      return a.id < b.id
    }
  }
}
