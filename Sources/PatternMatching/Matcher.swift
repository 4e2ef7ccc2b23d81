import CPCRE2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A per-worker scanner: owns PCRE2 match data, a match context with limits, and a JIT stack.
///
/// Create one `Matcher` per thread or task and reuse it for every pattern and article that worker
/// handles: allocating match data per match is one of the costs that make careless PCRE2 wrappers slow.
/// A `Matcher` is deliberately not `Sendable`.
package final class Matcher {
  /// The limits applied to every match.
  package let limits: MatchLimits
  /// Whether a pattern that has scanned enough may be JIT-compiled now; `false` while checking one short
  /// article alone, where compiling costs more than it saves. A pattern compiled earlier runs compiled.
  package var compilesJIT = true
  /// What one call at a single start position (``forEachMatch(of:in:range:startingAt:endsText:weight:budget:_:)``)
  /// counts toward its pattern's ``CompiledPattern/jitThreshold`` unless the caller says: 1 by default, more in
  /// a long run, where a pattern that is called at all has many more calls to come and compiling it sooner pays.
  package var startCallWeight = 1

  private var matchData: OpaquePointer
  private var matchDataPairs: Int
  private let context: OpaquePointer
  private let jitStack: OpaquePointer?

  /// Creates a matcher with the given limits.
  package init(limits: MatchLimits = .default) {
    self.limits = limits
    matchDataPairs = 32
    matchData = pcre2_match_data_create_8(UInt32(matchDataPairs), nil)
    context = pcre2_match_context_create_8(nil)
    pcre2_set_match_limit_8(context, limits.matchLimit)
    pcre2_set_depth_limit_8(context, limits.depthLimit)
    pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
    jitStack = pcre2_jit_stack_create_8(32 * 1024, max(32 * 1024, limits.maxJITStackBytes), nil)
    if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
  }

  deinit {
    pcre2_match_data_free_8(matchData)
    pcre2_match_context_free_8(context)
    if let jitStack { pcre2_jit_stack_free_8(jitStack) }
  }

  /// Start positions one PCRE2 call may try before the scan checks the clock (`pcre2_set_offset_limit`).
  ///
  /// PCRE2's step limit restarts at every start position; scanning in windows bounds a whole scan by
  /// ``MatchLimits/timeLimitPerMiB`` while leaving every match exactly as one unbounded call would find it
  /// (a window only limits where a match may start, not where it ends).
  package static let window = 512
  /// Start positions one call may try while the pattern is interpreted (``CompiledPattern/jitThreshold``).
  package static let interpretedWindow = 16

  /// Calls `body` for every non-overlapping match of `pattern` in `subject`, from left to right.
  ///
  /// Matching starts at `range.lowerBound` but look-behinds may see the text before it; the subject is
  /// cut at `range.upperBound`. Empty matches are handled as in `pcre2demo`, so the scan always advances.
  /// The scan may run for ``MatchLimits/timeLimitPerMiB`` per MiB of `range` (at least a MiB's worth).
  /// - Parameters:
  ///   - body: Returns `false` to stop the scan.
  /// - Throws: ``PatternError`` when a limit is hit; matches already reported stay reported.
  package func forEachMatch(
    of pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>? = nil, lastStart: Int? = nil, endsText: Bool = true,
    _ body: (PatternMatch) -> Bool
  ) throws(PatternError) {
    let range = range ?? 0..<subject.bytes.count
    var budget = ScanBudget(limits: limits, bytes: range.count)
    try forEachMatch(of: pattern, in: subject, range: range, lastStart: lastStart, endsText: endsText, budget: &budget, body)
  }

  /// ``forEachMatch(of:in:range:_:)``, its scan time taken from `budget` instead of a limit of its own.
  ///
  /// For a caller that scans one text piecewise with the same pattern: every piece spends the same
  /// budget, so the pieces together run no longer than the budget allows (plus at most one window's
  /// worth of steps), whatever their number. A budget already spent stops the scan before it starts.
  /// - Parameters:
  ///   - lastStart: The last offset a match may start at, when the caller knows that none starts later
  ///     (every match holds a word found before it): the positions after it are not tried.
  ///   - endsText: Whether the range ends where the text does; when it does not (a sentence of a longer
  ///     text), `$` does not match at its end (PCRE2_NOTEOL), as it would not in a scan of the whole text.
  /// - Throws: ``PatternError/timeLimitExceeded(seconds:)`` with the budget's whole allowance once it
  ///   is spent; other ``PatternError``s as ``forEachMatch(of:in:range:_:)``.
  package func forEachMatch(
    of pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>? = nil, lastStart: Int? = nil,
    endsText: Bool = true, budget: inout ScanBudget, _ body: (PatternMatch) -> Bool
  ) throws(PatternError) {
    let endOptions = endsText ? 0 : UInt32(PCRE2_NOTEOL)
    let range = range ?? 0..<subject.bytes.count
    var lastStart = min(lastStart ?? range.upperBound, range.upperBound)
    try timed(pattern, in: subject, range: range, budget: &budget) { base, outOfTime in
      // A last start inside a character: the character after it may start a match too.
      while lastStart < range.upperBound && base[lastStart] & 0xC0 == 0x80 { lastStart += 1 }
      var start = range.lowerBound
      var retryOptions: UInt32 = 0
      while start <= lastStart {
        // The last start position this call may try: a character boundary, or the end of the range. The
        // interpreter is many times slower than the JIT, so it gets a few positions a call: a pathological
        // pattern, not yet JIT-compiled, still comes back to the clock often.
        var limit = min(lastStart, start + (pattern.isJITCompiled ? Matcher.window : Matcher.interpretedWindow))
        while limit < range.upperBound && base[limit] & 0xC0 == 0x80 { limit += 1 }
        pcre2_set_offset_limit_8(context, limit)
        let rc = run(pattern, base, range.upperBound, start, retryOptions | endOptions, positions: limit - start + 1)
        if let late = outOfTime() { return late }
        if rc == PCRE2_ERROR_NOMATCH {
          if retryOptions != 0 {
            // The empty-match retry failed: step over one character and scan on.
            retryOptions = 0
            start = nextCharacter(after: start, base, range.upperBound)
            continue
          }
          // Nothing starts in this window: the next one begins after its last start position. An
          // anchored pattern (`\G…`) only ever tries the first start, as one unwindowed call would.
          if limit >= lastStart || pattern.isAnchored { break }
          start = nextCharacter(after: limit, base, range.upperBound)
          continue
        }
        if rc < 0 { return PatternError.fromMatch(code: rc, limits: limits) }
        let match = readMatch(pattern)
        if !body(match) { return nil }
        if match.range.isEmpty {
          if match.range.lowerBound >= range.upperBound { break }
          retryOptions = UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED)
        } else {
          retryOptions = 0
        }
        start = match.range.upperBound
      }
      return nil
    }
  }

  /// ``forEachMatch(of:in:range:lastStart:endsText:budget:_:)`` for a caller that knows every offset a
  /// match can start at: PCRE2 tries `positions` alone (ascending, inside `range`), one call each with its
  /// offset limit at the position, and skips those inside a match found. Where no match starts elsewhere, the
  /// matches are the ones a scan of every position finds (an empty match is followed, as there, by a try for
  /// a non-empty one at the same position). Every position must start a character inside `range`.
  /// - Parameter weight: What each call counts toward the pattern's JIT threshold; ``startCallWeight`` when
  ///   `nil`.
  package func forEachMatch(
    of pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>, startingAt positions: [Int],
    endsText: Bool = true, weight: Int? = nil, budget: inout ScanBudget, _ body: (PatternMatch) -> Bool
  ) throws(PatternError) {
    guard !positions.isEmpty else { return }
    let options = endsText ? 0 : UInt32(PCRE2_NOTEOL)
    let weight = weight ?? startCallWeight
    try timed(pattern, in: subject, range: range, budget: &budget) { base, outOfTime in
      var next = range.lowerBound
      for position in positions where position >= next {
        precondition(position >= range.lowerBound && position < range.upperBound, "start position outside the range")
        assert(base[position] & 0xC0 != 0x80, "a start position inside a UTF-8 sequence")
        var retryOptions: UInt32 = 0
        next = position + 1
        while true {
          // Set before every call: `body` may have run another search with this matcher since the last one.
          pcre2_set_offset_limit_8(context, position)
          let rc = run(pattern, base, range.upperBound, position, options | retryOptions, positions: weight)
          if let late = outOfTime() { return late }
          if rc == PCRE2_ERROR_NOMATCH { break }
          if rc < 0 { return PatternError.fromMatch(code: rc, limits: limits) }
          let match = readMatch(pattern)
          if !body(match) { return nil }
          next = max(match.range.upperBound, position + 1)
          // After an empty match, a non-empty one at the same position, as a scan of every position tries.
          // An empty match reported elsewhere (through `\K`, which no bundled rule uses) is not retried.
          guard match.range.isEmpty, match.range.lowerBound == position, retryOptions == 0 else { break }
          retryOptions = UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED)
        }
      }
      return nil
    }
  }

  /// Every match of `pattern` in `subject` (see ``forEachMatch(of:in:range:_:)``).
  package func matches(of pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>? = nil)
    throws(PatternError) -> [PatternMatch]
  {
    var found: [PatternMatch] = []
    try forEachMatch(of: pattern, in: subject, range: range) { found.append($0); return true }
    return found
  }

  /// The first match of `pattern` in `subject`, if any.
  /// - Parameter lastStart: The last offset the match may start at, when the caller wants none that
  ///   starts later (``forEachMatch(of:in:range:lastStart:endsText:_:)``).
  package func firstMatch(of pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>? = nil, lastStart: Int? = nil)
    throws(PatternError) -> PatternMatch?
  {
    var found: PatternMatch?
    try forEachMatch(of: pattern, in: subject, range: range, lastStart: lastStart) { found = $0; return false }
    return found
  }

  /// Whether `pattern` matches anywhere in `subject[range]`, without reading captures.
  package func hasMatch(of pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>? = nil)
    throws(PatternError) -> Bool
  {
    try firstMatch(of: pattern, in: subject, range: range) != nil
  }

  // MARK: - Private

  /// What both scans share: `attempts` gets the subject's bytes and `outOfTime`, to call after every PCRE2
  /// call (one clock reading a call, budget or not: the last one closes the scan's account), which gives the
  /// error once `budget`'s time is spent. The time taken is spent from `budget`; an error `attempts` returns
  /// is thrown. A budget already spent stops the scan before it starts.
  private func timed(_ pattern: CompiledPattern, in subject: UTF8Subject, range: Range<Int>, budget: inout ScanBudget,
                     _ attempts: (UnsafePointer<UInt8>, () -> PatternError?) -> PatternError?) throws(PatternError) {
    precondition(range.lowerBound >= 0 && range.upperBound <= subject.bytes.count, "range outside subject")
    if budget.isExhausted { throw .timeLimitExceeded(seconds: budget.seconds) }
    ensureCapacity(for: pattern)
    let started = DeadlineClock.now()
    let deadline = started + budget.remainingNanoseconds
    let seconds = budget.seconds
    var now = started
    let result: PatternError? = subject.bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return nil }
      return attempts(base) {
        now = DeadlineClock.now()
        return now > deadline ? .timeLimitExceeded(seconds: seconds) : nil
      }
    }
    budget.spend(now - started)
    if let result { throw result }
  }

  /// One PCRE2 call from `start`, which may try `positions` start positions (what the pattern's JIT
  /// threshold counts).
  private func run(_ pattern: CompiledPattern, _ base: UnsafePointer<UInt8>, _ length: Int, _ start: Int,
                   _ options: UInt32, positions: Int) -> Int32 {
    let (code, isJIT) = pattern.codeForScanning(positions, compiling: compilesJIT)
    if isJIT && options & ~UInt32(PCRE2_NOTEOL) == 0 {
      // The JIT fast path skips argument checks, and never checks UTF: the subject was validated once.
      return pcre2_jit_match_8(code, base, length, start, options, matchData, context)
    }
    return pcre2_match_8(code, base, length, start, options | UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
  }

  private func ensureCapacity(for pattern: CompiledPattern) {
    let needed = pattern.captureCount + 1
    guard needed > matchDataPairs else { return }
    pcre2_match_data_free_8(matchData)
    matchDataPairs = max(needed, matchDataPairs * 2)
    matchData = pcre2_match_data_create_8(UInt32(matchDataPairs), nil)
  }

  private func readMatch(_ pattern: CompiledPattern) -> PatternMatch {
    let ovector = pcre2_get_ovector_pointer_8(matchData)!
    let unset = cpcre2_unset()
    var groups: [Range<Int>?] = []
    groups.reserveCapacity(pattern.captureCount)
    if pattern.captureCount > 0 {
      for number in 1...pattern.captureCount {
        let low = ovector[2 * number]
        let high = ovector[2 * number + 1]
        groups.append(low == unset || high < low ? nil : Int(low)..<Int(high))
      }
    }
    // With \K in a look-ahead the end may precede the start; clamp rather than trap.
    let low = Int(ovector[0])
    let high = max(low, Int(ovector[1]))
    return PatternMatch(range: low..<high, groups: groups)
  }

  private func nextCharacter(after offset: Int, _ base: UnsafePointer<UInt8>, _ length: Int) -> Int {
    var next = offset + 1
    while next < length && base[next] & 0xC0 == 0x80 { next += 1 }
    return next
  }
}

/// A monotonic clock in nanoseconds, cheap enough to read after every PCRE2 call.
enum DeadlineClock {
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
