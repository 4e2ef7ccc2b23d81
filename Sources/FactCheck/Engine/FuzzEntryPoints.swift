import PatternMatching

/// Entry points for the libFuzzer harnesses in `Fuzz/` — for fuzzing only, not an API.
///
/// `Fuzz/` is a package of its own (it needs `-sanitize=fuzzer`), so `package` access does not reach it.
/// Everything the harnesses need beyond the library's public face — the number reader, the rule loader and
/// compiler, the example runner, the article loader — goes through this one SPI, which a harness opts into
/// with `@_spi(Fuzzing) import FactCheck`; nothing else has to become public for them.
@_spi(Fuzzing) public enum FuzzEntryPoints {
  /// Every normaliser of one language's lexicon — figures of each kind, dates, hedges and periods —
  /// prepared once and run on arbitrary text.
  @_spi(Fuzzing) public struct Normaliser: Sendable {
    let tables: LexiconTables
    let reader: NumberReader

    /// The normalisers of `language` in `rules`, or `nil` when `rules` has no such lexicon.
    public init?(language: String, rules: CompiledRuleSet) {
      guard let catalog = rules.catalogs[language] else { return nil }
      tables = LexiconTables(catalog.lexicon)
      reader = NumberReader(tables: tables)
    }

    /// Reads `text` as a figure of every kind, a date, a hedge and a period, and formats the figures
    /// read as reports do.
    ///
    /// - Returns: How many figures were read, so the work cannot be optimised away.
    @discardableResult
    public func run(_ text: String) -> Int {
      var read = 0
      for kind in ValueKind.allCases {
        guard let parsed = try? reader.read(text, kind: kind) else { continue }
        read += 1
        _ = NumberFormatting.hedged(parsed.value, hedge: .exact, unit: parsed.unit)
        if let upper = parsed.upper { _ = NumberFormatting.plain(upper) }
      }
      _ = DateReader(tables: tables).read(text)
      let qualifiers = QualifierReader(tables: tables)
      _ = qualifiers.hedge(text)
      _ = qualifiers.period(text)
      return read
    }
  }

  /// The article loader with the language detection of a rule set, prepared once: a harness feeds it bytes
  /// as if read from a file (BOM, NUL, UTF-8 repair, front matter, language).
  @_spi(Fuzzing) public struct ArticleReader: Sendable {
    let loader: ArticleLoader

    /// A loader that detects the languages `rules` has lexicons for.
    public init(rules: CompiledRuleSet) {
      loader = ArticleLoader(lexicons: rules.library.lexicons)
    }

    /// The article `bytes` make under the name `path`, or `nil` when a file with these bytes would be
    /// skipped (empty, binary, UTF-16…).
    public func article(path: String, bytes: [UInt8]) -> Article? {
      guard case .article(let article) = loader.load(path: path, bytes: bytes) else { return nil }
      return article
    }
  }

  /// Reads `text` as one rule file named `path` and compiles it, as a rule directory would be: every
  /// problem is in the result's ``CompiledRuleSet/problems`` and the rules that survive are compiled.
  public static func compileRules(path: String, text: String) -> CompiledRuleSet {
    // No pattern cache: every fuzz input is a rule set of its own, and each would leave a cache file.
    RuleCompiler.compile(RuleFileLoader.load(texts: [(path: path, text: text)]), cacheDirectory: nil)
  }

  /// Runs the examples of every rule in `rules`, as `factcheck test-rules` does.
  ///
  /// - Returns: How many examples ran, so the work cannot be optimised away.
  @discardableResult
  public static func runExamples(_ rules: CompiledRuleSet) -> Int {
    RuleTester.run(rules).examplesRun
  }
}
