import CPCRE2

/// An error raised by the PCRE2 layer: a pattern that does not compile, or a match that could not finish.
///
/// Every case carries PCRE2's own message, so a rule author sees the same words the `pcre2test`
/// tool would print, and compile errors carry the byte offset in the pattern where PCRE2 stopped.
package enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The pattern does not compile. `offset` is the UTF-8 byte offset in the pattern where PCRE2 stopped.
  case compile(message: String, offset: Int)
  /// The match gave up after too many backtracking steps (`PCRE2_ERROR_MATCHLIMIT`): a catastrophic pattern.
  case matchLimitExceeded(limit: UInt32)
  /// The match nested too deeply (`PCRE2_ERROR_DEPTHLIMIT`) or used too much heap (`PCRE2_ERROR_HEAPLIMIT`).
  case resourceLimitExceeded(message: String)
  /// The scan spent its time budget (``MatchLimits/timeLimitPerMiB``, see ``ScanBudget``); `seconds` is
  /// the whole budget. Many start positions each just under the step limit: the other face of
  /// catastrophic backtracking.
  case timeLimitExceeded(seconds: Double)
  /// The JIT stack was too small for this pattern on this text (`PCRE2_ERROR_JIT_STACKLIMIT`).
  case jitStackExhausted
  /// The subject is not valid UTF-8; `offset` is the byte offset of the first bad byte.
  case invalidUTF8(offset: Int, message: String)
  /// Any other negative return code of `pcre2_match`.
  case matchFailed(code: Int32, message: String)

  package var description: String {
    switch self {
    case .compile(let message, let offset): return "\(message) (at byte \(offset) of the pattern)"
    case .matchLimitExceeded(let limit): return "match limit of \(limit) steps exceeded (catastrophic backtracking)"
    case .resourceLimitExceeded(let message): return message
    case .timeLimitExceeded(let seconds):
      let shown = (seconds * 10).rounded() / 10
      return "scan stopped after \(shown) s (too much backtracking at every position: nested or overlapping repeats?)"
    case .jitStackExhausted: return "JIT stack exhausted"
    case .invalidUTF8(let offset, let message): return "invalid UTF-8 at byte \(offset): \(message)"
    case .matchFailed(let code, let message): return "match failed (\(code)): \(message)"
    }
  }

  /// Whether PCRE2 refused to compile the pattern for its size (`PCRE2_ERROR_PATTERN_TOO_LARGE`), not
  /// for its syntax: the fault is then in whatever made it long, such as a placeholder's word list.
  package var isPatternTooLarge: Bool {
    guard case .compile(let message, _) = self else { return false }
    return message == PatternError.message(for: PCRE2_ERROR_PATTERN_TOO_LARGE)
  }

  /// Whether PCRE2 could not get the memory to compile (`PCRE2_ERROR_HEAP_FAILED`): a fault of the moment,
  /// not of the pattern, which the pattern cache must not keep.
  var isOutOfMemory: Bool {
    guard case .compile(let message, _) = self else { return false }
    return message == PatternError.message(for: PCRE2_ERROR_HEAP_FAILED)
  }

  /// PCRE2's text for an error code (compile or match).
  static func message(for code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = buffer.withUnsafeMutableBufferPointer {
      pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
    }
    guard length > 0 else { return "PCRE2 error \(code)" }
    return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
  }

  /// Maps a negative `pcre2_match` return code to a typed error.
  static func fromMatch(code: Int32, limits: MatchLimits) -> PatternError {
    switch code {
    case PCRE2_ERROR_MATCHLIMIT: return .matchLimitExceeded(limit: limits.matchLimit)
    case PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT:
      return .resourceLimitExceeded(message: message(for: code))
    case PCRE2_ERROR_JIT_STACKLIMIT: return .jitStackExhausted
    default:
      if code <= PCRE2_ERROR_UTF8_ERR1 && code >= PCRE2_ERROR_UTF8_ERR21 {
        return .invalidUTF8(offset: -1, message: message(for: code))
      }
      return .matchFailed(code: code, message: message(for: code))
    }
  }
}
