import FactCheckModel

/// One placeholder use in a pattern and the named group that captures it.
package struct PlaceholderSlot: Sendable, Hashable {
  /// What the captured text is.
  package enum Role: Sendable, Hashable {
    /// A figure of this kind.
    case value(ValueKind)
    /// A hedge or bound word (`{approx}`).
    case hedge
    /// A period expression (`{when}`).
    case period
    /// An entity name (`{entity}`).
    case entity
    /// A date (`{date}`), for datelines.
    case date
    /// A countable noun (`{noun}`), the unit of a generic quantity.
    case noun
    /// A lexicon fragment (`{staff}`); captured so a rule can use it as a scope.
    case fragment(String)
  }

  /// What the slot captures.
  package var role: Role { fields.role }
  /// The placeholder name as written (`count`).
  package var name: String { fields.name }
  /// The label after the colon (`before` in `{count:before}`), if any.
  package var label: String? { fields.label }
  /// The PCRE2 group name (`s0`, `s1`, …).
  package var group: String { fields.group }
  /// Byte range of the placeholder in the rule's pattern text.
  package var sourceRange: Range<Int> { fields.sourceRange }

  /// The fields, behind one reference. The normaliser filters a rule's slots for every claim, copying them
  /// (issue 15: 190,000 copies on 600 articles), and a copy of the four strings retained and released each.
  private final class Fields: Sendable {
    let role: Role
    let name: String
    let label: String?
    let group: String
    let sourceRange: Range<Int>

    init(role: Role, name: String, label: String?, group: String, sourceRange: Range<Int>) {
      (self.role, self.name, self.label, self.group, self.sourceRange) = (role, name, label, group, sourceRange)
    }
  }

  private let fields: Fields

  package init(role: Role, name: String, label: String?, group: String, sourceRange: Range<Int>) {
    fields = Fields(role: role, name: name, label: label, group: group, sourceRange: sourceRange)
  }

  package static func == (lhs: PlaceholderSlot, rhs: PlaceholderSlot) -> Bool {
    lhs.fields === rhs.fields
      || (lhs.role == rhs.role && lhs.name == rhs.name && lhs.label == rhs.label && lhs.group == rhs.group
        && lhs.sourceRange == rhs.sourceRange)
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(role)
    hasher.combine(name)
    hasher.combine(label)
    hasher.combine(group)
    hasher.combine(sourceRange)
  }
}

/// A rule pattern with its placeholders expanded into PCRE2 syntax.
package struct ExpandedPattern: Sendable {
  /// A piece of the output and the bytes of the source it came from.
  package struct Piece: Sendable {
    package let output: Range<Int>
    package let source: Range<Int>
    package let isPlaceholder: Bool
  }

  /// The PCRE2 pattern's UTF-8, as compiled.
  package let regexUTF8: [UInt8]
  /// The PCRE2 pattern.
  package var regex: String { String(decoding: regexUTF8, as: UTF8.self) }
  /// Placeholder uses, in pattern order.
  package let slots: [PlaceholderSlot]
  /// Output ↔ source correspondence, for mapping PCRE2 error offsets back into the rule file.
  package let pieces: [Piece]

  init(regex: String, slots: [PlaceholderSlot], pieces: [Piece]) {
    self.init(regexUTF8: Array(regex.utf8), slots: slots, pieces: pieces)
  }

  /// An expansion whose pattern is these bytes, which must be UTF-8 (they are compiled as such).
  init(regexUTF8: [UInt8], slots: [PlaceholderSlot], pieces: [Piece]) {
    self.regexUTF8 = regexUTF8
    self.slots = slots
    self.pieces = pieces
  }

  /// The byte offset in the rule's pattern text that produced output byte `offset`.
  ///
  /// An offset inside a placeholder's expansion maps to the placeholder itself; one in copied text maps
  /// to the same character of the source.
  package func sourceOffset(forOutputOffset offset: Int) -> Int {
    for piece in pieces where piece.output.contains(offset) || (piece.output.isEmpty && piece.output.lowerBound == offset) {
      if piece.isPlaceholder { return piece.source.lowerBound }
      return min(piece.source.upperBound, piece.source.lowerBound + (offset - piece.output.lowerBound))
    }
    return pieces.last?.source.upperBound ?? 0
  }
}

