/// How exactly a figure is stated: exactly, approximately, or as a bound.
///
/// The hedge decides which values a figure allows (``Claim/interval``): "about 3,800" and "3,650" can both be
/// true, "3,500" and "3,800" cannot.
public enum Hedge: Hashable, Sendable {
  /// "3 500".
  case exact
  /// "environ 3 800", "about 3,800": the true value is within `tolerance` (a fraction, 0.05 = ±5 %).
  case approximate(tolerance: Double)
  /// "presque 4 000", "nearly 187,000", "just under 4,000": just below the figure, by at most `tolerance`
  /// of it — never above it.
  case nearly(tolerance: Double)
  /// "plus de 600 000" (exclusive), "pas moins de 700", "at least 700" (inclusive).
  case lowerBound(inclusive: Bool)
  /// "moins de 100" (exclusive), "jusqu'à 30 000", "up to 30,000" (inclusive).
  case upperBound(inclusive: Bool)
  /// "de 15 à 20 %", "between 3,000 and 3,500": the value is the low end, `high` the other.
  case range(high: Double)

  /// A short name: `exact`, `approximate`, `nearly`, `more_than`, `at_least`, `less_than`, `at_most`, `range`.
  public var name: String {
    switch self {
    case .exact: return "exact"
    case .approximate: return "approximate"
    case .nearly: return "nearly"
    case .lowerBound(let inclusive): return inclusive ? "at_least" : "more_than"
    case .upperBound(let inclusive): return inclusive ? "at_most" : "less_than"
    case .range: return "range"
    }
  }

  /// Whether `name` describes this hedge: its own name, or `approximate` for any approximation — "nearly"
  /// is one from below, so an example that says only `approximate` still holds for it.
  package func isDescribed(by name: String) -> Bool {
    if name == self.name { return true }
    if case .nearly = self { return name == "approximate" }
    return false
  }

  /// Whether the figure is anything but exact; a finding on a hedged figure is a warning, never an error.
  public var isHedged: Bool { self != .exact }

  /// The interval of values compatible with `value` under this hedge.
  package func interval(around value: Double) -> ValueInterval {
    switch self {
    case .exact: return ValueInterval(value, value)
    case .approximate(let tolerance):
      let delta = abs(value) * tolerance
      return ValueInterval(value - delta, value + delta)
    case .nearly(let tolerance): return ValueInterval(value - abs(value) * tolerance, value)
    case .lowerBound: return ValueInterval(value, .infinity)
    case .upperBound: return ValueInterval(-.infinity, value)
    case .range(let high): return ValueInterval(value, high)
    }
  }
}

/// A closed interval of values; infinite ends stand for open bounds ("more than 600 000").
public struct ValueInterval: Hashable, Sendable, CustomStringConvertible {
  /// Lowest compatible value.
  public var low: Double
  /// Highest compatible value.
  public var high: Double

  /// Creates `[low, high]`.
  ///
  /// - Parameters:
  ///   - low: The lowest value; `-.infinity` for no lower bound.
  ///   - high: The highest value; `.infinity` for no upper bound.
  public init(_ low: Double, _ high: Double) {
    self.low = min(low, high)
    self.high = max(low, high)
  }

  /// Whether the two intervals share at least one value: two claims whose intervals overlap can both be
  /// true.
  ///
  /// - Parameter other: Another interval.
  /// - Returns: `true` when some value lies in both.
  public func overlaps(_ other: ValueInterval) -> Bool { low <= other.high && other.low <= high }

  /// The interval widened on each side by `absolute` plus `relative` times the end's magnitude.
  package func widened(absolute: Double = 0, relative: Double = 0) -> ValueInterval {
    ValueInterval(low - absolute - abs(low.isFinite ? low : 0) * relative,
                  high + absolute + abs(high.isFinite ? high : 0) * relative)
  }

  /// Whether a value lies in the interval, ends included.
  ///
  /// - Parameter value: A value.
  /// - Returns: `true` when `low <= value <= high`.
  public func contains(_ value: Double) -> Bool { low <= value && value <= high }

  /// `[low, high]`, for messages and debugging.
  public var description: String { "[\(low), \(high)]" }
}
