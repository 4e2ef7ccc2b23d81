/// A calendar day, as publication dates are written: no time of day, no time zone — or, when the source
/// says no more, a month (`2024-08`) or a year (`2024`).
///
/// A partial date keeps its precision rather than inventing a day: it prints as written, and its year still
/// resolves "last year" and "l'année dernière". Distances are measured from the middle of the span (the
/// 15th, 1 July), so that a window comparison errs by at most half a month or half a year either way.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  /// How much of the date is known.
  public enum Precision: Int, Hashable, Sendable, Comparable {
    /// Only the year (`2024`).
    case year
    /// The year and month (`2024-08`).
    case month
    /// The whole date (`2024-08-15`).
    case day

    /// Whether `lhs` knows less of the date than `rhs`: `.year` < `.month` < `.day`.
    ///
    /// - Parameters:
    ///   - lhs: A precision.
    ///   - rhs: Another.
    /// - Returns: `true` when `lhs` is the coarser.
    public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Four-digit year.
  public var year: Int
  /// 1…12; 1 when only the year is known.
  public var month: Int
  /// 1…31; 1 when only the month or the year is known.
  public var day: Int
  /// `.day` unless the date was written as a month or a year.
  public var precision: Precision = .day

  /// Creates a day, or `nil` when the numbers do not make a real date (30 February).
  ///
  /// - Parameters:
  ///   - year: The year, 1…9999.
  ///   - month: The month, 1…12.
  ///   - day: The day of the month.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// A month whose day is not known (`2024-08`), or `nil` when the numbers make no month.
  ///
  /// - Parameters:
  ///   - year: The year, 1…9999.
  ///   - month: The month, 1…12.
  public init?(year: Int, month: Int) {
    self.init(year: year, month: month, day: 1)
    precision = .month
  }

  /// A year whose month and day are not known (`2024`), or `nil` outside 1…9999.
  ///
  /// - Parameter year: The year.
  public init?(year: Int) {
    self.init(year: year, month: 1, day: 1)
    precision = .year
  }

  /// Parses an ISO 8601 calendar date — `YYYY-MM-DD`, `YYYY-MM` or `YYYY` — as front matter writes it,
  /// optionally followed by a time (`2025-05-13T08:00:00Z`, `2025-05-13 08:00:00 +0200`), which is dropped.
  ///
  /// - Parameter text: The date; `nil` results when it is not one of these forms or not a real date.
  public init?(iso text: String) {
    guard case .success(let day) = Day.parse(iso: text) else { return nil }
    self = day
  }

  /// Why a text is not an ISO date: it is not written as one, or it is but names no real month or day.
  package enum ISOProblem: Error, Equatable {
    case notADate
    case noSuchYear
    case noSuchMonth(Int)
    case noSuchDay(year: Int, month: Int, day: Int)
  }

  /// ``init(iso:)`` with the reason of a refusal, for messages that say what is wrong ("no such day").
  package static func parse(iso text: String) -> Result<Day, ISOProblem> {
    parseASCII(iso: text) ?? parseCharacters(iso: text)
  }

  /// ``parse(iso:)`` for any text, `Character` by `Character`.
  package static func parseCharacters(iso text: String) -> Result<Day, ISOProblem> {
    let trimmed = text.trimmingWhitespace()
    // The date ends where a time begins.
    let date = trimmed.prefix { $0 != "T" && $0 != "t" && $0 != " " }
    let parts = date.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ (1...2).contains($0.count) }),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      parts.count == 3 || date.count == trimmed.count
    else { return .failure(.notADate) }
    return day(of: parts.map { Int($0)! })
  }

  /// The day (or month, or year) of a date's one to three numbers, the year first, or why there is none.
  private static func day(of numbers: [Int]) -> Result<Day, ISOProblem> {
    guard (1...9999).contains(numbers[0]) else { return .failure(.noSuchYear) }
    guard numbers.count > 1 else { return .success(Day(year: numbers[0])!) }
    guard (1...12).contains(numbers[1]) else { return .failure(.noSuchMonth(numbers[1])) }
    guard numbers.count > 2 else { return .success(Day(year: numbers[0], month: numbers[1])!) }
    guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else {
      return .failure(.noSuchDay(year: numbers[0], month: numbers[1], day: numbers[2]))
    }
    return .success(day)
  }

  /// ``parse(iso:)`` on the bytes of an ASCII date (as front matter's are), with the same answers; `nil`
  /// for any other text, which the `Character` version reads (it cost some 20,000 instructions a date, and
  /// every article has one).
  package static func parseASCII(iso text: String) -> Result<Day, ISOProblem>? {
    var text = text
    return text.withUTF8 { bytes -> Result<Day, ISOProblem>? in
      guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
      func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
      var low = 0
      var high = bytes.count
      while low < high && isSpace(bytes[low]) { low += 1 }
      while high > low && isSpace(bytes[high - 1]) { high -= 1 }
      // The date ends where a time begins.
      var end = low
      while end < high && bytes[end] != UInt8(ascii: "T") && bytes[end] != UInt8(ascii: "t") && bytes[end] != UInt8(ascii: " ") { end += 1 }
      var numbers: [Int] = []
      var lengths: [Int] = []
      var start = low
      var allDigits = true
      for i in low...end where i == end || bytes[i] == UInt8(ascii: "-") {
        var number = 0
        for k in start..<i {
          let digit = Int(bytes[k]) - 0x30
          if digit < 0 || digit > 9 { allDigits = false } else if number < 100_000 { number = number * 10 + digit }
        }
        numbers.append(number)
        lengths.append(i - start)
        start = i + 1
      }
      guard (1...3).contains(numbers.count), lengths[0] == 4, lengths.dropFirst().allSatisfy({ (1...2).contains($0) }), allDigits,
        numbers.count == 3 || end == high
      else { return .failure(.notADate) }
      return day(of: numbers)
    }
  }

  /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the parts that are known.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    switch precision {
    case .year: return pad(year, 4)
    case .month: return "\(pad(year, 4))-\(pad(month, 2))"
    case .day: return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
  }

  /// Days since 0001-01-01 (proleptic Gregorian), for distances between days; for a month its 15th, for
  /// a year its 1 July — the middle of the span.
  public var ordinal: Int {
    let y = year - 1
    var days = y * 365 + y / 4 - y / 100 + y / 400
    let (month, day) = switch precision {
    case .day: (self.month, self.day)
    case .month: (self.month, 15)
    case .year: (7, 1)
    }
    for m in 1..<month { days += Day.daysIn(month: m, year: year) }
    return days + day - 1
  }

  /// Number of days between two days (absolute), as ``FactCheckOptions/windowDays`` measures it.
  ///
  /// - Parameter other: Another day.
  /// - Returns: The days between their ``ordinal``s, never negative.
  public func distance(to other: Day) -> Int { abs(other.ordinal - ordinal) }

  /// By ``ordinal``; at the same ordinal (`2024-08` and `2024-08-15`) the less precise comes first.
  ///
  /// - Parameters:
  ///   - lhs: A day.
  ///   - rhs: Another.
  /// - Returns: `true` when `lhs` sorts first.
  public static func < (lhs: Day, rhs: Day) -> Bool {
    lhs.ordinal != rhs.ordinal ? lhs.ordinal < rhs.ordinal : lhs.precision < rhs.precision
  }

  package static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Decodes what ``encode(to:)`` writes: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  ///
  /// - Parameter decoder: A decoder holding one string.
  /// - Throws: `DecodingError.dataCorrupted` when the string is not such a date.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD, YYYY-MM or YYYY date: \(text)"))
    }
    self = day
  }

  /// Encodes the day as one string, ``description`` (`2024-08-15`, `2024-08`, `2024`), the form the JSON
  /// report and the claim stream use, so that the precision survives a round trip.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: What the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension StringProtocol {
  /// The string without leading and trailing spaces, tabs and line breaks (no Foundation needed).
  package func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    // ASCII answered without Unicode's property tables (a look-up costs about a thousand instructions).
    func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
    while start < end && isWhitespace(scalars[start]) { start = scalars.index(after: start) }
    while end > start && isWhitespace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    // One copy of the bytes between two scalar boundaries (a range subscript keeps them exactly), not a
    // string grown one scalar at a time.
    return String(self[start..<end])
  }
}
