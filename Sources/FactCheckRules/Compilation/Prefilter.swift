import FactCheckModel

/// What a text must contain for a rule to possibly match, computed from the rule's pattern.
///
/// PCRE2 scanned rule by rule spends most of its time proving that a rule does not match. A prefilter
/// answers that question for most rules and most articles with a few `memmem` calls on a case-folded
/// copy of the text (shared/design/PERFORMANCE.md: separate scans with prefilters beat one big
/// alternation). It is conservative: when in doubt it says "may match".
package struct Prefilter: Sendable, Hashable {
  /// Each requirement is a set of folded literals; at least one of each must occur.
  package let requirements: [[[UInt8]]]
  /// Whether the rule needs a figure (a digit or a spelled number).
  package let needsNumber: Bool

  /// Whether the prefilter can skip anything at all.
  package var isUseful: Bool { !requirements.isEmpty || needsNumber }

  /// Analyses a rule pattern (before expansion); fragments are analysed through `fragmentSource`.
  ///
  /// - Parameter fragments: Fragments already analysed, shared by the rules of one lexicon: a fragment
  ///   (`{staff}`) appears in dozens of rules, and is parsed once instead of once per use.
  package init(pattern: String, fragmentSource: @escaping (String) -> String?, caseless: Bool,
               placeholderWords: @escaping (String) -> [String]? = { _ in nil }, valueSource: @escaping (String) -> String? = { _ in nil },
               fragments: FragmentAnalyses = FragmentAnalyses()) {
    var parser = PatternParser(Array(pattern.unicodeScalars), fragmentSource: fragmentSource, fragments: fragments)
    parser.placeholderWords = placeholderWords
    parser.valueSource = valueSource
    let sequence = parser.parseAlternation()
    var requirements: [[String]] = []
    var needsNumber = false
    PatternParser.collect(sequence, into: &requirements, needsNumber: &needsNumber, depth: 0)
    let folded = requirements.map { alternatives in
      alternatives.map { caseless ? CaseFolding.fold(Array($0.utf8)) : Array($0.utf8) }
    }
    var seen = Set<[[UInt8]]>()
    self.requirements = folded.filter { seen.insert($0).inserted }
    self.needsNumber = needsNumber
  }

  /// The prefilter of a rule of `catalog`'s language: its lexicon fragments, closed word lists ({noun})
  /// and value placeholders seen through.
  package init(rule: RuleDefinition, catalog: PlaceholderCatalog, fragments: FragmentAnalyses = FragmentAnalyses()) {
    self.init(pattern: rule.pattern, fragmentSource: { catalog.lexicon.fragments[$0] }, caseless: !rule.caseSensitive,
              placeholderWords: { $0 == "noun" ? Array(catalog.lexicon.nouns.keys) : nil },
              valueSource: { catalog.builtins[$0] }, fragments: fragments)
  }

  package init(requirements: [[[UInt8]]], needsNumber: Bool) {
    self.requirements = requirements
    self.needsNumber = needsNumber
  }
}

/// What lexicon fragments, value placeholders and closed vocabularies require, already analysed for
/// prefilters: fragments by name and nesting depth (deeper copies see fewer nested fragments, so each depth is
/// its own entry). One per lexicon, during one compilation.
package final class FragmentAnalyses {
  /// What each lexicon fragment requires, and whether it needs a figure.
  fileprivate var fragments: [FragmentKey: (requirements: [[String]], needsNumber: Bool)] = [:]
  /// What each value placeholder's expansion requires.
  fileprivate var values: [String: [[String]]] = [:]
  /// What each closed vocabulary ({noun}) requires: one of its words.
  fileprivate var words: [String: [[String]]] = [:]

  fileprivate struct FragmentKey: Hashable {
    let name: String
    let depth: Int
  }
}

/// A tiny parser of rule patterns, enough to find the literals every match must contain. It reads Unicode
/// scalars: rule patterns are compiled at every start-up, and a scalar compares as an integer where a
/// `Character` needs grapheme breaking.
private struct PatternParser {
  indirect enum Node {
    case literal(Unicode.Scalar)
    case group([[Node]], optional: Bool)
    case placeholder(String, optional: Bool)
    /// A placeholder analysed once per language: a value ({percent}, which needs a figure), a lexicon
    /// fragment ({staff}) or a closed vocabulary ({noun}); it needs one of each of `requirements`.
    case value(String, requirements: [[String]], needsNumber: Bool, optional: Bool)
    case breaker
  }

