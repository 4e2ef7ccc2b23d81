import Foundation

/// A claim-stream or stream-input line that cannot be read, with where: `path:line:column: error: …`.
public struct ClaimStreamError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong with a line.
  public enum Problem: Error, Hashable, Sendable {
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
  public var path: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, in Unicode scalars: the offending value's, else 1.
  public var column: Int
  /// What is wrong.
  public var problem: Problem

  /// Creates an error.
  public init(path: String, line: Int, column: Int, problem: Problem) {
    self.path = path
    self.line = line
    self.column = column
    self.problem = problem
  }

  /// `path:line:column: error: …`.
  public var description: String {
    let what: String
    switch problem {
    case .syntax(let detail): what = "not a JSON object: \(detail)"
    case .missing(let field): what = "missing field '\(field)'"
    case .field(let field, let expected): what = "bad '\(field)': \(expected)"
    case .version(let detail): what = detail
    }
    return "\(path):\(line):\(column): error: \(what)"
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
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      problem = .field(dotted(context.codingPath), context.debugDescription)
      column = context.codingPath.last(where: { $0.intValue == nil }).map { ClaimStreamError.column(ofField: $0.stringValue, in: bytes) }
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
        column = context.codingPath.last(where: { $0.intValue == nil }).map { ClaimStreamError.column(ofField: $0.stringValue, in: bytes) }
      }
    default:
      problem = .syntax(ClaimStreamError.shortened("\(error)"))
    }
    self.init(path: path, line: line, column: column ?? 1, problem: problem)
  }

  /// The column of the value of the first `"field":` in the line, else 1.
  static func column(ofField field: String, in bytes: [UInt8]) -> Int {
    let needle = Array("\"\(field)\"".utf8)
    guard needle.count <= bytes.count else { return 1 }
    for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
      var end = start + needle.count
      while end < bytes.count, bytes[end] == 0x20 || bytes[end] == UInt8(ascii: ":") { end += 1 }
      return bytes[..<min(end, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
    return 1
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
