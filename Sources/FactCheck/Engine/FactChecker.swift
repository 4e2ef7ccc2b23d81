import Dispatch
import Foundation
import PatternMatching

/// Settings of a run.
public struct FactCheckOptions: Sendable {
  /// Publication date for articles that state none (`--published`).
  public var published: Day?
  /// Maximum days between dated articles for their current figures to be compared; `nil` = no limit.
  public var windowDays: Int?
  /// Worker threads for extraction; defaults to the number of cores.
  public var jobs: Int
  /// PCRE2 limits for every match.
  public var limits: MatchLimits
  /// Whether ``CheckResult/texts`` keeps every checked article's text, for reporters that show the
  /// articles (HTML). Off by default: a large corpus would otherwise be held in memory until the end.
  public var keepTexts: Bool

  /// Creates options; the defaults are the command line's.
  ///
  /// - Parameters:
  ///   - published: The publication date of articles that state none, so that "last year" in them resolves
  ///     to a year; `nil` leaves such periods relative.
  ///   - windowDays: How many days apart two dated articles may be for their current figures to be
  ///     compared (a headcount "now" in 2021 and "now" in 2025 is not a conflict); `nil` for no limit.
  ///   - jobs: Worker threads for extraction; `nil` for one per core. At least 1.
  ///   - limits: PCRE2 limits for every match, which bound the time a pathological article can take.
  ///   - keepTexts: Whether the result keeps every article's text; reporters that show articles
  ///     (``HTMLReporter``) then need not read them again.
  public init(published: Day? = nil, windowDays: Int? = 365, jobs: Int? = nil, limits: MatchLimits = .default,
              keepTexts: Bool = false) {
    self.published = published
    self.windowDays = windowDays
    self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    self.limits = limits
    self.keepTexts = keepTexts
  }
}

/// The public façade: compiled rules in, articles in, a ``CheckResult`` out.
///
/// Extraction runs in parallel, one extractor (and so one PCRE2 match data) per worker; articles are
/// read, scanned and dropped one at a time, so memory grows with the claims kept, not with the corpus.
/// Reconciliation then runs once over all claims.
///
/// A checker is immutable and `Sendable`: compile the rules once, make one checker, and share it between
/// as many checks (and threads) as you like.
public final class FactChecker: Sendable {
  /// The rules.
  public let rules: CompiledRuleSet
  /// The settings.
  public let options: FactCheckOptions

  /// Creates a checker.
  ///
  /// - Parameters:
  ///   - rules: The compiled rules, usually ``CompiledRuleSet/bundled`` or
  ///     ``CompiledRuleSet/load(bundledAnd:)``. Their problems are repeated in every result's
  ///     ``CheckResult/ruleProblems``, so that reports show them.
  ///   - options: The run's settings.
  public init(rules: CompiledRuleSet, options: FactCheckOptions = FactCheckOptions()) {
    self.rules = rules
    self.options = options
  }

  /// Extracts claims from files and directories, without reconciling.
  ///
  /// Extraction and reconciliation are apart so that a run can be extracted in parts (batches, machines)
  /// and reconciled once, or checked against a claim archive (`FactCheckArchive`).
  ///
  /// - Parameter paths: Files, and directories walked for `.txt`, `.md`, `.markdown` and `.text` files.
  ///   A path that cannot be read is reported in ``ExtractionRun/documents`` as skipped, with its reason.
  /// - Returns: The claims and documents, ready for ``reconcile(_:)``.
  public func extract(paths: [String]) -> ExtractionRun { extract(files: paths.map(InputFile.init(path:))) }

  /// Extracts claims from files and directories named by raw bytes (names that are not UTF-8), without
  /// reconciling.
  package func extract(files given: [InputFile]) -> ExtractionRun {
    let loader = ArticleLoader(lexicons: rules.library.lexicons, defaultPublished: options.published)
    let inputs = loader.inputs(given)
    let files = inputs.files
    let keepTexts = options.keepTexts
    var run = process(count: files.count, otherReports: inputs.skipped.count) { index, extractor in
      switch loader.load(files[index]) {
      case .skipped(let path, let reason):
        return ExtractionRun.Item(document: DocumentReport(path: path, status: .skipped, reason: reason))
      case .article(let article):
        return FactChecker.extract(article, with: extractor, keepText: keepTexts)
      }
    }
    run.documents += inputs.skipped
    return run
  }

