import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Reads hedges and period expressions from captured text, with the lexicon's tables.
package struct QualifierReader {
  package let tables: LexiconTables

  package init(tables: LexiconTables) { self.tables = tables }

  /// The hedge a captured `{approx}` stands for; unknown words (a lexicon the reader does not know) are exact.
  package func hedge(_ text: String) -> Hedge {
    tables.hedges[TextNormalisation.key(text)] ?? .exact
  }

  /// The period and modality a captured `{when}` stands for: a lexicon phrase, or a year ("en 2022",
  /// "fin décembre 2024"). Returns `nil` when the text says neither.
  ///
  /// With `toTheMonth`, a month it names is kept ("in November 2022" → 2022-11, "November of last year" →
  /// `last_year-11`, "in November" or « fin octobre » → a month of a year still to find): an event (a layoff
  /// round) is dated to its month, a state or a flow to its year.
  package func period(_ text: String, toTheMonth: Bool = false) -> (period: Period, modality: Modality?)? {
    let key = TextNormalisation.key(text)
    if let quarter = quarter(key) { return (quarter, nil) }
    if let entry = tables.periods[key] { return entry }
    if toTheMonth, let month = month(key) {
      let stated = period(text)
      switch stated?.period {
      case .year?, .relativeYear?: return (.month(month, of: stated!.period), stated!.modality)
      default: return (.month(month, of: .unspecified), stated?.modality)
      }
    }
    // Phrases that embed a listed expression ("dès l'année dernière").
    let keyBytes = Array(key.utf8)
    let embedded = keyBytes.withUnsafeBufferPointer { buffer in
      tables.periodPhrasesLongestFirst.first { ByteSearch.contains(buffer, 0..<buffer.count, $0.utf8) }
    }
    if let phrase = embedded {
      return tables.periods[phrase.key]
    }
    let digits = key.split(whereSeparator: { !$0.isNumber })
    return year(digits)
  }

  /// "troisième trimestre 2024", "third-quarter", "q3 2024", "t3" (a letter of `quarter_letters`): a quarter, of a year if one is named,
  /// else of the article's year.
  private func quarter(_ key: String) -> Period? {
    let words = key.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    var number: Int?
    if let code = words.first(where: { word in word.count == 2 && tables.quarterLetters.contains { word.hasPrefix($0) } }),
      let q = Int(code.dropFirst()), (1...4).contains(q)
    {
      number = q
    } else if words.contains(where: { tables.quarterNouns.contains($0) }) {
      number = words.compactMap { tables.quarters[$0] }.first
    }
    guard let number else { return nil }
    let digits = key.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (1800...2099).contains($0) }
    return .quarter(number, of: digits.first.map { .year($0) } ?? .relativeYear(0))
  }

  /// The month a period expression names ("fin octobre", "mid-March"), if any.
  private func month(_ key: String) -> Int? {
    key.split(whereSeparator: { !$0.isLetter }).lazy.compactMap { tables.months[String($0)] }.first
  }

  private func year(_ digits: [Substring]) -> (period: Period, modality: Modality?)? {
    if let year = digits.compactMap({ Int($0) }).first(where: { (1800...2099).contains($0) }) {
      return (.year(year), nil)
    }
    return nil
  }
}
