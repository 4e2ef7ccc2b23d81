import PatternMatching

/// A pattern of the engine's own that normalisation searches parts of an article for (period expressions,
/// forecast markers, known names), compiled, with the table of where its matches can open
/// (``MatchStartTable``): a search asks PCRE2 only at those positions (`PatternSearch`).
///
/// A full scan asks PCRE2 at every position its byte-sized start bitmap lets through: the `{when}` pattern
/// (13–18 KB expanded) opens with a digit or one of some eighty words, so its bitmap admits most words. On
/// the bench's 16 MB corpus the whole-article and per-sentence scans for period expressions alone cost
/// some 1,500 M instructions.
package struct SearchPattern: Sendable {
  package let pattern: CompiledPattern
  /// `nil` where a match may open almost anywhere, or the pattern is anchored: it is then scanned whole.
  package let starts: MatchStartTable?

  /// Compiles `source` (``CompiledPattern/init(_:options:jitThreshold:)``), with its start table from the
  /// current pattern cache (``PatternCache/current``) or read from the source now and recorded there.
  package init(_ source: String, options: PatternOptions = []) throws(PatternError) {
    let pattern = try CompiledPattern(source, options: options)
    self.pattern = pattern
    starts = MatchStartTable.of(pattern, cache: PatternCache.current)
  }
}
