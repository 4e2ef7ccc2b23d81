import FactCheckModel
import FactCheckRules
import PatternMatching

/// How the rules of one language are scanned: their prefilter literals in one ``LiteralScanner``, and
/// for each rule which literals it requires.
///
/// A rule runs only on the sentences that contain its rarest required literal (counted per segment), and
/// of those only on the ones that hold every other literal it requires and, when it reads a figure, a digit
/// or a number word, up to the last of them (``lastStart(in:rule:_:)``): most rules touch a few hundred
/// bytes of a 3 KB article and nothing of the rest. A rule whose pattern requires no literal runs on the
/// sentences that hold a figure when it reads one, else over the whole segment.
package struct ScanPlan: Sendable {
  /// Requirement numbers of each rule (same order as the rules), those it is gated by (``gating(_:needsNumber:)``):
  /// indexes into ``requirementLiterals``.
  package let requirements: [[Int]]
  /// Literal ids of each distinct requirement (one of them must occur): rules share them, the figure
  /// placeholders' above all, so their occurrences are gathered once per segment.
  package let requirementLiterals: [[Int]]
  /// The shortest literal of each requirement.
  package let requirementShortest: [Int]
  /// Whether each rule needs a figure.
  package let needsNumber: [Bool]
  /// Whether any does: where none does (the mention patterns' plan), a segment's digits are not looked for.
  private let anyNeedsNumber: Bool
  /// Ids of number words (spelled numbers) among the literals.
  package let numberWordIDs: [Int]
  /// The shortest number word.
  package let shortestNumberWord: Int
  /// For each literal, the requirements it belongs to (``requirementLiterals``' indexes, and that index's
  /// count for the number words): each occurrence is filed under them as the scan finds it. Flat, literal
  /// by literal: literal `id`'s are `literalRequirements[literalRequirementStarts[id]..<literalRequirementStarts[id + 1]]`
  /// (an array per literal cost a retain and a release per occurrence, in the loop that runs for every byte).
  package let literalRequirements: [Int32]
  package let literalRequirementStarts: [Int32]
  package let scanner: LiteralScanner

  package init(rules: [CompiledRule], numberWords: [[UInt8]]) {
    self.init(prefilters: rules.map(\.prefilter), numberWords: numberWords)
  }

  /// A plan for patterns of any kind (the mention patterns' too), by their prefilters.
  package init(prefilters: [Prefilter], numberWords: [[UInt8]]) {
    var ids: [[UInt8]: Int] = [:]
    var literals: [[UInt8]] = []
    func id(_ literal: [UInt8]) -> Int {
      if let existing = ids[literal] { return existing }
      literals.append(literal)
      ids[literal] = literals.count - 1
      return literals.count - 1
    }
    var numbers: [[Int]: Int] = [:]
    var distinct: [[Int]] = []
    requirements = prefilters.map { prefilter in
      Self.gating(prefilter.requirements, needsNumber: prefilter.needsNumber).map { requirement in
        let literalIDs = Array(Set(requirement.map { id(CaseFolding.fold($0)) })).sorted()
        if let number = numbers[literalIDs] { return number }
        numbers[literalIDs] = distinct.count
        distinct.append(literalIDs)
        return distinct.count - 1
      }
    }
    requirementLiterals = distinct
    needsNumber = prefilters.map(\.needsNumber)
    anyNeedsNumber = needsNumber.contains(true)
    numberWordIDs = Array(Set(numberWords.map { id($0) })).sorted()
    requirementShortest = distinct.map { $0.map { literals[$0].count }.min() ?? 0 }
    shortestNumberWord = numberWords.map(\.count).min() ?? 0
    var filed = [[Int]](repeating: [], count: literals.count)
    for (index, literalIDs) in (distinct + [numberWordIDs]).enumerated() { for id in literalIDs { filed[id].append(index) } }
    literalRequirements = filed.flatMap { $0.map(Int32.init) }
    var offsets: [Int32] = [0]
    for requirements in filed { offsets.append(offsets.last! + Int32(requirements.count)) }
    literalRequirementStarts = offsets
    scanner = LiteralScanner(literals: literals)
  }

  /// The requirements a rule is gated by: all of `requirements` but those met almost anywhere (one of
  /// their literals a single letter or digit: a scale's "m", a quarter code's "t") when another is left or
  /// the rule reads a figure (`needsNumber`: it is then run around the figures). Such a requirement is met
  /// in nearly every sentence, so it gates little, while the automaton reported its occurrences at a third
  /// of a text's bytes, each then filed (578,676 occurrences on the 1.7 MB the check of 330 generated
  /// articles scans, most of them one letter). Alone, it still keeps its rule to the sentences that hold
  /// one. Either way the rule finds the same matches, as every gate does: a match holds each literal its
  /// rule requires and its figure, and stays inside the sentence window around any of them
  /// (``ScanWindows``; `RuleGatingTests` holds the gated scan to a scan of every segment on our corpora).
  package static func gating(_ requirements: [[[UInt8]]], needsNumber: Bool = false) -> [[[UInt8]]] {
    let telling = requirements.filter { requirement in
      !requirement.contains { $0.count == 1 && UTF8Letters.isASCIILetterOrDigit($0[0]) }
    }
    return telling.isEmpty && !needsNumber ? requirements : telling
  }

  /// What one pass over a segment found: where each requirement's literals start, where its digits and
  /// number words are, and where its sentences start and end.
  package struct Hits {
    /// The start offsets of the requirements' literals' occurrences, requirement after requirement, each
    /// requirement's in order: one array for them all (an array for each requirement that occurs, some fifty
    /// a segment of a generated article, cost an allocation and a release each).
    private let starts: [Int]
    /// Where each requirement's offsets begin in ``starts``, and where the last one's end.
    private let firsts: [Int]
    /// Where each digit starts (``ByteSearch/isDigitStart(_:_:_:)``), in order; empty when no pattern of the plan needs a figure.
    package var digits: [Int]
    /// Where each number word starts, in order.
    package var numberWords: [Int]
    /// ``digits`` and ``numberWords`` together, in order: where a rule that requires no literal but reads a
    /// figure is run around.
    package var figures: [Int]
    /// The segment's sentence boundaries, for ``ScanWindows``.
    package var bounds: ScanWindows.Bounds

    fileprivate init(starts: [Int], firsts: [Int], digits: [Int], numberWords: [Int], bounds: ScanWindows.Bounds) {
      self.starts = starts
      self.firsts = firsts
      self.digits = digits
      self.numberWords = numberWords
      var figures: [Int] = []
      figures.reserveCapacity(digits.count + numberWords.count)
      var d = 0
      var w = 0
      while d < digits.count || w < numberWords.count {
        if w == numberWords.count || (d < digits.count && digits[d] <= numberWords[w]) {
          figures.append(digits[d])
          d += 1
        } else {
          figures.append(numberWords[w])
          w += 1
        }
      }
      self.figures = figures
      self.bounds = bounds
    }

    /// The sorted start offsets of the occurrences of `requirement`'s literals.
    package func requirementStarts(_ requirement: Int) -> ArraySlice<Int> {
      starts[firsts[requirement]..<firsts[requirement + 1]]
    }
  }

  package func hits(in folded: UnsafeBufferPointer<UInt8>, range: Range<Int>, fullStops: FullStops = .none) -> Hits {
    // The automaton lists the literals' occurrences in the order they end; each is then filed under the
    // requirements its literal belongs to with a counting sort, so that each requirement's array is allocated
    // once at its size (an append to an array of arrays per occurrence cost a uniqueness check and, often, a
    // reallocation). A requirement's starts come in order except where literals of different lengths overlap
    // (those are sorted).
    let requirementCount = requirementLiterals.count + 1
    var firsts = [Int](repeating: 0, count: requirementCount + 1)
    var gathered: [Int] = []
    var occurrences = scanner.occurrences(in: folded, range: range)
    if !occurrences.isEmpty {
      var counts = [Int](repeating: 0, count: requirementCount)
      gathered = literalRequirementStarts.withUnsafeBufferPointer { filedStarts in
        literalRequirements.withUnsafeBufferPointer { filed in
          counts.withUnsafeMutableBufferPointer { counts in
            for entry in occurrences {
              let id = Int(entry >> LiteralScanner.idShift)
              var k = Int(filedStarts[id])
              let end = Int(filedStarts[id + 1])
              while k < end {
                counts[Int(filed[k])] &+= 1
                k &+= 1
              }
            }
          }
          for requirement in 0..<requirementCount { firsts[requirement + 1] = firsts[requirement] + counts[requirement] }
          var next = firsts
          return [Int](unsafeUninitializedCapacity: firsts[requirementCount]) { buffer, initialised in
            scanner.lengths.withUnsafeBufferPointer { lengths in
              next.withUnsafeMutableBufferPointer { next in
                for entry in occurrences {
                  let id = Int(entry >> LiteralScanner.idShift)
                  let start = Int(entry & LiteralScanner.endMask) - lengths[id]
                  var k = Int(filedStarts[id])
                  let end = Int(filedStarts[id + 1])
                  while k < end {
                    let requirement = Int(filed[k])
                    buffer[next[requirement]] = start
                    next[requirement] &+= 1
                    k &+= 1
                  }
                }
              }
            }
            initialised = firsts[requirementCount]
          }
        }
      }
      // Gathered: the occurrences go before the offsets are sorted, so that at most two lists of them are
      // held at once (a segment may be a whole 100 MB article).
      occurrences = []
      gathered.withUnsafeMutableBufferPointer { gathered in
        for requirement in 0..<requirementCount where counts[requirement] > 1 {
          var these = UnsafeMutableBufferPointer(rebasing: gathered[firsts[requirement]..<firsts[requirement + 1]])
          if zip(these, these.dropFirst()).contains(where: { $0 > $1 }) { these.sort() }
        }
      }
    }
    let numberWords = Array(gathered[firsts[requirementCount - 1]..<firsts[requirementCount]])
    var digits: [Int] = []
    var i = anyNeedsNumber ? range.lowerBound : range.upperBound
    while i < range.upperBound {
      if ByteSearch.isDigitStart(folded, i, range.upperBound) { digits.append(i) }
      i += 1
    }
    return Hits(starts: gathered, firsts: firsts, digits: digits, numberWords: numberWords,
                bounds: ScanWindows.Bounds(in: folded, segment: range, fullStops: fullStops))
  }

  /// Where rule `index` is run in `segment`: the sentence windows around its rarest literal
  /// (``ScanWindows``) that can hold a match, each with the last offset a match may start at
  /// (``lastStart(in:rule:_:)``), or around its figures for a rule that requires no literal but reads one;
  /// the whole segment, unbounded, for a rule that requires neither; none when it cannot match there.
  /// Windows never touch and a match never leaves its window (the window is the subject PCRE2 is given), so
  /// one rule's matches never overlap, as in one scan of the whole segment.
  package func windows(forRule index: Int, _ hits: Hits, in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>)
    -> [(range: Range<Int>, lastStart: Int?)]
  {
    var windows: [(range: Range<Int>, lastStart: Int?)] = []
    forEachWindow(forRule: index, hits, in: bytes, segment: segment) { window, lastStart in
      windows.append((window, lastStart))
      return true
    }
    return windows
  }

  /// ``windows(forRule:_:in:segment:)`` one at a time, in order, until `body` returns false: the claim-rule
  /// scan asks this of every rule in every segment, and the two arrays made for each rule that runs cost
  /// 22 M instructions on the check of 330 generated articles.
  package func forEachWindow(forRule index: Int, _ hits: Hits, in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>,
                             _ body: (Range<Int>, Int?) -> Bool)
  {
    guard let anchors = anchors(forRule: index, hits) else { return }
    guard !anchors.isEmpty else {
      _ = body(segment, nil)
      return
    }
    ScanWindows.forEachWindow(around: anchors, in: bytes, segment: segment, bounds: hits.bounds) { window in
      guard let last = lastStart(in: window, rule: index, hits) else { return true }
      return body(window, last)
    }
  }

  /// Where rule `index` can match in the segment: `nil` nowhere, `[]` anywhere (scan it all), else the
  /// offsets of its rarest required literal, in order, or of the segment's figures for a rule that requires
  /// no literal but reads a figure (its match holds one, as it would hold a literal it requires).
  private func anchors(forRule index: Int, _ hits: Hits) -> ArraySlice<Int>? {
    if needsNumber[index] && hits.digits.isEmpty && hits.numberWords.isEmpty { return nil }
    var best: ArraySlice<Int>?
    for requirement in requirements[index] {
      let offsets = hits.requirementStarts(requirement)
      if offsets.isEmpty { return nil }
      if best == nil || offsets.count < best!.count { best = offsets }
    }
    return best ?? (needsNumber[index] ? hits.figures[...] : [])
  }

  /// Where rule `index` can start a match inside `window` (a sentence around one of its anchors): `nil`
  /// nowhere — a literal it requires has no occurrence that can fit in the window, or it reads a figure and
  /// the window holds no digit or number word — else the last offset a match may start at. A match holds
  /// one occurrence of each requirement and its figure, so it starts at or before the last of each; and a
  /// match never leaves its window (the window is the subject PCRE2 is given). What is skipped holds no
  /// match: PCRE2 is not called to prove it.
  private func lastStart(in window: Range<Int>, rule index: Int, _ hits: Hits) -> Int? {
    var last = window.upperBound
    for requirement in requirements[index] {
      let latest = Self.lastOccurrence(hits.requirementStarts(requirement), from: window.lowerBound,
                                       to: window.upperBound - requirementShortest[requirement])
      if latest < 0 { return nil }
      last = min(last, latest)
    }
    guard needsNumber[index] else { return last }
    let figure = max(Self.lastOccurrence(hits.digits[...], from: window.lowerBound, to: window.upperBound - 1),
                     Self.lastOccurrence(hits.numberWords[...], from: window.lowerBound, to: window.upperBound - shortestNumberWord))
    return figure < 0 ? nil : min(last, figure)
  }

  /// The last of the sorted `starts` in `lower...upper`, or -1.
  private static func lastOccurrence(_ starts: ArraySlice<Int>, from lower: Int, to upper: Int) -> Int {
    guard lower <= upper, !starts.isEmpty else { return -1 }
    // The first start past `upper`; the one before it is the last candidate.
    var low = starts.startIndex
    var high = starts.endIndex
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] <= upper { low = middle + 1 } else { high = middle }
    }
    return low > starts.startIndex && starts[low - 1] >= lower ? starts[low - 1] : -1
  }
}

