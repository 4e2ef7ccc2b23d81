import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

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
         text: "Brindille ferme. Le groupe Brindille envisage la fermeture de trois dépôts à Nantes, Rennes et Brest, soit la suppression de 180 postes.",
         attribute: "layoffs", entities: ["Brindille"]),
    Case(language: "en",
         text: "Corvane is shrinking. Corvane plans to close its depots in Leeds, Hull and York, which would cut 180 jobs.",
         attribute: "layoffs", entities: ["Corvane"]),
    // A list after a place, followed by a verb, names the sentence's subjects: they stay organisations.
    Case(language: "fr",
         text: "Ostra recrute. Implantées à Nantes, Ostra et Vexlo ont supprimé 300 postes.",
         attribute: "layoffs", entities: ["Vexlo"]),
    // A possessive in a sentence naming nobody refers back to the first organisation of the sentence
    // before — its subject, not a name in a later clause nor an unnamed firm after it.
    Case(language: "fr",
         text: "Brindille domine son marché. Brindille recrute.\n\nAvec ce tour, Ostra voit sa valorisation grimper à 900 millions d'euros, un record pour une entreprise du secteur. En comparaison, son tour précédent avait déjà porté sa valorisation à 500 millions d'euros.\n\nSa valorisation atteint 800 millions d'euros.",
         attribute: "valuation_usd", entities: ["Ostra", "Ostra", "Brindille"]),
    Case(language: "en",
         text: "Corvane leads the market. Corvane is hiring.\n\nRival Ostra, which competes with Vexlo, grew fast. Its valuation rose to $900 million.\n\nThe company, unlike Ostra, grew. Its valuation rose to $700 million.\n\nAnother fintech cut jobs. Its valuation fell to $300 million.",
         attribute: "valuation_usd", entities: ["Ostra", "Corvane", "-"]),
    // A person is never the entity: "Velloso" alone is the last name of "Marta Velloso". A name with an
    // organisation word stays whole at a sentence start ("Corvane Group", not "Group"), and "the Group"
    // is a word for the subject.
    Case(language: "en",
         text: "Corvane Group is cutting costs. Corvane Group plans to shed 4,000 jobs by 2030. Corvane said so.\n\nThe chief executive, Marta Velloso, is shrinking the company. Velloso plans to cut 900 jobs.",
         attribute: "layoffs", entities: ["Corvane Group", "Corvane Group"]),
    Case(language: "en",
         text: "Corvane Group is cutting costs. Corvane Group is hiring.\n\nThe board praised the efforts of the Group, which will close 3 plants.",
         attribute: "quantity", entities: ["Corvane Group"]),
    // A name the article uses as a site ("the Granvert plant") is a place: never the entity of a figure,
    // nor the article's subject however often it is named.
    Case(language: "en",
         text: "Corvane will close its Granvert and Pomery plants, a move that will cost 600 employees their jobs. Granvert is a small town.\n\nThe Granvert plant currently employs 412 people. The Pomery plant employs 188 people, Corvane said.",
         attribute: "layoffs", entities: ["Corvane"]),
    // A sentence's first word followed by a comma and a relative pronoun is a name, though the article
    // writes it only there: the figure is Pellion's, not the subject's.
    Case(language: "en",
         text: "Corvane will cut 300 jobs, Corvane said.\n\nPellion, which employs about 4,800 people, is a rival.",
         attribute: "employees", entities: ["Pellion"]),
    Case(language: "fr",
         text: "Corvane supprime 300 postes, a indiqué Corvane.\n\nPellion, qui emploie 4 800 salariés, est son concurrent.",
         attribute: "employees", entities: ["Pellion"]),
    Case(language: "de",
         text: "Corvane streicht 300 Stellen, teilte Corvane mit.\n\nPellion, das 4.800 Mitarbeiter beschäftigt, ist ein Konkurrent.",
         attribute: "employees", entities: ["Pellion"]),
    // An acronym the article spells out as a common phrase names no organisation, wherever it stands; one
    // spelled out with a capitalised first word does.
    Case(language: "fr",
         text: "Corvane a présenté un plan de sauvegarde de l\u{2019}emploi (PSE) pour ses usines, a indiqué Corvane. Un PSE portant sur 120 postes avait déjà été mené en 2023.",
         attribute: "layoffs", entities: ["Corvane"]),
    Case(language: "en",
         text: "Corvane is hiring, Corvane said.\n\nThe Allied Workers Union (AWU), which has 4,800 members, objected. AWU employs 40 people.",
         attribute: "employees", entities: ["AWU"]),
    // A capitalised adverb before a comma is no name.
    Case(language: "en",
         text: "Corvane is hiring, Corvane said.\n\nMeanwhile, the company employs 4,800 people.",
         attribute: "employees", entities: ["Corvane"]),
  ])
  func theFigureBelongsToWhomTheSentenceMeans(_ example: Case) {
    let claims = Fixtures.claims(example.text, language: example.language, published: EntityInContextTests.published)
    #expect(claims.filter { $0.attribute == example.attribute }.map { $0.entity ?? "-" } == example.entities)
  }

  /// A qualified headcount counts part of the staff: its qualifier is its scope, in either language.
  @Test(arguments: [
    ("en", "Corvane employs 130,000 people, with 80,000 permanent staff. Corvane had 97,148 full-time employees at the end of March.",
     ["-", "permanent", "full_time"]),
    ("fr", "Brindille emploie 1 300 personnes. Brindille compte aussi 900 salariés permanents. Ses 600 agents à temps plein garderont leur poste.",
     ["-", "permanent", "full_time"]),
  ])
  func aQualifiedHeadcountHasItsScope(language: String, text: String, scopes: [String]) {
    let claims = Fixtures.claims(text, language: language, published: EntityInContextTests.published)
    #expect(claims.filter { $0.attribute == "employees" }.map { $0.scope ?? "-" } == scopes)
  }

  @Test func differentlyScopedHeadcountsAreNotCompared() {
    let texts = ["Corvane employs 130,000 people.", "Corvane had 97,148 full-time employees.", "Corvane has 80,000 permanent staff."]
    let claims = texts.enumerated().flatMap { index, text in
      Extractor(rules: Fixtures.bundledRules).extract(Fixtures.article(text, language: "en", published: EntityInContextTests.published,
                                                                        path: "\(index).md")).claims
    }
    let store = ClaimStore(claims: ClaimList(claims), published: [:], names: NameTally([]), library: Fixtures.bundledRules.library, windowDays: nil)
    #expect(ConflictingValuesCheck().findings(in: store).isEmpty)
  }

  /// A site's headcount has the site's place as its scope, in either language, so that two articles
  /// compare the same site.
  @Test(arguments: [
    ("en", "Corvane is closing plants. Corvane confirmed it. The Granvert plant currently employs 412 people."),
    ("fr", "Corvane ferme des usines, confirme Corvane. Ses sites de Granvert (412 salariés) et Poméry (188 salariés) fermeront."),
  ])
  func aSiteHeadcountIsScopedToItsPlace(language: String, text: String) throws {
    let claims = Fixtures.claims(text, language: language, published: EntityInContextTests.published)
    let site = try #require(claims.first { $0.value == 412 })
    #expect(site.attribute == "division_employees")
    #expect(site.scope == "granvert")
    #expect(site.entity == "Corvane")
  }
}

/// A qualifier such as "full-time" scopes a headcount only: a figure already counted in full-time people
/// (an AI assistant's workload) keeps no scope, and compares with the same figure stated without it.
struct ScopeQualifierAttributeTests {
  @Test func aWorkloadInFullTimePeopleTakesNoScope() {
    let claims = Fixtures.claims("Its assistant now does the work of 250 full-time agents.", language: "en")
    let workload = claims.first { $0.attribute == "ai_assistant_workload_equivalent" }
    #expect(workload?.value == 250)
    #expect(workload?.scope == nil)
  }
}
