import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Issue 18: the bundled rules are a package resource, so the library works outside the checkout.
@Suite struct BundledRulesTests {
  @Test func theBundledRulesComeFromTheResourceBundle() throws {
    let directory = try #require(CompiledRuleSet.bundledRulesDirectory)
    #expect(directory.contains("FactCheck_FactCheckResources"), "found \(directory), not the resource bundle")
    #expect(FileManager.default.fileExists(atPath: directory + "/lexicons/fr.yaml"))
  }

  /// The resource is a copy of Rules/ at build time, not a link to the checkout: same files, same bytes.
  @Test func theResourceIsACopyOfRules() throws {
    let directory = try #require(CompiledRuleSet.bundledRulesDirectory)
    let manager = FileManager.default
    let attributes = try manager.attributesOfItem(atPath: directory)
    #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
    let bundled = Set(try manager.subpathsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") })
    let source = Set(try manager.subpathsOfDirectory(atPath: Fixtures.rules).filter { $0.hasSuffix(".yaml") })
    #expect(bundled == source)
    for file in source.sorted() {
      #expect(manager.contentsEqual(atPath: directory + "/" + file, andPath: Fixtures.rules + "/" + file),
              "\(file) differs from the resource: rebuild")
    }
  }

  @Test func bundledCompilesWithoutErrorsAndMatchesTheCheckoutsRules() {
    let bundled = CompiledRuleSet.bundled
    #expect(!bundled.hasErrors, "\(bundled.problems.map(\.description))")
    #expect(bundled.rules.map(\.id) == Fixtures.bundledRules.rules.map(\.id))
    #expect(bundled.languages == ["de", "en", "fr"])
  }

  @Test func aUsersLayerGoesOverTheBundledRules() throws {
    let layer = Fixtures.tests + "/UsingTheLibrary/MyRules"
    let rules = CompiledRuleSet.load(bundledAnd: [layer])
    #expect(!rules.hasErrors, "\(rules.problems.map(\.description))")
    #expect(rules.rule(id: "en.example.staff-count") != nil)
    #expect(rules.rules.count == CompiledRuleSet.bundled.rules.count + 1)
    let article = Fixtures.article("Brindille pays 1,250 monthly salaries.", language: "en")
    let result = FactChecker(rules: rules, options: FactCheckOptions(jobs: 1)).check(articles: [article])
    #expect(result.claims.map(\.rule) == ["en.example.staff-count"])
  }

  /// `make library-example` builds the example package outside the checkout (a few minutes: a fresh build of
  /// FactCheck), so this test runs only when asked: `FACTCHECK_LIBRARY_EXAMPLE=1 swift test --filter Bundled`.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["FACTCHECK_LIBRARY_EXAMPLE"] == "1"), .timeLimit(.minutes(20)))
  func theReadmeExampleRunsOutsideTheCheckout() throws {
    let run = try ReportingFixtures.run("/bin/bash", [Fixtures.tests + "/UsingTheLibrary/run-outside-checkout.sh"])
    #expect(run.status == 0, "\(run.output)\n\(run.errors)")
    #expect(run.output.contains("the README example runs outside the checkout"))
  }
}
