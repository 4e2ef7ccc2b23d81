/// Reads hedges and period expressions from captured text, with the lexicon's tables.
struct QualifierReader {
  let tables: LexiconTables

  /// The hedge a captured `{approx}` stands for; unknown words (a lexicon the reader does not know) are exact.
  func hedge(_ text: String) -> Hedge {
    tables.hedges[TextNormalisation.key(text)] ?? .exact
  }

  /// The period and modality a captured `{when}` stands for: a lexicon phrase, or a year ("en 2022",
  /// "fin décembre 2024"). Returns `nil` when the text says neither.
  func period(_ text: String) -> (period: Period, modality: Modality?)? {
    let key = TextNormalisation.key(text)
    if let entry = tables.periods[key] { return entry }
    // Phrases that embed a listed expression ("dès l'année dernière").
    if let entry = tables.periods.filter({ key.contains($0.key) }).max(by: { $0.key.count < $1.key.count }) {
      return entry.value
    }
    let digits = key.split(whereSeparator: { !$0.isNumber })
    if let year = digits.compactMap({ Int($0) }).first(where: { (1800...2099).contains($0) }) {
      return (.year(year), nil)
    }
    return nil
  }
}
