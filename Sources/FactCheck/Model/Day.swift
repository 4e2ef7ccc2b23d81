/// A calendar day, as publication dates are written: no time of day, no time zone.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  /// Four-digit year.
  public var year: Int
  /// 1…12.
  public var month: Int
  /// 1…31.
  public var day: Int

  /// Creates a day, or `nil` when the numbers do not make a real date.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` (ISO 8601), the form front matter uses.
  public init?(iso text: String) {
    let parts = text.trimmingWhitespace().split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2].prefix(2))
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Days since 0001-01-01 (proleptic Gregorian), for distances between days.
  public var ordinal: Int {
    let y = year - 1
    var days = y * 365 + y / 4 - y / 100 + y / 400
    for m in 1..<month { days += Day.daysIn(month: m, year: year) }
    return days + day - 1
  }

  /// Number of days between two days (absolute).
  public func distance(to other: Day) -> Int { abs(other.ordinal - ordinal) }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension StringProtocol {
  /// The string without leading and trailing spaces, tabs and line breaks (no Foundation needed).
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
    while end > start && scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars[start..<end])
    return result
  }
}
