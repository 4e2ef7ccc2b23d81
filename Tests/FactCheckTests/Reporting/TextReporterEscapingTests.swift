import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The text report never sends an article's or a file name's control characters to the terminal: they
/// are shown escaped, and the underline still points at the figure.
@Suite struct TextReporterEscapingTests {
  /// The file name: a screen clear and a bell.
  static let fileName = "acme\u{1B}[2J\u{07}.md"
  /// An article whose second figure follows a colour sequence, a C1 CSI, a bidi override and, after
  /// it, a C1 next line.
  static let text = "Acme employs 3,200 people.\n\n"
    + "\u{1B}[31mBREAKING\u{1B}[0m \u{9B}2J\u{202E} Acme employs 3,400 people\u{85}.\n"

  /// The report of the article written to a scratch folder, and the folder.
  static func report(color: Bool, listClaims: Bool = false) throws -> (text: String, path: String) {
    let root = try ReportingFixtures.temporaryDirectory()
    let path = root.path + "/" + fileName
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = Fixtures.checker().check(paths: [root.path])
    #expect(result.findings.count == 1, "the two figures conflict: \(result.findings)")
    return (TextReporter(options: ReportOptions(color: color, listClaims: listClaims)).report(result), path)
  }

  /// Scalars a terminal would act on, line breaks of the report itself aside.
  static func controls(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { $0 != "\n" && Character.needsTerminalEscape($0) }
  }

  @Test func noControlCharacterOfTheInputReachesTheTerminal() throws {
    let (report, path) = try Self.report(color: false, listClaims: true)
    #expect(Self.controls(in: report).isEmpty, "\(Self.controls(in: report))")
    let escapedPath = path.replacingOccurrences(of: Self.fileName, with: "acme\\x1B[2J\\x07.md")
    #expect(report.contains("\(escapedPath):3:37: note: 3 400 (current)"), "\(report)")
    #expect(report.contains("\\x1B[31mBREAKING\\x1B[0m \\x9B2J\\x{202E} Acme employs 3,400 people\\x85."), "\(report)")
    #expect(report.contains("    3 200 — acme\\x1B[2J\\x07.md"), "details too: \(report)")
  }

  @Test func theUnderlineStillPointsAtTheFigure() throws {
    let lines = try Self.report(color: false).text.components(separatedBy: "\n")
    let quote = try #require(lines.firstIndex { $0.contains("BREAKING") && $0.contains(" | ") })
    let shown = Array(lines[quote])
    let underline = Array(lines[quote + 1])
    let caret = try #require(underline.firstIndex(of: "^"))
    #expect(String(shown[caret..<(caret + 5)]) == "3,400", "\(lines[quote])\n\(lines[quote + 1])")
    #expect(String(underline[caret...]) == "^~~~~")
  }

  @Test func withColourOnlyTheReportersOwnSequencesAreSent() throws {
    let report = try Self.report(color: true).text
    // The reporter's own SGR sequences (bold, dim, colours, reset), and nothing else.
    let own = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*m")
    let stripped = own.stringByReplacingMatches(in: report, range: NSRange(report.startIndex..., in: report), withTemplate: "")
    #expect(Self.controls(in: stripped).isEmpty, "\(Self.controls(in: stripped))")
    #expect(report.contains("\\x1B[31mBREAKING"))
    #expect(!report.contains("\u{1B}[31mBREAKING"))
    #expect(!report.contains("\u{1B}[2J"))
  }

  @Test(arguments: [
    ("plain text, é, €, 😀 and a\ttab", "plain text, é, €, 😀 and a\ttab"),
    ("\u{1B}[31mred", "\\x1B[31mred"),
    ("bell\u{07}", "bell\\x07"),
    ("nul\u{00}", "nul\\x00"),
    ("two\nlines\r", "two\\x0Alines\\x0D"),
    ("del\u{7F}", "del\\x7F"),
    ("c1 \u{80} \u{85} \u{9B} \u{9F}", "c1 \\x80 \\x85 \\x9B \\x9F"),
    ("no-break\u{A0}space", "no-break\u{A0}space"),
    ("line\u{2028}paragraph\u{2029}", "line\\x{2028}paragraph\\x{2029}"),
    ("bidi \u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", "bidi \\x{202A}\\x{202B}\\x{202C}\\x{202D}\\x{202E}"),
    ("isolates \u{2066}\u{2067}\u{2068}\u{2069}", "isolates \\x{2066}\\x{2067}\\x{2068}\\x{2069}"),
  ])
  func controlCharactersAreWrittenAsPatternEscapes(_ input: String, _ expected: String) {
    #expect(input.terminalEscaped == expected)
  }

  @Test func aLongLineIsWindowedAroundTheFigureAndStillUnderlinedRight() throws {
    let root = try ReportingFixtures.temporaryDirectory()
    let long = String(repeating: "word\u{1B} ", count: 15) + "Acme employs 3,400 people."
    try "Acme employs 3,200 people.\n\n\(long)\n".write(toFile: root.path + "/long.md", atomically: true, encoding: .utf8)
    let result = Fixtures.checker().check(paths: [root.path])
    let lines = TextReporter(options: ReportOptions(color: false)).report(result).components(separatedBy: "\n")
    let quote = try #require(lines.firstIndex { $0.contains("3,400") && $0.contains(" | ") })
    #expect(lines[quote].hasPrefix(" 3 | …"), "windowed: \(lines[quote])")
    #expect(Self.controls(in: lines[quote]).isEmpty)
    let caret = try #require(Array(lines[quote + 1]).firstIndex(of: "^"))
    #expect(String(Array(lines[quote])[caret..<(caret + 5)]) == "3,400", "\(lines[quote])\n\(lines[quote + 1])")
  }

  @Test func aTabBeforeTheFigureIsCopiedIntoTheUnderline() throws {
    let root = try ReportingFixtures.temporaryDirectory()
    try "Acme employs 3,200 people.\n\n\tAcme\u{07} employs 3,400 people.\n".write(toFile: root.path + "/tab.md", atomically: true, encoding: .utf8)
    let result = Fixtures.checker().check(paths: [root.path])
    let lines = TextReporter(options: ReportOptions(color: false)).report(result).components(separatedBy: "\n")
    let quote = try #require(lines.firstIndex { $0.contains("\\x07") && $0.contains(" | ") })
    #expect(lines[quote] == " 3 | \tAcme\\x07 employs 3,400 people.")
    #expect(lines[quote + 1] == "   | \t" + String(repeating: " ", count: "Acme\\x07 employs ".count) + "^~~~~")
  }
}
