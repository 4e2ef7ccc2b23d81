import Foundation

/// A JSON value, decoded strictly (a boolean is never a number).
indirect enum StreamJSON: Decodable, Equatable {
  case null, bool(Bool), int(Int), double(Double), string(String), array([StreamJSON]), object([String: StreamJSON])

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() { self = .null }
    else if let b = try? c.decode(Bool.self) { self = .bool(b) }
    else if let i = try? c.decode(Int.self) { self = .int(i) }
    else if let d = try? c.decode(Double.self) { self = .double(d) }
    else if let s = try? c.decode(String.self) { self = .string(s) }
    else if let a = try? c.decode([StreamJSON].self) { self = .array(a) }
    else { self = .object(try c.decode([String: StreamJSON].self)) }
  }

  static func parse(_ text: String) throws -> StreamJSON { try JSONDecoder().decode(StreamJSON.self, from: Data(text.utf8)) }

  subscript(key: String) -> StreamJSON? {
    if case .object(let o) = self { return o[key] }
    return nil
  }
  var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }
}

/// Validates JSON against the subset of JSON Schema 2020-12 the claim-stream schema uses: `type`, `const`,
/// `enum`, `required`, `properties`, `additionalProperties`, `items`, `minItems`, `maxItems`, `uniqueItems`,
/// `minLength`, `minimum`, `maximum`, `pattern`, `oneOf` and local `$ref`s. Any other keyword fails the
/// validation, so the schema cannot outgrow what is checked.
struct JSONSchemaSubset {
  let root: StreamJSON
  static let known: Set<String> = ["$schema", "$id", "title", "description", "$defs", "type", "const", "enum", "required",
    "properties", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "minLength", "minimum",
    "maximum", "pattern", "oneOf", "$ref"]

  /// The problems of `value` (empty: valid).
  func errors(_ value: StreamJSON, _ schema: StreamJSON? = nil, at path: String = "$") -> [String] {
    guard case .object(let s) = schema ?? root else { return ["\(path): schema is not an object"] }
    var errors: [String] = []
    for key in s.keys where !JSONSchemaSubset.known.contains(key) { errors.append("\(path): unsupported keyword \(key)") }
    if let ref = s["$ref"]?.string {
      var target = root
      for part in ref.dropFirst(2).split(separator: "/") { target = target[String(part)] ?? .null }
      errors += self.errors(value, target, at: path)
    }
    if case .array(let options)? = s["oneOf"] {
      let passing = options.filter { self.errors(value, $0, at: path).isEmpty }.count
      if passing != 1 { errors.append("\(path): matches \(passing) of oneOf's \(options.count) schemas") }
    }
    if let constant = s["const"], constant != value { errors.append("\(path): not the constant") }
    if case .array(let values)? = s["enum"], !values.contains(value) { errors.append("\(path): not one of the enum") }
    if let type = s["type"]?.string {
      let ok: Bool
      switch (type, value) {
      case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double): ok = true
      default: ok = false
      }
      if !ok { errors.append("\(path): not of type \(type)") }
    }
    switch value {
    case .object(let object):
      if case .array(let required)? = s["required"] {
        for key in required.compactMap(\.string) where object[key] == nil { errors.append("\(path): missing \(key)") }
      }
      let properties: [String: StreamJSON]
      if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
      for (key, item) in object {
        if let schema = properties[key] { errors += self.errors(item, schema, at: "\(path).\(key)") }
        else if let additional = s["additionalProperties"] {
          if additional == .bool(false) { errors.append("\(path): unexpected \(key)") }
          else if case .object = additional { errors += self.errors(item, additional, at: "\(path).\(key)") }
        }
      }
    case .array(let items):
      if let schema = s["items"] { for (i, item) in items.enumerated() { errors += self.errors(item, schema, at: "\(path)[\(i)]") } }
      if case .int(let n)? = s["minItems"], items.count < n { errors.append("\(path): fewer than \(n) items") }
      if case .int(let n)? = s["maxItems"], items.count > n { errors.append("\(path): more than \(n) items") }
      if s["uniqueItems"] == .bool(true) {
        for i in items.indices where items[..<i].contains(items[i]) { errors.append("\(path): item \(i) repeated") }
      }
    case .string(let text):
      if case .int(let n)? = s["minLength"], text.unicodeScalars.count < n { errors.append("\(path): shorter than \(n)") }
      if let pattern = s["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): does not match \(pattern)") }
    case .int(let number):
      if case .int(let n)? = s["minimum"], number < n { errors.append("\(path): below \(n)") }
      if case .int(let n)? = s["maximum"], number > n { errors.append("\(path): above \(n)") }
    default: break
    }
    return errors
  }
}
