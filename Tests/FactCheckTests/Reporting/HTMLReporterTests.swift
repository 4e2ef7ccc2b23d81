import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The HTML page: self-contained, findings first, claims highlighted and linked both ways, readable on a
/// phone and printable, and nothing from the articles or the rules let through unescaped.
@Suite struct HTMLReporterTests {
  /// Tags and attributes the reporter writes; anything else in the page came from the input.
  static let allowedTags: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "section", "nav", "ol", "ul",
    "li", "dl", "dt", "dd", "a", "span", "code", "b", "strong", "mark", "sup", "br", "div", "table", "tr",
    "th", "td", "h4", "h5", "h6", "em", "blockquote", "hr", "time",
  ]
  static let allowedAttributes: Set<String> = [
    "lang", "charset", "name", "content", "id", "class", "href", "title", "tabindex", "role",
  ]

  /// Every tag in `html` as (name, attributes), and the stretches of text with a `<` that starts no tag.
  static func tags(in html: String) -> (tags: [(name: String, attributes: [String: String])], strays: [String]) {
    let tagPattern = try! NSRegularExpression(pattern: #"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>"#)
    let attributePattern = try! NSRegularExpression(pattern: #"\s+([^\s=>]+)(?:="([^"]*)")?"#)
    let text = html as NSString
    var tags: [(String, [String: String])] = []
    var strays: [String] = []
    var cursor = html.hasPrefix("<!DOCTYPE html>") ? "<!DOCTYPE html>".utf16.count : 0
    for match in tagPattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
      // Any `<` between two tags is input that escaped escaping.
      let between = text.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
      if between.contains("<") { strays.append(String(between.prefix(120))) }
      cursor = match.range.location + match.range.length
      var attributes: [String: String] = [:]
      let attributeText = text.substring(with: match.range(at: 3))
      let attributeString = attributeText as NSString
      for attribute in attributePattern.matches(in: attributeText, range: NSRange(location: 0, length: attributeString.length)) {
        let name = attributeString.substring(with: attribute.range(at: 1))
        let value = attribute.range(at: 2).location == NSNotFound ? "" : attributeString.substring(with: attribute.range(at: 2))
        attributes[name.lowercased()] = value
      }
      tags.append((text.substring(with: match.range(at: 2)).lowercased(), attributes))
    }
    let rest = text.substring(from: cursor)
    if rest.contains("<") { strays.append(String(rest.prefix(120))) }
    return (tags, strays)
  }

  /// Anchors defined (`id`) and anchors linked to (`href="#…"`).
  static func anchors(in html: String) -> (ids: Set<String>, links: Set<String>) {
    let tags = tags(in: html).tags
    let ids = Set(tags.compactMap { $0.attributes["id"] })
    let links = Set(tags.compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) })
    return (ids, links)
  }

  // MARK: - Escaping

  static let hostile = "<script>alert(1)</script> \" onmouseover=\"x ' onfocus='y & <img src=x onerror=alert(2)>"

  @Test func escapesTheFiveSpecialCharacters() {
    #expect("<a href=\"x\">Tom & Jerry's</a>".htmlEscaped == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect("a\nb\"".htmlAttributeEscaped == "a&#10;b&quot;")
  }

  @Test func hostileArticleAndRuleTextComeOutEscaped() throws {
    // A real run over an article full of markup, so the text, the claims and their quotes are hostile…
    let text = """
      ---
      title: "<script>alert('title')</script>"
      source: "\\" onmouseover=\\"alert(3)"
      ---
      \(HTMLReporterTests.hostile)
      Klarna emploie aujourd'hui 3 500 personnes <script>alert(4)</script>.
      Klarna emploie aujourd'hui 3 800 personnes " onmouseover="alert(5)".
      """
    let article = Article(path: "<img src=x onerror=alert(6)>\" onmouseover=\"x.md", text: text, language: "fr",
                          published: Day(year: 2025, month: 5, day: 1), title: "<script>alert('title')</script>",
                          source: "\" onmouseover=\"alert(3)")
    let checker = Fixtures.checker()
    var options = checker.options
    options.keepTexts = true
    var result = FactChecker(rules: checker.rules, options: options).check(articles: [article])
    #expect(result.claims.count >= 2, "the article should give claims to highlight")
    #expect(result.texts[article.path] == text)

    // …and so are the rule ids, entities, findings and problems, as a hostile rule file could make them.
    for index in result.claims.indices {
      result.claims[index].rule = "\"><script>alert(7)</script>"
      result.claims[index].entity = "' onfocus='alert(8)"
      result.claims[index].notes = ["<iframe src=javascript:alert(9)>"]
    }
    let claims = Array(result.claims.indices)
    result.findings.insert(Finding(
      id: "conflict:<x>", kind: .conflict, check: "\" onclick=\"alert(10)", severity: .error, entity: "<b>",
      attribute: "employees", period: "current", message: "<script>alert(11)</script> 3 500 vs 3 800",
      details: ["' onmouseover='alert(12)"], groups: [Finding.ValueGroup(label: "\"><svg onload=alert(13)>", claims: claims)],
      claims: claims, locations: []), at: 0)
    result.findings.append(Finding(
      id: "spelling:x", kind: .spelling, check: "spelling", severity: .note, entity: nil, attribute: "name", period: nil,
      message: "'<x>' is probably a misspelling", locations: [SourceLocation(path: "<p>.md", line: 1, column: 1)],
      quotes: ["<script>alert(14)</script>"]))
    result.ruleProblems.append(RuleFileError(.unknownKey(key: "<script>alert(15)</script>", suggestion: "\" onload=\""),
                                             at: SourceLocation(path: "r\"<.yaml", line: 1, column: 1)))
    result.diagnostics.append(Diagnostic(severity: .warning, category: .input, location: nil, message: "<script>alert(16)</script>"))
    result.documents.append(DocumentReport(path: "<svg onload=alert(17)>", status: .skipped, reason: "\" onerror=\"alert(18)"))

    let html = HTMLReporter().report(result)

    #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
    #expect(html.range(of: "<img", options: .caseInsensitive) == nil)
    #expect(html.range(of: "<svg", options: .caseInsensitive) == nil)
    #expect(html.range(of: "<iframe", options: .caseInsensitive) == nil)
    #expect(!html.contains("\" onmouseover=\""))
    #expect(!html.contains("' onfocus='"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=&quot;x &#39; onfocus=&#39;y &amp; &lt;img"))
    #expect(html.contains("&quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;"))

    let (tags, strays) = HTMLReporterTests.tags(in: html)
    #expect(strays.isEmpty, "unescaped '<' in: \(strays)")
    for tag in tags {
      #expect(HTMLReporterTests.allowedTags.contains(tag.name), "unexpected tag <\(tag.name)>")
      for (name, value) in tag.attributes {
        #expect(HTMLReporterTests.allowedAttributes.contains(name), "unexpected attribute \(name)=\"\(value)\" on <\(tag.name)>")
        #expect(!value.contains("<"), "raw '<' inside \(name)=\"\(value)\"")
      }
      // Links only ever go to anchors of the page itself (never `javascript:` or the network).
      if let href = tag.attributes["href"] { #expect(href.hasPrefix("#"), "link to \(href)") }
    }
  }

  // MARK: - The Klarna page

  @Test func klarnaEmployeesConflictIsTheFirstFinding() throws {
    let html = HTMLReporter().report(ReportingFixtures.klarna)
    let findings = try #require(html.range(of: "<section id=\"findings\">"))
    let articles = try #require(html.range(of: "<section class=\"article\""))
    #expect(findings.lowerBound < articles.lowerBound)
    let first = try #require(html.range(of: "id=\"finding-1\""))
    let message = try #require(html.range(of: "Klarna employees (current): 3 000"))
    #expect(first.lowerBound < message.lowerBound)
    if let second = html.range(of: "id=\"finding-2\"") { #expect(message.lowerBound < second.lowerBound) }
    #expect(html.contains("3 500 vs ≈3 800"))
  }

  @Test func everyClaimIsHighlightedAndLinkedBothWays() throws {
    let result = ReportingFixtures.klarna
    let html = HTMLReporter().report(result)
    let (ids, links) = HTMLReporterTests.anchors(in: html)
    for index in result.claims.indices { #expect(ids.contains("claim-\(index)"), "claim \(index) is not highlighted") }
    #expect(links.subtracting(ids).isEmpty, "links to missing anchors: \(links.subtracting(ids).sorted())")
    for (position, finding) in result.findings.enumerated() where !finding.claims.isEmpty {
      #expect(ids.contains("finding-\(position + 1)"))
      #expect(links.contains("finding-\(position + 1)"), "no claim links back to finding \(position + 1)")
      for index in finding.claims { #expect(links.contains("claim-\(index)"), "finding \(position + 1) does not link claim \(index)") }
    }
    // Claims in the error finding carry its severity; the one tooltip says what was read, the period in words.
    // (Issue 18: the `title` attribute that made a second, native tooltip is gone; the facts are in the tip.)
    let top = try #require(result.findings.first)
    let claim = result.claims[top.claims[0]]
    #expect(html.contains("<mark id=\"claim-\(top.claims[0])\" class=\"claim sev-error\" tabindex=\"0\">"))
    #expect(!html.contains(/<mark[^>]*title=/), "a second tooltip")
    #expect(html.contains("<b>attribute</b> \(claim.attribute)<br><b>value</b> "))
    #expect(html.contains("<b>rule</b> \(claim.rule)"))
    #expect(html.contains("<b>period</b> now"))
  }

  @Test func pageIsSelfContainedResponsiveAndPrintable() {
    let html = HTMLReporter().report(ReportingFixtures.klarna)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("@media print"))
    #expect(html.contains("@media (max-width:"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src="))
    #expect(!html.contains("@import"))
    #expect(!html.contains("url("))
    #expect(!html.contains("http://") && !html.contains("https://"))
  }

  /// Issue 18: a library caller who never heard of `keepTexts` still gets the articles: they are read again.
  @Test func withoutKeptTextsTheArticlesAreReadAgain() {
    var result = ReportingFixtures.klarna
    result.texts = [:]
    let html = HTMLReporter().report(result)
    #expect(!html.contains("could not be read again"))
    #expect(html.components(separatedBy: "<div class=\"text\">").count - 1 == result.documents.filter { $0.status == .checked }.count)
    #expect(html == HTMLReporter().report(ReportingFixtures.klarna), "the page is the same as with the texts kept")
  }

  @Test func anArticleThatCannotBeReadAgainListsItsClaims() {
    let article = Article(path: "/nonexistent/factcheck/a.md", text: "Klarna emploie aujourd'hui 3 500 personnes.\n", language: "fr")
    let result = Fixtures.checker().check(articles: [article])
    #expect(!result.claims.isEmpty)
    let html = HTMLReporter().report(result)
    #expect(html.contains("could not be read again"))
    #expect(html.contains("<mark id=\"claim-0\""))
    let (ids, links) = HTMLReporterTests.anchors(in: html)
    #expect(links.subtracting(ids).isEmpty)
  }

  /// A file that changed since the run is not trusted: its figures would be highlighted in the wrong places.
  @Test func aChangedFileIsNotHighlighted() throws {
    let directory = try ReportingFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("a.md").path
    try "Klarna emploie aujourd'hui 3 500 personnes.\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = Fixtures.checker().check(paths: [path])
    #expect(!HTMLReporter().report(result).contains("could not be read again"))
    try "Klarna emploie désormais 3 500 personnes.\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(HTMLReporter().report(result).contains("could not be read again"))
  }

  // MARK: - Articles as readers see them

  @Test func frontMatterIsTheArticlesHeaderAndEachArticleHasItsLanguage() throws {
    let html = HTMLReporter().report(ReportingFixtures.klarna)
    #expect(!html.contains("title: &quot;") && !html.contains("published: 20"), "raw front matter in the page")
    #expect(html.contains("""
      <h2>Klarna leans on its OpenAI assistant as the workforce keeps shrinking</h2>
      <p class="byline"><span class="source">Nordic Business Wire</span> · <time>16 September 2024</time></p>
      """))
    let sections = html.components(separatedBy: "<section class=\"article\"").dropFirst()
    #expect(sections.count == 10)
    var languages: Set<Substring> = []
    for section in sections {
      let lang = try #require(section.firstMatch(of: /^ id="doc-\d+" lang="(fr|en|de)">/), "no lang: \(section.prefix(80))")
      #expect(section.contains("Klarna"))
      languages.insert(lang.1)
    }
    #expect(languages == ["fr", "en", "de"])
    #expect(html.contains("<h3 class=\"md\">Marketing is next</h3>"))
    #expect(!html.contains("## "))
  }

  @Test func findingsQuoteTheirFiguresCutBetweenWords() throws {
    let words = (1...60).map { "mot\($0)" }
    let line = words[..<30].joined(separator: " ") + " Klarna emploie aujourd'hui 3 500 personnes " + words[30...].joined(separator: " ")
    let article = Article(path: "/nonexistent/long.md", text: line + "\n", language: "fr")
    let article2 = Article(path: "/nonexistent/short.md", text: "Klarna emploie aujourd'hui 3 800 personnes.\n", language: "fr")
    let result = Fixtures.checker().check(articles: [article, article2])
    let html = HTMLReporter().report(result)
    let excerpt = try #require(html.firstMatch(of: /<span class="excerpt" lang="fr">“(…[^”]*…)”<\/span>/)).1
    let plain = excerpt.replacing("<b>", with: "").replacing("</b>", with: "")
    #expect(plain.unicodeScalars.count <= HTMLReporter.excerptLimit + 2)
    #expect(plain.contains("<b>") == false && excerpt.contains("<b>3 500</b>"))
    // Whole words at both ends: the first and last words are words of the line.
    let inner = plain.dropFirst().dropLast()
    for word in [inner.split(separator: " ").first!, inner.split(separator: " ").last!] {
      #expect(line.split(separator: " ").contains(word), "cut inside a word: \(word)")
    }
  }

  @Test func overlappingFiguresShareOneHighlight() {
    let text = "Elle emploie 3 500 personnes."
    let start = text.utf8.count - " personnes.".utf8.count - "3 500".utf8.count
    func claim(_ range: Range<Int>, rule: String) -> Claim {
      Claim(document: "a.md", location: SourceLocation(path: "a.md", line: 1, column: 14), valueRange: range, matchRange: range,
            rule: rule, entity: nil, entitySource: .unknown, attribute: "employees", value: 3500, valueText: "3 500",
            interval: ValueInterval(3500, 3500), unit: nil, hedge: .exact, period: .current, modality: .actual, language: "fr",
            quote: "3 500", sentence: text)
    }
    let marks = [
      HTMLClaimMark(index: 0, claim: claim(start..<(start + 5), rule: "a"), references: []),
      HTMLClaimMark(index: 1, claim: claim((start + 2)..<(start + 5), rule: "b"), references: []),
    ]
    let html = HTMLArticleText(text: text, marks: marks).html
    #expect(html.hasPrefix("<p>Elle emploie <mark id=\"claim-0\""))
    #expect(html.contains("<span id=\"claim-1\"></span>3 500<span class=\"tip\""))
    #expect(html.hasSuffix("</mark> personnes.</p>\n"))
    #expect(html.components(separatedBy: "<mark").count == 2)
  }
}
