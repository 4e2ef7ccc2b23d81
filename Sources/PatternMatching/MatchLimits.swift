/// Bounds applied to every match, so that a catastrophic rule fails fast with an error instead of hanging.
///
/// PCRE2's own defaults (ten million steps) let a pattern such as `(a+)+$` run for seconds per position.
/// Rules in this project match short phrases, so far lower limits never bind on legitimate matches.
///
/// PCRE2 counts steps afresh at every start position, so a pattern that stays just under the step limit
/// at each position (`(?:a|a){0,15}(?=!)` over a run of `a`) would still take minutes on a long text:
/// ``timeLimitPerMiB`` bounds a whole scan.
public struct MatchLimits: Sendable, Hashable {
  /// Maximum backtracking steps per match attempt (`pcre2_set_match_limit`).
  public var matchLimit: UInt32
  /// Maximum nesting depth for the interpreter (`pcre2_set_depth_limit`); the JIT uses its stack instead.
  public var depthLimit: UInt32
  /// Maximum heap used by the interpreter, in KiB (`pcre2_set_heap_limit`).
  public var heapLimitKiB: UInt32
  /// Largest JIT stack a worker may grow to, in bytes.
  public var maxJITStackBytes: Int
  /// Longest one scan (one pattern over one range, ``Matcher/forEachMatch(of:in:range:_:)``) may run, in
  /// seconds per MiB of the range, and at least this long whatever the range. Checked between windows of
  /// ``Matcher/window`` start positions, so a scan stops at most one window's worth of steps late.
  /// Legitimate patterns scan a MiB in milliseconds: the default is a hundredfold margin and more.
  public var timeLimitPerMiB: Double

  /// Creates limits.
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
