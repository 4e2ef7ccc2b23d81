import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Reads dates as datelines write them: `13-05-2025`, `13/05/2025`, `2025-05-13`, `13 mai 2025`,
/// `1er mai 2025`, `May 13, 2025`; numeric day/month order (`day_first`), month names and the endings of
/// day numbers (`ordinal_suffixes`) come from the lexicon.
package struct DateReader {
  package let tables: LexiconTables

  package init(tables: LexiconTables) { self.tables = tables }

  package func read(_ text: String) -> Day? {
    let key = TextNormalisation.key(text)
    let tokens = key.split(whereSeparator: { " -/.,".contains($0) }).map(String.init)
    guard tokens.count == 3 else { return nil }
    func number(_ s: String) -> Int? {
      Int(s.replacingSuffixes(tables.ordinalSuffixes))
    }
    if let a = Int(tokens[0]), let b = number(tokens[1]), let c = Int(tokens[2]) {
      if tokens[0].count == 4 { return Day(year: a, month: b, day: c) }
      return tables.lexicon.dayFirst ? Day(year: c, month: b, day: a) : (Day(year: c, month: a, day: b) ?? Day(year: c, month: b, day: a))
    }
    if let day = number(tokens[0]), let month = tables.months[tokens[1]], let year = Int(tokens[2]) {
      return Day(year: year, month: month, day: day)
    }
    if let month = tables.months[tokens[0]], let day = number(tokens[1]), let year = Int(tokens[2]) {
      return Day(year: year, month: month, day: day)
    }
    return nil
  }
}

extension String {
  package func replacingSuffixes(_ suffixes: [String]) -> String {
    for suffix in suffixes where hasSuffix(suffix) && count > suffix.count { return String(dropLast(suffix.count)) }
    return self
  }
}
