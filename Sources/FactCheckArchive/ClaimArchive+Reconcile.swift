import FactCheck
import Foundation
import GRDB

/// The findings of one entity (or of the spelling check), with the claims they cite: what reconciling
/// through the archive hands over, one entity at a time.
public struct ArchiveFindingBatch: Sendable {
  /// The canonical entity, or `nil` for the spelling check's batch.
  public var entity: String?
  /// The entity's findings; their claim indices point into ``claims``.
  public var findings: [Finding]
  /// The claims the batch's findings cite (the rest of the entity's claims are not kept), in report order.
  public var claims: [Claim]
  /// How many claims were reconciled for the entity.
  public var claimsReconciled: Int
}

extension ClaimArchive {
  /// Reconciles claims through the archive, one entity at a time, and hands each entity's findings to `sink`.
  ///
  /// Every consistency check compares claims of one entity only, so the claims of one (canonical) entity
  /// are read together by the `claims_by_key` index, reconciled, and dropped before the next: memory grows
  /// with the largest entity, not with the archive. The spelling check reads the archive's name tallies.
  ///
  /// - Parameters:
  ///   - drafts: Articles to check against the archive (their extraction). With drafts, only their entities
  ///     are read, an archived article with a draft's path is left out (the draft replaces it), and only the
  ///     findings that cite a draft are kept. Without (`nil`), the whole archive is reconciled, with the
  ///     findings one run over all its articles makes.
  ///   - checker: The rules (attributes, checks) and settings (window) to reconcile with.
  ///   - sink: Receives each batch with findings, on the calling thread.
  /// - Returns: The number of claims reconciled.
  /// - Throws: ``ArchiveError`` when the archive cannot be read; batches handed over before stay handed over.
  @discardableResult
  public func reconcile(drafts: ExtractionRun?, checker: FactChecker, sink: (ArchiveFindingBatch) -> Void) throws(ArchiveError) -> Int {
    let library = checker.rules.library
    let windowDays = checker.options.windowDays
    let draftPaths = Set(drafts?.documents.filter { $0.status == .checked }.map(\.path) ?? [])
    // Canonical entity names, over the archive's names and the drafts'.
    let archivedNames = try read { db in try String.fetchSet(db, sql: "SELECT DISTINCT entity FROM claims WHERE entity IS NOT NULL") }
    let draftNames = Set(drafts?.claims.compactMap(\.entity) ?? [])
    let canonical = EntityNameUnification.canonicalNames(for: archivedNames.union(draftNames), library: library)
    func canonicalName(_ name: String) -> String { canonical[name] ?? name }
    var rawNames: [String: [String]] = [:]
    for name in archivedNames { rawNames[canonicalName(name), default: []].append(name) }

    var draftClaims: [String: [Claim]] = [:]
    var draftPublished: [String: Day] = [:]
    var draftNamed: [String: Set<String>] = [:]
    if let drafts {
      for document in drafts.documents { if let day = document.published { draftPublished[document.path] = day } }
      for var claim in drafts.claims {
        guard let entity = claim.entity else { continue }
        claim.entity = canonicalName(entity)
        if claim.entitySource.isExplicit { draftNamed[claim.document, default: []].insert(claim.entity!) }
        draftClaims[claim.entity!, default: []].append(claim)
      }
    }
    let entities = drafts == nil ? rawNames.keys.sorted() : draftClaims.keys.sorted()
    let explicitSources = [EntitySource.named, .sentence, .previousClaim, .earlierSentence].filter(\.isExplicit).map { "'\($0.rawValue)'" }
      .joined(separator: ", ")
    var reconciled = 0

    for entity in entities {
      let raws = rawNames[entity] ?? []
      var claims: [Claim] = []
      var published = draftPublished
      var documentIDs: [Int64: String] = [:]
      if !raws.isEmpty {
        let rows = try read { db in
          try Row.fetchAll(db, sql: """
            SELECT \(ClaimRecord.selectColumns), d.published FROM claims c JOIN documents d ON d.id = c.document_id
            WHERE c.entity IN (\(databaseQuestionMarks(count: raws.count)))
            """, arguments: StatementArguments(raws))
        }
        for row in rows {
          var claim = try ClaimRecord.claim(row, archive: path)
          guard !draftPaths.contains(claim.document) else { continue }
          claim.entity = entity
          documentIDs[row[27]] = claim.document
          if let text = row[28] as String?, let day = Day(iso: text) { published[claim.document] = day }
          claims.append(claim)
        }
      }
      let ownDrafts = draftClaims[entity] ?? []
      let draftCount = ownDrafts.count
      claims += ownDrafts
      reconciled += claims.count
      guard claims.count > 1 else { continue }
      claims.sort { ($0.location, $0.valueRange.lowerBound, $0.rule) < ($1.location, $1.valueRange.lowerBound, $1.rule) }
      // The entities each of these articles names next to a figure, over all its claims.
      var named = draftNamed
      if !documentIDs.isEmpty {
        let ids = Array(documentIDs.keys)
        let rows = try read { db in
          try Row.fetchAll(db, sql: """
            SELECT DISTINCT document_id, entity FROM claims WHERE document_id IN (\(databaseQuestionMarks(count: ids.count)))
            AND entity IS NOT NULL AND entity_source IN (\(explicitSources))
            """, arguments: StatementArguments(ids))
        }
        for row in rows {
          guard let document = documentIDs[row[0]] else { continue }
          named[document, default: []].insert(canonicalName(row[1]))
        }
      }
      let store = ClaimStore(claims: ClaimList(claims), published: published, names: NameTally(), library: library, windowDays: windowDays,
                             namedEntities: named)
      var findings = Reconciler.findings(in: store)
      if drafts != nil {
        guard draftCount > 0 else { continue }
        findings = findings.filter { finding in finding.claims.contains { draftPaths.contains(claims[$0].document) } }
      }
      guard !findings.isEmpty else { continue }
      sink(ClaimArchive.batch(entity: entity, findings: findings, claims: claims, reconciled: claims.count))
    }

    // The spelling check, over every article's name tally.
    var tally = try nameTally(excluding: draftPaths)
    if let drafts { tally.merge(drafts.names) }
    let store = ClaimStore(claims: [], published: [:], names: tally, library: library, windowDays: windowDays, namedEntities: [:])
    var spelling = Reconciler.findings(in: store)
    if drafts != nil { spelling = spelling.filter { $0.locations.contains { draftPaths.contains($0.path) } } }
    if !spelling.isEmpty { sink(ArchiveFindingBatch(entity: nil, findings: spelling, claims: [], claimsReconciled: 0)) }
    return reconciled
  }