  let characters: [Unicode.Scalar]
  var position = 0
  let fragmentSource: (String) -> String?
  /// Word lists behind placeholders that stand for a closed vocabulary ({noun}).
  var placeholderWords: (String) -> [String]? = { _ in nil }
  /// The expansion of a value placeholder ({percent}, {money}): what its figure must be written with (a
  /// percent sign or word, a currency or a scale) is a requirement too, beside the figure itself.
  var valueSource: (String) -> String? = { _ in nil }
  var fragmentDepth = 0
  let fragments: FragmentAnalyses

  init(_ characters: [Unicode.Scalar], fragmentSource: @escaping (String) -> String?, fragments: FragmentAnalyses) {
    self.characters = characters
    self.fragmentSource = fragmentSource
    self.fragments = fragments
  }

  /// Parses alternatives separated by `|` up to a closing parenthesis or the end.
  mutating func parseAlternation() -> [[Node]] {
    var alternatives: [[Node]] = [[]]
    while position < characters.count {
      let c = characters[position]
      if c == ")" { break }
      if c == "|" {
        alternatives.append([])
        position += 1
        continue
      }
      let node = parseAtom()
      let optional = parseQuantifierIsOptional()
      switch node {
      case .literal(let ch) where optional:
        alternatives[alternatives.count - 1].append(.breaker)
        _ = ch
      case .group(let alts, let wasOptional): alternatives[alternatives.count - 1].append(.group(alts, optional: optional || wasOptional))
      case .placeholder(let name, let wasOptional):
        alternatives[alternatives.count - 1].append(.placeholder(name, optional: optional || wasOptional))
      case .value(let name, let requirements, let needsNumber, let wasOptional):
        alternatives[alternatives.count - 1].append(.value(name, requirements: requirements, needsNumber: needsNumber, optional: optional || wasOptional))
      default: alternatives[alternatives.count - 1].append(node)
      }
    }
    return alternatives
  }

  private mutating func parseAtom() -> Node {
    let c = characters[position]
    switch c {
    case "(":
      position += 1
      var lookaround = false
      if position < characters.count && characters[position] == "?" {
        // (?:  (?<name>  (?=  (?!  (?<=  (?<!  (?i)
        position += 1
        if position < characters.count {
          let k = characters[position]
          if k == ":" {
            position += 1
          } else if k == "=" || k == "!" {
            lookaround = true
            position += 1
          } else if k == "<" && position + 1 < characters.count && (characters[position + 1] == "=" || characters[position + 1] == "!") {
            lookaround = true
            position += 2
          } else if k == "<" || k == "P" || k == "'" {
            while position < characters.count && characters[position] != ">" && characters[position] != "'" { position += 1 }
            position += 1
          } else {
            // Inline options or other constructs: skip to ':' or ')'.
            while position < characters.count && characters[position] != ":" && characters[position] != ")" { position += 1 }
            if position < characters.count && characters[position] == ":" { position += 1 } else {
              if position < characters.count { position += 1 }
              return .breaker
            }
          }
        }
      }
      let alternatives = parseAlternation()
      if position < characters.count { position += 1 }  // ')'
      return lookaround ? .breaker : .group(alternatives, optional: false)
    case "[":
      position += 1
      if position < characters.count && characters[position] == "^" { position += 1 }
      if position < characters.count && characters[position] == "]" { position += 1 }
      while position < characters.count && characters[position] != "]" {
        if characters[position] == "\\" { position += 1 }
        position += 1
      }
      position += 1
      return .breaker
    case "\\":
      position += 1
      guard position < characters.count else { return .breaker }
      let e = characters[position]
      position += 1
      if e == "x" || e == "p" || e == "P" || e == "N", position < characters.count, characters[position] == "{" {
        while position < characters.count && characters[position] != "}" { position += 1 }
        position += 1
        return .breaker
      }
      if PatternParser.isLetter(e) || PatternParser.isNumber(e) { return .breaker }
      return .literal(e)
    case "{":
      if position + 1 < characters.count, PatternParser.isLetter(characters[position + 1]),
        let close = characters[position...].firstIndex(of: "}")
      {
        var inner = ""
        inner.unicodeScalars.append(contentsOf: characters[(position + 1)..<close])
        position = close + 1
        var optional = false
        if position < characters.count && characters[position] == "?" {
          optional = true
          position += 1
        }
        let name = String(inner.split(separator: ":").first ?? "")
        let builtin = PlaceholderCatalog.valueKinds[name] != nil || PlaceholderCatalog.modifiers.contains(name)
        if !optional, let required = fragments.words[name] ?? placeholderWords(name).map({ PatternParser.requirements(ofWords: $0) }) {
          // A closed vocabulary: one of its words must occur (worked out once per language and name).
          fragments.words[name] = required
          return .value(name, requirements: required, needsNumber: false, optional: false)
        }
        if PlaceholderCatalog.valueKinds[name] != nil {
          // What the figure is written with, analysed once per language: its expansion is large (every
          // currency, scale and percent word), and dozens of rules use it.
          if fragments.values[name] == nil, let source = valueSource(name) {
            // Built-in expansions hold no lexicon fragment to follow.
            fragments.values[name] = analyse(source, depth: 4).requirements
          }
          return .value(name, requirements: fragments.values[name] ?? [], needsNumber: true, optional: optional)
        }
        if !builtin, fragmentDepth < 4 {
          // A lexicon fragment ({staff}) is analysed like the pattern text it stands for, once per language
          // and depth: what it requires is what a group of that text would add to a rule's requirements.
          let key = FragmentAnalyses.FragmentKey(name: name, depth: fragmentDepth + 1)
          if fragments.fragments[key] == nil, let source = fragmentSource(name) {
            fragments.fragments[key] = analyse(source, depth: fragmentDepth + 1)
          }
          if let analysed = fragments.fragments[key] {
            return .value(name, requirements: analysed.requirements, needsNumber: analysed.needsNumber, optional: optional)
          }
        }
        return .placeholder(name, optional: optional)
      }
      position += 1
      return .breaker
    case ".", "^", "$", " ", "'", "\u{2019}":
      position += 1
      return .breaker
    default:
      position += 1
      return PatternParser.isLetter(c) || PatternParser.isNumber(c) || c == "-" || c == "%" || PatternParser.isCaselessSymbol(c) ? .literal(c) : .breaker
    }
  }

