import Foundation
import Testing

/// Issue 15, item 5: the library's stages are targets, and data flows one way through them. A stage imports
/// only the stages before it; the build checks each target's imports against its declared dependencies
/// (`--explicit-target-dependency-import-check error`), and this test checks the declarations against the
/// pipeline's order, so that a dependency declared against the flow is caught even where SwiftPM would
/// accept it (two stages that do not depend on each other yet).
@Suite struct StageFlowTests {
  /// The stages in the order data flows through them; `FactCheck` runs them all and comes last.
  static let stages = [
    "FactCheckModel", "FactCheckRules", "FactCheckExtraction", "FactCheckNormalisation", "FactCheckReconciliation",
    "FactCheckReporting", "FactCheck",
  ]

  /// The modules of this package a stage's sources import (`import`, `@_exported import`, `@testable import`).
  static func importedStages(of module: String) throws -> [String: String] {
    let folder = Fixtures.repository + "/Sources/" + module
    let importLine = try Regex(#"^\s*(?:@\w+\s+)*import\s+(\w+)"#)
    var found: [String: String] = [:]
    for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        guard let match = try importLine.firstMatch(in: String(line)), let name = match.output[1].substring else { continue }
        if stages.contains(String(name)) { found[String(name)] = file }
      }
    }
    return found
  }

  @Test(arguments: stages)
  func aStageImportsOnlyTheStagesBeforeIt(_ module: String) throws {
    let position = try #require(Self.stages.firstIndex(of: module))
    for (imported, file) in try Self.importedStages(of: module).sorted(by: { $0.key < $1.key }) {
      let importedPosition = try #require(Self.stages.firstIndex(of: imported))
      #expect(importedPosition < position, "\(module)/\(file) imports \(imported), which comes after it in the pipeline")
    }
  }

  /// Every stage is a target of its own, in its own folder (a stage folded back into another would pass the
  /// test above without keeping the flow).
  @Test func everyStageHasItsFolder() throws {
    let manifest = try String(contentsOfFile: Fixtures.repository + "/Package.swift", encoding: .utf8)
    for stage in Self.stages {
      #expect(manifest.contains("name: \"\(stage)\""), "Package.swift declares no target \(stage)")
      var isFolder: ObjCBool = false
      #expect(FileManager.default.fileExists(atPath: Fixtures.repository + "/Sources/" + stage, isDirectory: &isFolder) && isFolder.boolValue)
    }
  }
}
