import FactCheckModel

/// One key of a lexicon: its YAML name, the shape of its value, and the ``Lexicon`` property that holds it.
///
/// The shape says everything the engine does with a key, so that a key is declared once, in
/// ``LexiconSchema``: how its YAML value is read and checked, how a user's layer adds to the bundled one,
/// how its words are normalised for lookups (``LexiconTables``), how many entries it gives (to blame the
/// longest list when a placeholder grows too large for PCRE2), and what the reference in `Rules/README.md`
/// says it is.
package struct LexiconKey: Sendable {
  /// What a key's value is, and where it is kept.
  package enum Shape: Sendable {
    /// The language code, read before everything else (it names the lexicon).
    case languageCode
    /// One of the two decimal marks, `,` or `.`.
    case decimalMark(WritableKeyPath<Lexicon, Character> & Sendable)
    /// `true` or `false`.
    case flag(WritableKeyPath<Lexicon, Bool> & Sendable)
    /// A list of words or phrases.
    case words(WritableKeyPath<Lexicon, [String]> & Sendable)
    /// A list of words kept as a set (looked up as written, case included).
    case wordSet(WritableKeyPath<Lexicon, Set<String>> & Sendable)
    /// `words: number` (`1e9`, `1_000` and `0.5` read as numbers).
    case numbers(WritableKeyPath<Lexicon, [String: Double]> & Sendable)
    /// `words: whole number` (months 1…12, quarters 1…4).
    case wholeNumbers(WritableKeyPath<Lexicon, [String: Int]> & Sendable)
    /// `words: code`: an ISO code, an attribute, a unit or a scope.
    case codes(WritableKeyPath<Lexicon, [String: String]> & Sendable)
    /// A list of `{kind, words, tolerance}`.
    case hedges
    /// A list of `{period, words, modality}`.
    case periods
    /// `name: regex`.
    case fragments
  }

  /// The YAML key.
  package let name: String
  package let shape: Shape
  /// The built-in placeholders whose regex is built from this key's words (see ``PlaceholderCatalog``).
  package var placeholders: Set<String> = []

  /// How the value is written, for the reference in `Rules/README.md`.
  package var shapeDescription: String {
    switch shape {
    case .languageCode: "ISO 639-1 code"
    case .decimalMark: "`,` or `.`"
    case .flag: "`true` or `false`"
    case .words, .wordSet: "list of words"
    case .numbers: "`words: number`"
    case .wholeNumbers: "`words: whole number`"
    case .codes: "`words: code`"
    case .hedges: "list of `{kind, words, tolerance}`"
    case .periods: "list of `{period, words, modality}`"
    case .fragments: "`name: regex`"
    }
  }

  // MARK: - Reading

  /// Reads this key's YAML value into `lexicon`, reporting a value of the wrong shape.
  package func read(_ node: YAMLNode, into lexicon: inout Lexicon, _ reader: YAMLReader) {
    switch shape {
    case .languageCode:
      break
    case .decimalMark(let path):
      guard let text = reader.string(node, key: name) else { return }
      if text == "," || text == "." {
        lexicon[keyPath: path] = Character(text)
      } else {
        reader.report(.invalidValue(key: name, value: text, reason: "expected ',' or '.'"), at: node)
      }
    case .flag(let path):
      if let value = reader.bool(node, key: name) { lexicon[keyPath: path] = value }
    case .words(let path):
      lexicon[keyPath: path] = reader.strings(node, key: name) ?? []
    case .wordSet(let path):
      lexicon[keyPath: path] = Set(reader.strings(node, key: name) ?? [])
    case .numbers(let path):
      lexicon[keyPath: path] = DefinitionParser.numberTable(node, key: name, reader)
    case .wholeNumbers(let path):
      lexicon[keyPath: path] = DefinitionParser.numberTable(node, key: name, reader).mapValues { Int($0) }
    case .codes(let path):
      lexicon[keyPath: path] = DefinitionParser.stringTable(node, key: name, reader)
    case .hedges:
      if let items = reader.sequence(node, key: name) { lexicon.hedges = items.compactMap { DefinitionParser.hedge($0, reader) } }
    case .periods:
      if let items = reader.sequence(node, key: name) { lexicon.periods = items.compactMap { DefinitionParser.period($0, reader) } }
    case .fragments:
      DefinitionParser.fragments(node, into: &lexicon, reader)
    }
  }

  // MARK: - Layering

  /// Adds `layer`'s value of this key to `lexicon`'s (a user's layer over the bundled one): lists grow,
  /// tables gain and override entries, and a single value (a flag, the decimal mark) is replaced when the
  /// layer gives it.
  package func merge(_ layer: Lexicon, into lexicon: inout Lexicon) {
    switch shape {
    case .languageCode:
      break
    case .decimalMark(let path):
      if layer.keyLocations[name] != nil { lexicon[keyPath: path] = layer[keyPath: path] }
    case .flag(let path):
      if layer.keyLocations[name] != nil { lexicon[keyPath: path] = layer[keyPath: path] }
    case .words(let path):
      lexicon[keyPath: path] += layer[keyPath: path]
    case .wordSet(let path):
      lexicon[keyPath: path].formUnion(layer[keyPath: path])
    case .numbers(let path):
      lexicon[keyPath: path].merge(layer[keyPath: path]) { $1 }
    case .wholeNumbers(let path):
      lexicon[keyPath: path].merge(layer[keyPath: path]) { $1 }
    case .codes(let path):
      lexicon[keyPath: path].merge(layer[keyPath: path]) { $1 }
    case .hedges:
      lexicon.hedges += layer.hedges
    case .periods:
      lexicon.periods += layer.periods
    case .fragments:
      lexicon.fragments.merge(layer.fragments) { $1 }
      lexicon.fragmentLocations.merge(layer.fragmentLocations) { $1 }
      lexicon.fragmentSources.merge(layer.fragmentSources) { $1 }
    }
  }

  // MARK: - Lookups

  /// Rewrites this key's words in `lexicon` as ``TextNormalisation/key(_:)`` writes captured text, so that
  /// a lookup of captured text finds them. Table keys also read "vingt-deux" as "vingt deux", as the
  /// number reader does; hedges, periods and fragments have lookups of their own.
  package func normalise(_ lexicon: inout Lexicon) {
    func keyed<V>(_ table: [String: V]) -> [String: V] {
      Dictionary(table.map { (TextNormalisation.key($0.key).replacingHyphensBetweenLetters(), $0.value) },
                 uniquingKeysWith: { first, _ in first })
    }
    switch shape {
    case .languageCode, .decimalMark, .flag, .hedges, .periods, .fragments:
      break
    case .words(let path):
      lexicon[keyPath: path] = lexicon[keyPath: path].map { TextNormalisation.key($0) }
    case .wordSet(let path):
      lexicon[keyPath: path] = Set(lexicon[keyPath: path].map { TextNormalisation.key($0) })
    case .numbers(let path):
      lexicon[keyPath: path] = keyed(lexicon[keyPath: path])
    case .wholeNumbers(let path):
      lexicon[keyPath: path] = keyed(lexicon[keyPath: path])
    case .codes(let path):
      lexicon[keyPath: path] = keyed(lexicon[keyPath: path])
    }
  }

  /// How many words or entries this key gives in `lexicon`.
  package func entryCount(in lexicon: Lexicon) -> Int {
    switch shape {
    case .languageCode, .decimalMark, .flag: 0
    case .words(let path): lexicon[keyPath: path].count
    case .wordSet(let path): lexicon[keyPath: path].count
    case .numbers(let path): lexicon[keyPath: path].count
    case .wholeNumbers(let path): lexicon[keyPath: path].count
    case .codes(let path): lexicon[keyPath: path].count
    case .hedges: lexicon.hedges.reduce(0) { $0 + $1.words.count }
    case .periods: lexicon.periods.reduce(0) { $0 + $1.words.count }
    case .fragments: lexicon.fragments.count
    }
  }
}
