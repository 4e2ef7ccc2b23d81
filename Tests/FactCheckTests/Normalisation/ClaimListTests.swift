import Testing

@testable import FactCheckModel

/// A run's claims are kept in chunks that never move (issue 15, peak memory per claim kept), and the list
/// behaves as an array of them would, whatever is done to it and wherever the chunks' edges fall.
@Suite struct ClaimListTests {
  /// A claim told apart from others by its value.
  static func claim(_ value: Int) -> Claim {
    Claim(document: "a.md", location: SourceLocation(path: "a.md", line: 1, column: value + 1), valueRange: value..<(value + 1),
          matchRange: value..<(value + 1), rule: "r", entity: "Nordhavn", entitySource: .named, attribute: "employees",
          value: Double(value), valueText: "\(value)", interval: ValueInterval(Double(value), Double(value)), unit: nil,
          hedge: .exact, period: .current, modality: .actual, language: "en", quote: "q", sentence: "s")
  }

  static let chunk = ClaimList.chunkCapacity

  @Test(arguments: [0, 1, 2, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 7])
  func appendingOneByOneOrAllAtOnceKeepsEveryClaimInOrder(count: Int) {
    let claims = (0..<count).map(Self.claim)
    var oneByOne = ClaimList()
    for claim in claims { oneByOne.append(claim) }
    let allAtOnce = ClaimList(claims)
    var inParts = ClaimList()
    inParts.append(contentsOf: claims.prefix(count / 3))
    inParts.append(contentsOf: claims.dropFirst(count / 3))
    for list in [oneByOne, allAtOnce, inParts] {
      #expect(list.count == count && list.isEmpty == (count == 0))
      #expect(Array(list) == claims)
      #expect(list.indices == 0..<count)
      if count > 0 { #expect(list[count - 1].value == Double(count - 1) && list.last?.value == Double(count - 1)) }
    }
    #expect(oneByOne == allAtOnce && allAtOnce == inParts && oneByOne.hashValue == inParts.hashValue)
  }

  @Test func everyChangeLeavesTheListAsAnArrayWouldBe() {
    var generator = SeededGenerator(seed: 15)
    var list = ClaimList()
    var array: [Claim] = []
    var next = 0
    func fresh(_ n: Int) -> [Claim] {
      defer { next += n }
      return (next..<(next + n)).map(Self.claim)
    }
    for round in 0..<400 {
      let size = Int.random(in: 0...(Self.chunk + 40), using: &generator)
      switch Int.random(in: 0..<8, using: &generator) {
      case 0:
        // From an array, or from another list (chunk by chunk).
        let claims = fresh(size)
        if round % 2 == 0 { list.append(contentsOf: claims) } else { list.append(contentsOf: ClaimList(claims)) }
        array += claims
      case 1:
        let lower = Int.random(in: 0...array.count, using: &generator)
        let upper = Int.random(in: lower...min(array.count, lower + size), using: &generator)
        let claims = fresh(Int.random(in: 0...3, using: &generator))
        list.replaceSubrange(lower..<upper, with: claims)
        array.replaceSubrange(lower..<upper, with: claims)
      case 2:
        let modulus = Int.random(in: 2...5, using: &generator)
        list.removeAll { Int($0.value) % modulus == 0 }
        array.removeAll { Int($0.value) % modulus == 0 }
      case 3 where !array.isEmpty:
        let index = Int.random(in: 0..<array.count, using: &generator)
        let claim = fresh(1)[0]
        list[index] = claim
        array[index] = claim
      case 4 where array.count > 1:
        let a = Int.random(in: 0..<array.count, using: &generator)
        let b = Int.random(in: 0..<array.count, using: &generator)
        list.swapAt(a, b)
        array.swapAt(a, b)
      case 5:
        list.sort { $0.value > $1.value }
        array.sort { $0.value > $1.value }
      case 6 where !array.isEmpty:
        let index = Int.random(in: 0..<array.count, using: &generator)
        #expect(list.remove(at: index) == array.remove(at: index))
      default:
        let index = Int.random(in: 0...array.count, using: &generator)
        let claim = fresh(1)[0]
        list.insert(claim, at: index)
        array.insert(claim, at: index)
      }
      #expect(list.count == array.count, "round \(round)")
      #expect(Array(list) == array, "round \(round)")
    }
  }

  @Test func aCopyIsAValue() {
    let original = ClaimList((0..<(Self.chunk + 5)).map(Self.claim))
    var copy = original
    copy[3].entity = "Elsewhere"
    copy.append(Self.claim(-1))
    #expect(original[3].entity == "Nordhavn" && original.count == Self.chunk + 5)
    #expect(copy[3].entity == "Elsewhere" && copy.count == Self.chunk + 6)
    var emptied = original
    emptied.removeAll()
    #expect(emptied.isEmpty && original.count == Self.chunk + 5)
  }
}
