import Testing

@testable import FactCheckRules
@testable import PatternMatching

/// The claim-rule scan asks PCRE2 only where a rule's match can open (``MatchStartTable``): its opening texts,
/// case-folded, with the bytes the pattern asks for around them, and the bytes of its opening class; never
/// past the window's last start, and never for a text that would not end inside the window.
@Suite struct MatchStartTableTests {
  @Test(arguments: [
    // (pattern, caseless, text, window, last start, positions)
    // Opening words, in any case; not after a letter (the look-behind), not before anything but a space.
    ("(?<![\\p{L}\\p{N}])(?:about|nearly) [0-9]+ staff", true, "About 3 staff, nearly 4 staff, tabout 5 staff, nearlyx",
     0..<54, 53, [0, 15]),
    // An optional word, then the figure's digits: each digit may open a match.
    ("(?:nearly )?[0-9]+%", false, "Up 12% or nearly 30%", 0..<20, 19, [3, 4, 10, 17, 18]),
    // The last start bounds the positions; the window's start too.
    ("(?<![\\p{L}\\p{N}])about [0-9]+ staff", true, "about 3 staff about 4 staff", 0..<27, 5, [0]),
    ("(?<![\\p{L}\\p{N}])about [0-9]+ staff", true, "about 3 staff about 4 staff", 6..<27, 26, [14]),
    // A text (with the byte that must follow it) that would end past the window opens nothing there.
    ("(?<![\\p{L}\\p{N}])about [0-9]+ staff", true, "about 3 staff about 4 staff", 0..<20, 19, [0]),
    // Capitals fold like the text, accented ones too: « environ », « ENVIRON », « PRÈS DE ».
    ("(?:environ|près de) [0-9]+", true, "ENVIRON 4, PRÈS DE 5, environ 6", 0..<32, 31, [0, 11, 23]),
    // An opening text that starts with an accented capital, folded: « À PEU PRÈS », « à peu près ».
    ("(?:à peu près|environ) [0-9]+", true, "À PEU PRÈS 5, à peu près 6, environ 7", 0..<41, 40, [0, 16, 32]),
    // A digit right after a letter opens a match when no look-behind forbids it, and not when one does.
    ("[0-9]+ staff", false, "A12 staff", 0..<9, 8, [1, 2]),
    ("(?<![\\p{L}\\p{N}])[0-9]+ staff", false, "A12 staff, 3 staff", 0..<18, 17, [11]),
    // At the text's start no byte stands before: a look-behind that forbids a control byte lets it through.
    ("(?<![\\x00-\\x20])about [0-9]", true, "about 3", 0..<7, 6, [0]),
    // A word whose first letter opens a text and whose second opens none ("ac", "ax") is passed over; one
    // whose first letter stands last in the window too, since no text of two letters fits there.
    ("(?<![\\p{L}\\p{N}])(?:ab|about) [0-9]", true, "ac 1, ab 2, ax 3, about 4", 0..<25, 24, [6, 18]),
    ("(?<![\\p{L}\\p{N}])(?:ab|about) [0-9]", true, "ab 2 a", 0..<6, 5, [0]),
    // A one-byte text lets every second byte through to the texts, at the window's last byte too.
    ("(?<![\\p{L}\\p{N}])(?:x|ab)[0-9]", true, "xa, x1", 0..<6, 5, [4]),
    ("(?<![\\p{L}\\p{N}])(?:x|ab)", true, "ab x", 0..<4, 3, [0, 3]),
  ] as [(String, Bool, String, Range<Int>, Int, [Int])])
  func findsWhereAMatchCanOpen(pattern: String, caseless: Bool, text: String, window: Range<Int>, last: Int,
                               expected: [Int]) throws {
    let starts = try #require(MatchStarts(pattern: pattern, caseless: caseless))
    let table = MatchStartTable(starts)
    let written = Array(text.utf8)
    let folded = CaseFolding.fold(written)
    var positions: [Int] = [99]
    written.withUnsafeBufferPointer { written in
      folded.withUnsafeBufferPointer { folded in
        table.positions(written: written, folded: folded, in: window, through: last, into: &positions)
      }
    }
    #expect(positions == expected)
  }

  /// Where PCRE2 finds a match in a whole text, the table has a position: asked only there, the matcher finds
  /// the same matches.
  @Test func theMatchesAreThoseOfAScanOfEveryPosition() throws {
    let pattern = "(?<![\\p{L}\\p{N}])(?:about|nearly|près de) (?:[0-9]+|fifty) (?:staff|salariés)"
    let text = "About 30 staff left; nearly fifty staff stayed. Tabout 3 staff. Près de 40 salariés, près de 41 salariés."
    let starts = try #require(MatchStarts(pattern: pattern, caseless: true))
    let compiled = try CompiledPattern(pattern, options: .caseless)
    let subject = UTF8Subject(text)
    let folded = CaseFolding.fold(subject.bytes)
    var positions: [Int] = []
    subject.bytes.withUnsafeBufferPointer { written in
      folded.withUnsafeBufferPointer { folded in
        MatchStartTable(starts).positions(written: written, folded: folded, in: 0..<written.count, through: written.count,
                                          into: &positions)
      }
    }
    let everywhere = try Matcher().matches(of: compiled, in: subject).map(\.range)
    var budget = ScanBudget(limits: .default, bytes: subject.bytes.count)
    var asked: [Range<Int>] = []
    try Matcher().forEachMatch(of: compiled, in: subject, range: 0..<subject.bytes.count, startingAt: positions, budget: &budget) {
      asked.append($0.range)
      return true
    }
    #expect(everywhere.count == 4)
    #expect(asked == everywhere)
  }

  /// The table the rule compiler keeps in the pattern cache reads back to the same positions; bytes that do
  /// not follow the layout read as no entry.
  @Test func encodedTablesReadBack() throws {
    let starts = try #require(MatchStarts(pattern: "(?<![\\p{L}\\p{N}])(?:about|nearly) [0-9]+|[0-9]+%", caseless: true))
    let table = MatchStartTable(starts)
    let encoded = table.encoded
    let decoded = try #require(encoded.withUnsafeBytes { MatchStartTable(encoded: $0) })
    let written = Array("About 3 staff, 40% more, nearly 5 and tabout 6".utf8)
    let folded = CaseFolding.fold(written)
    var expected: [Int] = []
    var found: [Int] = []
    written.withUnsafeBufferPointer { written in
      folded.withUnsafeBufferPointer { folded in
        table.positions(written: written, folded: folded, in: 0..<written.count, through: written.count, into: &expected)
        decoded.positions(written: written, folded: folded, in: 0..<written.count, through: written.count, into: &found)
      }
    }
    #expect(!expected.isEmpty)
    #expect(found == expected)
    #expect(decoded.encoded == encoded)
    #expect(Array(encoded.dropLast()).withUnsafeBytes { MatchStartTable(encoded: $0) } == nil)
    #expect((encoded + [0]).withUnsafeBytes { MatchStartTable(encoded: $0) } == nil)
  }
}
