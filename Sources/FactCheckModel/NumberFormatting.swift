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
    let whole = rounded.rounded(.down)
    let fraction = rounded - whole
    // Digits by integer arithmetic: `String(format:)` cost about 16,000 instructions a figure, and findings
    // format each of their figures several times. A whole part beyond 2^53 or a fraction that is no clear
    // hundredth (the float's grain at 10^13 and more) takes the formatted way, which this reproduces.
    let hundredths = (fraction * 100).rounded()
    guard whole < 9.0e15, fraction <= 0.000_001 || (hundredths >= 1 && hundredths <= 99 && abs(fraction * 100 - hundredths) < 0.4)
    else { return formattedPlain(value) }
    var digits = Array(String(Int(whole)).utf8)
    var text: [UInt8] = []
    text.reserveCapacity(digits.count + digits.count / 3 + 4)
    if negative { text.append(UInt8(ascii: "-")) }
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { text.append(UInt8(ascii: " ")) }
      text.append(digit)
    }
    if fraction > 0.000_001 {
      let cents = Int(hundredths)
      digits = [UInt8(ascii: "0") + UInt8(cents / 10), UInt8(ascii: "0") + UInt8(cents % 10)]
      while digits.last == UInt8(ascii: "0") { digits.removeLast() }
      text.append(UInt8(ascii: "."))
      text.append(contentsOf: digits)
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// ``plain(_:)`` through `String(format:)`, as it was written before it counted digits itself: the way
  /// for the figures its integer arithmetic does not cover, and what a test holds it to.
  package static func formattedPlain(_ value: Double) -> String {
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    let negative = value < 0
    let rounded = (abs(value) * 100).rounded() / 100
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
