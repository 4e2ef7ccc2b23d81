import PatternMatching

/// Where a pattern's match can open (``MatchStarts``), as tables read a byte at a time: the positions of a
/// window where one of its opening texts stands (case-folded, with the bytes around it the pattern asks for)
/// or a byte of its opening class (a digit, a capital). The claim-rule scan reads a claim rule's, and
/// normalisation's searches a mention pattern's (``SearchPattern``).
///
/// PCRE2's own start information is a bitmap of first bytes: a rule that may open with "about" lets every
/// word starting with `a` through, and PCRE2 tries the whole pattern there. Asked only at these positions,
/// PCRE2 finds the same matches, since no match starts anywhere else (`MatchStartsCorpusTests` holds the
/// starts to every match on our corpora; `SearchPatternCorpusTests` the mention patterns' searches to full scans).
///
/// A class: the claim-rule scan reads a rule's table at every window, where a struct of arrays was copied.
package final class MatchStartTable: Sendable {
  /// ASCII bytes, as a mask of two words (bytes 0–63, 64–127): what a look-behind forbids before a start
  /// names only ASCII bytes (``MatchStarts/Start/notAfter``).
  private struct ASCIIMask: Sendable, BitwiseCopyable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ set: ByteSet) { (low, high) = set.asciiMasks }

    /// Whether `byte` is in the mask (never, for a byte from 0x80 up).
    @inline(__always) func contains(_ byte: UInt8) -> Bool {
      byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
    }

    func intersection(_ other: ASCIIMask) -> ASCIIMask {
      var both = self
      both.low &= other.low
      both.high &= other.high
      return both
    }
  }

  /// One opening text.
  private struct Opening: Sendable, BitwiseCopyable {
    /// Where its case-folded bytes start in ``texts``, and how many there are.
    let textStart: Int32
    let textCount: Int32
    /// ASCII bytes that cannot stand just before it.
    let notAfter: ASCIIMask
    /// The bytes that can follow it; empty when anything may.
    let followedBy: ByteSet
  }

  /// Bytes, as written, that open a match where no opening text does (a digit, a capital): 1 for those.
  private let opensClass: [UInt8]
  /// ASCII bytes that cannot stand before such a byte.
  private let classNotAfter: ASCIIMask
  /// For each case-folded byte value, the range of ``openings`` whose text starts with it
  /// (`bucketStarts[b]..<bucketStarts[b + 1]`).
  private let bucketStarts: [Int32]
  /// For each case-folded byte value, the ASCII bytes none of its openings may follow (most open on a word
  /// start): a position inside a word is passed over without looking at its texts. Made from ``openings``.
  private let bucketNotAfter: [ASCIIMask]
  private let openings: [Opening]
  /// The opening texts' case-folded bytes, one after another.
  private let texts: [UInt8]
  /// Whether anything may open on a byte, as written, after a byte that is not an ASCII letter or digit
  /// (`[b]`) and after one that is (`[256 + b]`): what the scan reads at every byte, the other tables only
  /// where it says yes. Most openings follow a word start, so inside a word most bytes are passed at once.
  /// Made from the other tables.
  private let mayOpen: [UInt8]
  /// For each case-folded byte value that opens a text, where its openings' second bytes start in
  /// ``secondBytes`` (-1 for the others): a position whose first byte opens some text is passed over
  /// without walking the texts when its second byte is none of theirs. Made from ``openings``.
  private let secondBytesStart: [Int32]
  /// Sets of bytes, four words each (bit `b % 64` of word `b / 64`): the second bytes of a bucket's
  /// texts, every byte when one of them has a single byte.
  private let secondBytes: [UInt64]

  /// The table of these arrays; ``bucketNotAfter`` and ``mayOpen`` are made from them (they are what the
  /// pattern cache keeps).
  private init(opensClass: [UInt8], classNotAfter: ASCIIMask, bucketStarts: [Int32], openings: [Opening], texts: [UInt8]) {
    self.opensClass = opensClass
    self.classNotAfter = classNotAfter
    self.bucketStarts = bucketStarts
    self.openings = openings
    self.texts = texts
    var bucketNotAfter = [ASCIIMask](repeating: ASCIIMask(ByteSet()), count: 256)
    for bucket in 0..<256 {
      let these = openings[Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1])]
      guard var common = these.first?.notAfter else { continue }
      for opening in these.dropFirst() { common = common.intersection(opening.notAfter) }
      bucketNotAfter[bucket] = common
    }
    self.bucketNotAfter = bucketNotAfter
    var secondBytesStart = [Int32](repeating: -1, count: 256)
    var secondBytes: [UInt64] = []
    // Made at start-up for every table a run reads: written in place, without an array per bucket.
    for bucket in 0..<256 where bucketStarts[bucket] < bucketStarts[bucket + 1] {
      let set = secondBytes.count
      secondBytesStart[bucket] = Int32(set)
      secondBytes.append(contentsOf: repeatElement(0, count: 4))
      for opening in openings[Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1])] {
        guard opening.textCount > 1 else {
          for word in set..<(set + 4) { secondBytes[word] = .max }
          break
        }
        let second = texts[Int(opening.textStart) + 1]
        secondBytes[set + Int(second >> 6)] |= 1 << UInt64(second & 63)
      }
    }
    self.secondBytesStart = secondBytesStart
    self.secondBytes = secondBytes
    mayOpen = Self.mayOpen(opensClass: opensClass, classNotAfter: classNotAfter, bucketStarts: bucketStarts,
                           bucketNotAfter: bucketNotAfter)
  }

  /// The table of `starts`.
  package convenience init(_ starts: MatchStarts) {
    var opensClass = [UInt8](repeating: 0, count: 256)
    var classNotAfter = ASCIIMask(ByteSet())
    var buckets = [[(text: [UInt8], notAfter: ASCIIMask, followedBy: ByteSet)]](repeating: [], count: 256)
    for start in starts.starts {
      if start.literal.isEmpty {
        // MatchStarts gives at most one byte start, its filter what all its byte starts assert.
        for byte in start.firstBytes.members { opensClass[Int(byte)] = 1 }
        classNotAfter = ASCIIMask(start.notAfter)
      } else {
        let text = CaseFolding.fold(start.literal)
        buckets[Int(text[0])].append((text, ASCIIMask(start.notAfter), start.followedBy))
      }
    }
    var bucketStarts: [Int32] = [0]
    var openings: [Opening] = []
    var texts: [UInt8] = []
    for bucket in buckets {
      for (text, notAfter, followedBy) in bucket {
        openings.append(Opening(textStart: Int32(texts.count), textCount: Int32(text.count), notAfter: notAfter, followedBy: followedBy))
        texts += text
      }
      bucketStarts.append(Int32(openings.count))
    }
    self.init(opensClass: opensClass, classNotAfter: classNotAfter, bucketStarts: bucketStarts, openings: openings, texts: texts)
  }

  /// ``mayOpen`` of the tables.
  private static func mayOpen(opensClass: [UInt8], classNotAfter: ASCIIMask, bucketStarts: [Int32],
                              bucketNotAfter: [ASCIIMask]) -> [UInt8] {
    // Whether every ASCII letter and digit is in `mask`: then nothing opens after a word character.
    let wordMask = Self.wordMask
    func barsWords(_ mask: ASCIIMask) -> Bool {
      mask.low & wordMask.low == wordMask.low && mask.high & wordMask.high == wordMask.high
    }
    var table = [UInt8](repeating: 0, count: 512)
    for byte in 0..<256 {
      // The byte case-folded (``CaseFolding``): an ASCII capital folds to its lower case. A byte after 0xC3
      // may fold too, but it continues a character, and no opening text starts there.
      let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      for afterWord in [false, true] {
        let opensText = bucketStarts[folded] < bucketStarts[folded + 1] && !(afterWord && barsWords(bucketNotAfter[folded]))
        if opensText || (opensClass[byte] != 0 && !(afterWord && barsWords(classNotAfter))) {
          table[(afterWord ? 256 : 0) + byte] = 1
        }
      }
    }
    return table
  }

  /// The ASCII letters and digits.
  private static let wordMask = ASCIIMask(ByteSet((0x30...0x39).map(UInt8.init) + (0x41...0x5A).map(UInt8.init) + (0x61...0x7A).map(UInt8.init)))

  /// 256 for an ASCII letter or digit, else 0: the half of ``mayOpen`` read after a byte.
  private static let wordOffsets: [Int] = (0..<256).map { byte in wordMask.contains(UInt8(byte)) ? 256 : 0 }

  /// The positions of `window` up to `last` where a match can open, in order, into `positions` (emptied
  /// first). `written` is the article's text, `folded` the same bytes case-folded (``CaseFolding``); the
  /// window is the subject PCRE2 is given, so an opening text must end inside it, while the byte before a
  /// position is read from the whole text, as PCRE2's look-behinds read it.
  package func positions(written: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>, in window: Range<Int>,
                         through last: Int, into positions: inout [Int]) {
    positions.removeAll(keepingCapacity: true)
    let end = window.upperBound
    let last = min(last, end - 1)
    guard window.lowerBound <= last, let written = written.baseAddress, let folded = folded.baseAddress else { return }
    let classNotAfter = classNotAfter
    // The tables as buffers, read without bounds checks: sizes are fixed (256 and 257 entries), and every
    // opening's text lies inside `texts` (checked when read from the cache).
    mayOpen.withUnsafeBufferPointer { mayOpen in
    Self.wordOffsets.withUnsafeBufferPointer { wordOffsets in
    opensClass.withUnsafeBufferPointer { opensClass in
    bucketStarts.withUnsafeBufferPointer { bucketStarts in
    bucketNotAfter.withUnsafeBufferPointer { bucketNotAfter in
    openings.withUnsafeBufferPointer { openings in
    texts.withUnsafeBufferPointer { texts in
    secondBytesStart.withUnsafeBufferPointer { secondBytesStart in
    secondBytes.withUnsafeBufferPointer { secondBytes in
      var p = window.lowerBound
      // Which half of `mayOpen` the byte at `p` is read in: whether the byte before it is a word character.
      var half = p > 0 ? wordOffsets[Int(written[p - 1])] : 0
      while p <= last {
        let byte = written[p]
        guard mayOpen[half &+ Int(byte)] != 0 else {
          half = wordOffsets[Int(byte)]
          p &+= 1
          continue
        }
        // The byte before `p`; at the text's start 0x80, which no filter names (they name ASCII bytes).
        let before: UInt8 = p > 0 ? written[p - 1] : 0x80
        defer {
          half = wordOffsets[Int(byte)]
          p &+= 1
        }
        if opensClass[Int(byte)] != 0 && !classNotAfter.contains(before) {
          positions.append(p)
          continue
        }
        let first = Int(folded[p])
        var k = Int(bucketStarts[first])
        let bucketEnd = Int(bucketStarts[first &+ 1])
        guard k < bucketEnd, !bucketNotAfter[first].contains(before) else { continue }
        // At the window's last byte only a text of one byte fits, and its bucket lets every byte through: 0 is
        // tested there, which lets the rest through only where it is some text's second byte (then the walk decides).
        let second = p &+ 1 < end ? folded[p &+ 1] : 0
        let secondWord = secondBytes[Int(secondBytesStart[first]) &+ Int(second &>> 6)]
        guard secondWord &>> UInt64(second & 63) & 1 != 0 else { continue }
        while k < bucketEnd {
          defer { k &+= 1 }
          let opening = openings[k]
          if opening.notAfter.contains(before) { continue }
          let count = Int(opening.textCount)
          let textEnd = p &+ count
          guard textEnd <= end else { continue }
          let text = Int(opening.textStart)
          var i = 1
          while i < count && folded[p &+ i] == texts[text &+ i] { i &+= 1 }
          guard i == count else { continue }
          if !opening.followedBy.isEmpty && !(textEnd < end && opening.followedBy.contains(written[textEnd])) { continue }
          positions.append(p)
          break
        }
      }
    }}}}}}}}}
  }
}

