import FactCheck
import FactCheckArchive
import Foundation

/// What the server and MCP tests share: the repository's rules, and an archive of `Examples/klarna` made once.
enum ServerFixtures {
  /// The repository root (…/Tests/FactCheckServerTests/ServerFixtures.swift → …).
  static let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The rules of `Rules/`, compiled once.
  static let rules = CompiledRuleSet.load([repository + "/Rules"])

  /// A checker as `factcheck serve` makes it.
  static let checker = FactChecker(rules: rules, options: FactCheckOptions(jobs: 1))

  /// A claim archive holding `Examples/klarna` (added from the repository root, so paths are `Examples/klarna/…`).
  static let archivePath: String = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-server-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("archive.sqlite").path
    if !FileManager.default.fileExists(atPath: path) {
      let archive = try! ClaimArchive(path: path, create: true)
      let addChecker = FactChecker(rules: rules, options: FactCheckOptions(jobs: 2))
      let files = (try! FileManager.default.contentsOfDirectory(atPath: repository + "/Examples/klarna")).filter { $0.hasSuffix(".md") }.sorted()
      _ = try! archive.add(paths: files.map { repository + "/Examples/klarna/" + $0 }, checker: addChecker)
    }
    return path
  }()

  /// A copy of the archive a test may write to.
  static func writableCopy() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-server-tests-\(getpid())-\(UUID().uuidString).sqlite").path
    try! FileManager.default.copyItem(atPath: archivePath, toPath: path)
    return path
  }

  /// A draft (written for these tests) that gives Klarna 3 500 employees, where an archived article gives about 3 800.
  static let klarnaDraft = """
    ---
    title: "Brouillon : Klarna et l'IA"
    published: 2024-09-20
    language: fr
    ---
    Klarna emploie aujourd'hui 3 500 personnes, selon son directeur général.
    """
}
