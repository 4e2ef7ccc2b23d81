import FactCheckModel
import FactCheckRules

/// The revision of FactCheck's extraction and normalisation code: what turns an article and a rule set into
/// claims. The claim archive stores it in each article's rule fingerprint, so that articles archived by an
/// earlier revision are extracted again by `archive add` rather than kept as "unchanged".
///
/// Bump ``current`` in the commit that changes which claims are read from an unchanged article with unchanged
/// rules: a figure, unit, scale, date, entity, hedge or sentence read differently, a claim found or dropped,
/// or a normalised value that changes. Changes that leave every claim as it was (speed, reports, messages)
/// leave it alone. ``ToolInfo/version`` is not enough: it changes with releases, not with the code between them.
package enum ExtractionRevision {
  /// The current revision; only ever increased.
  package static let current = 7
}
