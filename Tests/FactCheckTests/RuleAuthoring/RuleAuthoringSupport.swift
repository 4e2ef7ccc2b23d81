import Foundation

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Scratch folders and the `factcheck` binary, for the rule-authoring tests.
enum RuleAuthoring {
  /// This run's scratch folder; those that earlier runs left behind (over an hour old) are removed.
  static let scratch: String = {
    let manager = FileManager.default
    let temporary = NSTemporaryDirectory()
    for entry in (try? manager.contentsOfDirectory(atPath: temporary)) ?? [] where entry.hasPrefix("factcheck-rule-authoring-") {
      let path = (temporary as NSString).appendingPathComponent(entry)
      if let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified.timeIntervalSinceNow < -3600 {
        try? manager.removeItem(atPath: path)
      }
    }
    return (temporary as NSString).appendingPathComponent("factcheck-rule-authoring-\(UUID().uuidString)")
  }()

  /// A new empty folder in this run's scratch folder.
  static func temporaryDirectory(_ name: String) throws -> String {
    let path = scratch + "/\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `text` to `path`, creating its folder.
  static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// A copy of the bundled `Rules/` in a scratch folder.
  static func copyOfBundledRules() throws -> String {
    let copy = try temporaryDirectory("rules") + "/Rules"
    try FileManager.default.copyItem(atPath: Fixtures.rules, toPath: copy)
    return copy
  }

  /// The `factcheck` executable built next to the test bundle, when the build made one.
  static var binary: String? {
    var candidates: [String] = []
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent().path) }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().path)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      candidates.append((bundle.bundlePath as NSString).deletingLastPathComponent)
    }
    return candidates.map { $0 + "/factcheck" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs `factcheck` with `arguments` (in `directory`); its exit status and what it printed (stdout then stderr).
  static func run(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
    guard let binary else { throw CocoaError(.fileNoSuchFile) }
    let outcome = ShellRun.finish(try ShellRun.launch(binary, arguments, in: directory))
    return (outcome.status, outcome.output + outcome.errors)
  }

  /// Loads and compiles rule layers, the way `factcheck test-rules --no-default-rules` does.
  static func compile(_ layers: [String]) -> CompiledRuleSet { RuleCompiler.compile(RuleFileLoader.load(layers)) }
}
