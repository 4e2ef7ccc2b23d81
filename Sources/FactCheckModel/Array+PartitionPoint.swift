extension Array {
  /// The first index whose element satisfies `predicate`, for an array in which every element that does
  /// comes after every element that does not (a binary search; `count` when none does).
  package func partitionPoint(where predicate: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if predicate(self[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
