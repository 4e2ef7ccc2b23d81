/// A JSON document built in memory and written with sorted keys, so reports diff cleanly.
package indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A number, or `null` when it is not finite (JSON has no infinity).
  static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

  /// An optional string, `null` when absent.
  static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

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
    case .number(let n):
      if n == n.rounded() && abs(n) < 1e15 { output += String(Int64(n)).utf8 } else { output += "\(n)".utf8 }
    case .string(let s): JSONValue.writeString(s, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]".utf8
        return
      }
      output.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if pretty { JSONValue.newline(into: &output, depth: indent + 1) }
        item.write(into: &output, indent: indent + 1, pretty: pretty)
        if i + 1 < items.count { output.append(UInt8(ascii: ",")) }
      }
      if pretty { JSONValue.newline(into: &output, depth: indent) }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output.append(UInt8(ascii: "{"))
      let keys = members.keys.sorted()
      for (i, key) in keys.enumerated() {
        if pretty { JSONValue.newline(into: &output, depth: indent + 1) }
        JSONValue.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        members[key]!.write(into: &output, indent: indent + 1, pretty: pretty)
        if i + 1 < keys.count { output.append(UInt8(ascii: ",")) }
      }
      if pretty { JSONValue.newline(into: &output, depth: indent) }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(into output: inout [UInt8], depth: Int) {
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  /// A JSON string: the bytes copied as they are, but for `"`, `\\`, control characters and U+2028/U+2029
  /// (line breaks to JavaScript), which are escaped.
  private static func writeString(_ s: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { bytes in
      var runStart = 0
      var i = 0
      func flush(_ end: Int) {
        if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
      }
      while i < bytes.count {
        let byte = bytes[i]
        var escape: String?
        var width = 1
        switch byte {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0x00..<0x20:
          let hex = String(byte, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
          escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          width = 3
        default: break
        }
        if let escape {
          flush(i)
          output += escape.utf8
          i += width
          runStart = i
        } else {
          i += 1
        }
      }
      flush(bytes.count)
    }
    output.append(UInt8(ascii: "\""))
  }
}
