import FactCheckResources
import PatternMatching

// Loading lives with the engine, not with compilation: a set is ready once every language's plan (which
// extraction and normalisation make of it) can be built, and the pattern cache written with their patterns.
extension CompiledRuleSet {
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

  /// The folder of the rules bundled with FactCheck (a package resource), or `nil` when the resource bundle
  /// cannot be found next to the program.
  public static var bundledRulesDirectory: String? { BundledResources.rulesDirectory }

  /// The rules bundled with FactCheck (French and English claims, lexicons, attributes, entities, checks),
  /// compiled once, on first use, and shared.
  ///
  /// They come with the package as a resource, so a program that depends on FactCheck has them without a
  /// checkout of the repository. When the resource bundle cannot be found, the set has no rules and one
  /// error in ``problems``.
  public static let bundled: CompiledRuleSet = load(bundledAnd: [])

  /// The bundled rules with your own layered over them, compiled in one step.
  ///
  /// Layers load in order and a later one overrides an earlier rule, attribute or lexicon entry with the
  /// same id, so `["MyRules"]` can replace a bundled rule, add rules and extend a lexicon.
  ///
  /// ```swift
  /// let rules = CompiledRuleSet.load(bundledAnd: ["MyRules"])
  /// ```
  ///
  /// - Parameter paths: Rule folders or files to layer over the bundled rules, in order.
  /// - Returns: The compiled rules, with every problem of every layer in ``problems``.
  public static func load(bundledAnd paths: [String]) -> CompiledRuleSet {
    guard let bundled = bundledRulesDirectory else {
      let missing = RuleFileError(
        .unreadable(reason: "the rules bundled with FactCheck were not found (no FactCheck_FactCheckResources resource bundle next to the program)"),
        at: SourceLocation(path: "Rules", line: 1, column: 1))
      let layers = load(paths)
      return CompiledRuleSet(library: layers.library, rules: layers.rules, catalogs: layers.catalogs, problems: [missing] + layers.problems)
    }
    return load([bundled] + paths)
  }
}

extension RuleCompiler {
  /// Compiles every rule of `library` (``compile(_:cacheDirectory:preparing:)``), building every language's
  /// plan before a pattern-cache file is written, so that it holds their mention patterns too.
  package static func compile(_ library: RuleLibrary,
                              cacheDirectory: PatternCacheDirectory? = .fromEnvironment()) -> CompiledRuleSet {
    compile(library, cacheDirectory: cacheDirectory) { set in
      for language in set.planLanguages { _ = set.plan(for: language) }
    }
  }
}
