import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The HTML report renders each article's Markdown (issue 18): headings, paragraphs, lists, quotes, tables
/// and emphasis, with every figure still highlighted, and never a tag that crosses another.
@Suite struct HTMLMarkdownTests {
  /// A highlight on the first occurrence of `figure` in `text`.
  static func mark(_ figure: String, in text: String, index: Int = 0) -> HTMLClaimMark {
    let range = text.range(of: figure)!
    let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
    let bytes = start..<(start + figure.utf8.count)
    let claim = Claim(
      document: "a.md", location: SourceLocation(path: "a.md", line: 1, column: 1), valueRange: bytes, matchRange: bytes,
      rule: "r", entity: "Klarna", entitySource: .unknown, attribute: "employees", value: 3500, valueText: figure,
      interval: ValueInterval(3500, 3500), unit: nil, hedge: .exact, period: .current, modality: .actual, language: "fr",
      quote: figure, sentence: text)
    return HTMLClaimMark(index: index, claim: claim, references: [])
  }

  /// The page's text with each highlight reduced to `[figure]`, to compare structure.
  static func rendered(_ text: String, figures: [String] = [], bodyStart: Int = 0) -> String {
    let marks = figures.enumerated().map { mark($0.element, in: text, index: $0.offset) }
    let html = HTMLArticleText(text: text, marks: marks, bodyStart: bodyStart).html
    return html.replacing(/<mark id="claim-\d+" class="claim" tabindex="0">/, with: "[")
      .replacing(/<span class="tip" role="tooltip">.*?<\/span><\/mark>/, with: "]")
  }

  static let cases: [(markdown: String, figures: [String], html: String)] = [
    ("## Les effectifs\n\nKlarna emploie 3 500 personnes.", ["3 500"],
     "<h3 class=\"md\">Les effectifs</h3>\n<p>Klarna emploie [3 500] personnes.</p>\n"),
    ("### Détail\nTexte", [], "<h4 class=\"md\">Détail</h4>\n<p>Texte</p>\n"),
    ("Une ligne\net la suivante\n\nUn autre paragraphe", [], "<p>Une ligne\net la suivante</p>\n<p>Un autre paragraphe</p>\n"),
    ("Klarna emploie **3 500** personnes", ["3 500"], "<p>Klarna emploie <strong>[3 500]</strong> personnes</p>\n"),
    ("Un *très* grand _effort_ et __fort__", [], "<p>Un <em>très</em> grand <em>effort</em> et <strong>fort</strong></p>\n"),
    ("snake_case_name et 2 * 3 * 4", [], "<p>snake_case_name et 2 * 3 * 4</p>\n"),
    ("le code `a*b*c` reste", [], "<p>le code <code>a*b*c</code> reste</p>\n"),
    // An emphasis that would cut a highlight in two is left as written.
    ("environ *3 500* salariés", ["3 500* salariés"], "<p>environ *[3 500* salariés]</p>\n"),
    ("- 3 500 salariés\n- 700 agents\n\n1. un\n2. deux", ["3 500", "700"],
     "<ul>\n<li>[3 500] salariés</li>\n<li>[700] agents</li>\n</ul>\n<ol>\n<li>un</li>\n<li>deux</li>\n</ol>\n"),
    ("> « Nous sommes 3 500 »\n> dit-il", ["3 500"], "<blockquote><p>« Nous sommes [3 500] »\ndit-il</p></blockquote>\n"),
    ("| année | salariés |\n|---|---:|\n| 2023 | 3 800 |", ["3 800"],
     "<div class=\"table\"><table>\n<tr><th>année</th><th>salariés</th></tr>\n<tr><td>2023</td><td>[3 800]</td></tr>\n</table></div>\n"),
    ("<!-- factcheck-ignore conflict/employees -- deux périmètres -->\nTexte", [],
     "<p class=\"comment\"><code>&lt;!-- factcheck-ignore conflict/employees -- deux périmètres --&gt;</code></p>\n<p>Texte</p>\n"),
    ("Avant\n\n---\n\nAprès", [], "<p>Avant</p>\n<hr>\n<p>Après</p>\n"),
    // A heading marker inside a highlight stays text, and a figure across a line break stays one highlight.
    ("3 500\n## salariés", ["3 500\n## salariés"], "<p>[3 500\n## salariés]</p>\n"),
    ("#hashtag n’est pas un titre", [], "<p>#hashtag n’est pas un titre</p>\n"),
    ("<b>gras</b> & co", [], "<p>&lt;b&gt;gras&lt;/b&gt; &amp; co</p>\n"),
  ]

  @Test(arguments: cases)
  func rendersMarkdownAroundTheHighlights(_ example: (markdown: String, figures: [String], html: String)) {
    #expect(HTMLMarkdownTests.rendered(example.markdown, figures: example.figures) == example.html)
  }

  @Test func frontMatterIsLeftOutOfTheBody() {
    let text = "---\ntitle: \"Titre\"\nsource: X\n---\n## Section\nTexte\n"
    let body = FrontMatter.parse(text).bodyRange.lowerBound
    #expect(HTMLMarkdownTests.rendered(text, bodyStart: body) == "<h3 class=\"md\">Section</h3>\n<p>Texte</p>\n")
  }

  @Test func everyTagIsClosedInOrder() {
    for example in HTMLMarkdownTests.cases {
      let marks = example.figures.enumerated().map { HTMLMarkdownTests.mark($0.element, in: example.markdown, index: $0.offset) }
      let html = HTMLArticleText(text: example.markdown, marks: marks).html
      var stack: [String] = []
      for match in html.matches(of: /<(\/?)([a-z0-9]+)[^>]*>/) {
        let name = String(match.2)
        if ["br", "hr"].contains(name) { continue }
        if match.1.isEmpty {
          stack.append(name)
        } else {
          #expect(stack.popLast() == name, "</\(name)> closes \(stack) in \(html)")
        }
      }
      #expect(stack.isEmpty, "unclosed \(stack) in \(html)")
    }
  }
}

/// Periods and dates as a reader says them (issue 18: "last year → now", not `last_year_to_current`).
@Suite struct PeriodWordsTests {
  static let periods: [(Period, String)] = [
    (.current, "now"),
    (.year(2022), "2022"),
    (.relativeYear(-1), "last year"),
    (.relativeYear(0), "this year"),
    (.relativeYear(1), "next year"),
    (.relativeYear(-3), "3 years ago"),
    (.relativeYear(2), "in 2 years"),
    (.change(from: .relativeYear(-1), to: .current), "last year → now"),
    (.change(from: .year(2022), to: .year(2024)), "2022 → 2024"),
    (.quarter(3, of: .year(2024)), "Q3 2024"),
    (.quarter(1, of: .relativeYear(0)), "Q1 this year"),
    (.month(11, of: .year(2022)), "November 2022"),
    (.month(10, of: .relativeYear(-1)), "October last year"),
    (.month(6, of: .unspecified), "June"),
    (.unspecified, "time not stated"),
  ]

  @Test(arguments: periods)
  func saysThePeriodInWords(_ period: Period, _ words: String) {
    #expect(period.inWords == words)
  }

  @Test(arguments: [("2024-09-16", "16 September 2024"), ("2024-08", "August 2024"), ("2024", "2024")])
  func saysTheDayToItsPrecision(_ iso: String, _ words: String) {
    #expect(Day(iso: iso)?.inWords == words)
  }
}
