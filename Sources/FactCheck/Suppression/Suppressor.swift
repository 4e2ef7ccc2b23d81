/// Takes the suppressed findings out of a result: they move to ``CheckResult/suppressed``, and each
/// suppression that silenced nothing becomes a note.
package enum Suppressor {
  /// `result` with every finding one of `suppressions` matches moved to ``CheckResult/suppressed``.
  ///
  /// Suppressions are tried in order (the article's own comments first, then rule layers, then the
  /// baseline); a finding is recorded with the first that matches. An unused in-source or rule-file
  /// suppression is reported as a note at its place; unused baseline entries are
  /// ``CheckResult/staleBaselineEntries``, which ``Baseline/apply(to:)`` fills.
  package static func apply(_ suppressions: [Suppression], to result: CheckResult) -> CheckResult {
    guard !suppressions.isEmpty else { return result }
    var result = result
    var used = Set<Int>()
    var kept: [Finding] = []
    for finding in result.findings {
      if let index = suppressions.firstIndex(where: { $0.matches(finding, claims: result.claims) }) {
        used.insert(index)
        result.suppressed.append(SuppressedFinding(finding: finding, suppression: suppressions[index]))
      } else {
        kept.append(finding)
      }
    }
    result.findings = kept
    for (index, suppression) in suppressions.enumerated() where !used.contains(index) && suppression.origin != .baseline {
      let place: String
      switch suppression.scope {
      case .lines: place = " in the text it covers"
      case .document: place = " in this article"
      case .everywhere: place = ""
      }
      result.diagnostics.append(Diagnostic(
        severity: .note, category: suppression.origin == .ruleFile ? .rules : .input, location: suppression.location,
        message: "unused suppression: no finding of \(suppression.label)\(place); remove it"))
    }
    return result
  }
}
