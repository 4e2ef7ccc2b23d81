import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The JSON writer: every string survives a round trip through a JSON parser, whatever it holds.
struct JSONValueTests {
  @Test(arguments: [
    "plain", "", "quote \" and backslash \\", "line\nbreak\r\ttab", "bell\u{07} esc\u{1B} nul\u{00}",
    "line separator \u{2028} and \u{2029}", "accents éàü, « guillemets », 3\u{202F}500 €", "emoji 👩‍💻 and 𝄞",
    "\u{E2}\u{80}", "ends with backslash \\",
  ])
  func stringsRoundTrip(text: String) throws {
    let value = JSONValue.object(["text": .string(text), "list": .array([.string(text), .number(3.5), .null, .bool(true)])])
    for pretty in [true, false] {
      let bytes = value.serializedBytes(pretty: pretty)
      let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      #expect(parsed["text"] as? String == text)
      #expect((parsed["list"] as? [Any])?.first as? String == text)
      #expect(value.serialized(pretty: pretty) == String(decoding: bytes, as: UTF8.self))
    }
  }

  @Test func lineSeparatorsAndControlsAreEscaped() {
    let text = JSONValue.string("a\u{2028}b\u{01}c\"d").serialized()
    #expect(text == #""a\u2028b\u0001c\"d""#)
  }
}
