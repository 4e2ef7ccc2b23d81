/// An inconsistency found by reconciliation, citing every claim involved.
///
/// A finding does not say which figure is wrong — only that they cannot all be true — so it cites every claim
/// on every side (``groups``), and ``details`` says why the figures cannot all hold and what kept it from
/// being an error (a hedge, an entity or period the checker had to assume).
public struct Finding: Hashable, Sendable {
  /// What kind of inconsistency, for readers that sort or filter findings by kind.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// Figures for the same entity, attribute and period that cannot all be true.
    case conflict
    /// A stated figure that disagrees with the one computed from other figures.
    case arithmetic
    /// One name spelled two ways.
    case spelling
  }

  /// Claims that share a value, shown together ("3 500 — articles 000, 002"): one side of the finding.
  public struct ValueGroup: Hashable, Sendable {
    /// The value as shown ("3 500", "≈3 800", "> 600 000", "24 % (computed)").
    public var label: String
    /// Indices into ``CheckResult/claims``.
    public var claims: [Int]
    /// Creates a group.
    package init(label: String, claims: [Int]) {
      self.label = label
      self.claims = claims
    }
  }

  /// A stable id: kind, check and key (`conflict:employees:Klarna:current`); the same inconsistency has the
  /// same id in every run, so it can be tracked across runs and suppressed by id.
  public var id: String
  /// Whether it is a conflict, an arithmetic disagreement or a spelling variant.
  public var kind: Kind
  /// The check that produced it (`conflict/employees`, a check id of `checks.yaml`, `spelling`), as
  /// `factcheck-ignore` comments and ``RuleSummary/id`` name it.
  public var check: String
  /// How serious it is: an error only when its figures are exact and its entity and period certain.
  public var severity: Severity
  /// The entity concerned.
  public var entity: String?
  /// The attribute concerned (for spelling, `name`).
  public var attribute: String
  /// The period, as its key (``Period/description``: `current`, `2024`, `last_year_to_current`);
  /// ``Period/init(key:)`` reads it back.
  public var period: String?
  /// One line that says it all ("Klarna employees (current): 3 500 vs 3 800").
  public var message: String
  /// Further lines: the sides with their articles, then why the values cannot both hold ("why: 3 500 (a.md)
  /// and 3 800 (b.md) differ by 8.6 %, more than …") and what keeps it from being an error; the computation
  /// of an arithmetic finding; the majority spelling.
  public var details: [String]
  /// The sides of the inconsistency, each a set of claims.
  public var groups: [ValueGroup]
  /// Every claim involved (indices into ``CheckResult/claims``), in document order.
  public var claims: [Int]
  /// Where to point first; for findings without claims (spelling) the places it is about.
  public var locations: [SourceLocation]
  /// Quoted text for ``locations`` when they are not claims (the misspelt name's line).
  public var quotes: [String]

  /// Creates a finding.
  package init(id: String, kind: Kind, check: String, severity: Severity, entity: String?, attribute: String,
              period: String?, message: String, details: [String] = [], groups: [ValueGroup] = [],
              claims: [Int] = [], locations: [SourceLocation] = [], quotes: [String] = []) {
    self.id = id
    self.kind = kind
    self.check = check
    self.severity = severity
    self.entity = entity
    self.attribute = attribute
    self.period = period
    self.message = message
    self.details = details
    self.groups = groups
    self.claims = claims
    self.locations = locations
    self.quotes = quotes
  }
}
