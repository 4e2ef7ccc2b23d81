import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The streaming writer lays out a document byte for byte as ``JSONValue`` serialises the same tree: the JSON
/// report is streamed, the server's answers and other reports are trees, and both must read the same.
struct JSONWriterTests {
  static let strings = [
    "", "plain", "quote \" and backslash \\", "ends with backslash \\", "line\nbreak\r\ttab",
    "nul\u{00} bell\u{07} esc\u{1B} us\u{1F} del\u{7F}",
    "line separator \u{2028} and paragraph separator \u{2029}", "\u{2027}\u{202A} are not escaped", "â\u{80}",
    "accents éàü, « guillemets », 3\u{202F}500 €", "emoji 👩‍💻 and 𝄞", "\"", "\\",
  ]

  static let numbers: [Double] = [
    0, -0.0, 1, -1, 42, 3.5, -0.25, 0.1, 1e-7, 123_456_789, 999_999_999_999_999, 1e15, -1e15, 1e15 + 1, 2.5e20, -1.5e300,
    .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity, .nan,
  ]

  static let values: [JSONValue] = [
    .null, .bool(true), .bool(false), .array([]), .object([:]),
    .array(strings.map(JSONValue.string)),
    .array(numbers.map(JSONValue.finite)),
    .object(["b": .array([]), "a": .object([:]), "c": .array([.object([:]), .array([.array([])])])]),
    .object(Dictionary(uniqueKeysWithValues: strings.map { ($0, JSONValue.string($0)) })),
    .object(["_": .null, "a_b": .bool(true), "a": .number(1), "ab": .number(2), "B": .number(3), "é": .number(4), "z": .number(5)]),
    .array([.object(["claims": .array([.number(1), .number(2)]), "label": .string("3 500")]), .null, .array([.bool(false)])]),
  ]

  static let layouts: [(indent: Int, pretty: Bool)] = [(0, true), (0, false), (2, true)]

  @Test(arguments: values, layouts)
  func matchesTheTree(value: JSONValue, layout: (indent: Int, pretty: Bool)) {
    var writer = JSONWriter(indent: layout.indent, pretty: layout.pretty, capacity: 0)
    writer.write(value)
    #expect(writer.bytes == value.serializedBytes(indent: layout.indent, pretty: layout.pretty))
  }

  @Test(arguments: numbers)
  func numbersMatchTheTree(number: Double) {
    var writer = JSONWriter()
    writer.number(number)
    #expect(writer.bytes == JSONValue.number(number).serializedBytes())
    writer = JSONWriter()
    writer.finite(number)
    #expect(writer.bytes == JSONValue.finite(number).serializedBytes())
  }

  @Test(arguments: [0, 1, -1, 7, 10, -10, 99, 100, 123_456_789, 999_999_999_999_999, -999_999_999_999_999, 1_000_000_000_000_000,
                    -1_000_000_000_000_000, Int.max, Int.min])
  func integersMatchTheirDouble(integer: Int) {
    var writer = JSONWriter()
    writer.integer(integer)
    #expect(writer.bytes == JSONValue.number(Double(integer)).serializedBytes())
  }

  @Test func escapesAndLayout() {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("a")
    writer.beginArray()
    writer.string("x\u{2028}\u{01}\"\\")
    writer.integer(-12)
    writer.beginObject()
    writer.endObject()
    writer.endArray()
    writer.member("b", nil as String?)
    writer.endObject()
    writer.endLine()
    let expected = """
      {
        "a": [
          "x\\u2028\\u0001\\"\\\\",
          -12,
          {}
        ],
        "b": null
      }

      """
    #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
  }
}

extension JSONWriter {
  /// Writes a tree through the writer, keys in the order `JSONValue` sorts them.
  mutating func write(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .number(let n): number(n)
    case .string(let s): string(s)
    case .array(let items):
      beginArray()
      for item in items { write(item) }
      endArray()
    case .object(let members):
      beginObject()
      for name in members.keys.sorted() {
        key(name)
        write(members[name]!)
      }
      endObject()
    }
  }
}
