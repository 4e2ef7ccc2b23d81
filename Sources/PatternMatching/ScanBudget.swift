/// Scan time that one pattern may spend on one text, however many scans that text is cut into.
///
/// A caller that runs a rule piecewise (the extractor scans a rule only in the sentences around its
/// literals, segment by segment) would otherwise grant every piece its own time limit, each at least a
/// MiB's worth: a slow rule over an article of a thousand windows would then run a thousand times the
/// documented limit and never be stopped. One budget, passed to each of those scans
/// (``Matcher/forEachMatch(of:in:range:budget:_:)``), is spent by all of them together.
package struct ScanBudget: Sendable, Hashable {
  /// The whole allowance, in seconds: what ``PatternError/timeLimitExceeded(seconds:)`` reports.
  package let seconds: Double
  /// Scan time spent so far, in nanoseconds.
  package private(set) var spentNanoseconds: UInt64 = 0
  /// The allowance in nanoseconds.
  let allowanceNanoseconds: UInt64

  /// A budget of `seconds` (negative counts as none; infinity as unlimited).
  package init(seconds: Double) {
    let seconds = max(0, seconds)
    self.seconds = seconds
    // Capped well below `UInt64.max`, so that a deadline (now + remaining) never overflows.
    let cap = Double(UInt64.max >> 2)
    allowanceNanoseconds = UInt64(min(cap, seconds * 1e9))
  }

  /// What `limits` allow a text of `bytes` UTF-8 bytes: ``MatchLimits/timeLimitPerMiB`` per MiB, and
  /// never less than one MiB's worth, so that a short article gets the same allowance as a 1 MiB one
  /// (a legitimate rule needs milliseconds for either; the floor only keeps a busy machine's pauses
  /// from stopping a rule on a small text).
  package init(limits: MatchLimits, bytes: Int) {
    self.init(seconds: limits.timeLimitPerMiB * max(1, Double(bytes) / 1_048_576))
  }

  /// Whether the allowance is used up: a scan given this budget stops before its first match attempt.
  package var isExhausted: Bool { spentNanoseconds >= allowanceNanoseconds }

  /// Nanoseconds left.
  var remainingNanoseconds: UInt64 { allowanceNanoseconds - min(spentNanoseconds, allowanceNanoseconds) }

  /// Records `nanoseconds` of scanning.
  mutating func spend(_ nanoseconds: UInt64) {
    let (sum, overflow) = spentNanoseconds.addingReportingOverflow(nanoseconds)
    spentNanoseconds = overflow ? .max : sum
  }
}
