/// Every compiled rule of a run, with the library they came from; immutable and shared by all workers.
public struct CompiledRuleSet: Sendable {
  /// The definitions (attributes, entities, lexicons, checks).
  package let library: RuleLibrary
  /// Compiled rules, in load order.
  public let rules: [CompiledRule]
  /// Placeholder catalogs by language.
  let catalogs: [String: PlaceholderCatalog]
  /// Every problem from loading and compiling, in order.
  public let problems: [RuleFileError]
  /// Per-language extraction plans, built once here and shared by every worker.
  let plans: [String: LanguagePlan]

  init(library: RuleLibrary, rules: [CompiledRule], catalogs: [String: PlaceholderCatalog], problems: [RuleFileError]) {
    self.library = library
    self.rules = rules
    self.catalogs = catalogs
    self.problems = problems
    self.plans = catalogs.mapValues { LanguagePlan(language: $0.lexicon.language, rules: rules, catalog: $0, library: library) }
  }

  /// Whether any problem is an error (the run's exit status is then 2).
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }

  /// Languages with a lexicon.
  public var languages: [String] { library.lexicons.keys.sorted() }

  /// The compiled rule with `id`.
  public func rule(id: String) -> CompiledRule? { rules.first { $0.id == id } }

  /// Rules of one language, claim rules and dateline rules apart.
  func rules(for language: String, kind: RuleDefinition.Kind) -> [CompiledRule] {
    rules.filter { $0.definition.language == language && $0.definition.kind == kind }
  }

  /// Loads and compiles rule directories in one step.
  public static func load(_ paths: [String]) -> CompiledRuleSet {
    RuleCompiler.compile(RuleFileLoader.load(paths))
  }
}
