/// Everything extraction needs for one language, prepared once per process when the rules are
/// compiled and shared by every worker: the rules split by kind, the literal scan plan, the patterns that
/// find mentions, and the claim builder with its lexicon tables.
struct LanguagePlan: Sendable {
  let claimRules: [CompiledRule]
  let datelineRules: [CompiledRule]
  let builder: ClaimBuilder
  let mentions: MentionPatterns
  let plan: ScanPlan

  init(language: String, rules: [CompiledRule], catalog: PlaceholderCatalog, library: RuleLibrary) {
    claimRules = rules.filter { $0.definition.language == language && $0.definition.kind == .claim }
    datelineRules = rules.filter { $0.definition.language == language && $0.definition.kind == .dateline }
    builder = ClaimBuilder(tables: LexiconTables(catalog.lexicon), library: library)
    mentions = MentionPatterns(catalog: catalog, entities: library.entities, entityNames: EntityNames(library: library))
    let lexicon = catalog.lexicon
    // Spelled scales count too: "a billion", « un milliard » carry a figure without a number word.
    let numberWords = (Array(lexicon.numberWords.keys) + Array(lexicon.multipliers.keys) + Array(lexicon.fractions.keys)
      + lexicon.spelledScales)
      .filter { $0.utf8.count >= 3 }.map { CaseFolding.fold(Array($0.lowercased().utf8)) }
    plan = ScanPlan(rules: claimRules, numberWords: numberWords)
  }
}

extension CompiledRuleSet {
  /// The extraction plan of `language`, built on first use and shared; `nil` when the language has no lexicon.
  func plan(for language: String) -> LanguagePlan? {
    derived(for: language) { (catalog) -> LanguagePlan in LanguagePlan(language: language, rules: rules, catalog: catalog, library: library) }
  }
}
