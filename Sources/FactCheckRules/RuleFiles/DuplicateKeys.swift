import FactCheckModel
import Yams

/// Finds the keys a mapping has more than once, with Yams' verdict on what "the same key" is.
///
/// Yams (`Parser.checkDuplicates`) groups the keys of every mapping by hashing whole nodes, which
/// resolves each key's tag through the resolver's regular expressions: the largest single cost of
/// loading the bundled rules. Two keys can only be the same if their texts are, so the texts are
/// compared first (one string hash per key) and the tags resolved only among keys whose texts collide,
/// or among keys that are collections (rare in YAML, absent from rule files, compared in full).
package enum DuplicateKeys {
  /// The refusal Yams would make for a mapping with these pairs, or `nil` when every key is distinct.
  package static func find(in pairs: [(key: YAMLNode, value: YAMLNode)]) -> YAMLComposer.Failure? {
    var firstWithText: [String: Int] = [:]
    firstWithText.reserveCapacity(pairs.count)
    // Keys worth a full comparison: every key whose text another key shares, and every collection key.
    // Kept in a set as well: a hostile file may repeat a hundred thousand keys, and a linear membership
    // test (or a linear search of the groups below) would make the check quadratic.
    var suspects: [Int] = []
    var isSuspect = Set<Int>()
    var collectionKeys: [Int] = []
    for (index, pair) in pairs.enumerated() {
      guard case .scalar(let scalar) = pair.key else {
        collectionKeys.append(index)
        continue
      }
      if let first = firstWithText[scalar.string] {
        if isSuspect.insert(first).inserted { suspects.append(first) }
        if isSuspect.insert(index).inserted { suspects.append(index) }
      } else {
        firstWithText[scalar.string] = index
      }
    }
    if collectionKeys.count > 1 { suspects += collectionKeys }
    if suspects.isEmpty { return nil }

    // Groups of equal keys, each led by its first occurrence (as a dictionary keyed by the node keeps it).
    // A scalar can only equal a scalar of the same text, so its candidates are the groups of that text;
    // collections (rare) are compared with the collection groups.
    var groups: [(first: YAMLNode, count: Int)] = []
    var groupsWithText: [String: [Int]] = [:]
    var collectionGroups: [Int] = []
    for index in suspects.sorted() {
      let key = pairs[index].key
      let text: String? = key.scalar?.string
      let candidates: [Int]
      if let text { candidates = groupsWithText[text] ?? [] } else { candidates = collectionGroups }
      if let group = candidates.first(where: { isSameKey(groups[$0].first, key) }) {
        groups[group].count += 1
      } else {
        groups.append((key, 1))
        if let text { groupsWithText[text, default: []].append(groups.count - 1) } else { collectionGroups.append(groups.count - 1) }
      }
    }
    // Sorted as Yams sorts nodes: scalars by text; collections after them, in file order.
    let duplicated = groups.filter { $0.count > 1 }.map(\.first).enumerated().sorted { lhs, rhs in
      switch (lhs.element.scalar, rhs.element.scalar) {
      case let (left?, right?): return left.string != right.string ? left.string < right.string : lhs.offset < rhs.offset
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return lhs.offset < rhs.offset
      }
    }.map(\.element)
    guard let first = duplicated.first else { return nil }
    return .duplicateKeys(duplicated.map { $0.scalar?.string ?? "<uncovertable>" }, mark: first.mark)
  }

  /// Whether two keys are equal as Yams' `Node` equality has it: same kind, same resolved tag, same text
  /// or same items.
  package static func isSameKey(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
    switch (lhs, rhs) {
    case let (.scalar(left), .scalar(right)):
      return left.string == right.string && resolvedTag(of: left) == resolvedTag(of: right)
    case let (.sequence(left), .sequence(right)):
      return collectionTag(left.tag, default: .seq) == collectionTag(right.tag, default: .seq)
        && left.count == right.count && zip(left, right).allSatisfy { isSameKey($0, $1) }
    case let (.mapping(left), .mapping(right)):
      return collectionTag(left.tag, default: .map) == collectionTag(right.tag, default: .map)
        && left.pairs.count == right.pairs.count
        && zip(left.pairs, right.pairs).allSatisfy { isSameKey($0.key, $1.key) && isSameKey($0.value, $1.value) }
    default:
      return false
    }
  }

  /// A scalar's tag as Yams resolves it: from the text when plain and untagged, `str` for `!`.
  private static func resolvedTag(of scalar: YAMLNode.Scalar) -> Tag.Name {
    switch scalar.tag {
    case nil: return Resolver.default.resolveTag(of: Node(scalar.string))
    case Tag.Name.nonSpecific.rawValue?: return .str
    case let name?: return Tag.Name(rawValue: name)
    }
  }

  /// A collection's tag as Yams resolves it: its kind's tag unless explicitly tagged.
  private static func collectionTag(_ tag: String?, default kind: Tag.Name) -> Tag.Name {
    guard let tag, tag != Tag.Name.nonSpecific.rawValue else { return kind }
    return Tag.Name(rawValue: tag)
  }
}
