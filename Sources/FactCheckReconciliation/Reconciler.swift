import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// Runs every consistency check over a claim store and orders the findings: most severe first, then by
/// where they point.
package enum Reconciler {
  /// The findings for `store`.
  package static func findings(in store: ClaimStore) -> [Finding] {
    var checks: [any ConsistencyCheck] = [ConflictingValuesCheck(), NameSpellingCheck()]
    for check in store.library.checks {
      switch check.kind {
      case .percentChange: checks.append(PercentChangeCheck(check: check))
      case .sameAmountTwoCurrencies: checks.append(SameAmountInTwoCurrenciesCheck(check: check))
      }
    }
    let findings = checks.flatMap { $0.findings(in: store) }
    return findings.sorted { a, b in
      if a.severity != b.severity { return a.severity > b.severity }
      let la = a.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
      let lb = b.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
      if la != lb { return la < lb }
      return a.id < b.id
    }
  }
}
