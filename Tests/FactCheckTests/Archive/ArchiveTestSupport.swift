import FactCheck
import FactCheckArchive
import Foundation

/// Scratch folders and corpora for the claim archive's tests.
enum ArchiveFixtures {
  /// A new empty directory, removed by the caller with ``remove(_:)``.
  static func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "factcheck-archive-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

  /// The example articles of every story (`Examples/*/*.md`), sorted.
  static var exampleArticles: [String] {
    let manager = FileManager.default
    let stories = (try? manager.contentsOfDirectory(atPath: Fixtures.examples)) ?? []
    return stories.sorted().flatMap { story -> [String] in
      let folder = Fixtures.examples + "/" + story
      return ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
    }
  }

  /// Copies the example articles `copies` times into `directory` (`copy-N/story-file.md`), so that a run
  /// has many articles; returns how many files were written.
  @discardableResult
  static func corpus(in directory: String, copies: Int) throws -> Int {
    var count = 0
    for copy in 0..<copies {
      let folder = directory + "/copy-\(copy)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for article in exampleArticles {
        let parts = article.split(separator: "/").suffix(2).joined(separator: "-")
        try FileManager.default.copyItem(atPath: article, toPath: folder + "/" + parts)
        count += 1
      }
    }
    return count
  }

  /// A checker over the bundled rules, on one thread (tests run side by side).
  static func checker(published: Day? = nil) -> FactChecker {
    FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(published: published, windowDays: 365, jobs: 2))
  }

  /// Findings as a report compares them: what they say and where they point, not claim indices.
  static func comparable(_ result: CheckResult) -> [String] {
    result.findings.map { finding in
      ([finding.id, finding.severity.rawValue, finding.message] + finding.details + finding.locations.map(\.description)).joined(separator: "\n")
    }
  }
}
