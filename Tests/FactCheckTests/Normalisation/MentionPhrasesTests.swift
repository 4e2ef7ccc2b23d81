import PatternMatching
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Determiner-and-noun phrases are compiled grouped by determiner; the matches must be those of the plain
/// alternation of the phrases, one after the other, in the lexicons' order.
@Suite struct MentionPhrasesTests {
  static let phrases = ["a CEO", "another CEO", "a company", "the company", "a chief executive", "another lender", "A rival",
                        "someone", "the Group", "a lender"]

  /// The phrases as one alternation, each on its own (what the grouping must match like).
  static func plain(_ phrases: [String], gap: String) -> String {
    "(?:" + phrases.map { phrase in
      let parts = phrase.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return RegexFragments.words([phrase]) }
      return RegexFragments.wordStart + RegexFragments.escape(parts[0]) + RegexFragments.space + gap
        + RegexFragments.escape(parts[1]) + RegexFragments.wordEnd
    }.joined(separator: "|") + ")"
  }

  @Test(arguments: [
    "A company CEO said another Nordic lender and a rival lender would follow.",
    "The company, unlike the Group or another big CEO, hired someone; a chief executive left.",
    "another  lender", "a CEO CEO company", "Someone and a", "an company, a-company, a company",
  ])
  func groupedPhrasesMatchLikeThePlainAlternation(text: String) throws {
    let matcher = Matcher()
    let subject = UTF8Subject(text)
    for gap in ["(?:[\\p{L}-]+\(RegexFragments.space)){0,2}?", "(?:(?-i:\\p{Lu}[\\p{L}\\p{N}\\-]*)\(RegexFragments.space)){0,2}"] {
      let grouped = try CompiledPattern(MentionPatterns.phrases(Self.phrases, gap: gap), options: [.caseless])
      let plain = try CompiledPattern(Self.plain(Self.phrases, gap: gap), options: [.caseless])
      #expect(try matcher.matches(of: grouped, in: subject).map(\.range) == matcher.matches(of: plain, in: subject).map(\.range))
    }
  }

  @Test func aOneWordPhraseThatIsADeterminerKeepsThePhrasesApart() {
    let source = MentionPatterns.phrases(["a rival", "another", "another lender"], gap: "")
    #expect(source == Self.plain(["a rival", "another", "another lender"], gap: ""))
  }
}

/// The mention patterns run only where their gate (``MentionPatterns/gate``) says they can match: in the
/// sentence windows around the rarest literal they require, the subjects' nouns rather than their
/// determiners. On every article of our corpora (and the real-world ones when present), what they find
/// there is what a scan of the whole body finds.
@Suite struct MentionGateTests {
  @Test func gatedMentionPatternsFindWhatWholeScansFind() throws {
    let articles = RuleGatingTests.articles()
    #expect(articles.count >= 40)
    let matcher = Matcher()
    var found = 0
    for article in articles {
      let patterns = try #require(Fixtures.bundledRules.plan(for: article.language)).mentions
      let folded = CaseFolding.fold(article.subject.bytes)
      let hits = folded.withUnsafeBufferPointer { patterns.gate.hits(in: $0, range: article.bodyRange, fullStops: patterns.fullStops) }
      let gated: [(MentionPatterns.Gated, SearchPattern?)] = [
        (.sourceList, patterns.sourceList), (.generic, patterns.generic), (.indefinite, patterns.indefinite),
      ]
      for case (let which, let pattern?) in gated {
        var inWindows: [Range<Int>] = []
        let windows = folded.withUnsafeBufferPointer { patterns.gate.windows(forRule: which.rawValue, hits, in: $0, segment: article.bodyRange) }
        for (range, lastStart) in windows {
          try matcher.forEachMatch(of: pattern.pattern, in: article.subject, range: range, lastStart: lastStart,
                                   endsText: range.upperBound == article.bodyRange.upperBound) { match in
            inWindows.append(match.range)
            return true
          }
        }
        let whole = try matcher.matches(of: pattern.pattern, in: article.subject, range: article.bodyRange).map(\.range)
        #expect(inWindows == whole, "\(which) in \(article.path)")
        found += whole.count
      }
    }
    #expect(found >= 100)
  }

  /// The gate of the subject phrases asks for their nouns: a sentence with a determiner and no noun of
  /// theirs is not scanned.
  @Test func phrasesAreGatedByTheirNouns() throws {
    let source = MentionPatterns.phrases(["a company", "another lender", "one chief executive"], gap: "")
    let prefilter = MentionPatterns.phrasesPrefilter(source, phrases: ["a company", "another lender", "one chief executive"])
    let literals = prefilter.requirements.map { Set($0.map { String(decoding: $0, as: UTF8.self) }) }
    #expect(literals.contains { $0.isSuperset(of: ["company", "lender"]) && !$0.contains("a") })
  }
}
