import PatternMatching

extension Matcher {
  /// The matches of `pattern` in `subject[range]`, as ``Matcher/forEachMatch(of:in:range:budget:_:)`` finds
  /// them, for a pattern that opens with optional elements and its `core` without them
  /// (``ExpandedPattern/regexWithoutOptionalLead``), which PCRE2 can look for by its start bitmap.
  ///
  /// From where the last match ended, the core is looked for first: where it does not match, no match of
  /// `pattern` starts (one would contain a match of the core at or after its start), so the rest of the
  /// range is done with a fast search instead of a full attempt at every position. Where the core matches,
  /// `pattern` matches there too, so `pattern`'s first match from the same place starts at or before it:
  /// that is the match a scan of the whole range would have found. Matches are never empty (the core's
  /// minimum length is above 0, which the compiler checks), so each search goes on from the last match's end.
  func forEachMatch(of pattern: CompiledPattern, core: CompiledPattern, in subject: UTF8Subject, range: Range<Int>,
                    budget: inout ScanBudget, _ body: (PatternMatch) -> Void) throws(PatternError) {
    var start = range.lowerBound
    while start < range.upperBound {
      var coreFound = false
      try forEachMatch(of: core, in: subject, range: start..<range.upperBound, budget: &budget) { _ in
        coreFound = true
        return false
      }
      guard coreFound else { return }
      var found: PatternMatch?
      try forEachMatch(of: pattern, in: subject, range: start..<range.upperBound, budget: &budget) { match in
        found = match
        return false
      }
      guard let found, found.range.upperBound > start else { return }
      body(found)
      start = found.range.upperBound
    }
  }
}
