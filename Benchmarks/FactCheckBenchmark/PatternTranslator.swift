/// Rewrites an expanded PCRE2 rule pattern for another regex engine.
///
/// - For ICU (`NSRegularExpression`) the rewrite is exact: subroutine calls `(?&name)` are replaced by the
///   body of the named group (PCRE2 ≥ 10.30 treats calls as non-atomic, so inlining matches the same
///   texts) and the `(?(DEFINE)…)` block is removed. Everything else is left to ICU.
/// - For ripgrep's default engine (Rust `regex`, no look-around, no backtracking constructs) the rewrite
///   also turns capturing groups into non-capturing ones (exact for counting), and *relaxes* what the
///   engine cannot express: look-arounds are removed and atomic groups / possessive quantifiers become
///   ordinary ones, so the translated pattern matches a superset of the original. Constructs with no
///   such relaxation (back-references, `\K`, recursion, conditionals other than DEFINE, verbs) make the
///   pattern untranslatable; the caller drops and counts it.
struct PatternTranslator {
  enum Target { case icu, rust }

  /// What a translation did.
  struct Outcome {
    var pattern: String?
    /// Subroutine calls were inlined (exact).
    var inlinedCalls = false
    /// Look-arounds were removed (the pattern matches more).
    var removedLookarounds = false
    /// Atomic groups or possessive quantifiers became ordinary ones.
    var relaxedAtomic = false
    /// Why the pattern could not be translated.
    var unsupported: String?
    var isExact: Bool { pattern != nil && !removedLookarounds && !relaxedAtomic }
  }

  indirect enum Node {
    /// Text copied as is (a literal, `.`, `^`, an escape such as `\x{A0}` or `\p{L}`).
    case raw(String)
    /// An escaped punctuation character (`\-`, `\'`).
    case escaped(Character)
    /// A PCRE escape letter that needs target-specific handling (`h`, `v`, `N`, `R`, `e`, `Z`, `K`, `G`, …).
    case special(Character)
    /// A character class, its content between the brackets (negation included).
    case characterClass([Character])
    case group(GroupKind, [[Item]])
    /// `(?&name)`, `(?P>name)`.
    case call(String)
    /// A construct that has no translation at all.
    case unsupported(String)
    /// `(?i)` style option setting.
    case optionSetting(String)
  }

  enum GroupKind: Equatable {
    case capture, named(String), nonCapture(flags: String), atomic, branchReset
    case lookahead(negative: Bool), lookbehind(negative: Bool)
    case define, conditional(String)
  }

  struct Item {
    var node: Node
    var quantifier: String = ""
  }

  // MARK: - Parsing

  private let chars: [Character]
  private var position = 0
  private(set) var definitions: [String: [[Item]]] = [:]
  private var parseError: String?

  private init(_ pattern: String) { chars = Array(pattern) }

  static func translate(_ pattern: String, caseless: Bool, target: Target) -> Outcome {
    var parser = PatternTranslator(pattern)
    let tree = parser.parseAlternatives()
    if let error = parser.parseError { return Outcome(pattern: nil, unsupported: error) }
    if parser.position < parser.chars.count { return Outcome(pattern: nil, unsupported: "unbalanced parenthesis") }
    var writer = Writer(target: target, caseless: caseless, definitions: parser.definitions)
    let text = writer.write(tree)
    var outcome = writer.outcome
    if outcome.unsupported == nil { outcome.pattern = text }
    return outcome
  }

  private var atEnd: Bool { position >= chars.count }
  private func peek(_ offset: Int = 0) -> Character? {
    position + offset < chars.count ? chars[position + offset] : nil
  }
  private func lookingAt(_ text: String) -> Bool {
    var index = position
    for character in text {
      guard index < chars.count, chars[index] == character else { return false }
      index += 1
    }
    return true
  }

  private mutating func parseAlternatives() -> [[Item]] {
    var alternatives: [[Item]] = [[]]
    while !atEnd && parseError == nil {
      let character = chars[position]
      if character == ")" { break }
      if character == "|" {
        position += 1
        alternatives.append([])
        continue
      }
      guard let node = parseAtom() else { continue }
      var item = Item(node: node)
      item.quantifier = parseQuantifier()
      alternatives[alternatives.count - 1].append(item)
    }
    return alternatives
  }

