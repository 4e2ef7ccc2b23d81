import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The lexicon schema (``LexiconSchema``) is the one list of lexicon keys: the reference in
/// `Rules/README.md` lists exactly its keys and shapes, and a user's layer adds to the bundled lexicon on
/// every key.
@Suite struct LexiconSchemaTests {
  /// The `| key | shape | …` rows of the guide's "Lexicons" table.
  static func referenceRows() throws -> [(key: String, shape: String)] {
    let guide = try String(contentsOfFile: Fixtures.rules + "/README.md", encoding: .utf8)
    let section = try #require(guide.components(separatedBy: "\n## Lexicons\n").dropFirst().first)
      .components(separatedBy: "\n## ").first ?? ""
    return section.components(separatedBy: "\n").compactMap { line in
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 4, cells[1].hasPrefix("`"), cells[1].hasSuffix("`") else { return nil }
      return (String(cells[1].dropFirst().dropLast()), cells[2])
    }
  }

  @Test func theGuideListsEveryKeyOfTheSchemaWithItsShape() throws {
    let rows = try Self.referenceRows()
    let expected = LexiconSchema.keys.map { "| `\($0.name)` | \($0.shapeDescription) |" }
    let found = rows.map { "| `\($0.key)` | \($0.shape) |" }
    #expect(found == expected, "Rules/README.md, section Lexicons, should start its rows with:\n\(expected.joined(separator: "\n"))")
  }

  /// A value of `key` for a layer: `own` marks the layer's words, `shared` an entry both layers give.
  static func yaml(_ key: LexiconKey, own: String, flag: Bool) -> String? {
    switch key.shape {
    case .languageCode: nil
    case .decimalMark: own == "base" ? "\",\"" : "\".\""
    case .flag: "\(flag)"
    case .words, .wordSet: "[\(own)word]"
    case .numbers, .wholeNumbers: "{shared: \(own == "base" ? 1 : 2), \(own)word: 3}"
    case .codes: "{shared: \(own)code, \(own)word: code}"
    case .hedges: "[{kind: approximate, words: [\(own)word]}]"
    case .periods: "[{period: last_year, words: [\(own)word]}]"
    case .fragments: "{shared: \"\(own)\", \(own)word: \"x\"}"
    }
  }

  @Test func aLayerAddsToTheLexiconBelowOnEveryKey() throws {
    let folder = try RuleAuthoring.temporaryDirectory("schema")
    let defaults = Lexicon(language: "zz", location: SourceLocation(path: "", line: 1, column: 1))
    func layer(_ own: String) -> String {
      var lines = ["lexicon:", "  language: zz"]
      for key in LexiconSchema.keys {
        // The base gives each flag its default; the layer, the other value.
        var flag = false
        if case .flag(let path) = key.shape { flag = own == "base" ? defaults[keyPath: path] : !defaults[keyPath: path] }
        if let value = Self.yaml(key, own: own, flag: flag) { lines.append("  \(key.name): \(value)") }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    try RuleAuthoring.write(layer("base"), to: folder + "/base/lexicon.yaml")
    try RuleAuthoring.write(layer("user"), to: folder + "/user/lexicon.yaml")
    let library = RuleFileLoader.load([folder + "/base", folder + "/user"])
    #expect(library.problems.filter { $0.severity == .error }.isEmpty, "\(library.problems)")
    let merged = try #require(library.lexicons["zz"])
    for key in LexiconSchema.keys {
      switch key.shape {
      case .languageCode:
        #expect(merged.language == "zz")
      case .decimalMark(let path):
        #expect(merged[keyPath: path] == ".", "\(key.name)")
      case .flag(let path):
        #expect(merged[keyPath: path] == !defaults[keyPath: path], "\(key.name)")
      case .words(let path):
        #expect(merged[keyPath: path] == ["baseword", "userword"], "\(key.name)")
      case .wordSet(let path):
        #expect(merged[keyPath: path] == ["baseword", "userword"], "\(key.name)")
      case .numbers(let path):
        #expect(merged[keyPath: path] == ["shared": 2, "baseword": 3, "userword": 3], "\(key.name)")
      case .wholeNumbers(let path):
        #expect(merged[keyPath: path] == ["shared": 2, "baseword": 3, "userword": 3], "\(key.name)")
      case .codes(let path):
        #expect(merged[keyPath: path] == ["shared": "usercode", "baseword": "code", "userword": "code"], "\(key.name)")
      case .hedges:
        #expect(merged.hedges.flatMap(\.words) == ["baseword", "userword"], "\(key.name)")
      case .periods:
        #expect(merged.periods.flatMap(\.words) == ["baseword", "userword"], "\(key.name)")
      case .fragments:
        #expect(merged.fragments == ["shared": "user", "baseword": "x", "userword": "x"], "\(key.name)")
        #expect(merged.fragmentLocations["shared"]?.path.hasSuffix("user/lexicon.yaml") == true)
      }
      // Each key is located in the layer that last gave it.
      #expect(merged.keyLocations[key.name]?.path.hasSuffix("user/lexicon.yaml") == true, "\(key.name)")
    }
  }

  @Test func theDecimalSeparatorAndDayFirstOfALayerApply() throws {
    // A user's layer reads English-style figures and dates in its French copy.
    let folder = try RuleAuthoring.temporaryDirectory("separator")
    try RuleAuthoring.write("lexicon:\n  language: fr\n  decimal_separator: \".\"\n  day_first: false\n", to: folder + "/fr.yaml")
    let compiled = CompiledRuleSet.load([Fixtures.rules, folder])
    let lexicon = try #require(compiled.library.lexicons["fr"])
    #expect(lexicon.decimalSeparator == ".")
    #expect(lexicon.dayFirst == false)
    #expect(!lexicon.numberWords.isEmpty)
    let tables = LexiconTables(lexicon)
    #expect(throws: MalformedFigure.self) { try NumberReader(tables: tables).read("3,5 %", kind: .percent) }
    #expect(DateReader(tables: tables).read("05/13/2025") == Day(year: 2025, month: 5, day: 13))
    // Without the layer, French reads a decimal comma and the day first.
    let french = LexiconTables(try #require(Fixtures.bundledRules.library.lexicons["fr"]))
    #expect(try NumberReader(tables: french).read("3,5 %", kind: .percent).value == 3.5)
    #expect(DateReader(tables: french).read("05/12/2025") == Day(year: 2025, month: 12, day: 5))
  }
}
