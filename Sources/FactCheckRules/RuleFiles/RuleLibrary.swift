import FactCheckModel
import PatternMatching

/// Everything the rule files of a run declare, merged across files and layers, plus the problems met.
///
/// Layers load in order (the bundled rules, then each `--rules` directory): a later layer's rule with
/// the same id replaces the earlier one and a note says so; within one layer a repeated id is an error.
package struct RuleLibrary: Sendable {
  /// Attributes by name.
  package var attributes: [String: AttributeDefinition] = [:]
  /// Known entities.
  package var entities: [EntityDefinition] = []
  /// Lexicons by language.
  package var lexicons: [String: Lexicon] = [:]
  /// Rules, in load order.
  package var rules: [RuleDefinition] = []
  /// Arithmetic checks.
  package var checks: [CheckDefinition] = []
  /// `suppress:` entries of every layer, in load order.
  package var suppressions: [Suppression] = []
  /// Every problem met while loading: errors, warnings and notes, in file order.
  package var problems: [RuleFileError] = []
  /// The files read.
  package var files: [String] = []
  /// The text of each file in ``files`` (same order), as it was loaded: what the rules were compiled from,
  /// whatever has happened to the files since.
  package var fileTexts: [String] = []

  /// The pattern cache the files were loaded with (``RuleFileLoader/load(_:cacheDirectory:)``) and the
  /// folder it is in: the compiler goes on with it rather than opening the file again.
  package var patternCache: (directory: String, cache: PatternCache)?

  /// Creates an empty library.
  package init() {}

  /// Whether any problem is an error.
  package var hasErrors: Bool { problems.contains { $0.severity == .error } }

  /// The rule with `id`, if any.
  package func rule(id: String) -> RuleDefinition? { rules.first { $0.id == id } }
}
