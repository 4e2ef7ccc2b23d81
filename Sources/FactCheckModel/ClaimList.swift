/// A run's claims, in order: a collection like an array, kept in chunks of a fixed number of claims.
///
/// A run keeps every claim until it is reconciled, and the claims are most of a large run's memory (issue 15:
/// peak memory per claim kept). An array grows by doubling, and at each growth its old storage and the new one,
/// twice as large, exist together; an array gathered from parts (the articles several workers did) is a second
/// copy of them all. Chunks are filled one after the other and do not move as claims are appended, so a list
/// built by appending holds its claims and at most one chunk's spare room. (Inserting or removing before the
/// end moves the claims after that place, as an array does.)
///
/// Use it as you would `[Claim]`: index, iterate, filter, append it; ``sort(by:)`` sorts it in place, moving each
/// claim once; `Array(list)` makes an array of it.
public struct ClaimList: Sendable {
  /// Claims a full chunk holds: a power of two, so that an index splits into a chunk and a place by shifts;
  /// a chunk is then about 150 KB.
  @usableFromInline static let chunkShift = 10
  @usableFromInline static let chunkCapacity = 1 << chunkShift
  @usableFromInline static let placeMask = chunkCapacity - 1

  /// Every chunk but the last is full, and none is empty. (Inlinable, with the members that read it, so that
  /// indexing a run's claims from another module costs what indexing an array does.)
  @usableFromInline var chunks: [[Claim]] = []

  /// An empty list.
  public init() {}

  /// A list of `claims`, in their order.
  public init(_ claims: [Claim]) {
    append(contentsOf: claims)
  }
}

extension ClaimList: RandomAccessCollection, MutableCollection {
  /// The first claim's index: 0.
  @inlinable public var startIndex: Int { 0 }
  /// The number of claims, one past the last claim's index.
  @inlinable public var endIndex: Int {
    guard let last = chunks.last else { return 0 }
    return (chunks.count - 1) << ClaimList.chunkShift + last.count
  }
  /// The number of claims.
  @inlinable public var count: Int { endIndex }
  /// Whether the list has no claim.
  @inlinable public var isEmpty: Bool { chunks.isEmpty }

  /// The claim at `position`, which must be a valid index.
  @inlinable public subscript(position: Int) -> Claim {
    // Read and modified in place: a claim is 152 bytes holding several references, and sorting or renaming a
    // run's claims should not copy each one out and back.
    // A position out of range traps in the chunks' own bounds checks: every chunk but the last is full.
    _read { yield chunks[position >> ClaimList.chunkShift][position & ClaimList.placeMask] }
    _modify { yield &chunks[position >> ClaimList.chunkShift][position & ClaimList.placeMask] }
  }

  /// The index after `i`.
  @inlinable public func index(after i: Int) -> Int { i + 1 }
  /// The index before `i`.
  @inlinable public func index(before i: Int) -> Int { i - 1 }
}

extension ClaimList: RangeReplaceableCollection {
  /// Adds a claim at the end.
  public mutating func append(_ claim: Claim) {
    // The last chunk is counted in place, not bound to a name: a second reference would make appending copy it.
    if !chunks.isEmpty && chunks[chunks.count - 1].count < ClaimList.chunkCapacity {
      chunks[chunks.count - 1].append(claim)
      return
    }
    // The first chunk grows as an array does, so that a short list (an article's claims) stays small; the
    // next ones are made full size at once and never grow.
    var chunk: [Claim] = []
    if !chunks.isEmpty { chunk.reserveCapacity(ClaimList.chunkCapacity) }
    chunk.append(claim)
    chunks.append(chunk)
  }

  /// Adds claims at the end, a chunk's worth at a time.
  public mutating func append<S: Sequence>(contentsOf claims: S) where S.Element == Claim {
    if let list = claims as? ClaimList {
      for chunk in list.chunks { append(contentsOf: chunk) }
      return
    }
    guard let claims = claims as? [Claim] else {
      for claim in claims { append(claim) }
      return
    }
    var start = 0
    while start < claims.count {
      if chunks.isEmpty || chunks[chunks.count - 1].count == ClaimList.chunkCapacity {
        append(claims[start])
        start += 1
        continue
      }
      let room = ClaimList.chunkCapacity - chunks[chunks.count - 1].count
      let end = Swift.min(claims.count, start + room)
      chunks[chunks.count - 1].append(contentsOf: claims[start..<end])
      start = end
    }
  }

  /// Replaces a range of claims. Claims after the range move, as they would in an array.
  public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Claim {
    precondition(subrange.lowerBound >= 0 && subrange.upperBound <= endIndex, "ClaimList range out of bounds")
    if subrange.lowerBound == endIndex {
      append(contentsOf: newElements)
      return
    }
    // The claims after the range are copied out, and appended again after the new ones.
    let tail = Array(self[subrange.upperBound...])
    removeLast(fromIndex: subrange.lowerBound)
    append(contentsOf: newElements)
    append(contentsOf: tail)
  }

  /// Keeps the claims before `index` and lets go of the chunks after it.
  private mutating func removeLast(fromIndex index: Int) {
    let keptChunks = (index + ClaimList.placeMask) >> ClaimList.chunkShift
    chunks.removeSubrange(keptChunks...)
    if !chunks.isEmpty && index & ClaimList.placeMask != 0 {
      chunks[chunks.count - 1].removeSubrange((index & ClaimList.placeMask)...)
    }
  }

  /// Removes every claim and lets go of every chunk (a chunk is made again as claims come).
  public mutating func removeAll(keepingCapacity keepCapacity: Bool = false) {
    chunks.removeAll()
  }

  /// Capacity is a chunk at a time; there is nothing to reserve.
  public mutating func reserveCapacity(_ n: Int) {}
}

extension ClaimList {
  /// Sorts the claims in place, keeping the order of claims neither precedes.
  ///
  /// Their indices are sorted, and each claim then moved once, by swapping along the permutation's cycles: the
  /// standard sort of a collection without contiguous storage sorts a copy of every claim and writes them back,
  /// and sorting a run's claims should not hold them twice.
  public mutating func sort(by areInIncreasingOrder: (Claim, Claim) throws -> Bool) rethrows {
    // The standard sort is stable: indices of claims neither precedes keep their order.
    var order = Array(indices)
    try order.sort { try areInIncreasingOrder(self[$0], self[$1]) }
    arrange(order)
  }
}

extension ClaimList: ExpressibleByArrayLiteral {
  /// A list of the claims written between brackets.
  public init(arrayLiteral claims: Claim...) {
    self.init(claims)
  }
}

extension ClaimList: Hashable {
  /// Whether two lists hold equal claims in the same order, however their chunks fall.
  public static func == (a: ClaimList, b: ClaimList) -> Bool { a.elementsEqual(b) }

  /// Hashes the claims in order.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for claim in self { hasher.combine(claim) }
  }
}

extension ClaimList: CustomStringConvertible {
  /// The claims, written as an array of them is.
  public var description: String { Array(self).description }
}
