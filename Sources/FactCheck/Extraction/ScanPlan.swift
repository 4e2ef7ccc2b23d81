import PatternMatching

/// How the rules of one language are scanned: their prefilter literals in one ``LiteralScanner``, and
/// for each rule which literals it requires.
///
/// A rule runs only on the sentences that contain its rarest required literal (counted per segment), and
/// of those only on the ones that hold every other literal it requires and, when it reads a figure, a digit
/// or a number word, up to the last of them (``lastStart(in:rule:_:_:)``): most rules touch a few hundred bytes of a 3 KB article and
/// nothing of the rest. A rule whose pattern requires no literal is scanned over the whole segment.
struct ScanPlan: Sendable {
  /// Literal ids of each requirement of each rule (same order as the rules).
  let requirements: [[[Int]]]
  /// Whether each rule needs a figure.
  let needsNumber: [Bool]
  /// Ids of number words (spelled numbers) among the literals.
  let numberWordIDs: Set<Int>
  let scanner: LiteralScanner

  init(rules: [CompiledRule], numberWords: [[UInt8]]) {
    self.init(prefilters: rules.map(\.prefilter), numberWords: numberWords)
  }

  /// A plan for patterns of any kind (the mention patterns' too), by their prefilters.
  init(prefilters: [Prefilter], numberWords: [[UInt8]]) {
    var ids: [[UInt8]: Int] = [:]
    var literals: [[UInt8]] = []
    func id(_ literal: [UInt8]) -> Int {
      if let existing = ids[literal] { return existing }
      literals.append(literal)
      ids[literal] = literals.count - 1
      return literals.count - 1
    }
    requirements = prefilters.map { prefilter in prefilter.requirements.map { $0.map { id(CaseFolding.fold($0)) } } }
    needsNumber = prefilters.map(\.needsNumber)
    numberWordIDs = Set(numberWords.map { id($0) })
    scanner = LiteralScanner(literals: literals)
  }

  /// Literal occurrences in one segment: for each literal id, the start offsets of its occurrences.
  struct Hits {
    var starts: [[Int]]
    var hasDigit: Bool
    var hasNumberWord: Bool
  }

  func hits(in folded: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Hits {
    var starts = [[Int]](repeating: [], count: scanner.count)
    scanner.scan(folded, range: range) { id, end in starts[id].append(end - scanner.lengths[id]) }
    let hasNumberWord = numberWordIDs.contains { !starts[$0].isEmpty }
    return Hits(starts: starts, hasDigit: ByteSearch.containsDigit(folded, range), hasNumberWord: hasNumberWord)
  }

  /// Where rule `index` can match in the segment: `nil` nowhere, `[]` anywhere (scan it all), else the
  /// offsets of its rarest required literal.
  func anchors(forRule index: Int, _ hits: Hits) -> [Int]? {
    if needsNumber[index] && !hits.hasDigit && !hits.hasNumberWord { return nil }
    var best: [Int]?
    for requirement in requirements[index] {
      var offsets: [Int] = []
      for id in requirement { offsets += hits.starts[id] }
      if offsets.isEmpty { return nil }
      if best == nil || offsets.count < best!.count { best = offsets }
    }
    return best?.sorted() ?? []
  }

  /// Where rule `index` can start a match inside `window` (a sentence around one of its anchors): `nil`
  /// nowhere — a literal it requires has no occurrence that fits in the window, or it reads a figure and the
  /// window holds no digit or number word — else the last offset a match may start at. A match holds one
  /// occurrence of each requirement and its figure, so it starts at or before the last of each; and a match
  /// never leaves its window (the window is the subject PCRE2 is given). What is skipped holds no match:
  /// PCRE2 is not called to prove it.
  func lastStart(in window: Range<Int>, rule index: Int, _ hits: Hits, _ folded: UnsafeBufferPointer<UInt8>) -> Int? {
    var last = window.upperBound
    for requirement in requirements[index] {
      var latest = -1
      for id in requirement {
        latest = max(latest, Self.lastOccurrence(hits.starts[id], from: window.lowerBound, to: window.upperBound - scanner.lengths[id]))
      }
      if latest < 0 { return nil }
      last = min(last, latest)
    }
    guard needsNumber[index] else { return last }
    var figure = hits.hasDigit ? ByteSearch.lastDigit(folded, window) ?? -1 : -1
    if hits.hasNumberWord {
      for id in numberWordIDs {
        figure = max(figure, Self.lastOccurrence(hits.starts[id], from: window.lowerBound, to: window.upperBound - scanner.lengths[id]))
      }
    }
    return figure < 0 ? nil : min(last, figure)
  }

  /// The last of the sorted `starts` in `lower...upper`, or -1.
  private static func lastOccurrence(_ starts: [Int], from lower: Int, to upper: Int) -> Int {
    guard lower <= upper, !starts.isEmpty else { return -1 }
    // The first start past `upper`; the one before it is the last candidate.
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] <= upper { low = middle + 1 } else { high = middle }
    }
    return low > 0 && starts[low - 1] >= lower ? starts[low - 1] : -1
  }
}

