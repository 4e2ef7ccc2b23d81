import Foundation
import Testing
import Yams

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// ``YAMLComposer`` reads rule files as `Yams.compose(yaml:)` did after the preflight: the same tree (text,
/// style and position of every node) and the same refusal (message and position), on every bundled rule
/// file, every fixture and the corner cases of duplicate keys, aliases and documents.
struct YAMLComposerTests {
  static let corners: [String] = [
    "", "# only a comment\n", "---\n", "a: 1\n", "- a\n- b\n",
    "a: 1\nb: 2\na: 3\n", "a: 1\n'a': 2\n", "1: x\n'1': y\n", "1: x\n1: y\n", "true: x\nyes: y\n",
    "b: 1\na: 1\nb: 2\na: 2\n", "x:\n  k: 1\n  k: 2\ny: [\n", "x: {k: 1, k: 2}\n", "!!str 1: x\n'1': y\n",
    "? [a, b]\n: 1\n? [a, b]\n: 2\n", "? {a: 1}\n: 1\n? {a: 1}\n: 2\n", "? [a]\n: 1\n? [b]\n: 2\n",
    "a: &x 1\nb: *x\n", "a: *nowhere\n", "a: &x [1, 2]\nb: *x\nc: &x 3\nd: *x\n", "&k a: 1\n*k : 2\n",
    "a: 1\n---\nb: 2\n", "a: 1\n...\n", "a: 1\n...\nb: 2\n", "a: [1, 2\nb: 3\n", "a:\n\t- b\n", "a: 'x\n",
    "a: |\n  one\n  two\nb: >-\n  three\n  four\nc: \"five\\tsix\"\nd: 'seven''s'\n", "a: !custom x\nb: ! y\n",
    "pattern: 'réunit ’ « {count} »'\n", "a: b: c\n", "- a\n b: c\n", "a:\n- 1\n- 2\n", "{a: 1, b: [x, y]}\n",
  ]

  @Test func composesEveryRuleFileAsYamsDid() throws {
    var texts = Self.corners
    for folder in [Fixtures.rules, Fixtures.tests + "/FactCheckTests/Fixtures"] {
      let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
      for file in files.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
        texts.append(String(decoding: data, as: UTF8.self))
      }
    }
    #expect(texts.count > 60)
    for text in texts {
      let expected = Self.yams(text)
      let actual: Outcome
      do {
        actual = .tree(try YAMLComposer.compose(text, maxDepth: YAMLReader.maxDepth, maxNodes: YAMLReader.maxNodes)
          .map(Self.describe))
      } catch {
        actual = .failure(error)
      }
      #expect(actual == expected, "\(text.prefix(200))")
    }
  }

  enum Outcome: Equatable {
    case tree(String?)
    case failure(YAMLComposer.Failure)
  }

  /// What the preflight and Yams made of `text`.
  static func yams(_ text: String) -> Outcome {
    if let problem = YAMLPreflight.check(text, maxDepth: YAMLReader.maxDepth, maxNodes: YAMLReader.maxNodes) {
      return .failure(.limit(problem))
    }
    func mark(_ mark: Mark) -> YAMLMark { YAMLMark(line: mark.line, column: mark.column) }
    func context(_ context: YamlError.Context?) -> YAMLComposer.Context? {
      context.map { YAMLComposer.Context(text: $0.text, mark: mark($0.mark)) }
    }
    do {
      return .tree(try Yams.compose(yaml: text).map(describe))
    } catch let error as YamlError {
      switch error {
      case .scanner(let c, let problem, let m, _), .parser(let c, let problem, let m, _), .composer(let c, let problem, let m, _):
        return .failure(.syntax(problem: problem, context: context(c), mark: mark(m)))
      case .reader(let problem, let offset, _, _):
        return .failure(.reader(problem: problem, offset: offset))
      case .duplicatedKeysInMapping(let duplicates, let c):
        return .failure(.duplicateKeys(duplicates, mark: mark(c.mark)))
      case .memory:
        return .failure(.outOfMemory)
      default:
        return .tree("unexpected \(error)")
      }
    } catch {
      return .tree("unexpected \(error)")
    }
  }

  /// A Yams node as text: kind, position, style and text of every node.
  static func describe(_ node: Node) -> String {
    let at = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
    switch node {
    case .scalar(let scalar): return "s\(at)/\(scalar.style.rawValue)/\(scalar.string.debugDescription)"
    case .mapping(let mapping): return "m\(at){" + mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
    case .sequence(let sequence): return "l\(at)[" + sequence.map(describe).joined(separator: ", ") + "]"
    case .alias: return "alias"
    }
  }

  /// One of ours, as the same text.
  static func describe(_ node: YAMLNode) -> String {
    let at = "@\(node.mark.line):\(node.mark.column)"
    switch node {
    case .scalar(let scalar): return "s\(at)/\(scalar.style.rawValue)/\(scalar.string.debugDescription)"
    case .mapping(let mapping): return "m\(at){" + mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
    case .sequence(let list): return "l\(at)[" + list.map(describe).joined(separator: ", ") + "]"
    }
  }
}
