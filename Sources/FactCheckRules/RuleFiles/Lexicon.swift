import FactCheckModel

/// One language's vocabulary: the words behind the placeholders and the normaliser.
///
/// Everything language-specific lives here, as data in `Rules/lexicons/<language>.yaml`: number words,
/// scales, currencies, hedges and their tolerances, period expressions, modality markers, subjects. The
/// placeholder expander builds regex fragments from these lists and the normaliser reads the captured
/// text with the same lists, so a word added to a lexicon is both matched and understood.
package struct Lexicon: Sendable {
  /// A hedge or bound word and what it does to a figure.
  package struct HedgeWord: Sendable, Hashable {
    /// The words ("environ", "près de").
    package var words: [String]
    /// Their meaning.
    package var hedge: Hedge
  }

  /// A period expression and the period it denotes.
  package struct PeriodWord: Sendable, Hashable {
    /// The words ("l'année dernière").
    package var words: [String]
    /// The period.
    package var period: Period
    /// Whether these words make a forecast ("d'ici à un an").
    package var modality: Modality?
  }

  /// ISO 639-1 code.
  package var language: String
  /// `,` in French, `.` in English.
  package var decimalSeparator: Character
  /// Whether numeric dates put the day first (13/05/2025).
  package var dayFirst: Bool
  /// Spelled numbers below a hundred and other single words ("deux", "vingt", "dozen").
  package var numberWords: [String: Double]
  /// Words that multiply what precedes them inside a spelled number ("cent", "mille", "hundred").
  package var multipliers: [String: Double]
  /// Scale words after digits or spelled numbers ("millions", "milliards", "bn", "k").
  package var scales: [String: Double]
  /// Articles that count as one before a multiplier or scale ("un million", "a hundred").
  package var articles: [String]
  /// Number words that are approximate by nature ("une soixantaine", "une centaine").
  package var approximateNumbers: [String] = []
  /// Joining words inside spelled numbers ("vingt et un", "one hundred and five").
  package var conjunctions: [String]
  /// A range in words: the word opening it ("entre", "between"), the word joining its ends after that
  /// opening ("et", "and"), and the word joining two ends on its own ("15 à 20 %", "15 to 20%").
  package var rangeBetween: [String] = []
  package var rangeAnd: [String] = []
  package var rangeTo: [String] = []
  /// Words between a figure and its currency word ("millions d'euros", « 3 milliards de dollars »).
  package var currencyLinks: [String] = []
  /// Currency symbols and words → ISO 4217 code.
  package var currencies: [String: String]
  /// Percent signs and words ("%", "pour cent").
  package var percentWords: [String]
  /// Fractions in words → percent ("la moitié" → 50).
  package var fractions: [String: Double]
  /// Ratio words ("deux sur trois", "one in four").
  package var ratioWords: [String]
  /// Hedge and bound words.
  package var hedges: [HedgeWord]
  /// Period expressions.
  package var periods: [PeriodWord]
  /// Words before a year that make it the figure's period ("en 2022", "fin décembre 2024").
  package var yearPrefixes: [String]
  /// Articles and possessives before a noun ("the", "its", « la », « l' », « son »): a year may stand
  /// between one and its noun as the figure's period ("its 2022 results", "in a 2021 round"), one may
  /// open an apposition naming a product ("Nova, the assistant …"), and with ``capitalisesNouns`` the
  /// capitalised word after one is a common noun (« die Bank »).
  package var determiners: [String] = []
  /// Month names → 1…12.
  package var months: [String: Int]
  /// Words before a month name that make it a figure's period ("in November", "last October", « fin
  /// octobre »), words after it that do (« mai dernier »), and words joining it to its year ("November of
  /// last year", « octobre de l'an dernier »).
  package var monthPrefixes: [String] = []
  package var monthSuffixes: [String] = []
  package var monthLinks: [String] = []
  /// Endings of a day number in a written date ("1er mai", "May 13th").
  package var ordinalSuffixes: [String] = []
  /// Words that make a figure a forecast ("pourrait", "is expected to").
  package var projectedMarkers: [String]
  /// Subjects that are somebody else, unnamed ("un PDG", "another fintech").
  package var indefiniteSubjects: [String]
  /// Subjects that refer back to the article's subject ("l'entreprise", "the company").
  package var genericSubjects: [String]
  /// Words after which a proper name is a source or a place, not the subject ("selon", "according to", "à").
  package var sourceMarkers: [String]
  /// Countable nouns → one canonical, language-neutral unit ("salariés" and "employees" → `employees`),
  /// for the generic quantity rule's `{noun}` placeholder.
  package var nouns: [String: String] = [:]
  /// Ordinals of quarters ("troisième" → 3, "third" → 3) and the quarter nouns ("trimestre", "quarter").
  package var quarters: [String: Int] = [:]
  package var quarterNouns: [String] = []
  /// Words before a quarter ("au troisième trimestre", "in the third quarter"), between it and its year
  /// ("of", « de »), and the capital letters of quarter codes ("Q3", « T3 »).
  package var quarterPrefixes: [String] = []
  package var quarterLinks: [String] = []
  package var quarterLetters: [String] = []
  /// Row labels of tables → attribute ("chiffre d'affaires" → revenue), for figures in Markdown tables.
  package var tableRows: [String: String] = [:]
  /// Clause openings that keep the previous clause's time ("in which", "lors de laquelle").
  package var continuingClauses: [String] = []
  /// Possessive determiners that refer back to an organisation named before ("sa valorisation", "its
  /// valuation"): a figure they introduce in a sentence naming nobody is the last-named organisation's.
  package var possessives: [String] = []
  /// Qualifiers of a headcount → a language-neutral scope ("full-time", « à temps plein » → `full_time`):
  /// "97,148 full-time employees" and "130,000 people" count different things and are never compared.
  package var scopeQualifiers: [String: String] = [:]
  /// Words that make the period expression after them the base of a comparison, not the figure's period
  /// ("up 41% from the previous year", « en hausse de 38 % par rapport à l'an dernier »).
  package var comparisonWords: [String] = []
  /// Nouns after which a name is a product, not an organisation ("son assistant Nova", "its chatbot, Ava").
  package var productMarkers: [String] = []
  /// Participles that name what a product marker stands for ("the assistant, known internally as Ondine",
  /// « l'assistant baptisé Ondine »).
  package var namingWords: [String] = []
  /// Words that may open an apposition naming a product ("Ondine - as the assistant is called -").
  package var appositionLeads: [String] = []
  /// Words that make a multi-word name an organisation's ("Nordhavn Bank", « Banque Verdelis ») and legal
  /// forms, dropped from names ("Alcyra Airways SA" is "Alcyra Airways"). A name keeps the words of its
  /// own language whatever the article's, so these are read from every loaded lexicon at once.
  package var organisationWords: [String] = []
  package var legalForms: [String] = []
  /// Endings of a possessive name ("Klarna's"), dropped when names are compared for their spelling; read
  /// from every loaded lexicon at once, as names are.
  package var possessiveSuffixes: [String] = []
  /// Abbreviations whose dot does not end a sentence ("Mr.", « Mme »), written without the dot.
  package var abbreviations: [String] = []
  /// Front-matter values that say a date is not known ("unknown", « inconnu »); read from every loaded
  /// lexicon at once, since an article's language is not known when its front matter is read.
  package var unknownValues: [String] = []
  /// Whether the language capitalises every noun (German): a capitalised word is then no sign of a name,
  /// and one the article also writes after a determiner or a figure is a common noun, not an organisation.
  package var capitalisesNouns = false
  /// Endings of capitalised adjectives ("Danish", "Nordic") that are not names when a lower-case word follows.
  package var adjectiveSuffixes: [String] = []
  /// Relative pronouns ("which", « qui »): a capitalised word that opens a sentence and is followed by a
  /// comma and one of them ("Pellion, which employs…") is a name, not a capitalised common word.
  package var relativePronouns: [String] = []
  /// Capitalised words that are not names ("Le", "Selon", "The").
  package var functionWords: Set<String>
  /// Time units → minutes.
  package var durationUnits: [String: Double]
  /// Named regex fragments rule authors reuse as `{name}`.
  package var fragments: [String: String]
  /// Where each fragment is declared, for error messages and the unused-fragment warning.
  package var fragmentLocations: [String: SourceLocation]
  /// The file location of every byte of each fragment's value, to place a PCRE2 error inside it.
  package var fragmentSources: [String: LocatedPattern] = [:]
  /// Where each key (`nouns`, `numbers` …) was last given, in the latest layer that gives it: a pattern
  /// made too large by a word list is reported there, in the file that grew the list.
  package var keyLocations: [String: SourceLocation] = [:]
  /// Where the lexicon is declared.
  package var location: SourceLocation

  /// An empty lexicon for `language`; the loader fills it from YAML.
  package init(language: String, location: SourceLocation) {
    self.language = language
    self.decimalSeparator = ","
    self.dayFirst = true
    self.numberWords = [:]
    self.multipliers = [:]
    self.scales = [:]
    self.articles = []
    self.conjunctions = []
    self.currencies = [:]
    self.percentWords = []
    self.fractions = [:]
    self.ratioWords = []
    self.hedges = []
    self.periods = []
    self.yearPrefixes = []
    self.months = [:]
    self.projectedMarkers = []
    self.indefiniteSubjects = []
    self.genericSubjects = []
    self.functionWords = []
    self.sourceMarkers = []
    self.durationUnits = [:]
    self.fragments = [:]
    self.fragmentLocations = [:]
    self.location = location
  }

  /// Adds another lexicon of the same language on top of this one (a user's layer over the bundled one),
  /// key by key as ``LexiconSchema`` says.
  package mutating func merge(_ other: Lexicon) {
    for key in LexiconSchema.keys { key.merge(other, into: &self) }
    keyLocations.merge(other.keyLocations) { $1 }
  }
}

extension Lexicon {
  /// Scale words spelled out ("milliard", "billion"), not abbreviations ("M", "bn"): after an article
  /// they make a figure on their own ("un milliard", "a billion").
  package var spelledScales: [String] { scales.keys.filter { $0.count >= 4 } }
}
