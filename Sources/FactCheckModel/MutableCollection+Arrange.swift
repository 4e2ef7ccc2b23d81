extension MutableCollection where Index == Int {
  /// Puts the element at `order[k]` at position `k`, for every `k`: `order` is a permutation of the indices,
  /// sorted by whatever the caller compares (cheaper on fields it reads in place than on elements handed to a
  /// closure).
  ///
  /// Each element is moved once, by swapping along the permutation's cycles: sorting a run's claims or
  /// findings this way never holds them twice, as a sorted copy or a sort's merge buffer would.
  package mutating func arrange(_ order: consuming [Int]) {
    var order = order
    // Position `k` receives the element at `order[k]`; along each cycle, one swap puts one element in its place.
    for start in order.indices where order[start] != start {
      var position = start
      while order[position] != start {
        let source = order[position]
        swapAt(startIndex + position, startIndex + source)
        order[position] = position
        position = source
      }
      order[position] = position
    }
  }
}
