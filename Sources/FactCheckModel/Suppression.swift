/// A statement that a finding is known and accepted: it is taken out of the findings that count (the exit
/// status, the text report) and kept, marked, in the reports that record everything (JSON, SARIF).
///
/// Suppressions come from three places:
/// - an article, as a comment before a paragraph or a line (``Origin/inSource``);
/// - a rule layer's `suppress:` list, by check, finding id, entity, attribute or period (``Origin/ruleFile``);
/// - a baseline file (``Origin/baseline``), by the finding's ``Baseline/fingerprint(of:claims:)``.
public struct Suppression: Hashable, Sendable {
  /// Where a suppression is written.
  public enum Origin: String, Hashable, Sendable, Codable {
    /// A `factcheck-ignore` comment in an article.
    case inSource = "in_source"
    /// A `suppress:` entry in a rule file.
    case ruleFile = "rule_file"
    /// An entry of the baseline given with `--baseline`.
    case baseline
  }

  /// Which part of the text a suppression covers.
  package enum Scope: Hashable, Sendable {
    /// Lines `lines` (1-based, upper bound excluded) of the document at `path`.
    case lines(path: String, lines: Range<Int>)
    /// The whole document at `path`.
    case document(path: String)
    /// Every document of the run.
    case everywhere
  }

  /// Whether an article, a rule file or the baseline accepted the finding, which says who to ask about it.
  public var origin: Origin
  /// Where it is written: the comment, the `suppress:` entry or the baseline line.
  public var location: SourceLocation
  /// Check ids (`conflict/employees`), finding ids (`conflict:employees:Klarna:current`), kinds (`spelling`)
  /// or prefixes ending in `*` (`conflict/*`) it silences; empty silences every check.
  public var checks: [String]
  /// Only findings about this entity, when set (compared without case).
  public var entity: String?
  /// Only findings about this attribute, when set.
  public var attribute: String?
  /// Only findings about this period (its key: `current`, `2024`), when set.
  public var period: String?
  /// Why the finding is accepted, as its author wrote it.
  public var reason: String?
  /// The text it covers.
  package var scope: Scope

  /// Creates a suppression.
  package init(origin: Origin, location: SourceLocation, checks: [String] = [], entity: String? = nil, attribute: String? = nil,
              period: String? = nil, reason: String? = nil, scope: Scope = .everywhere) {
    self.origin = origin
    self.location = location
    self.checks = checks
    self.entity = entity
    self.attribute = attribute
    self.period = period
    self.reason = reason
    self.scope = scope
  }

  /// Whether it silences `finding`, whose claims are indices into `claims`.
  ///
  /// A scoped suppression silences a finding when one of the finding's claims (or, for a finding without
  /// claims, one of its locations) lies in its scope: the article that carries the comment accepts the
  /// discrepancy for everyone.
  package func matches(_ finding: Finding, claims: ClaimList) -> Bool {
    guard checks.isEmpty || checks.contains(where: { Suppression.pattern($0, matches: finding) }) else { return false }
    if let entity, finding.entity?.lowercased() != entity.lowercased() { return false }
    if let attribute, finding.attribute != attribute { return false }
    if let period, finding.period != period { return false }
    switch scope {
    case .everywhere:
      return true
    case .document(let path):
      return places(of: finding, claims: claims).contains { $0.path == path }
    case .lines(let path, let lines):
      return places(of: finding, claims: claims).contains { $0.path == path && lines.contains($0.line) }
    }
  }

  /// What the suppression names, for messages ("conflict/employees", "every check").
  package var label: String {
    var parts = [checks.isEmpty ? "every check" : checks.joined(separator: ", ")]
    if let entity { parts.append("entity \(entity)") }
    if let attribute { parts.append("attribute \(attribute)") }
    if let period { parts.append("period \(period)") }
    return parts.joined(separator: ", ")
  }

  private func places(of finding: Finding, claims: ClaimList) -> [SourceLocation] {
    let cited = finding.claims.compactMap { $0 < claims.count ? claims[$0].location : nil }
    return cited.isEmpty ? finding.locations : cited
  }

  /// `conflict/*` is a prefix; anything else names a check, a finding id or a kind exactly.
  package static func pattern(_ pattern: String, matches finding: Finding) -> Bool {
    if pattern.hasSuffix("*") {
      let prefix = pattern.dropLast()
      return finding.check.hasPrefix(prefix) || finding.id.hasPrefix(prefix)
    }
    return pattern == finding.check || pattern == finding.id || pattern == finding.kind.rawValue
  }
}

/// A finding a suppression took out of the findings that count, with the suppression that did.
public struct SuppressedFinding: Hashable, Sendable {
  /// The finding, as reconciliation produced it.
  public var finding: Finding
  /// The first suppression that matched it.
  public var suppression: Suppression

  /// Creates a suppressed finding.
  package init(finding: Finding, suppression: Suppression) {
    self.finding = finding
    self.suppression = suppression
  }
}

extension Suppression {
  /// The directives of suppression comments in articles, in the order the documentation lists them (here,
  /// with the model, because an error about an unknown one lists them all).
  package static let commentDirectives = ["factcheck-ignore", "factcheck-ignore-next-line", "factcheck-ignore-file"]

  /// A check id, finding id or kind, optionally ending in `*` (a trailing comma is forgiven). Never empty:
  /// not a lone `,`, and not a bare `*`, which would silence every check (a comment that names no check
  /// does that already; a rule file's `suppress:` entry must not).
  package static func isCheckPattern(_ token: String) -> Bool {
    var token = Substring(token)
    if token.hasSuffix(",") { token = token.dropLast() }
    if token.hasSuffix("*") { token = token.dropLast() }
    guard !token.isEmpty else { return false }
    return token.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/:._-".unicodeScalars.contains(scalar) || scalar == " "
    } && !token.contains(" ")
  }
}
