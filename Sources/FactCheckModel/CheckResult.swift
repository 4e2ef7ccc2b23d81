/// Everything a run produced, in the order reporters show it. Reporters format this; they compute nothing.
///
/// Findings refer to claims by index into ``claims`` rather than holding copies, so a result with many
/// findings on one claim stays small and every reporter shows the same claim the same way. The result is a
/// value: filter or trim it before handing it to a ``Reporter``.
public struct CheckResult: Sendable {
  /// One entry per input path: checked or skipped, and why.
  public var documents: [DocumentReport]
  /// Every claim, sorted by document, line and column; findings refer to claims by index.
  public var claims: ClaimList
  /// Inconsistencies, most severe first, then by location.
  public var findings: [Finding]
  /// Problems met in articles and while matching.
  public var diagnostics: [Diagnostic]
  /// Problems in rule files (errors, warnings, notes).
  public var ruleProblems: [RuleFileError]
  /// The rules that ran, for reporters that list them (SARIF).
  public var rules: [RuleSummary]
  /// Full text of each checked article, by document path, for reporters that show the articles (HTML).
  ///
  /// Empty unless the run was asked to keep texts (``FactCheckOptions/keepTexts``): texts are the bulk of a
  /// run's memory, and most reporters only need the quotes claims already carry. A claim's
  /// ``Claim/valueRange`` and ``Claim/matchRange`` are UTF-8 byte ranges into its document's text.
  public var texts: [String: String]
  /// Findings a suppression took out of ``findings`` (an article's `factcheck-ignore` comment, a rule
  /// layer's `suppress:` entry, the baseline): kept for the reports that record everything (JSON, SARIF),
  /// never counted in the exit status.
  public var suppressed: [SuppressedFinding] = []
  /// Entries of the baseline in use that no finding matched any more (`--strict-baseline` fails on them).
  public var staleBaselineEntries: [Baseline.Entry] = []
  /// Whether a baseline was applied (``Baseline/apply(to:)``).
  public var baselineApplied = false

  /// Creates a result.
  package init(documents: [DocumentReport] = [], claims: ClaimList = [], findings: [Finding] = [], diagnostics: [Diagnostic] = [],
              ruleProblems: [RuleFileError] = [], rules: [RuleSummary] = [], texts: [String: String] = [:]) {
    self.documents = documents
    self.claims = claims
    self.findings = findings
    self.diagnostics = diagnostics
    self.ruleProblems = ruleProblems
    self.rules = rules
    self.texts = texts
  }

  /// Whether any rule file has an error: the command line then exits with status 2, since a check with
  /// broken rules may have missed findings.
  public var hasRuleErrors: Bool { ruleProblems.contains { $0.severity == .error } }
  /// Inputs that were not checked, including what directory walks passed over.
  public var skippedDocuments: [DocumentReport] { documents.filter { $0.status == .skipped } }
  /// Inputs that could not be checked: skipped, and not merely passed over by a directory walk.
  public var uncheckedInputs: [DocumentReport] { documents.filter { $0.status == .skipped && !$0.isPassedOver } }
  /// What directory walks passed over (hidden entries, other extensions, links back into the walk), counted
  /// by reason, most frequent first.
  package var passedOverCounts: [(reason: String, count: Int)] {
    var counts: [String: Int] = [:]
    for document in documents where document.isPassedOver { counts[document.reason ?? "unknown reason", default: 0] += 1 }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}

/// A rule or check as reporters list it.
///
/// SARIF wants every rule a result can cite described up front, including checks that found nothing, so the
/// result carries a summary of every rule and check that ran.
public struct RuleSummary: Sendable, Hashable {
  /// The id findings cite in ``Finding/check`` (`conflict/employees`, `workforce-reduction-vs-headcount`) or a claim
  /// rule's id (``Claim/rule``).
  public var id: String
  /// One sentence saying what the rule extracts or what the check finds.
  public var description: String
  /// Default severity of its findings.
  public var severity: Severity
  /// Where it is defined, so that a report can link a finding to the rule file to edit; `nil` for checks
  /// built into the checker (`spelling`).
  public var location: SourceLocation?

  /// Creates a summary.
  package init(id: String, description: String, severity: Severity, location: SourceLocation?) {
    self.id = id
    self.description = description
    self.severity = severity
    self.location = location
  }
}
