import FactCheck

/// What `archive add` did.
public struct ArchiveAddition: Sendable {
  /// Articles extracted and stored (new or changed).
  public var added: [String] = []
  /// Articles already archived with the same content and the same rules: not extracted again.
  public var unchanged: Int = 0
  /// Articles archived before with other rules (or settings), extracted again.
  public var reextractedForRules: Int = 0
  /// Inputs that could not be read (with their reasons), and what directory walks passed over.
  public var skipped: [DocumentReport] = []
  /// Problems met while extracting (limits, malformed figures, repaired text).
  public var diagnostics: [Diagnostic] = []
  /// Claims stored.
  public var claims: Int = 0
  /// Whether the archive's rules fingerprint differed from the run's for some article.
  public var rulesChanged: Bool { reextractedForRules > 0 }

  /// An empty account.
  package init() {}
}

/// Where an `archive add` run is, for a progress bar.
public struct ArchiveProgress: Sendable {
  /// Articles looked at so far.
  public var done: Int
  /// Articles to look at.
  public var total: Int
  /// Of those done, the ones extracted (the rest were unchanged).
  public var extracted: Int
}
