/// A problem in a rule file (rules, lexicons, entities, attributes, checks), with its exact place.
///
/// Rule files are where users make the engine theirs, so every problem names the file, line and column,
/// says what is wrong and, where it can, what was probably meant. Nothing is skipped silently: the
/// loader collects every problem of a run and the caller reports them together.
public struct RuleFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  package enum Kind: Hashable, Sendable {
    /// The file could not be read.
    case unreadable(reason: String)
    /// The file is larger than the loader accepts.
    case tooLarge(bytes: Int, limit: Int)
    /// The YAML nests deeper than the loader accepts.
    case tooDeep(limit: Int)
    /// The YAML's aliases, expanded, add more nodes than the loader accepts (an alias bomb).
    case tooManyNodes(limit: Int)
    /// libYAML could not parse the file.
    case syntax(problem: String)
    /// A key the schema does not know.
    case unknownKey(key: String, suggestion: String?)
    /// A required key is absent.
    case missingKey(key: String, in: String)
    /// A value of the wrong YAML type.
    case wrongType(key: String, expected: String)
    /// A value of the right type that does not parse or is out of range.
    case invalidValue(key: String, value: String, reason: String)
    /// Two rules (or entities, attributes) share an id; `other` is the first definition.
    case duplicateID(id: String, other: SourceLocation)
    /// A `{placeholder}` that no lexicon defines.
    case unknownPlaceholder(name: String, suggestion: String?)
    /// A placeholder that exists, but not in the lexicon of the rule's language.
    case placeholderNotInLexicon(name: String, language: String)
    /// No lexicon for the rule's language.
    case unknownLanguage(language: String, known: [String])
    /// An attribute no attribute file declares.
    case unknownAttribute(name: String, suggestion: String?)
    /// An example-file entry names a rule no rule file of its layer (or an earlier one) defines.
    case unknownRule(id: String, suggestion: String?)
    /// The expanded pattern does not compile; `message` is PCRE2's.
    case invalidRegex(message: String)
    /// A rule's own example fails.
    case exampleFailed(ruleID: String, example: Int, expected: String, got: String)
    /// A warning: the rule has nothing a prefilter can use.
    case noPrefilterLiteral(ruleID: String)
    /// A warning: the rule has no examples.
    case noExamples(ruleID: String)
    /// A warning: a lexicon fragment no rule uses.
    case unusedFragment(name: String, language: String)
    /// A note: a rule replaces one with the same id from an earlier rule set.
    case overrides(id: String, previous: SourceLocation)
  }

  /// What is wrong.
  package var kind: Kind
  /// Where: the file, line and column of the offending key or value, so an editor can jump there.
  public var location: SourceLocation
  /// `error` for problems that keep a rule or file from being used; `warning` and `note` otherwise.
  public var severity: Severity

  /// Creates an error.
  package init(_ kind: Kind, at location: SourceLocation, severity: Severity = .error) {
    self.kind = kind
    self.location = location
    self.severity = severity
  }

  /// The message, without the location: what is wrong, then what to do.
  public var message: String {
    switch kind {
    case .unreadable(let reason): return "cannot read rule file: \(reason)"
    case .tooLarge(let bytes, let limit):
      return "rule file is \(bytes) bytes, over the \(limit)-byte limit; split it into several files"
    case .tooDeep(let limit): return "YAML nests deeper than \(limit) levels; rule files are shallow, is this the right file?"
    case .tooManyNodes(let limit):
      return "YAML expands to more than \(limit) nodes through its aliases (an alias bomb?); rule files need no such expansion"
    case .syntax(let problem): return "YAML syntax error: \(problem)"
    case .unknownKey(let key, let suggestion):
      return "unknown key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .missingKey(let key, let owner): return "\(owner) is missing required key '\(key)'"
    case .wrongType(let key, let expected): return "'\(key)' must be \(expected)"
    case .invalidValue(let key, let value, let reason): return "invalid \(key) '\(value)': \(reason)"
    case .duplicateID(let id, let other): return "duplicate id '\(id)'; first defined at \(other)"
    case .unknownPlaceholder(let name, let suggestion):
      return "unknown placeholder '{\(name)}'" + (suggestion.map { "; did you mean '{\($0)}'?" } ?? "")
    case .placeholderNotInLexicon(let name, let language):
      return "placeholder '{\(name)}' is not defined by the '\(language)' lexicon; add it under its 'fragments'"
    case .unknownLanguage(let language, let known):
      return "no lexicon for language '\(language)' (known: \(known.joined(separator: ", ")))"
    case .unknownAttribute(let name, let suggestion):
      return "unknown attribute '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        + " (attributes are declared under 'attributes:')"
    case .unknownRule(let id, let suggestion):
      return "no rule '\(id)' to attach this example to" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .invalidRegex(let message): return "invalid pattern: \(message)"
    case .exampleFailed(let ruleID, let example, let expected, let got):
      return "\(ruleID): example \(example): expected \(expected), got \(got)"
    case .noPrefilterLiteral(let ruleID):
      return "rule '\(ruleID)' has no literal word a prefilter can look for; it will run on every article"
    case .noExamples(let ruleID): return "rule '\(ruleID)' has no examples; add texts it must and must not match"
    case .unusedFragment(let name, let language): return "lexicon '\(language)' fragment '\(name)' is used by no rule"
    case .overrides(let id, let previous): return "rule '\(id)' replaces the one defined at \(previous)"
    }
  }

  /// `path:line:column: severity: message`, the compiler convention editors and terminals turn into links.
  public var description: String { "\(location): \(severity.rawValue): \(message)" }

  /// The same problem as a run diagnostic.
  package var diagnostic: Diagnostic {
    var ruleID: String?
    switch kind {
    case .exampleFailed(let id, _, _, _), .noPrefilterLiteral(let id), .noExamples(let id), .overrides(let id, _): ruleID = id
    default: ruleID = nil
    }
    return Diagnostic(severity: severity, category: .rules, location: location, message: message, ruleID: ruleID)
  }
}

/// Edit distance helpers used for "did you mean" suggestions (rule files, the command line) and the
/// spelling check.
package enum EditDistance {
  /// Damerau–Levenshtein (optimal string alignment) distance between two strings, by characters.
  package static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a likely typo.
  package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
      let d = distance(word.lowercased(), candidate.lowercased())
      if d <= max(2, word.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
  }
}