  /// Extracts claims from articles already in memory.
  ///
  /// - Parameter articles: The articles; their paths name them in claims and reports, and need not exist.
  /// - Returns: The claims and documents, ready for ``reconcile(_:)``.
  public func extract(articles: [Article]) -> ExtractionRun {
    let keepTexts = options.keepTexts
    return process(count: articles.count) { index, extractor in
      FactChecker.extract(articles[index], with: extractor, keepText: keepTexts)
    }
  }

  /// Extracts and reconciles files and directories: the whole check in one call.
  ///
  /// - Parameter paths: Files, and directories walked for `.txt`, `.md`, `.markdown` and `.text` files.
  /// - Returns: The claims, the findings and every input's fate.
  public func check(paths: [String]) -> CheckResult { reconcile(extract(paths: paths)) }

  /// Extracts and reconciles files and directories named by raw bytes.
  package func check(files: [InputFile]) -> CheckResult { reconcile(extract(files: files)) }

  /// Extracts and reconciles articles already in memory.
  ///
  /// - Parameter articles: The articles; their paths name them in claims and reports, and need not exist.
  /// - Returns: The claims, the findings and every input's fate.
  public func check(articles: [Article]) -> CheckResult { reconcile(extract(articles: articles)) }

  /// Reconciles the claims of an extraction run (possibly merged from several machines).
  ///
  /// Entity names are unified over the whole run first ("Atlas" is "Atlas Robotics" only when the run has
  /// one longer Atlas name), so a run reconciled whole and the same run reconciled from merged parts agree.
  ///
  /// - Parameter run: Claims from ``extract(paths:)`` or ``extract(articles:)``, or several merged.
  /// - Returns: The findings, with the articles' `factcheck-ignore` comments and the rules' `suppress:`
  ///   entries applied.
  public func reconcile(_ run: consuming ExtractionRun) -> CheckResult { result(of: run, runningChecks: true) }

  /// The claims of an extraction run as a result, without looking for inconsistencies (`factcheck claims`).
  package func collect(_ run: consuming ExtractionRun) -> CheckResult { result(of: run, runningChecks: false) }

  /// Sorts claims by place (document, line, column, offset, rule), keeping the order of equal ones.
  ///
  /// Their indices are sorted, comparing fields read in place, and the claims then moved once each
  /// (``ClaimList/arrange(_:)``), keeping to one copy of them.
  static func sortInReportOrder(_ claims: inout ClaimList) {
    var order = Array(claims.indices)
    order.sort { a, b in
      (claims[a].location, claims[a].valueRange.lowerBound, claims[a].rule) < (claims[b].location, claims[b].valueRange.lowerBound, claims[b].rule)
    }
    claims.arrange(order)
  }

