/// One match of a pattern: the byte ranges of the whole match and of every capturing group.
///
/// Ranges are UTF-8 byte offsets into the subject, exactly as PCRE2 reports them; converting to lines and
/// columns happens once, at the edge, for the matches that become claims.
package struct PatternMatch: Sendable, Hashable {
  /// The whole match.
  package let range: Range<Int>
  /// Capturing groups by number (index 0 is group 1); `nil` when the group did not take part.
  package let groups: [Range<Int>?]

  /// Creates a match from its ranges.
  package init(range: Range<Int>, groups: [Range<Int>?]) {
    self.range = range
    self.groups = groups
  }

  /// The range of group `number` (1-based), or `nil` if it did not participate.
  package func group(_ number: Int) -> Range<Int>? {
    guard number >= 1 && number <= groups.count else { return nil }
    return groups[number - 1]
  }

  /// The range of a named group of `pattern`, or `nil` if the group is unknown or did not participate.
  package func group(named name: String, in pattern: CompiledPattern) -> Range<Int>? {
    guard let number = pattern.groupNumber(named: name) else { return nil }
    return group(number)
  }
}