// Reading a rule's starts parses its whole expanded pattern (its placeholders written out, kilobytes): the
// rule compiler keeps each claim rule's table in the rule set's pattern cache, beside its prefilter, as the
// table's own arrays (``CacheEntryWriter`` runs), so that reading it back is a few copies:
//
//     opens-class (256 bytes)  class-not-after  bucket starts (257)  openings  texts
//
// Numbers are in this machine's order: an entry is only read by the build that wrote it (``PatternCache/dataKey(_:)``).
extension MatchStartTable {
  /// The table's bytes in the layout above.
  var encoded: [UInt8] {
    var writer = CacheEntryWriter()
    writer.append(opensClass)
    writer.append(Self.bytes(of: [classNotAfter]))
    writer.append(Self.bytes(of: bucketStarts))
    writer.append(Self.bytes(of: openings))
    writer.append(texts)
    return writer.bytes
  }

  /// The table `bytes` hold, or `nil` when they do not follow the layout (sizes, bucket order, texts inside
  /// ``texts``): the scan reads the arrays without bounds checks.
  convenience init?(encoded bytes: UnsafeRawBufferPointer) {
    var reader = CacheEntryReader(bytes)
    guard let opensClass = reader.run(), opensClass.count == 256,
      let classNotAfter: [ASCIIMask] = Self.values(reader.run()), classNotAfter.count == 1,
      let bucketStarts: [Int32] = Self.values(reader.run()), bucketStarts.count == 257,
      let openings: [Opening] = Self.values(reader.run()), let texts = reader.run(), reader.isAtEnd
    else { return nil }
    guard bucketStarts[0] == 0, bucketStarts[256] == Int32(openings.count) else { return nil }
    for bucket in 0..<256 where bucketStarts[bucket] > bucketStarts[bucket + 1] { return nil }
    for opening in openings {
      let start = Int(opening.textStart)
      let count = Int(opening.textCount)
      guard start >= 0, count >= 1, start + count <= texts.count else { return nil }
    }
    self.init(opensClass: Array(opensClass), classNotAfter: classNotAfter[0], bucketStarts: bucketStarts, openings: openings,
              texts: Array(texts))
  }

