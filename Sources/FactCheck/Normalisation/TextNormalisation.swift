/// The one way captured text and lexicon words are compared: lower case, one kind of apostrophe, one
/// kind of space, ASCII digits. "Près d’" in an article and "près d'" in a lexicon are the same words, and
/// `３５００`, `٣٥٠٠` and `3\u{200B}500` are the same figure as `3500`.
enum TextNormalisation {
  /// Lower-cases, maps ’ and ʼ to ', folds every run of spacing (NBSP, NNBSP, line breaks) to one space, trims;
  /// drops the invisible characters a figure may carry (``RegexFragments/invisible``: format characters
  /// such as U+200B anywhere, combining marks after a digit) and writes decimal digits of every script as
  /// ASCII digits.
  ///
  /// A combining mark is dropped only after a digit: after a letter it is part of the letter (`e` + U+0301).
  static func key(_ text: some StringProtocol) -> String {
    // Built as UTF-8 bytes: ASCII, most of any text, is lower-cased a byte at a time; only other scalars
    // go through Unicode properties.
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var afterDigit = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
          pendingSpace = !out.isEmpty
          afterDigit = false
          continue
        }
        afterDigit = value >= 0x30 && value <= 0x39
        if pendingSpace {
          out.append(0x20)
          pendingSpace = false
        }
        out.append(value >= 0x41 && value <= 0x5A ? UInt8(value) + 0x20 : UInt8(value))
        continue
      }
      if scalar.properties.isWhitespace || value == 0xA0 || value == 0x202F || value == 0x2009 {
        pendingSpace = !out.isEmpty
        afterDigit = false
        continue
      }
      // Nothing below U+00AD (soft hyphen) is invisible or a digit of another script.
      if value >= 0xAD {
        let category = scalar.properties.generalCategory
        if category == .format || (afterDigit && (category == .nonspacingMark || category == .spacingMark || category == .enclosingMark)) {
          continue
        }
        if category == .decimalNumber, let digit = scalar.properties.numericValue {
          if pendingSpace {
            out.append(0x20)
            pendingSpace = false
          }
          out.append(UInt8(ascii: "0") + UInt8(digit))
          afterDigit = true
          continue
        }
      }
      afterDigit = false
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      switch value {
      // U+066C, the Arabic thousands separator, groups like an apostrophe (1'000); U+066B is a decimal point.
      case 0x2019, 0x02BC, 0x2018, 0x066C: out.append(UInt8(ascii: "'"))
      case 0x066B: out.append(UInt8(ascii: "."))
      case 0x2212, 0x2013: out.append(UInt8(ascii: "-"))
      default:
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          UTF8.encode(lower) { out.append($0) }
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// A lexicon's word lists as lookup tables keyed by ``TextNormalisation/key(_:)``, built once per language.
struct LexiconTables: Sendable {
  let lexicon: Lexicon
  let numberWords: [String: Double]
  let multipliers: [String: Double]
  let scales: [String: Double]
  let articles: Set<String>
  let conjunctions: Set<String>
  let currencies: [String: String]
  let percentWords: Set<String>
  let fractions: [String: Double]
  let ratioWords: Set<String>
  let hedges: [String: Hedge]
  let periods: [String: (period: Period, modality: Modality?)]
  /// The keys of ``periods`` as UTF-8, longest first (ties in alphabetical order), for finding the longest
  /// phrase a longer expression embeds without a dictionary copy and a Foundation search per key.
  let periodPhrasesLongestFirst: [(key: String, utf8: [UInt8])]
  let months: [String: Int]
  let projectedMarkers: [String]
  let durationUnits: [String: Double]
  let genericSubjects: Set<String>
  let nouns: [String: String]
  let continuingClauses: [String]
  let approximateNumbers: Set<String>
  let quarters: [String: Int]
  let tableRows: [String: String]
  let quarterNouns: Set<String>
  let indefiniteSubjects: Set<String>
  /// Longest number of words in any multi-word entry, for greedy phrase matching.
  let longestPhrase: Int

  init(_ lexicon: Lexicon) {
    self.lexicon = lexicon
    func keyed<V>(_ table: [String: V]) -> [String: V] {
      Dictionary(table.map { (TextNormalisation.key($0.key).replacingHyphensBetweenLetters(), $0.value) },
                 uniquingKeysWith: { first, _ in first })
    }
    // Scales keep their case-sensitive forms too ("M" is a million, "m" may be metres but is read alike).
    numberWords = keyed(lexicon.numberWords)
    multipliers = keyed(lexicon.multipliers)
    scales = keyed(lexicon.scales)
    articles = Set(lexicon.articles.map { TextNormalisation.key($0) })
    conjunctions = Set(lexicon.conjunctions.map { TextNormalisation.key($0) })
    currencies = keyed(lexicon.currencies)
    percentWords = Set(lexicon.percentWords.map { TextNormalisation.key($0) })
    fractions = keyed(lexicon.fractions)
    ratioWords = Set(lexicon.ratioWords.map { TextNormalisation.key($0) })
    var hedges: [String: Hedge] = [:]
    for entry in lexicon.hedges { for word in entry.words { hedges[TextNormalisation.key(word)] = entry.hedge } }
    self.hedges = hedges
    var periods: [String: (Period, Modality?)] = [:]
    for entry in lexicon.periods {
      for word in entry.words { periods[TextNormalisation.key(word)] = (entry.period, entry.modality) }
    }
    self.periods = periods
    periodPhrasesLongestFirst = periods.keys
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
      .map { ($0, Array($0.utf8)) }
    months = keyed(lexicon.months)
    projectedMarkers = lexicon.projectedMarkers.map { TextNormalisation.key($0) }
    durationUnits = keyed(lexicon.durationUnits)
    nouns = keyed(lexicon.nouns)
    continuingClauses = lexicon.continuingClauses.map { TextNormalisation.key($0) }
    approximateNumbers = Set(lexicon.approximateNumbers.map { TextNormalisation.key($0) })
    quarters = keyed(lexicon.quarters)
    tableRows = keyed(lexicon.tableRows)
    quarterNouns = Set(lexicon.quarterNouns.map { TextNormalisation.key($0) })
    genericSubjects = Set(lexicon.genericSubjects.map { TextNormalisation.key($0) })
    indefiniteSubjects = Set(lexicon.indefiniteSubjects.map { TextNormalisation.key($0) })
    let allKeys = Array(numberWords.keys) + Array(multipliers.keys) + Array(scales.keys) + Array(currencies.keys)
      + Array(fractions.keys)
    longestPhrase = allKeys.map { $0.split(separator: " ").count }.max() ?? 1
  }
}
