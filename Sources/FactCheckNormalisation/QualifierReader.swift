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
    let keyBytes = Array(key.utf8)
    if mayNameQuarter(keyBytes), let quarter = quarter(key, keyBytes) { return (quarter, nil) }
    if let entry = tables.periods[key] { return entry }
    if toTheMonth, let month = month(key) {
      let stated = period(text)
      switch stated?.period {
      case .year?, .relativeYear?: return (.month(month, of: stated!.period), stated!.modality)
      default: return (.month(month, of: .unspecified), stated?.modality)
      }
    }
    // Phrases that embed a listed expression ("dès l'année dernière").
    let embedded = keyBytes.withUnsafeBufferPointer { buffer in
      tables.periodPhrasesLongestFirst.first { ByteSearch.contains(buffer, 0..<buffer.count, $0.utf8) }
    }
    if let phrase = embedded {
      return tables.periods[phrase.key]
    }
    return year(numbers(key, keyBytes))
  }

  /// Whether a key (its UTF-8 `bytes`) may name a quarter (``quarter(_:_:)``): a code is a word of two
  /// characters, the second a digit 1 to 4 (« t3 », "q3"), and a quarter in words needs a quarter noun.
  /// Splitting the key into words cost 8,100 instructions a period expression on the bench's 16 MB corpus,
  /// most of which name no quarter. Told on bytes only when the key and the nouns are ASCII: words are
  /// otherwise compared as `String`s, under canonical equivalence.
  private func mayNameQuarter(_ bytes: [UInt8]) -> Bool {
    let nouns = tables.quarterNouns
    guard bytes.allSatisfy({ $0 < 0x80 }), nouns.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return true }
    // ``quarter(_:_:)``'s words are split at spaces and hyphens.
    func separates(_ i: Int) -> Bool { i < 0 || i >= bytes.count || bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "-") }
    for i in bytes.indices.dropFirst() where bytes[i] >= UInt8(ascii: "1") && bytes[i] <= UInt8(ascii: "4") {
      if !separates(i - 1) && separates(i - 2) && separates(i + 1) { return true }
    }
    return bytes.withUnsafeBufferPointer { buffer in
      nouns.contains { ByteSearch.contains(buffer, 0..<buffer.count, Array($0.utf8)) }
    }
  }

  /// The integers `key` writes (its UTF-8 `bytes`): its runs of number characters (``Character/isNumber``)
  /// that are decimal integers, in order. An ASCII key is read on its bytes, where only digits are numbers;
  /// splitting its characters cost 6,600 instructions a period expression.
  private func numbers(_ key: String, _ bytes: [UInt8]) -> [Int] {
    guard bytes.allSatisfy({ $0 < 0x80 }) else {
      return key.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }
    var found: [Int] = []
    // The run being read: its value, -1 once too long for an Int (`Int(_:)` reads none from it either).
    var value: Int?
    for byte in bytes {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
        if let value, value >= 0 { found.append(value) }
        value = nil
        continue
      }
      let sofar = value ?? 0
      guard sofar >= 0 else { continue }
      let times = sofar.multipliedReportingOverflow(by: 10)
      let next = times.partialValue.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
      value = times.overflow || next.overflow ? -1 : next.partialValue
    }
    if let value, value >= 0 { found.append(value) }
    return found
  }

  /// "troisième trimestre 2024", "third-quarter", "q3 2024", "t3" (a letter of `quarter_letters`): a quarter,
  /// of a year if one is named, else of the article's year. `bytes` are the key's UTF-8.
  private func quarter(_ key: String, _ bytes: [UInt8]) -> Period? {
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
    let years = numbers(key, bytes).filter { (1800...2099).contains($0) }
    return .quarter(number, of: years.first.map { .year($0) } ?? .relativeYear(0))
  }

  /// The month a period expression names ("fin octobre", "mid-March"), if any.
  private func month(_ key: String) -> Int? {
    key.split(whereSeparator: { !$0.isLetter }).lazy.compactMap { tables.months[String($0)] }.first
  }

  private func year(_ numbers: [Int]) -> (period: Period, modality: Modality?)? {
    if let year = numbers.first(where: { (1800...2099).contains($0) }) {
      return (.year(year), nil)
    }
    return nil
  }
}
