import FactCheckModel

/// One node of a rule file as ``YAMLComposer`` reads it: a scalar, a mapping or a sequence, with the
/// 1-based line and column where it starts.
///
/// FactCheck's own tree rather than `Yams.Node`: a Yams node carries a `Tag` object (resolved through
/// the resolver's regular expressions when keys are hashed) and a weak anchor reference in every scalar,
/// and building and copying those was most of the cost of loading the bundled rules. Rule files only
/// need the text, the style and the position of each value; the tag is kept as libYAML reports it, for
/// the one place that needs it (telling `'1'` from `1` when looking for duplicate keys).
///
/// `Sendable` is declared, not inferred: a debug build inferring it went round the node's own recursion
/// (node → mapping → pairs of nodes) and stopped with "circular reference".
package enum YAMLNode: Sendable {
  case scalar(Scalar)
  case mapping(Mapping)
  case sequence(List)

  /// A scalar: its text as YAML reads it, and how it was written.
  package struct Scalar: Sendable {
    /// How a scalar is written; the raw values are libYAML's (and Yams').
    package enum Style: UInt32, Sendable {
      case any = 0
      case plain
      case singleQuoted
      case doubleQuoted
      case literal
      case folded
    }

    package let string: String
    package let style: Style
    /// The explicit tag (`!!str`, `!`), the string tag for a quoted scalar, `nil` for a plain one whose
    /// type its text decides.
    package let tag: String?
    package let mark: YAMLMark
  }

  /// A mapping's key–value pairs, in file order.
  package struct Mapping: Sequence, Sendable {
    package let pairs: [(key: YAMLNode, value: YAMLNode)]
    package let tag: String?
    package let mark: YAMLMark

    package func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> { pairs.makeIterator() }

    /// The value of the last scalar key with this text (as Yams' `Node.Mapping` subscript).
    package subscript(key: String) -> YAMLNode? {
      pairs.last { $0.key.scalar?.string == key }?.value
    }
  }

  /// A sequence's items, in file order.
  package struct List: RandomAccessCollection, Sendable {
    package let items: [YAMLNode]
    package let tag: String?
    package let mark: YAMLMark

    package var startIndex: Int { items.startIndex }
    package var endIndex: Int { items.endIndex }
    package subscript(position: Int) -> YAMLNode { items[position] }
  }

  /// Where the node starts.
  package var mark: YAMLMark {
    switch self {
    case .scalar(let scalar): scalar.mark
    case .mapping(let mapping): mapping.mark
    case .sequence(let list): list.mark
    }
  }

  /// The scalar, if this node is one.
  package var scalar: Scalar? {
    if case .scalar(let scalar) = self { return scalar }
    return nil
  }

  /// The value of `key` when this node is a mapping.
  package subscript(key: String) -> YAMLNode? {
    if case .mapping(let mapping) = self { return mapping[key] }
    return nil
  }
}

/// A 1-based line and column (in Unicode scalars, as libYAML counts them).
package struct YAMLMark: Equatable, Sendable {
  package let line: Int
  package let column: Int
}