  private mutating func parseQuantifier() -> String {
    guard let character = peek() else { return "" }
    var quantifier = ""
    if character == "*" || character == "+" || character == "?" {
      quantifier = String(character)
      position += 1
    } else if character == "{" {
      var index = position + 1
      var body = ""
      while index < chars.count, chars[index].isNumber || chars[index] == "," { body.append(chars[index]); index += 1 }
      guard index < chars.count, chars[index] == "}", let first = body.first, first.isNumber else { return "" }
      quantifier = "{" + body + "}"
      position = index + 1
    } else {
      return ""
    }
    if let mode = peek(), mode == "?" || mode == "+" {
      quantifier.append(mode)
      position += 1
    }
    return quantifier
  }

  private mutating func parseAtom() -> Node? {
    let character = chars[position]
    switch character {
    case "\\": return parseEscape()
    case "[": return parseClass()
    case "(": return parseGroup()
    default:
      position += 1
      return .raw(String(character))
    }
  }

  private mutating func parseEscape() -> Node {
    position += 1
    guard let letter = peek() else { parseError = "trailing backslash"; return .raw("") }
    position += 1
    switch letter {
    case "x", "p", "P", "o":
      var text = "\\" + String(letter)
      if peek() == "{" {
        while let next = peek() { text.append(next); position += 1; if next == "}" { break } }
      } else if letter == "x" {
        for _ in 0..<2 where peek()?.isHexDigit == true { text.append(peek()!); position += 1 }
      } else if let next = peek() {
        text.append(next); position += 1
      }
      return .raw(text)
    case "Q":
      var literal = ""
      while !atEnd && !lookingAt("\\E") { literal.append(chars[position]); position += 1 }
      if lookingAt("\\E") { position += 2 }
      return .group(.nonCapture(flags: ""), [literal.map { Item(node: $0.isLetter || $0.isNumber || $0 == " " ? .raw(String($0)) : .escaped($0)) }])
    case "E": return .raw("")
    case "1"..."9": return .unsupported("back-reference")
    case "g", "k": return .unsupported("back-reference or \\g subroutine call")
    case "d", "D", "s", "S", "w", "W", "b", "B", "A", "z", "t", "n", "r", "f", "a", "0":
      return .raw("\\" + String(letter))
    case "h", "H", "v", "V", "N", "R", "e", "Z", "K", "G", "X", "C":
      return .special(letter)
    default:
      if letter.isLetter || letter.isNumber { return .unsupported("escape \\\(letter)") }
      return .escaped(letter)
    }
  }

  private mutating func parseClass() -> Node {
    position += 1
    var content: [Character] = []
    if peek() == "^" { content.append("^"); position += 1 }
    if peek() == "]" { content.append(contentsOf: "\\]"); position += 1 }
    while let character = peek() {
      if character == "]" { position += 1; return .characterClass(content) }
      if character == "\\" {
        content.append(character)
        position += 1
        if let next = peek() {
          content.append(next)
          position += 1
          if (next == "x" || next == "p" || next == "P") && peek() == "{" {
            while let inner = peek() { content.append(inner); position += 1; if inner == "}" { break } }
          } else if next == "p" || next == "P", let inner = peek() {
            content.append(inner); position += 1
          }
        }
        continue
      }
      if character == "[" && peek(1) == ":" {
        // POSIX class [:alpha:]
        while let inner = peek() {
          content.append(inner); position += 1
          if inner == "]" && content.count >= 2 && content[content.count - 2] == ":" { break }
        }
        continue
      }
      content.append(character)
      position += 1
    }
    parseError = "unterminated character class"
    return .characterClass(content)
  }

