import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import Foundation

/// SARIF 2.1.0 log for code-scanning tools and CI dashboards: one run, the rules and checks as
/// `tool.driver.rules`, one result per finding, and every rule-file, input and matching problem as a tool
/// notification, so nothing the text report shows is missing here.
///
/// Each claim involved in a finding is both a `location` (viewers that show one place per result pick the
/// first, the finding's anchor) and a numbered `relatedLocation` whose message names its side of the
/// finding ("3 500 (current)"). A location's `region` is the figure itself; its `contextRegion` is the
/// line around it, so the snippet a viewer shows is the sentence, not just "3 500". Columns count Unicode
/// scalars, which SARIF calls `unicodeCodePoints`. Relative paths stay relative, under the `SRCROOT` base.
public struct SARIFReporter: Reporter {
  /// The name `--format` and ``Reporters/reporter(_:options:)`` know this reporter by.
  public static let identifier = "sarif"
  /// One line for `--help`.
  public static let description = "SARIF 2.1.0, for code-scanning tools and CI dashboards"

  /// The schema the log declares: the OASIS 2.1.0 schema (errata 01), the one the tests validate against.
  package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The name of the base relative artifact URIs resolve against.
  package static let sourceRoot = "SRCROOT"

  package let options: ReportOptions
  private let uris: ArtifactURI

  /// Creates the reporter.
  ///
  /// - Parameter options: ``ReportOptions/baseDirectory``, when set, becomes the `SRCROOT` base, so that
  ///   inputs outside the working directory are not `../` URIs; the other options do not concern SARIF.
  public init(options: ReportOptions = ReportOptions()) {
    self.options = options
    self.uris = ArtifactURI(baseDirectory: options.baseDirectory)
  }

  /// The report as one SARIF 2.1.0 log with one run.
  ///
  /// - Parameter result: What a run produced.
  /// - Returns: The JSON text of the log, ending with a line break.
  public func report(_ result: CheckResult) -> String { log(result).serialized() + "\n" }

  /// The whole log as a JSON value.
  package func log(_ result: CheckResult) -> JSONValue {
    .object([
      "$schema": .string(SARIFReporter.schemaURI),
      "version": .string("2.1.0"),
      "runs": .array([run(result)]),
    ])
  }

  // MARK: - Run

  private func run(_ result: CheckResult) -> JSONValue {
    let rules = uniqueRules(result.rules)
    var ruleIndex: [String: Int] = [:]
    for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
    var run: [String: JSONValue] = [
      "tool": .object(["driver": driver(rules)]),
      "invocations": .array([invocation(result)]),
      "results": .array(result.findings.map { finding in
        var object = self.result(finding, in: result, ruleIndex: ruleIndex[finding.check])
        if result.baselineApplied { object["baselineState"] = .string("new") }
        return .object(object)
      } + result.suppressed.map { suppressed in
        var object = self.result(suppressed.finding, in: result, ruleIndex: ruleIndex[suppressed.finding.check])
        object["suppressions"] = .array([suppression(suppressed.suppression)])
        if suppressed.suppression.origin == .baseline { object["baselineState"] = .string("unchanged") }
        return .object(object)
      }),
      "columnKind": .string("unicodeCodePoints"),
    ]
    if let base = uris.baseURI {
      run["originalUriBaseIds"] = .object([SARIFReporter.sourceRoot: .object(["uri": .string(base)])])
    }
    return .object(run)
  }

  /// SARIF resolves `ruleIndex` by position, so a rule id appears once (the first definition wins, as
  /// in the rule set itself).
  private func uniqueRules(_ rules: [RuleSummary]) -> [RuleSummary] {
    var seen = Set<String>()
    return rules.filter { seen.insert($0.id).inserted }
  }

  private func driver(_ rules: [RuleSummary]) -> JSONValue {
    var driver: [String: JSONValue] = [
      "name": .string(ToolInfo.name),
      "version": .string(ToolInfo.version),
      "rules": .array(rules.map(rule)),
      "notifications": .array(NotificationKind.allCases.map { kind in
        .object([
          "id": .string(kind.rawValue),
          "shortDescription": .object(["text": .string(kind.summary)]),
        ])
      }),
    ]
    if let uri = ToolInfo.informationURI { driver["informationUri"] = .string(uri) }
    return .object(driver)
  }

