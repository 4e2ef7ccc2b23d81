/// Bounds applied to every match, so that a catastrophic rule fails fast with an error instead of hanging.
///
/// PCRE2's own defaults (ten million steps) let a pattern such as `(a+)+$` run for seconds per position.
/// Rules in this project match short phrases, so far lower limits never bind on legitimate matches.
public struct MatchLimits: Sendable, Hashable {
  /// Maximum backtracking steps per match attempt (`pcre2_set_match_limit`).
  public var matchLimit: UInt32
  /// Maximum nesting depth for the interpreter (`pcre2_set_depth_limit`); the JIT uses its stack instead.
  public var depthLimit: UInt32
  /// Maximum heap used by the interpreter, in KiB (`pcre2_set_heap_limit`).
  public var heapLimitKiB: UInt32
  /// Largest JIT stack a worker may grow to, in bytes.
  public var maxJITStackBytes: Int

  /// Creates limits.
  public init(matchLimit: UInt32 = 200_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000,
              maxJITStackBytes: Int = 1 << 20) {
    self.matchLimit = matchLimit
    self.depthLimit = depthLimit
    self.heapLimitKiB = heapLimitKiB
    self.maxJITStackBytes = maxJITStackBytes
  }

  /// The limits used unless a caller asks otherwise.
  public static let `default` = MatchLimits()
}
