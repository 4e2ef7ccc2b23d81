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

  /// Lines and columns read a byte at a time, to check the index's word-at-a-time passes against.
  private static func naivePosition(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset {
      if bytes[index] == 0x0A || (bytes[index] == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    return (line, bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1)
  }

  /// Texts of every length around the eight-byte words and the 4,096-byte strides, line breaks of every kind
  /// at every alignment, and characters of one to four bytes: every offset's position is the naive one.
  @Test(arguments: [(7, 1), (8, 2), (9, 3), (63, 4), (4_095, 5), (4_097, 6), (9_000, 7), (9_000, 8)])
  func positionsMatchAByteAtATimeCount(length: Int, seed: UInt64) {
    let pieces: [String] = ["a", "é", "—", "😀", "\n", "\r\n", "\r", " ", "x"]
    var state = seed &* 0x9E37_79B9_7F4A_7C15
    var text = ""
    // One long line first when the text is long, so that a column past a stride is read from the checkpoints.
    if length > 4_096 { text = String(repeating: "é", count: 2_100) }
    while text.utf8.count < length {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let draw = Int(state >> 33) % (seed % 2 == 0 ? pieces.count : pieces.count - 3)
      text += pieces[draw]
    }
    let bytes = Array(text.utf8)
    let index = LineIndex(bytes)
    for offset in stride(from: 0, through: bytes.count, by: bytes.count > 100 ? 7 : 1) where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
      let expected = LineIndexTests.naivePosition(bytes, offset)
      let position = index.position(of: offset)
      #expect(position.line == expected.line && position.column == expected.column, "offset \(offset)")
    }
  }
}
