import Testing

@testable import FactCheck
@testable import FactCheckModel

/// Claims are reported by place; sorting moves each claim once, along the cycles of the order found for
/// their indices, and must give what a stable sort of the claims themselves gives.
@Suite struct ReportOrderTests {
  @Test(arguments: [0, 1, 2, 7, 300, 2_500])
  func sortsLikeAStableSort(count: Int) {
    var generator = SeededGenerator(seed: UInt64(count) + 1)
    var claims = ClaimList((0..<count).map { number in
      // Few documents and lines, so that many claims tie on place and only their first order tells them apart.
      var claim = ClaimFactory.claim("doc-\(Int.random(in: 0..<3, using: &generator)).md", Double(number),
                                     line: Int.random(in: 1...4, using: &generator))
      claim.rule = ["b", "a"].randomElement(using: &generator)!
      return claim
    })
    let expected = claims.sorted { ($0.location, $0.valueRange.lowerBound, $0.rule) < ($1.location, $1.valueRange.lowerBound, $1.rule) }
    FactChecker.sortInReportOrder(&claims)
    #expect(claims.map(\.value) == expected.map(\.value))
  }
}
