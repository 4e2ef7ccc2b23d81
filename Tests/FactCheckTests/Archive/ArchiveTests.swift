import FactCheck
import Foundation
import GRDB
import Testing

@testable import FactCheckArchive

/// The claim archive (issue 16): storage, draft checks, whole-archive reconciliation, incremental adds.
@Suite("Archive: storage and reconciliation")
struct ArchiveTests {
  @Test("every period and hedge survives its text form")
  func periodAndHedgeCodesRoundTrip() {
    let periods: [Period] = [
      .current, .unspecified, .year(2024), .relativeYear(-1), .relativeYear(2), .quarter(3, of: .year(2024)),
      .quarter(1, of: .relativeYear(0)), .month(11, of: .unspecified), .month(2, of: .relativeYear(-2)),
      .change(from: .relativeYear(-1), to: .current), .change(from: .month(1, of: .year(2023)), to: .quarter(4, of: .relativeYear(-1))),
    ]
    for period in periods { #expect(ClaimCoding.period(ClaimCoding.code(period)) == period, "\(period)") }
    let hedges: [Hedge] = [.exact, .approximate(tolerance: 0.05), .nearly(tolerance: 0.1), .lowerBound(inclusive: true),
                           .lowerBound(inclusive: false), .upperBound(inclusive: true), .upperBound(inclusive: false), .range(high: 20)]
    for hedge in hedges {
      let code = ClaimCoding.code(hedge)
      #expect(ClaimCoding.hedge(name: code.name, parameter: code.parameter) == hedge)
    }
    #expect(ClaimCoding.period("q3(") == nil)
  }

  @Test("a claim comes back with every field, open intervals, notes and scope included")
  func claimRoundTripsEveryField() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    let checker = ArchiveFixtures.checker()
    let added = try archive.add(paths: [Fixtures.examples], checker: checker)
    #expect(added.added.count == ArchiveFixtures.exampleArticles.count)
    let run = checker.extract(paths: [Fixtures.examples])
    var byDocument: [String: [Claim]] = [:]
    for claim in run.claims { byDocument[claim.document, default: []].append(claim) }
    #expect(!byDocument.isEmpty)
    for (path, claims) in byDocument {
      let expected = claims.sorted { ($0.location, $0.valueRange.lowerBound, $0.rule) < ($1.location, $1.valueRange.lowerBound, $1.rule) }
      #expect(try archive.claims(of: path) == expected, "\(path)")
    }
    // The fields real claims rarely fill: an open interval, notes, a scope, no entity, a nested period.
    let text = "Brindille emploie plus de 1 250 salariés."
    var claim = Fixtures.claims(text, language: "fr").first!
    claim.entity = nil
    claim.entitySource = .indefinite
    claim.notes = ["one note", "another \u{1F} with a control character, \"quotes\""]
    claim.scope = "customer service"
    claim.period = .change(from: .month(1, of: .relativeYear(-1)), to: .quarter(2, of: .year(2025)))
    claim.hedge = .lowerBound(inclusive: false)
    claim.interval = ValueInterval(1250, .infinity)
    claim.modality = .projected
    let documentPath = directory + "/one.md"
    try text.write(toFile: documentPath, atomically: true, encoding: .utf8)
    claim.document = documentPath
    claim.location.path = documentPath
    try archive.write { db in
      try db.execute(sql: "INSERT INTO documents (path, content_hash, rules_fingerprint, claim_count, added) VALUES (?, '', '', 1, '')",
                     arguments: [documentPath])
      try db.execute(sql: ClaimRecord.insertSQL, arguments: ClaimRecord.arguments(claim, documentID: db.lastInsertedRowID))
    }
    #expect(try archive.claims(of: documentPath) == [claim])
  }

