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

/// Hostile rule files: catastrophic patterns are stopped and reported for their rule and article while
/// the run goes on; YAML bombs, deep nesting and huge files are refused before Yams sees them.
@Suite struct RobustnessRuleTests {
  static let catastrophic = Robustness.hostileRules + "/catastrophic.yaml"

  static func hostileRuleSet() throws -> CompiledRuleSet {
    let rules = CompiledRuleSet.load([catastrophic])
    #expect(!rules.hasErrors, "\(rules.problems)")
    #expect(Set(rules.rules.map(\.id)) == ["hostile.nested", "hostile.per-position", "good.employs"])
    return rules
  }

  /// About 1 MB of lines holding a run of `a` then a run of spaces, each ending in `!` (so `$` fails
  /// and the look-ahead only succeeds at the end of a run), with a real claim in the middle and one at
  /// the end.
  static func megabyteOfA() -> String {
    let line = String(repeating: "a", count: 600) + "!" + String(repeating: " ", count: 398) + "!\n"
    return String(repeating: line, count: 500) + "Acme employs 1,200 people.\n" + String(repeating: line, count: 500)
      + "Acme employs 3,400 people.\n"
  }

  @Test func catastrophicRulesHitTheirLimitsAreReportedAndTheRunGoesOn() throws {
    let rules = try Self.hostileRuleSet()
    let big = Article(path: "big.md", text: Self.megabyteOfA(), language: "en")
    let small = Article(path: "small.md", text: "Acme employs 75 people.\n", language: "en")
    let checker = FactChecker(rules: rules, options: FactCheckOptions(jobs: 2))
    let (result, seconds) = Robustness.timed { checker.check(articles: [big, small]) }

    // Bounded: each hostile rule is stopped once on the big article (step limit at once, time limit
    // after about two seconds), then skipped for the rest of it.
    #expect(seconds < 60)
    let matching = result.diagnostics.filter { $0.category == .matching }
    #expect(matching.count == 2, "one diagnostic per hostile rule and article: \(matching)")
    let nested = try #require(matching.first { $0.ruleID == "hostile.nested" })
    #expect(nested.severity == .error)
    #expect(nested.location?.path == "big.md")
    #expect(nested.message.contains("match limit of 200000 steps exceeded"))
    let perPosition = try #require(matching.first { $0.ruleID == "hostile.per-position" })
    #expect(perPosition.location?.path == "big.md")
    #expect(perPosition.message.contains("scan stopped after"))

    // Not "no match": the good rule still reads both articles, claims at their exact places.
    #expect(Robustness.claimPositions("big.md", in: result) == [ClaimPosition(501, 14, 1200), ClaimPosition(1002, 14, 3400)])
    #expect(Robustness.claimPositions("small.md", in: result) == [ClaimPosition(1, 14, 75)])
    #expect(result.documents.map(\.status) == [.checked, .checked])
  }

  @Test func catastrophicRuleOverFilesOnDiskIsReportedPerArticle() throws {
    let rules = try Self.hostileRuleSet()
    try Robustness.withScratchDirectory { root in
      try Self.megabyteOfA().write(toFile: root + "/one.md", atomically: true, encoding: .utf8)
      try (String(repeating: "a", count: 5_000) + "!\nAcme employs 20 people.\n")
        .write(toFile: root + "/two.md", atomically: true, encoding: .utf8)
      let checker = FactChecker(rules: rules, options: FactCheckOptions(jobs: 2, limits: MatchLimits(timeLimitPerMiB: 0.5)))
      let (result, seconds) = Robustness.timed { checker.check(paths: [root]) }
      #expect(seconds < 60)
      for file in ["one.md", "two.md"] {
        let path = root + "/" + file
        let reported = result.diagnostics.filter { $0.ruleID == "hostile.nested" && $0.location?.path == path }
        #expect(reported.count == 1, "\(file): \(result.diagnostics)")
      }
      #expect(Robustness.claimPositions(root + "/two.md", in: result) == [ClaimPosition(2, 14, 20)])
    }
  }

  @Test func timeLimitStopsAScanThatStaysUnderTheStepLimit() throws {
    let pattern = try CompiledPattern("(?:a|a){0,15}(?=!)")
    let subject = UTF8Subject(String(repeating: "a", count: 200_000))
    let matcher = Matcher(limits: MatchLimits(timeLimitPerMiB: 0.2))
    let (outcome, seconds) = Robustness.timed { Result { () throws(PatternError) in try matcher.matches(of: pattern, in: subject) } }
    #expect(seconds < 5)
    #expect(throws: PatternError.timeLimitExceeded(seconds: 0.2)) { try outcome.get() }
  }

