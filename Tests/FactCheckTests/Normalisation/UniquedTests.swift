import Testing

@testable import FactCheckModel

/// `uniqued()` keeps the first of each repeated element, in order, whether the array is short (searched
/// linearly) or long (a set).
@Suite struct UniquedTests {
  @Test(arguments: [[], ["a"], ["a", "a"], ["b", "a", "b", "c", "a"], ["3 500", "3 800", "3 500", "3 500 €"]])
  func keepsFirstOfEach(values: [String]) {
    var seen: [String] = []
    for value in values where !seen.contains(value) { seen.append(value) }
    #expect(values.uniqued() == seen)
  }

  @Test func shortAndLongArraysAgree() {
    var generator = SeededGenerator(seed: 4)
    for length in [0, 1, 15, 16, 17, 40, 300] {
      let values = (0..<length).map { _ in Int.random(in: 0..<12, using: &generator) }
      var seen: [Int] = []
      for value in values where !seen.contains(value) { seen.append(value) }
      #expect(values.uniqued() == seen, "length \(length)")
    }
  }
}
