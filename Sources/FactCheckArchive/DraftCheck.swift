import FactCheck
import Foundation

/// A draft to check: its text (front matter allowed) and what the text may not say about itself.
///
/// The front ends (`factcheck serve`, `factcheck mcp`) build one from a request; the checker sees it as the
/// article `path`, which the reports name.
package struct Draft: Sendable, Hashable {
  /// The path the draft is reported under (a draft of an archived article under its path replaces it).
  package var path: String
  /// The whole text, front matter included.
  package var text: String
  /// Its language (`fr`, `en`), instead of the detected one.
  package var language: String?
  /// Its publication date, when the text states none.
  package var published: Day?
  /// Its title, when the front matter gives none.
  package var title: String?

  /// Creates a draft.
  package init(path: String = "draft.md", text: String, language: String? = nil, published: Day? = nil, title: String? = nil) {
    self.path = path
    self.text = text
    self.language = language
    self.published = published
    self.title = title
  }

  /// Where a UTF-8 byte offset of the draft's article (what ``FactCheck/Claim/valueRange`` counts, after a
  /// byte-order mark the loader drops) is in ``text``, in UTF-16 code units — a JavaScript string index.
  package func utf16Offset(ofByte byte: Int) -> Int? {
    let bom = text.hasPrefix("\u{FEFF}") ? 3 : 0
    let utf8 = text.utf8
    guard byte >= 0, byte + bom <= utf8.count else { return nil }
    return text.utf16.distance(from: text.utf16.startIndex, to: utf8.index(utf8.startIndex, offsetBy: byte + bom))
  }
}

/// Checks drafts against an archive (or alone, without one), with one compiled rule set shared by every caller.
///
/// What `factcheck check DRAFT --archive PATH` does, for a text in memory: the draft is extracted, then
/// reconciled with the archived claims of its entities (``ClaimArchive/check(drafts:checker:)``), so each
/// finding cites the archived articles beside the draft. It is a value of `Sendable` parts: concurrent
/// requests call it from any thread.
package struct DraftChecker: Sendable {
  /// The rules and settings (one compiled rule set, shared).
  package let checker: FactChecker
  /// The archive drafts are checked against, opened read-only; `nil` checks each draft alone.
  package let archive: ClaimArchive?
  /// The same archive opened for writing, when adding drafts is allowed.
  package let writableArchive: ClaimArchive?

  /// Creates a checker.
  ///
  /// - Parameters:
  ///   - checker: The rules and settings.
  ///   - archivePath: The claim archive to check against, or `nil`.
  ///   - allowAdd: Whether ``add(_:)`` may write drafts to the archive (it is opened for writing too).
  /// - Throws: ``ArchiveError`` when the archive cannot be opened.
  package init(checker: FactChecker, archivePath: String?, allowAdd: Bool = false) throws(ArchiveError) {
    self.checker = checker
    if let archivePath {
      writableArchive = allowAdd ? try ClaimArchive(path: archivePath, create: true) : nil
      archive = try ClaimArchive(path: archivePath, readOnly: true)
    } else {
      archive = nil
      writableArchive = nil
    }
  }

  /// The draft's extraction: claims, document report, names.
  package func extract(_ draft: Draft) -> ExtractionRun {
    var run = checker.extract([StreamArticle(path: draft.path, text: draft.text, published: draft.published, language: draft.language)])
    if let title = draft.title {
      for index in run.documents.indices where run.documents[index].path == draft.path && run.documents[index].title == nil {
        run.documents[index].title = title
      }
    }
    return run
  }

  /// The draft's findings against the archive (or alone), as `factcheck check` reports them.
  ///
  /// - Throws: ``ArchiveError`` when the archive cannot be read.
  package func check(_ draft: Draft) throws(ArchiveError) -> CheckResult {
    let run = extract(draft)
    guard let archive else { return checker.reconcile(run) }
    return try archive.check(drafts: run, checker: checker)
  }

  /// The draft's claims only, not reconciled (`factcheck claims`).
  package func claims(_ draft: Draft) -> CheckResult { checker.collect(extract(draft)) }

  /// Archived figures matching `query` (``ClaimArchive/search(_:limit:)``); empty without an archive.
  package func search(_ query: String, limit: Int = 50) throws(ArchiveError) -> [ArchiveSearchHit] {
    try archive?.search(query, limit: limit) ?? []
  }

  /// Adds the draft to the archive; `nil` when adding is not allowed (no writable archive).
  package func add(_ draft: Draft) throws(ArchiveError) -> ArchiveAddition? {
    guard let writableArchive else { return nil }
    return try writableArchive.add(extraction: extract(draft), text: draft.text, checker: checker)
  }
}
