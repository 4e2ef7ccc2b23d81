import PatternMatching

/// What extraction produced for one article.
public struct ArticleExtraction: Sendable {
  /// The article, with its publication date filled from a dateline when it had none.
  public var article: Article
  /// Claims, in document order.
  public var claims: [Claim]
  /// Problems: match limits hit, malformed figures, no rules for the language.
  public var diagnostics: [Diagnostic]
  /// The article's subject.
  public var subject: String?
  /// Proper-name words counted, for the corpus-wide spelling check.
  public var names: NameTally
}

/// Runs a compiled rule set over articles; one per worker, as it owns a PCRE2 ``Matcher``.
public final class Extractor {
  let rules: CompiledRuleSet
  let matcher: Matcher
  /// Creates an extractor for `rules` with the given match limits.
  public init(rules: CompiledRuleSet, limits: MatchLimits = .default) {
    self.rules = rules
    self.matcher = Matcher(limits: limits)
  }

  /// Extracts the claims of one article.
  public func extract(_ input: Article) -> ArticleExtraction {
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

    let bytes = article.subject.bytes
    let folded = CaseFolding.fold(article.matchSubject.bytes)
    var matches: [RuleMatch] = []
    let plan = language.plan
    // A rule that hit a limit is stopped for the rest of the article, as its diagnostic says: a
    // catastrophic rule costs one limit per article, not one per segment.
    var stopped: Set<Int> = []
    // Each rule's scan time on this article, spent by all its windows in all segments: a slow rule over
    // a thousand windows is stopped when the article's allowance runs out, not given one per window.
    var budgets = [ScanBudget](repeating: ScanBudget(limits: matcher.limits, bytes: article.matchSubject.bytes.count),
                               count: language.claimRules.count)
    folded.withUnsafeBufferPointer { haystack in
      for segment in TextStructure.segments(in: bytes, range: article.bodyRange) {
        // One pass finds every rule's literals; each rule then runs only around its rarest one.
        let hits = plan.hits(in: haystack, range: segment)
        for (index, rule) in language.claimRules.enumerated() where !stopped.contains(index) {
          guard let anchors = plan.anchors(forRule: index, hits) else { continue }
          let windows = anchors.isEmpty ? [segment] : ScanWindows.windows(around: anchors, in: haystack, segment: segment)
          var resume = segment.lowerBound
          for window in windows where window.upperBound > resume {
            do {
              // Matches never overlap within a rule, as in one scan of the whole segment.
              try matcher.forEachMatch(of: rule.pattern, in: article.matchSubject, range: max(window.lowerBound, resume)..<window.upperBound,
                                       budget: &budgets[index]) { match in
                if !match.range.isEmpty {
                  matches.append(RuleMatch(rule: rule, match: match))
                  resume = match.range.upperBound
                }
                return true
              }
            } catch {
              stopped.insert(index)
              diagnostics.append(Diagnostic(severity: .error, category: .matching, location: article.location(of: window.lowerBound),
                                            message: "rule '\(rule.id)' stopped on this article: \(error)", ruleID: rule.id))
              break
            }
          }
        }
      }
    }
    let resolved = OverlapResolver.resolve(matches).sorted { $0.match.range.lowerBound < $1.match.range.lowerBound }
    let cells = language.builder.tableCells(in: article)
    guard !resolved.isEmpty || !cells.isEmpty else {
      return ArticleExtraction(article: article, claims: [], diagnostics: diagnostics, subject: nil, names: NameTally())
    }
    let context = ArticleContext(article: article, patterns: language.mentions, matcher: matcher)
    var built = language.builder.build(resolved, context: context, matcher: matcher)
    built.claims += language.builder.claims(from: cells, context: context, besides: built.claims)
    diagnostics += built.diagnostics
    let names = Extractor.tally(context.names, in: article)
    return ArticleExtraction(article: article, claims: built.claims, diagnostics: diagnostics, subject: context.subject, names: names)
  }

  /// Proper names of an article with no claims (the spelling check still needs them).
  public func names(in article: Article) -> NameTally {
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
      let location = seen[name]! <= NameTally.maxSamples ? article.location(of: range.lowerBound) : SourceLocation(path: article.path, line: 0, column: 0)
      let line = seen[name]! <= NameTally.maxSamples ? article.lineExcerpt(around: range.lowerBound, reach: 100).text : ""
      tally.add(NameOccurrence(name: name, location: location, line: line))
    }
    return tally
  }

  private func languageRules(_ language: String) -> LanguagePlan? { rules.plans[language] }

  /// The first dateline in the first lines of the body.
  private func findDateline(_ article: Article, _ language: LanguagePlan, _ diagnostics: inout [Diagnostic]) -> Day? {
    guard !language.datelineRules.isEmpty else { return nil }
    let head = article.bodyRange.lowerBound..<min(article.bodyRange.upperBound, article.bodyRange.lowerBound + 4_000)
    var best: (offset: Int, day: Day)?
    for rule in language.datelineRules {
      // A dateline rule may offer several forms, each with its own {date}: the one that matched counts.
      let dateGroups = rule.slots(where: { $0.role == .date }).map(\.group)
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
