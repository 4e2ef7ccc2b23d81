import CPCRE2

/// What PCRE2 knows, after compiling a pattern, about where a match can start and what it must contain.
///
/// A pattern with a first code unit or a start bitmap lets PCRE2 skip most start positions with a fast
/// search; one with neither tries every position, which is what makes a rule slow. `factcheck explain`
/// shows this, so a rule author can see why a rule costs what it costs.
package struct StartInformation: Sendable, Hashable, CustomStringConvertible {
  /// How PCRE2 finds where a match may start.
  package enum Start: Sendable, Hashable {
    /// Every match starts with this byte (or its other case, for a caseless pattern).
    case firstCodeUnit(UInt8, caseless: Bool)
    /// Every match starts at the start of a line (or of the subject).
    case lineStart
    /// Every match starts with one of these bytes.
    case bitmap(Set<UInt8>)
    /// No information: every position is tried.
    case none
  }

  package let start: Start
  /// A byte every match must contain at a fixed distance from its end (PCRE2's "last code unit"), if any.
  package let requiredCodeUnit: UInt8?
  /// The shortest subject a match needs, in code units.
  package let minimumLength: Int
  /// Bytes of JIT code, 0 when the pattern is interpreted.
  package let jitSize: Int

  init(code: OpaquePointer) {
    var firstType: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstType)
    var options: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ALLOPTIONS), &options)
    let caseless = options & UInt32(PCRE2_CASELESS) != 0
    switch firstType {
    case 1:
      var unit: UInt32 = 0
      pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit)
      start = .firstCodeUnit(UInt8(truncatingIfNeeded: unit), caseless: caseless)
    case 2:
      start = .lineStart
    default:
      var bitmap: UnsafePointer<UInt8>?
      pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
      if let bitmap {
        var bytes = Set<UInt8>()
        for byte in 0..<256 where bitmap[byte / 8] & (1 << (byte % 8)) != 0 { bytes.insert(UInt8(byte)) }
        start = .bitmap(bytes)
      } else {
        start = .none
      }
    }
    var lastType: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODETYPE), &lastType)
    if lastType == 1 {
      var unit: UInt32 = 0
      pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODEUNIT), &unit)
      requiredCodeUnit = UInt8(truncatingIfNeeded: unit)
    } else {
      requiredCodeUnit = nil
    }
    var minimum: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &minimum)
    minimumLength = Int(minimum)
    var jit: Int = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_JITSIZE), &jit)
    jitSize = jit
  }

  /// One line: "starts with 'c' (either case); must contain 's'; at least 7 bytes; JIT 12 KB".
  package var description: String {
    var parts: [String] = []
    switch start {
    case .firstCodeUnit(let unit, let caseless): parts.append("starts with \(Self.show(unit))" + (caseless ? " (either case)" : ""))
    case .lineStart: parts.append("starts at a line start")
    case .bitmap(let bytes):
      let shown = bytes.sorted().prefix(24).map { Self.show($0) }.joined(separator: " ")
      parts.append("starts with one of \(bytes.count) bytes (\(shown)\(bytes.count > 24 ? " …" : ""))")
    case .none: parts.append("no start information: every position is tried (slow)")
    }
    if let requiredCodeUnit { parts.append("must contain \(Self.show(requiredCodeUnit))") }
    parts.append("at least \(minimumLength) bytes")
    parts.append(jitSize > 0 ? "JIT \(max(1, jitSize / 1024)) KB" : "interpreted")
    return parts.joined(separator: "; ")
  }

  private static func show(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "0x" + (hex.count == 1 ? "0" + hex : hex)
  }
}

extension CompiledPattern {
  /// What PCRE2 knows about where this pattern's matches start.
  /// Reading it JIT-compiles the pattern, for the size of its JIT code.
  package var startInformation: StartInformation { StartInformation(code: jitCompiledCode() ?? code) }
}
