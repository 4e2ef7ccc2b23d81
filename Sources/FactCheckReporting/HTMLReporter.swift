import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// One self-contained HTML page for editors: the findings first, most severe at the top, then every
/// checked article with each extracted claim highlighted.
///
/// Each article opens with a header made of its front matter (title, outlet, date, author) rather than the
/// raw block, and its Markdown is rendered: headings, paragraphs, lists, quotes, tables, emphasis. Each
/// article carries its own `lang`, so a browser hyphenates, speaks and translates French as French.
/// Hovering or tapping a claim shows one tooltip with what the checker read (entity, attribute,
/// normalised value, period in words, modality, rule). Claims that take part in a finding are coloured by
/// the finding's severity, and the two are linked both ways: a finding lists its claims as links to
/// `#claim-N`, each with its sentence cut between words; a claim carries superscript links to
/// `#finding-N`. The page needs nothing but itself (style inline, no script, no font, no image) and adapts
/// to a phone and to print.
///
/// The articles' text comes from ``CheckResult/texts`` when the run kept it
/// (``FactCheckOptions/keepTexts``); otherwise each article is read again from its path, and
/// used only if every claim's figure is still where the run found it. An article that cannot be read again
/// (checked from memory, since changed or removed) lists its claims instead.
///
/// Everything that comes from the articles, the rule files or the paths is escaped (`String.htmlEscaped`).
public struct HTMLReporter: Reporter {
  /// The name `--format` and ``Reporters/reporter(_:options:)`` know this reporter by.
  public static let identifier = "html"
  /// One line for `--help`.
  public static let description = "one self-contained HTML page: findings, then the articles with claims highlighted"

  package let options: ReportOptions

  /// Creates the reporter.
  ///
  /// - Parameter options: Report options; the HTML page uses none of them today.
  public init(options: ReportOptions = ReportOptions()) { self.options = options }

  /// The anchor id of the finding numbered `number` (1-based, in page order).
  package static func findingAnchor(_ number: Int) -> String { "finding-\(number)" }

