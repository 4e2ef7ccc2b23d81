import FactCheckModel

/// The regex fragment behind every placeholder of one language, built once from its lexicon.
///
/// Fragments never capture: the expander wraps each placeholder use in one named group, and the
/// normaliser re-reads the captured text with the same lexicon. One source of truth, two readers.
package struct PlaceholderCatalog: Sendable {
  /// Placeholders whose captured text is a figure, with the kind of figure.
  package static let valueKinds: [String: ValueKind] = [
    "count": .count, "number": .count, "money": .money, "percent": .percent, "year": .year, "duration": .duration,
  ]
  /// Built-in placeholders that qualify a figure or a claim.
  package static let modifiers: Set<String> = ["approx", "when", "entity", "date", "noun"]

  package let lexicon: Lexicon
  /// Built-in fragments by placeholder name.
  package let builtins: [String: String]
  /// The lexicon's own fragments with their typography turned into regex
  /// (``PlaceholderExpander/expandFragment(_:)``), once per language rather than once per use: rules use the
  /// same few fragments again and again.
  package let expandedFragments: [String: String]

  package init(lexicon: Lexicon, entities: [EntityDefinition]) {
    self.lexicon = lexicon
    let hs = RegexFragments.horizontalSpace
    let ws = RegexFragments.space
    let digits = RegexFragments.digits

    // Spelled numbers: number words joined by hyphens, spaces or a conjunction ("vingt et un"); an
    // article counts only before a multiplier or scale ("un million", "a dozen").
    let numberWords = Array(lexicon.numberWords.keys) + Array(lexicon.multipliers.keys)
    let numberWord = RegexFragments.words(numberWords)
    let scaleWord = RegexFragments.words(lexicon.scales.keys, gluedToDigits: true)
    let joiner = lexicon.conjunctions.isEmpty
      ? "(?:-|\(ws))"
      : "(?:-|\(ws))(?:\(RegexFragments.words(lexicon.conjunctions))(?:-|\(ws)))?"
    let articleLead = lexicon.articles.isEmpty
      ? "(?!)"
      : "\(RegexFragments.words(lexicon.articles))\(ws)(?=\(RegexFragments.words(Array(lexicon.multipliers.keys) + Array(lexicon.scales.keys))))"
    // "un milliard", "a billion": the article alone stands for one before a spelled-out scale (the scale
    // itself follows in `scale`); abbreviations ("a m", "un M") do not count.
    let articleAlone = lexicon.articles.isEmpty || lexicon.spelledScales.isEmpty
      ? "(?!)"
      : "\(RegexFragments.words(lexicon.articles))(?=\(hs)+\(RegexFragments.words(lexicon.spelledScales)))"
    // Every branch opens with an article or a number word: a position inside a word fails once, before them.
    let spelledOpening = RegexFragments.opening(of: numberWords + lexicon.articles)
    let spelled = "(?:\(spelledOpening)(?:\(articleAlone)|(?:\(articleLead))?\(numberWord)(?:\(joiner)\(numberWord))*))"
    // Scales may be glued to the digits ("14k", "$3bn", "15Md€").
    let scale = "(?:\(hs)*\(scaleWord))"
    // Ranges: "3 000-3 500", "entre 3 000 et 3 500", "between 3,000 and 3,500".
    let between = "\(RegexFragments.words(lexicon.rangeBetween))\(ws)"
    let and = "\(ws)\(RegexFragments.words(lexicon.rangeAnd))\(ws)"
    let count = "(?:\(between)\(digits)\(scale)?\(and)\(digits)|\(digits)\(hs)*[-\\x{2013}]\(hs)*\(digits)|\(digits)|\(spelled))\(scale)?"

    let currencyWord = RegexFragments.words(lexicon.currencies.keys)
    let symbols = lexicon.currencies.keys.filter { !($0.first?.isLetter ?? false) || $0.count <= 3 && $0 == $0.uppercased() }
    let currencyBefore = RegexFragments.words(symbols)
    // « 3 milliards de d’euros » (a preposition doubled in editing) still names the currency: a link
    // written as a word, then one elided onto the currency (« d’ »).
    let elided = lexicon.currencyLinks.filter { $0.hasSuffix("'") || $0.hasSuffix("\u{2019}") }
    let spaced = lexicon.currencyLinks.filter { !elided.contains($0) }
    let preposition = "(?:\(RegexFragments.words(spaced))\(ws))?(?:\(RegexFragments.words(elided)))?"
    // "entre 410 et 430 millions d'euros", "between $1.1 billion and $1.2 billion": a range, read as one figure.
    let moneyRangeStart = "(?:\(between)(?:\(currencyBefore)\(hs)*)?\(digits)\(scale)?\(and))?"
    let money = moneyRangeStart + "(?:\(currencyBefore)\(hs)*(?:\(digits)|\(spelled))\(scale)?"
      + "|(?:\(digits)|\(spelled))(?:\(scale)(?:\(hs)*\(preposition)\(currencyWord))?|\(hs)*\(preposition)\(currencyWord)))"

    // Glued to its digits in British copy ("18pc") as scales are ("14k").
    let percentWord = RegexFragments.words(lexicon.percentWords, gluedToDigits: true)
    // "in the first half" is a period, not 50 %: a fraction word right after a quarter's ordinal is none.
    let afterOrdinal = lexicon.quarters.keys.sorted().map { "(?<!\(RegexFragments.escape($0))[ -])" }.joined()
    // The fraction's first characters and word start before those look-behinds, which would otherwise run
    // at every position tried (issue 15: a third of a percentage's scan).
    let fraction = RegexFragments.opening(of: Array(lexicon.fractions.keys)) + afterOrdinal
      + RegexFragments.words(lexicon.fractions.keys)
    // "un sur deux", "one in four", "sept conversations sur dix" (up to two words between). A year is
    // never the denominator: "41,000 in 2021" is a figure and its date.
    let ratio = lexicon.ratioWords.isEmpty ? "(?!)"
      : "(?:\(digits)|\(spelled))(?:\(ws)[\\p{L}'\\x{2019}-]+){0,2}?\(ws)\(RegexFragments.words(lexicon.ratioWords))\(ws)(?!\(RegexFragments.year))(?:\(digits)|\(spelled))(?![\\p{L}\\p{N}])"
    let rangeLink = "(?:\(hs)*[-\\x{2013}]\(hs)*|\(ws)\(RegexFragments.words(lexicon.rangeTo))\(ws))"
    let percent = "(?:\(between)\(digits)(?:\(hs)*\(percentWord))?\(and)\(digits)\(hs)*\(percentWord)"
      + "|\(digits)(?:\(hs)*\(percentWord))?\(rangeLink)\(digits)\(hs)*\(percentWord)"
      + "|\(RegexFragments.sign)\(digits)\(hs)*\(percentWord)|\(spelled)\(hs)*\(percentWord)|\(fraction)|\(ratio))"

    let hedgeWords = lexicon.hedges.flatMap(\.words)
    let approx = RegexFragments.words(hedgeWords, gluedAfter: true)

    let month = RegexFragments.words(lexicon.months.keys)
    let year = RegexFragments.year
    let yearPrefix = RegexFragments.words(lexicon.yearPrefixes)
    let periodWords = lexicon.periods.flatMap(\.words)
    // "en 2022", "fin décembre 2024", "in a 2021 funding round", "A 2023 down round".
    let determiner = RegexFragments.words(lexicon.determiners)
    // Quarters: "au troisième trimestre (2024)", "third-quarter", "in the third quarter of 2024", "Q3 2024", "T3".
    let quarterNoun = RegexFragments.words(lexicon.quarterNouns)
    let quarterOrdinal = RegexFragments.words(lexicon.quarters.keys)
    // Codes are case-sensitive: "Q3", « T3 ».
    let quarterCode = lexicon.quarterLetters.isEmpty ? "(?!)"
      : "(?-i:\(RegexFragments.wordStart)(?:\(lexicon.quarterLetters.map(RegexFragments.escape).joined(separator: "|")))[1-4])"
    let quarter = lexicon.quarterNouns.isEmpty ? "(?!)"
      : "(?:(?:\(RegexFragments.words(lexicon.quarterPrefixes))\(ws))?\(quarterOrdinal)(?:-|\(ws))\(quarterNoun)(?:\(ws)(?:\(RegexFragments.words(lexicon.quarterLinks))\(ws))?\(year))?|\(quarterCode)(?:\(ws)?\(year))?(?![\\p{L}\\p{N}]))"
    // Months: "in November", "last October", "in late March", « fin octobre », « en mai dernier », with an optional
    // year, written or relative ("November of last year", « octobre de l'an dernier »). A month name alone
    // ("May") is no period: it needs a word of `month_prefixes` before it or of `month_suffixes` after it.
    let yearsAgo = lexicon.periods.filter { if case .relativeYear = $0.period { return true } else { return false } }.flatMap(\.words)
    let monthYear = "(?:,?\(ws)(?:\(RegexFragments.words(lexicon.monthLinks))\(ws)?)?(?:\(year)|\(RegexFragments.words(yearsAgo))))"
    let monthSuffix = "(?:\(ws))?\(RegexFragments.words(lexicon.monthSuffixes))"
    let monthName = "(?:\(RegexFragments.words(lexicon.monthPrefixes))(?:\(ws)|-))+(?:\(determiner)\(ws))?\(month)(?:\(monthSuffix))?\(monthYear)?"
      + "|\(month)\(monthSuffix)\(monthYear)?"
    let months = lexicon.monthPrefixes.isEmpty && lexicon.monthSuffixes.isEmpty ? "(?!)" : "(?:\(monthName))"
    // Every branch opens with a word of these lists (or a quarter's code letter): a position inside a word
    // fails once, before them, not once per branch (issue 15: half the cost of the period scans).
    let whenOpening = RegexFragments.opening(of: lexicon.quarterPrefixes + Array(lexicon.quarters.keys) + lexicon.quarterLetters
      + lexicon.yearPrefixes + lexicon.monthPrefixes + Array(lexicon.months.keys) + periodWords + lexicon.determiners)
    let when = "\(whenOpening)(?:\(quarter)|\(yearPrefix)\(ws)(?:\(determiner)\(ws))?(?:\(month)\(ws))?\(year)|\(months)|\(RegexFragments.words(periodWords))"
      + "|\(RegexFragments.wordStart)\(determiner)\(ws)\(year)(?=\(ws)(?-i:\\p{Ll})))"

    let duration = "(?:\(digits)|\(spelled))\(hs)*\(RegexFragments.words(lexicon.durationUnits.keys))"

    // "13th", « 1er »: glued to the day number.
    let ordinal = lexicon.ordinalSuffixes.isEmpty ? "" : "(?:\(lexicon.ordinalSuffixes.map(RegexFragments.escape).joined(separator: "|")))?"
    let date = "(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.]\(year)|\(year)-[0-9]{2}-[0-9]{2}"
      + "|[0-9]{1,2}\(ordinal)\(ws)\(month)\(ws)\(year)|\(month)\(ws)[0-9]{1,2}\(ordinal),?\(ws)\(year))"

    // Entities: known names and aliases, words that refer back to the subject ("l'entreprise"), or a
    // capitalised proper name that is not a function word ("Duolingo", "Northwind Bank").
    let known = RegexFragments.words(entities.flatMap(\.allNames))
    let generic = RegexFragments.words(lexicon.genericSubjects)
    let notFunctionWord = lexicon.functionWords.isEmpty ? "" : "(?!\(RegexFragments.words(lexicon.functionWords)))"
    let nameWord = "\\p{Lu}[\\p{L}\\p{N}&\\-]*"
    // The capital first (the name word requires it anyway): a start bitmap for rules that open with an
    // {entity}, and a lower-case word fails there, not after trying every function word (issue 15;
    // MentionPatterns.proper does the same).
    let capital = "(?=\\p{Lu})"
    let proper = "(?-i:\(RegexFragments.capitalAhead)\(RegexFragments.wordStart)\(notFunctionWord)\(nameWord)"
      + "(?:[ ]\(capital)\(notFunctionWord)\(nameWord)){0,3})"
    let entity = "(?:\(known)|\(generic)|\(proper))"

    builtins = [
      "count": count, "number": count, "money": money, "percent": percent, "year": year, "duration": duration,
      "approx": approx, "when": when, "entity": entity, "date": date,
      "noun": RegexFragments.words(lexicon.nouns.keys),
    ]
    expandedFragments = lexicon.fragments.mapValues(PlaceholderExpander.expandFragment)
  }

  /// A catalog of fragments built before (``PlaceholderCatalog/of(language:lexicon:entities:cache:)``).
  init(lexicon: Lexicon, builtins: [String: String], expandedFragments: [String: String]) {
    self.lexicon = lexicon
    self.builtins = builtins
    self.expandedFragments = expandedFragments
  }

  /// The fragment for a placeholder name: built-in first, then the lexicon's own fragments.
  package func fragment(named name: String) -> String? { builtins[name] ?? lexicon.fragments[name] }

  /// Every placeholder name this language knows.
  package var allNames: [String] { Array(builtins.keys) + Array(lexicon.fragments.keys) }
}
