/// What ``MatchStarts`` reads a pattern as: characters, byte classes, groups and assertions, enough to say
/// what a match can open with.
indirect enum StartNode {
  /// One character, as UTF-8; `caseless`: compiled under PCRE2_CASELESS.
  case literal([UInt8], caseless: Bool)
  /// One character of a class (or a construct read as one): the bytes it can start with.
  case bytes(ByteSet)
  /// A group, or an element with a quantifier: its alternatives and how many times it may match (a
  /// `maximum` of `nil` has no bound).
  case group([[StartNode]], minimum: Int, maximum: Int?)
  /// A call of the named group (`(?&name)`), whose alternatives the parser keeps (``MatchStartsParser/groups``).
  case call(String)
  /// An assertion, which takes no text; for a negative look-behind of one character class, the class's
  /// ASCII members (nothing else is read from it).
  case zeroWidth(notAfter: ByteSet)

  static var anyByte: StartNode { .bytes(ByteSet(0...255)) }

  /// Whether a character matches, under caseless matching, only what the folded text holds in its place
  /// (``CaseFolding``: ASCII and Latin-1 letters fold byte for byte): not `s` or `k` (PCRE2 matches `ſ` and
  /// the kelvin sign with them), not `å`, `ÿ`, `µ`, `ß`, nor a letter outside Latin-1.
  static func foldsInPlace(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first else { return false }
    if first < 0x80 {
      let lower = first | 0x20
      return !(lower == UInt8(ascii: "s") || lower == UInt8(ascii: "k"))
    }
    guard bytes.count == 2 else { return !StartNode.hasCase(bytes) }
    if first == 0xC3 {
      // À…þ but å/Å (Å's other partner is the angstrom sign), ÿ (Ÿ is U+0178) and ß.
      return ![0xA5, 0x85, 0xBF, 0x9F].contains(bytes[1])
    }
    if first == 0xC2 { return bytes[1] != 0xB5 }  // µ
    return !StartNode.hasCase(bytes)
  }

  /// For a character the folded text does not hold in its place but one search still finds in one case or
  /// the other (`s`, `k`, `å`, `ÿ`, `µ`, `ß`), the lead bytes of its other cases; `nil` for any other.
  static func otherCaseLeads(_ bytes: [UInt8]) -> ByteSet? {
    switch bytes {
    case [UInt8(ascii: "s")], [UInt8(ascii: "S")]: return ByteSet([0xC5])  // ſ U+017F
    case [UInt8(ascii: "k")], [UInt8(ascii: "K")]: return ByteSet([0xE2])  // kelvin sign U+212A
    case [0xC3, 0xA5], [0xC3, 0x85]: return ByteSet([0xE2])  // angstrom sign U+212B
    case [0xC3, 0xBF]: return ByteSet([0xC5])  // Ÿ U+0178
    case [0xC2, 0xB5]: return ByteSet([0xCE])  // Μ U+039C, μ U+03BC
    case [0xC3, 0x9F]: return ByteSet([0xE1])  // ẞ U+1E9E
    default: return nil
    }
  }

  private static func hasCase(_ bytes: [UInt8]) -> Bool {
    guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return true }
    return hasCase(scalar)
  }

  static func hasCase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.changesWhenCaseMapped || scalar.properties.changesWhenCaseFolded
  }

  /// The bytes a character can start with: its own first byte and, under caseless matching, its other
  /// cases' (every lead byte for a character outside ASCII, whose partners may lie anywhere).
  static func firstBytes(ofLiteral bytes: [UInt8], caseless: Bool) -> ByteSet {
    var set = ByteSet()
    guard let first = bytes.first else { return set }
    set.insert(first)
    guard caseless else { return set }
    if first < 0x80 {
      StartNode.insertCaseless(first, into: &set)
    } else {
      set.formUnion(ByteSet.leadBytes)
    }
    return set
  }

  /// Adds an ASCII byte's other case, and for `s` and `k` the lead bytes of `ſ` (C5) and the kelvin sign (E2).
  static func insertCaseless(_ byte: UInt8, into set: inout ByteSet) {
    let lower = byte | 0x20
    guard lower >= 0x61 && lower <= 0x7A else { return }
    set.insert(lower)
    set.insert(lower & ~0x20)
    if lower == UInt8(ascii: "s") { set.insert(0xC5) }
    if lower == UInt8(ascii: "k") { set.insert(0xE2) }
  }
}

