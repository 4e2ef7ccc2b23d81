import Testing

@testable import FactCheckModel
@testable import PatternMatching

/// What the rules read: emphasis and double quotation marks of every typography become spaces, byte for
/// byte; apostrophes, single quotes and underscores inside a word stay.
@Suite struct EmphasisBlankingTests {
  @Test(arguments: [
    ("cut **3 500** jobs", "cut   3 500   jobs"),
    ("a \"22 %\" cut", "a  22 %  cut"),
    ("a “22 %” cut", "a    22 %    cut"),
    ("un « gel » total", "un    gel    total"),
    ("‹ a › and „b“", "    a     and    b   "),
    ("_about_ 40", " about  40"),
    ("file_name stays", "file_name stays"),
    ("l’entreprise and 'single'", "l’entreprise and 'single'"),
    ("no marks at all", "no marks at all"),
    ("é, ü — and – dashes", "é, ü — and – dashes"),
    ("3\u{A0}500 © ¼ ’", "3\u{A0}500 © ¼ ’"),
    ("", ""),
  ])
  func marksBecomeSpaces(text: String, blanked: String) {
    let subject = UTF8Subject(text)
    let result = Article.blankingEmphasis(subject).bytes
    #expect(result.count == subject.bytes.count)
    #expect(String(decoding: result, as: UTF8.self) == blanked)
  }
}