  /// The page, as one string of HTML.
  ///
  /// - Parameter result: What the run produced.
  /// - Returns: A complete HTML document, ending with a line break.
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
    let period = claim.period.inWords + (claim.modality == .projected ? ", projected" : "")
    return "<a href=\"#\(HTMLClaimMark.anchor(index))\" title=\"\(claim.document.htmlAttributeEscaped)\">\(place.htmlEscaped)</a> "
      + "<span class=\"muted\">(\(period.htmlEscaped))</span> "
      + "<span class=\"excerpt\" lang=\"\(claim.language.htmlAttributeEscaped)\">\(excerpt(claim))</span>"
  }

  /// The longest quote a finding shows, in characters (Unicode scalars), `…` included.
  package static let excerptLimit = 160

  /// The figure in its line, at most ``excerptLimit`` characters cut between words, the figure in bold.
  private func excerpt(_ claim: Claim) -> String {
    func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
      var string = ""
      string.unicodeScalars.append(contentsOf: scalars)
      return string.htmlEscaped
    }
    func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
    guard !claim.lineExcerpt.isEmpty else {
      let quote = Array(claim.quote.unicodeScalars)
      let kept = QuoteExcerpt.window(quote, figure: 0..<0, limit: HTMLReporter.excerptLimit, isSpace: isSpace)
      return "“" + text(quote[kept]) + (kept.upperBound < quote.count ? "…" : "") + "”"
    }
    let line = Array(claim.lineExcerpt.unicodeScalars)
    let start = min(max(0, claim.lineExcerptColumn - 1), line.count)
    let end = min(line.count, start + claim.valueText.unicodeScalars.count)
    let kept = QuoteExcerpt.window(line, figure: start..<end, limit: HTMLReporter.excerptLimit, isSpace: isSpace)
    var low = kept.lowerBound
    var high = kept.upperBound
    while low < start && isSpace(line[low]) { low += 1 }
    while high > end && isSpace(line[high - 1]) { high -= 1 }
    return "“" + (kept.lowerBound > 0 ? "…" : "") + text(line[low..<start]) + "<b>" + text(line[start..<end]) + "</b>"
      + text(line[end..<high]) + (kept.upperBound < line.count ? "…" : "") + "”"
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
    let lang = document.language.map { " lang=\"\($0.htmlAttributeEscaped)\"" } ?? ""
    var html = "<section class=\"article\" id=\"\(id)\"\(lang)>\n<header class=\"article-head\">\n"
    html += "<h2>\((document.title ?? fileName(document.path)).htmlEscaped)</h2>\n"
    var byline: [String] = []
    if let source = document.source { byline.append("<span class=\"source\">\(source.htmlEscaped)</span>") }
    if let published = document.published {
      let assumed = document.publishedSource == "option" ? " <span class=\"muted\" lang=\"en\">(date assumed)</span>" : ""
      byline.append("<time>\(published.inWords.htmlEscaped)</time>\(assumed)")
    }
    if let author = document.author { byline.append("<span class=\"author\">\(author.htmlEscaped)</span>") }
    if !byline.isEmpty { html += "<p class=\"byline\">\(byline.joined(separator: " · "))</p>\n" }
    var meta = ["<code>\(document.path.htmlEscaped)</code>"]
    if let language = document.language { meta.append(language.htmlEscaped) }
    if let subject = document.subject { meta.append("about \(subject.htmlEscaped)") }
    meta.append("\(document.claimCount) claim\(document.claimCount == 1 ? "" : "s")")
    html += "<p class=\"meta\" lang=\"en\">\(meta.joined(separator: " · "))</p>\n</header>\n"
    let indices = page.claimsByDocument[document.path] ?? []
    let marks = indices.map { page.mark($0) }
    if let text = page.text(of: document.path, claims: indices) {
      let body = FrontMatter.parse(text).bodyRange.lowerBound
      html += "<div class=\"text\">\n\(HTMLArticleText(text: text, marks: marks, bodyStart: body).html)</div>\n"
    } else {
      html += "<p class=\"muted\" lang=\"en\">The article’s text could not be read again as it was checked; its claims:</p>\n"
      html += "<table class=\"claims\"><tr lang=\"en\"><th>where</th><th>claim</th><th>quote</th></tr>\n"
      for mark in marks {
        let place = "\(mark.claim.location.line):\(mark.claim.location.column)"
        let entity = (mark.claim.entity ?? "—") + " " + mark.claim.attribute
        html += "<tr><td>\(mark.open(sharingWith: []))\(place.htmlEscaped)\(mark.close(sharingWith: []))</td>"
          + "<td>\(entity.htmlEscaped)</td><td>\(mark.claim.quote.htmlEscaped)</td></tr>\n"
      }
      html += "</table>\n"
    }
    return html + "<p class=\"top\" lang=\"en\"><a href=\"#top\">↑ findings</a></p>\n</section>\n"
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

    /// The text of a checked article: the one the run kept, else the file read again, provided every claim's
    /// figure is still at its byte range (so that highlights land on the figures the run read).
    func text(of path: String, claims: [Int]) -> String? {
      if let text = result.texts[path] { return text }
      guard case .article(let article) = ArticleLoader(lexicons: [:]).load(path: path) else { return nil }
      let bytes = article.bytes
      for index in claims {
        let claim = result.claims[index]
        guard claim.valueRange.lowerBound >= 0, claim.valueRange.upperBound <= bytes.count,
          String(decoding: bytes[claim.valueRange], as: UTF8.self) == claim.valueText
        else { return nil }
      }
      return article.text
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
      func count(_ severity: Severity) -> Int { result.findings.count { $0.severity == severity } }
      let checked = result.documents.count { $0.status == .checked }
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