/// Expands `{placeholders}` in rule patterns, and turns the pattern's typography into regex:
/// a space matches any run of spacing (no-break spaces and line breaks included), an apostrophe matches
/// ' and ’, and an optional placeholder (`{when}?`) takes its neighbouring space with it so that
/// "emploie {when}? {count}" matches "emploie 3 800" as well as "emploie actuellement 3 800".
package enum PlaceholderExpander {
  /// Why a pattern could not be expanded.
  package enum Failure: Error, Equatable {
    case unknownPlaceholder(name: String, at: Range<Int>)
    case unbalancedBrace(at: Int)
    /// `{words:…}` without a valid `MIN-MAX` (or `MAX`) count.
    case invalidGap(label: String, at: Range<Int>)
  }

  /// The name of the gap placeholder: `{words:0-3}` skips zero to three words, as few as will do.
  package static let gapName = "words"

  /// The regex of a gap of `label` words (`2`, `0-3`), each word followed by its spacing; `nil` when the
  /// label is not a count. Lazy, so the rest of the pattern decides how many words are skipped.
  package static func gap(_ label: String?) -> String? {
    guard let label else { return nil }
    let bounds = label.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingWhitespace()) }
    let low: Int, high: Int
    switch bounds.count {
    case 1: (low, high) = (0, bounds[0] ?? -1)
    case 2: (low, high) = (bounds[0] ?? -1, bounds[1] ?? -1)
    default: return nil
    }
    guard low >= 0, high >= low, high <= 20 else { return nil }
    return "(?:\\p{L}[\\p{L}\\p{N}\(RegexFragments.apostrophe.dropFirst().dropLast())-]*\(RegexFragments.space)){\(low),\(high)}?"
  }

  private enum Token {
    case raw(String, Range<Int>)
    case space(Range<Int>)
    case placeholder(name: String, label: String?, optional: Bool, Range<Int>)
  }

  /// Expands `pattern` with `catalog`.
  ///
  /// - Parameter knownElsewhere: placeholder names other lexicons define, to tell "unknown" from "not in this language".
  /// - Parameter writesLeadingOut: Whether a placeholder used several times is written out where a match
  ///   may start (false: called everywhere, the smallest pattern, for one that is too large otherwise).
  package static func expand(_ pattern: String, catalog: PlaceholderCatalog, writesLeadingOut: Bool = true) throws(Failure) -> ExpandedPattern {
    let tokens = try tokenize(pattern, allowPlaceholders: true)
    // A placeholder used more than once is defined once and called (PCRE2 subroutine calls), which
    // keeps patterns with several figures under PCRE2's size limit.
    var uses: [String: Int] = [:]
    for token in tokens { if case .placeholder(let name, _, _, _) = token { uses[name, default: 0] += 1 } }
    let shared = Set(uses.filter { $0.value > 1 && catalog.builtins[$0.key] != nil }.keys)
    var definitions: [String: String] = [:]
    var output = ""
    var pieces: [ExpandedPattern.Piece] = []
    var slots: [PlaceholderSlot] = []
    var index = 0
    // Whether the next placeholder may be where a match starts: at the pattern's start or an alternative's,
    // or after optional placeholders there. Such a use is written out, never called: PCRE2 takes no start
    // information through a subroutine call, and without it tries the pattern at every position of the text
    // (issue 15: a fifth of the matching time); later uses keep the call, which keeps patterns small.
    var leading = writesLeadingOut

    func append(_ text: String, source: Range<Int>, placeholder: Bool) {
      let start = output.utf8.count
      output += text
      pieces.append(.init(output: start..<output.utf8.count, source: source, isPlaceholder: placeholder))
    }

    while index < tokens.count {
      switch tokens[index] {
      case .raw(let text, let range):
        append(text, source: range, placeholder: false)
        leading = writesLeadingOut && (text.hasSuffix("(?:") || text.hasSuffix("|") || text.hasSuffix("("))
      case .space(let range):
        // A space before an optional placeholder that ends the pattern or precedes a non-space goes
        // inside the optional group, so it is not required when the placeholder is absent.
        if index + 1 < tokens.count, case .placeholder(_, _, true, _) = tokens[index + 1],
          !(index + 2 < tokens.count && { if case .space = tokens[index + 2] { return true } else { return false } }())
        {
          index += 1
          guard case .placeholder(let name, let label, _, let prange) = tokens[index] else { break }
          let group = try slot(name, label, prange, catalog, &slots, shared: leading ? [] : shared, definitions: &definitions)
          leading = false
          append("(?:\(RegexFragments.space)\(group))?", source: range.lowerBound..<prange.upperBound, placeholder: true)
        } else {
          append(RegexFragments.space, source: range, placeholder: false)
          leading = false
        }
      case .placeholder(let name, let label, _, let range) where name == gapName:
        // A gap ends with its own spacing, so it takes the space after it: "cut {words:0-2} {count}".
        guard let gap = gap(label) else { throw .invalidGap(label: label ?? "", at: range) }
        var source = range
        if index + 1 < tokens.count, case .space(let spaceRange) = tokens[index + 1] {
          source = range.lowerBound..<spaceRange.upperBound
          index += 1
        }
        append(gap, source: source, placeholder: true)
        leading = false
      case .placeholder(let name, let label, let optional, let range):
        let group = try slot(name, label, range, catalog, &slots, shared: leading ? [] : shared, definitions: &definitions)
        leading = leading && optional
        if optional, index + 1 < tokens.count, case .space(let spaceRange) = tokens[index + 1] {
          // A hedge may be glued to the figure in extracted copy ("about14,000").
          let spacing = name == "approx" ? String(RegexFragments.space.dropLast()) + "*" : RegexFragments.space
          append("(?:\(group)\(spacing))?", source: range.lowerBound..<spaceRange.upperBound, placeholder: true)
          index += 1
        } else {
          append(optional ? "(?:\(group))?" : group, source: range, placeholder: true)
        }
      }
      index += 1
    }
    // A rule never starts or ends inside a word ("lève" must not match in "s'élèvent"). A pattern that
    // starts with a placeholder keeps the placeholder's own boundary, so "about14,000" still reads.
    if let first = pattern.first, first != "{" {
      let prefix = RegexFragments.wordStart
      output = prefix + output
      pieces = pieces.map {
        ExpandedPattern.Piece(output: ($0.output.lowerBound + prefix.utf8.count)..<($0.output.upperBound + prefix.utf8.count),
                              source: $0.source, isPlaceholder: $0.isPlaceholder)
      }
      pieces.insert(ExpandedPattern.Piece(output: 0..<prefix.utf8.count, source: 0..<0, isPlaceholder: false), at: 0)
    }
    if let last = pattern.last, last.isLetter || last == ")" {
      output += RegexFragments.wordEnd
    }
    if !definitions.isEmpty {
      output += "(?(DEFINE)" + definitions.keys.sorted().map { "(?<d_\($0)>\(definitions[$0]!))" }.joined() + ")"
    }
    return ExpandedPattern(regex: output, slots: slots, pieces: pieces)
  }

  /// Turns a lexicon fragment's typography into regex (no placeholders inside fragments).
  package static func expandFragment(_ fragment: String) -> String { expandedFragment(fragment).regex }

  /// ``expandFragment(_:)`` with the pieces that map an offset of the regex back into the fragment, to
  /// place a PCRE2 error in the fragment's own value.
  package static func expandedFragment(_ fragment: String) -> ExpandedPattern {
    let whole = [ExpandedPattern.Piece(output: 0..<fragment.utf8.count, source: 0..<fragment.utf8.count, isPlaceholder: false)]
    guard let tokens = try? tokenize(fragment, allowPlaceholders: false) else {
      return ExpandedPattern(regex: fragment, slots: [], pieces: whole)
    }
    var output = ""
    var pieces: [ExpandedPattern.Piece] = []
    for token in tokens {
      let text: String
      let source: Range<Int>
      switch token {
      case .raw(let raw, let range): (text, source) = (raw, range)
      case .space(let range): (text, source) = (RegexFragments.space, range)
      case .placeholder: continue
      }
      let start = output.utf8.count
      output += text
      pieces.append(ExpandedPattern.Piece(output: start..<output.utf8.count, source: source, isPlaceholder: false))
    }
    return ExpandedPattern(regex: output, slots: [], pieces: pieces)
  }

  private static func slot(_ name: String, _ label: String?, _ range: Range<Int>, _ catalog: PlaceholderCatalog,
                           _ slots: inout [PlaceholderSlot], shared: Set<String>,
                           definitions: inout [String: String]) throws(Failure) -> String {
    // A built-in fragment is regex already; a lexicon's own was expanded once, in the catalog.
    guard let body = catalog.builtins[name] ?? catalog.expandedFragments[name] else {
      throw .unknownPlaceholder(name: name, at: range)
    }
    let role: PlaceholderSlot.Role
    if let kind = PlaceholderCatalog.valueKinds[name] {
      role = .value(kind)
    } else {
      switch name {
      case "approx": role = .hedge
      case "when": role = .period
      case "entity": role = .entity
      case "date": role = .date
      case "noun": role = .noun
      default: role = .fragment(name)
      }
    }
    let group = "s\(slots.count)"
    slots.append(PlaceholderSlot(role: role, name: name, label: label, group: group, sourceRange: range))
    if shared.contains(name) {
      definitions[name] = body
      return "(?<\(group)>(?&d_\(name)))"
    }
    return "(?<\(group)>\(body))"
  }

  private static func tokenize(_ pattern: String, allowPlaceholders: Bool) throws(Failure) -> [Token] {
    let bytes = Array(pattern.utf8)
    var tokens: [Token] = []
    var raw: [UInt8] = []
    var rawStart = 0
    var i = 0

    func flush(_ end: Int) {
      if !raw.isEmpty { tokens.append(.raw(String(decoding: raw, as: UTF8.self), rawStart..<end)) }
      raw = []
    }

    while i < bytes.count {
      let byte = bytes[i]
      if raw.isEmpty { rawStart = i }
      switch byte {
      case UInt8(ascii: "\\"):
        // An escape is copied as is, with its argument (\x{202F}, \p{L}).
        raw.append(byte)
        i += 1
        if i < bytes.count {
          raw.append(bytes[i])
          let escaped = bytes[i]
          i += 1
          if (escaped == UInt8(ascii: "x") || escaped == UInt8(ascii: "p") || escaped == UInt8(ascii: "P")
            || escaped == UInt8(ascii: "N")), i < bytes.count, bytes[i] == UInt8(ascii: "{")
          {
            while i < bytes.count && bytes[i] != UInt8(ascii: "}") { raw.append(bytes[i]); i += 1 }
            if i < bytes.count { raw.append(bytes[i]); i += 1 }
          }
        }
      case UInt8(ascii: "["):
        // A character class is copied verbatim; an apostrophe inside it also admits ’.
        var j = i + 1
        if j < bytes.count && bytes[j] == UInt8(ascii: "^") { j += 1 }
        if j < bytes.count && bytes[j] == UInt8(ascii: "]") { j += 1 }
        while j < bytes.count && bytes[j] != UInt8(ascii: "]") {
          if bytes[j] == UInt8(ascii: "\\") { j += 1 }
          j += 1
        }
        let end = min(j + 1, bytes.count)
        let cls = Array(bytes[i..<end])
        // An apostrophe in a class admits both ' and ’, whichever the author typed.
        let hasStraight = cls.contains(UInt8(ascii: "'"))
        let hasCurly = String(decoding: cls, as: UTF8.self).contains("\u{2019}")
        if (hasStraight || hasCurly), cls.count > 1 {
          // Inserted first in the class, so it can never become the end of a range ("[a-']"). The
          // insertion is a token of its own, so that offsets after it still map to the source.
          let at = cls.count > 1 && cls[1] == UInt8(ascii: "^") ? 2 : 1
          raw += cls[..<at]
          flush(i + at)
          tokens.append(.raw(hasStraight ? "\\x{2019}" : "'", (i + at)..<(i + at)))
          raw = Array(cls[at...])
          rawStart = i + at
        } else {
          raw += cls
        }
        i = end
      case UInt8(ascii: "{") where allowPlaceholders && i + 1 < bytes.count && isLetter(bytes[i + 1]):
        flush(i)
        guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else { throw .unbalancedBrace(at: i) }
        let inner = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
        let parts = inner.split(separator: ":", maxSplits: 1).map(String.init)
        var end = close + 1
        var optional = false
        if end < bytes.count && bytes[end] == UInt8(ascii: "?") {
          optional = true
          end += 1
        }
        tokens.append(.placeholder(name: parts[0], label: parts.count > 1 ? parts[1] : nil, optional: optional, i..<end))
        i = end
      case UInt8(ascii: " "):
        flush(i)
        var j = i
        while j < bytes.count && bytes[j] == UInt8(ascii: " ") { j += 1 }
        // A quantified space ("a ?b") stays literal regex, as the author wrote it.
        if j < bytes.count && (bytes[j] == UInt8(ascii: "?") || bytes[j] == UInt8(ascii: "*") || bytes[j] == UInt8(ascii: "+")) {
          // A token of its own, so that offsets after it still map to the source.
          tokens.append(.raw("(?:\(RegexFragments.space))", i..<j))
          i = j
        } else {
          tokens.append(.space(i..<j))
          i = j
        }
      case UInt8(ascii: "'"):
        flush(i)
        tokens.append(.raw(RegexFragments.apostrophe, i..<(i + 1)))
        i += 1
      case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99:  // ’
        flush(i)
        tokens.append(.raw(RegexFragments.apostrophe, i..<(i + 3)))
        i += 3
      default:
        raw.append(byte)
        i += 1
      }
    }
    flush(bytes.count)
    return tokens
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
