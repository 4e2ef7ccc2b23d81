import Testing

@testable import FactCheck

/// Whose figure it is when the sentence names more than one thing: places, possessives, people and other
/// organisations, on sentences written for these tests about fictional companies.
@Suite struct EntityInContextTests {
  /// One expectation: the entity of every claim of `text` with `attribute`, in text order (`-` for nobody).
  struct Case: CustomTestStringConvertible, Sendable {
    let language: String
    let text: String
    let attribute: String
    let entities: [String]
    var testDescription: String { text }
  }

  static let published = Day(year: 2025, month: 6, day: 10)

  @Test(arguments: [
    // Places listed after their preposition are places, the last one too; the subject named earlier wins.
    Case(language: "fr",
         text: "Brindille ferme. Le groupe Brindille envisage la fermeture de trois dépôts à Nantes, Rennes et Brest, ce qui entraînerait la suppression de 180 postes.",
         attribute: "layoffs", entities: ["Brindille"]),
    Case(language: "en",
         text: "Corvane is shrinking. Corvane plans to close its depots in Leeds, Hull and York, which would cut 180 jobs.",
         attribute: "layoffs", entities: ["Corvane"]),
    // A list after a place, followed by a verb, names the sentence's subjects: they stay organisations.
    Case(language: "fr",
         text: "Ostra recrute. Implantées à Nantes, Ostra et Vexlo ont supprimé 300 postes.",
         attribute: "layoffs", entities: ["Vexlo"]),
  ])
  func theFigureBelongsToWhomTheSentenceMeans(_ example: Case) {
    let claims = Fixtures.claims(example.text, language: example.language, published: EntityInContextTests.published)
    #expect(claims.filter { $0.attribute == example.attribute }.map { $0.entity ?? "-" } == example.entities)
  }
}
