import FactCheckModel
import PatternMatching
import Synchronization

/// Every compiled rule of a run, with the library they came from; immutable and shared by all workers.
///
/// Compiling takes a while (every pattern goes through PCRE2 and its JIT), so compile once and give the set
/// to one ``FactChecker`` for every check. A file with a mistake does not stop the others: its problems are in
/// ``problems`` and the rest of the rules load.
public struct CompiledRuleSet: Sendable {
  /// The definitions (attributes, entities, lexicons, checks).
  package let library: RuleLibrary
  /// Compiled rules, in load order; rules that did not compile are left out (their problems say why).
  public let rules: [CompiledRule]
  /// Placeholder catalogs by language.
  package let catalogs: [String: PlaceholderCatalog]
  /// Every problem from loading and compiling, in order, each with its file, line and column — print one
  /// to get the compiler-style line `path:line:column: error: …`.
  public let problems: [RuleFileError]
  /// What later stages derive per language from the set (extraction's plans: literal automata, mention
  /// patterns, claim builders), each built when an article first needs it and then shared by every worker:
  /// a one-article check reads one language, and building the others was a third of its start-up. The set
  /// keeps them without knowing their types, since those stages come after this one.
  private let derived: DerivedValues
  /// The compiled-pattern cache the rules came from, which the plans' mention patterns are decoded from.
  private let patternCache: PatternCache?

  package init(library: RuleLibrary, rules: [CompiledRule], catalogs: [String: PlaceholderCatalog], problems: [RuleFileError],
               patternCache: PatternCache? = nil) {
    self.library = library
    self.rules = rules
    self.catalogs = catalogs
    self.problems = problems
    self.derived = DerivedValues()
    self.patternCache = patternCache
  }

  /// Languages with an extraction plan (every language with a lexicon), sorted.
  package var planLanguages: [String] { catalogs.keys.sorted() }

  /// The value of type `Value` that `build` derives from `language`'s catalog, built once on first use
  /// (under the rule set's pattern cache, which the patterns it compiles are decoded from) and then shared;
  /// `nil` when the language has no lexicon.
  package func derived<Value: Sendable>(for language: String, build: (PlaceholderCatalog) -> Value) -> Value? {
    guard let catalog = catalogs[language] else { return nil }
    return derived.value(for: language) {
      let value = PatternCache.$current.withValue(patternCache) { build(catalog) }
      // The plan's patterns were found in the cache file (and decode when they first match).
      patternCache?.dropResidentPages()
      return value
    }
  }

  /// Whether any problem is an error (the run's exit status is then 2).
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }

  /// Languages with a lexicon (`en`, `fr`): the languages articles are detected as and checked in.
  public var languages: [String] { library.lexicons.keys.sorted() }

  /// The compiled rule with an id, to check that a rule of your own loaded (and replaced a bundled one).
  ///
  /// - Parameter id: The rule's id, as in its file.
  /// - Returns: The rule, or `nil` when no rule has that id (or it did not compile: see ``problems``).
  public func rule(id: String) -> CompiledRule? { rules.first { $0.id == id } }

  /// Rules of one language, claim rules and dateline rules apart.
  package func rules(for language: String, kind: RuleDefinition.Kind) -> [CompiledRule] {
    rules.filter { $0.definition.language == language && $0.definition.kind == kind }
  }

  /// Values derived so far, by language and type; a lock makes each one built once whatever the number of
  /// workers.
  private final class DerivedValues: Sendable {
    private let built = Mutex<[Key: any Sendable]>([:])

    private struct Key: Hashable {
      let language: String
      let type: ObjectIdentifier
    }

    func value<Value: Sendable>(for language: String, build: () -> Value) -> Value {
      built.withLock { values in
        let key = Key(language: language, type: ObjectIdentifier(Value.self))
        if let stored = values[key], let value = stored as? Value { return value }
        let value = build()
        values[key] = value
        return value
      }
    }
  }
}
