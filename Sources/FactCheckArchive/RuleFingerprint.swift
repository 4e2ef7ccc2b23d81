import FactCheck
import Foundation

/// What identifies the extraction that produced an archive's claims: the rule files (their text as loaded,
/// in load order), FactCheck's version, the revision of its extraction code (``ExtractionRevision``) and the
/// settings that change what is extracted (the default publication date). Two runs with the same
/// fingerprint extract the same claims from the same article.
package struct RuleFingerprint: Hashable, Sendable, CustomStringConvertible {
  /// The digest.
  package let value: String

  /// The fingerprint of a stored digest.
  package init(value: String) { self.value = value }

  /// The fingerprint of a compiled rule set and the default publication date of a run.
  package init(rules: CompiledRuleSet, defaultPublished: Day? = nil) {
    var hash = ContentHash()
    hash.update(field: "factcheck \(ToolInfo.version) extraction \(ExtractionRevision.current)")
    hash.update(field: defaultPublished?.description ?? "-")
    for (file, text) in zip(rules.library.files, rules.library.fileTexts) {
      hash.update(field: (file as NSString).lastPathComponent)
      hash.update(text.utf8)
      hash.update(field: "")
    }
    // What the files compiled to, in case a lexicon is found elsewhere than in the files listed.
    for rule in rules.rules { hash.update(field: rule.id + "\u{1E}" + rule.expandedPattern) }
    value = hash.digest
  }

  package var description: String { value }
}