  @Test("a draft checked against the archive: the 3 500 vs 3 800 finding names the archived articles")
  func draftConflictsWithArchivedKlarnaArticles() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let klarna = ArchiveFixtures.exampleArticles.filter { $0.contains("/klarna/") }
    let draft = try #require(klarna.first { $0.contains("/000-") })
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    let checker = ArchiveFixtures.checker()
    _ = try archive.add(paths: klarna.filter { $0 != draft }, checker: checker)
    let result = try archive.check(drafts: checker.extract(paths: [draft]), checker: checker)
    let finding = try #require(result.findings.first { $0.check == "conflict/employees" && $0.entity == "Klarna" })
    #expect(finding.message.contains("3 500") && finding.message.contains("3 800"))
    #expect(finding.severity == .error)
    let documents = Set(finding.claims.map { result.claims[$0].document })
    #expect(documents.contains(draft))
    #expect(documents.count > 1)
    let archived = finding.details.filter { $0.hasPrefix("archived: ") }
    #expect(archived.contains { $0.contains("001-fr-klarna") && $0.contains("3 800") && $0.contains("2024-09-10") && $0.contains("“Klarna") })
    #expect(archived.contains { $0.contains("005-en-klarna") && $0.contains("Klarna leans on its OpenAI assistant") })
    // Every finding cites the draft; archived articles appear in the result's documents.
    #expect(result.findings.allSatisfy { finding in finding.claims.contains { result.claims[$0].document == draft } || finding.kind == .spelling })
    #expect(result.documents.contains { $0.path.contains("001-fr-klarna") && $0.title != nil })
  }

  @Test("a draft's factcheck-ignore comment silences its finding against the archive, which stays listed as suppressed")
  func draftSuppressionAppliesAgainstTheArchive() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let klarna = ArchiveFixtures.exampleArticles.filter { $0.contains("/klarna/") }
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    let checker = ArchiveFixtures.checker()
    _ = try archive.add(paths: klarna, checker: checker)
    let draft = directory + "/draft.md"
    try "---\ntitle: Brouillon\npublished: 2025-01-15\nlanguage: fr\n---\n<!-- factcheck-ignore conflict/employees -->\nKlarna emploie aujourd'hui 4 200 personnes.\n"
      .write(toFile: draft, atomically: true, encoding: .utf8)
    let result = try archive.check(drafts: checker.extract(paths: [draft]), checker: checker)
    #expect(!result.findings.contains { $0.check == "conflict/employees" && $0.claims.contains { result.claims[$0].document == draft } })
    #expect(result.suppressed.contains { $0.finding.check == "conflict/employees" })
  }

  @Test("check --archive alone finds what one run over all the archived articles finds")
  func wholeArchiveMatchesOneRun() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    let checker = ArchiveFixtures.checker()
    _ = try archive.add(paths: [Fixtures.examples], checker: checker)
    let one = checker.check(paths: [Fixtures.examples])
    let through = try archive.check(drafts: nil, checker: checker)
    #expect(!one.findings.isEmpty)
    #expect(ArchiveFixtures.comparable(through) == ArchiveFixtures.comparable(one))
    for finding in through.findings {
      for (index, group) in finding.groups.enumerated() {
        let expected = one.findings.first { $0.id == finding.id }!.groups[index]
        #expect(group.claims.map { through.claims[$0].location } == expected.claims.map { one.claims[$0].location })
      }
    }
    #expect(through.documents.count == one.documents.filter { $0.status == .checked }.count)
  }

  @Test("a second add of unchanged articles extracts nothing; an edit or new rules extract again")
  func incrementalAdd() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let corpus = directory + "/corpus"
    let count = try ArchiveFixtures.corpus(in: corpus, copies: 1)
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    let checker = ArchiveFixtures.checker()
    let first = try archive.add(paths: [corpus], checker: checker)
    #expect(first.added.count == count && first.unchanged == 0)
    let second = try archive.add(paths: [corpus], checker: checker)
    #expect(second.added.isEmpty && second.unchanged == count && !second.rulesChanged)
    let edited = corpus + "/copy-0/klarna-006-en-klarna-leaner-far-from-peak.md"
    let text = try String(contentsOfFile: edited, encoding: .utf8).replacingOccurrences(of: "3,500", with: "3,700")
    try text.write(toFile: edited, atomically: true, encoding: .utf8)
    let third = try archive.add(paths: [corpus], checker: checker)
    #expect(third.added == [edited] && third.unchanged == count - 1)
    #expect(try archive.claims(of: edited).contains { $0.valueText == "3,700" })
    // Other settings of extraction (a default publication date) are another fingerprint: all again, said so.
    let fourth = try archive.add(paths: [corpus], checker: ArchiveFixtures.checker(published: Day(year: 2025)))
    #expect(fourth.added.count == count && fourth.reextractedForRules == count && fourth.rulesChanged)
    #expect(try archive.statistics().documents == count)
    #expect(try archive.integrityProblems() == nil)
  }

  @Test("the rule fingerprint is the rules as loaded, not the files as they are later")
  func ruleFingerprintHashesTheRulesAsLoaded() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    try FileManager.default.copyItem(atPath: Fixtures.rules, toPath: directory + "/rules")
    let loaded = CompiledRuleSet.load([directory + "/rules"])
    let fingerprint = RuleFingerprint(rules: loaded)
    #expect(fingerprint == RuleFingerprint(rules: Fixtures.bundledRules))
    #expect(loaded.library.fileTexts.count == loaded.library.files.count && !loaded.library.files.isEmpty)
    // A file edited after the rules were compiled does not change what those rules extracted…
    let file = try #require(loaded.library.files.first)
    try (String(contentsOfFile: file, encoding: .utf8) + "\n# edited\n").write(toFile: file, atomically: true, encoding: .utf8)
    #expect(RuleFingerprint(rules: loaded) == fingerprint)
    // …the rules loaded again from it are another set.
    #expect(RuleFingerprint(rules: CompiledRuleSet.load([directory + "/rules"])) != fingerprint)
  }

  @Test("remove of a directory whose name is not ASCII takes out the articles under it, and only them")
  func removeANonASCIIDirectory() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let klarna = ArchiveFixtures.exampleArticles.filter { $0.contains("/klarna/") }.prefix(2)
    for folder in ["Éditions", "Éditions-bis", "Éditions/été"] {
      try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
      for article in klarna {
        try FileManager.default.copyItem(atPath: article, toPath: directory + "/" + folder + "/" + (article as NSString).lastPathComponent)
      }
    }
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    let added = try archive.add(paths: [directory + "/Éditions", directory + "/Éditions-bis"], checker: ArchiveFixtures.checker())
    #expect(added.added.count == 6)
    let removed = try archive.remove(path: directory + "/Éditions/")
    #expect(removed.count == 4 && removed.allSatisfy { $0.hasPrefix(directory + "/Éditions/") }, "\(removed)")
    #expect(try archive.statistics().documents == 2)
    #expect(try archive.remove(path: directory + "/Éditions").isEmpty)
  }

  @Test("search finds claims by entity and words; remove takes an article and its claims out")
  func searchStatsAndRemove() throws {
    let directory = try ArchiveFixtures.scratch()
    defer { ArchiveFixtures.remove(directory) }
    let archive = try ClaimArchive(path: directory + "/a.sqlite", create: true)
    _ = try archive.add(paths: [Fixtures.examples + "/klarna"], checker: ArchiveFixtures.checker())
    let hits = try archive.search("klarna employees")
    #expect(!hits.isEmpty && hits.allSatisfy { $0.claim.entity == "Klarna" })
    #expect(hits.contains { $0.claim.attribute == "employees" && $0.title != nil })
    #expect(try archive.search("\"3 500\" (unbalanced").isEmpty || true)
    let before = try archive.statistics()
    let removed = try archive.remove(path: Fixtures.examples + "/klarna/006-en-klarna-leaner-far-from-peak.md")
    #expect(removed.count == 1)
    let after = try archive.statistics()
    #expect(after.documents == before.documents - 1 && after.claims < before.claims)
    #expect(try archive.search("leaner").allSatisfy { !$0.claim.document.contains("006-") })
    #expect(try archive.remove(path: Fixtures.examples + "/klarna/").count == before.documents - 1)
    #expect(try archive.statistics().claims == 0)
  }
}
