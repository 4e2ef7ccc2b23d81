import Testing

@testable import FactCheckReconciliation

/// Checks group claims by sorting their indices on a hash of their key (issue 15: no dictionary of groups
/// while every claim is held). Groups must come out as a dictionary would give them: every key of two claims
/// or more once, its members in claim order, also when two keys share a hash.
@Suite struct ClaimGroupsTests {
  /// A key whose hash is only its first letter: "ab" and "ac" collide, as two real keys rarely do.
  struct CollidingKey: Hashable {
    let name: String
    static func == (a: Self, b: Self) -> Bool { a.name == b.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name.first) }
  }

  @Test(arguments: [
    // (the elements' keys, nil for none; the groups expected, each as its members' indices)
    ([String?]([]), [[Int]]()),
    (["a"], []),
    (["a", "b", "c"], []),
    (["a", "a"], [[0, 1]]),
    (["a", nil, "a", "b", nil, "b", "a"], [[0, 2, 6], [3, 5]]),
    (["ab", "ac", "ab", "ac"], [[0, 2], [1, 3]]),
    (["ac", "ab", "ab", "ad", "ac"], [[0, 4], [1, 2]]),
    (["ab", "ac", "ad"], []),
    ([nil, nil], []),
  ])
  func groupsAsADictionaryWould(keys: [String?], expected: [[Int]]) {
    var groups: [[Int]] = []
    var seenKeys: [CollidingKey] = []
    ClaimGroups.forEach(in: keys, key: { $0.map(CollidingKey.init(name:)) }) { key, members in
      #expect(!seenKeys.contains(key), "a key given twice")
      seenKeys.append(key)
      #expect(members.allSatisfy { keys[$0] == key.name })
      groups.append(members)
    }
    // Groups come in hash order; their contents are what a dictionary of arrays would hold.
    #expect(Set(groups) == Set(expected))
    #expect(groups.count == expected.count)
    #expect(groups.allSatisfy { $0 == $0.sorted() })
  }
}
