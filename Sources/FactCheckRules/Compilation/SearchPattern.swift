import PatternMatching

/// A pattern of the engine's own that normalisation searches parts of an article for (period expressions,
/// forecast markers, known names), compiled, with the table of where its matches can open
/// (``MatchStartTable``): a search asks PCRE2 only at those positions (`PatternSearch`).
///
/// A full scan asks PCRE2 at every position its byte-sized start bitmap lets through: the `{when}` pattern
/// (13–18 KB expanded) opens with a digit or one of 75 to 112 words, so its bitmap admits most words, where
/// its table admits 3–4 % of a text's positions. On the bench's 16 MB corpus, the searches for period
/// expressions (a paragraph's years, a sentence's period, the one before a figure or opening a clause) cost
/// 1,264 M instructions as full scans.
package struct SearchPattern: Sendable {
  package let pattern: CompiledPattern
  /// `nil` where a match may open almost anywhere or at the empty string, where ``MatchStarts`` does not read the
  /// pattern, when it is anchored or compiled with an option other than caseless: it is then scanned whole.
  package let starts: MatchStartTable?

  /// Compiles `source` (``CompiledPattern/init(_:options:jitThreshold:)``), with its start table from the
  /// current pattern cache (``PatternCache/current``) or read from the source now and recorded there.
  package init(_ source: String, options: PatternOptions = []) throws(PatternError) {
    let pattern = try CompiledPattern(source, options: options)
    self.pattern = pattern
    starts = MatchStartTable.of(pattern, cache: PatternCache.current)
  }
}
