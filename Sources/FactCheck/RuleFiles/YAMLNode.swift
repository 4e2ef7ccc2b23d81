/// One node of a rule file as ``YAMLComposer`` reads it: a scalar, a mapping or a sequence, with the
/// 1-based line and column where it starts.
///
/// FactCheck's own tree rather than `Yams.Node`: a Yams node carries a `Tag` object (resolved through
/// the resolver's regular expressions when keys are hashed) and a weak anchor reference in every scalar,
/// and building and copying those was most of the cost of loading the bundled rules. Rule files only
/// need the text, the style and the position of each value; the tag is kept as libYAML reports it, for
/// the one place that needs it (telling `'1'` from `1` when looking for duplicate keys).
enum YAMLNode {
  case scalar(Scalar)
  case mapping(Mapping)
  case sequence(List)

  /// A scalar: its text as YAML reads it, and how it was written.
  struct Scalar {
    /// How a scalar is written; the raw values are libYAML's (and Yams').
    enum Style: UInt32 {
      case any = 0
      case plain
      case singleQuoted
      case doubleQuoted
      case literal
      case folded
    }

    let string: String
    let style: Style
    /// The explicit tag (`!!str`, `!`), the string tag for a quoted scalar, `nil` for a plain one whose
    /// type its text decides.
    let tag: String?
    let mark: YAMLMark
  }

  /// A mapping's key–value pairs, in file order.
  struct Mapping: Sequence {
    let pairs: [(key: YAMLNode, value: YAMLNode)]
    let tag: String?
    let mark: YAMLMark

    func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> { pairs.makeIterator() }

    /// The value of the last scalar key with this text (as Yams' `Node.Mapping` subscript).
    subscript(key: String) -> YAMLNode? {
      pairs.last { $0.key.scalar?.string == key }?.value
    }
  }

  /// A sequence's items, in file order.
  struct List: RandomAccessCollection {
    let items: [YAMLNode]
    let tag: String?
    let mark: YAMLMark

    var startIndex: Int { items.startIndex }
    var endIndex: Int { items.endIndex }
    subscript(position: Int) -> YAMLNode { items[position] }
  }

  /// Where the node starts.
  var mark: YAMLMark {
    switch self {
    case .scalar(let scalar): scalar.mark
    case .mapping(let mapping): mapping.mark
    case .sequence(let list): list.mark
    }
  }

  /// The scalar, if this node is one.
  var scalar: Scalar? {
    if case .scalar(let scalar) = self { return scalar }
    return nil
  }

  /// The value of `key` when this node is a mapping.
  subscript(key: String) -> YAMLNode? {
    if case .mapping(let mapping) = self { return mapping[key] }
    return nil
  }
}

/// A 1-based line and column (in Unicode scalars, as libYAML counts them).
struct YAMLMark: Equatable {
  let line: Int
  let column: Int
}