  @Test func windowedScanFindsExactlyWhatOneCallWouldFind() throws {
    // Matches that start near, at and across window ends, multi-byte characters at the window limits.
    var text = ""
    for index in 0..<3_000 { text += index % 7 == 0 ? "é€x\(index) " : "ab\(index)  " }
    let subject = UTF8Subject(text)
    for source in ["x[0-9]+ ", "€x[0-9]{2}", "(?<=é)€", "[0-9]*", "(?=x)", "b[0-9]+ +a", "\\Gab[0-9]+ +", "\\Gx"] {
      let pattern = try CompiledPattern(source)
      let windowed = try Matcher().matches(of: pattern, in: subject)
      #expect(windowed.map(\.range) == Self.referenceMatches(source, in: text), "\(source)")
    }
    // `\G` chains matches from the start of the scan and stops at the first gap, windows or not.
    let chained = UTF8Subject("ab1 ab2 ab3 x " + String(repeating: "ab9 ", count: 2_000))
    let anchored = try CompiledPattern("\\Gab[0-9] ")
    #expect(anchored.isAnchored)
    #expect(try Matcher().matches(of: anchored, in: chained).map(\.range) == [0..<4, 4..<8, 8..<12])
  }

  /// The same scan by Foundation's regular expressions, as UTF-8 ranges.
  static func referenceMatches(_ source: String, in text: String) -> [Range<Int>] {
    let regex = try! NSRegularExpression(pattern: source)
    let utf16 = text.utf16
    return regex.matches(in: text, range: NSRange(location: 0, length: utf16.count)).map { result in
      let lower = utf16.index(utf16.startIndex, offsetBy: result.range.location)
      let upper = utf16.index(lower, offsetBy: result.range.length)
      return text.utf8.distance(from: text.utf8.startIndex, to: lower)..<text.utf8.distance(from: text.utf8.startIndex, to: upper)
    }
  }

  // MARK: - YAML bombs, nesting and size

  static func firstError(_ problems: [RuleFileError]) -> RuleFileError? { problems.first { $0.severity == .error } }

  @Test func billionLaughsIsRefusedAsTooManyNodes() throws {
    for file in ["billion-laughs.yaml", "alias-key-bomb.yaml"] {
      let (library, seconds) = Robustness.timed { RuleFileLoader.load([Robustness.hostileRules + "/" + file]) }
      #expect(seconds < 5, "\(file)")
      let error = try #require(Self.firstError(library.problems), "\(file)")
      #expect(error.kind == .tooManyNodes(limit: YAMLReader.maxNodes), "\(file)")
      #expect(error.message.contains("alias bomb"))
      #expect(library.problems.filter { $0.severity == .error }.count == 1)
    }
  }

