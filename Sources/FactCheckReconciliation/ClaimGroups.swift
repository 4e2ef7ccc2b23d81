/// Claims that share a key (an entity, an attribute, …), for the checks that compare claims within groups.
enum ClaimGroups {
  /// Calls `body` with each group of two claims or more whose `key` is equal, its members (indices into
  /// `claims`) in claim order; claims whose key is `nil` take no part. (Any collection indexed by `Int` groups the
  /// same way.)
  ///
  /// The claims are grouped by sorting their indices on a hash of their key, keys compared only between equal
  /// hashes. A dictionary of groups held a key (several strings) and an array for every group, most of them of
  /// one claim: the largest of reconciliation's allocations on a run of many articles, made while every claim
  /// is held (issue 15, peak memory per claim). Groups come in the order of their keys' hashes.
  static func forEach<Claims: RandomAccessCollection, Key: Hashable>(
    in claims: Claims, key: (Claims.Element) -> Key?, _ body: (Key, [Int]) -> Void
  ) where Claims.Index == Int {
    // Eight bytes a claim, made once: the array lives while every group's findings are made, at a large
    // run's peak (issue 15). A hash cut to 32 bits only makes more keys share one, which are told apart below.
    var keyed: [(hash: UInt32, index: UInt32)] = []
    keyed.reserveCapacity(claims.count)
    for index in claims.indices {
      if let key = key(claims[index]) { keyed.append((UInt32(truncatingIfNeeded: key.hashValue), UInt32(index))) }
    }
    keyed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count && keyed[end].hash == keyed[start].hash { end += 1 }
      if end - start > 1 {
        // Keys with one hash are told apart by the keys themselves, in the order first met, each group still
        // in claim order; almost always they are one key.
        var groups: [(key: Key, members: [Int])] = []
        for entry in keyed[start..<end] {
          let index = Int(entry.index)
          let entryKey = key(claims[index])!
          if let group = groups.firstIndex(where: { $0.key == entryKey }) {
            groups[group].members.append(index)
          } else {
            groups.append((entryKey, [index]))
          }
        }
        for group in groups where group.members.count > 1 { body(group.key, group.members) }
      }
      start = end
    }
  }
}