  /// The result of a run: claims under their canonical entity names, in report order, and (when
  /// `runningChecks`) the findings.
  ///
  /// A claim stream reconciled in parts (see ``ClaimStream``) passes what the part's own claims cannot tell:
  /// `corpusEntityNames`, every raw entity name of the corpus, over which names are unified, and
  /// `namedEntities`, the raw names each document names next to a figure in all its claims. Both are empty
  /// for a whole corpus, whose claims tell them.
  func result(of run: consuming ExtractionRun, runningChecks: Bool, corpusEntityNames: Set<String> = [],
              namedEntities: [String: Set<String>] = [:]) -> CheckResult {
    // The claims are taken out of the run and renamed and sorted in place: when the caller hands its run over
    // (`check(paths:)`), they are then the only copy. A run keeps every claim, and the copies a renamed list
    // and a sorted one made were most of a large run's peak memory.
    var claims = ClaimList()
    swap(&claims, &run.claims)
    // The names gathered one by one: a set made from every claim's name (an array as long as the claims, and a
    // set sized for that many) was the largest thing a large run allocated while reconciling.
    var rawNames = corpusEntityNames
    for index in claims.indices { if let entity = claims[index].entity { rawNames.insert(entity) } }
    rawNames.formUnion(namedEntities.values.joined())
    let canonical = EntityNameUnification.canonicalNames(for: rawNames, library: rules.library)
    FactChecker.unifyEntityNames(&claims, canonical: canonical)
    FactChecker.sortInReportOrder(&claims)
    var published: [String: Day] = [:]
    for document in run.documents { if let day = document.published { published[document.path] = day } }
    // The name tally is moved into the store, not copied: the spelling check lets it go when it is done
    // (`Reconciler.findings(in:jobs:)`), which a copy left in the run would prevent.
    var names = NameTally()
    swap(&names, &run.names)
    let store: ClaimStore
    if namedEntities.isEmpty {
      store = ClaimStore(claims: claims, published: published, names: names, library: rules.library,
                         windowDays: options.windowDays)
    } else {
      var named = namedEntities.mapValues { Set($0.map { canonical[$0] ?? $0 }) }
      for claim in claims where claim.entitySource.isExplicit {
        if let entity = claim.entity { named[claim.document, default: []].insert(entity) }
      }
      store = ClaimStore(claims: claims, published: published, names: names, library: rules.library,
                         windowDays: options.windowDays, namedEntities: named)
    }
    _ = consume names
    let findings = runningChecks ? Reconciler.findings(in: consume store, jobs: options.jobs) : []
    var summaries = rules.rules.map { rule in
      RuleSummary(id: rule.id, description: rule.definition.description.isEmpty ? "Extracts \(rule.definition.attribute) claims." : rule.definition.description,
                  severity: .note, location: rule.definition.location)
    }
    for attribute in rules.library.attributes.values.sorted(by: { $0.name < $1.name }) {
      summaries.append(RuleSummary(id: "conflict/\(attribute.name)", description: "Conflicting \(attribute.label) figures. \(attribute.description)",
                                   severity: attribute.isGeneric ? .note : attribute.severity, location: attribute.location))
    }
    for check in rules.library.checks {
      summaries.append(RuleSummary(id: check.id, description: check.description, severity: check.severity, location: check.location))
    }
    summaries.append(RuleSummary(id: "spelling", description: "One name spelled two ways across the articles.", severity: .note, location: nil))
    // Workers merge in the order they finish: diagnostics are put in their articles' order (each article's
    // own in the order it gave them), so that a report does not depend on the number of jobs.
    let diagnostics = run.diagnostics.enumerated()
      .sorted { ($0.element.location?.path ?? "", $0.offset) < ($1.element.location?.path ?? "", $1.offset) }.map(\.element)
    // Sorted in place, not copied: a run keeps one report per article until it is reported.
    var documents: [DocumentReport] = []
    swap(&documents, &run.documents)
    documents.sort { $0.path < $1.path }
    let result = CheckResult(documents: documents, claims: claims, findings: findings,
                             diagnostics: diagnostics, ruleProblems: rules.problems, rules: summaries, texts: run.texts)
    // The articles' own comments first, then the rule layers' `suppress:` entries.
    return runningChecks ? Suppressor.apply(run.suppressions + rules.library.suppressions, to: result) : result
  }

  /// "Atlas" in one article and "Atlas Robotics" in another are one entity, and "Alcyra Airways SA" is
  /// "Alcyra Airways" (``EntityNameUnification``): each claim's entity under its canonical name.
  static func unifyEntityNames(_ claims: inout ClaimList, canonical: [String: String]) {
    guard !canonical.isEmpty else { return }
    for index in claims.indices {
      if let entity = claims[index].entity, let name = canonical[entity], name != entity { claims[index].entity = name }
    }
  }

  // MARK: - Workers

  private static func extract(_ article: Article, with extractor: Extractor, keepText: Bool) -> ExtractionRun.Item {
    let extraction = extractor.extract(article)
    let names = extraction.claims.isEmpty ? extractor.names(in: extraction.article) : extraction.names
    let done = extraction.article
    var warnings = done.warnings.map {
      Diagnostic(severity: .warning, category: .input, location: SourceLocation(path: done.path, line: 1, column: 1), message: $0)
    }
    warnings += extraction.diagnostics
    let comments = SuppressionComments.scan(done.text, path: done.path)
    warnings += comments.errors.map(\.diagnostic)
    // A run keeps every report: the names articles share (outlet, author, subject) are kept once.
    var report = DocumentReport(
      path: done.path, status: .checked, reason: done.warnings.first, language: done.language, published: done.published,
      publishedSource: done.publishedSource, title: done.title, source: done.source.map(RepeatedStrings.shared),
      subject: extraction.subject.map(RepeatedStrings.shared), claimCount: extraction.claims.count)
    report.url = done.url
    report.author = done.author.map(RepeatedStrings.shared)
    return ExtractionRun.Item(document: report, claims: extraction.claims, diagnostics: warnings, names: names,
                              text: keepText ? done.text : nil, suppressions: comments.suppressions)
  }

