import Testing

@testable import FactCheck
@testable import FactCheckModel
@testable import FactCheckNormalisation

/// The period a captured `{when}` text names, with the bundled lexicons: quarters (codes and words), listed
/// phrases, and years among the text's numbers — on ASCII keys, read on bytes, and on keys with other
/// characters, read as `String`s.
@Suite struct QualifierReaderTests {
  @Test(arguments: [
    // (language, text, period; nil: none)
    ("en", "Q3 2024", Period.quarter(3, of: .year(2024)) as Period?),
    ("en", "in the third quarter of 2023", .quarter(3, of: .year(2023))),
    ("en", "the 1st quarter", .quarter(1, of: .relativeYear(0))),
    ("en", "q2-2022", .quarter(2, of: .year(2022))),
    // A code past the fourth quarter, a code glued to a longer word, a year alone: no quarter.
    ("en", "Q5", nil),
    ("en", "FAQ3 2021", .year(2021)),
    ("en", "in 2023", .year(2023)),
    ("en", "by 1799 or 2101", nil),
    // A run of digits too long for an integer is no year; the next one is.
    ("en", "in 99999999999999999999 or 2021", .year(2021)),
    // Full-width digits are written as ASCII ones: the key is ASCII.
    ("en", "in ２０２３", .year(2023)),
    // Other characters: a full-width letter is no quarter code; a fraction glued to the digits is one
    // number character more, and the run is no integer.
    ("en", "Ｑ3 2024", .year(2024)),
    ("en", "in 2023½", nil),
    ("fr", "T4 2022", .quarter(4, of: .year(2022))),
    ("fr", "au troisième trimestre", .quarter(3, of: .relativeYear(0))),
    ("fr", "en 2021", .year(2021)),
  ] as [(String, String, Period?)])
  func readsThePeriodAWhenTextNames(language: String, text: String, period: Period?) throws {
    let reader = QualifierReader(tables: LexiconTables(try #require(Fixtures.bundledRules.library.lexicons[language])))
    #expect(reader.period(text)?.period == period)
  }
}
