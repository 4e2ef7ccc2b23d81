import Foundation

/// A claim-stream or stream-input line that cannot be read, with where: `path:line:column: error: …`.
package struct ClaimStreamError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong with a line.
  package enum Problem: Error, Hashable, Sendable {
    /// Not JSON (or not an object).
    case syntax(String)
    /// A field is missing.
    case missing(String)
    /// A field has the wrong type or value; the second value says what was expected.
    case field(String, String)
    /// The record's version is not one this reader knows.
    case version(String)
  }

  /// The stream's name (`<stdin>` for standard input).
  package var path: String
  /// 1-based line.
  package var line: Int
  /// 1-based column, in Unicode scalars: the offending value's, else 1.
  package var column: Int
  /// What is wrong.
  package var problem: Problem

  /// Creates an error.
  package init(path: String, line: Int, column: Int, problem: Problem) {
    self.path = path
    self.line = line
    self.column = column
    self.problem = problem
  }

  /// `path:line:column: error: …`.
  package var description: String { "\(path):\(line):\(column): error: \(message)" }

  /// `path:line:column: …`, for a program that adds its own `error:` prefix.
  package var locatedMessage: String { "\(path):\(line):\(column): \(message)" }

  /// What is wrong, without the place.
  package var message: String {
    switch problem {
    case .syntax(let detail): return "not a JSON object: \(detail)"
    case .missing(let field): return "missing field '\(field)'"
    case .field(let field, let expected): return "bad '\(field)': \(expected)"
    case .version(let detail): return detail
    }
  }

  init(path: String, line: Int, problem: Problem, in bytes: [UInt8]) {
    let field: String?
    switch problem {
    case .field(let name, _), .missing(let name): field = name
    case .syntax, .version: field = nil
    }
    self.init(path: path, line: line, column: field.map { ClaimStreamError.column(ofField: $0, in: bytes) } ?? 1, problem: problem)
  }

  /// The error of a `JSONDecoder` failure, placed at the offending field's value when the line shows it.
  init(path: String, line: Int, decoding error: any Error, in bytes: [UInt8]) {
    func dotted(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
    let problem: Problem
    var column: Int?
    switch error as? DecodingError {
    case .keyNotFound(let key, let context)?:
      problem = .missing(dotted(context.codingPath + [key]))
      column = 1
    case .typeMismatch(_, let context)? where context.codingPath.isEmpty:
      problem = .syntax("a line is one object, {…}")
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      problem = .field(dotted(context.codingPath), context.debugDescription)
      column = ClaimStreamError.column(ofPath: context.codingPath, in: bytes)
    case .dataCorrupted(let context)?:
      if context.codingPath.isEmpty {
        let detail = (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        problem = .syntax(ClaimStreamError.shortened(detail))
        column = ClaimStreamError.reportedColumn(detail) ?? ClaimStreamError.reportedColumn(context.debugDescription)
      } else if context.debugDescription.contains("version") {
        problem = .version(context.debugDescription)
        column = ClaimStreamError.column(ofField: "v", in: bytes)
      } else {
        problem = .field(dotted(context.codingPath), context.debugDescription)
        column = ClaimStreamError.column(ofPath: context.codingPath, in: bytes)
      }
    default:
      problem = .syntax(ClaimStreamError.shortened("\(error)"))
    }
    self.init(path: path, line: line, column: column ?? 1, problem: problem)
  }

  /// The column of the value of the first `"field":` in the line, else 1.
  static func column(ofField field: String, in bytes: [UInt8]) -> Int { column(ofKeys: [field], in: bytes) }

  /// The column of the value at a coding path (`period.of.year`): each key looked for after the previous
  /// one; 1 when the line does not show it.
  static func column(ofPath path: [any CodingKey], in bytes: [UInt8]) -> Int {
    column(ofKeys: path.filter { $0.intValue == nil }.map(\.stringValue), in: bytes)
  }

  private static func column(ofKeys keys: [String], in bytes: [UInt8]) -> Int {
    var from = 0
    for key in keys {
      let needle = Array("\"\(key)\"".utf8)
      guard needle.count <= bytes.count - from,
        let start = (from...(bytes.count - needle.count)).first(where: { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
      else { return 1 }
      from = start + needle.count
      while from < bytes.count, bytes[from] == 0x20 || bytes[from] == UInt8(ascii: ":") { from += 1 }
    }
    guard !keys.isEmpty else { return 1 }
    return bytes[..<min(from, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
  }

  /// "… column 12 …" or "… offset 11 …" in a JSON parser's message.
  private static func reportedColumn(_ message: String) -> Int? {
    for (word, shift) in [("column ", 0), ("offset ", 1)] {
      guard let range = message.range(of: word) else { continue }
      let digits = message[range.upperBound...].prefix { $0.isNumber }
      if let number = Int(digits) { return number + shift }
    }
    return nil
  }

  private static func shortened(_ message: String) -> String {
    let line = message.split(separator: "\n").first.map(String.init) ?? message
    return line.count > 200 ? String(line.prefix(200)) + "…" : line
  }
}