  /// Keeps only the claims the findings cite, and renumbers the findings' indices.
  private static func batch(entity: String, findings: [Finding], claims: [Claim], reconciled: Int) -> ArchiveFindingBatch {
    let cited = Array(Set(findings.flatMap(\.claims))).sorted()
    var position: [Int: Int] = [:]
    for (new, old) in cited.enumerated() { position[old] = new }
    let renumbered = findings.map { finding in
      var finding = finding
      finding.claims = finding.claims.map { position[$0]! }
      finding.groups = finding.groups.map { Finding.ValueGroup(label: $0.label, claims: $0.claims.map { position[$0]! }) }
      return finding
    }
    return ArchiveFindingBatch(entity: entity, findings: renumbered, claims: cited.map { claims[$0] }, claimsReconciled: reconciled)
  }

  /// Every archived article's proper-name tally, merged: each word's count, and its first occurrences in
  /// path and text order (as ``NameTally/merge(_:)`` keeps them).
  func nameTally(excluding excluded: Set<String>) throws(ArchiveError) -> NameTally {
    try read { db in
      var entries: [String: NameTally.Entry] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT n.word, n.count, n.samples, d.path FROM names n JOIN documents d ON d.id = n.document_id ORDER BY n.word")
      var word = ""
      var entry = NameTally.Entry(count: 0, samples: [])
      func flush() {
        guard !word.isEmpty else { return }
        entry.samples = Array(entry.samples.sorted { ($0.location.path, $0.location.line, $0.location.column) < ($1.location.path, $1.location.line, $1.location.column) }
          .prefix(NameTally.maxSamples))
        entries[word] = entry
      }
      while let row = try rows.next() {
        let path: String = row[3]
        guard !excluded.contains(path) else { continue }
        let next: String = row[0]
        if next != word {
          flush()
          word = next
          entry = NameTally.Entry(count: 0, samples: [])
        }
        entry.count += row[1] as Int
        entry.samples += NameSamples.decode(row[2], path: path)
        if entry.samples.count > 4 * NameTally.maxSamples {
          entry.samples = Array(entry.samples.sorted { ($0.location.path, $0.location.line, $0.location.column) < ($1.location.path, $1.location.line, $1.location.column) }
            .prefix(NameTally.maxSamples))
        }
      }
      flush()
      return NameTally(entries: entries)
    }
  }

