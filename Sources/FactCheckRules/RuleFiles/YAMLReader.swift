import FactCheckModel
import Foundation
import PatternMatching

/// Reads one YAML rule file into nodes (``YAMLComposer``), guarding against hostile input, and reads typed values
/// from those nodes while recording every problem with its line and column.
///
/// Rule files are read node by node rather than through `Decodable`: a `DecodingError` carries no
/// position and ignores unknown keys, and both would make for the silent failures and unlocated errors
/// users of other rule engines complain about.
package final class YAMLReader {
  /// Files above this size are refused before parsing.
  package static let maxBytes = 4 << 20
  /// Deeper nesting is refused (see ``YAMLPreflight``).
  package static let maxDepth = 64
  /// Aliases that add more nodes than this once expanded are refused, before they are expanded. The
  /// nodes a file writes out are not limited: its size bounds them.
  package static let maxNodes = 200_000

  package let path: String
  package let text: String
  private(set) var errors: [RuleFileError] = []
  package let lines: LineIndex
  /// The rule set's pattern cache, which keeps the trees of files composed before.
  private let cache: PatternCache?

  package init(path: String, text: String, cache: PatternCache? = nil) {
    self.path = path
    self.text = text
    self.lines = LineIndex(text)
    self.cache = cache
  }

  /// The location of a libYAML mark (1-based line and column in Unicode scalars, as ours).
  package func location(_ mark: YAMLMark) -> SourceLocation {
    SourceLocation(path: path, line: mark.line, column: mark.column)
  }

  /// The location of a node.
  package func location(_ node: YAMLNode) -> SourceLocation { location(node.mark) }

  /// Records a problem.
  package func report(_ kind: RuleFileError.Kind, at location: SourceLocation, severity: Severity = .error) {
    errors.append(RuleFileError(kind, at: location, severity: severity))
  }

  /// Records a problem at a node.
  package func report(_ kind: RuleFileError.Kind, at node: YAMLNode, severity: Severity = .error) {
    report(kind, at: location(node), severity: severity)
  }

  /// Parses the file into one root node, or records why it cannot.
  ///
  /// A tree composed without a problem is kept in the rule set's pattern cache, under the file's whole text
  /// (``YAMLNode/encoded``), and read back from there by a later run instead of parsing the text again:
  /// libYAML's parse and the tree built from its events were half of a one-file check's start-up
  /// instructions. A text that has problems is parsed every time, so that they are reported every time.
  package func compose() -> YAMLNode? {
    let size = text.utf8.count
    if size > YAMLReader.maxBytes {
      report(.tooLarge(bytes: size, limit: YAMLReader.maxBytes), at: SourceLocation(path: path, line: 1, column: 1))
      return nil
    }
    // As deep as `withinBudget` lets a composed tree be (aliases can put a collection deeper than written).
    return try? PatternCache.derived(YAMLNode.cacheName(of: text), in: cache,
                                     decode: { YAMLNode(encoded: $0, maxDepth: 2 * YAMLReader.maxDepth + 1) },
                                     encode: \.encoded) { () throws(NotComposed) in
      guard let root = composeText() else { throw NotComposed() }
      return root
    }
  }

  /// A text that gives no tree (its problems are reported): nothing to keep in the cache.
  private struct NotComposed: Error {}

  /// ``compose()`` from the text.
  private func composeText() -> YAMLNode? {
    let size = text.utf8.count
    let root: YAMLNode?
    do {
      root = try YAMLComposer.compose(text, maxDepth: YAMLReader.maxDepth, maxNodes: YAMLReader.maxNodes)
    } catch {
      report(error)
      return nil
    }
    guard let root else { return nil }
    // A second line of defence: no more nodes than a file of this size can write out (fewer than two
    // per byte, implied nulls included) plus what aliases may add.
    var budget = YAMLReader.maxNodes + 2 * size + 2
    if !withinBudget(root, &budget, depth: 0) {
      report(.tooManyNodes(limit: YAMLReader.maxNodes), at: location(root))
      return nil
    }
    return root
  }

  // MARK: - Typed access

  /// Reads a mapping whose keys must be among `allowed`; unknown keys are reported with a suggestion.
  package func mapping(_ node: YAMLNode, allowed: [String], required: [String] = [], owner: String) -> YAMLMap? {
    guard case .mapping(let mapping) = node else {
      report(.wrongType(key: owner, expected: "a mapping (key: value lines)"), at: node)
      return nil
    }
    var entries: [YAMLMap.Entry] = []
    var suggested: Set<String> = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        report(.wrongType(key: owner, expected: "a mapping with text keys"), at: keyNode)
        continue
      }
      if !allowed.contains(key) {
        let suggestion = EditDistance.suggestion(for: key, among: allowed)
        if let suggestion { suggested.insert(suggestion) }
        report(.unknownKey(key: key, suggestion: suggestion), at: keyNode)
        continue
      }
      entries.append(YAMLMap.Entry(key: key, keyNode: keyNode, value: value))
    }
    let map = YAMLMap(node: node, entries: entries, suggested: suggested)
    // A misspelt required key is reported once, as the misspelling with its did-you-mean.
    for key in required where map[key] == nil && !suggested.contains(key) {
      report(.missingKey(key: key, in: owner), at: node)
    }
    return map
  }

  /// A scalar as text.
  package func string(_ node: YAMLNode, key: String) -> String? {
    guard case .scalar(let scalar) = node else {
      report(.wrongType(key: key, expected: "text"), at: node)
      return nil
    }
    return scalar.string
  }

  /// A scalar or a list of scalars, as a list of texts.
  package func strings(_ node: YAMLNode, key: String) -> [String]? {
    switch node {
    case .scalar(let scalar): return [scalar.string]
    case .sequence(let sequence):
      var result: [String] = []
      for item in sequence {
        guard let text = string(item, key: key) else { return nil }
        result.append(text)
      }
      return result
    default:
      report(.wrongType(key: key, expected: "text or a list of texts"), at: node)
      return nil
    }
  }

  /// A list of nodes (a single non-list item is refused, so a typo in indentation is caught).
  package func sequence(_ node: YAMLNode, key: String) -> [YAMLNode]? {
    guard case .sequence(let sequence) = node else {
      report(.wrongType(key: key, expected: "a list (lines starting with '- ')"), at: node)
      return nil
    }
    return Array(sequence)
  }

  /// A number (integer or decimal; `_` digit separators allowed).
  package func double(_ node: YAMLNode, key: String) -> Double? {
    guard let text = string(node, key: key) else { return nil }
    guard let value = Double(text.replacingOccurrences(of: "_", with: "")) else {
      report(.invalidValue(key: key, value: text, reason: "not a number"), at: node)
      return nil
    }
    return value
  }

  /// An integer.
  package func int(_ node: YAMLNode, key: String) -> Int? {
    guard let text = string(node, key: key) else { return nil }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
      report(.invalidValue(key: key, value: text, reason: "not a whole number"), at: node)
      return nil
    }
    return value
  }

  /// A boolean (`true`/`false`, `yes`/`no`).
  package func bool(_ node: YAMLNode, key: String) -> Bool? {
    guard let text = string(node, key: key) else { return nil }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      report(.invalidValue(key: key, value: text, reason: "expected true or false"), at: node)
      return nil
    }
  }

  /// One of a closed set of words.
  package func choice<T>(_ node: YAMLNode, key: String, _ options: [String: T]) -> T? {
    guard let text = string(node, key: key) else { return nil }
    if let value = options[text.lowercased()] { return value }
    let known = options.keys.sorted()
    let hint = EditDistance.suggestion(for: text, among: known).map { "; did you mean '\($0)'?" } ?? ""
    report(.invalidValue(key: key, value: text, reason: "expected one of \(known.joined(separator: ", "))\(hint)"),
           at: node)
    return nil
  }

  /// A located scalar: its text plus where it starts, for mapping offsets back into the file.
  package func locatedString(_ node: YAMLNode, key: String) -> LocatedText? {
    guard case .scalar(let scalar) = node else {
      report(.wrongType(key: key, expected: "text"), at: node)
      return nil
    }
    return LocatedText(text: scalar.string, style: scalar.style, start: location(node), file: self)
  }

  /// The raw text of 1-based `line` of the file.
  package func sourceLine(_ line: Int) -> String { line <= lines.lineCount ? lines.text(ofLine: line) : "" }

  /// Number of lines of the file.
  package var lineCount: Int { lines.lineCount }

  // MARK: - Limits and errors

  private func report(_ failure: YAMLComposer.Failure) {
    switch failure {
    case .limit(.tooDeep(let line, let column)):
      report(.tooDeep(limit: YAMLReader.maxDepth), at: SourceLocation(path: path, line: line, column: column))
    case .limit(.tooManyNodes(let line, let column)):
      report(.tooManyNodes(limit: YAMLReader.maxNodes), at: SourceLocation(path: path, line: line, column: column))
    case .syntax(let problem, let context, let mark):
      // libYAML notices some mistakes lines later (an unclosed `{` at the next key): say where the
      // construct it was reading began.
      let detail = context.map { context in
        context.mark.line != mark.line
          ? "\(problem) (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
          : "\(problem) (\(context.text))"
      } ?? problem
      report(.syntax(problem: detail), at: location(mark))
    case .reader(let problem, let offset):
      let position = offset.map { lines.position(of: $0) } ?? (1, 1)
      report(.syntax(problem: problem), at: SourceLocation(path: path, line: position.0, column: position.1))
    case .duplicateKeys(let duplicates, let mark):
      report(.syntax(problem: "duplicate keys \(duplicates.joined(separator: ", "))"), at: location(mark))
    case .outOfMemory:
      // What Yams' `YamlError.memory` said.
      report(.syntax(problem: "Memory error"), at: SourceLocation(path: path, line: 1, column: 1))
    }
  }

  private func withinBudget(_ node: YAMLNode, _ budget: inout Int, depth: Int) -> Bool {
    budget -= 1
    if budget < 0 || depth > YAMLReader.maxDepth * 2 { return false }
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        if !withinBudget(key, &budget, depth: depth + 1) || !withinBudget(value, &budget, depth: depth + 1) {
          return false
        }
      }
    case .sequence(let sequence):
      for item in sequence where !withinBudget(item, &budget, depth: depth + 1) { return false }
    default: break
    }
    return true
  }
}

/// A mapping read by ``YAMLReader``: known keys only, in file order.
package struct YAMLMap {
  package struct Entry {
    package let key: String
    package let keyNode: YAMLNode
    package let value: YAMLNode
  }

  package let node: YAMLNode
  package let entries: [Entry]
  /// Known keys that an unknown key was reported as a likely misspelling of.
  package var suggested: Set<String> = []

  /// Whether `key` is absent and no misspelling of it was reported (a missing key worth reporting).
  package func lacks(_ key: String) -> Bool { self[key] == nil && !suggested.contains(key) }

  package subscript(key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
}