/// Reads a PCRE2 pattern into ``StartNode``s. It follows the syntax the rule compiler writes, `(?(DEFINE)…)`
/// and the calls of its groups included, and fails (`nil`) on what would change how the rest is read
/// (`\Q…\E`, extended mode, another condition); a construct that takes text it cannot describe (a
/// back-reference, `.`) reads as any byte.
struct MatchStartsParser {
  let scalars: [Unicode.Scalar]
  var position = 0
  /// Each named group's alternatives, for the calls (`(?&d_approx)`: the rule compiler calls the
  /// placeholders it does not write out, defined once in a `(?(DEFINE)…)` group).
  var groups: [String: [[StartNode]]] = [:]
  private let caselessAtStart: Bool

  init(_ scalars: [Unicode.Scalar], caseless: Bool) {
    self.scalars = scalars
    caselessAtStart = caseless
  }

  mutating func parseAlternation() -> [[StartNode]]? {
    parseAlternation(caseless: caselessAtStart)
  }

  private var atEnd: Bool { position >= scalars.count }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    position + offset < scalars.count ? scalars[position + offset] : nil
  }

  /// Alternatives up to a closing parenthesis (not consumed) or the end. An option setting such as `(?i)`
  /// holds to the end of its group.
  private mutating func parseAlternation(caseless outer: Bool) -> [[StartNode]]? {
    var caseless = outer
    var alternatives: [[StartNode]] = [[]]
    while let c = peek(), c != ")" {
      if c == "|" {
        alternatives.append([])
        position += 1
        continue
      }
      guard let atom = parseAtom(caseless: &caseless) else { return nil }
      guard let node = atom else { continue }  // an option setting or a comment: nothing to match
      guard let quantified = parseQuantifier(node) else { return nil }
      alternatives[alternatives.count - 1].append(quantified)
    }
    return alternatives
  }

  /// One element: `nil` when the pattern cannot be read, `.some(nil)` for something that matches nothing
  /// (an option setting, a comment).
  private mutating func parseAtom(caseless: inout Bool) -> StartNode?? {
    let c = scalars[position]
    position += 1
    switch c {
    case "(": return parseGroup(caseless: &caseless)
    case "[": return parseClass(caseless: caseless).map { .bytes($0.first) }
    case "\\": return parseEscape(caseless: caseless, inClass: false).map(\.node)
    case ".": return StartNode.anyByte
    case "^", "$": return StartNode.zeroWidth(notAfter: ByteSet())
    case "*", "+", "?": return nil  // a quantifier with nothing to repeat
    case "{" where isQuantifier(at: position - 1): return nil
    default: return StartNode.literal(Array(String(c).utf8), caseless: caseless)
    }
  }

  private mutating func parseGroup(caseless: inout Bool) -> StartNode?? {
    guard peek() == "?" else {
      if peek() == "*" { return nil }  // a verb: (*SKIP), (*COMMIT)… change where the scan goes on
      return parseGroupBody(caseless: caseless) { .group($0, minimum: 1, maximum: 1) }
    }
    position += 1
    guard let k = peek() else { return nil }
    switch k {
    case ":", "|", ">":
      position += 1
      return parseGroupBody(caseless: caseless) { .group($0, minimum: 1, maximum: 1) }
    case "=", "!":
      position += 1
      return parseGroupBody(caseless: caseless) { _ in .zeroWidth(notAfter: ByteSet()) }
    case "<" where peek(1) == "=":
      position += 2
      return parseGroupBody(caseless: caseless) { _ in .zeroWidth(notAfter: ByteSet()) }
    case "<" where peek(1) == "!":
      position += 2
      let start = position
      let inner = caseless
      return parseGroupBody(caseless: caseless) { [scalars] alternatives in
        .zeroWidth(notAfter: MatchStartsParser.exactASCII(of: Array(scalars[start..<scalars.count]), alternatives, caseless: inner))
      }
    case "<", "'", "P":
      // A named group; (?P=name) and (?P>name) are a back-reference and a call.
      if k == "P" && peek(1) != "<" { return nil }
      position += k == "P" ? 2 : 1
      var name = ""
      while let n = peek(), n != ">" && n != "'" {
        name.unicodeScalars.append(n)
        position += 1
      }
      guard peek() != nil else { return nil }
      position += 1
      guard let group = parseGroupBody(caseless: caseless, { .group($0, minimum: 1, maximum: 1) }),
        case .group(let alternatives, _, _)? = group
      else { return nil }
      groups[name] = alternatives
      return group
    case "&":
      position += 1
      var name = ""
      while let n = peek(), n != ")" {
        name.unicodeScalars.append(n)
        position += 1
      }
      guard peek() == ")" else { return nil }
      position += 1
      return StartNode.call(name)
    case "(" where scalars[position...].starts(with: Array("(DEFINE)".unicodeScalars)):
      // Definitions only: the group matches nothing where it stands.
      position += "(DEFINE)".unicodeScalars.count
      guard parseGroupBody(caseless: caseless, { _ in .zeroWidth(notAfter: ByteSet()) }) != nil else { return nil }
      return StartNode.zeroWidth(notAfter: ByteSet())
    case "#":
      while let n = peek(), n != ")" { position += 1 }
      guard peek() != nil else { return nil }
      position += 1
      return .some(nil)
    default:
      // Option letters: (?i) (?-i) (?i: (?-i:… Only i changes what this analysis reads; x would change
      // how the pattern is written, so it is not read.
      var on = true
      var setting = caseless
      while let n = peek(), n != ")" && n != ":" {
        switch n {
        case "-": on = false
        case "i": setting = on
        case "x", "X": return nil
        case "m", "n", "s", "J", "U", "^": break
        default: return nil  // a condition, a call, recursion, a callout…
        }
        position += 1
      }
      guard let end = peek() else { return nil }
      position += 1
      if end == ")" {
        caseless = setting
        return .some(nil)
      }
      return parseGroupBody(caseless: setting) { .group($0, minimum: 1, maximum: 1) }
    }
  }

  private mutating func parseGroupBody(caseless: Bool, _ make: ([[StartNode]]) -> StartNode) -> StartNode?? {
    guard let alternatives = parseAlternation(caseless: caseless), peek() == ")" else { return nil }
    position += 1
    return make(alternatives)
  }

  /// The ASCII bytes a negative look-behind of one character rules out before the position it guards:
  /// only for a body of one class or one character whose ASCII members are read exactly; else none.
  private static func exactASCII(of text: [Unicode.Scalar], _ alternatives: [[StartNode]], caseless: Bool) -> ByteSet {
    guard alternatives.count == 1, alternatives[0].count == 1 else { return ByteSet() }
    var parser = MatchStartsParser(text, caseless: caseless)
    switch text.first {
    case "[":
      parser.position = 1
      return parser.parseClass(caseless: caseless)?.exact ?? ByteSet()
    case "\\":
      parser.position = 1
      return parser.parseEscape(caseless: caseless, inClass: false)?.exact ?? ByteSet()
    default:
      guard case .literal(let bytes, _) = alternatives[0][0], bytes.count == 1 else { return ByteSet() }
      var set = ByteSet([bytes[0]])
      if caseless { StartNode.insertCaseless(bytes[0], into: &set) }
      // `s` and `k` under caseless matching rule out non-ASCII characters too, which is no ASCII member.
      return set
    }
  }

  private func isQuantifier(at index: Int) -> Bool {
    guard index < scalars.count, scalars[index] == "{" else { return true }
    var i = index + 1
    var digits = 0
    while i < scalars.count, scalars[i].properties.numericType != nil, scalars[i].isASCII {
      digits += 1
      i += 1
    }
    guard digits > 0, i < scalars.count else { return false }
    if scalars[i] == "}" { return true }
    guard scalars[i] == "," else { return false }
    i += 1
    while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType != nil { i += 1 }
    return i < scalars.count && scalars[i] == "}"
  }

  /// Reads a quantifier after `node`, if any: the element becomes a group with its minimum count. `nil`
  /// when a `{` is text PCRE2 10.42 would read literally (`{,3}`): not read here.
  private mutating func parseQuantifier(_ node: StartNode) -> StartNode? {
    guard let c = peek() else { return node }
    var minimum: Int
    var maximum: Int?
    switch c {
    case "?":
      (minimum, maximum) = (0, 1)
      position += 1
    case "*":
      (minimum, maximum) = (0, nil)
      position += 1
    case "+":
      (minimum, maximum) = (1, nil)
      position += 1
    case "{":
      guard isQuantifier(at: position) else { return nil }
      position += 1
      minimum = 0
      while let d = peek(), d != "," && d != "}" {
        minimum = minimum * 10 + Int(d.value - 0x30)
        position += 1
      }
      maximum = minimum
      if peek() == "," {
        position += 1
        maximum = peek() == "}" ? nil : 0
        while let d = peek(), d != "}" {
          maximum = maximum! * 10 + Int(d.value - 0x30)
          position += 1
        }
      }
      position += 1
    default:
      return node
    }
    if let suffix = peek(), suffix == "?" || suffix == "+" { position += 1 }
    if case .zeroWidth = node { return node }  // a repeated assertion is still an assertion
    if maximum == 0 { return .group([[]], minimum: 1, maximum: 1) }  // x{0}: matches nothing, takes nothing
    return .group([[node]], minimum: minimum, maximum: maximum)
  }

  // MARK: Escapes and classes

  /// One escape after its backslash: the node, and the exact ASCII members of what it matches when they are
  /// known (for look-behinds). `nil` for what this analysis does not read (`\G`, `\Q`).
  private mutating func parseEscape(caseless: Bool, inClass: Bool) -> (node: StartNode, first: ByteSet, exact: ByteSet?)? {
    guard let e = peek() else { return nil }
    position += 1
    func character(_ scalar: Unicode.Scalar) -> (node: StartNode, first: ByteSet, exact: ByteSet?) {
      let bytes = Array(String(scalar).utf8)
      var exact = ByteSet()
      if scalar.isASCII {
        exact.insert(UInt8(scalar.value))
        if caseless { StartNode.insertCaseless(UInt8(scalar.value), into: &exact) }
      }
      // Under caseless matching the kelvin sign and long s match ASCII letters: their ASCII members are not read.
      let exactKnown = !(caseless && (scalar.value == 0x212A || scalar.value == 0x17F))
      return (.literal(bytes, caseless: caseless), StartNode.firstBytes(ofLiteral: bytes, caseless: caseless), exactKnown ? exact : nil)
    }
    func set(_ first: ByteSet, exact: ByteSet?) -> (node: StartNode, first: ByteSet, exact: ByteSet?) {
      (.bytes(first), first, exact)
    }
    let digits = ByteSet(0x30...0x39)
    let letters = ByteSet(Array(0x41...0x5A) + Array(0x61...0x7A))
    switch e {
    case "x":
      if peek() == "{" {
        position += 1
        var value: UInt32 = 0
        while let h = peek(), h != "}" {
          guard let digit = h.properties.numericType != nil ? UInt32(String(h)) : hexLetter(h) else { return nil }
          value = value * 16 + digit
          position += 1
        }
        guard peek() == "}", let scalar = Unicode.Scalar(value) else { return nil }
        position += 1
        return character(scalar)
      }
      var value: UInt32 = 0
      for _ in 0..<2 {
        guard let h = peek(), let digit = h.properties.numericType != nil && h.isASCII ? UInt32(String(h)) : hexLetter(h) else { break }
        value = value * 16 + digit
        position += 1
      }
      return character(Unicode.Scalar(UInt8(value)))
    case "t": return character("\t")
    case "n": return character("\n")
    case "r": return character("\r")
    case "f": return character("\u{0C}")
    case "e": return character("\u{1B}")
    case "a": return character("\u{07}")
    case "b" where inClass: return character("\u{08}")
    case "d": return set(digits.union(ByteSet.leadBytes), exact: digits)
    case "w":
      let word = letters.union(digits).union(ByteSet([UInt8(ascii: "_")]))
      return set(word.union(ByteSet.leadBytes), exact: word)
    case "s":
      let space = ByteSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])
      return set(space.union(ByteSet.leadBytes), exact: space)
    case "h": return set(ByteSet([0x09, 0x20]).union(ByteSet.leadBytes), exact: ByteSet([0x09, 0x20]))
    case "v": return set(ByteSet(0x0A...0x0D).union(ByteSet.leadBytes), exact: ByteSet(0x0A...0x0D))
    case "p":
      var name = ""
      if peek() == "{" {
        position += 1
        while let n = peek(), n != "}" {
          name.unicodeScalars.append(n)
          position += 1
        }
        guard peek() == "}" else { return nil }
        position += 1
      } else if let n = peek() {
        name.unicodeScalars.append(n)
        position += 1
      }
      switch name {
      case "Lu" where !caseless:
        // Upper-case letters. Under caseless matching PCRE2 10.42 leaves \p{Lu} as it is, but the analysis
        // does not lean on that: there it stands for every letter.
        return set(ByteSet(0x41...0x5A).union(ByteSet.leadBytes), exact: nil)
      case "L", "L&", "Lu", "Ll", "Lt", "Lm", "Lo":
        return set(letters.union(ByteSet.leadBytes), exact: name == "L" ? letters : nil)
      case "N", "Nd": return set(digits.union(ByteSet.leadBytes), exact: digits)
      case "Nl", "No": return set(ByteSet.leadBytes, exact: ByteSet())
      case "Sc": return set(ByteSet([UInt8(ascii: "$")]).union(ByteSet.leadBytes), exact: ByteSet([UInt8(ascii: "$")]))
      case "Cf", "M", "Mn", "Mc", "Me": return set(ByteSet.leadBytes, exact: ByteSet())
      default: return set(ByteSet(0...255), exact: nil)
      }
    case "b", "B", "A", "Z", "z", "K":
      // Assertions (\K moves the reported start, not where the attempt starts).
      return (.zeroWidth(notAfter: ByteSet()), ByteSet(), nil)
    case "G", "Q", "E", "c", "o", "g", "k", "N", "R", "X", "C", "0"..."9":
      // \G anchors the scan; \Q…\E changes how the rest is read; the others are calls, back-references,
      // octal and control escapes, read nowhere in the rule compiler's output.
      if e == "G" || e == "Q" || e == "E" || e == "c" || e == "o" { return nil }
      return set(ByteSet(0...255), exact: nil)
    default:
      if e.properties.isAlphabetic || e.properties.numericType != nil { return set(ByteSet(0...255), exact: nil) }
      return character(e)
    }
  }

  private func hexLetter(_ h: Unicode.Scalar) -> UInt32? {
    switch h {
    case "a"..."f": return h.value - 0x61 + 10
    case "A"..."F": return h.value - 0x41 + 10
    default: return nil
    }
  }

  /// A class after its `[`: the bytes its character can start with, and its exact ASCII members when known.
  private mutating func parseClass(caseless: Bool) -> (first: ByteSet, exact: ByteSet?)? {
    var negated = false
    if peek() == "^" {
      negated = true
      position += 1
    }
    var first = ByteSet()
    var exact: ByteSet? = ByteSet()
    var isFirstItem = true
    while let c = peek(), c != "]" || isFirstItem {
      isFirstItem = false
      if c == "[" && peek(1) == ":" { return nil }  // POSIX classes are not read
      var low: Unicode.Scalar
      if c == "\\" {
        position += 1
        guard let escape = parseEscape(caseless: caseless, inClass: true) else { return nil }
        guard case .literal(let bytes, _) = escape.node, let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else {
          first.formUnion(escape.first)
          exact = escape.exact.flatMap { known in exact.map { $0.union(known) } }
          continue
        }
        low = scalar
      } else {
        low = c
        position += 1
      }
      var high = low
      if peek() == "-", let next = peek(1), next != "]" {
        position += 1
        if next == "\\" {
          position += 1
          guard let escape = parseEscape(caseless: caseless, inClass: true), case .literal(let bytes, _) = escape.node,
            let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first
          else { return nil }
          high = scalar
        } else {
          high = next
          position += 1
        }
      }
      guard low.value <= high.value else { return nil }
      addRange(low.value...high.value, caseless: caseless, first: &first, exact: &exact)
    }
    guard peek() == "]" else { return nil }
    position += 1
    if negated { return (ByteSet(0...255), nil) }
    return (first, exact)
  }

  private func addRange(_ range: ClosedRange<UInt32>, caseless: Bool, first: inout ByteSet, exact: inout ByteSet?) {
    if range.lowerBound < 0x80 {
      for value in range.lowerBound...min(range.upperBound, 0x7F) {
        first.insert(UInt8(value))
        exact?.insert(UInt8(value))
        if caseless {
          StartNode.insertCaseless(UInt8(value), into: &first)
          exact.map { known in
            var widened = known
            StartNode.insertCaseless(UInt8(value), into: &widened)
            exact = widened
          }
        }
      }
    }
    guard range.upperBound >= 0x80 else { return }
    // Under caseless matching a character outside ASCII may have other cases anywhere (the kelvin sign and
    // long s among ASCII letters); a short range is looked at character by character (digits have no case).
    if caseless && (range.count > 256 || range.contains { Unicode.Scalar($0).map(StartNode.hasCase) ?? false }) {
      first.formUnion(ByteSet.leadBytes)
      if range.contains(0x212A) || range.contains(0x17F) { exact = nil }
      return
    }
    let low = Unicode.Scalar(max(range.lowerBound, 0x80)).map { String($0).utf8.first! } ?? 0xC2
    let high = Unicode.Scalar(range.upperBound).map { String($0).utf8.first! } ?? 0xF4
    for lead in low...max(low, high) { first.insert(lead) }
  }
}
