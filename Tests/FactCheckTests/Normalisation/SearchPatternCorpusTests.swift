import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckRules
@testable import PatternMatching

/// A mention pattern searched for only where its matches can open (``PatternSearch``) finds what a scan of
/// every position finds: on every article of our corpora, in the whole body, in each sentence, and in each
/// sentence up to a last start.
@Suite struct SearchPatternCorpusTests {
  static func searchPatterns(_ patterns: MentionPatterns) -> [(String, SearchPattern)] {
    let named: [(String, SearchPattern?)] = [
      ("known", patterns.known), ("generic", patterns.generic), ("indefinite", patterns.indefinite), ("when", patterns.when),
      ("projected", patterns.projected), ("sourceMarker", patterns.sourceMarker), ("sourceList", patterns.sourceList),
      ("productMarker", patterns.productMarker), ("possessive", patterns.possessive), ("scopeQualifier", patterns.scopeQualifier),
      ("division", patterns.division), ("commonNoun", patterns.commonNoun),
    ]
    return named.compactMap { name, pattern in pattern.map { (name, $0) } }
  }

  @Test func searchesFindWhatScansOfEveryPositionFind() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    let matcher = Matcher()
    var tabled = Set<String>()
    var found: [String: Int] = [:]
    for article in articles {
      let patterns = try #require(Fixtures.bundledRules.plan(for: article.language)).mentions
      let search = PatternSearch(article.subject, folded: CaseFolding.fold(article.subject.bytes))
      let bytes = article.subject.bytes
      let sentences = TextStructure.sentences(in: bytes, range: article.bodyRange, fullStops: patterns.fullStops)
      // The whole body; each sentence, up to its middle too (perhaps inside a character), and not ending the
      // text; and the stretches before a capitalised word that the source and product words are looked for in.
      var ranges: [(range: Range<Int>, lastStart: Int?, endsText: Bool)] = [(article.bodyRange, nil, true)]
      for sentence in sentences {
        ranges.append((sentence, nil, true))
        ranges.append((sentence, nil, false))
        ranges.append((sentence, sentence.lowerBound + sentence.count / 2, true))
      }
      for p in article.bodyRange.dropFirst() where bytes[p] >= 0x41 && bytes[p] <= 0x5A && bytes[p - 1] == 0x20 {
        ranges.append((max(article.bodyRange.lowerBound, p - 40)..<p, nil, true))
        ranges.append((max(article.bodyRange.lowerBound, p - 48)..<p, nil, true))
      }
      for (name, pattern) in SearchPatternCorpusTests.searchPatterns(patterns) {
        if pattern.starts != nil { tabled.insert("\(article.language) \(name)") }
        for (range, lastStart, endsText) in ranges {
          var searched: [Range<Int>] = []
          try search.forEachMatch(of: pattern, in: range, lastStart: lastStart, endsText: endsText, matcher: matcher) {
            searched.append($0.range)
            return true
          }
          var scanned: [Range<Int>] = []
          try matcher.forEachMatch(of: pattern.pattern, in: article.subject, range: range, lastStart: lastStart, endsText: endsText) {
            scanned.append($0.range)
            return true
          }
          #expect(searched == scanned, "\(article.language) \(name) in \(range) of \(article.path)")
          found[name, default: 0] += scanned.count
          if endsText {
            #expect(try search.firstMatch(of: pattern, in: range, lastStart: lastStart, matcher: matcher)?.range == scanned.first)
          }
        }
      }
    }
    // Most mention patterns have a table, and they match often enough for the check to mean something.
    #expect(tabled.isSuperset(of: ["en when", "fr when", "de when", "en known", "fr projected", "fr sourceMarker"]))
    for name in ["when", "known", "projected", "sourceMarker", "possessive", "generic", "indefinite"] {
      #expect(found[name, default: 0] >= 10, "\(name): \(found[name, default: 0]) matches")
    }
  }

  /// A table is made for a pattern whose matches open on words or a byte class, none for one that may open
  /// anywhere, is anchored, or is compiled with an option ``MatchStarts`` does not read.
  @Test(arguments: [
    ("(?:about|nearly) [0-9]+", PatternOptions.caseless, true),
    ("\\b(?:in|by) (?:19|20)[0-9]{2}", PatternOptions.caseless, true),
    ("[a-z]+ly", PatternOptions.caseless, false),
    ("\\Gyear", PatternOptions.caseless, false),
    ("^year", PatternOptions.multiline, false),
    ("x?", PatternOptions(), false),
  ])
  func aTableIsMadeWhereMatchesOpenOnKnownText(source: String, options: PatternOptions, hasTable: Bool) throws {
    #expect((try SearchPattern(source, options: options).starts != nil) == hasTable, "\(source)")
  }
}
