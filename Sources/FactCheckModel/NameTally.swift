/// A capitalised name as written, and where.
package struct NameOccurrence: Sendable, Hashable {
  /// The name as written.
  package var name: String
  /// Where it starts.
  package var location: SourceLocation
  /// Its line, clipped around the name, for quoting.
  package var line: String

  /// Creates an occurrence.
  package init(name: String, location: SourceLocation, line: String) {
    self.name = name
    self.location = location
    self.line = line
  }
}

/// How often each word of a proper name occurs in a corpus, with a few of its occurrences.
///
/// The spelling check needs counts and the places of the rare spellings, not every occurrence: keeping
/// a bounded sample per distinct word keeps memory flat however many articles are read.
package struct NameTally: Sendable {
  /// Count and sample occurrences of one word.
  package struct Entry: Sendable {
    /// Occurrences in the corpus.
    package var count: Int
    /// The first few occurrences (at most ``NameTally/maxSamples``).
    package var samples: [NameOccurrence]

    /// Counts one more occurrence, kept as a sample while there are fewer than ``NameTally/maxSamples``.
    mutating func record(_ occurrence: NameOccurrence) {
      count += 1
      if samples.count < NameTally.maxSamples { samples.append(occurrence) }
    }

    /// Creates an entry (a tally read back from storage, such as a claim archive).
    package init(count: Int, samples: [NameOccurrence]) {
      self.count = count
      self.samples = samples
    }
  }

  /// Occurrences kept per word.
  package static let maxSamples = 8

  /// Entries by word.
  package private(set) var words: [String: Entry] = [:]

  /// An empty tally.
  package init() {}

  /// A tally of entries already counted (read back from storage, such as a claim archive).
  package init(entries: [String: Entry]) {
    words = entries
  }

  /// A tally of occurrences.
  package init(_ occurrences: [NameOccurrence]) {
    for occurrence in occurrences { add(occurrence) }
  }

  /// Counts the capitalised words of one occurrence.
  package mutating func add(_ occurrence: NameOccurrence) {
    for word in NameTally.words(of: occurrence.name) {
      // In place: an entry taken out and stored back cost a second look-up, and a copy of its samples to
      // append to (issue 15).
      words[word, default: Entry(count: 0, samples: [])].record(occurrence)
    }
  }

  /// Adds another tally (another worker's, another machine's).
  package mutating func merge(_ other: NameTally) {
    for (word, entry) in other.words {
      // In place: a copy of the entry taken out and stored back made every merge copy its samples.
      words[word, default: Entry(count: 0, samples: [])].merge(entry)
    }
  }

  fileprivate static func inTextOrder(_ a: NameOccurrence, _ b: NameOccurrence) -> Bool {
    (a.location.path, a.location.line, a.location.column) < (b.location.path, b.location.line, b.location.column)
  }

  /// Capitalised words of a name, acronyms left out, possessive endings stripped: those of
  /// `possessiveSuffixes` (the lexicons', "'s" in "Klarna’s", written with either apostrophe) and a bare
  /// trailing apostrophe. The article names a tally counts carry none (the proper-name pattern stops before
  /// an apostrophe no capital follows); a declared entity's name may ("McDonald's").
  package static func words(of name: String, possessiveSuffixes: [String] = []) -> [String] {
    if possessiveSuffixes.isEmpty, name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(of: name) }
    let endings = possessiveSuffixes.flatMap { [$0, $0.replacingOccurrences(of: "'", with: "’")] }.uniqued() + ["'", "’"]
    return name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "-" }).compactMap { part -> String? in
      var word = String(part)
      for suffix in endings where word.hasSuffix(suffix) { word = String(word.dropLast(suffix.count)) }
      guard let first = word.first, first.isUppercase, word.count >= 2 else { return nil }
      guard !word.allSatisfy({ $0.isUppercase || !$0.isLetter }) else { return nil }
      return word
    }
  }

  /// ``words(of:possessiveSuffixes:)`` of an ASCII name with no possessive suffixes, on bytes: the same
  /// words (in ASCII a byte is a character, and only A–Z are capitals), without a grapheme break or a
  /// character property looked up per letter — every proper name of every article comes through here.
  private static func asciiWords(of name: String) -> [String] {
    var words: [String] = []
    var bytes = Array(name.utf8)[...]
    while !bytes.isEmpty {
      let end = bytes.firstIndex { $0 == 0x20 || $0 == 0x2D } ?? bytes.endIndex
      var word = bytes[..<end]
      bytes = end < bytes.endIndex ? bytes[(end + 1)...] : bytes[bytes.endIndex...]
      if word.last == UInt8(ascii: "'") { word = word.dropLast() }
      guard let first = word.first, first &- 0x41 < 26, word.count >= 2 else { continue }
      guard word.contains(where: { $0 &- 0x61 < 26 }) else { continue }
      words.append(String(decoding: word, as: UTF8.self))
    }
    return words
  }
}

extension NameTally.Entry {
  /// Adds another entry of the same word: counts add up, and the samples kept are the first occurrences in
  /// path and text order, whichever worker finished first, so that reports stay the same from run to run.
  fileprivate mutating func merge(_ other: NameTally.Entry) {
    count += other.count
    // Articles mostly merge in the order they were read: when the samples are full and in order, and every
    // sample of `other` comes after the last, none of them enters, and the sort below would give the samples
    // back as they are (it was most of merging a tally, path comparisons above all).
    // Read in place by index: a zip and a closure over the elements copied each occurrence (three strings
    // retained and released) twice, and this runs for every word of every article merged.
    if samples.count == NameTally.maxSamples,
      !samples.indices.dropFirst().contains(where: { NameTally.inTextOrder(samples[$0], samples[$0 - 1]) }),
      !other.samples.indices.contains(where: { !NameTally.inTextOrder(samples[samples.count - 1], other.samples[$0]) })
    {
      return
    }
    samples = Array((samples + other.samples).sorted(by: NameTally.inTextOrder).prefix(NameTally.maxSamples))
  }
}
