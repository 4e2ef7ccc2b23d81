internal import CYaml
import FactCheckModel
import Yams

/// Composes a rule file into ``YAMLNode``s straight from libYAML's events, taking the preflight's
/// measures (``YAMLPreflight/Tally``) on the same events.
///
/// It replaces `Yams.compose(yaml:)` after a separate ``YAMLPreflight`` pass, which read every bundled
/// rule file twice and was most of a one-file check's start-up: Yams builds a `Tag` object per node and
/// finds duplicate keys by hashing whole nodes, which resolves every key's tag through the resolver's
/// regular expressions. Here keys are compared as text, and tags are resolved only for keys whose text
/// is the same, so the verdict is Yams' own (`'1'` and `1` are different keys, `a` twice is not).
///
/// What it reports, and in which order, is what the two passes reported: a limit crossed anywhere
/// before libYAML's first syntax error wins (the preflight read the whole text first); otherwise the
/// first of a syntax error, an undefined alias, a second document or a mapping with duplicate keys,
/// in the order the text reaches them (Yams stopped at the first). It does not recurse, however deep
/// the text nests.
package enum YAMLComposer {
  /// Why a text cannot be composed.
  package enum Failure: Error, Equatable {
    /// A limit of the preflight was crossed.
    case limit(YAMLPreflight.Problem)
    /// libYAML's scanner or parser refused the text, or it cannot be one tree (an undefined alias, a
    /// second document): `problem` at `mark`, inside the construct `context` names, if any.
    case syntax(problem: String, context: Context?, mark: YAMLMark)
    /// libYAML's reader refused the text (not UTF-8); `offset` counts characters, as Yams counted it.
    case reader(problem: String, offset: Int?)
    /// A mapping has the same key more than once: the keys, sorted, and where the first one starts.
    case duplicateKeys([String], mark: YAMLMark)
    /// libYAML ran out of memory.
    case outOfMemory
  }

  /// The construct libYAML was reading when it failed.
  package struct Context: Equatable {
    package let text: String
    package let mark: YAMLMark
  }

  /// The root node of `text`'s single document (`nil` when it has none).
  package static func compose(_ text: String, maxDepth: Int, maxNodes: Int) throws(Failure) -> YAMLNode? {
    if text.isEmpty { return nil }
    // libYAML reads the UTF-8 in place; `text` itself stays for turning an error's offset into characters.
    var contiguous = text
    let result = contiguous.withUTF8 { buffer -> Result<YAMLNode?, Failure> in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return .failure(.outOfMemory) }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var builder = TreeBuilder()
      var tally = YAMLPreflight.Tally(maxDepth: maxDepth, maxNodes: maxNodes)
      // The first reason the text cannot be one tree: composing stops there, the measures go on.
      var refusal: Failure?
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
          if let problem = YAMLPreflight.Tally.problem(ofFailed: parser) { return .failure(.limit(problem)) }
          return .failure(refusal ?? failure(of: parser, in: text))
        }
        defer { yaml_event_delete(&event) }
        if let problem = tally.record(event) { return .failure(.limit(problem)) }
        if event.type == YAML_STREAM_END_EVENT {
          if let refusal { return .failure(refusal) }
          return .success(builder.root)
        }
        if refusal == nil { refusal = builder.take(event) }
      }
    }
    return try result.get()
  }

  /// libYAML's error, as Yams turned it into a `YamlError`.
  private static func failure(of parser: yaml_parser_t, in text: String) -> Failure {
    let problem = parser.problem.map { String(cString: $0) } ?? ""
    let mark = YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
    let context = parser.context.map {
      Context(text: String(cString: $0),
              mark: YAMLMark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1))
    }
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return .outOfMemory
    case YAML_READER_ERROR:
      let index = text.utf8.index(text.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: text.utf8.endIndex)?
        .samePosition(in: text)
      return .reader(problem: problem, offset: index.map { text.distance(from: text.startIndex, to: $0) })
    default:
      return .syntax(problem: problem, context: context, mark: mark)
    }
  }
}

/// Builds the tree event by event, with a stack of the collections still open.
private struct TreeBuilder {
  /// A collection still open: its items so far (a mapping's alternate keys and values).
  private struct Open {
    let isMapping: Bool
    let tag: String?
    let anchor: String?
    let mark: YAMLMark
    var items: [YAMLNode] = []
  }

  private(set) var root: YAMLNode?
  private var open: [Open] = []
  private var anchors: [String: YAMLNode] = [:]
  private var documents = 0

  /// Takes one event; the reason the text cannot be one tree, if this event shows it.
  mutating func take(_ event: yaml_event_t) -> YAMLComposer.Failure? {
    let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        return .syntax(problem: "but found another document",
                       context: YAMLComposer.Context(text: "expected a single document in the stream",
                                                     mark: YAMLMark(line: 1, column: 1)),
                       mark: mark)
      }
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      let tag = scalar.quoted_implicit == 1 ? Tag.Name.str.rawValue : scalar.tag.map { String(cString: $0) }
      let style = YAMLNode.Scalar.Style(rawValue: scalar.style.rawValue) ?? .any
      add(.scalar(YAMLNode.Scalar(string: string, style: style, tag: tag, mark: mark)),
          anchor: scalar.anchor.map { String(cString: $0) })
    case YAML_ALIAS_EVENT:
      guard let anchor = event.data.alias.anchor, let node = anchors[String(cString: anchor)] else {
        return .syntax(problem: "found undefined alias", context: nil, mark: mark)
      }
      add(node, anchor: nil)
    case YAML_SEQUENCE_START_EVENT:
      let start = event.data.sequence_start
      open.append(Open(isMapping: false, tag: start.implicit != 0 ? nil : start.tag.map { String(cString: $0) },
                       anchor: start.anchor.map { String(cString: $0) }, mark: mark))
    case YAML_MAPPING_START_EVENT:
      let start = event.data.mapping_start
      open.append(Open(isMapping: true, tag: start.implicit != 0 ? nil : start.tag.map { String(cString: $0) },
                       anchor: start.anchor.map { String(cString: $0) }, mark: mark))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let closed = open.popLast() else { return nil }
      if closed.isMapping {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        pairs.reserveCapacity(closed.items.count / 2)
        var index = 0
        while index + 1 < closed.items.count {
          pairs.append((closed.items[index], closed.items[index + 1]))
          index += 2
        }
        if let duplicates = DuplicateKeys.find(in: pairs) { return duplicates }
        add(.mapping(YAMLNode.Mapping(pairs: pairs, tag: closed.tag, mark: closed.mark)), anchor: closed.anchor)
      } else {
        add(.sequence(YAMLNode.List(items: closed.items, tag: closed.tag, mark: closed.mark)), anchor: closed.anchor)
      }
    default:
      break
    }
    return nil
  }

  /// Places a finished node in the innermost open collection (or as the root), and names it if anchored.
  private mutating func add(_ node: YAMLNode, anchor: String?) {
    // A later anchor of the same name shadows the earlier one, as in YAML (and Yams).
    if let anchor { anchors[anchor] = node }
    if open.isEmpty {
      root = node
    } else {
      open[open.count - 1].items.append(node)
    }
  }
}