  private static func bytes<Value: BitwiseCopyable>(of values: [Value]) -> [UInt8] {
    values.withUnsafeBytes { Array($0) }
  }

  /// The values a run holds, when its size is a whole number of them.
  private static func values<Value: BitwiseCopyable>(_ run: UnsafeRawBufferPointer?) -> [Value]? {
    guard let run, run.count % MemoryLayout<Value>.stride == 0 else { return nil }
    let count = run.count / MemoryLayout<Value>.stride
    return [Value](unsafeUninitializedCapacity: count) { buffer, initialised in
      if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: run) }
      initialised = count
    }
  }

  /// The first part of a start table's name in the pattern cache: it changes with the layout.
  private static let cacheLayout = "starts 2"

  /// The name of the start table of `rule` (its expansion written `compact` or not) in the pattern cache.
  static func cacheName(of rule: RuleDefinition, compact: Bool) -> String {
    "\(cacheLayout)\u{0}\(rule.language)\u{0}\(rule.caseSensitive ? "cased" : "caseless")\u{0}\(compact ? "compact" : "leading")\u{0}\(rule.pattern)"
  }

  /// The table of a claim rule's starts; `nil` when a match may start almost anywhere (PCRE2's own start
  /// information is then as good) or at the empty string (``MatchStarts`` reads that itself: PCRE2 says
  /// any pattern with a subroutine call may match empty), when the pattern is anchored, or for a rule of
  /// another kind. The table comes from `cache` when an earlier run of this build recorded it, else is
  /// read from the expanded pattern now and recorded there (an empty entry: none).
  static func of(_ rule: RuleDefinition, expansion: ExpandedPattern, compact: Bool, pattern: CompiledPattern,
                 cache: PatternCache?) -> MatchStartTable? {
    guard rule.kind == .claim, !pattern.isAnchored else { return nil }
    return cached(cacheName(of: rule, compact: compact), in: cache) {
      MatchStarts(pattern: expansion.regex, caseless: !rule.caseSensitive)
    }
  }

  /// The table of `pattern`, a pattern of the engine's own (``SearchPattern``), kept in `cache` under its
  /// source and options; `nil` as for a rule, or when it is compiled with an option other than caseless
  /// (``MatchStarts`` reads `^`, `$` and `.` as they stand without one).
  static func of(_ pattern: CompiledPattern, cache: PatternCache?) -> MatchStartTable? {
    guard !pattern.isAnchored, pattern.options.subtracting(.caseless).isEmpty else { return nil }
    let caseless = pattern.options.contains(.caseless)
    let source = pattern.source
    return cached("\(cacheLayout)\u{0}pattern\u{0}\(caseless ? "caseless" : "cased")\u{0}\(source)", in: cache) {
      MatchStarts(pattern: source, caseless: caseless)
    }
  }

  /// The table named `name` in `cache`, else the one `starts` reads, recorded there (an empty entry: none).
  private static func cached(_ name: String, in cache: PatternCache?, _ starts: () -> MatchStarts?) -> MatchStartTable? {
    PatternCache.derived(
      name, in: cache,
      decode: { bytes -> MatchStartTable?? in bytes.isEmpty ? .some(nil) : MatchStartTable(encoded: bytes).map { .some($0) } },
      encode: { $0?.encoded ?? [] }
    ) {
      starts().map(MatchStartTable.init)
    }
  }
}
