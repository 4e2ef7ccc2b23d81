import PatternMatching
import Testing

@testable import FactCheckModel
@testable import FactCheckRules

/// `{when}` opens with the first characters of the lists its branches start with and one word-start test
/// (issue 15). That opening is only a shortcut if it lists every such list: a list left out would lose
/// every period that starts with one of its words. Per bundled lexicon, the fragment must find what it
/// finds without its opening, over text written from the lexicon's own words.
@Suite struct WhenOpeningTests {
  static let languages = ["de", "en", "fr"]

  @Test(arguments: languages, [PatternOptions.caseless, []])
  func openingChangesNoPeriod(_ language: String, _ options: PatternOptions) throws {
    let lexicon = try #require(Fixtures.bundledRules.library.lexicons[language])
    let when = try #require(PlaceholderCatalog(lexicon: lexicon, entities: []).builtins["when"])
    let bare = try #require(Self.withoutOpening(when))
    #expect(bare != when, "{when} has an opening to test")

    let text = Self.periods(lexicon)
    let subject = UTF8Subject(text)
    let expected = try Matcher().matches(of: CompiledPattern(bare, options: options), in: subject).map(\.range)
    let found = try Matcher().matches(of: CompiledPattern(when, options: options), in: subject).map(\.range)
    // Named by their text, so that a failure says which periods the opening lost or added.
    let bytes = Array(text.utf8)
    func periods(_ ranges: [Range<Int>]) -> [String] { ranges.map { String(decoding: bytes[$0], as: UTF8.self) } }
    #expect(periods(expected.filter { !found.contains($0) }) == [], "lost by the opening")
    #expect(periods(found.filter { !expected.contains($0) }) == [], "found only with the opening")

    // The text reaches every branch: some period starts with a word of each list the opening is built from.
    let starts = periods(expected).map { $0.lowercased() }
    for (name, list) in Self.openingLists(lexicon) where !list.isEmpty {
      #expect(starts.contains { start in list.contains { start.hasPrefix($0.lowercased()) } },
              "no period found starting with a word of \(name) in \(language)")
    }
  }

  /// The lists whose words open a branch of `{when}`. A month opens one only before a word of
  /// `month_suffixes` ("May last year"): in a lexicon without them, months come after a prefix only.
  static func openingLists(_ lexicon: Lexicon) -> [(String, [String])] {
    [("quarter_prefixes", lexicon.quarterPrefixes), ("quarters", lexicon.quarters.keys.sorted()),
     ("quarter_letters", lexicon.quarterLetters), ("year_prefixes", lexicon.yearPrefixes),
     ("month_prefixes", lexicon.monthPrefixes),
     ("months", lexicon.monthSuffixes.isEmpty ? [] : lexicon.months.keys.sorted()),
     ("periods", lexicon.periods.flatMap(\.words)), ("determiners", lexicon.determiners)]
  }

  /// `pattern` without its leading lookahead of first characters and word-start test; nil when it has none.
  static func withoutOpening(_ pattern: String) -> String? {
    guard pattern.hasPrefix("(?=["), let close = pattern.range(of: "])") else { return nil }
    let rest = pattern[close.upperBound...]
    guard rest.hasPrefix(RegexFragments.wordStart) else { return nil }
    return String(rest.dropFirst(RegexFragments.wordStart.count))
  }

  /// Periods of every shape `{when}` reads, each word of each list used at least once, some capitalised,
  /// some glued to a letter or a digit (which no period starts with).
  static func periods(_ lexicon: Lexicon) -> String {
    let quarterPrefixes = lexicon.quarterPrefixes, quarters = lexicon.quarters.keys.sorted()
    let quarterNouns = lexicon.quarterNouns, quarterLinks = lexicon.quarterLinks, letters = lexicon.quarterLetters
    let yearPrefixes = lexicon.yearPrefixes, determiners = lexicon.determiners, months = lexicon.months.keys.sorted()
    let monthPrefixes = lexicon.monthPrefixes, monthSuffixes = lexicon.monthSuffixes, monthLinks = lexicon.monthLinks
    let periodWords = lexicon.periods.flatMap(\.words)
    let lists = [quarterPrefixes, quarters, quarterNouns, quarterLinks, letters, yearPrefixes, determiners, months,
                 monthPrefixes, monthSuffixes, monthLinks, periodWords]
    func word(_ list: [String], _ index: Int) -> String { list.isEmpty ? "" : list[index % list.count] }

    var phrases: [String] = []
    for index in 0..<(lists.map(\.count).max() ?? 0) {
      let year = String(2000 + index % 27)
      phrases += [
        "\(word(quarterPrefixes, index)) \(word(quarters, index)) \(word(quarterNouns, index)) \(word(quarterLinks, index)) \(year)",
        "\(word(quarters, index))-\(word(quarterNouns, index)) \(year)",
        "\(word(letters, index))\(index % 4 + 1) \(year)",
        "\(word(yearPrefixes, index)) \(word(determiners, index)) \(word(months, index)) \(year)",
        "\(word(yearPrefixes, index)) \(year)",
        "\(word(monthPrefixes, index)) \(word(months, index)) \(word(monthSuffixes, index))",
        "\(word(months, index)) \(word(monthSuffixes, index)) \(word(monthLinks, index)) \(year)",
        word(periodWords, index),
        "\(word(determiners, index)) \(year) rose",
        "x\(word(periodWords, index)) 7\(word(yearPrefixes, index)) \(year) q\(word(months, index))",
      ]
    }
    return phrases.enumerated().map { $0.offset.isMultiple(of: 3) ? $0.element.capitalized : $0.element }
      .joined(separator: ", ")
  }
}
