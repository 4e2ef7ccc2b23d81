import Testing

@testable import FactCheckModel

/// Names are split into words on their bytes; for names (words that start with a letter) that is the split
/// by `Character` it replaced.
@Suite struct WordSpacesTests {
  @Test(arguments: ["Nordhavn", "Nordhavn Bank", "Banque\u{A0}Verdelis", " Alcyra  Airways ", "Société Générale SA", "", " ",
                    "\u{A0}\u{A0}", "Ärger\u{A0} Ölwerk", "Ostra-Nova Holding", "Ünal"])
  func splitsLikeCharacters(name: String) {
    let byCharacter = name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
    #expect(name.wordsBetweenSpaces == byCharacter)
    #expect(name.hasWordSpace == name.contains(where: { $0 == " " || $0 == "\u{A0}" }))
  }

  @Test func splitsGeneratedNamesLikeCharacters() {
    let parts = ["Klar", "na", "É", "ö", " ", "\u{A0}", "-", "'", "’", "Zürich", "日本", "X"]
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<2_000 {
      let name = (0..<Int.random(in: 0...8, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
      #expect(name.wordsBetweenSpaces == name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }), "\(name)")
      #expect(name.hasWordSpace == name.contains(where: { $0 == " " || $0 == "\u{A0}" }), "\(name)")
    }
  }
}
