/// Where a match of a pattern can start, read from its PCRE2 source: the words it can open with, and the bytes
/// it can open with where it opens with no word (a digit, a capital).
///
/// PCRE2's start bitmap is byte-sized: a rule that may open with "about" or "nearly" before its figure lets
/// every word that starts with `a` or `n` through, and PCRE2 then tries the whole pattern there, some 230
/// instructions a position on the bundled rules (issue 15). Read a word at a time, the same rule can start
/// only where one of its opening words, or a digit, stands. `factcheck explain` shows it, so that an author
/// sees which rules may start anywhere. The claim-rule scan tries those positions alone (`MatchStartTable`,
/// kept in the pattern cache): it finds exactly the matches a scan of every position finds, since no match
/// starts anywhere else.
///
/// The analysis is conservative: a construct it does not read (`\G`, `\Q…\E`, a verb, a condition) or a
/// pattern that may open with a lower-case letter class, any character or nothing at all gives `nil`: a match
/// may start anywhere.
package struct MatchStarts: Sendable, Hashable {
  /// One way a match can open.
  package struct Start: Sendable, Hashable {
    /// The text a match opens with, as written in the pattern (searched case-folded); empty for a start
    /// that is a byte class.
    package let literal: [UInt8]
    /// For a start with no literal, the bytes a match's first character can start with.
    package let firstBytes: ByteSet
    /// ASCII bytes that cannot stand just before the start: the pattern asserts there that no character of
    /// a class precedes (`(?<![\p{L}\p{N}])`), and these are that class's ASCII members.
    package let notAfter: ByteSet
    /// For a literal, the bytes that can follow it (the next character's first byte); empty when anything
    /// may, or nothing need.
    package let followedBy: ByteSet

    package init(literal: [UInt8], firstBytes: ByteSet, notAfter: ByteSet, followedBy: ByteSet = ByteSet()) {
      self.literal = literal
      self.firstBytes = firstBytes
      self.notAfter = notAfter
      self.followedBy = followedBy
    }
  }

  /// Every way a match can open; a match starts where one of them does.
  package let starts: [Start]

  /// The starts of `pattern`, or `nil` when a match may start almost anywhere or the source holds a construct
  /// this analysis does not read. `caseless`: the pattern is compiled with PCRE2_CASELESS.
  package init?(pattern: String, caseless: Bool) {
    var parser = MatchStartsParser(Array(pattern.unicodeScalars), caseless: caseless)
    guard let tree = parser.parseAlternation(), parser.position == parser.scalars.count else { return nil }
    var walk = Walk(groups: parser.groups)
    // A pattern that can match the empty string can match anywhere.
    let whole: [StartNode] = [.group(tree, minimum: 1, maximum: 1)]
    guard !MatchStarts.collect(whole[...], nil, filter: ByteSet(), &walk), !walk.exhausted else { return nil }
    let starts = walk.starts
    var merged: [Start] = []
    var seen = Set<Start>()
    var bytes = ByteSet()
    var bytesFilter: ByteSet?
    for start in starts {
      if start.literal.isEmpty {
        // Byte starts merge into one class; the filter kept is what every one of them asserts.
        bytes.formUnion(start.firstBytes)
        bytesFilter = bytesFilter.map { $0.intersection(start.notAfter) } ?? start.notAfter
      } else if seen.insert(start).inserted {
        merged.append(start)
      }
    }
    // A start on any lower-case letter, or on every byte, is no better than PCRE2's own start bitmap.
    if bytes.containsAny(of: ByteSet.asciiLowerCase) { return nil }
    if !bytes.isEmpty { merged.append(Start(literal: [], firstBytes: bytes, notAfter: bytesFilter ?? ByteSet())) }
    guard !merged.isEmpty else { return nil }
    self.starts = merged
  }

  /// What is left of the pattern after a point: nodes, then what follows the group they are in, and so on
  /// out to the pattern's end. Shared, not copied, by the paths that branch off at each group.
  private final class Rest {
    let nodes: ArraySlice<StartNode>
    let next: Rest?

    init(_ nodes: ArraySlice<StartNode>, _ next: Rest?) {
      self.nodes = nodes
      self.next = next
    }
  }

  /// Steps one analysis may take before it gives up: a pattern of nested optional groups, or a group that
  /// calls itself, could branch without end.
  private static let stepBudget = 200_000

  private struct Walk {
    /// The named groups calls go to.
    let groups: [String: [[StartNode]]]
    var starts: [Start] = []
    var steps = 0
    var exhausted: Bool { steps > MatchStarts.stepBudget }
  }

  /// The node at the head of `nodes`/`rest`, and what follows it; `nil` at the pattern's end.
  private static func pop(_ nodes: ArraySlice<StartNode>, _ rest: Rest?) -> (StartNode, ArraySlice<StartNode>, Rest?)? {
    var nodes = nodes
    var rest = rest
    while nodes.isEmpty {
      guard let next = rest else { return nil }
      nodes = next.nodes
      rest = next.next
    }
    return (nodes.first!, nodes.dropFirst(), rest)
  }

  /// What follows one pass through a group that must match `minimum` to `maximum` times (`nil`: no bound).
  private static func again(_ alternatives: [[StartNode]], _ minimum: Int, _ maximum: Int?, after: Rest) -> Rest {
    if maximum == 1 { return after }
    return Rest([.group(alternatives, minimum: max(0, minimum - 1), maximum: maximum.map { $0 - 1 })], after)
  }

  /// Adds the starts of the pattern from `nodes`/`rest` on; returns whether it can match the empty string
  /// from there to its end (then a match may start anywhere).
  private static func collect(_ nodes: ArraySlice<StartNode>, _ rest: Rest?, filter: ByteSet, _ walk: inout Walk) -> Bool {
    walk.steps += 1
    guard !walk.exhausted, let (node, after, outer) = pop(nodes, rest) else { return !walk.exhausted }
    switch node {
    case .zeroWidth(let notAfter):
      // An assertion takes no text: the next element still opens the match, and a negative look-behind
      // says what cannot stand before it.
      return collect(after, outer, filter: filter.union(notAfter), &walk)
    case .bytes(let set):
      walk.starts.append(Start(literal: [], firstBytes: set, notAfter: filter))
      return false
    case .literal(let bytes, let caseless):
      // Under caseless matching a character whose other cases the folded text does not hold in its place
      // opens a text only if one search still finds it in one case or the other (`s`, `k`…): then its other
      // cases' lead bytes (`ſ`, the kelvin sign…) are a start of their own. Another is a byte class.
      if caseless && !StartNode.foldsInPlace(bytes) {
        guard let partners = StartNode.otherCaseLeads(bytes) else {
          walk.starts.append(Start(literal: [], firstBytes: StartNode.firstBytes(ofLiteral: bytes, caseless: true), notAfter: filter))
          return false
        }
        walk.starts.append(Start(literal: [], firstBytes: partners, notAfter: filter))
      }
      openings(text: bytes, after, outer, filter: filter, &walk)
      return false
    case .call(let name):
      guard let alternatives = walk.groups[name] else { return true }  // PCRE2 refuses it; read as anywhere
      return collect([.group(alternatives, minimum: 1, maximum: 1)][...], Rest(after, outer), filter: filter, &walk)
    case .group(let alternatives, let minimum, let maximum):
      let following = Rest(after, outer)
      let next = again(alternatives, minimum, maximum, after: following)
      var reachesEnd = false
      for alternative in alternatives where collect(alternative[...], next, filter: filter, &walk) { reachesEnd = true }
      if minimum == 0 && collect(after, outer, filter: filter, &walk) { reachesEnd = true }
      return reachesEnd
    }
  }

  /// Adds the texts a match opens with, `text` and what can follow it: plain characters extend it, a group
  /// that must match branches it once per alternative, and anything else ends it, with the bytes that can
  /// come next (``Start/followedBy``).
  private static func openings(text: [UInt8], _ nodes: ArraySlice<StartNode>, _ rest: Rest?, filter: ByteSet, _ walk: inout Walk) {
    walk.steps += 1
    var text = text
    var nodes = nodes
    var rest = rest
    while text.count < MatchStarts.longestText, !walk.exhausted, let (node, after, outer) = pop(nodes, rest) {
      switch node {
      case .literal(let bytes, let caseless) where !caseless || StartNode.foldsInPlace(bytes):
        text += bytes
        nodes = after
        rest = outer
        continue
      case .call(let name) where walk.groups[name] != nil && walk.starts.count < MatchStarts.mostTexts:
        let called: [StartNode] = [.group(walk.groups[name]!, minimum: 1, maximum: 1)]
        openings(text: text, called[...], Rest(after, outer), filter: filter, &walk)
        return
      case .group(let alternatives, let minimum, let maximum) where minimum > 0 && walk.starts.count < MatchStarts.mostTexts:
        let next = again(alternatives, minimum, maximum, after: Rest(after, outer))
        for alternative in alternatives { openings(text: text, alternative[...], next, filter: filter, &walk) }
        return
      default: break
      }
      break
    }
    let (following, nullable) = leading(nodes, rest, &walk)
    walk.starts.append(Start(literal: text, firstBytes: ByteSet(), notAfter: filter, followedBy: nullable ? ByteSet() : following))
  }

  /// The bytes the pattern from `nodes`/`rest` on can start with, and whether it can match the empty string.
  private static func leading(_ nodes: ArraySlice<StartNode>, _ rest: Rest?, _ walk: inout Walk) -> (ByteSet, Bool) {
    walk.steps += 1
    guard !walk.exhausted, let (node, after, outer) = pop(nodes, rest) else { return (ByteSet(), true) }
    switch node {
    case .zeroWidth: return leading(after, outer, &walk)
    case .bytes(let set): return (set, false)
    case .literal(let bytes, let caseless): return (StartNode.firstBytes(ofLiteral: bytes, caseless: caseless), false)
    case .call(let name):
      guard let alternatives = walk.groups[name] else { return (ByteSet(), true) }
      return leading([.group(alternatives, minimum: 1, maximum: 1)][...], Rest(after, outer), &walk)
    case .group(let alternatives, let minimum, let maximum):
      let next = again(alternatives, minimum, maximum, after: Rest(after, outer))
      var set = ByteSet()
      var nullable = false
      for alternative in alternatives {
        let (bytes, empty) = leading(alternative[...], next, &walk)
        set.formUnion(bytes)
        nullable = nullable || empty
      }
      if minimum == 0 {
        let (bytes, empty) = leading(after, outer, &walk)
        set.formUnion(bytes)
        nullable = nullable || empty
      }
      return (set, nullable)
    }
  }

  /// Longest opening text kept: a prefix of a longer text still says where a match can open.
  private static let longestText = 24
  /// Most opening texts one pattern branches into; past it, texts end where they are.
  private static let mostTexts = 400
}
