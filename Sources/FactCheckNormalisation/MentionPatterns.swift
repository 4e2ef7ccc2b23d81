import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import PatternMatching

/// Patterns that find who and when an article talks about, compiled once per language.
package struct MentionPatterns: Sendable {
  /// Known entity names and aliases (case-sensitive, whole words).
  package let known: SearchPattern?
  /// Canonical entity for each known name.
  package let entityByName: [String: EntityDefinition]
  /// Capitalised proper names, read from the bytes (no PCRE2 scan).
  package let properNames: ProperNameReader
  /// Words that refer back to the subject ("l'entreprise", "the company").
  package let generic: SearchPattern?
  /// Unnamed other subjects ("un PDG", "another fintech").
  package let indefinite: SearchPattern?
  /// Period expressions, as `{when}` matches them.
  package let when: SearchPattern
  /// Forecast markers ("pourrait", "is expected to").
  package let projected: SearchPattern?
  /// Words that make the following name a source or place ("selon", "according to").
  package let sourceMarker: SearchPattern?
  /// A list of names after a source or place word, closed by a conjunction and punctuation (« à Nantes,
  /// Brest et Rennes, ce qui… »): each name of it is a place or a source, not only the first.
  package let sourceList: SearchPattern?
  /// Nouns that make the following name a product ("assistant", "chatbot").
  package let productMarker: SearchPattern?
  /// An appositive that makes the preceding name a product ("Nova, l'assistant …", "Ava, its chatbot").
  package let productAfter: CompiledPattern?
  /// Possessive determiners ("sa", "its") that refer back to the last-named organisation.
  package let possessive: SearchPattern?
  /// Headcount qualifiers ("full-time", « en CDI »), and the scope each stands for, by normalised words.
  package let scopeQualifier: SearchPattern?
  package let scopeByQualifier: [String: String]
  /// Endings of capitalised adjectives.
  package let adjectiveSuffixes: [String]
  /// Relative pronouns, lower-cased UTF-8 ("which", « qui »): after a comma they make the word before a name.
  package let relativePronouns: [[UInt8]]
  /// A division or unit of the company ("la filiale cargo", "its logistics division"), from the lexicon's
  /// `division` fragment when it has one.
  package let division: SearchPattern?
  /// Function words, to drop them from proper-name candidates.
  package let functionWords: Set<String>
  /// Legal forms and organisation words, of every loaded language (``EntityNames``).
  package let entityNames: EntityNames
  /// Points that end no sentence: abbreviations ("Mr", « Mme »), ordinals before a month (« 13. Mai »).
  package let fullStops: FullStops
  /// In a language that capitalises every noun (`capitalises_nouns`), a capitalised word (group 1) after a
  /// determiner or a figure, perhaps past two lower-case words that are no function words (adjectives: « im
  /// vergangenen Jahr », not « die von Klarna »): a common noun (« die Bank », « 3.500 Mitarbeiter »), whose
  /// capital says nothing. `nil` in other languages.
  package let commonNoun: SearchPattern?

  /// The literals of the mention patterns that say what an article's words are (``Gated``), in one scan
  /// plan: each of them runs only in the sentences that hold what it requires (issue 15: the indefinite
  /// subjects alone, tried at every word of an article, cost more than all other mention scans).
  package let gate: ScanPlan

  /// The mention patterns run through ``gate``, in its order.
  package enum Gated: Int, CaseIterable {
    case sourceList, generic, indefinite
  }

  /// Phrases of a determiner and a noun ("the company", "another lender"), with `gap` (the words that may
  /// stand between them) before the noun, as one alternation; a one-word phrase is a word of its own.
  ///
  /// Two-word phrases are grouped by their determiner behind one word-start test: PCRE2 tries the
  /// alternatives of an alternation one by one, and forty phrases cost forty look-behinds at every position
  /// tried (issue 15: the indefinite subjects were the dearest mention scan). The matches are the phrases'
  /// own: a determiner is one word followed by spacing, so at one position only the phrases of one
  /// determiner can match, and they keep their order. Should a one-word phrase be a determiner too (it
  /// could then match where the determiner's phrases do, and their order would change), nothing is grouped.
  package static func phrases(_ phrases: [String], gap: String) -> String {
    enum Entry {
      case word(String)
      case group(determiner: String, tails: [String])
    }
    var entries: [Entry] = []
    var groupOf: [String: Int] = [:]
    var words = Set<String>()
    var ungrouped: [String] = []
    for phrase in phrases {
      let parts = phrase.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        entries.append(.word(RegexFragments.words([phrase])))
        ungrouped.append(RegexFragments.words([phrase]))
        words.insert(phrase.lowercased())
        continue
      }
      let tail = gap + RegexFragments.escape(parts[1]) + RegexFragments.wordEnd
      ungrouped.append(RegexFragments.wordStart + RegexFragments.escape(parts[0]) + RegexFragments.space + tail)
      let key = parts[0].lowercased()
      if let index = groupOf[key], case .group(let determiner, let tails) = entries[index] {
        entries[index] = .group(determiner: determiner, tails: tails + [tail])
      } else {
        groupOf[key] = entries.count
        entries.append(.group(determiner: parts[0], tails: [tail]))
      }
    }
    guard words.isDisjoint(with: groupOf.keys) else { return "(?:" + ungrouped.joined(separator: "|") + ")" }
    // Neighbouring groups share one word-start test, behind their determiners' first letters
    // (``RegexFragments/assertedRuns(_:)``): a position inside a word fails once, not once per determiner.
    return "(?:" + RegexFragments.assertedRuns(entries.map { entry in
      switch entry {
      case .word(let word): return RegexFragments.Branch(words: [], assertion: "", body: word)
      case .group(let determiner, let tails):
        return RegexFragments.Branch(words: [determiner], assertion: RegexFragments.wordStart,
                                     body: RegexFragments.escape(determiner) + RegexFragments.space + "(?:" + tails.joined(separator: "|") + ")")
      }
    }) + ")"
  }

  /// The prefilter of `source`, the pattern of `phrases` (``phrases(_:gap:)``), that also requires one of
  /// the phrases' nouns: every match holds the words after its determiner. From the whole pattern alone,
  /// the prefilter picks short literals, for most phrases their determiners ("a", « un »), which nearly
  /// every sentence holds (issue 15: on 330 generated articles, the gated mention scans went from 114 to
  /// 52 M instructions).
  package static func phrasesPrefilter(_ source: String, phrases: [String]) -> Prefilter {
    let whole = Prefilter(pattern: source, fragmentSource: { _ in nil }, caseless: true)
    let nouns = phrases.map { phrase in
      RegexFragments.escape(phrase.split(separator: " ", maxSplits: 1).last.map(String.init) ?? phrase)
    }
    let tails = Prefilter(pattern: "(?:" + nouns.joined(separator: "|") + ")", fragmentSource: { _ in nil }, caseless: true)
    var seen = Set<[[UInt8]]>()
    return Prefilter(requirements: (whole.requirements + tails.requirements).filter { seen.insert($0).inserted },
                     needsNumber: whole.needsNumber)
  }

  /// A pattern that never matches.
  package static let nothing = try! SearchPattern("(?!)")

  /// The mention patterns of `catalog`'s language; `fullStops` are the points that end its sentences, as
  /// extraction's plan of the same language read them from the lexicon (built once, shared by both).
  package init(catalog: PlaceholderCatalog, entities: [EntityDefinition], entityNames: EntityNames, fullStops: FullStops) {
    let lexicon = catalog.lexicon
    var byName: [String: EntityDefinition] = [:]
    for entity in entities { for name in entity.allNames { byName[name] = entity } }
    entityByName = byName
    known = byName.isEmpty ? nil : try? SearchPattern(RegexFragments.words(byName.keys))
    let notFunction = lexicon.functionWords.isEmpty ? "" : "(?!\(RegexFragments.words(lexicon.functionWords)))"
    properNames = ProperNameReader(functionWords: lexicon.functionWords)
    // "the Paris-based startup", "the Swedish lender": up to two capitalised modifiers between the determiner
    // and the noun still stand for the subject — the name there qualifies the noun, it is not who acts.
    let modifier = "(?-i:\\p{Lu}[\\p{L}\\p{N}\\-]*)"
    let genericSource = MentionPatterns.phrases(lexicon.genericSubjects, gap: "(?:\(modifier)\(RegexFragments.space)){0,2}")
    generic = lexicon.genericSubjects.isEmpty ? nil : try? SearchPattern(genericSource, options: [.caseless])
    // "another lender" also covers "another Nordic lender": up to two words between the determiner and the noun.
    let indefiniteSource = MentionPatterns.phrases(lexicon.indefiniteSubjects, gap: "(?:[\\p{L}-]+\(RegexFragments.space)){0,2}?")
    indefinite = lexicon.indefiniteSubjects.isEmpty ? nil : try? SearchPattern(indefiniteSource, options: [.caseless])
    // Built from escaped lexicon words, so it compiles; should a lexicon still break it, periods go unread
    // rather than the run stopping (the rules using {when} report the error).
    when = (try? SearchPattern(catalog.builtins["when"]!, options: [.caseless])) ?? MentionPatterns.nothing
    projected = lexicon.projectedMarkers.isEmpty ? nil : try? SearchPattern(RegexFragments.words(lexicon.projectedMarkers), options: [.caseless])
    // « selon la CGT », "according to the union's leader": a determiner may stand between the word and the name.
    let sourceDeterminer = lexicon.determiners.isEmpty ? "" : "(?:[ \\x{A0}]+\(RegexFragments.words(lexicon.determiners)))?"
    sourceMarker = lexicon.sourceMarkers.isEmpty ? nil
      : try? SearchPattern(RegexFragments.words(lexicon.sourceMarkers) + sourceDeterminer + "[ \\x{A0}]*$", options: [.caseless])
    // The list ends before punctuation: in "à Lyon, Ostra et Vexlo ont annoncé…" a verb follows, and the
    // names after the comma are the sentence's subjects.
    let listName = "(?-i:\\p{Lu}[\\p{L}\\p{N}&\\-]*(?:[ \\x{A0}]\\p{Lu}[\\p{L}\\p{N}&\\-]*){0,2})"
    let sourceListSource = RegexFragments.words(lexicon.sourceMarkers) + "[ \\x{A0}]+\(listName)(?:[ \\x{A0}]*,[ \\x{A0}]*\(listName))*"
      + "[ \\x{A0}]*,?[ \\x{A0}]+" + RegexFragments.words(lexicon.conjunctions) + "[ \\x{A0}]+\(listName)"
      + RegexFragments.wordEnd + "(?=[ \\x{A0}]*(?:[,.;:)\\n]|$))"
    sourceList = lexicon.sourceMarkers.isEmpty || lexicon.conjunctions.isEmpty ? nil
      : try? SearchPattern(sourceListSource, options: [.caseless])
    // "son assistant Ondine", "the assistant, known internally as Ondine": a product word shortly before,
    // in the same clause.
    let naming = RegexFragments.words(lexicon.namingWords)
    productMarker = lexicon.productMarkers.isEmpty ? nil
      : try? SearchPattern(RegexFragments.words(lexicon.productMarkers)
                             + "(?:[ ,:\\x{A0}\\x{AB}\\x{201C}\"]+\(naming)(?: [\\p{L}]+){0,2}?)?[ ,:\\x{A0}\\x{AB}\\x{201C}\"]*$",
                             options: [.caseless])
    // A determiner written with an apostrophe is glued to its noun (« l'assistant »); others are followed by a space.
    let determiner = "(?:\(RegexFragments.words(lexicon.determiners))[ \\x{A0}]*)"
    productAfter = lexicon.productMarkers.isEmpty ? nil
      : try? CompiledPattern("\\G[ \\x{A0}]*[,(\\-\\x{2013}\\x{2014}][ \\x{A0}]*(?:\(RegexFragments.words(lexicon.appositionLeads)) )?\(determiner)?(?:[\\p{L}-]+ ){0,2}?"
                             + RegexFragments.words(lexicon.productMarkers), options: [.caseless])
    possessive = lexicon.possessives.isEmpty ? nil : try? SearchPattern(RegexFragments.words(lexicon.possessives), options: [.caseless])
    scopeQualifier = lexicon.scopeQualifiers.isEmpty ? nil
      : try? SearchPattern(RegexFragments.words(lexicon.scopeQualifiers.keys), options: [.caseless])
    scopeByQualifier = Dictionary(lexicon.scopeQualifiers.map { (TextNormalisation.key($0.key), $0.value) }) { first, _ in first }
    adjectiveSuffixes = lexicon.adjectiveSuffixes
    relativePronouns = lexicon.relativePronouns.map { Array($0.lowercased().utf8) }
    division = lexicon.fragments["division"].flatMap {
      try? SearchPattern(RegexFragments.wordStart + "(?:" + PlaceholderExpander.expandFragment($0) + ")" + RegexFragments.wordEnd, options: [.caseless])
    }
    functionWords = lexicon.functionWords
    self.entityNames = entityNames
    self.fullStops = fullStops
    let opening = "(?:\(RegexFragments.words(lexicon.determiners))|[0-9])"
    let adjective = "(?:\(notFunction)(?-i:\\p{Ll})[\\p{L}-]*[ \\x{A0}]+)"
    gate = ScanPlan(prefilters: [
      Prefilter(pattern: sourceListSource, fragmentSource: { _ in nil }, caseless: true),
      MentionPatterns.phrasesPrefilter(genericSource, phrases: lexicon.genericSubjects),
      MentionPatterns.phrasesPrefilter(indefiniteSource, phrases: lexicon.indefiniteSubjects),
    ], numberWords: [])
    commonNoun = !lexicon.capitalisesNouns ? nil
      : try? SearchPattern("\(opening)[ \\x{A0}]+\(adjective){0,2}(?-i:(\\p{Lu}[\\p{L}\\p{N}&\\-]*))", options: [.caseless])
  }
}
