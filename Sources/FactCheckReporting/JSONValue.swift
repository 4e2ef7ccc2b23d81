import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// A JSON document built in memory and written with sorted keys, so reports diff cleanly. Its numbers and
/// strings are written by ``JSONWriter``'s code, so a document streamed through a writer has the same bytes.
package indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A number, or `null` when it is not finite (JSON has no infinity).
  package static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

  /// An optional string, `null` when absent.
  package static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// The JSON text, pretty-printed with two-space indentation.
  package func serialized(indent: Int = 0, pretty: Bool = true) -> String {
    String(decoding: serializedBytes(indent: indent, pretty: pretty), as: UTF8.self)
  }

  /// The JSON text as UTF-8 bytes. Written into one byte buffer, strings copied run by run: a report is
  /// several times its articles' size, and building it one Unicode scalar at a time into a `String` was a
  /// fifth of a run's instructions.
  package func serializedBytes(indent: Int = 0, pretty: Bool = true) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    write(into: &output, indent: indent, pretty: pretty)
    return output
  }

  private func write(into output: inout [UInt8], indent: Int, pretty: Bool) {
    switch self {
    case .null: output += "null".utf8
    case .bool(let b): output += (b ? "true" : "false").utf8
    case .number(let n): JSONWriter.appendNumber(n, to: &output)
    case .string(let s): JSONWriter.appendString(s, to: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]".utf8
        return
      }
      output.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if pretty { JSONWriter.appendNewline(to: &output, depth: indent + 1) }
        item.write(into: &output, indent: indent + 1, pretty: pretty)
        if i + 1 < items.count { output.append(UInt8(ascii: ",")) }
      }
      if pretty { JSONWriter.appendNewline(to: &output, depth: indent) }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output.append(UInt8(ascii: "{"))
      let keys = members.keys.sorted()
      for (i, key) in keys.enumerated() {
        if pretty { JSONWriter.appendNewline(to: &output, depth: indent + 1) }
        JSONWriter.appendString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        members[key]!.write(into: &output, indent: indent + 1, pretty: pretty)
        if i + 1 < keys.count { output.append(UInt8(ascii: ",")) }
      }
      if pretty { JSONWriter.appendNewline(to: &output, depth: indent) }
      output.append(UInt8(ascii: "}"))
    }
  }
}
