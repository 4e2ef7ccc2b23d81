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
  ///
  /// The store is consumed for its name tally: only the spelling check reads it, and the tally is let go
  /// as soon as that check is done, before the conflict check has made most of its findings. Kept to the
  /// end, it was part of a large run's peak memory (issue 15: about 55 bytes a claim kept on generated
  /// articles), beside every claim and every finding.
  package static func findings(in store: consuming ClaimStore, jobs: Int = 1) -> [Finding] {
    var checks: [any ConsistencyCheck] = [ConflictingValuesCheck(), NameSpellingCheck()]
    for check in store.library.checks {
      switch check.kind {
      case .percentChange: checks.append(PercentChangeCheck(check: check))
      case .sameAmountTwoCurrencies: checks.append(SameAmountInTwoCurrenciesCheck(check: check))
      }
    }
    let spelling = 1
    let tally = Mutex<NameTally?>(store.takeNames())
    let read = store
    let all = checks
    @Sendable func findings(of index: Int) -> [Finding] {
      guard index == spelling else { return all[index].findings(in: read) }
      // Taken out under the lock, so the tally is released when this call returns.
      guard let names = tally.withLock({ held -> NameTally? in
        var taken: NameTally? = nil
        swap(&taken, &held)
        return taken
      }) else { return [] }
      return NameSpellingCheck().findings(in: names, library: read.library)
    }
    var found: [[Finding]]
    if jobs > 1 && checks.count > 1 {
      // The conflict check (the first, and the dearest) on one thread, the others shared by the rest, the
      // spelling check first among them.
      let lanes = min(jobs, checks.count)
      let gathered = Mutex([[Finding]](repeating: [], count: checks.count))
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        let mine = lane == 0 ? [0] : Array(stride(from: lane, to: all.count, by: lanes - 1))
        for index in mine {
          let these = findings(of: index)
          gathered.withLock { $0[index] = these }
        }
      }
      found = gathered.withLock { $0 }
    } else {
      // In turn: the spelling check first (its tally then goes), the conflict check last, so that the
      // others' working memory is gone before it makes the run's most findings.
      found = [[Finding]](repeating: [], count: checks.count)
      for index in [spelling] + checks.indices.filter({ $0 != spelling && $0 != 0 }) + [0] { found[index] = findings(of: index) }
    }
    // The conflict check's findings (the first, and most of them) take the others in, and are then put in
    // order in place, through their sorted indices: a new array of them all, or a sorted copy, or the merge
    // buffer of sorting the findings themselves, was a second copy at the run's peak (issue 15).
    var ordered = found[0]
    found[0] = []
    ordered.reserveCapacity(found.reduce(ordered.count) { $0 + $1.count })
    for index in found.indices.dropFirst() {
      ordered.append(contentsOf: found[index])
      found[index] = []
    }
    var order = Array(ordered.indices)
    ordered.withUnsafeBufferPointer { findings in
      // Ties keep the checks' order, as a stable sort of the findings kept it.
      order.sort { i, j in
        let (a, b) = (findings[i], findings[j])
        if a.severity != b.severity { return a.severity > b.severity }
        let la = a.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
        let lb = b.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
        if la != lb { return la < lb }
        if a.id != b.id { return a.id < b.id }
        return i < j
      }
    }
    ordered.arrange(order)
    return ordered
  }
}
