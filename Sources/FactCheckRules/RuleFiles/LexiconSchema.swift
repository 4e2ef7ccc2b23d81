import FactCheckModel

/// Every key a lexicon may give, in the order `Rules/README.md` lists them: the one declaration the parser,
/// the layering of lexicons, the lookup tables, compile-error blame and the reference all follow.
///
/// A key added here is read, merged and normalised by its shape with nothing else to write; its
/// ``Lexicon`` property says what the engine does with the words, and `Rules/README.md` must list it (a
/// test compares the reference's table with this list).
package enum LexiconSchema {
  /// The placeholders a spelled or written figure feeds.
  private static let figures: Set<String> = ["count", "number", "money", "percent", "duration"]

  package static let keys: [LexiconKey] = [
    LexiconKey(name: "language", shape: .languageCode),
    LexiconKey(name: "decimal_separator", shape: .decimalMark(\.decimalSeparator)),
    LexiconKey(name: "day_first", shape: .flag(\.dayFirst)),
    LexiconKey(name: "capitalises_nouns", shape: .flag(\.capitalisesNouns)),
    LexiconKey(name: "numbers", shape: .numbers(\.numberWords), placeholders: figures),
    LexiconKey(name: "multipliers", shape: .numbers(\.multipliers), placeholders: figures),
    LexiconKey(name: "scales", shape: .numbers(\.scales), placeholders: figures),
    LexiconKey(name: "articles", shape: .words(\.articles), placeholders: figures),
    LexiconKey(name: "approximate_numbers", shape: .words(\.approximateNumbers)),
    LexiconKey(name: "conjunctions", shape: .words(\.conjunctions), placeholders: figures),
    LexiconKey(name: "range_between", shape: .words(\.rangeBetween), placeholders: ["count", "number", "money", "percent"]),
    LexiconKey(name: "range_and", shape: .words(\.rangeAnd), placeholders: ["count", "number", "money", "percent"]),
    LexiconKey(name: "range_to", shape: .words(\.rangeTo), placeholders: ["percent"]),
    LexiconKey(name: "currencies", shape: .codes(\.currencies), placeholders: ["money"]),
    LexiconKey(name: "currency_links", shape: .words(\.currencyLinks), placeholders: ["money"]),
    LexiconKey(name: "percent", shape: .words(\.percentWords), placeholders: ["percent"]),
    LexiconKey(name: "fractions", shape: .numbers(\.fractions), placeholders: ["percent"]),
    LexiconKey(name: "ratio_words", shape: .words(\.ratioWords), placeholders: ["percent"]),
    LexiconKey(name: "hedges", shape: .hedges, placeholders: ["approx"]),
    LexiconKey(name: "periods", shape: .periods, placeholders: ["when"]),
    LexiconKey(name: "year_prefixes", shape: .words(\.yearPrefixes), placeholders: ["when"]),
    LexiconKey(name: "determiners", shape: .words(\.determiners), placeholders: ["when"]),
    LexiconKey(name: "months", shape: .wholeNumbers(\.months), placeholders: ["when", "date"]),
    LexiconKey(name: "month_prefixes", shape: .words(\.monthPrefixes), placeholders: ["when"]),
    LexiconKey(name: "month_suffixes", shape: .words(\.monthSuffixes), placeholders: ["when"]),
    LexiconKey(name: "month_links", shape: .words(\.monthLinks), placeholders: ["when"]),
    LexiconKey(name: "ordinal_suffixes", shape: .words(\.ordinalSuffixes), placeholders: ["date"]),
    LexiconKey(name: "quarters", shape: .wholeNumbers(\.quarters), placeholders: ["when"]),
    LexiconKey(name: "quarter_nouns", shape: .words(\.quarterNouns), placeholders: ["when"]),
    LexiconKey(name: "quarter_prefixes", shape: .words(\.quarterPrefixes), placeholders: ["when"]),
    LexiconKey(name: "quarter_links", shape: .words(\.quarterLinks), placeholders: ["when"]),
    LexiconKey(name: "quarter_letters", shape: .words(\.quarterLetters), placeholders: ["when"]),
    LexiconKey(name: "projected", shape: .words(\.projectedMarkers)),
    LexiconKey(name: "durations", shape: .numbers(\.durationUnits), placeholders: ["duration"]),
    LexiconKey(name: "nouns", shape: .codes(\.nouns), placeholders: ["noun"]),
    LexiconKey(name: "table_rows", shape: .codes(\.tableRows)),
    LexiconKey(name: "indefinite_subjects", shape: .words(\.indefiniteSubjects)),
    LexiconKey(name: "generic_subjects", shape: .words(\.genericSubjects), placeholders: ["entity"]),
    LexiconKey(name: "source_markers", shape: .words(\.sourceMarkers)),
    LexiconKey(name: "possessives", shape: .words(\.possessives)),
    LexiconKey(name: "comparison_words", shape: .words(\.comparisonWords)),
    LexiconKey(name: "scope_qualifiers", shape: .codes(\.scopeQualifiers)),
    LexiconKey(name: "product_markers", shape: .words(\.productMarkers)),
    LexiconKey(name: "naming_words", shape: .words(\.namingWords)),
    LexiconKey(name: "apposition_leads", shape: .words(\.appositionLeads)),
    LexiconKey(name: "organisation_words", shape: .words(\.organisationWords)),
    LexiconKey(name: "legal_forms", shape: .words(\.legalForms)),
    LexiconKey(name: "possessive_suffixes", shape: .words(\.possessiveSuffixes)),
    LexiconKey(name: "adjective_suffixes", shape: .words(\.adjectiveSuffixes)),
    LexiconKey(name: "relative_pronouns", shape: .words(\.relativePronouns)),
    LexiconKey(name: "continuing_clauses", shape: .words(\.continuingClauses)),
    LexiconKey(name: "abbreviations", shape: .words(\.abbreviations)),
    LexiconKey(name: "unknown_values", shape: .words(\.unknownValues)),
    LexiconKey(name: "function_words", shape: .wordSet(\.functionWords), placeholders: ["entity"]),
    LexiconKey(name: "fragments", shape: .fragments),
  ]

  /// The keys by YAML name.
  package static let byName: [String: LexiconKey] = Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0) })

  /// The keys whose words make up the built-in placeholder `placeholder`.
  package static func keys(feeding placeholder: String) -> [LexiconKey] { keys.filter { $0.placeholders.contains(placeholder) } }
}
