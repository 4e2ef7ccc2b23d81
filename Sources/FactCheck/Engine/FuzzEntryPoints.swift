/// Entry points for the libFuzzer harnesses in `Fuzz/` — for fuzzing only, not an API.
///
/// The harnesses reach internal stages (the number reader) through here, so that nothing else has to
/// become public for them; everything else they need (rule loading, the pipeline) is public already.
public enum FuzzEntryPoints {
  /// Every normaliser of one language's lexicon — figures of each kind, dates, hedges and periods —
  /// prepared once and run on arbitrary text.
  public struct Normaliser: Sendable {
    let tables: LexiconTables
    let reader: NumberReader

    /// The normalisers of `language` in `rules`, or `nil` when `rules` has no such lexicon.
    public init?(language: String, rules: CompiledRuleSet) {
      guard let catalog = rules.catalogs[language] else { return nil }
      tables = LexiconTables(catalog.lexicon)
      reader = NumberReader(tables: tables)
    }

    /// Reads `text` as a figure of every kind, a date, a hedge and a period, and formats the figures
    /// read as reports do.
    ///
    /// - Returns: How many figures were read, so the work cannot be optimised away.
    @discardableResult
    public func run(_ text: String) -> Int {
      var read = 0
      for kind in ValueKind.allCases {
        guard let parsed = try? reader.read(text, kind: kind) else { continue }
        read += 1
        _ = NumberFormatting.hedged(parsed.value, hedge: .exact, unit: parsed.unit)
        if let upper = parsed.upper { _ = NumberFormatting.plain(upper) }
      }
      _ = DateReader(tables: tables).read(text)
      let qualifiers = QualifierReader(tables: tables)
      _ = qualifiers.hedge(text)
      _ = qualifiers.period(text)
      return read
    }
  }
}
