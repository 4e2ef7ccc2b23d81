/// Regex building blocks shared by every lexicon, written with explicit classes.
///
/// Under `PCRE2_UCP`, `\d`, `\s` and `\b` are Unicode-aware and run several times slower in the JIT
/// (see shared/design/PERFORMANCE.md); these classes say exactly which characters a news article uses.
enum RegexFragments {
  /// Horizontal spaces found inside figures: space, no-break space, narrow no-break space, thin space.
  static let horizontalSpace = "[ \\x{A0}\\x{202F}\\x{2009}]"
  /// Any run of spacing between words, line breaks included (wrapped Markdown).
  static let space = "[ \\t\\r\\n\\x{A0}\\x{202F}\\x{2009}]+"
  /// Apostrophes, straight and typographic.
  static let apostrophe = "['\\x{2019}\\x{02BC}]"
  /// Not preceded by a letter or digit.
  static let wordStart = "(?<![\\p{L}\\p{N}])"
  /// Not followed by a letter or digit.
  static let wordEnd = "(?![\\p{L}\\p{N}])"
  /// A figure in digits: grouped by spaces (3 500, 3 500), or by punctuation (3,500 · 3.500 · 2,80,000 ·
  /// 1'000), with an optional decimal part. What the separators mean is the normaliser's business.
  static let digits =
    "(?<![0-9])(?<![0-9][.,])(?:[0-9]{1,3}(?:\(horizontalSpace)[0-9]{3})+(?![0-9])(?:[.,][0-9]+)?|[0-9]+(?:[.,'\\x{2019}][0-9]+)*)(?![0-9])"
  /// An optional sign before a figure (−22 %, +5 %).
  static let sign = "(?:[-+\\x{2212}\\x{2013}]\(horizontalSpace)?)?"
  /// A four-digit year between 1800 and 2099.
  static let year = "(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])"

  /// Escapes regex metacharacters in a literal word.
  static func escape(_ literal: String) -> String {
    var result = ""
    for character in literal {
      switch character {
      case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-", "#", "/":
        result.append("\\")
        result.append(character)
      case " ": result += space
      case "'", "\u{2019}": result += apostrophe
      default: result.append(character)
      }
    }
    return result
  }

  /// An alternation of literal words, longest first so that "près de" wins over "près", with word
  /// boundaries on the sides that are letters or digits.
  static func words(_ list: some Sequence<String>, gluedToDigits: Bool = false, gluedAfter: Bool = false) -> String {
    let unique = Set(list.filter { !$0.isEmpty })
    guard !unique.isEmpty else { return "(?!)" }
    let sorted = unique.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    // Words that start and end with a letter or digit share one pair of boundary assertions, which
    // keeps big vocabularies small enough for PCRE2's compiled-pattern limit.
    var bounded: [String] = []
    var others: [String] = []
    for word in sorted {
      let startsWord = word.first.map { $0.isLetter || $0.isNumber } ?? false
      let endsWord = word.last.map { $0.isLetter || $0.isNumber } ?? false
      if startsWord && endsWord {
        bounded.append(escape(word))
      } else {
        others.append((startsWord ? wordStart : "") + escape(word) + (endsWord ? wordEnd : ""))
      }
    }
    var alternatives = others
    // Scale words may be glued to the figure ("14k", "€2.1bn"): then only letters may not precede them.
    let start = gluedToDigits ? "(?<![\\p{L}])" : wordStart
    // Hedges may be followed directly by a figure ("about14,000"): then only a letter may not follow.
    let end = gluedAfter ? "(?![\\p{L}])" : wordEnd
    if !bounded.isEmpty { alternatives.insert(start + "(?:" + bounded.joined(separator: "|") + ")" + end, at: 0) }
    return "(?:" + alternatives.joined(separator: "|") + ")"
  }
}
