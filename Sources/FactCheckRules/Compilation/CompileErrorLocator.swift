import FactCheckModel
import PatternMatching

/// Places a rule's PCRE2 compile error where its cause was written, so that whoever can fix it reads
/// their own file, line and column.
///
/// Most errors are in the rule's pattern and are reported there, at the character PCRE2 stopped at.
/// Two come from a lexicon instead, and the lexicon may be another layer's than the rule (a user's
/// `lexicons/fr.yaml` over the bundled rules): a fragment that does not compile even on its own, and a
/// word list that makes a placeholder too large for PCRE2. Reported at each rule that uses them, these
/// would blame bundled rules the user never wrote, once per rule, and an unclosed `(` in a fragment
/// would not even be named, since PCRE2 stops at the end of the whole pattern. Each is reported once, in
/// the lexicon, naming the rules it left out.
package struct CompileErrorLocator {
  /// A lexicon entry that kept rules from compiling.
  private struct LexiconFault: Hashable {
    /// PCRE2's message.
    let problem: String
    /// Which entry, and why it is to blame ("in lexicon fragment '{staff}'").
    let cause: String
    let location: SourceLocation
  }

  /// One fragment, as compiled on its own.
  private struct FragmentID: Hashable {
    let language: String
    let name: String
    let caseless: Bool
  }

  /// Faults in the order they were found, and the ids of the rules each left out.
  private var faults: [LexiconFault] = []
  private var rulesLeftOut: [LexiconFault: [String]] = [:]
  /// Fragments already compiled on their own: `nil` when they compile.
  private var fragmentChecks: [FragmentID: LexiconFault?] = [:]

  /// Rules listed by name in a lexicon fault; the others are counted.
  package static let rulesNamed = 3

  /// The error to report for `rule`, whose expanded pattern PCRE2 refused with `error`; `nil` when the
  /// cause is in the lexicon, recorded for ``lexiconProblems()`` instead.
  package mutating func place(_ error: PatternError, of expansion: ExpandedPattern, rule: RuleDefinition,
                              catalog: PlaceholderCatalog, entities: [EntityDefinition]) -> RuleFileError? {
    guard case .compile(let message, let offset) = error else {
      return RuleFileError(.invalidRegex(message: "\(error)"), at: rule.patternSource.location(ofByte: 0))
    }
    let options: PatternOptions = rule.caseSensitive ? [] : [.caseless]
    var fault = brokenFragment(in: expansion, catalog: catalog, options: options)
    if fault == nil && error.isPatternTooLarge {
      fault = Self.oversizedPlaceholder(message, in: expansion, catalog: catalog, entities: entities)
    }
    guard let fault else { return Self.inRule(message, atOutputOffset: offset, of: expansion, rule: rule, lexicon: catalog.lexicon) }
    if rulesLeftOut[fault] == nil { faults.append(fault) }
    rulesLeftOut[fault, default: []].append(rule.id)
    return nil
  }

  /// One error per lexicon fault, at the entry, naming the rules it left out.
  package func lexiconProblems() -> [RuleFileError] {
    faults.map { fault in
      let rules = rulesLeftOut[fault] ?? []
      let users: String
      if rules.count == 1 {
        users = "rule '\(rules[0])' uses it and is left out"
      } else {
        let named = rules.prefix(Self.rulesNamed).joined(separator: ", ")
        let more = rules.count > Self.rulesNamed ? " and \(rules.count - Self.rulesNamed) more" : ""
        users = "\(rules.count) rules use it and are left out: \(named)\(more)"
      }
      return RuleFileError(.invalidRegex(message: "\(fault.problem) (\(fault.cause); \(users))"), at: fault.location)
    }
  }

  /// An error in the rule's own text: at the character PCRE2 stopped at, or, inside a placeholder's
  /// expansion, at the placeholder, naming the fragment's definition (a fragment that compiles alone
  /// but not where this rule puts it is the rule's business).
  package static func inRule(_ message: String, atOutputOffset offset: Int, of expansion: ExpandedPattern,
                             rule: RuleDefinition, lexicon: Lexicon) -> RuleFileError {
    let piece = expansion.pieces.first { $0.output.contains(offset) }
    guard let piece, piece.isPlaceholder,
      let slot = expansion.slots.first(where: { piece.source.contains($0.sourceRange.lowerBound) })
    else {
      let sourceOffset = expansion.sourceOffset(forOutputOffset: offset)
      return RuleFileError(.invalidRegex(message: message), at: rule.patternSource.location(ofByte: sourceOffset))
    }
    var detail = message
    if case .fragment(let name) = slot.role {
      detail += " (in lexicon fragment '{\(name)}'"
        + (lexicon.fragmentLocations[name].map { ", defined at \($0)" } ?? "") + ")"
    }
    return RuleFileError(.invalidRegex(message: detail), at: rule.patternSource.location(ofByte: slot.sourceRange.lowerBound))
  }

  // MARK: - Fragments

  /// The first fragment of the pattern that does not compile on its own, placed in its value.
  private mutating func brokenFragment(in expansion: ExpandedPattern, catalog: PlaceholderCatalog,
                                       options: PatternOptions) -> LexiconFault? {
    let lexicon = catalog.lexicon
    for slot in expansion.slots {
      guard case .fragment(let name) = slot.role, let fragment = lexicon.fragments[name] else { continue }
      let id = FragmentID(language: lexicon.language, name: name, caseless: options.contains(.caseless))
      if let checked = fragmentChecks[id] {
        if let fault = checked { return fault }
        continue
      }
      let fault = Self.standaloneFault(name, fragment, lexicon: lexicon, options: options)
      fragmentChecks[id] = fault
      if let fault { return fault }
    }
    return nil
  }

  private static func standaloneFault(_ name: String, _ fragment: String, lexicon: Lexicon,
                                      options: PatternOptions) -> LexiconFault? {
    let expanded = PlaceholderExpander.expandedFragment(fragment)
    // A probe, not a pattern of the rule set: kept out of its pattern cache file.
    let probe = PatternCache.$current.withValue(nil) {
      Result { () throws(PatternError) in try CompiledPattern(utf8: expanded.regexUTF8, options: options) }
    }
    switch probe {
    case .success:
      return nil
    case .failure(let error):
      guard case .compile(let message, let offset) = error else { return nil }
      let sourceOffset = expanded.sourceOffset(forOutputOffset: offset)
      let location = lexicon.fragmentSources[name]?.location(ofByte: sourceOffset)
        ?? lexicon.fragmentLocations[name] ?? lexicon.location
      return LexiconFault(problem: message, cause: "in lexicon fragment '{\(name)}'", location: location)
    }
  }

  // MARK: - Size

  /// A pattern too large for PCRE2 because of one placeholder (at least half of the pattern): blamed on
  /// the longest word list behind it, where it was last given, or on the fragment itself.
  private static func oversizedPlaceholder(_ message: String, in expansion: ExpandedPattern, catalog: PlaceholderCatalog,
                                           entities: [EntityDefinition]) -> LexiconFault? {
    let sizes = expansion.slots.map { (slot: $0, bytes: catalog.fragment(named: $0.name)?.utf8.count ?? 0) }
    guard let biggest = sizes.max(by: { $0.bytes < $1.bytes }), biggest.bytes * 2 >= expansion.regexUTF8.count else {
      return nil
    }
    let lexicon = catalog.lexicon
    let name = biggest.slot.name
    let size = "'{\(name)}' is \(biggest.bytes >> 10) KiB of regex"
    if case .fragment = biggest.slot.role {
      let location = lexicon.fragmentSources[name]?.location(ofByte: 0) ?? lexicon.fragmentLocations[name] ?? lexicon.location
      return LexiconFault(problem: message, cause: "lexicon fragment \(size)", location: location)
    }
    var sources = LexiconSchema.keys(feeding: name).compactMap { key -> (words: Int, cause: String, location: SourceLocation)? in
      guard let location = lexicon.keyLocations[key.name] else { return nil }
      let words = key.entryCount(in: lexicon)
      return (words, "\(size), made of the \(words) '\(key.name)' of lexicon '\(lexicon.language)'", location)
    }
    if name == "entity", let last = entities.last {
      let names = entities.reduce(0) { $0 + $1.allNames.count }
      sources.append((names, "\(size), made of \(names) entity names and aliases", last.location))
    }
    guard let source = sources.max(by: { $0.words < $1.words }), source.words > 0 else { return nil }
    return LexiconFault(problem: message, cause: source.cause, location: source.location)
  }
}
