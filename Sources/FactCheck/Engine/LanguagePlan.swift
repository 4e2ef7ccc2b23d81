/// Everything the engine needs for one language, prepared once per process and shared by every worker:
/// extraction's plan (the rules by kind, the literal scan plan), the patterns that find mentions, and the
/// claim builder with its lexicon tables.
struct LanguagePlan: Sendable {
  let extraction: ExtractionPlan
  let builder: ClaimBuilder
  let mentions: MentionPatterns

  init(language: String, rules: [CompiledRule], catalog: PlaceholderCatalog, library: RuleLibrary) {
    extraction = ExtractionPlan(language: language, rules: rules, lexicon: catalog.lexicon)
    builder = ClaimBuilder(tables: LexiconTables(catalog.lexicon), library: library)
    mentions = MentionPatterns(catalog: catalog, entities: library.entities, entityNames: EntityNames(library: library),
                               fullStops: extraction.fullStops)
  }
}

extension CompiledRuleSet {
  /// The extraction plan of `language`, built on first use and shared; `nil` when the language has no lexicon.
  func plan(for language: String) -> LanguagePlan? {
    derived(for: language) { (catalog) -> LanguagePlan in LanguagePlan(language: language, rules: rules, catalog: catalog, library: library) }
  }
}
