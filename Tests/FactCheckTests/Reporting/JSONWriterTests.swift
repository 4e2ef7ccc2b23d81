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

  /// Strings are scanned for bytes to escape eight at a time: one at any offset of a string around a word's
  /// length is escaped as a scalar-by-scalar reading of JSON's rules escapes it.
  @Test func escapesAtEveryOffset() {
    func reference(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
    // Fillers whose bytes lie next to those escaped (0xA2 and 0x9C after 0xC2, 0xC3; 0x7F; a space, the bound).
    for filler in ["a", "¢", "Ü", "â", "\u{7F}", " "] {
      for length in 1..<20 {
        for offset in 0..<length {
          for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", " ", "\u{2028}", "\u{2029}", "é", "’", "€"] {
            var characters = Array(repeating: filler, count: length)
            characters[offset] = special
            // A second one in the same eight bytes.
            if offset + 3 < length { characters[offset + 3] = "\"" }
            let text = characters.joined()
            var writer = JSONWriter()
            writer.string(text)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == reference(text),
                    "\(filler) \(length) \(offset) \(special.unicodeScalars.first!.value)")
          }
        }
      }
    }
  }

  /// Literal keys are written as they are, and a name made at run time is escaped: both lay out alike, and
  /// lines deeper than the prepared indentation are indented in full.
  @Test func literalAndRunTimeKeysAndDeepLines() {
    for pretty in [true, false] {
      var literal = JSONWriter(pretty: pretty)
      var named = JSONWriter(pretty: pretty)
      for writer in [0, 1] {
        func write(_ body: (inout JSONWriter) -> Void) { if writer == 0 { body(&literal) } else { body(&named) } }
        write { $0.beginObject() }
        write { if writer == 0 { $0.key("claim_count") } else { $0.key(named: "claim_count") } }
        write { $0.integer(3) }
        write { if writer == 0 { $0.key("path") } else { $0.key(named: "path") } }
        write { $0.string("a.md") }
        write { $0.endObject() }
      }
      #expect(literal.bytes == named.bytes)
    }
    var deep = JSONWriter()
    for _ in 0..<40 { deep.beginArray() }
    deep.integer(1)
    for _ in 0..<40 { deep.endArray() }
    var nested = JSONValue.number(1)
    for _ in 0..<40 { nested = .array([nested]) }
    #expect(deep.bytes == nested.serializedBytes())
    let lines = String(decoding: deep.bytes, as: UTF8.self).split(separator: "\n")
    #expect(lines[40] == String(repeating: " ", count: 80) + "1")
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
        key(named: name)
        write(members[name]!)
      }
      endObject()
    }
  }
}
