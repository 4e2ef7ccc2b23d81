import Testing

@testable import FactCheckModel

/// ``TextNormalisation/asciiKey(_:)`` is ``TextNormalisation/key(_:)`` of ASCII text, as bytes; other text
/// has none.
@Suite struct AsciiKeyTests {
  @Test(arguments: ["In which", "  i.e.,\tTHAT  is\r\n", "", " \n ", "Or About 12 % ", "A-B's (x)"])
  func isTheKeyOfASCIIText(text: String) {
    #expect(TextNormalisation.asciiKey(Array(text.utf8)[...]) == Array(TextNormalisation.key(text).utf8))
  }

  @Test(arguments: ["lors de laquelle, où", "lorsqu\u{2019}il", "a\u{A0}b"])
  func isNoneForOtherText(text: String) {
    #expect(TextNormalisation.asciiKey(Array(text.utf8)[...]) == nil)
  }
}
