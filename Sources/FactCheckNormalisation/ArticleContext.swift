import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import PatternMatching

/// Who an article talks about, sentence by sentence: built once per article that has matches.
///
/// Entity resolution follows one order everywhere: the entity named in the match; else the nearest
/// mention before the figure in the same sentence — a known entity, a proper name, a word standing for
/// the subject ("l'entreprise"), or an indefinite other subject ("un PDG"), which makes the figure
/// nobody's; else the article's subject, its most-mentioned organisation.
package final class ArticleContext {
  /// Something a sentence is about.
  package struct Mention: Hashable {
    package enum Kind: Hashable {
      /// A declared entity (a person's figures go to their organisation).
      case known(EntityDefinition)
      /// An undeclared proper name that reads as an organisation.
      case proper(String)
      /// A word standing for the article's subject.
      case generic
      /// Somebody else, unnamed.
      case indefinite
    }

    package let range: Range<Int>
    package let kind: Kind
  }

  package let article: Article
  package let sentences: [Range<Int>]
  package let mentions: [Mention]
  /// Words standing for the subject ("the company", "the Lyon-based startup"), in text order.
  private let genericRanges: [Range<Int>]
  /// The most-mentioned organisation.
  package let subject: String?
  /// Organisations that may be the subject, by weight (mentions, the title's counting double).
  private let ranking: [String: Double]
  /// Every proper-name occurrence (known or not), for the spelling check.
  package let names: [(name: String, range: Range<Int>)]
  package let patterns: MentionPatterns
  /// How far (bytes) after its match a headcount's qualifier may stand (« salariés à temps plein »).
  package static let qualifierReach = 24
  /// How far (bytes) before a figure a possessive may stand.
  package static let possessiveReach = 400
  /// Lists of places or sources after their preposition (« à Nantes, Brest et Rennes »), in text order: a
  /// name inside one is not who a figure is about.
  package let sourceLists: [Range<Int>]
  /// In a language that capitalises every noun, the capitalised words the article writes after a
  /// determiner or a figure (``MentionPatterns/commonNoun``): common nouns, never names. Empty elsewhere.
  private let commonNouns: Set<String>
  /// Years the article names, in text order, for ``paragraphYear(before:matcher:qualifiers:)``; built on first use.
  private var yearIndex: YearIndex?
  /// The article's text, case-folded once, for the mention patterns' searches (each only where its matches
  /// can open).
  private let search: PatternSearch

  /// The context of `article`, found with `patterns`; `folded` is the article's text (`article.subject`)
  /// case-folded (``CaseFolding``), when the caller has it already.
  package init(article: Article, patterns: MentionPatterns, matcher: Matcher, folded: [UInt8]? = nil) {
    self.article = article
    self.patterns = patterns
    let bytes = article.subject.bytes
    sentences = TextStructure.sentences(in: bytes, range: article.bodyRange, fullStops: patterns.fullStops)
    var mentions: [Mention] = []
    var names: [(String, Range<Int>)] = []
    var counts: [String: Double] = [:]
    var knownRanges: [Range<Int>] = []
    let lowerCaseWords = LowerCaseWords(article: article)
    var sourceLists: [Range<Int>] = []
    // One pass of the literal automaton over the body says in which sentences each gated pattern may match.
    let folded = folded ?? CaseFolding.fold(bytes)
    let search = PatternSearch(article.subject, folded: folded)
    self.search = search
    let gate = folded.withUnsafeBufferPointer { patterns.gate.hits(in: $0, range: article.bodyRange, fullStops: patterns.fullStops) }
    func forEachGatedMatch(_ which: MentionPatterns.Gated, _ pattern: SearchPattern, _ body: (PatternMatch) -> Void) {
      ArticleContext.forEachMatch(of: pattern, gated: which.rawValue, by: patterns.gate, gate, search: search,
                                  bodyRange: article.bodyRange, matcher: matcher, body)
    }
    if let list = patterns.sourceList {
      forEachGatedMatch(.sourceList, list) { sourceLists.append($0.range) }
    }
    self.sourceLists = sourceLists
    var commonNouns = Set<String>()
    if let pattern = patterns.commonNoun {
      try? search.forEachMatch(of: pattern, in: article.bodyRange, matcher: matcher) { match in
        if let noun = match.group(1) { commonNouns.insert(article.text(of: noun)) }
        return true
      }
    }
    self.commonNouns = commonNouns
    func isSourceOrPlace(_ range: Range<Int>) -> Bool {
      ArticleContext.followsSourceMarker(range, bodyRange: article.bodyRange, patterns: patterns, search: search, matcher: matcher)
        || ArticleContext.overlapsAny(sourceLists, range)
    }

    if let known = patterns.known {
      try? search.forEachMatch(of: known, in: article.bodyRange, matcher: matcher) { match in
        let name = article.text(of: match.range)
        if let entity = patterns.entityByName[name] {
          knownRanges.append(match.range)
          if isSourceOrPlace(match.range) { return true }
          mentions.append(Mention(range: match.range, kind: .known(entity)))
          let organisation = entity.kind == .person ? entity.organisation : entity.name
          if let organisation { counts[organisation, default: 0] += entity.kind == .person ? 0.5 : 1 }
        }
        return true
      }
    }
    // Proper names. A capitalised word counts only if it is also capitalised somewhere other than at
    // the start of a sentence ("Ironiquement, …" is not a company; "Klarna" is), is not a product named
    // next to "assistant", is not an adjective ("Danish bank"), and reads as an organisation rather than
    // a person: one word, an organisation word ("Nordhavn Bank"), or a name whose first word the article
    // also uses alone ("Alcyra Airways" … "Alcyra"), where people are shortened to their last name.
    var raw: [(name: String, range: Range<Int>, initial: Bool)] = []
    var products = Set<String>()
    // Acronyms the article spells out as a common phrase (« un plan de sauvegarde de l'emploi (PSE) »): no
    // organisation wherever they stand, the title included (« un PSE portant sur 1 200 postes »).
    var commonAcronyms = Set<String>()
    let sentenceList = sentences
    bytes.withUnsafeBufferPointer { buffer in patterns.properNames.forEachName(in: buffer, range: article.bodyRange) { found in
      var name = article.text(of: found)
      var range = found
      // Where every noun is capitalised, the common nouns around a name are no part of it.
      if !commonNouns.isEmpty {
        guard let bare = ArticleContext.trimmingCommonNouns(name, at: range, commonNouns, entityNames: patterns.entityNames) else { return true }
        (name, range) = bare
      }
      names.append((name, range))
      guard !ArticleContext.overlapsAny(knownRanges, range) else { return true }
      var initial = ArticleContext.startsSentence(range.lowerBound, sentences: sentenceList, bytes: bytes)
      // "Rival Vexlo cut…": at a sentence start, the first word may just be a capitalised common word.
      if initial, let space = name.firstIndex(where: { $0 == " " || $0 == "\u{A0}" }),
        lowerCaseWords.contains(String(name[..<space]))
      {
        let rest = String(name[name.index(after: space)...])
        range = (range.upperBound - rest.utf8.count)..<range.upperBound
        name = rest
        initial = false
      }
      guard !patterns.functionWords.contains(name) else { return true }
      // "Pellion, which employs…": a sentence's first word with a relative clause after it is a name, though
      // the article writes it nowhere else.
      if initial, ArticleContext.opensRelativeClause(after: range.upperBound, bytes: bytes, pronouns: patterns.relativePronouns) {
        initial = false
      }
      if ArticleContext.isAdjective(name, at: range, bytes: bytes, suffixes: patterns.adjectiveSuffixes) { return true }
      if ArticleContext.abbreviatesCommonPhrase(name, at: range, bytes: bytes) {
        commonAcronyms.insert(name)
        return true
      }
      // "15 Md€", "3 M€": a unit after a figure, not a name.
      if range.lowerBound >= 2, bytes[range.lowerBound - 1] == 0x20, bytes[range.lowerBound - 2] &- 0x30 < 10 { return true }
      if ArticleContext.isProduct(range, article: article, patterns: patterns, search: search, matcher: matcher) {
        products.insert(name)
        return true
      }
      raw.append((name, range, initial))
      return true
    } }
    raw.removeAll { commonAcronyms.contains($0.name) }
    var titleNames: [(name: String, initial: Bool)] = []
    if let title = article.title {
      Array(title.utf8).withUnsafeBufferPointer { buffer in
        patterns.properNames.forEachName(in: buffer, range: 0..<buffer.count) { found in
          let leading = buffer[..<found.lowerBound]
          titleNames.append((String(decoding: buffer[found], as: UTF8.self),
                             !leading.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })))
          return true
        }
      }
    }
    let single = Set(raw.map(\.name).filter { !$0.utf8.contains(0x20) })
    // Asked for every occurrence of every name, answered once per name (an article repeats its names).
    var organisationByName: [String: Bool] = [:]
    func isOrganisation(_ name: String) -> Bool {
      if let known = organisationByName[name] { return known }
      guard name.hasWordSpace else {
        organisationByName[name] = name.count >= 2
        return name.count >= 2
      }
      let words = name.wordsBetweenSpaces
      let answer = words.count > 1
        ? patterns.entityNames.readsAsOrganisation(words: words)
          || (single.contains(String(words[0])) && !single.contains(String(words[words.count - 1])))
        : name.count >= 2
      organisationByName[name] = answer
      return answer
    }
    // "Rival Sparvik Bank" at a sentence start is "Sparvik Bank" when the article names that elsewhere —
    // but "Corvane Group" stays whole: what is left would be only an organisation word ("the Group").
    let rawNames = Set(raw.map(\.name))
    var candidates: [(name: String, range: Range<Int>, initial: Bool)] = raw.map { candidate in
      guard candidate.initial, let space = candidate.name.firstIndex(where: { $0 == " " || $0 == "\u{A0}" }) else { return candidate }
      let rest = String(candidate.name[candidate.name.index(after: space)...])
      guard rawNames.contains(rest) || rawNames.contains(where: { $0.hasPrefix(rest + " ") }) else { return candidate }
      if rest.split(separator: " ").allSatisfy({ patterns.entityNames.organisationWords.contains(String($0)) }) { return candidate }
      return (rest, (candidate.range.upperBound - rest.utf8.count)..<candidate.range.upperBound, false)
    }
    // "Philip Jansen" … "Jansen": people are shortened to their last name, so a word that ends a person's
    // full name is that person, never an organisation a figure could be about. Only full names inside a
    // sentence count: at its start, "Among Mistral's backers" is no person.
    let surnames = Set(raw.compactMap { candidate -> String? in
      guard !candidate.initial, candidate.name.hasWordSpace else { return nil }
      let words = candidate.name.wordsBetweenSpaces
      guard (2...3).contains(words.count), !isOrganisation(candidate.name) else { return nil }
      return String(words[words.count - 1])
    })
    candidates = candidates.filter { isOrganisation($0.name) && !products.contains($0.name) && !surnames.contains($0.name) }
    var nonInitial = Set(candidates.filter { !$0.initial }.map(\.name))
    for title in titleNames where !title.initial { nonInitial.insert(title.name) }
    // A word that opens several sentences and never appears in lower case is a name too ("Quillpay has…",
    // "Quillpay, which…"); a capitalised adverb opens one.
    var initialCounts: [String: Int] = [:]
    for candidate in candidates where candidate.initial { initialCounts[candidate.name, default: 0] += 1 }
    for (name, count) in initialCounts where count >= 2 && !nonInitial.contains(name)
      && !lowerCaseWords.contains(name)
    {
      nonInitial.insert(name)
    }
    // "Atlas" is "Atlas Robotics", "Verdelis" is "Banque Verdelis", when the article names both — but
    // "Hexaloom" is not "Hexaloom Pocket", a unit; legal forms ("SA", "Inc.") are dropped.
    // "Meta Platforms Inc" once, then "Meta" alone: a name given once with its legal form is the
    // organisation its first word names, and the article's short form is the one reports use.
    var shortForm: [String: String] = [:]
    let aloneWords = Set(raw.map(\.name).filter { !$0.utf8.contains(0x20) })
    for candidate in candidates {
      let bare = patterns.entityNames.withoutLegalForm(candidate.name)
      guard bare != candidate.name, let space = bare.firstIndex(of: " ") else { continue }
      let first = String(bare[..<space])
      if aloneWords.contains(first) && !patterns.functionWords.contains(first) {
        shortForm[bare] = first
        nonInitial.insert(first)
      }
    }
    candidates = candidates.map { (patterns.entityNames.withoutLegalForm($0.name), $0.range, $0.initial) }
    let multiword = Set(candidates.map(\.name).filter { $0.utf8.contains(0x20) && shortForm[$0] == nil })
    let expander = patterns.entityNames.expander(multiword)
    func canonical(_ name: String) -> String { shortForm[name] ?? expander.expand(name) }
    var properCounts: [String: Double] = [:]
    for candidate in candidates {
      let name = canonical(candidate.name)
      guard nonInitial.contains(candidate.name) || nonInitial.contains(name) || multiword.contains(name) else { continue }
      if isSourceOrPlace(candidate.range) { continue }
      mentions.append(Mention(range: candidate.range, kind: .proper(name)))
      properCounts[name, default: 0] += 1
    }
    // A headline names the story's subject: its names count double, if the article uses them too.
    for title in titleNames {
      let name = canonical(patterns.entityNames.withoutLegalForm(title.name))
      if properCounts[name] != nil { properCounts[name, default: 0] += 2 }
    }
    for (pattern, kind, gated) in [(patterns.generic, Mention.Kind.generic, MentionPatterns.Gated.generic),
                                   (patterns.indefinite, .indefinite, .indefinite)] {
      guard let pattern else { continue }
      forEachGatedMatch(gated, pattern) { match in
        // "Brievo, a Lyon-based start-up, …" describes the name before it: an apposition, not another subject.
        var k = match.range.lowerBound
        while k > article.bodyRange.lowerBound && bytes[k - 1] == 0x20 { k -= 1 }
        if kind == .indefinite && k > article.bodyRange.lowerBound && bytes[k - 1] == UInt8(ascii: ",") { return }
        mentions.append(Mention(range: match.range, kind: kind))
      }
    }
    mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
    // "the efforts of the Group": a capitalised word inside a word for the subject is that word, not a name.
    let genericRanges = mentions.filter { $0.kind == .generic }.map(\.range)
    if !genericRanges.isEmpty {
      mentions.removeAll { mention in
        guard case .proper = mention.kind else { return false }
        return ArticleContext.overlapsAny(genericRanges, mention.range)
      }
    }
    self.mentions = mentions
    self.genericRanges = genericRanges
    self.names = names

    // Title mentions count double: a headline names the story's subject.
    if let title = article.title {
      for (name, _) in counts where title.contains(name) { counts[name, default: 0] += 2 }
    }
    // The subject is the most-mentioned organisation, declared or not; an undeclared name needs two
    // mentions (the title counts double).
    var ranking = properCounts.filter { $0.value >= 2 }
    for (name, count) in counts { ranking[name, default: 0] += count + 0.5 }
    self.ranking = ranking
    subject = ArticleContext.best(of: ranking)
  }

  /// The matches of `pattern` in the body, found only in the windows `plan` gives pattern `index`
  /// (``ScanPlan/windows(forRule:_:in:segment:)``): the sentences around its rarest literal that hold every
  /// literal it is gated by (``ScanPlan/gating(_:needsNumber:)``), up to the last of them. A mention is a few
  /// words of one sentence, so these are the matches of a scan of the whole body (the corpora's claims and
  /// reports are the same either way), at a fraction of the cost.
  private static func forEachMatch(of pattern: SearchPattern, gated index: Int, by plan: ScanPlan, _ hits: ScanPlan.Hits,
                                   search: PatternSearch, bodyRange whole: Range<Int>, matcher: Matcher,
                                   _ body: (PatternMatch) -> Void) {
    let windows = search.folded.withUnsafeBufferPointer { plan.windows(forRule: index, hits, in: $0, segment: whole) }
    for (range, lastStart) in windows {
      try? search.forEachMatch(of: pattern, in: range, lastStart: lastStart, endsText: range.upperBound == whole.upperBound,
                               matcher: matcher) { match in
        body(match)
        return true
      }
    }
  }

  /// Whether `range` lies inside a word standing for the subject ("the Lyon-based startup").
  package func isInsideGenericSubject(_ range: Range<Int>) -> Bool {
    genericRanges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
  }

  /// The most-mentioned organisation that is none of `names` (places the article turns out to name sites after).
  package func subject(excluding names: Set<String>) -> String? {
    guard let subject, names.contains(subject) else { return subject }
    return ArticleContext.best(of: ranking.filter { !names.contains($0.key) })
  }

  private static func best(of ranking: [String: Double]) -> String? {
    ranking.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
  }

  /// The sentence containing byte `offset`.
  package func sentence(containing offset: Int) -> Range<Int> {
    var low = 0
    var high = sentences.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = sentences[mid]
      if offset < range.lowerBound { high = mid - 1 } else if offset >= range.upperBound { low = mid + 1 } else { return range }
    }
    // Between sentences (spacing): the line around it.
    return max(article.bodyRange.lowerBound, offset - 200)..<min(article.bodyRange.upperBound, offset + 200)
  }

  /// The nearest mention that starts in `range` and ends at or before `offset`.
  package func nearestMention(in range: Range<Int>, before offset: Int) -> Mention? {
    // Mentions are sorted by start: search for the last one starting before `offset`, then walk back
    // to the sentence start (a binary search, not a scan of the whole article per claim).
    var index = mentions.partitionPoint { $0.range.lowerBound >= offset } - 1
    while index >= 0, mentions[index].range.lowerBound >= range.lowerBound {
      if mentions[index].range.upperBound <= offset { return mentions[index] }
      index -= 1
    }
    return nil
  }

  /// The organisation a possessive before `offset` in `sentence` refers back to, in a sentence naming
  /// nobody ("En comparaison, son précédent tour … avait porté sa valorisation à …"): the first
  /// organisation the previous sentence names, usually its subject ("Ostra, which competes with Vexlo,
  /// …" — Ostra, not the last name read), or someone unnamed ("Another fintech … Its valuation"). Nil
  /// when that sentence is in another paragraph, names nobody, or first refers to the article's subject
  /// ("la société").
  package func possessiveReferent(in sentence: Range<Int>, before offset: Int, matcher: Matcher) -> Mention? {
    // A bounded reach: a "sentence" may be a whole unpunctuated 100 MB line.
    guard let possessive = patterns.possessive, sentence.lowerBound < offset,
      (try? search.hasMatch(of: possessive, in: max(sentence.lowerBound, offset - ArticleContext.possessiveReach)..<offset,
                            matcher: matcher)) == true
    else { return nil }
    let index = sentences.partitionPoint { $0.lowerBound >= sentence.lowerBound } - 1
    guard index >= 0, sentences[index].upperBound <= sentence.lowerBound else { return nil }
    let previous = sentences[index]
    let gap = article.bytes[previous.upperBound..<sentence.lowerBound].filter { $0 == 0x0A }
    guard gap.count < 2 else { return nil }
    let first = mentions.partitionPoint { $0.range.lowerBound >= previous.lowerBound }
    guard first < mentions.count, mentions[first].range.upperBound <= previous.upperBound,
      mentions[first].kind != .generic
    else { return nil }
    return mentions[first]
  }

  /// The proper name inside `range` (a scope such as "the Granvert plant"), if any.
  package func placeName(in range: Range<Int>) -> String? {
    guard !range.isEmpty,
      let found = article.subject.bytes.withUnsafeBufferPointer({ patterns.properNames.firstName(in: $0, range: range) }),
      !isCommonNoun(article.text(of: found))
    else { return nil }
    // "Net profit rose …": a capital at a sentence's start is no name unless the article names it elsewhere.
    if ArticleContext.startsSentence(found.lowerBound, sentences: sentences, bytes: article.subject.bytes),
      !mentions.contains(where: { $0.range.overlaps(found) })
    {
      return nil
    }
    return article.text(of: found)
  }

  /// The scope a qualifier gives the headcount at `value` ("4,212 full-time employees", « ses agents
  /// permanents, au nombre de 450 »): one in its match, or right after the match in the same clause,
  /// before any other figure ("9,000 people, including 6,000 permanent staff" keeps the 9,000 unscoped).
  package func scopeQualifier(of value: Range<Int>, match: Range<Int>, matcher: Matcher) -> String? {
    guard let pattern = patterns.scopeQualifier else { return nil }
    let bytes = article.bytes
    var end = max(value.upperBound, match.upperBound)
    let limit = min(article.bodyRange.upperBound, end + ArticleContext.qualifierReach)
    while end < limit {
      let b = bytes[end]
      if b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
        || b == UInt8(ascii: "(") || b == 0x0A || (b >= 0x30 && b <= 0x39)
      {
        break
      }
      end += 1
    }
    guard let found = try? search.firstMatch(of: pattern, in: min(match.lowerBound, value.lowerBound)..<end, matcher: matcher)
    else { return nil }
    return patterns.scopeByQualifier[TextNormalisation.key(article.text(of: found.range))]
  }

  /// Whether `range` overlaps one of `sorted`, ranges in increasing order that do not overlap each other.
  package static func overlapsAny(_ sorted: [Range<Int>], _ range: Range<Int>) -> Bool {
    let index = sorted.partitionPoint { $0.upperBound > range.lowerBound }
    return index < sorted.count && sorted[index].overlaps(range)
  }

  /// Resolves a mention to an entity name, or explains why there is none.
  package func entity(for mention: Mention) -> (name: String?, source: EntitySource) {
    switch mention.kind {
    case .known(let entity):
      if entity.kind == .person { return (entity.organisation ?? subject, entity.organisation == nil ? .subject : .sentence) }
      return (entity.name, .sentence)
    case .proper(let name): return (name, .sentence)
    case .generic: return (subject, subject == nil ? .unknown : .subject)
    case .indefinite: return (nil, .indefinite)
    }
  }

  /// The year-like period (a year, a quarter, "last year") that `sentence` gives a figure: the latest
  /// explicit year among the recent ones (``YearIndex/reportingYears(publishedIn:)``), as for
  /// ``paragraphYear(before:matcher:qualifiers:)`` (a results sentence compares the reporting year with
  /// the one before); else the relative period closest to the
  /// figure ("grew 37% to $212 million last year"). Years in `yearFigures` (a founding year) do not count.
  package func yearlyPeriod(in sentence: Range<Int>, nearest figure: Range<Int>, excluding yearFigures: Set<Int>, matcher: Matcher,
                            qualifiers: QualifierReader) -> Period? {
    let years = YearIndex.reportingYears(publishedIn: article.published?.year)
    var latest: (year: Int, period: Period)?
    var closest: (distance: Int, period: Period)?
    try? search.forEachMatch(of: patterns.when, in: sentence, matcher: matcher) { match in
      guard let period = qualifiers.period(article.text(of: match.range))?.period else { return true }
      switch period {
      case .year(let year), .quarter(_, .year(let year)):
        if years.contains(year), !yearFigures.contains(year), latest == nil || year > latest!.year { latest = (year, period) }
      case .relativeYear, .quarter:
        let distance = match.range.lowerBound >= figure.upperBound
          ? match.range.lowerBound - figure.upperBound : figure.lowerBound - match.range.upperBound
        if closest == nil || distance < closest!.distance { closest = (distance, period) }
      default: break
      }
      return true
    }
    return latest?.period ?? closest?.period
  }

  /// The last period expression in `range` (text before a figure), if any.
  package func periodExpression(in range: Range<Int>, matcher: Matcher) -> Range<Int>? {
    guard !range.isEmpty else { return nil }
    var last: Range<Int>?
    try? search.forEachMatch(of: patterns.when, in: range, matcher: matcher) { match in
      last = match.range
      return true
    }
    return last
  }

  /// The first period expression in `range` (text after a figure), if any.
  package func firstPeriodExpression(in range: Range<Int>, matcher: Matcher) -> Range<Int>? {
    guard !range.isEmpty else { return nil }
    return (try? search.firstMatch(of: patterns.when, in: range, matcher: matcher))?.range
  }

  /// The first period expression in `range` if nothing but spacing and punctuation comes before it (« , en
  /// 2021, … »): PCRE2 tries only the positions up to the range's first letter or digit, not the whole
  /// clause (issue 15: on 330 generated articles, the check's instructions went from 3,886 to 3,859 M).
  package func leadingPeriodExpression(in range: Range<Int>, matcher: Matcher) -> Range<Int>? {
    guard !range.isEmpty else { return nil }
    // The first letter or digit, as the callers' test reads them: Characters of the range's text.
    let text = article.text(of: range)
    var offset = range.lowerBound
    for character in text {
      if character.isLetter || character.isNumber { break }
      offset += character.utf8.count
    }
    guard offset < range.upperBound else { return nil }
    return (try? search.firstMatch(of: patterns.when, in: range, lastStart: offset, matcher: matcher))?.range
  }

  /// The last explicit year named in the paragraph before `offset`, else one in the title.
  package func paragraphYear(before offset: Int, matcher: Matcher, qualifiers: QualifierReader) -> Int? {
    // The latest year the paragraph names (not after publication): a results paragraph compares the
    // reporting year with the one before, and is about the former. Else the latest the article named
    // before the paragraph.
    if yearIndex == nil { yearIndex = YearIndex(article: article, when: patterns.when, search: search, matcher: matcher, qualifiers: qualifiers) }
    let index = yearIndex!
    let start = index.paragraphStart(before: offset, bodyStart: article.bodyRange.lowerBound)
    var year = index.latest(in: start..<offset) ?? index.latest(in: article.bodyRange.lowerBound..<start)
    if year == nil, let title = article.title {
      year = title.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { (1900...2099).contains($0) }
    }
    return year
  }

  /// The last division or unit named in `range` ("la filiale cargo a réalisé …"), normalised.
  package func division(in range: Range<Int>, matcher: Matcher) -> String? {
    guard let pattern = patterns.division, !range.isEmpty else { return nil }
    var last: Range<Int>?
    try? search.forEachMatch(of: pattern, in: range, matcher: matcher) { match in
      last = match.range
      return true
    }
    return last.map { TextNormalisation.key(article.text(of: $0)) }
  }

  /// Whether `range` contains a forecast marker.
  package func hasProjectedMarker(in range: Range<Int>, matcher: Matcher) -> Bool {
    guard let projected = patterns.projected, !range.isEmpty else { return false }
    return (try? search.hasMatch(of: projected, in: range, matcher: matcher)) ?? false
  }

  /// "Danish bank", "Nordic lender": a capitalised word with an adjective ending before a lower-case word,
  /// or a "Lyon-based" compound.
  package static func isAdjective(_ name: String, at range: Range<Int>, bytes: [UInt8], suffixes: [String]) -> Bool {
    if name.utf8.contains(UInt8(ascii: "-")), let tail = name.split(separator: "-").last, tail.first?.isLowercase == true { return true }
    guard !name.utf8.contains(0x20), suffixes.contains(where: { name.hasSuffix($0) }) else { return false }
    var i = range.upperBound
    guard i < bytes.count, bytes[i] == 0x20 else { return false }
    i += 1
    return i < bytes.count && bytes[i] >= 0x61 && bytes[i] <= 0x7A
  }

  /// Whether the name at `range` names a product: "son assistant Ondine", "the assistant, known internally
  /// as Ondine", "Nova, l'assistant conversationnel…", "Ondine - as the assistant is called -".
  package static func isProduct(_ range: Range<Int>, article: Article, patterns: MentionPatterns, search: PatternSearch,
                                matcher: Matcher) -> Bool {
    if let after = patterns.productAfter,
      (try? matcher.firstMatch(of: after, in: article.subject, range: range.upperBound..<min(article.bodyRange.upperBound, range.upperBound + 80))) != nil
    {
      return true
    }
    if let before = patterns.productMarker, range.lowerBound > article.bodyRange.lowerBound,
      (try? search.hasMatch(of: before, in: max(article.bodyRange.lowerBound, range.lowerBound - 48)..<range.lowerBound, matcher: matcher)) == true
    {
      return true
    }
    return false
  }

  /// Whether the name at `range` is a source or a place: after a word that makes it one ("selon
  /// Bloomberg"), or in a list that follows one (« à Nantes, Brest et Rennes »).
  package func isSourceOrPlace(_ range: Range<Int>, matcher: Matcher) -> Bool {
    ArticleContext.followsSourceMarker(range, bodyRange: article.bodyRange, patterns: patterns, search: search, matcher: matcher)
      || ArticleContext.overlapsAny(sourceLists, range)
  }

  /// Whether the name at `range` follows a word that makes it a source or a place ("selon Bloomberg").
  package static func followsSourceMarker(_ range: Range<Int>, bodyRange: Range<Int>, patterns: MentionPatterns, search: PatternSearch,
                                          matcher: Matcher) -> Bool {
    guard let marker = patterns.sourceMarker else { return false }
    let lookback = max(bodyRange.lowerBound, range.lowerBound - 40)
    guard lookback < range.lowerBound else { return false }
    return (try? search.hasMatch(of: marker, in: lookback..<range.lowerBound, matcher: matcher)) ?? false
  }

  /// Whether `name` is an acronym in parentheses of the lower-case words before it: « un plan de
  /// sauvegarde de l'emploi (PSE) », "an initial public offering (IPO)" name no organisation, while « la
  /// Confédération générale du travail (CGT) » does (its first word is capitalised). Any language: the
  /// acronym's letters are the initials of some of the words, the last one of the last word.
  package static func abbreviatesCommonPhrase(_ name: String, at range: Range<Int>, bytes: [UInt8]) -> Bool {
    let letters = Array(name.utf8)
    guard (2...6).contains(letters.count), letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return false }
    var i = range.lowerBound - 1
    while i >= 0 && bytes[i] == 0x20 { i -= 1 }
    guard i >= 0, bytes[i] == 0x28 else { return false }  // "("
    // Initials of the words before the parenthesis, nearest first (at most a dozen words, one line).
    var initials: [UInt8] = []
    var end = i
    while initials.count < 12 && end > 0 {
      var j = end - 1
      while j >= 0 && (bytes[j] == 0x20 || bytes[j] == 0x27) { j -= 1 }
      guard j >= 0, bytes[j] != 0x0A else { break }
      var start = j
      // A word: letters (UTF-8 multi-byte letters included); an apostrophe (' or ’) or a hyphen ends it.
      while start > 0 {
        let byte = bytes[start - 1]
        if byte == 0x99, start >= 3, bytes[start - 2] == 0x80, bytes[start - 3] == 0xE2 { break }
        guard TextBytes.isWordByte(byte) else { break }
        start -= 1
      }
      // A word that starts with no ASCII letter (punctuation, « é… ») ends the phrase.
      guard TextBytes.isASCIILetter(bytes[start]) else { break }
      initials.append(bytes[start])
      end = start
      if start > 0 && bytes[start - 1] == 0x2D { end = start - 1 }
      if start >= 3 && bytes[start - 1] == 0x99 && bytes[start - 2] == 0x80 && bytes[start - 3] == 0xE2 { end = start - 3 }
    }
    // The last letter is the nearest word's; the others are found in order further back, each in a
    // lower-case word.
    guard let nearest = initials.first, nearest | 0x20 == letters[letters.count - 1] | 0x20, nearest >= 0x61 else { return false }
    var position = 1
    for letter in letters.dropLast().reversed() {
      while position < initials.count && initials[position] | 0x20 != letter | 0x20 { position += 1 }
      guard position < initials.count, initials[position] >= 0x61 else { return false }
      position += 1
    }
    return true
  }

  /// Whether a comma and one of `pronouns` (lower-cased UTF-8) follow `offset`, spaces aside, and the
  /// pronoun is a whole word: "Pellion, which", « Pellion, qui ».
  package static func opensRelativeClause(after offset: Int, bytes: [UInt8], pronouns: [[UInt8]]) -> Bool {
    guard !pronouns.isEmpty else { return false }
    let comma = TextBytes.skippingSpaces(bytes, from: offset)
    guard comma < bytes.count, bytes[comma] == 0x2C else { return false }
    let index = TextBytes.skippingSpaces(bytes, from: comma + 1)
    return pronouns.contains { pronoun in
      let end = index + pronoun.count
      guard !pronoun.isEmpty, end <= bytes.count else { return false }
      for (position, byte) in pronoun.enumerated() {
        let actual = bytes[index + position]
        // ASCII letters compare without case; other bytes as they are.
        let folded = actual >= 0x41 && actual <= 0x5A ? actual | 0x20 : actual
        guard folded == byte else { return false }
      }
      guard end < bytes.count else { return true }
      // A whole word: spacing or punctuation after it, not more letters.
      return TextBytes.skippingSpaces(bytes, from: end) > end || !TextBytes.isWordByte(bytes[end])
    }
  }

  /// Whether only punctuation, spacing or markup stands between the sentence start and `offset`.
  package static func startsSentence(_ offset: Int, sentences: [Range<Int>], bytes: [UInt8]) -> Bool {
    var low = 0
    var high = sentences.count - 1
    var found: Range<Int>?
    while low <= high {
      let mid = (low + high) / 2
      if sentences[mid].lowerBound <= offset {
        found = sentences[mid]
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    guard let sentence = found, offset < sentence.upperBound else { return true }
    var i = sentence.lowerBound
    while i < offset {
      let b = bytes[i]
      if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0xC3 && b <= 0xC5 || (b >= 0x30 && b <= 0x39) { return false }
      i += 1
    }
    return true
  }

  /// `name` at `range` without the common nouns that open or close it (« Konkurrent Vexlo » is Vexlo), in
  /// a language that capitalises every noun; `nil` when it is only common nouns. A name with an
  /// organisation word keeps all its words (« Deutsche Bank »).
  package static func trimmingCommonNouns(_ name: String, at range: Range<Int>, _ commonNouns: Set<String>, entityNames: EntityNames)
    -> (name: String, range: Range<Int>)?
  {
    var words = name.wordsBetweenSpaces
    guard !entityNames.readsAsOrganisation(words: words) else { return (name, range) }
    while let first = words.first, commonNouns.contains(String(first)) { words.removeFirst() }
    while let last = words.last, commonNouns.contains(String(last)) { words.removeLast() }
    guard let first = words.first, let last = words.last else { return nil }
    let start = range.lowerBound + name.utf8.distance(from: name.startIndex, to: first.startIndex)
    let end = range.lowerBound + name.utf8.distance(from: name.startIndex, to: last.endIndex)
    return (String(name[first.startIndex..<last.endIndex]), start..<end)
  }

  /// Whether `name` is a common noun of a language that capitalises every noun (« Umsatz »).
  package func isCommonNoun(_ name: String) -> Bool { commonNouns.contains(name) }
}
