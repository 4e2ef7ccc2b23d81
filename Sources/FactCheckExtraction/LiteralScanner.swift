import FactCheckModel
import FactCheckRules

/// Finds every occurrence of many literals in one pass (Aho–Corasick over bytes, dense transitions).
///
/// The prefilter's literals of all rules of a language are found at once, so the cost of asking "which
/// rules can match here, and where" is one pass over the (case-folded) text, whatever the number of rules.
package struct LiteralScanner: Sendable {
  /// Transition table: `next[state * width + byteClass[byte]]`.
  private let next: [Int32]
  /// Each byte's class: bytes no literal holds are class 0 and share one column, every other byte has its
  /// own. The bundled languages' literals make 42 to 54 classes of the 256 bytes, so the table (thousands of
  /// states) is about a fifth of a full one: built faster at start-up, and smaller in the cache while scanning.
  private let byteClass: [UInt16]
  /// Columns of the table: the number of classes.
  private let width: Int
  /// The literal ids that end at each state (own and inherited through failure links), flat: those of
  /// state `s` are `outputIDs[outputStarts[s]..<outputStarts[s + 1]]` (no array per state to retain per byte).
  private let outputStarts: [Int32]
  private let outputIDs: [Int32]
  /// Number of literals.
  package let count: Int
  /// Length of each literal, to turn an end position into a start.
  package let lengths: [Int]
  /// The most literals one state outputs (literals ending at one byte).
  private let maxOutputs: Int

  package init(literals: [[UInt8]]) {
    count = literals.count
    lengths = literals.map(\.count)
    var classes = [UInt16](repeating: 0, count: 256)
    var width = 1
    for literal in literals {
      for byte in literal where classes[Int(byte)] == 0 {
        classes[Int(byte)] = UInt16(width)
        width += 1
      }
    }
    byteClass = classes
    self.width = width
    // The trie in one flat table, `width` cells a state, -1 where it has no edge: built at every start-up for
    // thousands of states, so no array of arrays (a uniqueness check per cell written).
    var table = [Int32](repeating: -1, count: width)
    var out: [[Int32]] = [[]]
    var states = 1
    for (id, literal) in literals.enumerated() where !literal.isEmpty {
      var state = 0
      for byte in literal {
        let cell = state &* width &+ Int(classes[Int(byte)])
        let target = table[cell]
        if target >= 0 {
          state = Int(target)
        } else {
          table.append(contentsOf: repeatElement(-1, count: width))
          out.append([])
          table[cell] = Int32(states)
          state = states
          states += 1
        }
      }
      out[state].append(Int32(id))
    }
    // Breadth-first: failure links, then complete the table so that matching never follows a link. A
    // state's failure state is shallower, so its row is complete when the state's own row is filled. Class 0
    // (no literal's byte) has no edge anywhere: it always leads back to the root.
    var fail = [Int](repeating: 0, count: states)
    var queue: [Int] = []
    queue.reserveCapacity(states)
    table.withUnsafeMutableBufferPointer { cells in
      for column in 0..<width {
        let target = cells[column]
        if target >= 0 {
          fail[Int(target)] = 0
          queue.append(Int(target))
        } else {
          cells[column] = 0
        }
      }
      var head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        let failure = fail[state]
        if !out[failure].isEmpty { out[state] += out[failure] }
        let row = state &* width
        let failureRow = failure &* width
        for column in 0..<width {
          let target = cells[row &+ column]
          if target >= 0 {
            fail[Int(target)] = Int(cells[failureRow &+ column])
            queue.append(Int(target))
          } else {
            cells[row &+ column] = cells[failureRow &+ column]
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
    maxOutputs = out.map(\.count).max() ?? 0
  }

  /// Where an occurrence's literal id is in one word of ``occurrences(in:range:)``: above its end offset,
  /// which takes the low 40 bits (a text of up to a terabyte).
  package static let idShift: UInt64 = 40
  package static let endMask: UInt64 = (1 << 40) - 1

  /// Every occurrence in `text[range]`, in the order they end, each as one word: the literal's id shifted by
  /// ``idShift``, or'ed with the offset it ends at (exclusive).
  ///
  /// The automaton writes into a fixed buffer, emptied into the result whenever it fills, rather than
  /// appending to an array through a callback: the loop runs for every byte of every article, an append
  /// checks the array's uniqueness each time, and a callback or a growth path inside the loop keeps the
  /// automaton's state and tables out of registers (issue 15: the loop took 19 instructions a byte).
  package func occurrences(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [UInt64] {
    guard !range.isEmpty, let base = text.baseAddress else { return [] }
    var result: [UInt64] = []
    let capacity = 4_096 + maxOutputs
    let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    byteClass.withUnsafeBufferPointer { classes in
      next.withUnsafeBufferPointer { table in
        outputStarts.withUnsafeBufferPointer { starts in
          outputIDs.withUnsafeBufferPointer { ids in
            var position = range.lowerBound
            var state = 0
            while position < range.upperBound {
              let count = LiteralScanner.scan(base, from: &position, to: range.upperBound, state: &state, width: width,
                                              classes: classes.baseAddress!, table: table.baseAddress!, starts: starts.baseAddress!,
                                              ids: ids.baseAddress!, into: buffer, room: capacity - maxOutputs)
              result.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
            }
          }
        }
      }
    }
    return result
  }

  /// Runs the automaton from `position` until `end`, or until `room` words are written to `output`, and
  /// returns how many were; `position` and `state` are where it stopped. A state outputs at most
  /// ``maxOutputs`` literals, so the buffer holds `room + maxOutputs`.
  private static func scan(_ text: UnsafePointer<UInt8>, from position: inout Int, to end: Int, state: inout Int, width: Int,
                           classes: UnsafePointer<UInt16>, table: UnsafePointer<Int32>, starts: UnsafePointer<Int32>,
                           ids: UnsafePointer<Int32>, into output: UnsafeMutablePointer<UInt64>, room: Int) -> Int {
    var i = position
    var current = state
    var count = 0
    while i < end && count < room {
      current = Int(table[current &* width &+ Int(classes[Int(text[i])])])
      i &+= 1
      var k = Int(starts[current])
      let last = Int(starts[current &+ 1])
      while k < last {
        output[count] = UInt64(truncatingIfNeeded: ids[k]) << idShift | UInt64(truncatingIfNeeded: i)
        count &+= 1
        k &+= 1
      }
    }
    position = i
    state = current
    return count
  }
}
