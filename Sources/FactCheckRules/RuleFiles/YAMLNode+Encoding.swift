import PatternMatching

// A rule file's tree as the pattern cache keeps it (``YAMLReader/compose()``), in this layout
// (``CacheEntryWriter``), node by node, depth first:
//
//     node     = kind (0 scalar, 1 mapping, 2 sequence)  line  column  hasTag  [tag]  body
//     scalar   = text  style
//     mapping  = pairs × (key node  value node)
//     sequence = items × (node)
extension YAMLNode {
  /// The name of the tree of `text` in the pattern cache: the whole text, and the limits it was composed
  /// under; the version part changes with the layout.
  static func cacheName(of text: String) -> String {
    "yaml tree 1\u{0}\(YAMLReader.maxDepth)\u{0}\(YAMLReader.maxNodes)\u{0}\(text)"
  }

  /// The tree in the layout above.
  var encoded: [UInt8] {
    var writer = CacheEntryWriter()
    write(to: &writer)
    return writer.bytes
  }

  private func write(to writer: inout CacheEntryWriter) {
    func header(_ kind: Int, _ mark: YAMLMark, _ tag: String?) {
      writer.append(kind)
      writer.append(mark.line)
      writer.append(mark.column)
      writer.append(tag != nil)
      if let tag { writer.append(tag) }
    }
    switch self {
    case .scalar(let scalar):
      header(0, scalar.mark, scalar.tag)
      writer.append(scalar.string)
      writer.append(Int(scalar.style.rawValue))
    case .mapping(let mapping):
      header(1, mapping.mark, mapping.tag)
      writer.append(mapping.pairs.count)
      for (key, value) in mapping.pairs {
        key.write(to: &writer)
        value.write(to: &writer)
      }
    case .sequence(let list):
      header(2, list.mark, list.tag)
      writer.append(list.items.count)
      for item in list.items { item.write(to: &writer) }
    }
  }

  /// The tree `bytes` hold, or `nil` when they do not follow the layout exactly or nest deeper than
  /// `maxDepth` collections (the composer refuses deeper files).
  init?(encoded bytes: UnsafeRawBufferPointer, maxDepth: Int) {
    var reader = CacheEntryReader(bytes)
    guard let root = YAMLNode.read(&reader, depth: 0, maxDepth: maxDepth), reader.isAtEnd else { return nil }
    self = root
  }

  private static func read(_ reader: inout CacheEntryReader, depth: Int, maxDepth: Int) -> YAMLNode? {
    guard let kind = reader.int(), let line = reader.int(), let column = reader.int(), let hasTag = reader.bool()
    else { return nil }
    var tag: String? = nil
    if hasTag {
      guard let text = reader.string() else { return nil }
      tag = text
    }
    let mark = YAMLMark(line: line, column: column)
    switch kind {
    case 0:
      guard let string = reader.string(), let raw = reader.int(), let style = Scalar.Style(rawValue: UInt32(raw))
      else { return nil }
      return .scalar(Scalar(string: string, style: style, tag: tag, mark: mark))
    case 1:
      // A node takes at least 16 bytes (kind, line, column, hasTag).
      guard depth < maxDepth, let count = reader.count(ofItemsAtLeast: 32) else { return nil }
      var pairs: [(key: YAMLNode, value: YAMLNode)] = []
      pairs.reserveCapacity(count)
      for _ in 0..<count {
        guard let key = read(&reader, depth: depth + 1, maxDepth: maxDepth),
          let value = read(&reader, depth: depth + 1, maxDepth: maxDepth)
        else { return nil }
        pairs.append((key, value))
      }
      return .mapping(Mapping(pairs: pairs, tag: tag, mark: mark))
    case 2:
      guard depth < maxDepth, let count = reader.count(ofItemsAtLeast: 16) else { return nil }
      var items: [YAMLNode] = []
      items.reserveCapacity(count)
      for _ in 0..<count {
        guard let item = read(&reader, depth: depth + 1, maxDepth: maxDepth) else { return nil }
        items.append(item)
      }
      return .sequence(List(items: items, tag: tag, mark: mark))
    default:
      return nil
    }
  }
}