/// Sentence-sized windows around literal hits, in which a rule is run instead of the whole segment.
enum ScanWindows {
  /// Longest stretch scanned on either side of a hit when no sentence end is near (one huge line).
  static let reach = 600

  /// Disjoint, ordered windows: each hit widened to its sentence — bounded by a paragraph break or
  /// a `.`, `!`, `?` followed by spacing, but not at a point `fullStops` says ends nothing (« 3 Mio. Euro »,
  /// « am 13. Mai »: a window cut there would cut the match) — and windows that touch merged. `bytes` is
  /// the article folded to lower case.
  static func windows(around hits: [Int], in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>,
                      fullStops: FullStops = .none) -> [Range<Int>] {
    var windows: [Range<Int>] = []
    for hit in hits {
      if let last = windows.last, hit < last.upperBound { continue }
      let start = sentenceStart(before: hit, bytes, segment, fullStops)
      let end = sentenceEnd(after: hit, bytes, segment, fullStops)
      if let last = windows.last, start <= last.upperBound {
        windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, end)
      } else {
        windows.append(start..<end)
      }
    }
    return windows
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

  private static func sentenceStart(before offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>,
                                     _ fullStops: FullStops) -> Int {
    let floor = max(segment.lowerBound, offset - reach)
    var i = offset
    while i > floor {
      let b = bytes[i - 1]
      if (b == 0x0A && i >= 2 && (bytes[i - 2] == 0x0A || bytes[i - 2] == 0x0D)) { return i }
      if isSpace(b), i >= 2, bytes[i - 2] == UInt8(ascii: "!") || bytes[i - 2] == UInt8(ascii: "?")
        || (bytes[i - 2] == UInt8(ascii: ".") && !fullStops.endsNoSentence(bytes, dotAt: i - 2, lineStart: segment.lowerBound, folded: true))
      {
        return i
      }
      i -= 1
    }
    // Never start inside a UTF-8 sequence.
    while i > segment.lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
    return i
  }

  private static func sentenceEnd(after offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>,
                                   _ fullStops: FullStops) -> Int {
    let ceiling = min(segment.upperBound, offset + reach)
    var i = offset
    while i < ceiling {
      let b = bytes[i]
      if b == 0x0A && i + 1 < segment.upperBound && (bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D) { return i }
      if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) && (i + 1 >= segment.upperBound || isSpace(bytes[i + 1])),
        b != UInt8(ascii: ".") || !fullStops.endsNoSentence(bytes, dotAt: i, lineStart: segment.lowerBound, folded: true)
      {
        return i + 1
      }
      i += 1
    }
    while i < segment.upperBound && bytes[i] & 0xC0 == 0x80 { i += 1 }
    return i
  }
}