  /// Runs `work` for indices 0..<count on `options.jobs` workers, each with its own extractor.
  /// `otherReports` is the number of reports the caller adds to the run (what a directory walk passed over).
  private func process(count: Int, otherReports: Int = 0, _ work: @escaping @Sendable (Int, Extractor) -> ExtractionRun.Item)
    -> ExtractionRun
  {
    let workers = min(options.jobs, max(1, count))
    let collector = Collector(reports: count + otherReports)
    let next = Counter()
    let rules = self.rules
    let limits = options.limits
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let extractor = Extractor(rules: rules, limits: limits)
      extractor.readsLoneArticle = count == 1
      extractor.articlesInRun = count
      while true {
        let index = next.increment()
        guard index < count else { break }
        collector.add(work(index, extractor))
      }
    }
    return collector.finish()
  }
}

/// The claims and documents of an extraction, before reconciliation.
public struct ExtractionRun: Sendable {
  /// What one article gave.
  package struct Item: Sendable {
    var document: DocumentReport
    var claims: [Claim] = []
    var diagnostics: [Diagnostic] = []
    var names = NameTally()
    /// The article's text, when the run keeps texts.
    var text: String?
    /// The article's `factcheck-ignore` comments.
    var suppressions: [Suppression] = []
  }

  /// One report per input.
  public var documents: [DocumentReport] = []
  /// Every claim, in the order the articles were done.
  public var claims = ClaimList()
  /// Problems met.
  public var diagnostics: [Diagnostic] = []
  /// Proper-name words counted, for the spelling check.
  package var names = NameTally()
  /// Article texts by path, when ``FactCheckOptions/keepTexts`` is set.
  public var texts: [String: String] = [:]
  /// The articles' `factcheck-ignore` comments, applied when the run is reconciled.
  package var suppressions: [Suppression] = []

  /// An empty run, to ``merge(_:)`` others into.
  public init() {}

  mutating func add(_ item: Item) {
    documents.append(item.document)
    claims.append(contentsOf: item.claims)
    diagnostics += item.diagnostics
    names.merge(item.names)
    if let text = item.text { texts[item.document.path] = text }
    suppressions += item.suppressions
  }

  /// Adds another run (from another batch or machine), so that their claims are reconciled together.
  ///
  /// - Parameter other: A run extracted with the same rules.
  public mutating func merge(_ other: ExtractionRun) {
    documents += other.documents
    // Into an empty run, the other's claims are taken as they are, not copied.
    if claims.isEmpty { claims = other.claims } else { claims.append(contentsOf: other.claims) }
    diagnostics += other.diagnostics
    names.merge(other.names)
    texts.merge(other.texts) { first, _ in first }
    suppressions += other.suppressions
  }
}

/// A shared index for workers to take the next article from.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}

/// Collects what the workers extract into one run.
///
/// Workers add each article's item as it is done, under a lock: an article's extraction takes milliseconds,
/// adding its item microseconds. The claims go straight into the run's ``ClaimList``, whose chunks never move:
/// a run per worker merged at the end held every worker's claims and the merged ones at once (about 960
/// against 740 bytes per claim kept, at two jobs against one, on 5,000 generated articles), and an array
/// grown as claims came held its old storage and the doubled one at its last growth.
private final class Collector: @unchecked Sendable {
  private let lock = NSLock()
  private var run = ExtractionRun()

  /// A collector for a run of `reports` document reports: their array is made once, of their number (an array
  /// grown by doubling keeps up to as much room again, for as long as the run).
  init(reports: Int) { run.documents.reserveCapacity(reports) }

  func add(_ item: ExtractionRun.Item) {
    lock.lock()
    defer { lock.unlock() }
    run.add(item)
  }

  /// The run, its claims in the order their articles were done.
  func finish() -> ExtractionRun {
    lock.lock()
    defer { lock.unlock() }
    var finished = ExtractionRun()
    swap(&finished, &run)
    return finished
  }
}
