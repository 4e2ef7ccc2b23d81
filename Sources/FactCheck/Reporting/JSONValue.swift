/// A JSON document built in memory and written with sorted keys, so reports diff cleanly.
public indirect enum JSONValue: Sendable, Equatable {
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
  public func serialized(indent: Int = 0, pretty: Bool = true) -> String {
    var output = ""
    write(into: &output, indent: indent, pretty: pretty)
    return output
  }

  private func write(into output: inout String, indent: Int, pretty: Bool) {
    let newline = pretty ? "\n" : ""
    let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
    let closePad = pretty ? String(repeating: "  ", count: indent) : ""
    switch self {
    case .null: output += "null"
    case .bool(let b): output += b ? "true" : "false"
    case .number(let n):
      if n == n.rounded() && abs(n) < 1e15 { output += String(Int64(n)) } else { output += "\(n)" }
    case .string(let s): JSONValue.writeString(s, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "[" + newline
      for (i, item) in items.enumerated() {
        output += pad
        item.write(into: &output, indent: indent + 1, pretty: pretty)
        output += (i + 1 < items.count ? "," : "") + newline
      }
      output += closePad + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{" + newline
      let keys = members.keys.sorted()
      for (i, key) in keys.enumerated() {
        output += pad
        JSONValue.writeString(key, into: &output)
        output += pretty ? ": " : ":"
        members[key]!.write(into: &output, indent: indent + 1, pretty: pretty)
        output += (i + 1 < keys.count ? "," : "") + newline
      }
      output += closePad + "}"
    }
  }

  private static func writeString(_ s: String, into output: inout String) {
    output += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