  private mutating func parseGroup() -> Node {
    if lookingAt("(*") {
      while let character = peek() { position += 1; if character == ")" { break } }
      return .unsupported("backtracking verb")
    }
    position += 1  // (
    var kind: GroupKind = .capture
    if peek() == "?" {
      position += 1
      if lookingAt("#") {
        while let character = peek() { position += 1; if character == ")" { break } }
        return .raw("")
      } else if lookingAt(":") { position += 1; kind = .nonCapture(flags: "")
      } else if lookingAt(">") { position += 1; kind = .atomic
      } else if lookingAt("|") { position += 1; kind = .branchReset
      } else if lookingAt("=") { position += 1; kind = .lookahead(negative: false)
      } else if lookingAt("!") { position += 1; kind = .lookahead(negative: true)
      } else if lookingAt("<=") { position += 2; kind = .lookbehind(negative: false)
      } else if lookingAt("<!") { position += 2; kind = .lookbehind(negative: true)
      } else if lookingAt("&") || lookingAt("P>") {
        position += lookingAt("&") ? 1 : 2
        var name = ""
        while let character = peek(), character != ")" { name.append(character); position += 1 }
        position += 1
        return .call(name)
      } else if lookingAt("<") || lookingAt("P<") || lookingAt("'") {
        position += lookingAt("P<") ? 2 : 1
        var name = ""
        while let character = peek(), character != ">" && character != "'" { name.append(character); position += 1 }
        position += 1
        kind = .named(name)
      } else if lookingAt("(") {
        position += 1
        var condition = ""
        while let character = peek(), character != ")" { condition.append(character); position += 1 }
        position += 1
        kind = condition == "DEFINE" ? .define : .conditional(condition)
      } else if lookingAt("R") || (peek()?.isNumber == true) || ((lookingAt("+") || lookingAt("-")) && peek(1)?.isNumber == true) {
        while let character = peek() { position += 1; if character == ")" { break } }
        return .unsupported("recursion or numbered subroutine call")
      } else {
        // Option letters: (?i) (?-i) (?i:…) (?-i:…)
        var flags = ""
        while let character = peek(), character != ")" && character != ":" { flags.append(character); position += 1 }
        if peek() == ")" {
          position += 1
          return .optionSetting(flags)
        }
        position += 1
        kind = .nonCapture(flags: flags)
      }
    }
    let body = parseAlternatives()
    guard peek() == ")" else {
      parseError = "missing )"
      return .raw("")
    }
    position += 1
    if kind == .define {
      collectDefinitions(body)
    }
    return .group(kind, body)
  }

  private mutating func collectDefinitions(_ alternatives: [[Item]]) {
    for alternative in alternatives {
      for item in alternative {
        if case .group(let kind, let body) = item.node {
          if case .named(let name) = kind { definitions[name] = body }
          collectDefinitions(body)
        }
      }
    }
  }

  // MARK: - Writing

  private struct Writer {
    let target: Target
    let caseless: Bool
    let definitions: [String: [[Item]]]
    var outcome = Outcome()
    var callStack: [String] = []

    /// Punctuation that Rust's regex (regex-syntax 0.6, ripgrep 13) accepts escaped.
    static let rustEscapable: Set<Character> = Set("\\.+*?()|[]{}^$#&-~")

    init(target: Target, caseless: Bool, definitions: [String: [[Item]]]) {
      self.target = target
      self.caseless = caseless
      self.definitions = definitions
    }

    mutating func write(_ alternatives: [[Item]]) -> String {
      alternatives.map { write(sequence: $0) }.joined(separator: "|")
    }

    mutating func write(sequence: [Item]) -> String {
      var text = ""
      for item in sequence {
        guard let atom = write(node: item.node) else { continue }  // removed: its quantifier goes too
        var quantifier = item.quantifier
        if target == .rust && quantifier.count > 1 && quantifier.hasSuffix("+") {
          quantifier.removeLast()
          outcome.relaxedAtomic = true
        }
        text += atom + quantifier
      }
      return text
    }