  /// What the pattern text `source` (a fragment's, a value placeholder's expansion) requires, read at
  /// fragment depth `depth`.
  private func analyse(_ source: String, depth: Int) -> (requirements: [[String]], needsNumber: Bool) {
    var inner = PatternParser(Array(source.unicodeScalars), fragmentSource: fragmentSource, fragments: fragments)
    inner.fragmentDepth = depth
    var requirements: [[String]] = []
    var needsNumber = false
    PatternParser.collect(inner.parseAlternation(), into: &requirements, needsNumber: &needsNumber, depth: 0)
    return (requirements, needsNumber)
  }

  /// Consumes a quantifier after an atom; true when it allows zero occurrences.
  private mutating func parseQuantifierIsOptional() -> Bool {
    guard position < characters.count else { return false }
    var optional = false
    switch characters[position] {
    case "?", "*":
      optional = true
      position += 1
    case "+":
      position += 1
    case "{":
      if position + 1 < characters.count, PatternParser.isNumber(characters[position + 1]) {
        let start = position
        while position < characters.count && characters[position] != "}" { position += 1 }
        position += 1
        optional = characters[start + 1] == "0"
      } else {
        return false
      }
    default: return false
    }
    // Lazy or possessive suffix.
    if position < characters.count && (characters[position] == "?" || characters[position] == "+") { position += 1 }
    return optional
  }

  /// A character outside ASCII that is no letter and has no case (€, £, ¥): the folded text holds its bytes
  /// unchanged, so it can be searched as it is written.
  static func isCaselessSymbol(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.isASCII && !scalar.properties.changesWhenCaseMapped && !isLetter(scalar) && !isNumber(scalar)
      && !scalar.properties.isWhitespace
  }

