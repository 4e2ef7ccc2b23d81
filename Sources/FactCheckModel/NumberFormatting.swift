import Foundation

/// How figures are shown in reports: thousands grouped with a space ("3 500"), scales spelled for big
/// money ("6.7 billion"), no needless decimals.
package enum NumberFormatting {
  /// A plain number: `3500` → "3 500", `22.5` → "22.5", `6.7e9` → "6 700 000 000".
  package static func plain(_ value: Double) -> String {
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    let negative = value < 0
    let magnitude = abs(value)
    let rounded = (magnitude * 100).rounded() / 100
    var integer = String(format: "%.0f", rounded.rounded(.down))
    let fraction = rounded - rounded.rounded(.down)
    var groups: [String] = []
    while integer.count > 3 {
      groups.insert(String(integer.suffix(3)), at: 0)
      integer = String(integer.dropLast(3))
    }
    groups.insert(integer, at: 0)
    var text = groups.joined(separator: " ")
    if fraction > 0.000_001 {
      let decimals = String(format: "%.2f", fraction).dropFirst(1)  // ".50"
      var trimmed = String(decimals)
      while trimmed.hasSuffix("0") { trimmed.removeLast() }
      text += trimmed
    }
    return (negative ? "-" : "") + text
  }

  /// A value with its unit, compact for large money: `6.7e9, USD` → "6.7 billion USD", `22, %` → "22 %",
  /// `1998, year` → "1998".
  package static func value(_ value: Double, unit: String?) -> String {
    let number: String
    // A year is written as one ("1998", not "1 998 year").
    if unit == "year", value == value.rounded(), abs(value) < 10_000 { return String(Int(value)) }
    if abs(value) >= 1_000_000_000 {
      number = plain(value / 1_000_000_000) + " billion"
    } else if abs(value) >= 1_000_000 {
      number = plain(value / 1_000_000) + " million"
    } else {
      number = plain(value)
    }
    guard let unit, !unit.isEmpty else { return number }
    return "\(number) \(unit)"
  }

  /// A value with its hedge: "≈3 800", "≲ 187 000" (nearly), "> 600 000", "≥ 700".
  package static func hedged(_ value: Double, hedge: Hedge, unit: String?) -> String {
    let text = Self.value(value, unit: unit)
    switch hedge {
    case .exact: return text
    case .approximate: return "≈" + text
    case .nearly: return "≲ " + text
    case .lowerBound(let inclusive): return (inclusive ? "≥ " : "> ") + text
    case .upperBound(let inclusive): return (inclusive ? "≤ " : "< ") + text
    case .range(let high): return plain(value) + "–" + Self.value(high, unit: unit)
    }
  }
}
