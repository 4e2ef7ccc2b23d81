/// The pattern without the optional placeholders it opens with, to find where a rule can match.
///
/// A rule that opens with an optional hedge or name (`{approx}? {count} …`, `{entity}? employs …`) gives
/// PCRE2 no start information: the hedge's and the name's first letters are any letter, so PCRE2 tries every
/// position of the text, at some 300 instructions each. The same pattern without that optional lead, its
/// *core*, usually opens with a figure or a word list and gets a start bitmap. Two facts make the core a
/// safe guide: wherever the whole pattern matches, its core matches at or after the match's start (after the
/// lead it took), and wherever the core matches, the whole pattern matches at the same place (the lead left
/// out). So no match of the whole pattern starts before the next match of its core and after the end of
/// the previous match, unless it starts within the stretch it searches anyway (see ``Matcher/forEachMatch(of:core:in:range:budget:_:)``).
extension ExpandedPattern {
  /// The regex from its first required element on, its definitions (`(?(DEFINE)…)`) kept; `nil` when the
  /// pattern opens with no optional placeholder, or when the rest refers to groups by number or tests a
  /// group (a lead's group would then be missing, or another group would take its number).
  var regexWithoutOptionalLead: String? {
    let bytes = Array(regex.utf8)
    var cut = 0
    for piece in pieces {
      guard piece.isPlaceholder, piece.output.lowerBound == cut, piece.output.count > 5 else { break }
      // An optional placeholder is written as one group, `(?:…)?` (PlaceholderExpander); a gap ends with
      // `}?` and a required placeholder with `)`.
      let text = bytes[piece.output]
      guard text.starts(with: Array("(?:".utf8)), text.last == UInt8(ascii: "?"),
        text[text.endIndex - 2] == UInt8(ascii: ")")
      else { break }
      cut = piece.output.upperBound
    }
    guard cut > 0, cut < bytes.count, !Array("?*+{|)".utf8).contains(bytes[cut]) else { return nil }
    let core = String(decoding: bytes[cut...], as: UTF8.self)
    return ExpandedPattern.refersToGroups(core) ? nil : core
  }

  /// Whether `regex` refers to a group by number (`\1`, `(?1)`, `(?-1)`), by name (`\k<…>`, `\g{…}`,
  /// `(?P=…)`, `(?&…)` other than a definition's `d_` name), tests one (`(?(…)`, other than
  /// `(?(DEFINE)`), recurses (`(?R)`) or uses a backtracking verb (`(*…)`): any of them could mean another
  /// thing once the lead's groups are gone.
  static func refersToGroups(_ regex: String) -> Bool {
    let text = Array(regex.utf8)
    func continues(_ i: Int, with tail: String) -> Bool { text[i...].starts(with: tail.utf8) }
    for i in text.indices.dropLast() {
      let next = text[i + 1]
      if text[i] == UInt8(ascii: "\\"), (next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: "g") || next == UInt8(ascii: "k") {
        // A backslash escaped by another one is a literal backslash.
        if i == 0 || text[i - 1] != UInt8(ascii: "\\") { return true }
      }
      if text[i] == UInt8(ascii: "("), next == UInt8(ascii: "*") { return true }
      if text[i] == UInt8(ascii: "("), next == UInt8(ascii: "?"), i + 2 < text.count {
        let third = text[i + 2]
        if "0123456789+-R(&P".utf8.contains(third), !continues(i, with: "(?(DEFINE)"), !continues(i, with: "(?&d_") {
          // `(?-i)` sets an option; `(?-1)` calls a group.
          if third == UInt8(ascii: "-"), i + 3 < text.count, !(text[i + 3] >= UInt8(ascii: "0") && text[i + 3] <= UInt8(ascii: "9")) { continue }
          return true
        }
      }
    }
    return false
  }
}
