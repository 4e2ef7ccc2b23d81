extension Hedge {
  /// The hedge of a ``name`` and its parameter (the tolerance of `approximate` and `nearly`, the high end of
  /// `range`), as stored outside the process (a claim stream, a claim archive); `nil` when they make none.
  package init?(name: String, parameter: Double?) {
    switch name {
    case "exact": self = .exact
    case "approximate": guard let parameter else { return nil }; self = .approximate(tolerance: parameter)
    case "nearly": guard let parameter else { return nil }; self = .nearly(tolerance: parameter)
    case "at_least": self = .lowerBound(inclusive: true)
    case "more_than": self = .lowerBound(inclusive: false)
    case "at_most": self = .upperBound(inclusive: true)
    case "less_than": self = .upperBound(inclusive: false)
    case "range": guard let parameter else { return nil }; self = .range(high: parameter)
    default: return nil
    }
  }
}
