import FactCheckModel

/// Turns YAML nodes into definitions, reporting every problem through the ``YAMLReader``.
package enum DefinitionParser {
  package static let severities: [String: Severity] = ["error": .error, "warning": .warning, "note": .note]
  package static let modalities: [String: Modality] = ["actual": .actual, "projected": .projected]

  // MARK: - Attributes

  package static func attribute(_ node: YAMLNode, _ reader: YAMLReader) -> AttributeDefinition? {
    let before = reader.errors.count
    guard let map = reader.mapping(node, allowed: ["name", "kind", "unit", "tolerance", "severity", "label",
                                                   "description", "generic", "forecasts", "flow", "event", "many_per_entity"],
                                   required: ["name", "kind"], owner: "attribute") else { return nil }
    let name = map["name"].flatMap { reader.string($0, key: "name") }
    let kinds = Dictionary(uniqueKeysWithValues: ValueKind.allCases.map { ($0.rawValue, $0) })
    let kind = map["kind"].flatMap { reader.choice($0, key: "kind", kinds) }
    var tolerance = Tolerance.relative(0)
    if let node = map["tolerance"], let text = reader.string(node, key: "tolerance") {
      if let parsed = Tolerance(text: text) {
        tolerance = parsed
      } else {
        reader.report(.invalidValue(key: "tolerance", value: text, reason: "expected a percentage such as '2%' or an amount such as '0.5'"),
                      at: node)
      }
    }
    let severity = map["severity"].flatMap { reader.choice($0, key: "severity", severities) } ?? .error
    let generic = map["generic"].flatMap { reader.bool($0, key: "generic") } ?? false
    let forecasts = map["forecasts"].flatMap { reader.bool($0, key: "forecasts") } ?? true
    let flow = map["flow"].flatMap { reader.bool($0, key: "flow") } ?? false
    let event = map["event"].flatMap { reader.bool($0, key: "event") } ?? false
    let manyPerEntity = map["many_per_entity"].flatMap { reader.bool($0, key: "many_per_entity") } ?? false
    guard reader.errors.count == before, let name, let kind else { return nil }
    var attribute = AttributeDefinition(
      name: name, kind: kind, unit: map["unit"].flatMap { reader.string($0, key: "unit") }, tolerance: tolerance,
      severity: severity, label: map["label"].flatMap { reader.string($0, key: "label") },
      description: map["description"].flatMap { reader.string($0, key: "description") } ?? "",
      isGeneric: generic, location: reader.location(node))
    attribute.canBeForecast = forecasts
    attribute.isFlow = flow
    attribute.isEvent = event
    attribute.isManyPerEntity = manyPerEntity
    return attribute
  }

  // MARK: - Entities

  package static func entity(_ node: YAMLNode, _ reader: YAMLReader) -> EntityDefinition? {
    let before = reader.errors.count
    guard let map = reader.mapping(node, allowed: ["name", "kind", "aliases", "organisation", "organization"],
                                   required: ["name"], owner: "entity") else { return nil }
    let name = map["name"].flatMap { reader.string($0, key: "name") }
    let kind = map["kind"].flatMap {
      reader.choice($0, key: "kind", ["organisation": EntityDefinition.Kind.organisation, "organization": .organisation,
                                      "company": .organisation, "person": .person])
    } ?? .organisation
    let aliases = map["aliases"].flatMap { reader.strings($0, key: "aliases") } ?? []
    let organisation = (map["organisation"] ?? map["organization"]).flatMap { reader.string($0, key: "organisation") }
    guard reader.errors.count == before, let name else { return nil }
    return EntityDefinition(name: name, kind: kind, aliases: aliases, organisation: organisation, location: reader.location(node))
  }

  // MARK: - Lexicons

  /// A lexicon: each key read as ``LexiconSchema`` shapes it, in file order.
  package static func lexicon(_ node: YAMLNode, _ reader: YAMLReader) -> Lexicon? {
    guard let map = reader.mapping(node, allowed: LexiconSchema.keys.map(\.name), required: ["language"], owner: "lexicon"),
      let language = map["language"].flatMap({ reader.string($0, key: "language") })
    else { return nil }
    var lexicon = Lexicon(language: language, location: reader.location(node))
    for entry in map.entries {
      lexicon.keyLocations[entry.key] = reader.location(entry.keyNode)
      LexiconSchema.byName[entry.key]?.read(entry.value, into: &lexicon, reader)
    }
    return lexicon
  }

  /// `fragments:`, names checked, each pattern located byte by byte for PCRE2 errors.
  package static func fragments(_ node: YAMLNode, into lexicon: inout Lexicon, _ reader: YAMLReader) {
    guard case .mapping(let mapping) = node else {
      reader.report(.wrongType(key: "fragments", expected: "a mapping of name: pattern"), at: node)
      return
    }
    for (keyNode, value) in mapping {
      guard let name = keyNode.scalar?.string, let pattern = reader.locatedString(value, key: "fragments.\(keyNode.scalar?.string ?? "")") else { continue }
      guard name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
        reader.report(.invalidValue(key: "fragment name", value: name, reason: "use letters, digits and '_'"), at: keyNode)
        continue
      }
      lexicon.fragments[name] = pattern.text
      lexicon.fragmentLocations[name] = reader.location(keyNode)
      lexicon.fragmentSources[name] = LocatedPattern(pattern, length: pattern.text.utf8.count)
    }
  }

  /// `word: number` pairs; numbers may be written `1e9` or `1_000`.
  package static func numberTable(_ node: YAMLNode, key: String, _ reader: YAMLReader) -> [String: Double] {
    guard case .mapping(let mapping) = node else {
      reader.report(.wrongType(key: key, expected: "a mapping of word: number"), at: node)
      return [:]
    }
    var table: [String: Double] = [:]
    for (keyNode, value) in mapping {
      guard let word = keyNode.scalar?.string, let number = reader.double(value, key: "\(key).\(word)") else { continue }
      table[word] = number
    }
    return table
  }

  package static func stringTable(_ node: YAMLNode, key: String, _ reader: YAMLReader) -> [String: String] {
    guard case .mapping(let mapping) = node else {
      reader.report(.wrongType(key: key, expected: "a mapping of word: code"), at: node)
      return [:]
    }
    var table: [String: String] = [:]
    for (keyNode, value) in mapping {
      guard let word = keyNode.scalar?.string, let code = reader.string(value, key: "\(key).\(word)") else { continue }
      table[word] = code
    }
    return table
  }

  package static func hedge(_ node: YAMLNode, _ reader: YAMLReader) -> Lexicon.HedgeWord? {
    guard let map = reader.mapping(node, allowed: ["kind", "tolerance", "words"], required: ["kind", "words"], owner: "hedge"),
      let kindNode = map["kind"], let kind = reader.string(kindNode, key: "kind"),
      let words = map["words"].flatMap({ reader.strings($0, key: "words") })
    else { return nil }
    let hedge: Hedge
    switch kind {
    case "approximate", "nearly":
      var tolerance = 0.05
      if let node = map["tolerance"], let text = reader.string(node, key: "tolerance") {
        guard case .relative(let r)? = Tolerance(text: text) else {
          reader.report(.invalidValue(key: "tolerance", value: text, reason: "expected a percentage such as '5%'"), at: node)
          return nil
        }
        tolerance = r
      }
      hedge = kind == "nearly" ? .nearly(tolerance: tolerance) : .approximate(tolerance: tolerance)
    case "more_than": hedge = .lowerBound(inclusive: false)
    case "at_least": hedge = .lowerBound(inclusive: true)
    case "less_than": hedge = .upperBound(inclusive: false)
    case "at_most": hedge = .upperBound(inclusive: true)
    default:
      let known = ["approximate", "nearly", "more_than", "at_least", "less_than", "at_most"]
      reader.report(.invalidValue(key: "kind", value: kind, reason: "expected one of \(known.joined(separator: ", "))"
                                  + (EditDistance.suggestion(for: kind, among: known).map { "; did you mean '\($0)'?" } ?? "")),
                    at: kindNode)
      return nil
    }
    return Lexicon.HedgeWord(words: words, hedge: hedge)
  }

  package static func period(_ node: YAMLNode, _ reader: YAMLReader) -> Lexicon.PeriodWord? {
    guard let map = reader.mapping(node, allowed: ["period", "modality", "words"], required: ["period", "words"], owner: "period"),
      let periodNode = map["period"], let text = reader.string(periodNode, key: "period"),
      let words = map["words"].flatMap({ reader.strings($0, key: "words") })
    else { return nil }
    guard let period = Period(key: text) else {
      reader.report(.invalidValue(key: "period", value: text, reason: "expected current, last_year, next_year, year-N, year+N, a year, or unspecified"
                                    + periodHint(text)), at: periodNode)
      return nil
    }
    let modality = map["modality"].flatMap { reader.choice($0, key: "modality", modalities) }
    return Lexicon.PeriodWord(words: words, period: period, modality: modality)
  }

  // MARK: - Rules

  /// A rule; `defaultLanguage` is its file's `language:` and where it is written.
  package static func rule(_ node: YAMLNode, defaultLanguage: (text: String, location: SourceLocation)?, _ reader: YAMLReader) -> RuleDefinition? {
    let before = reader.errors.count
    guard let map = reader.mapping(node, allowed: ["id", "kind", "attribute", "continues", "language", "pattern", "period", "modality",
                                                   "priority", "case_sensitive", "context", "description", "values", "examples"],
                                   required: ["id", "pattern"], owner: "rule") else { return nil }
    let id = map["id"].flatMap { reader.string($0, key: "id") }
    let kind = map["kind"].flatMap { reader.choice($0, key: "kind", ["claim": RuleDefinition.Kind.claim, "dateline": .dateline]) } ?? .claim
    var attribute = map["attribute"].flatMap { reader.string($0, key: "attribute") }
    // `continues: previous`: the figure continues the sentence's previous claim (its attribute and entity),
    // as `attribute: '@previous'` says in older rule files.
    if let node = map["continues"], reader.choice(node, key: "continues", ["previous": true]) == true {
      if let given = attribute, given != RuleDefinition.previousAttribute {
        reader.report(.invalidValue(key: "attribute", value: given, reason: "a rule with `continues: previous` takes the previous claim's attribute; remove `attribute`"), at: node)
      }
      attribute = RuleDefinition.previousAttribute
    }
    if kind == .claim && attribute == nil && map.lacks("attribute") {
      reader.report(.missingKey(key: "attribute", in: "rule '\(id ?? "?")'"), at: node)
    }
    let language = map["language"].flatMap { reader.string($0, key: "language") } ?? defaultLanguage?.text
    if language == nil && map.lacks("language") {
      reader.report(.missingKey(key: "language", in: "rule '\(id ?? "?")' (or its file)"), at: node)
    }
    let pattern = map["pattern"].flatMap { reader.locatedString($0, key: "pattern") }
    var period = Period.current
    if let node = map["period"], let text = reader.string(node, key: "period") {
      if let parsed = Period(key: text) { period = parsed } else {
        reader.report(.invalidValue(key: "period", value: text, reason: "expected current, last_year, next_year, year-N, year+N, a year, "
                                      + "a change such as last_year_to_current, or unspecified" + periodHint(text)), at: node)
      }
    }
    let modality = map["modality"].flatMap { reader.choice($0, key: "modality", modalities) } ?? .actual
    let priority = map["priority"].flatMap { reader.int($0, key: "priority") } ?? 0
    let caseSensitive = map["case_sensitive"].flatMap { reader.bool($0, key: "case_sensitive") } ?? false
    var values: [String: RuleDefinition.ValueOverride] = [:]
    if let node = map["values"] {
      if case .mapping(let mapping) = node {
        for (labelNode, value) in mapping {
          guard let label = labelNode.scalar?.string, let override = valueOverride(value, reader) else { continue }
          values[label] = override
        }
      } else {
        reader.report(.wrongType(key: "values", expected: "a mapping of label: overrides"), at: node)
      }
    }
    var examples: [RuleExample] = []
    if let node = map["examples"], let items = reader.sequence(node, key: "examples") {
      examples = items.compactMap { example($0, reader) }
    }
    let usesContext = map["context"].flatMap { reader.bool($0, key: "context") } ?? true
    guard reader.errors.count == before, let id, let language, let pattern else { return nil }
    let patternText = patternSource(pattern)
    var rule = RuleDefinition(
      id: id, kind: kind, attribute: attribute ?? "", language: language, pattern: patternText, period: period,
      modality: modality, priority: priority, caseSensitive: caseSensitive,
      description: map["description"].flatMap { reader.string($0, key: "description") } ?? "",
      values: values, examples: examples, location: reader.location(node),
      patternSource: LocatedPattern(pattern, length: patternText.utf8.count))
    rule.usesContext = usesContext
    rule.attributeLocation = map["attribute"].map { reader.location($0) }
    rule.languageLocation = map["language"].map { reader.location($0) } ?? defaultLanguage?.location
    return rule
  }

  /// The pattern text a rule compiles (its bytes are located by ``LocatedPattern``).
  ///
  /// A pattern written as a block scalar (`|`, `>`) may span lines: its line breaks count as spaces (a
  /// space matches any spacing) and its final line break is dropped. Both keep byte offsets unchanged.
  private static func patternSource(_ pattern: LocatedText) -> String {
    guard pattern.style == .literal || pattern.style == .folded else { return pattern.text }
    var bytes = Array(pattern.text.utf8)
    while bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r") {
      bytes.removeLast()
    }
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
      bytes[index] = UInt8(ascii: " ")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// "; did you mean 'last_year'?" for a misspelt period key.
  package static func periodHint(_ text: String) -> String {
    let keys = ["current", "last_year", "next_year", "this_year", "unspecified", "previous", "last_year_to_current"]
    return EditDistance.suggestion(for: text, among: keys).map { "; did you mean '\($0)'?" } ?? ""
  }

  private static func valueOverride(_ node: YAMLNode, _ reader: YAMLReader) -> RuleDefinition.ValueOverride? {
    guard let map = reader.mapping(node, allowed: ["attribute", "period", "modality", "claim", "negative"], owner: "value") else { return nil }
    var override = RuleDefinition.ValueOverride(attribute: nil, period: nil, isPrevious: false, modality: nil, makesClaim: true)
    override.attribute = map["attribute"].flatMap { reader.string($0, key: "attribute") }
    override.attributeLocation = map["attribute"].map { reader.location($0) }
    if let node = map["period"], let text = reader.string(node, key: "period") {
      if text == "previous" {
        override.isPrevious = true
      } else if let period = Period(key: text) {
        override.period = period
      } else {
        reader.report(.invalidValue(key: "period", value: text, reason: "expected previous, current, last_year, next_year, year-N, a year"
                                      + periodHint(text)), at: node)
        return nil
      }
    }
    override.modality = map["modality"].flatMap { reader.choice($0, key: "modality", modalities) }
    override.makesClaim = map["claim"].flatMap { reader.bool($0, key: "claim") } ?? true
    override.isNegative = map["negative"].flatMap { reader.bool($0, key: "negative") } ?? false
    return override
  }

  private static func example(_ node: YAMLNode, _ reader: YAMLReader) -> RuleExample? {
    guard let map = reader.mapping(node, allowed: ["text", "expect", "published"], required: ["text"], owner: "example") else { return nil }
    return example(map, reader)
  }

  /// An entry of a file's top-level `examples:` list: a rule id and an example for that rule.
  package static func exampleEntry(_ node: YAMLNode, _ reader: YAMLReader) -> (ruleID: String, at: SourceLocation, example: RuleExample)? {
    guard let map = reader.mapping(node, allowed: ["rule", "text", "expect", "published"], required: ["rule", "text"],
                                   owner: "example"),
      let ruleNode = map["rule"], let ruleID = reader.string(ruleNode, key: "rule")
    else { return nil }
    guard let example = example(map, reader) else { return nil }
    return (ruleID, reader.location(ruleNode), example)
  }

  private static func example(_ map: YAMLMap, _ reader: YAMLReader) -> RuleExample? {
    let node = map.node
    guard let text = map["text"].flatMap({ reader.string($0, key: "text") }) else { return nil }
    var published: Day?
    if let node = map["published"], let value = reader.string(node, key: "published") {
      published = Day(iso: value)
      if published == nil { reader.report(.invalidValue(key: "published", value: value, reason: "expected YYYY-MM-DD"), at: node) }
    }
    guard let expectNode = map["expect"] else {
      reader.report(.invalidValue(key: "example", value: String(text.prefix(40)),
                                  reason: "asserts nothing; add 'expect:' with the claims it must yield, or 'expect: none'"),
                    at: node)
      return nil
    }
    var expected: [RuleExample.ExpectedClaim] = []
    switch expectNode {
    case .scalar(let scalar) where scalar.string == "none" || scalar.string == "[]":
      expected = []
    case .mapping:
      guard let claim = expectedClaim(expectNode, reader) else { return nil }
      expected = [claim]
    case .sequence(let items):
      if items.isEmpty { expected = [] }
      for item in items {
        guard let claim = expectedClaim(item, reader) else { return nil }
        expected.append(claim)
      }
    case .scalar:
      reader.report(.wrongType(key: "expect", expected: "a claim mapping, a list of them, or 'none'"), at: expectNode)
      return nil
    }
    return RuleExample(text: text, published: published, expected: expected, location: reader.location(node))
  }

  private static func expectedClaim(_ node: YAMLNode, _ reader: YAMLReader) -> RuleExample.ExpectedClaim? {
    let before = reader.errors.count
    guard let map = reader.mapping(node, allowed: ["value", "attribute", "entity", "hedge", "period", "modality", "unit", "text", "scope"],
                                   owner: "expected claim") else { return nil }
    var claim = RuleExample.ExpectedClaim()
    claim.value = map["value"].flatMap { reader.double($0, key: "value") }
    claim.attribute = map["attribute"].flatMap { reader.string($0, key: "attribute") }
    claim.entity = map["entity"].flatMap { reader.string($0, key: "entity") }
    claim.hedge = map["hedge"].flatMap { reader.string($0, key: "hedge") }
    claim.period = map["period"].flatMap { reader.string($0, key: "period") }
    claim.modality = map["modality"].flatMap { reader.string($0, key: "modality") }
    claim.unit = map["unit"].flatMap { reader.string($0, key: "unit") }
    claim.text = map["text"].flatMap { reader.string($0, key: "text") }
    claim.scope = map["scope"].flatMap { reader.string($0, key: "scope") }
    if claim.isEmpty {
      // `{valeur: 3800}` is empty because of its misspelt key, already reported.
      guard reader.errors.count == before else { return nil }
      reader.report(.invalidValue(key: "expect", value: "{}", reason: "an expected claim must give at least one field (value, entity, period…)"),
                    at: node)
      return nil
    }
    return claim
  }

  // MARK: - Checks

  package static func check(_ node: YAMLNode, _ reader: YAMLReader) -> CheckDefinition? {
    let before = reader.errors.count
    guard let map = reader.mapping(node, allowed: ["id", "kind", "stated", "base", "attributes", "direction", "tolerance", "severity",
                                                   "description"],
                                   required: ["id", "kind"], owner: "check") else { return nil }
    let id = map["id"].flatMap { reader.string($0, key: "id") }
    let kind = map["kind"].flatMap {
      reader.choice($0, key: "kind", ["percent_change": CheckDefinition.Kind.percentChange,
                                      "same_amount_two_currencies": .sameAmountTwoCurrencies])
    }
    // A percent change relates two attributes; other kinds name none of them.
    if kind == .percentChange {
      for key in ["stated", "base"] where map.lacks(key) {
        reader.report(.missingKey(key: key, in: "check"), at: node)
      }
    }
    let stated = kind == .percentChange ? map["stated"].flatMap { reader.string($0, key: "stated") } : ""
    let base = kind == .percentChange ? map["base"].flatMap { reader.string($0, key: "base") } : ""
    let attributes = map["attributes"].flatMap { reader.strings($0, key: "attributes") } ?? []
    let direction = map["direction"].flatMap {
      reader.choice($0, key: "direction", ["decrease": CheckDefinition.Direction.decrease, "increase": .increase])
    } ?? .decrease
    let tolerance = map["tolerance"].flatMap { reader.double($0, key: "tolerance") } ?? 1
    let severity = map["severity"].flatMap { reader.choice($0, key: "severity", severities) } ?? .warning
    guard reader.errors.count == before, let id, let kind, let stated, let base else { return nil }
    var check = CheckDefinition(id: id, kind: kind, stated: stated, base: base, direction: direction, tolerance: tolerance,
                                severity: severity, description: map["description"].flatMap { reader.string($0, key: "description") } ?? "",
                                location: reader.location(node))
    check.attributes = attributes
    check.statedLocation = map["stated"].map { reader.location($0) }
    check.baseLocation = map["base"].map { reader.location($0) }
    check.attributesLocation = map["attributes"].map { reader.location($0) }
    return check
  }
}
