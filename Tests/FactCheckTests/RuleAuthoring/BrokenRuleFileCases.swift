import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// One file of `Fixtures/BrokenRules/` and the errors loading it must report, exactly.
struct BrokenRuleFileCase: Sendable, CustomTestStringConvertible {
  /// An error the file must produce: where, what, and the message users read.
  struct Expected: Sendable {
    let line: Int
    let column: Int
    let kind: RuleFileError.Kind
    let message: String
  }

  let file: String
  let errors: [Expected]

  var testDescription: String { file }

  /// The folder of broken files; `base/` holds the valid vocabulary they build on.
  static let directory = Fixtures.tests + "/FactCheckTests/Fixtures/BrokenRules"
  static let base = directory + "/base"

  /// The path a case's file is loaded (and so reported) under.
  static func path(_ file: String) -> String { directory + "/" + file }

  init(_ file: String, _ errors: [Expected]) {
    self.file = file
    self.errors = errors
  }

  init(_ file: String, line: Int, column: Int, _ kind: RuleFileError.Kind, _ message: String) {
    self.init(file, [Expected(line: line, column: column, kind: kind, message: message)])
  }
}

extension BrokenRuleFileCase {
  /// Every broken file, with the exact place and message of each error.
  static let all: [BrokenRuleFileCase] = [
    BrokenRuleFileCase(
      "yaml-syntax-unclosed-flow-mapping.yaml", line: 10, column: 13,
      .syntax(problem: "did not find expected ',' or '}' (while parsing a flow mapping that starts at line 9, column 17)"),
      "YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping that starts at line 9, column 17)"),
    BrokenRuleFileCase(
      "yaml-syntax-tab-indentation.yaml", line: 5, column: 1,
      .syntax(problem: "found a tab character that violates indentation (while scanning a plain scalar that starts at line 4, column 9)"),
      "YAML syntax error: found a tab character that violates indentation (while scanning a plain scalar that starts at line 4, column 9)"),
    BrokenRuleFileCase(
      "not-utf8.yaml", line: 6, column: 37,
      .unreadable(reason: "not valid UTF-8"),
      "cannot read rule file: not valid UTF-8"),
    BrokenRuleFileCase(
      "unknown-key-patern.yaml", line: 6, column: 5,
      .unknownKey(key: "patern", suggestion: "pattern"),
      "unknown key 'patern'; did you mean 'pattern'?"),
    BrokenRuleFileCase(
      "missing-required-pattern.yaml", line: 4, column: 5,
      .missingKey(key: "pattern", in: "rule"),
      "rule is missing required key 'pattern'"),
    BrokenRuleFileCase(
      "unknown-placeholder-cuont.yaml", line: 6, column: 34,
      .unknownPlaceholder(name: "cuont", suggestion: "count"),
      "unknown placeholder '{cuont}'; did you mean '{count}'?"),
    BrokenRuleFileCase(
      "unclosed-placeholder-brace.yaml", line: 6, column: 33,
      .invalidRegex(message: "'{' without a closing '}'"),
      "invalid pattern: '{' without a closing '}'"),
    BrokenRuleFileCase(
      "unknown-attribute-employes.yaml", line: 5, column: 16,
      .unknownAttribute(name: "employes", suggestion: "employees"),
      "unknown attribute 'employes'; did you mean 'employees'? (attributes are declared under 'attributes:')"),
    BrokenRuleFileCase(
      "duplicate-rule-id.yaml", line: 11, column: 5,
      .duplicateID(id: "broken.duplicate.employees", other: SourceLocation(path: path("duplicate-rule-id.yaml"), line: 4, column: 5)),
      "duplicate id 'broken.duplicate.employees'; first defined at \(path("duplicate-rule-id.yaml")):4:5"),
    BrokenRuleFileCase(
      "placeholder-not-in-rule-language.yaml", line: 6, column: 33,
      .placeholderNotInLexicon(name: "jobs", language: "fr"),
      "placeholder '{jobs}' is not defined by the 'fr' lexicon; add it under its 'fragments'"),
    // Invalid regexes: PCRE2's offset in the expanded pattern, mapped back through the placeholders'
    // expansions and the YAML scalar's quoting, escapes, folding and indentation.
    BrokenRuleFileCase(
      "invalid-regex-single-quoted.yaml", line: 7, column: 78,
      .invalidRegex(message: "range out of order in character class"),
      "invalid pattern: range out of order in character class"),
    BrokenRuleFileCase(
      "invalid-regex-double-quoted-escapes.yaml", line: 7, column: 60,
      .invalidRegex(message: "range out of order in character class"),
      "invalid pattern: range out of order in character class"),
    BrokenRuleFileCase(
      "invalid-regex-plain-multiline.yaml", line: 7, column: 18,
      .invalidRegex(message: "range out of order in character class"),
      "invalid pattern: range out of order in character class"),
    BrokenRuleFileCase(
      "invalid-regex-literal-block.yaml", line: 9, column: 12,
      .invalidRegex(message: "range out of order in character class"),
      "invalid pattern: range out of order in character class"),
    BrokenRuleFileCase(
      "invalid-regex-folded-block.yaml", line: 8, column: 15,
      .invalidRegex(message: "unrecognized character follows \\"),
      "invalid pattern: unrecognized character follows \\"),
    BrokenRuleFileCase(
      "invalid-regex-unbalanced-parenthesis.yaml", line: 6, column: 51,
      .invalidRegex(message: "missing closing parenthesis"),
      "invalid pattern: missing closing parenthesis"),
    BrokenRuleFileCase(
      "invalid-regex-in-lexicon-fragment.yaml", line: 5, column: 35,
      .invalidRegex(message: "range out of order in character class (in lexicon fragment '{broken_staff}'; "
                      + "rule 'broken.regex-fragment.employees' uses it and is left out)"),
      "invalid pattern: range out of order in character class (in lexicon fragment '{broken_staff}'; "
        + "rule 'broken.regex-fragment.employees' uses it and is left out)"),
    BrokenRuleFileCase(
      "tolerance-not-parsed.yaml", line: 5, column: 16,
      .invalidValue(key: "tolerance", value: "two percent", reason: "expected a percentage such as '2%' or an amount such as '0.5'"),
      "invalid tolerance 'two percent': expected a percentage such as '2%' or an amount such as '0.5'"),
    BrokenRuleFileCase(
      "period-not-parsed.yaml", line: 6, column: 13,
      .invalidValue(key: "period", value: "lastyear",
                    reason: "expected current, last_year, next_year, year-N, year+N, a year, a change such as last_year_to_current, "
                      + "or unspecified; did you mean 'last_year'?"),
      "invalid period 'lastyear': expected current, last_year, next_year, year-N, year+N, a year, a change such as "
        + "last_year_to_current, or unspecified; did you mean 'last_year'?"),
    BrokenRuleFileCase(
      "example-asserts-nothing.yaml", line: 10, column: 9,
      .invalidValue(key: "example", value: "Brindille rassemble 1 300 personnes.",
                    reason: "asserts nothing; add 'expect:' with the claims it must yield, or 'expect: none'"),
      "invalid example 'Brindille rassemble 1 300 personnes.': asserts nothing; add 'expect:' with the claims it must yield, "
        + "or 'expect: none'"),
    BrokenRuleFileCase(
      "example-file-asserts-nothing.yaml", line: 6, column: 5,
      .invalidValue(key: "example", value: "Ostra emploie 900 personnes.",
                    reason: "asserts nothing; add 'expect:' with the claims it must yield, or 'expect: none'"),
      "invalid example 'Ostra emploie 900 personnes.': asserts nothing; add 'expect:' with the claims it must yield, or 'expect: none'"),
    BrokenRuleFileCase(
      "example-file-unknown-rule.yaml", line: 3, column: 11,
      .unknownRule(id: "base.fr.employes", suggestion: "base.fr.employees"),
      "no rule 'base.fr.employes' to attach this example to; did you mean 'base.fr.employees'?"),
    BrokenRuleFileCase(
      "wrong-type-string-for-list.yaml", line: 7, column: 15,
      .wrongType(key: "examples", expected: "a list (lines starting with '- ')"),
      "'examples' must be a list (lines starting with '- ')"),
    BrokenRuleFileCase(
      "unknown-language.yaml", line: 2, column: 11,
      .unknownLanguage(language: "de", known: ["en", "fr"]),
      "no lexicon for language 'de' (known: en, fr)"),
    BrokenRuleFileCase(
      "lexicon-bad-hedge-kind.yaml", line: 5, column: 13,
      .invalidValue(key: "kind", value: "aproximate",
                    reason: "expected one of approximate, nearly, more_than, at_least, less_than, at_most; did you mean 'approximate'?"),
      "invalid kind 'aproximate': expected one of approximate, nearly, more_than, at_least, less_than, at_most; did you mean 'approximate'?"),
    BrokenRuleFileCase(
      "check-unknown-attribute.yaml", line: 6, column: 11,
      .unknownAttribute(name: "employes", suggestion: "employees"),
      "unknown attribute 'employes'; did you mean 'employees'? (attributes are declared under 'attributes:')"),
    BrokenRuleFileCase(
      "check-percent-change-without-base.yaml", line: 3, column: 5,
      .missingKey(key: "base", in: "check"),
      "check is missing required key 'base'"),
    BrokenRuleFileCase(
      "check-currency-unknown-attribute.yaml", line: 5, column: 17,
      .unknownAttribute(name: "revenu", suggestion: nil),
      "unknown attribute 'revenu' (attributes are declared under 'attributes:')"),
    BrokenRuleFileCase(
      "several-errors-in-one-file.yaml",
      [
        Expected(line: 7, column: 5, kind: .unknownKey(key: "exemples", suggestion: "examples"),
                 message: "unknown key 'exemples'; did you mean 'examples'?"),
        Expected(line: 12, column: 15, kind: .invalidValue(key: "priority", value: "high", reason: "not a whole number"),
                 message: "invalid priority 'high': not a whole number"),
        Expected(line: 16, column: 33, kind: .unknownPlaceholder(name: "staf", suggestion: "staff"),
                 message: "unknown placeholder '{staf}'; did you mean '{staff}'?"),
      ]),
  ]
}
