import Foundation
import Testing

@testable import FactCheckModel

/// How findings write figures: ``NumberFormatting/plain(_:)`` by integer arithmetic, which must write what
/// the `String(format:)` way it replaced (``NumberFormatting/formattedPlain(_:)``) writes, for every figure.
@Suite struct NumberFormattingTests {
  @Test(arguments: [
    (0.0, "0"), (-0.0, "0"), (7, "7"), (999, "999"), (1_000, "1 000"), (3_500, "3 500"), (22.5, "22.5"),
    (0.25, "0.25"), (8.6, "8.6"), (1_234_567.891, "1 234 567.89"), (6.7e9, "6 700 000 000"), (-42.1, "-42.1"),
    (-0.001, "-0"), (0.999, "1"), (99.995, "100"), (12.10, "12.1"), (3.05, "3.05"), (1e15 + 0.5, "1 000 000 000 000 000.5"),
    (1e20, "100 000 000 000 000 000 000"), (.infinity, "∞"), (-.infinity, "-∞"),
  ])
  func writesGroupedDigits(value: Double, text: String) {
    #expect(NumberFormatting.plain(value) == text)
  }

  /// The figures a corpus yields — integers, two-decimal amounts, shares, scaled money, negatives, values
  /// near the float's grain — written the way `String(format:)` wrote them.
  @Test func agreesWithTheFormattedWay() {
    var generator = SeededGenerator(seed: 9)
    var values: [Double] = [0.005, 0.015, 0.125, 1.005, 2.675, 1e13 + 0.004, 4_503_599_627_370_495.5, 9.007e15, 123_456_789.995]
    for _ in 0..<20_000 {
      let scale = pow(10, Double.random(in: -3...16, using: &generator))
      let value = Double.random(in: -1...1, using: &generator) * scale
      values.append(value)
      values.append((value * 100).rounded() / 100)
      values.append(value.rounded())
    }
    for value in values {
      #expect(NumberFormatting.plain(value) == NumberFormatting.formattedPlain(value), "\(value)")
    }
  }
}
