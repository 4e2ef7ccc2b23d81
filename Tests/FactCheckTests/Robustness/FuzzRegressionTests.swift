import Foundation
import Testing

@_spi(Fuzzing) @testable import FactCheck

/// Inputs the fuzzers of `Fuzz/` once crashed on, replayed through the same entry points on every test run,
/// so a crash found in a short CI fuzzing run stays fixed without waiting for the fuzzer to find it again.
/// Each is also a seed of its harness's corpus in `Fuzz/Seeds`.
@Suite struct FuzzRegressionTests {
  /// Figures the number normaliser (`FuzzNumbers`) read with out-of-order string indices.
  static let numberInputs = [
    "between and 3,500",  // the lead's space was taken for the link's: a range from index 8 to 7
    "entre et 3 500 euros",
    "between  and 3,500",
    "between and",
    "entre et",
    "between 3 and",
  ]

  @Test(arguments: numberInputs)
  func numberNormaliserSurvives(_ text: String) {
    for language in Fixtures.bundledRules.languages {
      guard let normaliser = FuzzEntryPoints.Normaliser(language: language, rules: Fixtures.bundledRules) else { continue }
      _ = normaliser.run(text)
    }
  }

  /// Every committed seed of `FuzzNumbers` goes through the normalisers too.
  @Test func numberSeedsSurvive() throws {
    let seeds = Fixtures.repository + "/Fuzz/Seeds/FuzzNumbers"
    let names = try FileManager.default.contentsOfDirectory(atPath: seeds)
    #expect(!names.isEmpty)
    let normalisers = Fixtures.bundledRules.languages.compactMap {
      FuzzEntryPoints.Normaliser(language: $0, rules: Fixtures.bundledRules)
    }
    for name in names {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: seeds + "/" + name))
      let text = String(decoding: bytes.prefix(512), as: UTF8.self)
      for normaliser in normalisers { _ = normaliser.run(text) }
    }
  }
}
