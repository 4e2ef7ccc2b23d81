import FactCheck
import Foundation

/// What identifies the extraction that produced an archive's claims: the rule files (their bytes, in load
/// order), FactCheck's version and the settings that change what is extracted (the default publication
/// date). Two runs with the same fingerprint extract the same claims from the same article.
public struct RuleFingerprint: Hashable, Sendable, CustomStringConvertible {
  /// The digest.
  public let value: String

  /// The fingerprint of a stored digest.
  public init(value: String) { self.value = value }

  /// The fingerprint of a compiled rule set and the default publication date of a run.
  public init(rules: CompiledRuleSet, defaultPublished: Day? = nil) {
    var hash = ContentHash()
    hash.update(field: "factcheck \(ToolInfo.version)")
    hash.update(field: defaultPublished?.description ?? "-")
    for file in rules.library.files {
      hash.update(field: (file as NSString).lastPathComponent)
      if let data = FileManager.default.contents(atPath: file) { hash.update(data) } else { hash.update(field: "unreadable") }
      hash.update(field: "")
    }
    // What the files compiled to, in case a lexicon is found elsewhere than in the files listed.
    for rule in rules.rules { hash.update(field: rule.id + "\u{1E}" + rule.expandedPattern) }
    value = hash.digest
  }

  public var description: String { value }
}