  @Test func aliasBombAsAMappingKeyIsRefusedBeforeYamsHashesIt() throws {
    // Small enough per level to pass a naive count of written nodes, expanded through a key.
    var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
      previous = name
    }
    text += "{*i : 1}: x\n"
    let (problems, seconds) = Robustness.timed { Robustness.problems(loading: text) }
    #expect(seconds < 5)
    #expect(Self.firstError(problems)?.kind == .tooManyNodes(limit: YAMLReader.maxNodes))
  }

  /// Deep nesting in every form YAML allows, each made at test time: far past libYAML's own cap of
  /// 1 000 levels, and 500 levels (under that cap, well past the stack of a worker thread), valid YAML.
  static let deepDocuments: [(name: String, text: String)] = {
    let open500 = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    return [
      ("100 000 nested [", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
      ("100 000 nested {", "rules: " + String(repeating: "{a: ", count: 100_000) + "b" + String(repeating: "}", count: 100_000)),
      ("100 000 unclosed [", "rules:\n  - " + String(repeating: "[", count: 100_000)),
      ("100 000 compact sequences", String(repeating: "- ", count: 100_000) + "x\n"),
      ("500 nested [", "rules: " + open500 + "\n"),
      ("500 block mappings, one more space per level", (0..<500).map { String(repeating: " ", count: $0) + "k:\n" }.joined()),
      ("500 block sequences of mappings", (0..<500).map { String(repeating: " ", count: 2 * $0) + "- k:\n" }.joined()),
      ("500 compact sequences", String(repeating: "- ", count: 500) + "x\n"),
      // A scanner that guessed at quotes and comments would hide these from its count.
      ("apostrophe in a plain scalar first", "a: don't\nb: " + open500 + "\n"),
      ("multi-line quoted scalar first", "a: [ \"x\n  \" , " + open500 + "]\n"),
      ("quote in a block scalar first", "a: |\n  'x\nb: " + open500 + "\n"),
      ("hash inside a plain scalar first", "a: [x#y, " + open500 + "]\n"),
    ]
  }()

  @Test(arguments: 0..<deepDocuments.count)
  func deepNestingIsRefusedBeforeYamsRecurses(_ index: Int) throws {
    let (name, text) = Self.deepDocuments[index]
    // On a thread with a small stack, as in a worker: Yams' recursion would overflow it long before 1 000.
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var problems: [RuleFileError] = []
    let thread = Thread {
      problems = Robustness.problems(loading: text)
      done.signal()
    }
    thread.stackSize = 256 << 10
    thread.start()
    #expect(done.wait(timeout: .now() + 30) == .success, "\(name): no answer")
    let error = try #require(Self.firstError(problems), "\(name)")
    #expect(error.kind == .tooDeep(limit: YAMLReader.maxDepth), "\(name): \(error)")
    #expect(error.message.contains("deeper than \(YAMLReader.maxDepth) levels"))
  }

  @Test func nestingWithinTheLimitStillLoads() {
    let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
    let problems = Robustness.problems(loading: "language: en\nlexicon:\n  language: en\n  function_words: [[\(nested)]]\n")
    #expect(!problems.contains { $0.kind == .tooDeep(limit: YAMLReader.maxDepth) })
  }

  @Test func fiftyMegabyteRuleFileIsRefusedUnread() throws {
    try Robustness.withScratchDirectory { root in
      let path = root + "/huge.yaml"
      var line = Array("  - id: filler.rule\n    attribute: employees\n    pattern: 'x'\n".utf8)
      line = Array(repeating: line, count: 1_000).flatMap { $0 }
      FileManager.default.createFile(atPath: path, contents: Data("rules:\n".utf8))
      let handle = try #require(FileHandle(forWritingAtPath: path))
      handle.seekToEndOfFile()
      while handle.offsetInFile < 50 << 20 { handle.write(Data(line)) }
      handle.closeFile()

      let (library, seconds) = Robustness.timed { RuleFileLoader.load([path]) }
      #expect(seconds < 10)
      let error = try #require(Self.firstError(library.problems))
      guard case .tooLarge(let bytes, let limit) = error.kind else {
        Issue.record("expected tooLarge, got \(error)")
        return
      }
      #expect(bytes >= 50 << 20)
      #expect(limit == YAMLReader.maxBytes)
      #expect(error.location.path == path)
      #expect(error.message.contains("split it into several files"))
      #expect(library.rules.isEmpty)
    }
  }

  @Test func oversizedTextInMemoryIsRefusedToo() {
    let text = "rules:\n" + String(repeating: "# filler\n", count: (YAMLReader.maxBytes / 9) + 1)
    let error = Self.firstError(Robustness.problems(loading: text))
    #expect(error?.kind == .tooLarge(bytes: text.utf8.count, limit: YAMLReader.maxBytes))
  }

  @Test func ruleFileWithInvalidUTF8IsRefusedAtTheBadByte() throws {
    try Robustness.withScratchDirectory { root in
      let path = root + "/bad.yaml"
      try Robustness.write(Array("language: en\nrules:\n  - id: x\n    pattern: 'caf".utf8) + [0xE9] + Array("'\n".utf8), to: path)
      let error = try #require(Self.firstError(RuleFileLoader.load([path]).problems))
      #expect(error.kind == .unreadable(reason: "not valid UTF-8"))
      #expect(error.location == FactCheck.SourceLocation(path: path, line: 4, column: 18))
    }
  }

  // MARK: - PCRE2 never sees invalid UTF-8

  @Test func invalidUTF8IsRepairedBeforeAnyPatternRuns() throws {
    // Every kind of malformation: stray continuation, truncated sequences, overlong forms, surrogates,
    // code points past U+10FFFF, bytes that never occur in UTF-8.
    let bad: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
                          [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFE], [0xFF]]
    let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)
    let checker = Fixtures.checker()
    for sequence in bad {
      let bytes = Array("Acme ".utf8) + sequence + Array(" employs 1,200 people.\n".utf8)
      #expect(throws: PatternError.self) { try UTF8Subject(validating: bytes) }
      guard case .article(let article) = loader.load(path: "bad.md", bytes: bytes) else {
        Issue.record("\(sequence) must be repaired, not skipped")
        continue
      }
      #expect(UTF8Subject.firstInvalidOffset(in: article.bytes) == nil, "\(sequence)")
      #expect(article.warnings.count == 1)
      let result = checker.check(articles: [article])
      #expect(result.claims.map(\.value) == [1200], "\(sequence)")
      // U+FFFD is one column, whatever the bad sequence's length: "Acme " + U+FFFD + " employs " → 16.
      let width = article.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
      #expect(result.claims.first?.location.column == 15 + width, "\(sequence)")
    }
  }

  @Test func randomBytesAlwaysBecomeValidUTF8OrASkip() {
    var generator = SystemRandomNumberGenerator()
    let loader = ArticleLoader(lexicons: Fixtures.bundledRules.library.lexicons)
    let checker = Fixtures.checker()
    var articles: [Article] = []
    for _ in 0..<300 {
      let count = Int.random(in: 0..<400, using: &generator)
      var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      bytes += Array(" Acme employs 1,200 people.".utf8)
      switch loader.load(path: "random.md", bytes: bytes) {
      case .article(let article):
        #expect(UTF8Subject.firstInvalidOffset(in: article.bytes) == nil)
        articles.append(article)
      case .skipped(_, let reason):
        #expect(!reason.isEmpty)
      }
    }
    let result = checker.check(articles: articles)
    #expect(result.documents.count == articles.count)
  }
}
