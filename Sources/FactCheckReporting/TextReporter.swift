import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Compiler-style report for people: `path:line:column: error: message`, each claim quoted with its
/// figure underlined, findings grouped, and a one-line summary at the end.
///
/// Everything it quotes (articles, paths, rule files, messages built from them) reaches the terminal
/// with its control characters escaped (`String.terminalEscaped`): only the reporter's own
/// colours are sent as escape sequences.
public struct TextReporter: Reporter {
  /// The name `--format` and ``Reporters/reporter(_:options:)`` know this reporter by.
  public static let identifier = "text"
  /// One line for `--help`.
  public static let description = "compiler-style text with quotes (the default)"

  package let options: ReportOptions

  /// Creates the reporter.
  ///
  /// - Parameter options: ``ReportOptions/color`` for a terminal, ``ReportOptions/listClaims`` to list every
  ///   claim; the other options do not concern text.
  public init(options: ReportOptions = ReportOptions()) { self.options = options }

  /// The report: rule and input problems first (they say what the findings may have missed), then the
  /// findings with their quotes, then the summary line.
  ///
  /// - Parameter result: What a run produced.
  /// - Returns: The text, ending with a line break.
  public func report(_ result: CheckResult) -> String {
    var out = ""
    write(result) { out += $0 }
    return out
  }

  /// Writes the report in pieces of about `chunk` bytes handed to `emit` as it goes: the same bytes as
  /// ``report(_:)``, without ever holding the whole report (with `--list-claims` it is a few lines a claim).
  package func streamReport(_ result: CheckResult, chunk: Int = ReportChunk.size, to emit: ([UInt8]) -> Void) {
    var pending: [UInt8] = []
    pending.reserveCapacity(chunk + chunk / 4)
    write(result) { piece in
      pending.append(contentsOf: piece.utf8)
      if pending.count >= chunk {
        emit(pending)
        pending.removeAll(keepingCapacity: true)
      }
    }
    if !pending.isEmpty { emit(pending) }
  }

  /// The report's pieces, in order, to `out`.
  private func write(_ result: CheckResult, to out: (String) -> Void) {
    for problem in result.ruleProblems {
      out(line(problem.location, problem.severity, problem.message) + "\n")
    }
    for diagnostic in result.diagnostics {
      out(line(diagnostic.location, diagnostic.severity, diagnostic.message) + "\n")
      if let source = diagnostic.sourceLine, let location = diagnostic.location { out(excerpt(source, line: location.line, column: location.column, length: 1)) }
    }
    for document in result.uncheckedInputs {
      out(line(SourceLocation(path: document.path, line: 1, column: 1), .warning, "skipped: \(document.reason ?? "unknown reason")") + "\n")
    }
    let passedOver = result.passedOverCounts
    if !passedOver.isEmpty {
      // One line, not one per file: a walked directory may hold thousands of images or hidden files.
      let total = passedOver.reduce(0) { $0 + $1.count }
      let reasons = passedOver.map { "\($0.reason) (\($0.count))" }.joined(separator: ", ")
      out(line(nil, .note, "\(total) path\(total == 1 ? "" : "s") in the directories walked not checked: \(reasons); the JSON and SARIF reports list each") + "\n")
    }
    if options.listClaims {
      for claim in result.claims { out(claimLine(claim)) }
    }
    for finding in result.findings { render(finding, result, to: out) }
    out(summary(result) + "\n")
  }

  // MARK: - Pieces

  /// A finding, claim by claim: a finding of a large corpus may cite thousands of claims, and its text is not
  /// made whole before it is written (issue 15, peak memory per claim kept).
  private func render(_ finding: Finding, _ result: CheckResult, to out: (String) -> Void) {
    let first = finding.locations.first
    out(line(first, finding.severity, "\(finding.message) [\(finding.check)]") + "\n")
    for detail in finding.details { out("    " + dim(detail.terminalEscaped) + "\n") }
    if finding.claims.isEmpty {
      for (location, quote) in zip(finding.locations, finding.quotes) {
        out(line(location, nil, "here") + "\n")
        out(excerpt(quote, line: location.line, column: location.column, length: 1))
      }
    } else {
      for group in finding.groups {
        for index in group.claims {
          let claim = result.claims[index]
          let period = claim.period.description + (claim.modality == .projected ? ", projected" : "")
          out(line(claim.location, nil, "\(group.label) (\(period))") + "\n")
          out(excerpt(claim.lineExcerpt, line: claim.location.line, column: claim.lineExcerptColumn,
                      length: claim.valueText.count))
        }
      }
    }
    out("\n")
  }