/// Sentence-sized windows around literal hits, in which a rule is run instead of the whole segment.
package enum ScanWindows {
  /// Longest stretch scanned on either side of a hit when no sentence end is near (one huge line).
  package static let reach = 600

  /// Where the sentences of one segment may start and end, found in one pass (every rule's windows are
  /// then binary searches, not a walk back and forth from each of its hits).
  ///
  /// A sentence is bounded by a paragraph break or a `.`, `!`, `?` followed by spacing, but not at a point
  /// `fullStops` says ends nothing (« 3 Mio. Euro », « am 13. Mai »: a window cut there would cut the match).
  package struct Bounds {
    /// Offsets a window may start at, in order: after a line feed that follows another line break (a blank
    /// line; a CR LF too), or after terminal punctuation and a space.
    package let starts: [Int]
    /// Offsets where a window may end, in order, each with where the end condition was seen (a window
    /// ends at the first condition at or after its hit: a paragraph break ends before its line break, a
    /// sentence after its punctuation).
    package let ends: [(seenAt: Int, end: Int)]

    package init(in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>, fullStops: FullStops) {
      var starts: [Int] = []
      var ends: [(seenAt: Int, end: Int)] = []
      let lower = segment.lowerBound
      let upper = segment.upperBound
      // Only `.` `!` `?` and line feeds end or start anything: the loop stops at those, and a sentence
      // that starts after a space is filed from the punctuation before it (its full stop read once for
      // both). The one start whose punctuation lies before the segment is looked for first.
      if lower >= 1, lower < upper, ScanWindows.isSpace(bytes[lower]),
        ScanWindows.endsSentence(bytes, at: lower - 1, lineStart: lower, fullStops)
      {
        starts.append(lower + 1)
      }
      var i = lower
      while i < upper {
        let b = bytes[i]
        // Letters and most else (every byte from 0x40 up), and the space, the commonest byte below it.
        if b >= 0x40 || b == 0x20 {
          i &+= 1
          continue
        }
        if b == 0x0A {
          if i + 1 < upper && (bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D) { ends.append((i, i)) }
          // A paragraph break: the second line break (after a line feed or a carriage return) starts one.
          if i >= 1 && (bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D) { starts.append(i + 1) }
        } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
          let spaceFollows = i + 1 < upper && ScanWindows.isSpace(bytes[i + 1])
          if (spaceFollows || i + 1 >= upper) && ScanWindows.endsSentence(bytes, at: i, lineStart: lower, fullStops) {
            ends.append((i, i + 1))
            if spaceFollows { starts.append(i + 2) }
          }
        }
        i &+= 1
      }
      self.starts = starts
      self.ends = ends
    }
  }

  /// Disjoint, ordered windows: each hit widened to its sentence (``Bounds``), at most ``reach`` bytes
  /// either side, and windows that touch merged. `bytes` is the article folded to lower case.
  package static func windows(around hits: some Collection<Int>, in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>, bounds: Bounds)
    -> [Range<Int>]
  {
    var windows: [Range<Int>] = []
    forEachWindow(around: hits, in: bytes, segment: segment, bounds: bounds) { window in
      windows.append(window)
      return true
    }
    return windows
  }

  /// ``windows(around:in:segment:bounds:)`` one at a time, in order, until `body` returns false: a window
  /// is given once the next hit's can no longer be merged into it.
  package static func forEachWindow(around hits: some Collection<Int>, in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>,
                                    bounds: Bounds, _ body: (Range<Int>) -> Bool)
  {
    var pending: Range<Int>?
    for hit in hits {
      if let last = pending, hit < last.upperBound { continue }
      let start = sentenceStart(before: hit, bytes, segment, bounds)
      let end = sentenceEnd(after: hit, bytes, segment, bounds)
      if let last = pending, start <= last.upperBound {
        pending = last.lowerBound..<max(last.upperBound, end)
      } else {
        if let last = pending, !body(last) { return }
        pending = start..<end
      }
    }
    if let last = pending { _ = body(last) }
  }

  /// ``windows(around:in:segment:bounds:)`` with the bounds found here.
  package static func windows(around hits: [Int], in bytes: UnsafeBufferPointer<UInt8>, segment: Range<Int>,
                              fullStops: FullStops = .none) -> [Range<Int>] {
    windows(around: hits, in: bytes, segment: segment, bounds: Bounds(in: bytes, segment: segment, fullStops: fullStops))
  }

  fileprivate static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

  /// Whether the `.`, `!` or `?` at `i` ends a sentence when spacing follows it: a full stop may end none
  /// (« 3 Mio. Euro », « am 13. Mai »).
  fileprivate static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, lineStart: Int, _ fullStops: FullStops) -> Bool {
    let b = bytes[i]
    if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return true }
    return b == UInt8(ascii: ".") && !fullStops.endsNoSentence(bytes, dotAt: i, lineStart: lineStart, folded: true)
  }

  private static func sentenceStart(before offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>, _ bounds: Bounds) -> Int {
    let floor = max(segment.lowerBound, offset - reach)
    // The last start at or before the hit, if it is past the floor.
    var low = 0
    var high = bounds.starts.count
    while low < high {
      let middle = (low + high) / 2
      if bounds.starts[middle] <= offset { low = middle + 1 } else { high = middle }
    }
    if low > 0, bounds.starts[low - 1] > floor { return bounds.starts[low - 1] }
    // Never start inside a UTF-8 sequence.
    var i = floor
    while i > segment.lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
    return i
  }

  private static func sentenceEnd(after offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>, _ bounds: Bounds) -> Int {
    let ceiling = min(segment.upperBound, offset + reach)
    // The first end condition at or after the hit, if it is before the ceiling.
    var low = 0
    var high = bounds.ends.count
    while low < high {
      let middle = (low + high) / 2
      if bounds.ends[middle].seenAt < offset { low = middle + 1 } else { high = middle }
    }
    if low < bounds.ends.count, bounds.ends[low].seenAt < ceiling { return bounds.ends[low].end }
    var i = ceiling
    while i < segment.upperBound && bytes[i] & 0xC0 == 0x80 { i += 1 }
    return i
  }
}
