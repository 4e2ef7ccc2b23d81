import FactCheckModel

/// A known organisation or person, with the names it goes by, declared under `entities:`.
///
/// Entities are optional: without them the checker still finds proper names in the text. Declaring one
/// maps aliases to one canonical name and feeds the spelling check ("Siemiatowski" vs "Siemiatkowski").
package struct EntityDefinition: Hashable, Sendable {
  /// Organisation or person.
  package enum Kind: String, Hashable, Sendable {
    /// A company, a public body.
    case organisation
    /// A person; figures near their name are about their ``EntityDefinition/organisation``.
    case person
  }

  /// Canonical name, used in claims and reports.
  package var name: String
  /// Organisation or person.
  package var kind: Kind
  /// Other names, full or partial ("Siemiatkowski").
  package var aliases: [String]
  /// For a person: the organisation their figures are about.
  package var organisation: String?
  /// Where it is declared.
  package var location: SourceLocation

  /// Creates an entity.
  package init(name: String, kind: Kind = .organisation, aliases: [String] = [], organisation: String? = nil,
              location: SourceLocation) {
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.organisation = organisation
    self.location = location
  }

  /// The canonical name and every alias.
  package var allNames: [String] { [name] + aliases }
}
