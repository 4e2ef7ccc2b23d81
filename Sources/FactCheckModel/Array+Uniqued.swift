extension Array where Element: Hashable {
  /// The elements without repeats, in first-seen order.
  @inlinable
  package func uniqued() -> [Element] {
    // A short array (a finding's few labels, a claim's few names) by linear search: building a set costs more
    // than it saves there. Inlinable, so that callers in other modules get it specialised for their element.
    if count <= 16 {
      var result: [Element] = []
      result.reserveCapacity(count)
      for element in self where !result.contains(element) { result.append(element) }
      return result
    }
    var seen = Set<Element>(minimumCapacity: count)
    return filter { seen.insert($0).inserted }
  }
}
