import FactCheckModel
import PatternMatching

/// Compiles a ``RuleLibrary`` into a ``CompiledRuleSet``: placeholders expanded from each rule's
/// lexicon, PCRE2 compiled and JIT-compiled once, prefilters computed, and PCRE2 errors mapped back to
/// the line and column of the rule or lexicon entry that caused them (`CompileErrorLocator`).
package enum RuleCompiler {
  /// Compiles every rule of `library`; broken rules are left out and reported in the result's problems.
  ///
  /// The patterns compiled here, and by the set's plans (mention patterns), go through the rule set's
  /// ``PatternCache``: decoded when an earlier run compiled them, and the cache file written again at the
  /// end if anything had to be compiled. Plans are built when an article first needs its language, from the
  /// same cache; before the file is written, every plan is built, so that it holds all their patterns. The scope is the whole compilation, not each pattern, so that one
  /// file holds one rule set and is read once and written at most once per load; it is keyed by the rule
  /// files' texts, which is what the set is made of (a pattern is then found by its exact source).
  /// `cacheDirectory: nil` compiles everything, reading and writing no cache file.
  ///
  /// `preparing` builds what later stages derive from the set for every language
  /// (``CompiledRuleSet/derived(for:build:)``); it runs only when the file is about to be written (a pattern
  /// compiled or a prefilter recorded), so that the file holds their patterns too. The engine passes its
  /// language plans (the `compile` without it, in `FactCheck`).
  package static func compile(_ library: RuleLibrary, cacheDirectory: PatternCacheDirectory? = .fromEnvironment(),
                              preparing: (CompiledRuleSet) -> Void) -> CompiledRuleSet {
    // The loader's cache when it opened the same folder's (the key is the same: the files' texts), unless a
    // compilation of the same library has used it already.
    let cache = library.patternCache.flatMap { $0.directory == cacheDirectory?.path && !$0.cache.isReleased ? $0.cache : nil }
      ?? PatternCache.forRuleSet(library.fileTexts, directory: cacheDirectory)
    let set = PatternCache.$current.withValue(cache) { compileRules(library, cache: cache) }
    // Plans are built when an article first needs its language; but a file about to be written must hold
    // every language's mention patterns, or the next run in another language would compile them again.
    if let cache, cache.needsSaving { preparing(set) }
    cache?.save()
    // The set keeps the cache for the plans it builds later; they need only the entries not used so far.
    cache?.releaseUsedEntries()
    return set
  }

  private static func compileRules(_ library: RuleLibrary, cache: PatternCache?) -> CompiledRuleSet {
    var problems = library.problems
    var catalogs: [String: PlaceholderCatalog] = [:]
    for (language, lexicon) in library.lexicons {
      catalogs[language] = PlaceholderCatalog.of(language: language, lexicon: lexicon, entities: library.entities, cache: cache)
    }
    let allPlaceholderNames = Set(catalogs.values.flatMap(\.allNames))
    var compiled: [CompiledRule] = []
    var usedFragments: [String: Set<String>] = [:]
    var locator = CompileErrorLocator()
    // Fragments parsed once per language for the prefilters, not once per rule that uses them.
    var fragmentAnalyses: [String: FragmentAnalyses] = [:]

    for rule in library.rules {
      guard let catalog = catalogs[rule.language] else { continue }  // reported by the loader
      var expansion: ExpandedPattern
      do {
        expansion = try PlaceholderExpander.expand(rule, catalog: catalog, cache: cache)
      } catch {
        switch error {
        case .unknownPlaceholder(let name, let range):
          let location = rule.patternSource.location(ofByte: range.lowerBound + 1)
          if allPlaceholderNames.contains(name) {
            problems.append(RuleFileError(.placeholderNotInLexicon(name: name, language: rule.language), at: location))
          } else {
            let suggestion = EditDistance.suggestion(for: name, among: catalog.allNames)
            problems.append(RuleFileError(.unknownPlaceholder(name: name, suggestion: suggestion), at: location))
          }
        case .unbalancedBrace(let offset):
          problems.append(RuleFileError(.invalidRegex(message: "'{' without a closing '}'"),
                                        at: rule.patternSource.location(ofByte: offset)))
        case .invalidGap(let label, let range):
          problems.append(RuleFileError(.invalidRegex(message: "'{words:\(label)}' needs a word count MIN-MAX (at most 20), such as {words:0-3}"),
                                        at: rule.patternSource.location(ofByte: range.lowerBound + 1)))
        }
        continue
      }
      for slot in expansion.slots {
        if case .fragment(let name) = slot.role { usedFragments[rule.language, default: []].insert(name) }
      }
      let options: PatternOptions = rule.caseSensitive ? [] : [.caseless]
      let pattern: CompiledPattern
      var compact = false
      do {
        pattern = try CompiledPattern(utf8: expansion.regexUTF8, options: options)
      } catch {
        // A placeholder written out at several alternatives' starts can take a pattern past PCRE2's size
        // limit: then it is called everywhere (no start information, but a pattern that compiles).
        if let compactExpansion = try? PlaceholderExpander.expand(rule, catalog: catalog, writesLeadingOut: false, cache: cache),
          compactExpansion.regexUTF8 != expansion.regexUTF8, let smaller = try? CompiledPattern(utf8: compactExpansion.regexUTF8, options: options)
        {
          expansion = compactExpansion
          pattern = smaller
          compact = true
        } else {
          if let problem = locator.place(error, of: expansion, rule: rule, catalog: catalog, entities: library.entities) {
            problems.append(problem)
          }
          continue
        }
      }
      let groups = expansion.slots.map { pattern.groupNumber(named: $0.group) ?? 0 }
      let prefilter = Prefilter.of(rule, catalog: catalog, fragments: {
        let analyses = fragmentAnalyses[rule.language] ?? FragmentAnalyses()
        fragmentAnalyses[rule.language] = analyses
        return analyses
      }, cache: cache)
      if !prefilter.isUseful {
        problems.append(RuleFileError(.noPrefilterLiteral(ruleID: rule.id), at: rule.location, severity: .warning))
      }
      if rule.examples.isEmpty {
        problems.append(RuleFileError(.noExamples(ruleID: rule.id), at: rule.location, severity: .warning))
      }
      let starts = MatchStartTable.of(rule, expansion: expansion, compact: compact, pattern: pattern, cache: cache)
      compiled.append(CompiledRule(definition: rule, pattern: pattern, expansion: expansion, slotGroups: groups,
                                   prefilter: prefilter, starts: starts))
    }
    // Faults of a lexicon once each, however many rules they left out.
    problems += locator.lexiconProblems()
    for (language, lexicon) in library.lexicons {
      for (name, location) in lexicon.fragmentLocations.sorted(by: { $0.key < $1.key })
      where !(usedFragments[language]?.contains(name) ?? false) {
        problems.append(RuleFileError(.unusedFragment(name: name, language: language), at: location, severity: .warning))
      }
    }
    return CompiledRuleSet(library: library, rules: compiled, catalogs: catalogs, problems: problems, patternCache: cache)
  }
}
