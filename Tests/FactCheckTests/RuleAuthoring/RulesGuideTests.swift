import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `Rules/README.md` keeps its promises: the tutorial's files, commands and output are what the checker
/// does, and every rule file marked `<!-- check -->` loads without errors and passes its examples.
@Suite struct RulesGuideTests {
  /// A fenced block of the guide and the `<!-- … -->` marker line right before it, if any.
  struct Block {
    let marker: String?
    let lines: [String]
  }

  static let guide = Fixtures.rules + "/README.md"

  static func blocks() throws -> [Block] {
    let lines = try String(contentsOfFile: guide, encoding: .utf8).components(separatedBy: "\n")
    var blocks: [Block] = []
    var marker: String?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.hasPrefix("<!--") && line.hasSuffix("-->") {
        marker = line.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
      } else if line.hasPrefix("```") {
        var body: [String] = []
        index += 1
        while index < lines.count && !lines[index].hasPrefix("```") {
          body.append(lines[index])
          index += 1
        }
        blocks.append(Block(marker: marker, lines: body))
        marker = nil
      } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        marker = nil
      }
      index += 1
    }
    return blocks
  }

  /// Runs a tutorial command the way `swift run factcheck …` would from the folder holding `MyRules/`.
  static func run(_ command: String, in directory: String) -> (status: Int32, lines: [String]) {
    let words = command.split(separator: " ").map(String.init)
    let output: (Int32, [String])
    if words.first == "test-rules" {
      let outcome = RuleTester.test(RuleAuthoring.compile([Fixtures.rules] + words.dropFirst().map { directory + "/" + $0 }))
      output = (outcome.exitStatus, outcome.lines)
    } else {
      let rules = words.firstIndex(of: "--rules").map { directory + "/" + words[$0 + 1] }
      let compiled = RuleAuthoring.compile([Fixtures.rules] + (rules.map { [$0] } ?? []))
      let explanation = RuleExplainer.explain(words[1], in: compiled)
      output = (explanation == nil ? 2 : 0, explanation?.components(separatedBy: "\n") ?? [])
    }
    return (output.0, output.1.map { $0.replacingOccurrences(of: directory + "/", with: "") })
  }

  @Test func theTutorialWorksAsWritten() throws {
    let directory = try RuleAuthoring.temporaryDirectory("guide")
    var files: [String: String] = [:]
    var runs = 0
    for block in try Self.blocks() {
      guard let marker = block.marker else { continue }
      if marker.hasPrefix("tutorial-file: ") {
        files[String(marker.dropFirst("tutorial-file: ".count))] = block.lines.joined(separator: "\n") + "\n"
      } else if marker.hasPrefix("tutorial-replace: ") {
        let path = String(marker.dropFirst("tutorial-replace: ".count))
        var lines = try #require(files[path]).components(separatedBy: "\n")
        for replacement in block.lines {
          let key = String(replacement.prefix { $0 != ":" })
          let index = try #require(lines.firstIndex { $0.hasPrefix(key + ":") }, "no '\(key):' line in \(path)")
          lines[index] = replacement
        }
        files[path] = lines.joined(separator: "\n")
      } else if marker.hasPrefix("tutorial-run: ") {
        runs += 1
        for (path, text) in files { try RuleAuthoring.write(text, to: directory + "/" + path) }
        let parts = marker.dropFirst("tutorial-run: ".count).components(separatedBy: "; exit ")
        let (command, status) = (parts[0], try #require(Int32(parts[1])))
        let shown = block.lines.filter { !$0.hasPrefix("$") && !$0.contains("…") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let (actual, lines) = Self.run(command, in: directory)
        #expect(actual == status, "\(command)")
        for line in shown { #expect(lines.contains(line), "\(command): missing \(line)\n\(lines.joined(separator: "\n"))") }
        if RuleAuthoring.binary != nil {
          let (status2, output) = try RuleAuthoring.run(command.components(separatedBy: " "), in: directory)
          #expect(status2 == status, "factcheck \(command)")
          let printed = output.components(separatedBy: "\n")
          for line in shown { #expect(printed.contains(line), "factcheck \(command): missing \(line)\n\(output)") }
        }
      }
    }
    #expect(runs >= 3)
  }

  @Test func everyCheckedRuleFileLoadsAndPasses() throws {
    let directory = try RuleAuthoring.temporaryDirectory("guide-check")
    var checked = 0
    for block in try Self.blocks() where block.marker == "check" {
      checked += 1
      let path = directory + "/guide-\(checked).yaml"
      try RuleAuthoring.write(block.lines.joined(separator: "\n") + "\n", to: path)
      let rules = RuleAuthoring.compile([Fixtures.rules, path])
      let problems = rules.problems.filter { $0.location.path == path && $0.severity != .note }
      #expect(problems.isEmpty, "block \(checked): \(problems.map(\.description))")
      let ids = rules.rules.filter { rule in
        rule.definition.location.path == path || rule.definition.examples.contains { $0.location.path == path }
      }.map(\.id)
      let report = RuleTester.run(rules, only: Set(ids))
      #expect(report.failures.isEmpty, "block \(checked): \(report.failures.map(\.description))")
      let ownExamples = rules.rules.flatMap(\.definition.examples).filter { $0.location.path == path }.count
      let declaresNothingToRun = block.lines.contains { $0.hasPrefix("checks:") }
      #expect(ownExamples > 0 || declaresNothingToRun, "block \(checked) runs no example")
    }
    #expect(checked >= 4)
  }
}