  private func rule(_ rule: RuleSummary) -> JSONValue {
    let description = rule.description.isEmpty ? rule.id : rule.description
    // GitHub shows the short description in lists and the help pane beside an alert.
    let short = description.prefix { $0 != "." }.trimmingCharacters(in: .whitespaces)
    let help = SARIFReporter.help(for: rule)
    var descriptor: [String: JSONValue] = [
      "id": .string(rule.id),
      "shortDescription": .object(["text": .string(short.isEmpty ? description : short + ".")]),
      "fullDescription": .object(["text": .string(description)]),
      "help": .object(["text": .string(help.text), "markdown": .string(help.markdown)]),
      "defaultConfiguration": .object(["level": .string(level(rule.severity))]),
    ]
    if let location = rule.location { descriptor["properties"] = .object(["definedAt": .string(describe(location))]) }
    return .object(descriptor)
  }

  /// What a check means and how to fix or suppress its findings, as plain text and as Markdown.
  package static func help(for rule: RuleSummary) -> (text: String, markdown: String) {
    let meaning: String
    let fix: String
    if rule.id.hasPrefix("conflict/") {
      meaning = "Articles give figures for the same entity, attribute and period that cannot all be true, even with each figure's hedge and the attribute's tolerance."
      fix = "Check each figure at its source and correct the article that is wrong. If both hold (another scope, another date), say so in the text so the figures read apart."
    } else if rule.id == "spelling" {
      meaning = "One name is spelled two ways across the articles."
      fix = "Use one spelling everywhere (the majority spelling is named in the finding)."
    } else if rule.severity == .note && rule.location != nil && !rule.id.contains("/") {
      meaning = "An extraction rule: it reads figures from articles and produces no finding of its own."
      fix = "Nothing to fix; `factcheck explain \(rule.id)` shows its pattern and examples."
    } else {
      meaning = rule.description
      fix = "Check the figures the finding cites against each other and correct the one that is wrong."
    }
    let suppress = "To accept a finding, put `<!-- factcheck-ignore \(rule.id) -- why -->` before its paragraph, add a `suppress:` entry with `check: \(rule.id)` to a rule layer, or record it with `factcheck check … --write-baseline FILE` and run with `--baseline FILE`."
    let markdown = "**\(rule.id)**\n\n\(meaning)\n\n**How to fix:** \(fix)\n\n**How to suppress:** \(suppress)"
    let text = "\(meaning) How to fix: \(fix) How to suppress: \(suppress.replacingOccurrences(of: "`", with: ""))"
    return (text, markdown)
  }

  // MARK: - Results

  /// The finding's message, then each side with links to its related locations (`3 500: [a.md:13](1)`),
  /// then the details; brackets of the text itself are escaped, as SARIF's embedded links require.
  private func message(_ finding: Finding, in result: CheckResult) -> String {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
    var lines = [escaped(finding.message)]
    var id = 0
    if finding.claims.isEmpty {
      let links = finding.locations.map { location -> String in
        id += 1
        return "[\(escaped(fileName(location.path))):\(location.line)](\(id))"
      }
      if !links.isEmpty { lines.append("at " + links.joined(separator: ", ")) }
    } else {
      for group in finding.groups {
        let links = group.claims.map { index -> String in
          id += 1
          let claim = result.claims[index]
          return "[\(escaped(fileName(claim.document))):\(claim.location.line)](\(id))"
        }
        lines.append(escaped(group.label) + ": " + links.joined(separator: ", "))
      }
    }
    return (lines + finding.details.map(escaped)).joined(separator: "\n")
  }

  private func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

  /// A SARIF suppression: `inSource` for an article's comment, `external` for a rule file or the baseline.
  private func suppression(_ suppression: Suppression) -> JSONValue {
    var object: [String: JSONValue] = [
      "kind": .string(suppression.origin == .inSource ? "inSource" : "external"),
      "status": .string("accepted"),
    ]
    let justification: String
    switch suppression.origin {
    case .inSource: justification = suppression.reason ?? "factcheck-ignore comment"
    case .ruleFile: justification = suppression.reason ?? "suppress: entry of a rule file"
    case .baseline: justification = suppression.reason ?? "accepted in the baseline"
    }
    object["justification"] = .string(justification)
    object["location"] = place(at: suppression.location, line: nil)
    return .object(object)
  }

  private func result(_ finding: Finding, in result: CheckResult, ruleIndex: Int?) -> [String: JSONValue] {
    var object: [String: JSONValue] = [
      "ruleId": .string(finding.check),
      "level": .string(level(finding.severity)),
      "message": .object(["text": .string(message(finding, in: result))]),
      "partialFingerprints": .object(["findingId/v1": .string(finding.id)]),
    ]
    if let ruleIndex { object["ruleIndex"] = .number(Double(ruleIndex)) }
    var properties: [String: JSONValue] = [
      "kind": .string(finding.kind.rawValue), "attribute": .string(finding.attribute),
    ]
    if let entity = finding.entity { properties["entity"] = .string(entity) }
    if let period = finding.period { properties["period"] = .string(period) }

    if finding.claims.isEmpty {
      // Spelling findings point at places, not claims.
      let locations = finding.locations.enumerated().map { index, location in
        place(at: location, line: index < finding.quotes.count ? finding.quotes[index] : nil)
      }
      if let first = locations.first {
        object["locations"] = .array([first])
        object["relatedLocations"] = .array(locations.enumerated().map { index, location in related(location, id: index + 1, message: nil) })
      }
    } else {
      // One location, the anchor (GitHub shows only the first); every claim is a related location.
      if let first = finding.claims.first { object["locations"] = .array([claimLocation(result.claims[first])]) }
      // Related locations are numbered in group order, so each side of the finding reads together.
      var related: [JSONValue] = []
      var groups: [JSONValue] = []
      for group in finding.groups {
        var ids: [JSONValue] = []
        for index in group.claims {
          let claim = result.claims[index]
          let period = claim.period.description + (claim.modality == .projected ? ", projected" : "")
          related.append(self.related(claimLocation(claim), id: related.count + 1, message: "\(group.label) (\(period))"))
          ids.append(.number(Double(related.count)))
        }
        groups.append(.object(["label": .string(group.label), "relatedLocations": .array(ids)]))
      }
      if !related.isEmpty { object["relatedLocations"] = .array(related) }
      properties["groups"] = .array(groups)
    }
    object["properties"] = .object(properties)
    return object
  }

  /// The figure as the region, its line excerpt as the context.
  private func claimLocation(_ claim: Claim) -> JSONValue {
    var region: [String: JSONValue] = [
      "startLine": .number(Double(claim.location.line)),
      "startColumn": .number(Double(claim.location.column)),
      "snippet": .object(["text": .string(claim.valueText)]),
    ]
    if !claim.valueText.contains(where: \.isNewline) {
      region["endColumn"] = .number(Double(claim.location.column + claim.valueText.unicodeScalars.count))
    }
    var physical: [String: JSONValue] = ["artifactLocation": artifact(claim.document), "region": .object(region)]
    if !claim.lineExcerpt.isEmpty {
      let start = max(1, claim.location.column - (claim.lineExcerptColumn - 1))
      physical["contextRegion"] = .object([
        "startLine": .number(Double(claim.location.line)),
        "startColumn": .number(Double(start)),
        "endColumn": .number(Double(start + claim.lineExcerpt.unicodeScalars.count)),
        "snippet": .object(["text": .string(claim.lineExcerpt)]),
      ])
    } else if !claim.quote.isEmpty {
      let lines = claim.quote.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
      physical["contextRegion"] = .object([
        "startLine": .number(Double(claim.location.line)),
        "endLine": .number(Double(claim.location.line + lines - 1)),
        "snippet": .object(["text": .string(claim.quote)]),
      ])
    }
    return .object(["physicalLocation": .object(physical)])
  }

  /// A place in a file, with the whole line as context when it is known.
  private func place(at location: SourceLocation, line: String?) -> JSONValue {
    var region: [String: JSONValue] = ["startLine": .number(Double(location.line)), "startColumn": .number(Double(location.column))]
    // The word at the place, from the quoted line: a region with its end and its text.
    if let line, location.column >= 1 {
      let scalars = Array(line.unicodeScalars)
      if location.column - 1 < scalars.count {
        var end = location.column - 1
        while end < scalars.count && (scalars[end].properties.isAlphabetic || scalars[end] == "-" || ("0"..."9").contains(scalars[end])) { end += 1 }
        if end == location.column - 1 { end += 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[(location.column - 1)..<end])
        region["endColumn"] = .number(Double(end + 1))
        region["snippet"] = .object(["text": .string(String(word))])
      }
    }
    var physical: [String: JSONValue] = [
      "artifactLocation": artifact(location.path),
      "region": .object(region),
    ]
    if let line, !line.isEmpty {
      physical["contextRegion"] = .object([
        "startLine": .number(Double(location.line)), "snippet": .object(["text": .string(line)]),
      ])
    }
    return .object(["physicalLocation": .object(physical)])
  }

  private func related(_ location: JSONValue, id: Int, message: String?) -> JSONValue {
    guard case .object(var object) = location else { return location }
    object["id"] = .number(Double(id))
    if let message { object["message"] = .object(["text": .string(message)]) }
    return .object(object)
  }

  private func artifact(_ path: String) -> JSONValue {
    var object: [String: JSONValue] = ["uri": .string(uris.reference(path))]
    if uris.isRelative(path) { object["uriBaseId"] = .string(SARIFReporter.sourceRoot) }
    return .object(object)
  }

  // MARK: - Notifications

  /// What a tool notification is about; listed in `tool.driver.notifications` and referenced by id.
  package enum NotificationKind: String, CaseIterable {
    case ruleFile = "rule-file"
    case input
    case matching
    case skippedInput = "skipped-input"

    var summary: String {
      switch self {
      case .ruleFile: return "A problem in a rule, lexicon, entity, attribute or check file."
      case .input: return "An article that could not be read, or was read with repairs."
      case .matching: return "A rule that could not finish on an article (match limit, JIT stack)."
      case .skippedInput: return "An input that was not checked."
      }
    }
  }

  private func invocation(_ result: CheckResult) -> JSONValue {
    // Rule files configure the tool; everything met while reading and matching articles is execution.
    var configuration = result.ruleProblems.map { notification($0.diagnostic) }
    var execution: [JSONValue] = []
    for diagnostic in result.diagnostics {
      if diagnostic.category == .rules {
        configuration.append(notification(diagnostic))
      } else {
        execution.append(notification(diagnostic))
      }
    }
    for document in result.skippedDocuments {
      execution.append(.object([
        // What a directory walk passed over (a hidden file, another extension) is listed, not a problem.
        "level": .string(document.isPassedOver ? "note" : "warning"),
        "message": .object(["text": .string("skipped \(document.path): \(document.reason ?? "unknown reason")")]),
        "descriptor": .object(["id": .string(NotificationKind.skippedInput.rawValue)]),
        "locations": .array([.object(["physicalLocation": .object(["artifactLocation": artifact(document.path)])])]),
      ]))
    }
    var invocation: [String: JSONValue] = [
      // A rule-file error makes the run exit with status 2: not a successful execution.
      "executionSuccessful": .bool(!result.hasRuleErrors),
      "toolConfigurationNotifications": .array(configuration),
      "toolExecutionNotifications": .array(execution),
    ]
    if let base = uris.baseURI { invocation["workingDirectory"] = .object(["uri": .string(base)]) }
    return .object(invocation)
  }

  private func notification(_ diagnostic: Diagnostic) -> JSONValue {
    let kind: NotificationKind
    switch diagnostic.category {
    case .rules: kind = .ruleFile
    case .input: kind = .input
    case .matching: kind = .matching
    }
    var object: [String: JSONValue] = [
      "level": .string(level(diagnostic.severity)),
      "message": .object(["text": .string(diagnostic.message)]),
      "descriptor": .object(["id": .string(kind.rawValue)]),
    ]
    if let location = diagnostic.location { object["locations"] = .array([place(at: location, line: diagnostic.sourceLine)]) }
    if let rule = diagnostic.ruleID { object["associatedRule"] = .object(["id": .string(rule)]) }
    return .object(object)
  }

  // MARK: - Helpers

  private func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }

  private func describe(_ location: SourceLocation) -> String {
    "\(uris.relativePath(location.path)):\(location.line):\(location.column)"
  }
}
