import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `factcheck-ignore` comments in articles: what text each covers, which checks it names, and an error
/// naming the line and column for each malformed one.
@Suite struct SuppressionCommentTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var checks: [String]
    var scope: Suppression.Scope
    var reason: String? = nil
    var testDescription: String { text.split(separator: "\n").first.map(String.init) ?? text }
  }

  @Test(arguments: [
    // Before a paragraph: the comment and the paragraph, up to the next blank line.
    Case(text: "Intro.\n\n<!-- factcheck-ignore conflict/employees -->\nOstra emploie 3 500 personnes.\nSuite du paragraphe.\n\nAutre.\n",
         checks: ["conflict/employees"], scope: .lines(path: "a.md", lines: 3..<6)),
    // Blank lines between the comment and its paragraph are skipped.
    Case(text: "<!-- factcheck-ignore -->\n\nOstra emploie 3 500 personnes.\n",
         checks: [], scope: .lines(path: "a.md", lines: 1..<4)),
    // Inside a paragraph, after text: that paragraph.
    Case(text: "Ostra emploie 3 500 personnes. <!-- factcheck-ignore conflict/* -->\nSuite.\n\nAutre.\n",
         checks: ["conflict/*"], scope: .lines(path: "a.md", lines: 1..<3)),
    // The next line only.
    Case(text: "<!-- factcheck-ignore-next-line spelling conflict:employees:Ostra:current -->\nOstra 3 500.\nOstra 3 800.\n",
         checks: ["spelling", "conflict:employees:Ostra:current"], scope: .lines(path: "a.md", lines: 2..<3)),
    // The whole file, with a reason.
    Case(text: "<!-- factcheck-ignore-file conflict/employees -- confirmed by the press office -->\nTexte.\n",
         checks: ["conflict/employees"], scope: .document(path: "a.md"), reason: "confirmed by the press office"),
    // A Markdown reference comment.
    Case(text: "[//]: # (factcheck-ignore-next-line conflict/revenue)\nOstra 3 500.\n",
         checks: ["conflict/revenue"], scope: .lines(path: "a.md", lines: 2..<3)),
    // A comment over two lines.
    Case(text: "<!--\n  factcheck-ignore conflict/employees\n-->\nOstra emploie 3 500 personnes.\n",
         checks: ["conflict/employees"], scope: .lines(path: "a.md", lines: 1..<5)),
    // CRLF line endings.
    Case(text: "<!-- factcheck-ignore-next-line -->\r\nOstra 3 500.\r\nAutre.\r\n",
         checks: [], scope: .lines(path: "a.md", lines: 2..<3)),
  ])
  func readsADirective(_ example: Case) throws {
    let scanned = SuppressionComments.scan(example.text, path: "a.md")
    #expect(scanned.errors.isEmpty, "\(scanned.errors)")
    let suppression = try #require(scanned.suppressions.first)
    #expect(scanned.suppressions.count == 1)
    #expect(suppression.checks == example.checks)
    #expect(suppression.scope == example.scope)
    #expect(suppression.reason == example.reason)
    #expect(suppression.origin == .inSource)
  }

  @Test(arguments: [
    ("Texte.\n<!-- factcheck-ignore-nextline conflict/employees -->\nOstra.\n", "a.md:2:6: error: unknown suppression directive 'factcheck-ignore-nextline'; did you mean 'factcheck-ignore-next-line'?"),
    ("Texte.\n\n  <!-- factcheck-ignore conflict/employees\nOstra.\n", "a.md:3:3: error: suppression comment is never closed; end it with '-->'"),
    ("<!-- factcheck-ignore conflict/employees! -->\nOstra.\n", "a.md:1:23: error: 'conflict/employees!' is not a check or finding id (letters, digits, '/', ':', '.', '_', '-', and a final '*')"),
    ("<!-- factcheck-ignore conflict/employees, , spelling -->\nOstra.\n", "a.md:1:43: error: ',' is not a check or finding id (letters, digits, '/', ':', '.', '_', '-', and a final '*')"),
    ("<!-- factcheck-ignore spelling *, -->\nOstra.\n", "a.md:1:32: error: '*,' is not a check or finding id (letters, digits, '/', ':', '.', '_', '-', and a final '*')"),
    ("<!--\n  factcheck-ignore spelling\n  , -->\nOstra.\n", "a.md:3:3: error: ',' is not a check or finding id (letters, digits, '/', ':', '.', '_', '-', and a final '*')"),
    ("Texte.\n<!-- factcheck-ignore-next-line -->", "a.md:2:6: error: 'factcheck-ignore-next-line' has no paragraph or line after it to silence"),
    ("Texte.\n\n<!-- factcheck-ignore -->\n\n", "a.md:3:6: error: 'factcheck-ignore' has no paragraph or line after it to silence"),
  ])
  func malformedDirectiveIsAnErrorAtItsPlace(text: String, expected: String) {
    let scanned = SuppressionComments.scan(text, path: "a.md")
    #expect(scanned.suppressions.isEmpty)
    #expect(scanned.errors.map(\.description) == [expected])
  }

  @Test func ordinaryCommentsAreNoDirectives() {
    let text = "<!-- a note for editors -->\nOstra emploie 3 500 personnes (voir factcheck-ignore dans la doc).\n"
    let scanned = SuppressionComments.scan(text, path: "a.md")
    #expect(scanned.suppressions.isEmpty)
    #expect(scanned.errors.isEmpty)
  }
}
