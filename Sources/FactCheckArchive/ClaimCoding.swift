import FactCheck
import Foundation

/// Exact text forms of the claim fields SQLite has no type for: a ``Period`` (recursive) and a ``Hedge``
/// (a case and its parameter). ``Period/description`` is the readable key the archive indexes; these forms
/// round-trip every value, including those the key form cannot tell apart.
enum ClaimCoding {
  // MARK: Period

  /// `c` current, `u` unspecified, `y2024`, `r-1`, `q3(…)`, `m11(…)`, `x(…)(…)` a change.
  static func code(_ period: Period) -> String {
    switch period {
    case .current: return "c"
    case .unspecified: return "u"
    case .year(let y): return "y\(y)"
    case .relativeYear(let n): return "r\(n)"
    case .quarter(let q, let year): return "q\(q)(\(code(year)))"
    case .month(let m, let year): return "m\(m)(\(code(year)))"
    case .change(let from, let to): return "x(\(code(from)))(\(code(to)))"
    }
  }

  /// The period of a code, or `nil` when the code is malformed.
  static func period(_ code: String) -> Period? {
    var scanner = Array(code.utf8)[...]
    guard let period = parsePeriod(&scanner), scanner.isEmpty else { return nil }
    return period
  }

  private static func parsePeriod(_ input: inout ArraySlice<UInt8>) -> Period? {
    guard let tag = input.popFirst() else { return nil }
    switch tag {
    case UInt8(ascii: "c"): return .current
    case UInt8(ascii: "u"): return .unspecified
    case UInt8(ascii: "y"): return parseInt(&input).map { .year($0) }
    case UInt8(ascii: "r"): return parseInt(&input).map { .relativeYear($0) }
    case UInt8(ascii: "q"), UInt8(ascii: "m"):
      guard let number = parseInt(&input), let inner = parseGroup(&input) else { return nil }
      return tag == UInt8(ascii: "q") ? .quarter(number, of: inner) : .month(number, of: inner)
    case UInt8(ascii: "x"):
      guard let from = parseGroup(&input), let to = parseGroup(&input) else { return nil }
      return .change(from: from, to: to)
    default: return nil
    }
  }

  private static func parseGroup(_ input: inout ArraySlice<UInt8>) -> Period? {
    guard input.popFirst() == UInt8(ascii: "("), let inner = parsePeriod(&input), input.popFirst() == UInt8(ascii: ")") else { return nil }
    return inner
  }

  private static func parseInt(_ input: inout ArraySlice<UInt8>) -> Int? {
    var digits = ""
    while let byte = input.first, byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
      digits.append(Character(Unicode.Scalar(byte)))
      input.removeFirst()
    }
    return Int(digits)
  }

  // MARK: Hedge

  /// The hedge's ``Hedge/name`` and its parameter (a tolerance, a range's high end), if any.
  static func code(_ hedge: Hedge) -> (name: String, parameter: Double?) {
    switch hedge {
    case .approximate(let tolerance), .nearly(let tolerance): return (hedge.name, tolerance)
    case .range(let high): return (hedge.name, high)
    default: return (hedge.name, nil)
    }
  }

  /// The hedge of a name and parameter, or `nil` when they do not make one.
  static func hedge(name: String, parameter: Double?) -> Hedge? {
    switch name {
    case "exact": return .exact
    case "approximate": return parameter.map { .approximate(tolerance: $0) }
    case "nearly": return parameter.map { .nearly(tolerance: $0) }
    case "at_least": return .lowerBound(inclusive: true)
    case "more_than": return .lowerBound(inclusive: false)
    case "at_most": return .upperBound(inclusive: true)
    case "less_than": return .upperBound(inclusive: false)
    case "range": return parameter.map { .range(high: $0) }
    default: return nil
    }
  }

  // MARK: Lists

  /// A list of strings (a claim's notes) as a JSON array; the empty list as the empty string.
  static func join(_ items: [String]) -> String {
    guard !items.isEmpty, let data = try? JSONEncoder().encode(items) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  static func split(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [text]
  }
}
