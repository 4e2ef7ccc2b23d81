import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The words a proper name is counted under for the spelling check. ASCII names take a byte path; it must
/// give the words the character path gives (a possessive suffix no name has sends a name down that path).
@Suite struct NameTallyWordsTests {
  @Test(arguments: [
    ("Klarna", ["Klarna"]),
    ("Sebastian Brindle", ["Sebastian", "Brindle"]),
    ("IBM", []),
    ("Ostra''", ["Ostra'"]),
    ("Ostra's", ["Ostra's"]),
    ("Jean-Paul Vexlo", ["Jean", "Paul", "Vexlo"]),
    ("X", []),
    ("Ab", ["Ab"]),
    ("AB", []),
    ("  Double  Space ", ["Double", "Space"]),
    ("A-B-Corvane", ["Corvane"]),
    ("O'Neil", ["O'Neil"]),
    ("vexlo Group", ["Group"]),
    ("R2D2 Labs", ["Labs"]),
  ])
  func asciiNamesGiveTheCharacterPathsWords(name: String, expected: [String]) {
    #expect(NameTally.words(of: name) == expected)
    #expect(NameTally.words(of: name, possessiveSuffixes: ["\u{7}"]) == expected)
  }
}
