import ArgumentParser
import FactCheck

extension Day {
  /// The date of a `--published` option (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), `nil` when the option is absent.
  ///
  /// - Throws: `ValidationError` (exit status 2, with the usage) for anything else.
  static func option(_ text: String?) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else { throw ValidationError("--published must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '\(text)'") }
    return day
  }
}
