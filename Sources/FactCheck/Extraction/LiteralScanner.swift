/// Finds every occurrence of many literals in one pass (Aho–Corasick over bytes, dense transitions).
///
/// The prefilter's literals of all rules of a language are found at once, so the cost of asking "which
/// rules can match here, and where" is one pass over the (case-folded) text, whatever the number of rules.
struct LiteralScanner: Sendable {
  /// Transition table: `next[state * 256 + byte]`.
  private let next: [Int32]
  /// For each state, the literal ids that end there (own and inherited through failure links).
  private let outputs: [[Int32]]
  /// Number of literals.
  let count: Int
  /// Length of each literal, to turn an end position into a start.
  let lengths: [Int]

  init(literals: [[UInt8]]) {
    count = literals.count
    lengths = literals.map(\.count)
    var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
    var out: [[Int32]] = [[]]
    for (id, literal) in literals.enumerated() where !literal.isEmpty {
      var state = 0
      for byte in literal {
        let target = goto[state][Int(byte)]
        if target >= 0 {
          state = Int(target)
        } else {
          goto.append([Int32](repeating: -1, count: 256))
          out.append([])
          goto[state][Int(byte)] = Int32(goto.count - 1)
          state = goto.count - 1
        }
      }
      out[state].append(Int32(id))
    }
    // Breadth-first: failure links, then complete the table so that matching never follows a link.
    var fail = [Int](repeating: 0, count: goto.count)
    var queue: [Int] = []
    for byte in 0..<256 {
      let target = goto[0][byte]
      if target >= 0 {
        fail[Int(target)] = 0
        queue.append(Int(target))
      } else {
        goto[0][byte] = 0
      }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      out[state] += out[fail[state]]
      for byte in 0..<256 {
        let target = goto[state][byte]
        if target >= 0 {
          fail[Int(target)] = Int(goto[fail[state]][byte])
          queue.append(Int(target))
        } else {
          goto[state][byte] = goto[fail[state]][byte]
        }
      }
    }
    next = goto.flatMap { $0 }
    outputs = out
  }

  /// Calls `found(literal, end)` for every occurrence in `text[range]` (end is exclusive).
  func scan(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ found: (Int, Int) -> Void) {
    next.withUnsafeBufferPointer { table in
      var state = 0
      var i = range.lowerBound
      while i < range.upperBound {
        state = Int(table[state &* 256 &+ Int(text[i])])
        i += 1
        let hits = outputs[state]
        if !hits.isEmpty { for id in hits { found(Int(id), i) } }
      }
    }
  }
}
