import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// How organisation names are compared: legal forms dropped, short names expanded.
///
/// The words come from the lexicons' `organisation_words` and `legal_forms`, all loaded languages at once:
/// a name keeps the words of its own language whatever the article's ("Deutsche Bank AG" in a French
/// article, « Banque Verdelis » in an English one), and reconciliation compares names across languages.
package struct EntityNames: Sendable {
  /// Words that make a multi-word name an organisation's ("Nordhavn Bank", "Atlas Robotics").
  package let organisationWords: Set<String>
  /// Legal forms dropped from names ("Alcyra Airways SA" is "Alcyra Airways").
  package let legalForms: Set<String>

  /// The organisation words and legal forms of every lexicon in `lexicons`.
  package init(lexicons: some Sequence<Lexicon>) {
    var organisationWords = Set<String>()
    var legalForms = Set<String>()
    for lexicon in lexicons {
      organisationWords.formUnion(lexicon.organisationWords)
      legalForms.formUnion(lexicon.legalForms)
    }
    self.organisationWords = organisationWords
    self.legalForms = legalForms
  }

  /// The words of the library's lexicons.
  package init(library: RuleLibrary) { self.init(lexicons: library.lexicons.values) }

  package func withoutLegalForm(_ name: String) -> String {
    // Most names are one word, or end in no legal form, and are written with single spaces: they come back
    // as they are without being split into words (a `String` per word was 1 % of a check).
    let bytes = name.utf8
    guard let lastSpace = bytes.lastIndex(of: 0x20) else { return name }
    if bytes.first != 0x20, bytes.last != 0x20, !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }),
       !legalForms.contains(String(name[bytes.index(after: lastSpace)...]))
    {
      return name
    }
    var words = name.split(separator: " ").map(String.init)
    while words.count > 1, let last = words.last, legalForms.contains(last) { words.removeLast() }
    return words.joined(separator: " ")
  }

  /// Single capitalised words read as organisations; "First Last" pairs read as people, unless they
  /// carry an organisation word ("Nordhavn Bank", "Atlas Robotics").
  package func readsAsOrganisation(_ name: String) -> Bool {
    guard name.hasWordSpace else { return name.count >= 2 }
    let words = name.wordsBetweenSpaces
    if words.count == 1 { return name.count >= 2 }
    return readsAsOrganisation(words: words)
  }

  /// Whether any of a name's words (`words`, as `String.wordsBetweenSpaces` splits it) is an
  /// organisation word.
  package func readsAsOrganisation(words: [Substring]) -> Bool {
    words.contains { organisationWords.contains(String($0)) }
  }

  /// Expands a one-word name to the one longer name among a set that adds only organisation words to it
  /// ("Atlas" → "Atlas Robotics"). The set is indexed once: a corpus or a long article has thousands of
  /// names, and filtering them all for each name would take time quadratic in their number.
  package struct Expander {
    private let organisationWords: Set<String>
    /// Longer names by the one word in them that is not an organisation word ("Atlas" → "Atlas Robotics").
    private var byCoreWord: [String: Set<String>] = [:]
    /// Names made only of organisation words ("Air Group"), for the rare name that is itself one.
    private var organisationOnly: [String] = []

    package init(_ names: Set<String>, organisationWords: Set<String>) {
      self.organisationWords = organisationWords
      for candidate in names {
        let words = candidate.split(separator: " ").map(String.init)
        guard words.count > 1 else { continue }
        let core = Set(words.filter { !organisationWords.contains($0) })
        if core.isEmpty {
          organisationOnly.append(candidate)
        } else if core.count == 1 {
          byCoreWord[core.first!, default: []].insert(candidate)
        }
      }
    }

    /// `name`, or the one longer name that adds only organisation words to it.
    package func expand(_ name: String) -> String {
      guard !name.utf8.contains(0x20) else { return name }
      var longer = byCoreWord[name] ?? []
      if organisationWords.contains(name) {
        // "Air" in "Air Group": every word is the name or an organisation word.
        for candidate in organisationOnly where candidate.split(separator: " ").contains(Substring(name)) { longer.insert(candidate) }
      }
      return longer.count == 1 ? longer.first! : name
    }
  }

  /// An expander over `names`, with these organisation words.
  package func expander(_ names: Set<String>) -> Expander { Expander(names, organisationWords: organisationWords) }
}
