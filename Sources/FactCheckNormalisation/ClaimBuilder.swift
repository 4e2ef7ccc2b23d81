import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import PatternMatching

/// Turns the matches of one article into claims: reads each figure, its hedge, its period and modality,
/// and finds its entity.
package struct ClaimBuilder: Sendable {
  package let tables: LexiconTables
  package let attributes: [String: AttributeDefinition]
  package let entityByName: [String: EntityDefinition]

  package init(tables: LexiconTables, library: RuleLibrary) {
    self.tables = tables
    self.attributes = library.attributes
    var byName: [String: EntityDefinition] = [:]
    for entity in library.entities { for name in entity.allNames { byName[TextNormalisation.key(name)] = entity } }
    self.entityByName = byName
  }

  /// How far back (bytes) a `@previous` rule may look for the claim it continues.
  package static let continuationReach = 400
  /// Tolerance of fractions in words: "two-thirds" covers 63–70 %.
  package static let fractionTolerance = 0.05
  /// How far (bytes) from a match a period expression may stand and still date it.
  package static let periodReach = 40

  package func build(_ matches: [RuleMatch], context: ArticleContext, matcher: Matcher) -> (claims: [Claim], diagnostics: [Diagnostic]) {
    var claims: [Claim] = []
    var diagnostics: [Diagnostic] = []
    let article = context.article
    let numbers = NumberReader(tables: tables)
    let qualifiers = QualifierReader(tables: tables)

    // Places the article names sites after ("the Granvert plant"): never a figure's entity.
    var sites = Set<String>()
    // Years the article gives as figures of their own, gathered as claims are added (linear in claims).
    var yearFigures = Set<Int>()
    var yearFiguresScanned = 0
    // Claims keep their quote, sentence and line excerpt as byte ranges of the article's bytes (see ClaimText):
    // a run keeps every claim for reconciliation and its reports, and its texts are made only when reported.

    for ruleMatch in matches {
      let rule = ruleMatch.rule
      let definition = rule.definition
      let match = ruleMatch.match
      let sentence = context.sentence(containing: match.range.lowerBound)
      let valueSlots = rule.valueSlots
      guard let firstValue = valueSlots.compactMap({ ruleMatch.range(of: $0.group) }).first else { continue }

      // Attribute and entity: continued from the previous claim, or found afresh.
      var attributeName = definition.attribute
      var entity: (name: String?, source: EntitySource)
      var continued: Claim?
      if definition.continuesPreviousClaim {
        // It continues the latest earlier claim of the same kind of figure ("contre 5 000" after a
        // headcount, "from €4.31 billion" after a revenue even if a growth rate came in between).
        let kinds = valueSlots.compactMap { slot -> ValueKind? in if case .value(let kind) = slot.slot.role { return kind } else { return nil } }
        let compatible = claims.last { claim in
          guard let kind = attributes[claim.attribute]?.kind, claim.valueRange.upperBound <= firstValue.lowerBound else { return false }
          return kinds.allSatisfy { $0 == kind || ($0 == .count && kind == .duration) }
        }
        // "2.3 million merchants, up from 1.9 million": a figure without a currency right after a count
        // in its own sentence continues that count, not the revenue of the sentence before.
        if kinds == [.money], (try? numbers.read(article.text(of: firstValue), kind: .money))?.unit == nil,
          let nearest = ClaimBuilder.lastClaim(in: claims, within: sentence.lowerBound..<firstValue.lowerBound, where: { claim in
            [.count, .money].contains(attributes[claim.attribute]?.kind)
          }),
          attributes[nearest.attribute]?.kind == .count
        {
          continue
        }
        guard let previous = compatible,
          firstValue.lowerBound - previous.valueRange.upperBound <= ClaimBuilder.continuationReach,
          context.sentence(containing: previous.matchRange.lowerBound) == sentence
            || !article.text(of: previous.valueRange.upperBound..<firstValue.lowerBound).contains("\n\n")
        else { continue }
        attributeName = previous.attribute
        entity = (previous.entity, .previousClaim)
        continued = previous
      } else {
        entity = resolveEntity(ruleMatch, rule: rule, context: context, sentence: sentence, before: firstValue.lowerBound, matcher: matcher)
      }

      // The clause around the figure, for forecast markers and period expressions outside the match.
      var clauseStart = clauseBoundary(before: firstValue.lowerBound, in: sentence, article: article)
      // "…prévoit 14 000 suppressions, soit 12 % de ses effectifs": the apposition shares its clause's tense.
      if startsContinuingClause(clauseStart, firstValue.lowerBound, article: article) {
        clauseStart = clauseBoundary(before: max(sentence.lowerBound, clauseStart - 1), in: sentence, article: article)
      }
      let projectedByContext = definition.usesContext
        ? context.hasProjectedMarker(in: clauseStart..<match.range.upperBound, matcher: matcher)
        : context.hasProjectedMarker(in: match.range, matcher: matcher)

      var matchValues: [MatchValue] = []
      for (slot, group) in valueSlots {
        guard let range = ruleMatch.range(of: group), case .value(let kind) = slot.role else { continue }
        let written = article.text(of: range)
        do {
          matchValues.append(MatchValue(slot: slot, range: range, parsed: try numbers.read(written, kind: kind)))
        } catch {
          diagnostics.append(Diagnostic(severity: .warning, category: .input, location: article.location(of: range.lowerBound),
                                        message: "malformed figure '\(error.text)': \(error.reason); not used as a claim",
                                        ruleID: definition.id))
        }
      }
      let matchCurrency = matchValues.compactMap { $0.parsed.unit }.first { $0 != "%" && $0 != "minutes" && $0 != "year" }

      // The sentence as quoted: at most a few hundred bytes around the match, which is also as far as a
      // flow looks for its year (a "sentence" may be a whole unpunctuated 100 MB line).
      let quotedSentence = ClaimBuilder.clip(sentence, around: match.range, article)

      // Periods of unlabelled-or-plain values first, so that `previous` values can refer to them.
      var resolved: [(index: Int, period: Period, modality: Modality)] = []
      for (index, value) in matchValues.enumerated() {
        let override = value.slot.label.flatMap { definition.values[$0] }
        if override?.isPrevious == true { continue }
        let (period, modality) = periodAndModality(
          for: value.slot, range: value.range, override: override, ruleMatch: ruleMatch, rule: rule, sentence: sentence,
          context: context, matcher: matcher, qualifiers: qualifiers, projectedByContext: projectedByContext)
        resolved.append((index, period, modality))
      }
      for (index, value) in matchValues.enumerated() {
        let override = value.slot.label.flatMap { definition.values[$0] }
        guard override?.isPrevious == true else { continue }
        let reference = resolved.first ?? (index, definition.period, definition.modality)
        // "from 3 000 to about 2 500 within a year": the earlier figure of a forecast is today's —
        // unless the figure carries its own time ("de 3 000 salariés aujourd'hui à …"). A year after
        // publication is a forecast too (« passera de 4 000 à 2 300 salariés d'ici 2027 »: 4 000 now, not in 2026).
        var referenceIsFuture = false
        switch reference.period {
        case .year(let year): referenceIsFuture = article.published.map { year > $0.year } ?? false
        case .relativeYear(let offset): referenceIsFuture = offset > 0
        default: break
        }
        var period = reference.modality == .projected || referenceIsFuture ? Period.current : reference.period.previous
        if let label = value.slot.label, let own = rule.slots(of: .period).first(where: { $0.slot.label == label }),
          let ownRange = ruleMatch.range(of: own.group), let stated = qualifiers.period(article.text(of: ownRange))
        {
          period = stated.period
        }
        resolved.append((index, period, override?.modality ?? .actual))
      }
      resolved.sort { $0.index < $1.index }

      for (index, statedPeriod, statedModality) in resolved {
        let value = matchValues[index]
        let override = value.slot.label.flatMap { definition.values[$0] }
        if override?.makesClaim == false { continue }
        var period = statedPeriod
        var modality = statedModality
        // "après un sommet de 40 milliards un an plus tôt" after a 2022 figure: a year earlier than 2022.
        if definition.continuesPreviousClaim, case .relativeYear(let n) = period, let previous = continued {
          switch previous.period {
          case .year(let y): period = .year(y + n)
          // "1,02 Md€ au quatrième trimestre, contre 0,93 Md€ un an plus tôt": the same quarter a year before.
          case .quarter(let q, .year(let y)): period = .quarter(q, of: .year(y + n))
          case .quarter(let q, .relativeYear(let m)): period = .quarter(q, of: .relativeYear(m + n))
          default: break
          }
        }
        // A year after publication is a forecast ("3 milliards d'économies d'ici 2027").
        if case .year(let y) = period, let published = article.published, y > published.year { modality = .projected }
        let attributeDefinition = attributes[override?.attribute ?? attributeName]
        if attributeDefinition?.canBeForecast == false { modality = .actual }
        // Revenue or profit with no period of its own: the year its sentence names ("grew 37% to $212
        // million last year"), else the year its paragraph (or the title) names.
        // A year the article gives as a figure of its own ("founded in 2011") dates nothing else.
        if attributeDefinition?.isFlow == true, period == definition.period, period == .current {
          while yearFiguresScanned < claims.count {
            if attributes[claims[yearFiguresScanned].attribute]?.kind == .year { yearFigures.insert(Int(claims[yearFiguresScanned].value)) }
            yearFiguresScanned += 1
          }
          if let named = context.yearlyPeriod(in: quotedSentence, nearest: value.range, excluding: yearFigures, matcher: matcher, qualifiers: qualifiers) {
            period = named
          } else if let year = context.paragraphYear(before: value.range.lowerBound, matcher: matcher, qualifiers: qualifiers),
            !yearFigures.contains(year)
          {
            period = .year(year)
          }
        }
        // This year's revenue, announced before the year is over, is a forecast.
        if attributeDefinition?.isFlow == true, case .year(let y) = period, let published = article.published, y >= published.year {
          modality = .projected
        }
        let attribute = override?.attribute ?? attributeName
        let definitionOfAttribute = attributes[attribute]
        let hedgeText = boundSlot(.hedge, for: value.slot, rule: rule, ruleMatch: ruleMatch)
        var hedge = hedgeText.map { qualifiers.hedge(article.text(of: $0)) } ?? .exact
        var number = value.parsed.value
        if let upper = value.parsed.upper { hedge = .range(high: upper) }
        if value.parsed.isApproximate && hedge == .exact { hedge = .approximate(tolerance: ClaimBuilder.fractionTolerance) }
        // A loss continued ("a net loss of €96m, from €131m a year earlier") keeps its sign.
        let continuesALoss = (continued?.value ?? 0) < 0
        if override?.isNegative == true || continuesALoss {
          number = -abs(number)
          if case .range(let high) = hedge { hedge = .range(high: -abs(high)) }
        }
        var unit = value.parsed.unit
        if definitionOfAttribute?.kind == .money && unit == nil {
          unit = matchCurrency ?? claims.last(where: { $0.matchRange.lowerBound >= sentence.lowerBound && attributes[$0.attribute]?.kind == .money })?.unit
            ?? definitionOfAttribute?.unit
        }
        if unit == nil || definitionOfAttribute?.kind == .count { unit = definitionOfAttribute?.unit ?? unit }
        // A generic quantity's unit is its noun, made language-neutral ("salariés" → employees).
        if definitionOfAttribute?.isGeneric == true,
          let nounRange = rule.slots(of: .noun).lazy.compactMap({ ruleMatch.range(of: $0.group) }).first
        {
          let noun = TextNormalisation.key(article.text(of: nounRange))
          unit = tables.nouns[noun] ?? noun
        }
        let location = article.location(of: value.range.lowerBound)
        let excerpt = article.lineExcerptRange(around: value.range.lowerBound, reach: 160)
        var scope: String?
        if let range = rule.fragmentSlots.lazy.filter({ $0.slot.label == "scope" })
          .compactMap({ ruleMatch.range(of: $0.group) }).first
        {
          let scopeText = article.text(of: range)
          scope = TextNormalisation.key(scopeText)
          // A scope named by a figure ("its first 1,000 stores", « ses 1 000 premiers magasins ») is keyed by the
          // figure, so that languages and typographies agree.
          if scopeText.first?.isNumber == true, let figure = try? numbers.read(scopeText, kind: .count) {
            scope = NumberFormatting.plain(figure.value)
          }
          // "The Granvert plant", « l'usine de Granvert », « les sites de Granvert »: a unit named after its place is
          // that place's site, whatever the unit is called, and the place is not who the figure is about.
          if let place = context.placeName(in: range) {
            scope = TextNormalisation.key(place)
            sites.insert(place)
          }
        }
        // "97,148 full-time employees" and "130,000 people" count different things: a headcount's qualifier is its
        // scope. Only a headcount's (unit: employees): an AI's workload "in full-time people" says so by its unit.
        if scope == nil, let counted = definitionOfAttribute, counted.kind == .count, !counted.isEvent, !counted.isGeneric,
          counted.unit == "employees"
        {
          scope = context.scopeQualifier(of: value.range, match: match.range, matcher: matcher)
        }
        // A flow stated about a unit ("la filiale cargo a réalisé 390 M€") is that unit's, not the company's.
        if scope == nil, definitionOfAttribute?.isFlow == true {
          scope = context.division(in: clauseBoundary(before: value.range.lowerBound, in: sentence, article: article)..<value.range.lowerBound,
                                   matcher: matcher)
        }
        claims.append(Claim(
          document: article.path, location: location, valueRange: value.range, matchRange: match.range, rule: definition.id,
          entity: entity.name, entitySource: entity.source, attribute: attribute, value: number,
          interval: hedge.interval(around: number), unit: unit, hedge: hedge,
          period: period.resolved(published: article.published, projected: modality == .projected), modality: modality, language: definition.language,
          text: article.claimText, quote: match.range, sentence: article.trimmedRange(of: quotedSentence), scope: scope,
          notes: value.parsed.notes, lineExcerpt: excerpt.range, lineExcerptColumn: excerpt.column))
      }
    }
    return (withoutSitesAsEntities(claims, sites: sites, context: context), diagnostics)
  }

  /// A name the article uses as a site ("the Granvert plant", « les sites de Granvert et Poméry ») is a place,
  /// never an organisation: a figure found next to it ("Les 300 employés de Poméry", "its Granvert and
  /// Poméry plants … 1,254 employees") is the article's subject's, and the subject is no site either.
  package func withoutSitesAsEntities(_ claims: [Claim], sites: Set<String>, context: ArticleContext) -> [Claim] {
    guard !sites.isEmpty else { return claims }
    let subject = context.subject(excluding: sites)
    return claims.map { claim in
      guard let entity = claim.entity, sites.contains(entity) else { return claim }
      var claim = claim
      claim.entity = subject
      claim.entitySource = subject == nil ? .unknown : .subject
      return claim
    }
  }

  /// The last claim of `claims` (in text order) whose figure lies in `range` and that satisfies
  /// `predicate`; stops at the first claim before `range` instead of walking back through the article.
  package static func lastClaim(in claims: [Claim], within range: Range<Int>, where predicate: (Claim) -> Bool) -> Claim? {
    for claim in claims.reversed() {
      if claim.valueRange.upperBound <= range.lowerBound { return nil }
      if claim.valueRange.lowerBound >= range.lowerBound && claim.valueRange.upperBound <= range.upperBound && predicate(claim) { return claim }
    }
    return nil
  }

  /// A sentence kept with a claim is at most a few hundred bytes around the match (a "sentence" may be
  /// a whole unpunctuated 100 MB line), cut on character boundaries.
  package static func clip(_ sentence: Range<Int>, around match: Range<Int>, _ article: Article) -> Range<Int> {
    let reach = 300
    guard sentence.count > 2 * reach + match.count else { return sentence }
    let bytes = article.bytes
    var start = max(sentence.lowerBound, match.lowerBound - reach)
    var end = min(sentence.upperBound, match.upperBound + reach)
    while start > sentence.lowerBound && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    while end < sentence.upperBound && bytes[end] & 0xC0 == 0x80 { end += 1 }
    return start..<end
  }

  /// A figure of a match, read. A class: the claim loop read each tuple of slot, range and value several
  /// times, and each read copied the tuple (700,000 copies for 52,696 claims on the bench's 16 MB corpus,
  /// 166 M instructions); a reference is retained instead.
  private final class MatchValue {
    let slot: PlaceholderSlot
    let range: Range<Int>
    let parsed: ParsedValue

    init(slot: PlaceholderSlot, range: Range<Int>, parsed: ParsedValue) {
      self.slot = slot
      self.range = range
      self.parsed = parsed
    }
  }

  // MARK: - Tables

  /// The figures of the article's Markdown tables (see ``TableReader``).
  package func tableCells(in article: Article) -> [TableReader.Cell] {
    guard article.bytes[article.bodyRange].contains(UInt8(ascii: "|")) else { return [] }
    return TableReader(tables: tables, attributes: attributes).cells(in: article)
  }

  /// Claims for table cells no rule already read; they are about the article's subject.
  package func claims(from cells: [TableReader.Cell], context: ArticleContext, besides ruleClaims: [Claim]) -> [Claim] {
    let article = context.article
    return cells.compactMap { cell in
      guard !ruleClaims.contains(where: { $0.valueRange.overlaps(cell.range) }) else { return nil }
      let excerpt = article.lineExcerptRange(around: cell.range.lowerBound, reach: 160)
      var modality = Modality.actual
      if case .year(let y) = cell.period, let published = article.published, y > published.year { modality = .projected }
      return Claim(
        document: article.path, location: article.location(of: cell.range.lowerBound), valueRange: cell.range, matchRange: cell.row,
        rule: "table", entity: context.subject, entitySource: context.subject == nil ? .unknown : .subject, attribute: cell.attribute,
        value: cell.value, interval: ValueInterval(cell.value, cell.value), unit: cell.unit,
        hedge: .exact, period: cell.period.resolved(publicationYear: article.published?.year), modality: modality,
        language: article.language, text: article.claimText, quote: article.trimmedRange(of: cell.row),
        sentence: article.trimmedRange(of: cell.row), lineExcerpt: excerpt.range, lineExcerptColumn: excerpt.column)
    }
  }

  // MARK: - Entity

  private func resolveEntity(_ ruleMatch: RuleMatch, rule: CompiledRule, context: ArticleContext, sentence: Range<Int>,
                             before valueStart: Int, matcher: Matcher) -> (name: String?, source: EntitySource) {
    let article = context.article
    if let (_, group) = rule.slots(of: .entity).first, let range = ruleMatch.range(of: group) {
      let key = TextNormalisation.key(article.text(of: range))
      if let known = entityByName[key] {
        if known.kind == .person { return (known.organisation ?? context.subject, .named) }
        return (known.name, .named)
      }
      // "The Lyon-based startup": a name inside a word for the subject only qualifies that word.
      if tables.genericSubjects.contains(key) || context.isInsideGenericSubject(range) {
        return (context.subject, context.subject == nil ? .unknown : .subject)
      }
      if tables.indefiniteSubjects.contains(key) { return (nil, .indefinite) }
      // A place named in the match ("l'entrepôt de Vénissieux employait…") is not who the figure is about.
      // A common noun of a language that capitalises them (« Umsatz ») is no one either.
      if !tables.lexicon.functionWords.contains(article.text(of: range)), !context.isCommonNoun(article.text(of: range)),
        !context.isSourceOrPlace(range, matcher: matcher)
      {
        return (article.text(of: range), .named)
      }
    }
    let searchStart = min(sentence.lowerBound, ruleMatch.match.range.lowerBound)
    if let mention = context.nearestMention(in: searchStart..<valueStart, before: valueStart) {
      let resolved = context.entity(for: mention)
      if resolved.source != .subject || resolved.name != nil { return resolved }
    } else if let mention = context.possessiveReferent(in: sentence, before: valueStart, matcher: matcher),
      case let resolved = context.entity(for: mention), resolved.source == .sentence || resolved.source == .indefinite
    {
      return resolved.source == .indefinite ? resolved : (resolved.name, .earlierSentence)
    }
    return (context.subject, context.subject == nil ? .unknown : .subject)
  }

  // MARK: - Period and modality

  private func periodAndModality(
    for slot: PlaceholderSlot, range: Range<Int>, override: RuleDefinition.ValueOverride?, ruleMatch: RuleMatch,
    rule: CompiledRule, sentence: Range<Int>, context: ArticleContext, matcher: Matcher, qualifiers: QualifierReader,
    projectedByContext: Bool
  ) -> (Period, Modality) {
    let definition = rule.definition
    let article = context.article
    var period = definition.period
    var modality = definition.modality
    var fromWords: (period: Period, modality: Modality?)?
    // An event (a layoff or funding round) is dated to its month: two rounds a few months apart are two events.
    let toTheMonth = attributes[override?.attribute ?? definition.attribute]?.isEvent == true
    if let whenRange = boundSlot(.period, for: slot, rule: rule, ruleMatch: ruleMatch) {
      fromWords = qualifiers.period(article.text(of: whenRange), toTheMonth: toTheMonth)
    } else if definition.usesContext && attributes[definition.attribute]?.kind != .year {
      // A period expression in the same clause after the figure ("5 000 l'année dernière"), else earlier in
      // the sentence ("En 2022, sa valorisation … 6,7 milliards").
      // Only close by: right after the match in the same clause, earlier in the figure's own clause, or
      // at the very start of the sentence — not a founding year three clauses back.
      let afterStart = max(range.upperBound, ruleMatch.match.range.upperBound)
      let clauseEnd = min(clauseBoundary(after: afterStart, in: sentence, article: article), afterStart + ClaimBuilder.periodReach)
      let clauseStart = clauseBoundary(before: ruleMatch.match.range.lowerBound, in: sentence, article: article)
      if let after = context.firstPeriodExpression(in: afterStart..<max(afterStart, clauseEnd), matcher: matcher),
        case let between = article.text(of: afterStart..<after.lowerBound),
        !between.contains(where: \.isNumber),
        !tables.conjunctions.contains(where: { between.lowercased().contains(" \($0) ") }),
        !introducesComparisonBase(between)
      {
        fromWords = qualifiers.period(article.text(of: after), toTheMonth: toTheMonth)
      } else if definition.period == .current,
        let inside = context.firstPeriodExpression(in: ruleMatch.match.range.lowerBound..<range.lowerBound, matcher: matcher),
        !article.text(of: ruleMatch.match.range.lowerBound..<inside.lowerBound).contains(where: \.isNumber),
        !article.text(of: inside.upperBound..<range.lowerBound).contains(where: \.isNumber)
      {
        // Inside the match, between its opening and the figure, with no other figure in the match (« son tour
        // de table en juin 2024, qui s'élevait à 600 millions »): the rule's own words date it — unless the rule
        // gives its figures a period of its own (a change from "a year ago"). With figures around it (« 1,1
        // milliard en 2024, contre 950 millions en 2023, soit une progression de 16 % ») it dates those.
        fromWords = qualifiers.period(article.text(of: inside), toTheMonth: toTheMonth)
      } else if let before = context.periodExpression(in: clauseStart..<ruleMatch.match.range.lowerBound, matcher: matcher) {
        fromWords = qualifiers.period(article.text(of: before), toTheMonth: toTheMonth)
      } else if let standalone = standalonePeriod(before: clauseStart, in: sentence, context: context, matcher: matcher),
        !article.text(of: sentence.lowerBound..<standalone.lowerBound).contains(where: \.isNumber)
      {
        // ", en 2021, elle avait été valorisée …" — unless a figure comes before, which the clause then dates.
        fromWords = qualifiers.period(article.text(of: standalone), toTheMonth: toTheMonth)
      } else if let following = standalonePeriod(after: clauseBoundary(after: afterStart, in: sentence, article: article), in: sentence,
                                                  context: context, matcher: matcher)
      {
        // "Valorisée 1,2 milliard lors de sa dernière levée, en 2023, …": the clause right after dates it.
        fromWords = qualifiers.period(article.text(of: following), toTheMonth: toTheMonth)
      } else if startsContinuingClause(clauseStart, ruleMatch.match.range.lowerBound, article: article),
        case let previousStart = clauseBoundary(before: max(sentence.lowerBound, clauseStart - 1), in: sentence, article: article),
        let earlier = context.periodExpression(in: previousStart..<max(previousStart, clauseStart - 1), matcher: matcher)
      {
        fromWords = qualifiers.period(article.text(of: earlier), toTheMonth: toTheMonth)
      } else if case let start = openingBoundary(before: ruleMatch.match.range.lowerBound, in: sentence, article: article),
        let opening = context.leadingPeriodExpression(in: start..<min(ruleMatch.match.range.lowerBound, start + ClaimBuilder.periodReach), matcher: matcher),
        article.text(of: start..<opening.lowerBound).allSatisfy({ !$0.isLetter && !$0.isNumber })
      {
        fromWords = qualifiers.period(article.text(of: opening), toTheMonth: toTheMonth)
      }
    }
    if let fromWords {
      period = fromWords.period
      if let m = fromWords.modality { modality = m }
    }
    if projectedByContext && modality == .actual { modality = .projected }
    if let override {
      if let p = override.period { period = p }
      if let m = override.modality { modality = m }
    }
    return (period, modality)
  }

  /// The group of a hedge or period slot that belongs to `value`: the one with the same label, else an
  /// unlabelled one — the nearest before the value for hedges, any for periods.
  private func boundSlot(_ role: PlaceholderSlot.Role, for value: PlaceholderSlot, rule: CompiledRule,
                         ruleMatch: RuleMatch) -> Range<Int>? {
    let candidates = rule.slots(of: role)
    if let label = value.label, let labelled = candidates.first(where: { $0.slot.label == label }) {
      return ruleMatch.range(of: labelled.group)
    }
    let unlabelled = candidates.filter { $0.slot.label == nil }
    guard !unlabelled.isEmpty else { return nil }
    let values = rule.valueSlots
    if role == .hedge {
      // The hedge right before this value, with no other value between them.
      let valueIndex = value.sourceRange.lowerBound
      let previousValueEnd = values.map(\.slot.sourceRange.upperBound).filter { $0 <= valueIndex }.max() ?? -1
      // The last that took part: alternatives may each have one ("(?:or {approx}?|{approx}) {percent}").
      let hedge = unlabelled.last {
        $0.slot.sourceRange.upperBound <= valueIndex && $0.slot.sourceRange.lowerBound >= previousValueEnd && ruleMatch.range(of: $0.group) != nil
      }
      if let range = hedge.flatMap({ ruleMatch.range(of: $0.group) }) { return range }
      // Else a hedge after it that took part, before the next value: « 11 000 personnes environ ».
      let nextValueStart = values.map(\.slot.sourceRange.lowerBound).filter { $0 > valueIndex }.min() ?? Int.max
      let after = unlabelled.first {
        $0.slot.sourceRange.lowerBound > valueIndex && $0.slot.sourceRange.upperBound <= nextValueStart && ruleMatch.range(of: $0.group) != nil
      }
      return after.flatMap { ruleMatch.range(of: $0.group) }
    }
    // Periods: the nearest unlabelled one that took part.
    let participating = unlabelled.filter { ruleMatch.range(of: $0.group) != nil }
    let nearest = participating.min { abs($0.slot.sourceRange.lowerBound - value.sourceRange.lowerBound) < abs($1.slot.sourceRange.lowerBound - value.sourceRange.lowerBound) }
    return nearest.flatMap { ruleMatch.range(of: $0.group) }
  }

  /// Whether `text`, between a figure and a period expression, ends with a word that makes the period the
  /// base of a comparison ("up 41% from the previous year": 2024's growth, not the year before's).
  private func introducesComparisonBase(_ text: String) -> Bool {
    let words = TextNormalisation.key(text)
    guard !words.isEmpty else { return false }
    return tables.lexicon.comparisonWords.contains { words == TextNormalisation.key($0) || words.hasSuffix(" " + TextNormalisation.key($0)) }
  }

  /// Start of the clause containing `offset`: after the last `,` `;` `:` `(` or dash before it in the sentence.
  private func clauseBoundary(before offset: Int, in sentence: Range<Int>, article: Article) -> Int {
    let bytes = article.bytes
    var i = offset
    while i > sentence.lowerBound {
      let b = bytes[i - 1]
      if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(") { return i }
      i -= 1
    }
    return sentence.lowerBound
  }

  /// A period expression that fills the clause right after `offset` (the end of the figure's clause).
  private func standalonePeriod(after offset: Int, in sentence: Range<Int>, context: ArticleContext, matcher: Matcher) -> Range<Int>? {
    let article = context.article
    guard offset < sentence.upperBound, article.bytes[offset] == UInt8(ascii: ",") else { return nil }
    let start = offset + 1
    let end = clauseBoundary(after: start, in: sentence, article: article)
    guard start < end, let period = context.leadingPeriodExpression(in: start..<end, matcher: matcher) else { return nil }
    let before = article.text(of: start..<period.lowerBound)
    let after = article.text(of: period.upperBound..<end)
    return before.allSatisfy({ !$0.isLetter && !$0.isNumber }) && after.allSatisfy({ !$0.isLetter && !$0.isNumber }) ? period : nil
  }

  /// Whether the clause opens with "in which", "lors de laquelle"…: it then keeps the previous clause's time.
  private func startsContinuingClause(_ clauseStart: Int, _ matchStart: Int, article: Article) -> Bool {
    guard clauseStart < matchStart else { return false }
    // Only the clause's first words matter.
    let window = clauseStart..<min(matchStart, clauseStart + 48)
    return tables.opensContinuingClause(article.bytes[window])
  }

  /// A period expression that fills a clause of its own earlier in the sentence (", en 2021, elle avait
  /// été valorisée …"), unlike "Fondée en 2013 à Copenhague, …" where the year belongs to its clause.
  private func standalonePeriod(before offset: Int, in sentence: Range<Int>, context: ArticleContext, matcher: Matcher) -> Range<Int>? {
    let article = context.article
    var end = offset
    var checked = 0
    while end > sentence.lowerBound && checked < 3 {
      let start = clauseBoundary(before: max(sentence.lowerBound, end - 1), in: sentence, article: article)
      let clause = start..<max(start, end - 1)
      if let period = context.leadingPeriodExpression(in: clause, matcher: matcher) {
        let before = article.text(of: clause.lowerBound..<period.lowerBound)
        let after = article.text(of: period.upperBound..<clause.upperBound)
        if before.allSatisfy({ !$0.isLetter && !$0.isNumber }) && after.allSatisfy({ !$0.isLetter && !$0.isNumber }) { return period }
      }
      end = start
      checked += 1
    }
    return nil
  }

  /// Start of the sentence, or of the part after its last `;` or `:` before `offset` — where an opening
  /// "En 2022, …" or "il y a un an, …" dates what follows.
  private func openingBoundary(before offset: Int, in sentence: Range<Int>, article: Article) -> Int {
    let bytes = article.bytes
    var i = offset
    while i > sentence.lowerBound {
      let b = bytes[i - 1]
      if b == UInt8(ascii: ";") || b == UInt8(ascii: ":") { return i }
      i -= 1
    }
    return sentence.lowerBound
  }

  /// End of the clause containing `offset`.
  private func clauseBoundary(after offset: Int, in sentence: Range<Int>, article: Article) -> Int {
    let bytes = article.bytes
    var i = offset
    while i < sentence.upperBound {
      let b = bytes[i]
      if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: ")") || b == UInt8(ascii: ".") {
        return i
      }
      i += 1
    }
    return sentence.upperBound
  }
}
