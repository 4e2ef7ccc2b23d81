import Testing

@testable import PatternMatching

@Suite struct CompiledPatternTests {
  @Test func reportsUTF8ByteOffsets() throws {
    let pattern = try CompiledPattern("[0-9]+(?:\\.[0-9]+)?[ ]*billion")
    let match = try Matcher().firstMatch(of: pattern, in: UTF8Subject("£3.5 billion"))
    #expect(match?.range == 2..<13)
  }

  @Test func readsNamedGroups() throws {
    let pattern = try CompiledPattern("(?<who>[A-Z][a-z]+) employs (?<count>[0-9,]+)")
    let subject = UTF8Subject("Acme employs 3,500 people")
    let match = try #require(try Matcher().firstMatch(of: pattern, in: subject))
    #expect(match.group(named: "who", in: pattern) == 0..<4)
    #expect(match.group(named: "count", in: pattern) == 13..<18)
    #expect(match.group(named: "missing", in: pattern) == nil)
    #expect(pattern.captureCount == 2)
  }

  @Test func compileErrorsCarryPCRE2MessageAndOffset() {
    #expect(throws: PatternError.self) { try CompiledPattern("abc(def") }
    do {
      _ = try CompiledPattern("ab[c")
      Issue.record("expected a compile error")
    } catch {
      guard case .compile(let message, let offset) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(message.contains("missing terminating ]"))
      #expect(offset == 4)
    }
  }

  @Test func isJITCompiledOnThisPlatform() throws {
    #expect(try CompiledPattern("a+b", jitThreshold: 0).isJITCompiled)
  }

  /// A pattern starts interpreted and is JIT-compiled once it has scanned its threshold; the matches are
  /// the same before and after.
  @Test func isJITCompiledOnceItHasScannedEnough() throws {
    let pattern = try CompiledPattern("[0-9]+ (?:salariés|employees)", jitThreshold: 1_000)
    let eager = try CompiledPattern(pattern.source, jitThreshold: 0)
    let matcher = Matcher()
    let short = UTF8Subject("Brindille emploie 120 salariés.")
    #expect(!pattern.isJITCompiled)
    #expect(try matcher.matches(of: pattern, in: short).map(\.range) == matcher.matches(of: eager, in: short).map(\.range))
    #expect(!pattern.isJITCompiled, "31 bytes scanned, threshold 1 000")
    let long = UTF8Subject(String(repeating: "Brindille emploie 120 salariés, Ostra 45 employees. ", count: 40))
    let interpreted = try matcher.matches(of: pattern, in: long).map(\.range)
    #expect(pattern.isJITCompiled)
    #expect(interpreted == (try matcher.matches(of: eager, in: long).map(\.range)))
    #expect(interpreted.count == 80)
  }

  /// A matcher that compiles no JIT (one short article checked alone) scans interpreted past the threshold,
  /// with the same matches; a pattern compiled before still runs compiled.
  @Test func aMatcherThatCompilesNoJITLeavesPatternsInterpreted() throws {
    let pattern = try CompiledPattern("[0-9]+ (?:salariés|employees)", jitThreshold: 100)
    let eager = try CompiledPattern(pattern.source, jitThreshold: 0)
    let matcher = Matcher()
    matcher.compilesJIT = false
    let long = UTF8Subject(String(repeating: "Brindille emploie 120 salariés, Ostra 45 employees. ", count: 40))
    #expect(try matcher.matches(of: pattern, in: long).map(\.range) == matcher.matches(of: eager, in: long).map(\.range))
    #expect(!pattern.isJITCompiled, "2 000 bytes scanned by a matcher that compiles none")
    #expect(eager.isJITCompiled)
    matcher.compilesJIT = true
    _ = try matcher.matches(of: pattern, in: long)
    #expect(pattern.isJITCompiled)
  }

  @Test func caselessMatchesAccentedLetters() throws {
    let pattern = try CompiledPattern("salariés", options: [.caseless])
    #expect(try Matcher().hasMatch(of: pattern, in: UTF8Subject("SALARIÉS")))
  }

  @Test func emptyMatchesAdvanceByWholeCharacters() throws {
    let pattern = try CompiledPattern("x*")
    let matches = try Matcher().matches(of: pattern, in: UTF8Subject("éxé"))
    // As in Perl: empty before "é", "x", empty right after it, then empty at the end — never inside "é".
    #expect(matches.map(\.range) == [0..<0, 2..<3, 3..<3, 5..<5])
  }

  @Test func catastrophicPatternHitsTheMatchLimit() throws {
    let pattern = try CompiledPattern("(a+)+$")
    let subject = UTF8Subject(String(repeating: "a", count: 40) + "!")
    #expect(throws: PatternError.matchLimitExceeded(limit: MatchLimits.default.matchLimit)) {
      _ = try Matcher().firstMatch(of: pattern, in: subject)
    }
  }

  @Test func rangeLimitsTheScanButLookbehindSeesBefore() throws {
    let pattern = try CompiledPattern("(?<=a)b")
    let subject = UTF8Subject("abab")
    let matches = try Matcher().matches(of: pattern, in: subject, range: 1..<2)
    #expect(matches.map(\.range) == [1..<2])
  }

  @Test func validatesUTF8Once() {
    #expect(UTF8Subject.firstInvalidOffset(in: [0x61, 0xC3, 0xA9, 0xFF, 0x62]) == 3)
    #expect(UTF8Subject.firstInvalidOffset(in: Array("ok é".utf8)) == nil)
    #expect(throws: PatternError.self) { try UTF8Subject(validating: [0x61, 0xE2, 0x82]) }
  }

  @Test func matchDataGrowsForPatternsWithManyGroups() throws {
    let source = (0..<60).map { "(\($0 % 10))" }.joined()
    let text = (0..<60).map { String($0 % 10) }.joined()
    let pattern = try CompiledPattern(source)
    let match = try #require(try Matcher().firstMatch(of: pattern, in: UTF8Subject(text)))
    #expect(match.groups.count == 60)
    #expect(match.group(60) == 59..<60)
  }
}

/// What PCRE2 tells of a compiled pattern's start, shown by `factcheck explain`.
struct StartInformationTests {
  @Test(arguments: [
    ("cut [0-9]+ jobs", "starts with 'c'"),
    ("(?:cut|axed) [0-9]+", "starts with one of 2 bytes ('a' 'c')"),
    ("(?m)^(?:Total|Sum)", "starts at a line start"),
    ("(?:\\p{L}+ )?[0-9]+", "no start information"),
  ])
  func theStartIsDescribed(pattern: String, start: String) throws {
    let information = try CompiledPattern(pattern).startInformation
    #expect(information.description.hasPrefix(start), "\(information)")
  }

  @Test func aRequiredByteAndTheMinimumLengthAreKnown() throws {
    let information = try CompiledPattern("[0-9]+ jobs").startInformation
    #expect(information.requiredCodeUnit == UInt8(ascii: "s"))
    #expect(information.minimumLength == 6)
  }
}
