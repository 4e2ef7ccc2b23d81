import FactCheckModel

/// Regex building blocks shared by every lexicon, written with explicit classes.
///
/// Under `PCRE2_UCP`, `\d`, `\s` and `\b` are Unicode-aware and run several times slower in the JIT
/// (see shared/design/PERFORMANCE.md); these classes say exactly which characters a news article uses.
package enum RegexFragments {
  /// Horizontal spaces found inside figures: space, no-break space, narrow no-break space, thin space.
  package static let horizontalSpace = "[ \\x{A0}\\x{202F}\\x{2009}]"
  /// Any run of spacing between words, line breaks included (wrapped Markdown).
  package static let space = "[ \\t\\r\\n\\x{A0}\\x{202F}\\x{2009}]+"
  /// Apostrophes, straight and typographic.
  package static let apostrophe = "['\\x{2019}\\x{02BC}]"
  /// Not preceded by a letter or digit.
  package static let wordStart = "(?<![\\p{L}\\p{N}])"
  /// Not followed by a letter or digit.
  package static let wordEnd = "(?![\\p{L}\\p{N}])"
  /// An upper-case letter ahead. PCRE2 reads a pattern's start bitmap from a leading lookahead's class, but
  /// not from `\p{Lu}`: the class first (every upper-case letter is A–Z or at or above U+00C0), so a pattern
  /// that opens with a proper name gets a bitmap and skips lower-case letters, digits and spaces with a fast
  /// scan instead of trying each (issue 15); then the property decides. Use where case counts (`(?-i:…)`):
  /// under caseless matching the class also admits a–z, still a superset, only a weaker filter.
  package static let capitalAhead = "(?=[A-Z\\x{C0}-\\x{10FFFF}])(?=\\p{Lu})"
  /// A decimal digit: ASCII, or one of the scripts news copy pasted from elsewhere carries — Arabic-Indic,
  /// Extended Arabic-Indic, Devanagari, full-width. The normaliser reads them all as ASCII digits
  /// (``TextNormalisation/key(_:)``); matching them here means `３５００` is a figure rather than nothing.
  /// Explicit ranges, not `\p{Nd}`, for the JIT (see the type's comment).
  package static let digit = "[0-9\\x{660}-\\x{669}\\x{6F0}-\\x{6F9}\\x{966}-\\x{96F}\\x{FF10}-\\x{FF19}]"
  /// Characters that print nothing and may sit inside a figure: format characters (zero-width space and
  /// joiners, bidi marks, embeddings and isolates, word joiner, BOM, soft hyphen) and combining marks.
  /// A figure reads across them (`3\u{200B}500` is 3500) so that it is never cut in two and read as
  /// `500`; the normaliser drops them.
  package static let invisible = "[\(invisibleMembers)]"
  private static let invisibleMembers = "\\p{Cf}\\p{M}"
  /// The Arabic decimal and thousands separators (U+066B, U+066C), which come with Arabic-Indic digits.
  private static let arabicSeparators = "\\x{66B}\\x{66C}"
  /// A digit, with the invisible characters after it when another digit follows them: invisible
  /// characters belong to a figure only between its digits, never at its ends.
  private static let digitUnit = "(?:\(digit)(?:\(invisible)++(?=\(digit)))?)"
  /// Not the continuation of a figure: no digit before, nor a digit and a separator or invisible character.
  package static let notAfterDigit = "(?<!\(digit))(?<!\(digit)[.,\(arabicSeparators)\(invisibleMembers)])"
  /// Not followed by more of the figure: no digit after, even across invisible characters.
  package static let notBeforeDigit = "(?!\(invisible)*\(digit))"
  /// Not followed by more of the figure even across a separator: backtracking may not cut `3,500` to `3`
  /// when what follows the figure does not suit the rule.
  private static let notBeforeMore = "(?!\(invisible)*[.,'\\x{2019}\(arabicSeparators)]?\(invisible)*\(digit))"
  /// A figure in digits: grouped by spaces (3 500, 3 500), or by punctuation (3,500 · 3.500 · 2,80,000 ·
  /// 1'000), with an optional decimal part. What the separators mean is the normaliser's business.
  ///
  /// Invisible characters inside belong to the figure (around a separator too: `3,\u{200E}500`): it is
  /// read whole, or not at all. The leading `(?=digit)` keeps the lookbehinds off the many positions that
  /// hold no digit: with it the fragment matches no slower than the ASCII-only one it replaced.
  package static let digits =
    "(?=\(digit))\(notAfterDigit)(?:\(digitUnit){1,3}(?:\(invisible)*\(horizontalSpace)\(invisible)*\(digitUnit){3})+\(notBeforeDigit)"
    + "(?:[.,\\x{66B}]\(digitUnit)+)?|\(digitUnit)+(?:\(invisible)*[.,'\\x{2019}\(arabicSeparators)]\(invisible)*\(digitUnit)+)*)"
    + notBeforeMore
  /// An optional sign before a figure (−22 %, +5 %).
  package static let sign = "(?:[-+\\x{2212}\\x{2013}]\(horizontalSpace)?)?"
  /// A four-digit year between 1800 and 2099 — not the end or the start of a longer figure, even one cut by
  /// an invisible character (`1\u{200B}2024`). Its first digit ahead before the look-behinds, which would
  /// otherwise run at every position tried.
  package static let year = "(?=[12])(?<!\(digit))(?<!\(digit)\(invisible))(?:1[89][0-9]{2}|20[0-9]{2})\(notBeforeDigit)"

  /// Escapes regex metacharacters in a literal word.
  package static func escape(_ literal: String) -> String {
    // Below U+0300 a character is one scalar (combining marks start there; CR LF, the one pair, holds no
    // metacharacter), so a word of such scalars is escaped scalar by scalar, without breaking it into
    // characters: lexicons give thousands of words, and this was a twentieth of a one-file check.
    guard literal.unicodeScalars.allSatisfy({ $0.value < 0x300 }) else { return escapeCharacters(literal) }
    var result = ""
    result.reserveCapacity(literal.utf8.count + 8)
    for scalar in literal.unicodeScalars {
      switch scalar {
      case _ where isMetacharacter(scalar):
        result.unicodeScalars.append("\\")
        result.unicodeScalars.append(scalar)
      case " ": result += space
      case "'": result += apostrophe
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// ``escape(_:)`` character by character: for words with scalars from U+0300 on, where a character may hold
  /// several (an apostrophe with a combining mark is not an apostrophe).
  package static func escapeCharacters(_ literal: String) -> String {
    var result = ""
    for character in literal {
      switch character {
      case _ where character.unicodeScalars.count == 1 && isMetacharacter(character.unicodeScalars.first!):
        result.append("\\")
        result.append(character)
      case " ": result += space
      case "'", "\u{2019}": result += apostrophe
      default: result.append(character)
      }
    }
    return result
  }

  /// Whether `scalar` is one the escapes put a backslash before: one list for both, so that they cannot drift.
  private static func isMetacharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-", "#", "/": return true
    default: return false
    }
  }

  /// An alternation of literal words, longest first so that "près de" wins over "près", with word
  /// boundaries on the sides that are letters or digits.
  package static func words(_ list: some Sequence<String>, gluedToDigits: Bool = false, gluedAfter: Bool = false) -> String {
    let unique = Set(list.filter { !$0.isEmpty })
    guard !unique.isEmpty else { return "(?!)" }
    // Each word's length counted once: `count` walks the characters, and a sort compares each word many times.
    let sorted = unique.map { (word: $0, length: $0.count) }
      .sorted { $0.length != $1.length ? $0.length > $1.length : $0.word < $1.word }.map(\.word)
    // Words that start and end with a letter or digit share one pair of boundary assertions, which
    // keeps big vocabularies small enough for PCRE2's compiled-pattern limit.
    var bounded: [String] = []
    var others: [Branch] = []
    for word in sorted {
      let startsWord = isWordCharacter(word.first)
      let endsWord = isWordCharacter(word.last)
      if startsWord && endsWord {
        bounded.append(word)
      } else {
        others.append(Branch(words: [word], assertion: startsWord ? wordStart : "", body: escape(word) + (endsWord ? wordEnd : "")))
      }
    }
    // Scale words may be glued to the figure ("14k", "€2.1bn"): then only letters may not precede them.
    let start = gluedToDigits ? "(?<![\\p{L}])" : wordStart
    // Hedges may be followed directly by a figure ("about14,000"): then only a letter may not follow.
    let end = gluedAfter ? "(?![\\p{L}])" : wordEnd
    guard !bounded.isEmpty else { return "(?:" + assertedRuns(others) + ")" }
    // Longest first across both kinds too: a word that a bounded one extends ("d'" of "d'ici") comes after
    // the bounded group, every other one before it, so that "Mio." wins over "Mio" (which would leave the
    // point, and the currency after it, outside the figure).
    let isExtended = others.map { other in
      bounded.contains { $0.count > other.words[0].count && $0.lowercased().hasPrefix(other.words[0].lowercased()) }
    }
    let alternatives = others.indices.filter { !isExtended[$0] }.map { others[$0] }
      + [Branch(words: bounded, assertion: start, body: "(?:" + alternation(bounded) + ")" + end)]
      + others.indices.filter { isExtended[$0] }.map { others[$0] }
    return "(?:" + assertedRuns(alternatives) + ")"
  }

  /// One branch of an alternation of words: its words, the look-behind it opens with (or none), and what
  /// follows that look-behind.
  package struct Branch {
    package let words: [String]
    package let assertion: String
    package let body: String

    package init(words: [String], assertion: String, body: String) {
      self.words = words
      self.assertion = assertion
      self.body = body
    }
  }

  /// `alternatives` joined by `|`, each run of neighbours that open with one look-behind written as that
  /// look-behind once, before a group of their bodies, and behind a lookahead of their words' first
  /// characters.
  ///
  /// A look-behind costs a character decoded backwards and a property look-up at every position PCRE2
  /// tries, and an alternation tries its branches one by one: five hedges written `(?<!…)plus d'|(?<!…)près
  /// d'|…` paid five of them at every letter (issue 15). Written once, behind the first characters, a
  /// position that starts none of the words fails at one class test. The matches are the same: the
  /// assertions take no text, so `X(?:a|b)` tries `Xa` then `Xb`, in that order, as `Xa|Xb` does, and the
  /// lookahead only requires a character that every branch starts with.
  package static func assertedRuns(_ alternatives: [Branch]) -> String {
    var branches: [String] = []
    var index = 0
    while index < alternatives.count {
      let assertion = alternatives[index].assertion
      var end = index + 1
      while !assertion.isEmpty && end < alternatives.count && alternatives[end].assertion == assertion { end += 1 }
      let run = alternatives[index..<end]
      if assertion.isEmpty {
        branches.append(alternatives[index].body)
      } else {
        let bodies = run.map(\.body)
        branches.append(firstCharacters(run.flatMap(\.words)) + assertion
                        + (bodies.count == 1 ? bodies[0] : "(?:" + bodies.joined(separator: "|") + ")"))
      }
      index = end
    }
    return branches.joined(separator: "|")
  }

  /// What every branch of ``words(_:gluedToDigits:gluedAfter:)`` of `words` opens with: the lookahead of
  /// their first characters, then the word-start look-behind if every word starts with a letter or digit.
  ///
  /// Written before a group whose branches all start with such words (a fraction after look-behinds of its
  /// own, a spelled number that may open with an article), it lets a position inside a word fail at one
  /// class test and one look-behind instead of at every branch's. The words' own assertions stay: these
  /// only repeat them earlier, so no match changes.
  package static func opening(of words: [String]) -> String {
    let startsWord = words.allSatisfy { $0.isEmpty || isWordCharacter($0.first) }
    return firstCharacters(words) + (startsWord ? wordStart : "")
  }

  /// Whether a word's first or last character takes a word boundary: one test for ``words(_:gluedToDigits:gluedAfter:)``
  /// and ``opening(of:)``, which must agree on which words open with the word-start look-behind.
  private static func isWordCharacter(_ character: Character?) -> Bool {
    character.map { $0.isLetter || $0.isNumber } ?? false
  }

  /// A lookahead of the first characters of `words` (`(?=[adn])`), to test before a word-start look-behind,
  /// which costs a character decoded backwards and a property look-up at every position tried; empty when
  /// a word opens with spacing or an apostrophe (which ``escape(_:)`` writes as classes).
  ///
  /// Every word requires its first character where it starts, in the pattern's case mode, and a class
  /// follows the same mode (PCRE2 puts every case of a letter in a caseless class: `ſ` with `s`, the
  /// kelvin sign with `k`), so the lookahead changes no match.
  ///
  /// The class lists the characters in scalar order, whatever the order of `words` (a lexicon table's keys
  /// come in a different order in every process): one pattern text for one list, which the pattern cache
  /// looks compiled patterns up by.
  package static func firstCharacters(_ words: some Sequence<String>) -> String {
    var firsts = Set<Unicode.Scalar>()
    for word in words {
      guard let first = word.unicodeScalars.first else { continue }
      guard !(first == " " || first == "'" || first == "\u{2019}") else { return "" }
      firsts.insert(first)
    }
    var members = ""
    for first in firsts.sorted(by: { $0.value < $1.value }) {
      switch first.value {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: members.unicodeScalars.append(first)
      case 0x21...0x7E: members += "\\" + String(first)
      default: members += "\\x{" + String(first.value, radix: 16, uppercase: true) + "}"
      }
    }
    return members.isEmpty ? "" : "(?=[" + members + "])"
  }

  /// `words`, in order, as one alternation, its words grouped by first letter (`a(?:bout|round)|nearly`).
  ///
  /// PCRE2 tries an alternation's branches one by one, so a list of 60 hedges costs 60 failed comparisons
  /// at every position tried (issue 15). Grouped, a position fails at one comparison per group. The match is
  /// the same: words of one group keep their order (longest first), and words of different groups cannot
  /// both match at one position, since their first letters differ — even without case, which
  /// ``groupedByFirstLetter(_:)`` checks.
  package static func alternation(_ words: [String]) -> String {
    guard let groups = groupedByFirstLetter(words) else { return words.map(escape).joined(separator: "|") }
    return groups.map { group in
      group.rests.count == 1
        ? escape(String(group.first) + group.rests[0])
        : escape(String(group.first)) + "(?:" + group.rests.map(escape).joined(separator: "|") + ")"
    }.joined(separator: "|")
  }

  /// Words grouped by their first letter, in order of first appearance, each with the rests of its words in
  /// their order; `nil` when a first letter is not one ASCII or Latin-1 letter or digit standing alone (a
  /// combining mark after it would make it another character), or when two first letters are one letter
  /// in two cases (PCRE2's caseless matching could then match either group at one position). Outside
  /// Latin-1, case equivalences reach beyond `lowercased()` (ſ and s, K and the kelvin sign): not grouped.
  private static func groupedByFirstLetter(_ words: [String]) -> [(first: Unicode.Scalar, rests: [String])]? {
    var groups: [(first: Unicode.Scalar, rests: [String])] = []
    var byFirst: [Unicode.Scalar: Int] = [:]
    var keys = Set<String>()
    for word in words {
      guard let character = word.first, character.unicodeScalars.count == 1, let first = character.unicodeScalars.first,
        first.value < 0x100, character.isLetter || character.isNumber
      else { return nil }
      let rest = String(word.unicodeScalars.dropFirst())
      if let index = byFirst[first] {
        groups[index].rests.append(rest)
      } else {
        guard keys.insert(String(first).lowercased()).inserted else { return nil }
        byFirst[first] = groups.count
        groups.append((first, [rest]))
      }
    }
    return groups
  }
}
