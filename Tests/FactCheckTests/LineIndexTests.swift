import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

@Suite struct LineIndexTests {
  @Test(arguments: [
    ("a\nb\nc", 4, 3, 1),
    ("a\r\nb\r\nc", 6, 3, 1),
    ("a\rb\rc", 4, 3, 1),
    ("é\nxé y", 6, 2, 3),
    ("ab", 1, 1, 2),
  ])
  func positionsCountLinesAndScalars(text: String, offset: Int, line: Int, column: Int) {
    let index = LineIndex(text)
    let position = index.position(of: offset)
    #expect(position.line == line)
    #expect(position.column == column)
  }

  @Test func offsetIsTheInverseOfPosition() {
    let index = LineIndex("première ligne\nseconde ligne — ok\n")
    for offset in [0, 3, 16, 20] {
      let position = index.position(of: offset)
      #expect(index.offset(line: position.line, column: position.column) == offset)
    }
  }
}