    /// The node's text, or `nil` when it is removed.
    mutating func write(node: Node) -> String? {
      switch node {
      case .raw(let text): return text
      case .escaped(let character):
        if target == .rust && !Writer.rustEscapable.contains(character) { return String(character) }
        return "\\" + String(character)
      case .special(let letter): return special(letter)
      case .characterClass(let content): return "[" + writeClass(content) + "]"
      case .optionSetting(let flags): return "(?" + flags + ")"
      case .unsupported(let reason):
        outcome.unsupported = outcome.unsupported ?? reason
        return ""
      case .call(let name):
        guard let body = definitions[name] else {
          outcome.unsupported = outcome.unsupported ?? "call of an undefined group \(name)"
          return ""
        }
        guard !callStack.contains(name) else {
          outcome.unsupported = outcome.unsupported ?? "recursive subroutine call"
          return ""
        }
        outcome.inlinedCalls = true
        callStack.append(name)
        // The body runs with the options in force where the group is defined: the pattern's own.
        let text = "(?" + (caseless ? "i" : "-i") + ":" + writeInlined(body) + ")"
        callStack.removeLast()
        return text
      case .group(let kind, let body):
        switch kind {
        case .define: return nil
        case .conditional:
          outcome.unsupported = outcome.unsupported ?? "conditional group"
          return ""
        case .lookahead(let negative), .lookbehind(let negative):
          if target == .rust {
            outcome.removedLookarounds = true
            return nil
          }
          let opener: String
          if case .lookahead = kind { opener = negative ? "(?!" : "(?=" } else { opener = negative ? "(?<!" : "(?<=" }
          return opener + write(body) + ")"
        case .capture: return (target == .rust ? "(?:" : "(") + write(body) + ")"
        case .named(let name):
          if target == .rust || !callStack.isEmpty { return "(?:" + write(body) + ")" }
          return "(?<" + name + ">" + write(body) + ")"
        case .nonCapture(let flags): return "(?" + flags + ":" + write(body) + ")"
        case .branchReset: return "(?:" + write(body) + ")"
        case .atomic:
          if target == .rust {
            outcome.relaxedAtomic = true
            return "(?:" + write(body) + ")"
          }
          return "(?>" + write(body) + ")"
        }
      }
    }

    /// A group body inlined at a call: its own named groups become non-capturing (names must stay unique).
    mutating func writeInlined(_ body: [[Item]]) -> String { write(body) }

    mutating func special(_ letter: Character) -> String {
      let horizontal = "\\t\\x{20}\\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}"
      let vertical = "\\n\\x{0B}\\x{0C}\\r\\x{85}\\x{2028}\\x{2029}"
      switch letter {
      case "h": return target == .rust ? "[" + horizontal + "]" : "\\h"
      case "H": return target == .rust ? "[^" + horizontal + "]" : "\\H"
      case "v": return target == .rust ? "[" + vertical + "]" : "\\v"
      case "V": return target == .rust ? "[^" + vertical + "]" : "\\V"
      case "N": return target == .rust ? "[^\\n]" : "[^\\n]"
      case "R": return "(?:\\r\\n|[" + vertical + "])"
      case "e": return "\\x{1B}"
      case "Z": return target == .rust ? "(?:\\n?\\z)" : "\\Z"
      default:
        outcome.unsupported = outcome.unsupported ?? "escape \\\(letter)"
        return ""
      }
    }

    mutating func writeClass(_ content: [Character]) -> String {
      guard target == .rust else { return String(content) }
      var text = ""
      var index = 0
      while index < content.count {
        let character = content[index]
        if character == "\\", index + 1 < content.count {
          let next = content[index + 1]
          if next.isLetter || next.isNumber {
            // Keep escapes such as \x{A0}, \p{L}, \d, \t; their braces follow as plain characters.
            switch next {
            case "h": text += "\\t\\x{20}\\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}"
            case "v": text += "\\n\\x{0B}\\x{0C}\\r\\x{85}\\x{2028}\\x{2029}"
            case "b": text += "\\x{08}"
            case "e": text += "\\x{1B}"
            default: text += "\\" + String(next)
            }
            index += 2
            continue
          }
          text += Writer.rustEscapable.contains(next) ? "\\" + String(next) : String(next)
          index += 2
          continue
        }
        if character == "[" && index + 1 < content.count && content[index + 1] == ":" {
          // POSIX class: copy to its closing ":]".
          var end = index + 2
          while end + 1 < content.count && !(content[end] == ":" && content[end + 1] == "]") { end += 1 }
          text += String(content[index...min(end + 1, content.count - 1)])
          index = end + 2
          continue
        }
        switch character {
        case "[": text += "\\["
        case "&": text += "\\&"
        case "~": text += "\\~"
        default: text.append(character)
        }
        index += 1
      }
      return text
    }
  }
}
