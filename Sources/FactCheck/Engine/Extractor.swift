import PatternMatching

/// What extraction produced for one article.
package struct ArticleExtraction: Sendable {
  /// The article, with its publication date filled from a dateline when it had none.
  package var article: Article
  /// Claims, in document order.
  package var claims: [Claim]
  /// Problems: match limits hit, malformed figures, no rules for the language.
  package var diagnostics: [Diagnostic]
  /// The article's subject.
  package var subject: String?
  /// Proper-name words counted, for the corpus-wide spelling check.
  package var names: NameTally
}

/// Takes articles through extraction and normalisation: the language of each paragraph, the dateline, the
/// claim rules' matches (``ClaimRuleScanner``), then the claims the language's builder makes of them with the
/// article's mentions. One per worker, as it owns a PCRE2 ``Matcher``. It lives with the engine because it
/// joins two stages, which do not import each other the wrong way.
package final class Extractor {
  let rules: CompiledRuleSet
  let matcher: Matcher
  /// Tells a paragraph's language from its function words.
  let detector: LanguageDetector
  /// Whether this extractor reads the only article of its run. One short article alone (a draft checked
  /// from an editor, a one-file check) is read with the patterns interpreted: JIT-compiling the ones it
  /// scans costs about 150 M instructions, interpreting them about 80 M (a third of a one-file check).
  package var readsLoneArticle = false
  /// Whether rules run only in the sentences their prefilters admit, and claim rules only where their match
  /// can open (always, but for the test that proves the prefilters and start tables lose no match by scanning
  /// every segment with every rule at every position).
  package var gatesRules = true
  /// Longest article read interpreted when it is alone: past it, compiling pays.
  static let interpretedArticleLimit = 16 * 1024
  /// Articles in this extractor's run, all workers' together: the longer the run, the sooner a claim rule's
  /// pattern is JIT-compiled (``Matcher/startCallWeight``).
  package var articlesInRun = 1
  /// A run of this many articles counts each call at a start position once toward a pattern's JIT threshold;
  /// a run of n times as many, n times. A claim rule's pattern interpreted costs some 21 500 instructions a
  /// call at a start position, JIT-compiled some 2 400, and compiling it some 10 M: the threshold (512) is
  /// about where those break even, which a pattern in a run this long may never reach, while one in a run
  /// of 5 000 articles (the bench's 16 MB) that has been called a few dozen times will be called thousands.
  static let articlesPerStartCall = 500
  /// Creates an extractor for `rules` with the given match limits.
  package init(rules: CompiledRuleSet, limits: MatchLimits = .default) {
    self.rules = rules
    self.matcher = Matcher(limits: limits)
    self.detector = LanguageDetector(lexicons: rules.library.lexicons)
  }

  /// Extracts the claims of one article.
  ///
  /// The language is decided per paragraph: the article's own language reads it all, and a paragraph
  /// whose function words are clearly another lexicon's (an English quote in a French article) is read by
  /// that language's rules too. An article whose language could not be told (a one-line article with no
  /// function word) is read in every language, and the reading with the most claims is kept.
  package func extract(_ input: Article) -> ArticleExtraction {
    matcher.compilesJIT = !(readsLoneArticle && input.subject.bytes.count <= Extractor.interpretedArticleLimit)
    matcher.startCallWeight = max(1, articlesInRun / Extractor.articlesPerStartCall)
    if input.languageIsGuessed && rules.planLanguages.count > 1 {
      var best: ArticleExtraction?
      for language in rules.planLanguages {
        var candidate = input
        candidate.language = language
        let extraction = extract(candidate, otherParagraphs: false)
        // Ties keep the guessed language.
        if best == nil || extraction.claims.count > best!.claims.count
          || (extraction.claims.count == best!.claims.count && language == input.language)
        {
          best = extraction
        }
      }
      return best!
    }
    return extract(input, otherParagraphs: true)
  }

  private func extract(_ input: Article, otherParagraphs: Bool) -> ArticleExtraction {
    var article = input
    var diagnostics: [Diagnostic] = []
    guard let language = languageRules(article.language) else {
      diagnostics.append(Diagnostic(severity: .warning, category: .input, location: article.location(of: article.bodyRange.lowerBound),
                                    message: "no lexicon for language '\(article.language)'; nothing extracted"))
      return ArticleExtraction(article: article, claims: [], diagnostics: diagnostics, subject: nil, names: NameTally())
    }
    if article.published == nil, let day = findDateline(article, language, &diagnostics) {
      article.published = day
      article.publishedSource = "dateline"
    }
    // Folded once: the article's own language and any other one of its paragraphs scan the same bytes.
    let folded = CaseFolding.fold(article.matchSubject.bytes)
    let resolved = scan(article, folded, language, ranges: TextStructure.segments(in: article.subject.bytes, range: article.bodyRange),
                        diagnostics: &diagnostics)
    let cells = language.builder.tableCells(in: article)
    let foreign = otherParagraphs && rules.planLanguages.count > 1
      ? detector.foreignParagraphs(of: article, readIn: Set(rules.planLanguages)) : [:]
    guard !resolved.isEmpty || !cells.isEmpty || !foreign.isEmpty else {
      return ArticleExtraction(article: article, claims: [], diagnostics: diagnostics, subject: nil, names: NameTally())
    }
    let subjectFolded = Extractor.foldedSubject(of: article, matchFolded: folded)
    let context = ArticleContext(article: article, patterns: language.mentions, matcher: matcher, folded: subjectFolded)
    var built = language.builder.build(resolved, context: context, matcher: matcher)
    built.claims += language.builder.claims(from: cells, context: context, besides: built.claims)
    // Paragraphs in another language: that language's rules, builder and mention patterns, over them only.
    for (code, ranges) in foreign.sorted(by: { $0.key < $1.key }) {
      guard let other = languageRules(code) else { continue }
      let matches = scan(article, folded, other, ranges: ranges, diagnostics: &diagnostics)
      guard !matches.isEmpty else { continue }
      let otherContext = ArticleContext(article: article, patterns: other.mentions, matcher: matcher, folded: subjectFolded)
      let taken = Set(built.claims.map(\.valueRange.lowerBound))
      let extra = other.builder.build(matches, context: otherContext, matcher: matcher)
      built.claims += extra.claims.filter { !taken.contains($0.valueRange.lowerBound) }
      built.diagnostics += extra.diagnostics
    }
    if !foreign.isEmpty { built.claims.sort { $0.valueRange.lowerBound < $1.valueRange.lowerBound } }
    // The claims keep only the stretches of the article they quote, not the whole article.
    ClaimText.compact(&built.claims)
    diagnostics += built.diagnostics
    let names = Extractor.tally(context.names, in: article)
    return ArticleExtraction(article: article, claims: built.claims, diagnostics: diagnostics, subject: context.subject, names: names)
  }

  /// `article.subject`'s bytes case-folded (``CaseFolding``), made from `folded`, its match subject's
  /// (``Article/matchSubject``): the two texts differ only where a mark was blanked, and folding changes no
  /// mark, so those bytes are copied back from the text. Folding the text again cost 10 instructions a byte.
  package static func foldedSubject(of article: Article, matchFolded folded: [UInt8]) -> [UInt8] {
    var result = folded
    article.subject.bytes.withUnsafeBufferPointer { written in
      article.matchSubject.bytes.withUnsafeBufferPointer { blanked in
        // Nothing blanked: the match subject is the text itself.
        guard written.baseAddress != blanked.baseAddress else { return }
        result.withUnsafeMutableBufferPointer { result in
          for i in 0..<written.count where written[i] != blanked[i] { result[i] = written[i] }
        }
      }
    }
    return result
  }

  /// Runs `language`'s claim rules over `ranges` of the article: the matches that win their figures, in
  /// text order.
  private func scan(_ article: Article, _ folded: [UInt8], _ language: LanguagePlan, ranges: [Range<Int>],
                    diagnostics: inout [Diagnostic]) -> [RuleMatch] {
    ClaimRuleScanner.scan(article, folded: folded, plan: language.extraction, ranges: ranges, matcher: matcher,
                          gatesRules: gatesRules, diagnostics: &diagnostics)
  }

  /// Proper names of an article with no claims (the spelling check still needs them).
  package func names(in article: Article) -> NameTally {
    guard let language = languageRules(article.language) else { return NameTally() }
    let context = ArticleContext(article: article, patterns: language.mentions, matcher: matcher)
    return Extractor.tally(context.names, in: article)
  }

  /// Counts names; only the occurrences kept as samples get a location and a line excerpt.
  static func tally(_ names: [(name: String, range: Range<Int>)], in article: Article) -> NameTally {
    var tally = NameTally()
    var seen: [String: Int] = [:]
    for (name, range) in names {
      seen[name, default: 0] += 1
      // Locations are computed only for the first occurrences of each name; counts for all.
      let sampled = seen[name]! <= NameTally.maxSamples
      let location = sampled ? article.location(of: range.lowerBound) : SourceLocation(path: article.path, line: 0, column: 0)
      let line = sampled ? article.lineExcerpt(around: range.lowerBound, reach: 100).text : ""
      tally.add(NameOccurrence(name: name, location: location, line: line))
    }
    return tally
  }

  private func languageRules(_ language: String) -> LanguagePlan? { rules.plan(for: language) }

  /// The first dateline in the first lines of the body.
  private func findDateline(_ article: Article, _ language: LanguagePlan, _ diagnostics: inout [Diagnostic]) -> Day? {
    guard !language.extraction.datelineRules.isEmpty else { return nil }
    let head = article.bodyRange.lowerBound..<min(article.bodyRange.upperBound, article.bodyRange.lowerBound + 4_000)
    var best: (offset: Int, day: Day)?
    for rule in language.extraction.datelineRules {
      // A dateline rule may offer several forms, each with its own {date}: the one that matched counts.
      let dateGroups = rule.slots(of: .date).map(\.group)
      guard let match = try? matcher.firstMatch(of: rule.pattern, in: article.matchSubject, range: head),
        let range = dateGroups.lazy.compactMap({ match.group($0) }).first
      else { continue }
      if let day = DateReader(tables: language.builder.tables).read(article.text(of: range)),
        best == nil || match.range.lowerBound < best!.offset
      {
        best = (match.range.lowerBound, day)
      }
    }
    return best?.day
  }
}
