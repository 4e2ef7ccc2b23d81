import PatternMatching

/// What `factcheck explain RULE-ID` shows: where a rule is defined, what it replaced, its pattern as
/// written and as PCRE2 compiles it, and its examples with where each one is written.
package enum RuleExplainer {
  /// The explanation of the rule `id`, or `nil` when no compiled rule has that id.
  package static func explain(_ id: String, in rules: CompiledRuleSet) -> String? {
    guard let rule = rules.rule(id: id) else { return nil }
    let d = rule.definition
    var lines = ["\(d.id)  (\(d.location))"]
    for problem in rules.problems {
      if case .overrides(let replaced, let previous) = problem.kind, replaced == d.id, problem.location == d.location {
        lines.append("  replaces the rule defined at \(previous)")
      }
    }
    if !d.description.isEmpty { lines.append("  \(d.description)") }
    lines.append("  kind: \(d.kind.rawValue)   language: \(d.language)   attribute: \(d.attribute)   period: \(d.period)"
                 + "   modality: \(d.modality.rawValue)   priority: \(d.priority)"
                 + (d.caseSensitive ? "   case-sensitive" : "") + (d.usesContext ? "" : "   context: false"))
    for (label, value) in d.values.sorted(by: { $0.key < $1.key }) {
      var parts: [String] = []
      if let attribute = value.attribute { parts.append("attribute \(attribute)") }
      if value.isPrevious { parts.append("period previous") } else if let period = value.period { parts.append("period \(period)") }
      if let modality = value.modality { parts.append("modality \(modality.rawValue)") }
      if !value.makesClaim { parts.append("no claim") }
      if value.isNegative { parts.append("negative") }
      lines.append("  value '\(label)': " + parts.joined(separator: ", "))
    }
    lines.append("  pattern:  \(d.pattern)")
    lines.append("  expanded: \(rule.expandedPattern)")
    lines.append("  PCRE2:    \(rule.pattern.startInformation)")
    lines.append("  runs on:  \(RuleExplainer.gate(rule.prefilter))")
    // Read here, not at compilation: only the explanation uses it.
    let starts = rule.pattern.isAnchored ? nil
      : MatchStarts(pattern: rule.expandedPattern, caseless: !d.caseSensitive)
    lines.append("  starts:   \(RuleExplainer.starts(starts))")
    lines.append(d.examples.isEmpty ? "  examples: none" : "  examples:")
    for (i, example) in d.examples.enumerated() {
      let expect = example.expected.isEmpty ? "none" : example.expected.map(\.description).joined(separator: ", ")
      let published = example.published.map { "   published \($0)" } ?? ""
      lines.append("    \(i + 1). \(example.text)")
      lines.append("       → \(expect)\(published)   (\(example.location))")
    }
    return lines.joined(separator: "\n")
  }

  /// The id of a compiled rule close to `id`, for a did-you-mean.
  package static func suggestion(for id: String, in rules: CompiledRuleSet) -> String? {
    EditDistance.suggestion(for: id, among: rules.rules.map(\.id))
      ?? rules.rules.map(\.id).filter { $0.hasPrefix(id) || id.hasPrefix($0) }.min { $0.count < $1.count }
  }

  /// Where in those sentences a match can open, in words: the words and bytes it can open with, or every
  /// position when it may open almost anywhere. The claim-rule scan asks PCRE2 only there
  /// (`MatchStartTable`); a rule that may open anywhere is asked wherever PCRE2's own start information
  /// (the `PCRE2:` line) lets it.
  static func starts(_ starts: MatchStarts?) -> String {
    guard let starts else { return "every position (a match may open with almost anything)" }
    var words: [String] = []
    var bytes: [String] = []
    for start in starts.starts {
      if start.literal.isEmpty {
        bytes = start.firstBytes.members.map { $0 >= 0x21 && $0 < 0x7F ? String(UnicodeScalar($0)) : "x" + String($0, radix: 16, uppercase: true) }
      } else {
        // One text may come back with different neighbours: it is shown once.
        let word = "'" + String(decoding: start.literal, as: UTF8.self) + "'"
        if !words.contains(word) { words.append(word) }
      }
    }
    var parts: [String] = []
    if !words.isEmpty {
      parts.append(words.count > 8 ? words.prefix(8).joined(separator: ", ") + ", … (\(words.count) words)" : words.joined(separator: ", "))
    }
    if !bytes.isEmpty { parts.append("a byte of " + (bytes.count > 16 ? bytes.prefix(16).joined(separator: " ") + " … (\(bytes.count))" : bytes.joined(separator: " "))) }
    return "only where a match can open: " + parts.joined(separator: "; ")
  }

  /// Which sentences the rule's prefilter lets it run on, in words: an author sees why a rule is slow (it
  /// requires nothing, so it runs on every sentence) or never runs (it requires a word the text lacks). The
  /// requirements are those the scan plan gates by (``ScanPlan/gating(_:needsNumber:)``).
  static func gate(_ prefilter: Prefilter) -> String {
    var parts = ScanPlan.gating(prefilter.requirements, needsNumber: prefilter.needsNumber).map { requirement -> String in
      let words = requirement.map { "'" + String(decoding: $0, as: UTF8.self) + "'" }
      let shown = words.count > 8 ? words.prefix(8).joined(separator: ", ") + ", … (\(words.count) in all)" : words.joined(separator: ", ")
      return requirement.count == 1 ? "the word \(shown)" : "one of \(shown)"
    }
    if prefilter.needsNumber { parts.append("a figure (a digit or a number word)") }
    guard !parts.isEmpty else { return "every sentence (no word or figure it requires: the whole text is scanned)" }
    return "sentences holding " + parts.joined(separator: "; and ")
  }
}
