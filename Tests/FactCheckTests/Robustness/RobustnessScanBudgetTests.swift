import Foundation
import PatternMatching
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The scan time limit is one budget per rule and article, spent by every window the rule is run in:
/// a slow rule cannot multiply it by being scanned piecewise.
@Suite struct RobustnessScanBudgetTests {
  /// A rule that is slow at every space before a `!` (about 2^12 paths per start position, far under
  /// the step limit) and requires the literal `zqx`, so that it runs only in the sentences holding one.
  static let slowRule = Robustness.ruleSet(rules: """
      - id: hostile.windows
        attribute: employees
        pattern: '(?:\\x20|\\x20){0,12}(?=!)zqx'
    """)

  /// `count` paragraphs, each one sentence of a few hundred spaces with the rule's literal at its end:
  /// one window per paragraph, each scanned in a small fraction of the budget.
  static func manyWindows(_ count: Int) -> Article {
    let paragraph = "Word" + String(repeating: " ", count: 590) + "!zqx.\n\n"
    return Article(path: "many-windows.md", text: String(repeating: paragraph, count: count), language: "en")
  }

  @Test func theBudgetIsSpentByEveryWindowOfTheArticle() throws {
    #expect(!Self.slowRule.hasErrors, "\(Self.slowRule.problems)")
    let article = Self.manyWindows(400)
    let budget = 0.5
    #expect(article.bytes.count < 1 << 20, "under a MiB: the budget is the floor, one MiB's worth")
    let extractor = Extractor(rules: Self.slowRule, limits: MatchLimits(timeLimitPerMiB: budget))
    let (extraction, seconds) = Robustness.timed { extractor.extract(article) }

    // One window takes a few tens of milliseconds; all of them, seconds. Generous bound: only a budget
    // per window (or none) would miss it by far.
    #expect(seconds < 3 * budget + 1, "scan took \(seconds) s")
    let stopped = extraction.diagnostics.filter { $0.ruleID == "hostile.windows" }
    #expect(stopped.count == 1, "\(extraction.diagnostics)")
    #expect(stopped.first?.category == .matching)
    #expect(stopped.first?.severity == .error)
    #expect(stopped.first?.message.contains("scan stopped after \(budget) s") == true, "\(stopped)")
  }

  @Test func aBudgetIsSharedByTheScansItIsGivenTo() throws {
    let pattern = try CompiledPattern("(?:a|a){0,15}(?=!)")
    let subject = UTF8Subject(String(repeating: String(repeating: "a", count: 500) + "!", count: 400))
    let matcher = Matcher()
    var budget = ScanBudget(seconds: 0.3)
    var scans = 0
    let (outcome, seconds) = Robustness.timed {
      Result { () throws(PatternError) in
        for start in stride(from: 0, to: subject.bytes.count, by: 501) {
          scans += 1
          try matcher.forEachMatch(of: pattern, in: subject, range: start..<(start + 501), budget: &budget) { _ in true }
        }
      }
    }
    #expect(throws: PatternError.timeLimitExceeded(seconds: 0.3)) { try outcome.get() }
    #expect(scans < 400, "stopped before the last piece")
    #expect(budget.isExhausted)
    #expect(seconds < 3 * 0.3 + 1)
    // Spent is spent: the next scan stops before its first match attempt.
    let started = DispatchTime.now().uptimeNanoseconds
    #expect(throws: PatternError.timeLimitExceeded(seconds: 0.3)) {
      try matcher.forEachMatch(of: pattern, in: subject, budget: &budget) { _ in true }
    }
    #expect(DispatchTime.now().uptimeNanoseconds - started < 50_000_000)
  }

  @Test(arguments: [(bytes: 0, seconds: 2.0), (bytes: 1 << 19, seconds: 2.0), (bytes: 1 << 20, seconds: 2.0),
                    (bytes: 3 << 20, seconds: 6.0)])
  func anArticleGetsTheLimitPerMiBAndAtLeastOneMiBsWorth(_ size: (bytes: Int, seconds: Double)) {
    #expect(ScanBudget(limits: .default, bytes: size.bytes).seconds == size.seconds)
  }

  @Test func aBudgetWithTimeLeftFindsWhatAScanWithoutOneFinds() throws {
    let pattern = try CompiledPattern("[0-9]+")
    let subject = UTF8Subject((0..<2_000).map { "n\($0) " }.joined())
    var budget = ScanBudget(seconds: 60)
    var found: [Range<Int>] = []
    try Matcher().forEachMatch(of: pattern, in: subject, budget: &budget) { found.append($0.range); return true }
    #expect(found == (try Matcher().matches(of: pattern, in: subject)).map(\.range))
    #expect(!budget.isExhausted)
    #expect(budget.spentNanoseconds > 0)
  }
}
