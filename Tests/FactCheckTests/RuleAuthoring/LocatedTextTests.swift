import Testing
import Yams

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Every character of a scalar maps back to where it is written, whatever the scalar's style.
@Suite struct LocatedTextTests {
  /// A rule file whose `pattern:` is written in one style, and the value YAML reads.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let value: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "plain", yaml: "pattern: emploie {count} [z-a]\n", value: "emploie {count} [z-a]"),
    Case(name: "plain over three lines", yaml: "pattern: emploie {count}\n    {staff}   \n\n    [z-a] fin\nnext: 1\n",
         value: "emploie {count} {staff}\n[z-a] fin"),
    Case(name: "single-quoted", yaml: "pattern: 'l''entreprise emploie {count} ’ [z-a]'\n",
         value: "l'entreprise emploie {count} ’ [z-a]"),
    Case(name: "single-quoted over two lines", yaml: "pattern: 'l''entreprise\n   emploie {count} [z-a]'\n",
         value: "l'entreprise emploie {count} [z-a]"),
    Case(name: "double-quoted with escapes", yaml: "pattern: \"\\\\p{L}+ \\u00e9quipes \\x41 \\\" \\t [z-a]\"\n",
         value: "\\p{L}+ équipes A \" \t [z-a]"),
    Case(name: "double-quoted with an escaped line break", yaml: "pattern: \"emploie \\\n    {count} [z-a]\"\n",
         value: "emploie {count} [z-a]"),
    Case(name: "literal block", yaml: "rule:\n  pattern: |\n    emploie {count}\n      {staff}\n\n    [z-a]\n  next: 1\n",
         value: "emploie {count}\n  {staff}\n\n[z-a]\n"),
    Case(name: "literal block, strip, explicit indentation", yaml: "rule:\n  pattern: |-2\n     emploie {count}\n    [z-a]\n",
         value: " emploie {count}\n[z-a]"),
    Case(name: "folded block", yaml: "rule:\n  pattern: >\n    emploie {count}\n    {staff}\n\n    [z-a]\n",
         value: "emploie {count} {staff}\n[z-a]\n"),
    Case(name: "multi-byte characters before", yaml: "pattern: 'réunit ’ « {count} » [z-a]'\n",
         value: "réunit ’ « {count} » [z-a]"),
  ]

  /// The scalar `pattern:` of a YAML text, located.
  static func pattern(in yaml: String) throws -> (LocatedText, YAMLReader) {
    let reader = YAMLReader(path: "test.yaml", text: yaml)
    let root = try #require(reader.compose())
    let node = try #require(root["pattern"] ?? root["rule"]?["pattern"])
    return (try #require(reader.locatedString(node, key: "pattern")), reader)
  }

  @Test(arguments: cases)
  func everyCharacterMapsToWhereItIsWritten(_ example: Case) throws {
    let (located, reader) = try Self.pattern(in: example.yaml)
    #expect(located.text == example.value)
    let lines = (1...reader.lineCount).map { Array(reader.sourceLine($0).unicodeScalars) }
    var byte = 0
    for scalar in located.text.unicodeScalars {
      let location = located.location(ofByte: byte)
      byte += UTF8.width(scalar)
      if scalar == " " || scalar == "\n" { continue }  // folded line breaks have no character of their own
      let line = lines[location.line - 1]
      let written = location.column - 1 < line.count ? line[location.column - 1] : nil
      // An escape maps to its backslash; a quote doubled in single quotes to its first quote.
      #expect(written == scalar || written == "\\", "'\(scalar)' mapped to \(location), where '\(written.map(String.init) ?? "end")' is")
    }
  }

  @Test func theRangeOfABrokenClassIsFoundOnItsLine() throws {
    for example in Self.cases {
      let (located, reader) = try Self.pattern(in: example.yaml)
      let offset = try #require(located.text.utf8.firstRange(of: "[z-a]".utf8)).lowerBound
      let location = located.location(ofByte: located.text.utf8.distance(from: located.text.utf8.startIndex, to: offset) + 3)
      let line = Array(reader.sourceLine(location.line).unicodeScalars)
      #expect(line[location.column - 1] == "a", "\(example.name): \(location)")
      #expect(line[location.column - 3] == "z", "\(example.name): \(location)")
    }
  }

  @Test func theEndOfAQuotedValueIsItsClosingQuote() throws {
    let (located, _) = try Self.pattern(in: "pattern: 'emploie (salariés'\n")
    #expect(located.location(ofByte: located.text.utf8.count) == SourceLocation(path: "test.yaml", line: 1, column: 28))
  }
}
