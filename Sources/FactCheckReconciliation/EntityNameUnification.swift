import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// The entity names reconciliation compares claims under: "Atlas" in one article and "Atlas Robotics" in
/// another are one entity, "Alcyra Airways SA" is "Alcyra Airways".
///
/// ``FactChecker`` unifies the names of the claims it holds; a store that streams claims by entity (a claim
/// archive) needs the same mapping from the distinct names alone, before it reads any claim.
package enum EntityNameUnification {
  /// The canonical name of each name in `names` that has one other than itself; a name absent from the
  /// result is its own canonical name. Legal forms are dropped, and a one-word name becomes the one longer
  /// name of the set that only adds organisation words to it. Legal forms and organisation words are those
  /// of every lexicon of `library` (`organisation_words`, `legal_forms`).
  package static func canonicalNames(for names: Set<String>, library: RuleLibrary) -> [String: String] {
    let words = EntityNames(library: library)
    let expander = words.expander(Set(names.map(words.withoutLegalForm)))
    var canonical: [String: String] = [:]
    for name in names {
      let expanded = expander.expand(words.withoutLegalForm(name))
      if expanded != name { canonical[name] = expanded }
    }
    return canonical
  }
}
