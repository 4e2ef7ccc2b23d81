import Foundation
import Testing

/// Issue 18, item 8: only the library's face is public. A type made public by accident becomes API that a
/// depending package may start to use and that then cannot change, so the public types of each module are
/// listed here; making another one public is a decision this test asks to write down.
///
/// It reads the sources rather than the compiled module, which keeps it fast and free of tools; members are
/// not listed (a public type's members follow from what it is for, and DocC documents every one).
@Suite struct PublicFaceTests {
  static let expected: [String: Set<String>] = [
    "PatternMatching": ["MatchLimits"],
    // The stages (issue 15): FactCheck re-exports them, so their public types are its face too.
    "FactCheckModel": [
      "Article", "Baseline", "CheckResult", "Claim", "ClaimList", "Day", "Diagnostic", "DocumentReport", "EntitySource", "Finding",
      "Hedge", "Modality", "Period", "RuleFileError", "RuleSummary", "Severity", "SourceLocation", "SuppressedFinding",
      "Suppression", "SuppressionError", "ValueInterval",
      // Nested in the types above.
      "Category", "Entry", "Kind", "Origin", "Precision", "Status", "ValueGroup",
    ],
    "FactCheckRules": ["CompiledRule", "CompiledRuleSet"],
    "FactCheckExtraction": [],
    "FactCheckNormalisation": [],
    "FactCheckReconciliation": [],
    "FactCheckReporting": [
      "ClaimReviewReporter", "HTMLReporter", "JSONReporter", "ReportOptions", "Reporter", "Reporters", "SARIFReporter",
      "TextReporter",
    ],
    "FactCheck": ["ClaimStream", "ExtractionRun", "FactCheckOptions", "FactChecker"],
    "FactCheckArchive": [
      "ArchiveAddition", "ArchiveError", "ArchiveFindingBatch", "ArchiveProgress", "ArchiveSearchHit",
      "ArchiveStatistics", "ArchivedDocument", "ClaimArchive",
    ],
    // The front ends are used by the `factcheck` executable only: package access.
    "FactCheckServer": [],
    "FactCheckMCP": [],
  ]

  /// Public types declared in a module's sources, with the SPI ones apart.
  static func declaredTypes(in module: String) throws -> (public: Set<String>, spi: Set<String>) {
    let folder = Fixtures.repository + "/Sources/" + module
    let declaration = try Regex(
      #"^\s*(@_spi\((\w+)\)\s+)?public\s+(?:final\s+|indirect\s+)*(?:struct|class|enum|protocol|actor|typealias)\s+(\w+)"#)
    var found: (public: Set<String>, spi: Set<String>) = ([], [])
    for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        guard let match = try declaration.firstMatch(in: String(line)),
          let name = match.output[3].substring.map(String.init)
        else { continue }
        if match.output[2].substring != nil { found.spi.insert(name) } else { found.public.insert(name) }
      }
    }
    return found
  }

  @Test(arguments: expected.keys.sorted())
  func onlyTheLibrarysFaceIsPublic(_ module: String) throws {
    let declared = try Self.declaredTypes(in: module).public
    let expected = Self.expected[module] ?? []
    #expect(declared.subtracting(expected).isEmpty,
            "newly public in \(module): \(declared.subtracting(expected).sorted()); package access, or list it here")
    #expect(expected.subtracting(declared).isEmpty, "no longer public in \(module): \(expected.subtracting(declared).sorted())")
  }

  /// No declaration at all is public in the front ends, members and extensions included.
  @Test(arguments: ["FactCheckServer", "FactCheckMCP"])
  func theFrontEndsHaveNoPublicDeclarations(_ module: String) throws {
    let folder = Fixtures.repository + "/Sources/" + module
    for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      let lines = text.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("public ") }
      #expect(lines.isEmpty, "\(module)/\(file): \(lines.first ?? "")")
    }
  }

  /// The fuzzers' door is SPI, and the only one: `Fuzz/` is a package of its own, which package access does
  /// not reach, and a library user never sees it without `@_spi(Fuzzing) import FactCheck`.
  @Test func fuzzEntryPointsAreTheOnlySPI() throws {
    var spi: Set<String> = []
    for module in Self.expected.keys { spi.formUnion(try Self.declaredTypes(in: module).spi) }
    #expect(spi == ["FuzzEntryPoints", "Normaliser", "ArticleReader"])
    let harnesses = Fixtures.repository + "/Fuzz/Sources"
    for harness in ["FuzzNumbers", "FuzzRules", "FuzzPipeline"] {
      let text = try String(contentsOfFile: harnesses + "/" + harness + "/main.swift", encoding: .utf8)
      #expect(text.contains("@_spi(Fuzzing) import FactCheck"), "\(harness) does not import the SPI")
    }
  }
}
