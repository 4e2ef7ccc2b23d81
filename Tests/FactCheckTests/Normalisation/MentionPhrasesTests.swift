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
