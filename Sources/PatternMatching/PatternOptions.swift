import CPCRE2

/// The compile options a rule may ask for, on top of the ones every pattern gets.
///
/// Every pattern is compiled with `PCRE2_UTF` and `PCRE2_UCP`: articles are UTF-8 and letters such as
/// `é` must count as letters for caseless matching. Lexicon fragments still spell digits and spaces as
/// explicit classes (`[0-9]`, not `\d`), because UCP makes `\d`, `\s`, `\w` and `\b` several times slower.
package struct PatternOptions: OptionSet, Sendable, Hashable {
  package let rawValue: UInt32
  package init(rawValue: UInt32) { self.rawValue = rawValue }

  /// Letters match regardless of case (`PCRE2_CASELESS`), including accented letters under UCP.
  package static let caseless = PatternOptions(rawValue: 1 << 0)
  /// `^` and `$` match at line breaks (`PCRE2_MULTILINE`).
  package static let multiline = PatternOptions(rawValue: 1 << 1)
  /// `.` also matches a line break (`PCRE2_DOTALL`).
  package static let dotAll = PatternOptions(rawValue: 1 << 2)

  /// The PCRE2 compile flags for these options, including the UTF and UCP flags every pattern gets, and
  /// `PCRE2_USE_OFFSET_LIMIT`, which lets ``Matcher`` scan long texts in windows of start positions.
  var pcre2Flags: UInt32 {
    var flags = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | UInt32(PCRE2_USE_OFFSET_LIMIT)
    if contains(.caseless) { flags |= UInt32(PCRE2_CASELESS) }
    if contains(.multiline) { flags |= UInt32(PCRE2_MULTILINE) }
    if contains(.dotAll) { flags |= UInt32(PCRE2_DOTALL) }
    return flags
  }
}
