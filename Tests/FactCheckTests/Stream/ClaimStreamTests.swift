import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The claim stream: `extract | reconcile` reports what `check` reports, parts split by key find what the
/// whole finds, every line fits the schema, and a bad line is named by path, line and column.
@Suite struct ClaimStreamTests {
  /// Every bundled corpus: each Examples/ story, all of Examples/, and ../shared/seeds when present.
  static let corpora: [String] = {
    let stories = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.examples)) ?? []).sorted()
      .map { Fixtures.examples + "/" + $0 }
      .filter { var isDirectory: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
    return stories + [Fixtures.examples] + (Fixtures.seedsAvailable ? [Fixtures.seeds] : [])
  }()

  /// Lines through the reader, as `reconcile` reads them.
  static func read(_ lines: [String], path: String = "stream.jsonl") throws -> ClaimStreamContents {
    var reader = ClaimStreamReader()
    for (index, line) in lines.enumerated() { try reader.read(Array(line.utf8), path: path, number: index + 1) }
    return reader.contents
  }

  static func reports(_ result: CheckResult) -> [String] {
    let options = ReportOptions(color: false, listClaims: false, baseDirectory: Fixtures.repository)
    return ["text", "json", "sarif"].map { Reporters.reporter($0, options: options)!.report(result) }
  }

  @Test(arguments: corpora)
  func extractThenReconcileReportsWhatCheckReports(corpus: String) throws {
    let checker = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 1))
    let checked = checker.check(paths: [corpus])
    let streamed = checker.reconcile(try Self.read(ClaimStream.lines(of: checker.extract(paths: [corpus]))))
    #expect(!checked.claims.isEmpty)
    #expect(Self.reports(streamed) == Self.reports(checked))
  }

  @Test func suppressionsAndFrontMatterAddressesTravelWithTheirDocuments() throws {
    let directory = try RuleAuthoring.temporaryDirectory("stream-suppressions")
    try RuleAuthoring.write("""
      ---
      published: 2025-03-01
      language: fr
      url: https://example.invalid/a
      author: Une Journaliste
      ---
      <!-- factcheck-ignore conflict/employees -- confirmé -->
      Brindille emploie 1 250 salariés.

      <!-- factcheck-ignore-file spelling -->
      <!-- factcheck-ignore conflict/revenue -->
      Brindille emploie 1 400 salariés.

      """, to: directory + "/a.md")
    try RuleAuthoring.write("---\npublished: 2025-03-02\nlanguage: fr\n---\nBrindille emploie 1 900 salariés.\n", to: directory + "/b.md")
    let checker = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 1))
    let checked = checker.check(paths: [directory])
    #expect(!checked.suppressed.isEmpty)
    let lines = ClaimStream.lines(of: checker.extract(paths: [directory]))
    #expect(Self.reports(checker.reconcile(try Self.read(lines))) == Self.reports(checked))
    #expect(lines.contains { $0.contains(#""url":"https://example.invalid/a""#) && $0.contains(#""suppressions":["#) })
  }

  /// A finding as the Spark job compares them: id, severity, message, details, and its claims' places and values.
  static func signature(_ result: CheckResult) -> [String] {
    result.findings.map { finding in
      let claims = finding.claims.map { "\(result.claims[$0].location):\(result.claims[$0].value)" }
      let groups = finding.groups.map { "\($0.label)=" + $0.claims.map { "\(result.claims[$0].location)" }.joined(separator: ",") }
      return ([finding.id, finding.severity.rawValue, finding.message] + finding.details + claims + groups
        + finding.locations.map(\.description)).joined(separator: "|")
    }.sorted()
  }

  /// Splits a stream's lines as the partial-reconciliation contract says: claims by key into `parts`
  /// groups (a key's claims together), each part with the documents of its claims and the corpus's entity
  /// names; the names records in a part of their own.
  static func split(_ lines: [String], parts: Int) throws -> [[String]] {
    var documents: [String: String] = [:]
    var claims: [(entity: String?, document: String, line: String)] = []
    var names: [String] = []
    for line in lines {
      let value = try StreamJSON.parse(line)
      switch value["record"]?.string {
      case "document": documents[value["path"]!.string!] = line
      case "claim": claims.append((value["entity"]?.string, value["document"]!.string!, line))
      case "names": names.append(line)
      default: break
      }
    }
    let entityNames = Set(claims.compactMap(\.entity))
    let keys = ClaimStream.keys(for: entityNames, library: Fixtures.bundledRules.library)
    let orderedKeys = Set(keys.values).sorted()
    var groups = [[String]](repeating: [], count: parts)
    var groupDocuments = [Set<String>](repeating: [], count: parts)
    for claim in claims {
      guard let entity = claim.entity else { continue }  // compared with nothing
      let part = orderedKeys.firstIndex(of: keys[entity]!)! % parts
      groups[part].append(claim.line)
      groupDocuments[part].insert(claim.document)
    }
    var result: [[String]] = []
    for part in 0..<parts {
      result.append([ClaimStream.entitiesLine(entityNames)] + groupDocuments[part].sorted().map { documents[$0]! } + groups[part])
    }
    result.append(names)
    return result
  }

  @Test(arguments: corpora)
  func partsSplitByEntityKeyFindWhatTheWholeFinds(corpus: String) throws {
    let checker = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 1))
    let lines = ClaimStream.lines(of: checker.extract(paths: [corpus]))
    let whole = Self.signature(checker.reconcile(try Self.read(lines)))
    #expect(!whole.isEmpty)
    for parts in [1, 2, 5, 1000] {
      var merged: [String] = []
      for part in try Self.split(lines, parts: parts) { merged += Self.signature(checker.reconcile(try Self.read(part))) }
      #expect(merged.sorted() == whole, "\(parts) parts")
    }
  }

  @Test func withoutTheCorpusEntityNamesAPartUnifiesNamesOnlyOverItsOwn() throws {
    // What the entities record is for: "Atlas" alone in a part is not "Atlas Robotics" unless the part
    // knows the corpus has only one longer Atlas name.
    let contents = try Self.read([ClaimStream.entitiesLine(["Atlas", "Atlas Robotics"])])
    #expect(ClaimStream.keys(for: contents.entityNames, library: Fixtures.bundledRules.library)["Atlas"] == "Atlas Robotics")
    #expect(ClaimStream.keys(for: ["Atlas"], library: Fixtures.bundledRules.library)["Atlas"] == "Atlas")
  }

  @Test func everyLineFitsTheSchema() throws {
    let schema = JSONSchemaSubset(root: try StreamJSON.parse(String(contentsOfFile: Fixtures.repository + "/Schemas/claim-stream-v1.schema.json", encoding: .utf8)))
    let checker = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 1, keepTexts: true))
    var run = checker.extract(paths: [Fixtures.examples] + (Fixtures.seedsAvailable ? [Fixtures.seeds] : []))
    run.merge(checker.extract([StreamArticle(path: "empty.md", text: "  \n"),
                               StreamArticle(path: "bad.md", text: "---\npublished: 2025-02-30\n---\nKlarna emploie 3 500 personnes.\n")]))
    let lines = ClaimStream.lines(of: run, includeTexts: true) + [ClaimStream.entitiesLine(["Klarna"])] + ClaimStream.keyLines(for: ["Klarna AB", "Klarna"], library: Fixtures.bundledRules.library)
    var kinds = Set<String>()
    for line in lines {
      let value = try StreamJSON.parse(line)
      kinds.insert(value["record"]!.string!)
      let errors = schema.errors(value)
      #expect(errors.isEmpty, "\(errors.prefix(3)) in \(line.prefix(300))")
    }
    #expect(kinds == ["document", "claim", "names", "diagnostic", "entities", "key"])
    // The schema refuses what the reader refuses.
    #expect(!schema.errors(try StreamJSON.parse(#"{"v":2,"record":"entities","names":[]}"#)).isEmpty)
    #expect(!schema.errors(try StreamJSON.parse(#"{"v":1,"record":"claims"}"#)).isEmpty)
  }

  static let periods: [Period] = [
    .current, .unspecified, .year(2024), .relativeYear(-1), .relativeYear(0), .quarter(3, of: .year(2024)),
    .month(11, of: .unspecified), .month(2, of: .relativeYear(-2)), .change(from: .year(2022), to: .current),
  ]
  static let hedges: [Hedge] = [
    .exact, .approximate(tolerance: 0.05), .nearly(tolerance: 0.1), .lowerBound(inclusive: true), .lowerBound(inclusive: false),
    .upperBound(inclusive: true), .upperBound(inclusive: false), .range(high: 1.2e9),
  ]

  @Test(arguments: zip(periods, hedges + [.exact]))
  func everyPeriodAndHedgeRoundTrips(period: Period, hedge: Hedge) throws {
    let base = Fixtures.claims("Klarna emploie environ 3 500 personnes.", language: "fr").first!
    var claim = base
    claim.period = period
    claim.hedge = hedge
    claim.interval = hedge.interval(around: claim.value)
    claim.value = 0.1 + 0.2  // not a short decimal
    claim.notes = ["a \"note\"\nover two lines"]
    var run = ExtractionRun()
    run.claims = [claim]
    let back = try Self.read(ClaimStream.lines(of: run)).run.claims
    #expect(back == [claim])
  }

  @Test(arguments: [
    (#"{"v":1,"record":"claim""#, "s.jsonl:1:"),
    (#"[1,2]"#, "s.jsonl:1:1: error: not a JSON object"),
    (#"{"v":2,"record":"names","words":{}}"#, "s.jsonl:1:6: error: claim stream version 2 is not supported"),
    (#"{"v":1,"record":"chaim"}"#, "s.jsonl:1:17: error: bad 'record': unknown record 'chaim'"),
    (#"{"v":1,"record":"entities"}"#, "s.jsonl:1:1: error: missing field 'names'"),
    (#"{"v":1,"record":"entities","names":[1]}"#, "s.jsonl:1:36: error: bad 'names[0]'"),
    (#"{"v":1,"record":"diagnostic","severity":"fatal","category":"input","message":"x"}"#, "s.jsonl:1:41: error: bad 'severity'"),
  ])
  func aBadLineIsNamedByPathLineAndColumn(line: String, expected: String) {
    #expect {
      try Self.read([line], path: "s.jsonl")
    } throws: { error in
      let text = (error as? ClaimStreamError)?.description ?? "\(error)"
      return text.hasPrefix(expected) ? true : { print("got: \(text)"); return false }()
    }
  }

  @Test func aBadClaimFieldIsNamedWithItsColumn() throws {
    var run = ExtractionRun()
    run.claims = ClaimList(Fixtures.claims("Klarna emploie 3 500 personnes.", language: "fr"))
    let line = ClaimStream.lines(of: run).first { $0.contains(#""record":"claim""#) }!
      .replacingOccurrences(of: #""period":{"type":"current"}"#, with: #""period":{"type":"someday"}"#)
    // Columns count Unicode scalars; the value starts after `"type":`.
    let column = line[..<line.range(of: #""type":"someday""#)!.lowerBound].unicodeScalars.count + 1
    #expect(throws: ClaimStreamError.self) { try Self.read(["", line], path: "s.jsonl") }
    do { _ = try Self.read(["", line], path: "s.jsonl") } catch {
      #expect("\(error)".hasPrefix("s.jsonl:2:\(column + 7): error: bad 'period.type': not a period: 'someday'"), "\(error)")
    }
  }

  @Test func streamInputsAreDatedAndSkippedAsFilesAre() throws {
    let checker = FactChecker(rules: Fixtures.bundledRules, options: FactCheckOptions(jobs: 1))
    let run = checker.extract([
      StreamArticle(path: "a.md", text: "Klarna emploie 3 500 personnes.", published: Day(iso: "2024-05-02"), language: "fr"),
      StreamArticle(path: "b.md", text: "---\npublished: 2023-01-09\n---\nKlarna emploie 3 800 personnes.", published: Day(iso: "2024-05-02")),
      StreamArticle(path: "c.md", text: ""),
    ])
    let documents = Dictionary(uniqueKeysWithValues: run.documents.map { ($0.path, $0) })
    #expect(documents["a.md"]?.published == Day(iso: "2024-05-02"))
    #expect(documents["a.md"]?.language == "fr")
    #expect(documents["b.md"]?.published == Day(iso: "2023-01-09"))  // the text's own date wins
    #expect(documents["c.md"]?.status == .skipped)
    #expect(documents["c.md"]?.reason == "empty")
    #expect(run.claims.count == 2)
  }
}
