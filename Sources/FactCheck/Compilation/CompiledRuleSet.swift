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
  let catalogs: [String: PlaceholderCatalog]
  /// Every problem from loading and compiling, in order, each with its file, line and column — print one
  /// to get the compiler-style line `path:line:column: error: …`.
  public let problems: [RuleFileError]
  /// Per-language extraction plans, each built when an article first needs it and then shared by every
  /// worker: a one-article check reads one language, and building the others (their literal automata
  /// and mention patterns) was a third of its start-up.
  private let plans: LanguagePlans
  /// The compiled-pattern cache the rules came from, which the plans' mention patterns are decoded from.
  private let patternCache: PatternCache?

  init(library: RuleLibrary, rules: [CompiledRule], catalogs: [String: PlaceholderCatalog], problems: [RuleFileError],
       patternCache: PatternCache? = nil) {
    self.library = library
    self.rules = rules
    self.catalogs = catalogs
    self.problems = problems
    self.plans = LanguagePlans()
    self.patternCache = patternCache
  }

  /// Languages with an extraction plan (every language with a lexicon), sorted.
  var planLanguages: [String] { catalogs.keys.sorted() }

  /// The extraction plan of `language`, built on first use; `nil` when the language has no lexicon.
  func plan(for language: String) -> LanguagePlan? {
    guard let catalog = catalogs[language] else { return nil }
    return plans.plan(for: language) {
      PatternCache.$current.withValue(patternCache) {
        LanguagePlan(language: language, rules: rules, catalog: catalog, library: library)
      }
    }
  }

  /// Builds every language's plan now: when the cache file is written, it then holds their patterns too.
  func buildAllPlans() {
    for language in planLanguages { _ = plan(for: language) }
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
  func rules(for language: String, kind: RuleDefinition.Kind) -> [CompiledRule] {
    rules.filter { $0.definition.language == language && $0.definition.kind == kind }
  }

  /// Plans built so far, by language; a lock makes each one built once whatever the number of workers.
  private final class LanguagePlans: Sendable {
    private let built = Mutex<[String: LanguagePlan]>([:])

    func plan(for language: String, build: () -> LanguagePlan) -> LanguagePlan {
      built.withLock { plans in
        if let plan = plans[language] { return plan }
        let plan = build()
        plans[language] = plan
        return plan
      }
    }
  }

  /// Loads and compiles rule layers of your own, without the bundled rules.
  ///
  /// A layer is a folder (its YAML files, recursively) or one file; later layers override earlier ones by
  /// id. Unlike ``load(bundledAnd:)`` nothing is bundled: the layers bring their own lexicons, attributes and
  /// entities.
  ///
  /// - Parameter paths: Rule folders or files, in order.
  /// - Returns: The compiled rules, with every problem of every layer in ``problems``.
  public static func load(_ paths: [String]) -> CompiledRuleSet {
    RuleCompiler.compile(RuleFileLoader.load(paths))
  }
}
