/// One self-contained HTML page for editors: the findings first, most severe at the top, then every
/// checked article with each extracted claim highlighted.
///
/// Hovering or tapping a claim shows what the checker read (entity, attribute, normalised value, period,
/// modality, rule). Claims that take part in a finding are coloured by the finding's severity, and the
/// two are linked both ways: a finding lists its claims as links to `#claim-N`, a claim carries
/// superscript links to `#finding-N`. The page needs nothing but itself (style inline, no script, no
/// font, no image) and adapts to a phone and to print.
///
/// Showing the articles needs their text: run with ``FactCheckOptions/keepTexts`` so that
/// ``CheckResult/texts`` holds it. Without it, each article lists its claims instead.
///
/// Everything that comes from the articles, the rule files or the paths is escaped (``String/htmlEscaped``).
public struct HTMLReporter: Reporter {
  public static let identifier = "html"
  public static let description = "one self-contained HTML page: findings, then the articles with claims highlighted"

  let options: ReportOptions

  /// Creates the reporter.
  public init(options: ReportOptions = ReportOptions()) { self.options = options }

  /// The anchor id of the finding numbered `number` (1-based, in page order).
  static func findingAnchor(_ number: Int) -> String { "finding-\(number)" }

  public func report(_ result: CheckResult) -> String {
    let page = Page(result: result)
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="\(ToolInfo.name.htmlEscaped) \(ToolInfo.version.htmlEscaped)">
      <title>\(page.title.htmlEscaped)</title>
      <style>
      \(HTMLStyle.css)
      </style>
      </head>
      <body>
      <header id="top">
      <h1>FactCheck report</h1>
      <p class="summary">\(page.summary.htmlEscaped)</p>
      </header>

      """
    html += findingsSection(page)
    html += problemsSection(result)
    html += articlesSection(page)
    html += "</body>\n</html>\n"
    return html
  }

  // MARK: - Findings

  private func findingsSection(_ page: Page) -> String {
    var html = "<section id=\"findings\">\n<h2>Findings</h2>\n"
    guard !page.findings.isEmpty else { return html + "<p>No inconsistency found.</p>\n</section>\n" }
    html += "<ol class=\"findings\">\n"
    for (position, finding) in page.findings.enumerated() {
      let number = position + 1
      let severity = finding.severity.rawValue
      html += "<li class=\"finding sev-\(severity)\" id=\"\(HTMLReporter.findingAnchor(number))\">\n"
      html += "<h3><span class=\"badge sev-\(severity)\">\(severity)</span> <span class=\"muted\">\(number).</span> "
        + "<span class=\"message\">\(finding.message.htmlEscaped)</span> <code>\(finding.check.htmlEscaped)</code></h3>\n"
      if !finding.details.isEmpty {
        html += "<ul class=\"details\">" + finding.details.map { "<li>\($0.htmlEscaped)</li>" }.joined() + "</ul>\n"
      }
      if finding.claims.isEmpty {
        html += "<dl class=\"groups\">\n"
        for (index, location) in finding.locations.enumerated() {
          html += "<dt>\(location.description.htmlEscaped)</dt>"
          if index < finding.quotes.count {
            html += "<dd class=\"excerpt\">\(finding.quotes[index].trimmingSpaces.htmlEscaped)</dd>"
          }
          html += "\n"
        }
        html += "</dl>\n"
      } else {
        html += "<dl class=\"groups\">\n"
        for group in finding.groups {
          html += "<dt>\(group.label.htmlEscaped)</dt>\n"
          for index in group.claims where page.result.claims.indices.contains(index) {
            html += "<dd>\(claimLink(index, page.result.claims[index]))</dd>\n"
          }
        }
        html += "</dl>\n"
      }
      html += "</li>\n"
    }
    return html + "</ol>\n</section>\n"
  }

  /// `path:line:column` linking to the claim's highlight, then the figure in its sentence.
  private func claimLink(_ index: Int, _ claim: Claim) -> String {
    let place = "\(fileName(claim.document)):\(claim.location.line):\(claim.location.column)"
    let period = claim.period.description + (claim.modality == .projected ? ", projected" : "")
    return "<a href=\"#\(HTMLClaimMark.anchor(index))\" title=\"\(claim.document.htmlAttributeEscaped)\">\(place.htmlEscaped)</a> "
      + "<span class=\"muted\">(\(period.htmlEscaped))</span> <span class=\"excerpt\">\(excerpt(claim))</span>"
  }

  /// About 80 characters either side of the figure, the figure in bold.
  private func excerpt(_ claim: Claim) -> String {
    let line = Array(claim.lineExcerpt.isEmpty ? claim.quote.unicodeScalars : claim.lineExcerpt.unicodeScalars)
    let figure = claim.valueText.unicodeScalars.count
    let start = claim.lineExcerpt.isEmpty ? 0 : min(max(0, claim.lineExcerptColumn - 1), line.count)
    let end = claim.lineExcerpt.isEmpty ? 0 : min(line.count, start + figure)
    let before = line[max(0, start - 80)..<start]
    let after = line[end..<min(line.count, end + 80)]
    func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
      var string = ""
      string.unicodeScalars.append(contentsOf: scalars)
      return string.htmlEscaped
    }
    guard !claim.lineExcerpt.isEmpty else { return "“" + text(line[...]) + "”" }
    return "“" + (before.startIndex > 0 ? "…" : "") + text(before) + "<b>" + text(line[start..<end]) + "</b>" + text(after)
      + (after.endIndex < line.count ? "…" : "") + "”"
  }

  // MARK: - Problems

  private func problemsSection(_ result: CheckResult) -> String {
    var items: [String] = []
    for diagnostic in result.ruleProblems.map(\.diagnostic) + result.diagnostics {
      let place = diagnostic.location.map { "<code>\($0.description.htmlEscaped)</code> " } ?? ""
      items.append("<li>\(place)<span class=\"badge sev-\(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span> "
        + "\(diagnostic.message.htmlEscaped)</li>")
    }
    for document in result.skippedDocuments {
      items.append("<li><code>\(document.path.htmlEscaped)</code> <span class=\"badge sev-warning\">skipped</span> "
        + "\((document.reason ?? "unknown reason").htmlEscaped)</li>")
    }
    guard !items.isEmpty else { return "" }
    return "<section id=\"problems\">\n<h2>Problems</h2>\n<ul class=\"problems\">\n" + items.joined(separator: "\n")
      + "\n</ul>\n</section>\n"
  }

  // MARK: - Articles

  private func articlesSection(_ page: Page) -> String {
    let checked = page.result.documents.filter { $0.status == .checked }
    guard !checked.isEmpty else { return "" }
    var html = "<nav class=\"toc\" id=\"articles\">\n<h2>Articles</h2>\n<ul>\n"
    for (position, document) in checked.enumerated() {
      let count = page.claimsByDocument[document.path]?.count ?? 0
      html += "<li><a href=\"#doc-\(position + 1)\">\((document.title ?? fileName(document.path)).htmlEscaped)</a> "
        + "<span class=\"muted\">\(count) claim\(count == 1 ? "" : "s")</span></li>\n"
    }
    html += "</ul>\n</nav>\n"
    for (position, document) in checked.enumerated() {
      html += article(document, id: "doc-\(position + 1)", page: page)
    }
    return html
  }

  private func article(_ document: DocumentReport, id: String, page: Page) -> String {
    var html = "<section class=\"article\" id=\"\(id)\">\n"
    html += "<h2>\((document.title ?? fileName(document.path)).htmlEscaped)</h2>\n"
    var meta = ["<code>\(document.path.htmlEscaped)</code>"]
    if let source = document.source { meta.append(source.htmlEscaped) }
    if let published = document.published { meta.append("published \(published.description.htmlEscaped)") }
    if let language = document.language { meta.append(language.htmlEscaped) }
    if let subject = document.subject { meta.append("about \(subject.htmlEscaped)") }
    meta.append("\(document.claimCount) claim\(document.claimCount == 1 ? "" : "s")")
    html += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
    let marks = (page.claimsByDocument[document.path] ?? []).map { page.mark($0) }
    if let text = page.result.texts[document.path] {
      html += "<div class=\"text\">\(HTMLArticleText(text: text, marks: marks).html)</div>\n"
    } else {
      html += "<p class=\"muted\">The article’s text was not kept for this report; its claims:</p>\n"
      html += "<table class=\"claims\"><tr><th>where</th><th>claim</th><th>quote</th></tr>\n"
      for mark in marks {
        let place = "\(mark.claim.location.line):\(mark.claim.location.column)"
        let entity = (mark.claim.entity ?? "—") + " " + mark.claim.attribute
        html += "<tr><td>\(mark.open(sharingWith: []))\(place.htmlEscaped)\(mark.close(sharingWith: []))</td>"
          + "<td>\(entity.htmlEscaped)</td><td>\(mark.claim.quote.htmlEscaped)</td></tr>\n"
      }
      html += "</table>\n"
    }
    return html + "<p class=\"top\"><a href=\"#top\">↑ findings</a></p>\n</section>\n"
  }

  private func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

  // MARK: - Page data

  /// Look-ups the page needs: the findings in display order and, for each claim, the findings citing it.
  private struct Page {
    let result: CheckResult
    /// Most severe first; the result's order within a severity.
    let findings: [Finding]
    let claimsByDocument: [String: [Int]]
    let references: [Int: [HTMLClaimMark.Reference]]

    init(result: CheckResult) {
      self.result = result
      findings = result.findings.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
        .map(\.element)
      var byDocument: [String: [Int]] = [:]
      for (index, claim) in result.claims.enumerated() { byDocument[claim.document, default: []].append(index) }
      claimsByDocument = byDocument
      var references: [Int: [HTMLClaimMark.Reference]] = [:]
      for (position, finding) in findings.enumerated() {
        let reference = HTMLClaimMark.Reference(number: position + 1, severity: finding.severity, message: finding.message)
        for index in Set(finding.claims) { references[index, default: []].append(reference) }
      }
      self.references = references
    }

    func mark(_ index: Int) -> HTMLClaimMark {
      HTMLClaimMark(index: index, claim: result.claims[index], references: references[index] ?? [])
    }

    var title: String {
      let count = result.findings.count
      return "FactCheck — \(count) finding\(count == 1 ? "" : "s")"
    }

    var summary: String {
      func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
      func count(_ severity: Severity) -> Int { result.findings.filter { $0.severity == severity }.count }
      let checked = result.documents.filter { $0.status == .checked }.count
      var text = "\(counted(result.findings.count, "finding")) (\(counted(count(.error), "error")), "
        + "\(counted(count(.warning), "warning")), \(counted(count(.note), "note"))) in \(counted(checked, "article")); "
        + counted(result.claims.count, "claim")
      if !result.skippedDocuments.isEmpty { text += "; \(result.skippedDocuments.count) skipped" }
      return text
    }
  }
}

extension String {
  /// Without leading and trailing spaces and tabs (a quoted line's indentation).
  fileprivate var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
    return String(scalars)
  }
}
