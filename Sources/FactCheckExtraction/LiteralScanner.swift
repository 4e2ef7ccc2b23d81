import FactCheckModel
import FactCheckRules

/// Finds every occurrence of many literals in one pass (Aho–Corasick over bytes, dense transitions).
///
/// The prefilter's literals of all rules of a language are found at once, so the cost of asking "which
/// rules can match here, and where" is one pass over the (case-folded) text, whatever the number of rules.
package struct LiteralScanner: Sendable {
  /// Transition table: `next[state * 256 + byte]`.
  private let next: [Int32]
  /// The literal ids that end at each state (own and inherited through failure links), flat: those of
  /// state `s` are `outputIDs[outputStarts[s]..<outputStarts[s + 1]]` (no array per state to retain per byte).
  private let outputStarts: [Int32]
  private let outputIDs: [Int32]
  /// Number of literals.
  package let count: Int
  /// Length of each literal, to turn an end position into a start.
  package let lengths: [Int]

  package init(literals: [[UInt8]]) {
    count = literals.count
    lengths = literals.map(\.count)
    // The trie in one flat table, 256 cells a state, -1 where it has no edge: built at every start-up for
    // thousands of states, so no array of arrays (a uniqueness check per cell written).
    var table = [Int32](repeating: -1, count: 256)
    var out: [[Int32]] = [[]]
    var states = 1
    for (id, literal) in literals.enumerated() where !literal.isEmpty {
      var state = 0
      for byte in literal {
        let target = table[state &* 256 &+ Int(byte)]
        if target >= 0 {
          state = Int(target)
        } else {
          table.append(contentsOf: repeatElement(-1, count: 256))
          out.append([])
          table[state &* 256 &+ Int(byte)] = Int32(states)
          state = states
          states += 1
        }
      }
      out[state].append(Int32(id))
    }
    // Breadth-first: failure links, then complete the table so that matching never follows a link. A
    // state's failure state is shallower, so its row is complete when the state's own row is filled.
    var fail = [Int](repeating: 0, count: states)
    var queue: [Int] = []
    queue.reserveCapacity(states)
    table.withUnsafeMutableBufferPointer { cells in
      for byte in 0..<256 {
        let target = cells[byte]
        if target >= 0 {
          fail[Int(target)] = 0
          queue.append(Int(target))
        } else {
          cells[byte] = 0
        }
      }
      var head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        let failure = fail[state]
        if !out[failure].isEmpty { out[state] += out[failure] }
        let row = state &* 256
        let failureRow = failure &* 256
        for byte in 0..<256 {
          let target = cells[row &+ byte]
          if target >= 0 {
            fail[Int(target)] = Int(cells[failureRow &+ byte])
            queue.append(Int(target))
          } else {
            cells[row &+ byte] = cells[failureRow &+ byte]
          }
        }
      }
    }
    next = table
    var starts: [Int32] = [0]
    starts.reserveCapacity(out.count + 1)
    for ids in out { starts.append(starts[starts.count - 1] + Int32(ids.count)) }
    outputStarts = starts
    outputIDs = out.flatMap { $0 }
  }

  /// Calls `found(literal, end)` for every occurrence in `text[range]` (end is exclusive).
  package func scan(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ found: (Int, Int) -> Void) {
    next.withUnsafeBufferPointer { table in
      outputStarts.withUnsafeBufferPointer { starts in
        outputIDs.withUnsafeBufferPointer { ids in
          var state = 0
          var i = range.lowerBound
          while i < range.upperBound {
            state = Int(table[state &* 256 &+ Int(text[i])])
            i += 1
            let first = Int(starts[state])
            let end = Int(starts[state &+ 1])
            if first != end { for k in first..<end { found(Int(ids[k]), i) } }
          }
        }
      }
    }
  }
}
