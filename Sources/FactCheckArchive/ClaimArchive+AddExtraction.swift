import FactCheck
import Foundation

extension ClaimArchive {
  /// Adds articles already extracted in memory (drafts a server received), replacing those archived under
  /// their paths, in one transaction.
  ///
  /// - Parameters:
  ///   - extraction: The articles' extraction (``FactChecker/extract(_:)`` of stream articles).
  ///   - text: Not used for extraction: the text whose hash tells a later `archive add` it is unchanged.
  ///   - checker: The rules and settings that extracted them (their fingerprint is stored).
  /// - Returns: What was added.
  /// - Throws: ``ArchiveError`` when the archive cannot be written.
  package func add(extraction run: ExtractionRun, text: String, checker: FactChecker) throws(ArchiveError) -> ArchiveAddition {
    let fingerprint = RuleFingerprint(rules: checker.rules, defaultPublished: checker.options.published).value
    var result = ArchiveAddition()
    let checked = run.documents.filter { $0.status == .checked }
    result.skipped = run.documents.filter { $0.status != .checked }
    guard !checked.isEmpty else { return result }
    let added = ISO8601DateFormatter().string(from: Date())
    let hash = ContentHash.of(text)
    let entries = checked.map { report in
      ArchiveEntry(report: report, claims: run.claims.filter { $0.document == report.path },
                   names: run.names.words, contentHash: hash)
    }
    try write { db in
      for entry in entries { try store(entry, fingerprint: fingerprint, added: added, in: db) }
    }
    for entry in entries {
      result.added.append(entry.report.path)
      result.claims += entry.claims.count
    }
    return result
  }
}

extension ArchiveEntry {
  /// An entry from a document report already built (by ``FactChecker``) and its claims.
  init(report: DocumentReport, claims: [Claim], names: [String: NameTally.Entry], contentHash: String) {
    self.report = report
    self.claims = claims
    self.names = names
    self.contentHash = contentHash
  }
}
