import FactCheckModel

internal import CYaml

/// A first pass over a YAML text with libYAML's event parser, before Yams composes it into nodes (front
/// matter); for rule files, ``YAMLComposer`` takes the same measures (``Tally``) on the events it composes.
///
/// Yams' composer recurses once per nesting level (a few hundred levels overflow a worker thread's
/// stack) and hashes every mapping key to find duplicates, aliases expanded: a key that is an alias of a
/// "billion laughs" node takes exponential time. libYAML's parser itself is iterative, so reading its
/// events is safe on any input; this pass measures the real nesting depth and the nodes aliases would
/// add once expanded, and stops at the first excess. It reads the text only once, in time linear in its
/// length.
///
/// Only what aliases add is limited: the nodes a file writes out are bounded by its size, already capped
/// (``YAMLReader/maxBytes``), and a large lexicon without aliases is no bomb. An alias is what turns a
/// few lines into a billion nodes.
///
/// This and ``YAMLComposer`` are the places in FactCheck that call C directly: CYaml is Yams' own copy
/// of libYAML, the parser Yams would run next on the same text.
package enum YAMLPreflight {
  /// What the pass found wrong.
  package enum Problem: Equatable {
    /// Collections nest deeper than the limit; `line`/`column` (1-based) are where the excess starts.
    case tooDeep(line: Int, column: Int)
    /// Aliases add more nodes than the limit; the position is the alias that crossed it.
    case tooManyNodes(line: Int, column: Int)
  }

  /// Checks `text`; `nil` when it is within both limits or when libYAML finds a syntax error first
  /// (Yams then reports that error with its position, and composes nothing past it). libYAML refusing
  /// to nest past its own cap counts as too deep.
  ///
  /// `maxNodes` is the most nodes that aliases may add once expanded; nodes written out are not counted.
  package static func check(_ text: String, maxDepth: Int, maxNodes: Int) -> Problem? {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { return nil }
    return bytes.withUnsafeMutableBufferPointer { buffer -> Problem? in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var tally = Tally(maxDepth: maxDepth, maxNodes: maxNodes)
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return Tally.problem(ofFailed: parser) }
        defer { yaml_event_delete(&event) }
        if let problem = tally.record(event) { return problem }
        if event.type == YAML_STREAM_END_EVENT { return nil }
      }
    }
  }

  /// The measures of the pass, event by event: shared by ``check(_:maxDepth:maxNodes:)`` and by
  /// ``YAMLComposer``, which takes them on the same events it composes.
  package struct Tally {
    package let maxDepth: Int
    package let maxNodes: Int
    /// Expanded size of each anchored node, and of each collection still open.
    private var anchors: [String: Int] = [:]
    private var open: [(anchor: String?, size: Int)] = []
    /// Nodes that aliases stand for, each counted as often as it is referred to.
    private var aliased = 0

    package init(maxDepth: Int, maxNodes: Int) {
      self.maxDepth = maxDepth
      self.maxNodes = maxNodes
    }

    /// The limit a failed parse hit, if any: libYAML's own cap (1 000 levels) can trip first, while it
    /// looks ahead for a key: same verdict as too deep. Any other failure is a syntax error, not ours.
    static func problem(ofFailed parser: yaml_parser_t) -> Problem? {
      if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") {
        return .tooDeep(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
      }
      return nil
    }

    /// Takes one event into account; the problem when it crosses a limit.
    mutating func record(_ event: yaml_event_t) -> Problem? {
      let line = Int(event.start_mark.line) + 1
      let column = Int(event.start_mark.column) + 1
      switch event.type {
      case YAML_SCALAR_EVENT:
        if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = 1 }
        add(1)
      case YAML_ALIAS_EVENT:
        let size = event.data.alias.anchor.flatMap { anchors[String(cString: $0)] } ?? 1
        // An alias stands for its anchor's whole expanded size: nested aliases multiply (billion laughs).
        aliased += size
        if aliased > maxNodes { return .tooManyNodes(line: line, column: column) }
        add(size)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let anchor = event.type == YAML_SEQUENCE_START_EVENT
          ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
        add(1)
        open.append((anchor.map { String(cString: $0) }, 1))
        if open.count > maxDepth { return .tooDeep(line: line, column: column) }
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        // A collection's size counts itself and everything inside it, aliases expanded.
        guard let closed = open.popLast() else { return nil }
        if let anchor = closed.anchor { anchors[anchor] = closed.size }
        if !open.isEmpty { open[open.count - 1].size += closed.size - 1 }
      default:
        break
      }
      return nil
    }

    /// Adds `size` nodes to the innermost open collection (or the document).
    private mutating func add(_ size: Int) {
      if !open.isEmpty { open[open.count - 1].size += size }
    }
  }
}