  /// Reconciles drafts against the archive (or, with no drafts, the whole archive) and gathers the findings
  /// in one `CheckResult`, as `factcheck check` reports them.
  ///
  /// The result lists the drafts and the archived articles its findings cite (with no drafts, every
  /// archived article), and only the claims the findings cite. With drafts, each finding also names, in its
  /// details, the archived articles it cites: title, publication date, path, line and quote.
  ///
  /// - Parameters:
  ///   - drafts: Articles to check against the archive (`FactChecker.extract(paths:)`), or `nil` to
  ///     reconcile the whole archive.
  ///   - checker: The rules and settings to reconcile with.
  /// - Returns: The findings that cite a draft (or every finding of the archive), ready for any reporter, with
  ///   the drafts' `factcheck-ignore` comments and the rules' `suppress:` entries applied.
  /// - Throws: ``ArchiveError`` when the archive cannot be read.
  public func check(drafts: ExtractionRun?, checker: FactChecker) throws(ArchiveError) -> CheckResult {
    var result = checker.collect(drafts ?? ExtractionRun())
    var claims: [Claim] = []
    var findings: [Finding] = []
    try reconcile(drafts: drafts, checker: checker) { batch in
      let offset = claims.count
      claims += batch.claims
      for var finding in batch.findings {
        finding.claims = finding.claims.map { $0 + offset }
        finding.groups = finding.groups.map { Finding.ValueGroup(label: $0.label, claims: $0.claims.map { $0 + offset }) }
        findings.append(finding)
      }
    }
    // One numbering for all: claims in report order, findings most severe first, then by where they point.
    let order = claims.indices.sorted { (claims[$0].location, claims[$0].valueRange.lowerBound, claims[$0].rule) < (claims[$1].location, claims[$1].valueRange.lowerBound, claims[$1].rule) }
    var position = [Int](repeating: 0, count: claims.count)
    for (new, old) in order.enumerated() { position[old] = new }
    let sortedClaims = order.map { claims[$0] }
    findings = findings.map { finding in
      var finding = finding
      finding.claims = finding.claims.map { position[$0] }.sorted()
      finding.groups = finding.groups.map { Finding.ValueGroup(label: $0.label, claims: $0.claims.map { position[$0] }) }
      return finding
    }
    findings.sort { a, b in
      if a.severity != b.severity { return a.severity > b.severity }
      let la = a.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
      let lb = b.locations.first ?? SourceLocation(path: "", line: 0, column: 0)
      if la != lb { return la < lb }
      return a.id < b.id
    }
    let draftPaths = Set(result.documents.map(\.path))
    if drafts == nil {
      result.documents = try documents().map(\.report)
      result.claims = ClaimList(sortedClaims)
    } else {
      // The drafts' claims are reported whole; archived ones only where a finding cites them.
      let cited = Set(sortedClaims.indices.filter { !draftPaths.contains(sortedClaims[$0].document) })
      let archivedPaths = Set(cited.map { sortedClaims[$0].document })
      var archived: [String: ArchivedDocument] = [:]
      for path in archivedPaths { if let document = try document(at: path) { archived[path] = document } }
      let draftClaims = result.claims
      var merged = draftClaims + cited.sorted().map { sortedClaims[$0] }
      merged.sort { ($0.location, $0.valueRange.lowerBound, $0.rule) < ($1.location, $1.valueRange.lowerBound, $1.rule) }
      var index: [ClaimIdentity: Int] = [:]
      for (i, claim) in merged.enumerated() { index[ClaimIdentity(claim)] = i }
      findings = findings.map { finding in
        var finding = finding
        finding.claims = finding.claims.map { index[ClaimIdentity(sortedClaims[$0])]! }.sorted()
        finding.groups = finding.groups.map { Finding.ValueGroup(label: $0.label, claims: $0.claims.map { index[ClaimIdentity(sortedClaims[$0])]! }) }
        let archivedClaims = finding.claims.map { merged[$0] }.filter { archived[$0.document] != nil }
        for claim in archivedClaims.prefix(12) {
          let document = archived[claim.document]!
          let title = document.title.map { "“\($0)”" } ?? claim.documentLabel
          let date = document.published.map { ", \($0)" } ?? ""
          finding.details.append("archived: \(title)\(date) — \(claim.location.path):\(claim.location.line): \(claim.quote)")
        }
        if archivedClaims.count > 12 { finding.details.append("archived: … and \(archivedClaims.count - 12) more claims") }
        return finding
      }
      result.claims = merged
      result.documents += archived.values.sorted { $0.path < $1.path }.map(\.report)
    }
    result.findings = findings
    // The drafts' own `factcheck-ignore` comments, then the rule layers' `suppress:` entries, as a run over
    // the same articles would apply them. (Archived articles' comments are not kept in the archive.)
    return Suppressor.apply((drafts?.suppressions ?? []) + checker.rules.library.suppressions, to: result)
  }
}

/// A claim's place, which tells it from every other claim of a run.
private struct ClaimIdentity: Hashable {
  let path: String
  let line: Int
  let column: Int
  let start: Int
  let rule: String
  let attribute: String
  init(_ claim: Claim) {
    path = claim.document
    line = claim.location.line
    column = claim.location.column
    start = claim.valueRange.lowerBound
    rule = claim.rule
    attribute = claim.attribute
  }
}
