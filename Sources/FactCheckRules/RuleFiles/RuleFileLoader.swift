import FactCheckModel
import Foundation
import PatternMatching

/// Reads rule directories (YAML files, recursively) into a ``RuleLibrary``.
///
/// A rule file is a mapping with any of: `language` (default for its rules), `attributes`, `entities`,
/// `lexicon`, `rules`, `checks`, `suppress` (findings accepted, see ``Suppression``), `examples` (examples of rules defined anywhere in the same layer or an
/// earlier one). A broken file or rule is reported with its line and column and left out; everything
/// else still loads, so one run reports every problem.
package enum RuleFileLoader {
  /// Loads each directory (or single file) as one layer, in order.
  ///
  /// Every layer's files are read before any is parsed: the rule set's pattern cache (in `cacheDirectory`,
  /// `nil` for none) is keyed by their texts, and it keeps the tree of each file parsed before
  /// (``YAMLReader/compose()``), which spares parsing it again. The library keeps the cache for
  /// ``RuleCompiler``. What the files say, and the problems, in their order, are the same either way.
  package static func load(_ paths: [String], cacheDirectory: PatternCacheDirectory? = .fromEnvironment()) -> RuleLibrary {
    var library = RuleLibrary()
    let layers = paths.map(readLayer)
    let texts = layers.flatMap { $0.compactMap(\.text) }
    let cache = PatternCache.forRuleSet(texts, directory: cacheDirectory)
    library.patternCache = cache.map { (cacheDirectory!.path, $0) }
    for items in layers {
      var layer = LayerState()
      for item in items {
        switch item {
        case .problem(let problem): library.problems.append(problem)
        case .file(let path, let text): loadFile(path: path, text: text, into: &library, layer: &layer, cache: cache)
        }
      }
      attachExamples(layer, to: &library)
    }
    validateReferences(&library)
    return library
  }

  /// Loads YAML texts given in memory as one layer (tests, fuzzing, embedding).
  package static func load(texts: [(path: String, text: String)]) -> RuleLibrary {
    var library = RuleLibrary()
    var layer = LayerState()
    for (path, text) in texts { loadFile(path: path, text: text, into: &library, layer: &layer) }
    attachExamples(layer, to: &library)
    validateReferences(&library)
    return library
  }

  // MARK: - Layers and files

  package struct LayerState {
    package var ruleIDs: [String: SourceLocation] = [:]
    package var attributeNames: [String: SourceLocation] = [:]
    package var checkIDs: [String: SourceLocation] = [:]
    /// Entries of `examples:` lists, attached to their rules once the whole layer is read.
    package var examples: [(ruleID: String, at: SourceLocation, example: RuleExample)] = []
    /// Ids of rules that were reported broken, whose examples need no second error.
    package var brokenRuleIDs: Set<String> = []
  }

  /// What reading a layer's files gives, in their order: a file's text, or why it cannot be read.
  private enum LayerItem {
    case file(path: String, text: String)
    case problem(RuleFileError)

    var text: String? {
      if case .file(_, let text) = self { return text }
      return nil
    }
  }

  /// Reads the files of a layer (a folder, recursively, or one file).
  private static func readLayer(_ path: String) -> [LayerItem] {
    var items: [LayerItem] = []
    var problems: [RuleFileError] = []
    let files = yamlFiles(under: path, problems: &problems)
    items += problems.map(LayerItem.problem)
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        items.append(.problem(RuleFileError(.unreadable(reason: "permission denied or not a file"),
                                            at: SourceLocation(path: file, line: 1, column: 1))))
        continue
      }
      if data.count > YAMLReader.maxBytes {
        items.append(.problem(RuleFileError(.tooLarge(bytes: data.count, limit: YAMLReader.maxBytes),
                                            at: SourceLocation(path: file, line: 1, column: 1))))
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        let offset = UTF8Subject.firstInvalidOffset(in: [UInt8](data)) ?? 0
        let position = LineIndex([UInt8](data)).position(of: offset)
        items.append(.problem(RuleFileError(.unreadable(reason: "not valid UTF-8"),
                                            at: SourceLocation(path: file, line: position.line, column: position.column))))
        continue
      }
      items.append(.file(path: file, text: text))
    }
    return items
  }

  private static func yamlFiles(under path: String, problems: inout [RuleFileError]) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      problems.append(RuleFileError(.unreadable(reason: "no such file or directory"),
                                    at: SourceLocation(path: path, line: 1, column: 1)))
      return []
    }
    guard isDirectory.boolValue else { return [path] }
    var files: [String] = []
    // Enumerated through its real path (a symlinked folder is not descended otherwise), reported
    // under the path the user gave.
    let enumerator = FileManager.default.enumerator(atPath: (path as NSString).resolvingSymlinksInPath)
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
        files.append((path as NSString).appendingPathComponent(relative))
      }
    }
    if files.isEmpty {
      problems.append(RuleFileError(.unreadable(reason: "no rule files (*.yaml, *.yml) in this directory"),
                                    at: SourceLocation(path: path, line: 1, column: 1), severity: .warning))
    }
    return files.sorted()
  }

  package static func loadFile(path: String, text: String, into library: inout RuleLibrary, layer: inout LayerState,
                               cache: PatternCache? = nil) {
    library.files.append(path)
    library.fileTexts.append(text)
    let reader = YAMLReader(path: path, text: text, cache: cache)
    defer { library.problems += reader.errors }
    guard let root = reader.compose() else { return }
    guard let top = reader.mapping(root, allowed: ["language", "attributes", "entities", "lexicon", "rules", "checks", "examples", "suppress"],
                                   owner: "rule file") else { return }
    let language = top["language"].flatMap { node in reader.string(node, key: "language").map { ($0, reader.location(node)) } }
    if let node = top["attributes"], let items = reader.sequence(node, key: "attributes") {
      for item in items {
        guard let attribute = DefinitionParser.attribute(item, reader) else { continue }
        if let other = layer.attributeNames[attribute.name] {
          reader.report(.duplicateID(id: attribute.name, other: other), at: attribute.location)
          continue
        }
        layer.attributeNames[attribute.name] = attribute.location
        library.attributes[attribute.name] = attribute
      }
    }
    if let node = top["entities"], let items = reader.sequence(node, key: "entities") {
      for item in items {
        guard let entity = DefinitionParser.entity(item, reader) else { continue }
        library.entities.removeAll { $0.name == entity.name }
        library.entities.append(entity)
      }
    }
    if let node = top["lexicon"], let lexicon = DefinitionParser.lexicon(node, reader) {
      if library.lexicons[lexicon.language] != nil {
        library.lexicons[lexicon.language]!.merge(lexicon)
      } else {
        library.lexicons[lexicon.language] = lexicon
      }
    }
    if let node = top["rules"], let items = reader.sequence(node, key: "rules") {
      for item in items {
        guard let rule = DefinitionParser.rule(item, defaultLanguage: language, reader) else {
          if case .mapping(let mapping) = item, let id = mapping["id"]?.scalar?.string { layer.brokenRuleIDs.insert(id) }
          continue
        }
        if let other = layer.ruleIDs[rule.id] {
          reader.report(.duplicateID(id: rule.id, other: other), at: rule.location)
          continue
        }
        layer.ruleIDs[rule.id] = rule.location
        if let index = library.rules.firstIndex(where: { $0.id == rule.id }) {
          reader.report(.overrides(id: rule.id, previous: library.rules[index].location), at: rule.location, severity: .note)
          library.rules[index] = rule
        } else {
          library.rules.append(rule)
        }
      }
    }
    if let node = top["checks"], let items = reader.sequence(node, key: "checks") {
      for item in items {
        guard let check = DefinitionParser.check(item, reader) else { continue }
        if let other = layer.checkIDs[check.id] {
          reader.report(.duplicateID(id: check.id, other: other), at: check.location)
          continue
        }
        layer.checkIDs[check.id] = check.location
        library.checks.removeAll { $0.id == check.id }
        library.checks.append(check)
      }
    }
    if let node = top["suppress"], let items = reader.sequence(node, key: "suppress") {
      library.suppressions += items.compactMap { DefinitionParser.suppression($0, reader) }
    }
    if let node = top["examples"], let items = reader.sequence(node, key: "examples") {
      for item in items {
        guard let entry = DefinitionParser.exampleEntry(item, reader) else { continue }
        layer.examples.append(entry)
      }
    }
  }

  /// Attaches a layer's example-file entries to their rules (defined in this layer or an earlier one).
  ///
  /// They number after the rule's own examples. A later layer that replaces the rule replaces them too.
  private static func attachExamples(_ layer: LayerState, to library: inout RuleLibrary) {
    for entry in layer.examples {
      if let index = library.rules.firstIndex(where: { $0.id == entry.ruleID }) {
        library.rules[index].examples.append(entry.example)
      } else if !layer.brokenRuleIDs.contains(entry.ruleID) {
        let suggestion = EditDistance.suggestion(for: entry.ruleID, among: library.rules.map(\.id))
        library.problems.append(RuleFileError(.unknownRule(id: entry.ruleID, suggestion: suggestion), at: entry.at))
      }
    }
  }

  // MARK: - Cross-file validation

  /// Checks what one file cannot check alone: attributes and languages that rules and checks name.
  private static func validateReferences(_ library: inout RuleLibrary) {
    var problems: [RuleFileError] = []
    let attributeNames = Array(library.attributes.keys).sorted()
    let languages = Array(library.lexicons.keys).sorted()
    library.rules.removeAll { rule in
      var broken = false
      if rule.kind == .claim && !rule.continuesPreviousClaim && library.attributes[rule.attribute] == nil {
        problems.append(RuleFileError(.unknownAttribute(name: rule.attribute,
                                                        suggestion: EditDistance.suggestion(for: rule.attribute, among: attributeNames)),
                                      at: rule.attributeLocation ?? rule.location))
        broken = true
      }
      for (_, override) in rule.values.sorted(by: { $0.key < $1.key }) {
        if let attribute = override.attribute, library.attributes[attribute] == nil {
          problems.append(RuleFileError(.unknownAttribute(name: attribute,
                                                          suggestion: EditDistance.suggestion(for: attribute, among: attributeNames)),
                                        at: override.attributeLocation ?? rule.location))
          broken = true
        }
      }
      if library.lexicons[rule.language] == nil {
        problems.append(RuleFileError(.unknownLanguage(language: rule.language, known: languages),
                                      at: rule.languageLocation ?? rule.location))
        broken = true
      }
      return broken
    }
    library.checks.removeAll { check in
      var broken = false
      for (name, location) in check.namedAttributes where library.attributes[name] == nil {
        problems.append(RuleFileError(.unknownAttribute(name: name, suggestion: EditDistance.suggestion(for: name, among: attributeNames)),
                                      at: location ?? check.location))
        broken = true
      }
      return broken
    }
    library.problems += problems
  }
}
