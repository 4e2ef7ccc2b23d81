/// Bounds applied to every match, so that a catastrophic rule fails fast with an error instead of hanging.
///
/// PCRE2's own defaults (ten million steps) let a pattern such as `(a+)+$` run for seconds per position.
/// Rules in this project match short phrases, so far lower limits never bind on legitimate matches.
///
/// PCRE2 counts steps afresh at every start position, so a pattern that stays just under the step limit
/// at each position (`(?:a|a){0,15}(?=!)` over a run of `a`) would still take minutes on a long text:
/// ``timeLimitPerMiB`` bounds the time a pattern spends on a whole text.
public struct MatchLimits: Sendable, Hashable {
  /// Maximum backtracking steps per match attempt (`pcre2_set_match_limit`).
  public var matchLimit: UInt32
  /// Maximum nesting depth for the interpreter (`pcre2_set_depth_limit`); the JIT uses its stack instead.
  public var depthLimit: UInt32
  /// Maximum heap used by the interpreter, in KiB (`pcre2_set_heap_limit`).
  public var heapLimitKiB: UInt32
  /// Largest JIT stack a worker may grow to, in bytes.
  public var maxJITStackBytes: Int
  /// Scan time a pattern may spend on one text, in seconds per MiB of that text, and at least this long
  /// whatever its size (the budget of a text under 1 MiB is that of 1 MiB; see `ScanBudget`).
  ///
  /// The extractor gives each rule one such budget per article, summed over every window and segment
  /// it scans there; `Matcher.forEachMatch(of:in:range:_:)` alone gives one to its range. The clock
  /// is checked between windows of `Matcher.window` start positions, so a scan stops at most one
  /// window's worth of steps late. Legitimate patterns scan a MiB in milliseconds: the default is a
  /// hundredfold margin and more.
  public var timeLimitPerMiB: Double

  /// Creates limits; the defaults are ``default``'s.
  ///
  /// - Parameters:
  ///   - matchLimit: Backtracking steps per match attempt.
  ///   - depthLimit: Nesting depth for the interpreter.
  ///   - heapLimitKiB: Interpreter heap, in KiB.
  ///   - maxJITStackBytes: The largest JIT stack a worker may grow to, in bytes.
  ///   - timeLimitPerMiB: Scan time per MiB of text, in seconds.
  public init(matchLimit: UInt32 = 200_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000,
              maxJITStackBytes: Int = 1 << 20, timeLimitPerMiB: Double = 2) {
    self.matchLimit = matchLimit
    self.depthLimit = depthLimit
    self.heapLimitKiB = heapLimitKiB
    self.maxJITStackBytes = maxJITStackBytes
    self.timeLimitPerMiB = timeLimitPerMiB
  }

  /// The limits used unless a caller asks otherwise.
  public static let `default` = MatchLimits()
}