  /// What `Character.isLetter` says of a one-scalar character.
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
  }

  /// What `Character.isNumber` says of a one-scalar character.
  static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType != nil
  }

  /// The requirements of a closed vocabulary: one of its words.
  static func requirements(ofWords words: [String]) -> [[String]] {
    let alternatives = words.map { word in
      word.map { character in
        // A word's letters, as the Characters they are: a letter written with a combining accent is
        // no literal the prefilter can search (its first scalar alone would be).
        let scalars = character.unicodeScalars
        return (character.isLetter || character.isNumber) && scalars.count == 1 ? Node.literal(scalars.first!) : Node.breaker
      }
    }
    var requirements: [[String]] = []
    var needsNumber = false
    collect(alternatives, into: &requirements, needsNumber: &needsNumber, depth: 0)
    return requirements
  }

  /// Collects requirements from a top-level alternation.
  static func collect(_ alternatives: [[Node]], into requirements: inout [[String]], needsNumber: inout Bool, depth: Int) {
    if alternatives.count == 1 {
      collectSequence(alternatives[0], into: &requirements, needsNumber: &needsNumber, depth: depth)
      return
    }
    // Several alternatives: if each requires any of some literals, the whole requires any of their union.
    // From each alternative take its most selective requirement: few literals, and long ones.
    var union: [String] = []
    var everyAlternativeHasOne = true
    var allNeedNumber = true
    for alternative in alternatives {
      var inner: [[String]] = []
      var innerNeedsNumber = false
      collectSequence(alternative, into: &inner, needsNumber: &innerNeedsNumber, depth: depth)
      allNeedNumber = allNeedNumber && innerNeedsNumber
      let best = inner.max { a, b in
        let scoreA = (a.map(\.utf8.count).min() ?? 0) * 4 - a.count
        let scoreB = (b.map(\.utf8.count).min() ?? 0) * 4 - b.count
        return scoreA < scoreB
      }
      guard let best else {
        everyAlternativeHasOne = false
        break
      }
      union += best
    }
    if everyAlternativeHasOne && !union.isEmpty { requirements.append(Array(Set(union)).sorted()) }
    if allNeedNumber { needsNumber = true }
  }

  private static func collectSequence(_ nodes: [Node], into requirements: inout [[String]], needsNumber: inout Bool, depth: Int) {
    var run = String.UnicodeScalarView()
    var runBytes = 0
    func endRun() {
      // Any length: one automaton finds every literal in the same pass, so a short one ("%", "$", "bn")
      // costs nothing to look for, and it gates a rule that would otherwise scan every sentence.
      if runBytes > 0 { requirements.append([String(run)]) }
      run = String.UnicodeScalarView()
      runBytes = 0
    }
    for node in nodes {
      switch node {
      case .literal(let c):
        if c.isASCII || CaseFolding.isLatin1(c) || PatternParser.isCaselessSymbol(c) {
          run.append(c)
          runBytes += c.utf8.count
        } else {
          endRun()
        }
      case .group(let alternatives, let optional):
        endRun()
        if !optional { collect(alternatives, into: &requirements, needsNumber: &needsNumber, depth: depth) }
      case .value(_, let required, let needsFigure, let optional):
        endRun()
        guard !optional else { continue }
        if needsFigure { needsNumber = true }
        requirements += required
      case .placeholder(let name, let optional):
        endRun()
        guard !optional else { continue }
        if PlaceholderCatalog.valueKinds[name] != nil || name == "date" {
          needsNumber = true
        }
      case .breaker:
        endRun()
      }
    }
    endRun()
  }
}

/// Case folding for the prefilter: ASCII and Latin-1 letters, byte for byte, so lengths never change.
package enum CaseFolding {
  /// Whether a scalar is a Latin-1 letter (U+00C0…U+00FF), which folds within two UTF-8 bytes.
  package static func isLatin1(_ scalar: Unicode.Scalar) -> Bool {
    (0xC0...0xFF).contains(scalar.value) && scalar.value != 0xD7 && scalar.value != 0xF7
  }

  /// Lower-cases ASCII letters and Latin-1 capitals (À…Þ) in UTF-8 bytes; everything else is kept.
  package static func fold(_ bytes: [UInt8]) -> [UInt8] {
    var folded = bytes
    fold(&folded)
    return folded
  }

  /// In-place version of ``fold(_:)-swift.type.method``.
  package static func fold(_ bytes: inout [UInt8]) {
    let count = bytes.count
    bytes.withUnsafeMutableBufferPointer { buffer in
      var i = 0
      while i < count {
        let b = buffer[i]
        if b >= 0x41 && b <= 0x5A {
          buffer[i] = b | 0x20
        } else if b == 0xC3 && i + 1 < count {
          let next = buffer[i + 1]
          if next >= 0x80 && next <= 0x9E && next != 0x97 { buffer[i + 1] = next + 0x20 }
          i += 1
        }
        i += 1
      }
    }
  }
}
