import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// One claim as the HTML report highlights it: a `<mark>` with an anchor (`#claim-N`), one tooltip with what
/// the checker read (the page's own, opened on hover and focus; no `title` attribute, so the browser does
/// not show a second one), a severity class when the claim is part of a finding, and links to those findings.
package struct HTMLClaimMark {
  /// A finding the claim is part of, as the page numbers it.
  package struct Reference {
    /// 1-based position in the page's list of findings (anchor `#finding-N`).
    package var number: Int
    package var severity: Severity
    package var message: String
  }

  /// Index into ``CheckResult/claims``; the anchor is `claim-<index>`.
  package var index: Int
  package var claim: Claim
  /// The findings citing the claim, most severe first.
  package var references: [Reference]

  /// The anchor id.
  package static func anchor(_ index: Int) -> String { "claim-\(index)" }

  /// The severity of the worst finding citing the claim, or `nil` when none does.
  package var severity: Severity? { references.map(\.severity).max() }

  /// `claim` plus `sev-…` when the claim is part of a finding.
  package var cssClass: String { severity.map { "claim sev-\($0.rawValue)" } ?? "claim" }

  /// What the checker read, one fact a line, for the tooltip; the period in words (``Period/inWords``).
  package var facts: [(label: String, value: String)] {
    var facts: [(String, String)] = [
      ("entity", claim.entity ?? "—"),
      ("attribute", claim.attribute + (claim.scope.map { " (\($0))" } ?? "")),
      ("value", NumberFormatting.hedged(claim.value, hedge: claim.hedge, unit: claim.unit)),
      ("period", claim.period.inWords),
      ("modality", claim.modality.rawValue),
      ("rule", claim.rule),
    ]
    for note in claim.notes { facts.append(("note", note)) }
    for reference in references { facts.append(("finding \(reference.number)", reference.message)) }
    return facts
  }

  /// The opening tag; further claims sharing the highlighted text get empty anchors inside it.
  package func open(sharingWith others: [HTMLClaimMark]) -> String {
    var html = "<mark id=\"\(HTMLClaimMark.anchor(index))\" class=\"\(cssClass)\" tabindex=\"0\">"
    for other in others { html += "<span id=\"\(HTMLClaimMark.anchor(other.index))\"></span>" }
    return html
  }

  /// The tooltip, the closing tag and the links to the findings, for this claim and those sharing its text.
  package func close(sharingWith others: [HTMLClaimMark]) -> String {
    let all = [self] + others
    var tip = ""
    for (position, mark) in all.enumerated() {
      if position > 0 { tip += "<span class=\"sep\"></span>" }
      tip += mark.facts.map { "<b>\($0.label.htmlEscaped)</b> \($0.value.htmlEscaped)" }.joined(separator: "<br>")
    }
    var html = "<span class=\"tip\" role=\"tooltip\">\(tip)</span></mark>"
    var numbers: [Int] = []
    for reference in all.flatMap(\.references) where !numbers.contains(reference.number) { numbers.append(reference.number) }
    if !numbers.isEmpty {
      html += "<sup class=\"refs\">"
      html += numbers.map { "<a href=\"#\(HTMLReporter.findingAnchor($0))\" title=\"finding \($0)\">\($0)</a>" }
        .joined(separator: " ")
      html += "</sup>"
    }
    return html
  }
}