  private func claimLine(_ claim: Claim) -> String {
    let entity = claim.entity ?? "—"
    let value = NumberFormatting.hedged(claim.value, hedge: claim.hedge, unit: claim.unit)
    let period = claim.period.description + (claim.modality == .projected ? ", projected" : "")
    return "\(claim.location.description.terminalEscaped): \(bold(entity.terminalEscaped)) \(claim.attribute.terminalEscaped) = "
      + "\(value) (\(period)) [\(claim.rule.terminalEscaped)]\n"
      + "    \(dim(claim.quote.replacingNewlines().terminalEscaped))\n"
  }

  private func summary(_ result: CheckResult) -> String {
    let errors = result.findings.count { $0.severity == .error }
    let warnings = result.findings.count { $0.severity == .warning }
    let notes = result.findings.count { $0.severity == .note }
    let checked = result.documents.count { $0.status == .checked }
    let skipped = result.uncheckedInputs.count
    let ruleErrors = result.ruleProblems.count { $0.severity == .error }
    var text = "\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s"), "
      + "\(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")) in \(checked) article\(checked == 1 ? "" : "s") checked"
    if skipped > 0 { text += ", \(skipped) skipped" }
    text += "; \(result.claims.count) claim\(result.claims.count == 1 ? "" : "s")"
    if ruleErrors > 0 { text += "; \(ruleErrors) rule-file error\(ruleErrors == 1 ? "" : "s")" }
    let baselined = result.suppressed.count { $0.suppression.origin == .baseline }
    let suppressed = result.suppressed.count - baselined
    if suppressed > 0 { text += "; \(suppressed) suppressed" }
    if result.baselineApplied { text += "; \(baselined) baselined" }
    var out = bold(text)
    for entry in result.staleBaselineEntries {
      out += "\n" + line(entry.location, .note, "baselined finding no longer occurs: \(entry.message) [\(entry.check)] (\(entry.fingerprint)); "
        + "write the baseline again to drop it")
    }
    return out
  }

  private func line(_ location: SourceLocation?, _ severity: Severity?, _ message: String) -> String {
    let place = location.map { bold("\($0):".terminalEscaped) + " " } ?? ""
    let message = message.terminalEscaped
    guard let severity else { return place + dim("note:") + " " + message }
    let label: String
    switch severity {
    case .error: label = color("error:", "31")
    case .warning: label = color("warning:", "33")
    case .note: label = color("note:", "36")
    }
    return place + label + " " + bold(message)
  }

  /// The source line with the figure underlined, windowed to about 100 columns around it.
  ///
  /// Characters are shown escaped where a terminal would act on them; an escape takes several columns,
  /// and a tab is copied into the underline, so the caret stays under the figure.
  private func excerpt(_ text: String, line: Int, column: Int, length: Int) -> String {
    let characters = Array(text.replacingNewlines())
    let start = max(0, column - 1 - 50)
    let end = min(characters.count, column - 1 + max(length, 1) + 50)
    guard start <= end else { return "" }
    let pieces = characters[start..<end].map(\.terminalShown)
    /// What the underline puts under the `index`th character shown: as many columns as it takes.
    func padding(_ index: Int) -> String {
      guard index < pieces.count else { return " " }
      return pieces[index] == "\t" ? "\t" : String(repeating: " ", count: pieces[index].count)
    }
    let caretIndex = max(0, column - 1 - start)
    var shown = pieces.joined()
    var lead = (0..<caretIndex).map(padding).joined()
    if start > 0 {
      shown = "…" + shown
      lead = " " + lead
    }
    if end < characters.count { shown += "…" }
    let figureWidth = (caretIndex..<(caretIndex + max(length, 1))).reduce(0) { $0 + padding($1).count }
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    let underline = lead + "^" + String(repeating: "~", count: max(0, figureWidth - 1))
    return " \(dim(gutter)) | \(shown)\n \(pad) | \(color(underline, "32"))\n"
  }

  private func color(_ text: String, _ code: String) -> String { options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  private func bold(_ text: String) -> String { options.color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  private func dim(_ text: String) -> String { options.color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

extension String {
  package func replacingNewlines() -> String { String(map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }
}
