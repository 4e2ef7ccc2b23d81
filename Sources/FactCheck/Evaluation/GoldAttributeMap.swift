import Foundation
import Yams

/// Which of the checker's attributes may carry a gold attribute: one table for a whole corpus, read from a
/// YAML file (`Evaluation/gold-attributes.yaml`), so that scoring never decides case by case.
///
/// ```yaml
/// unlisted: any            # or `none`: what a gold attribute absent from the table matches
/// attributes:
///   layoffs: [layoffs, layoffs_total]
///   site_employees: [employees, division_employees]
/// ```
/// The value `any` in a list matches every checker attribute.
package struct GoldAttributeMap: Sendable {
  /// Checker attributes per gold attribute.
  package var table: [String: Set<String>]
  /// Whether a gold attribute the table does not list matches any checker attribute (value alone).
  package var unlistedMatchesAny: Bool

  /// A map from a table.
  package init(table: [String: Set<String>], unlistedMatchesAny: Bool = true) {
    self.table = table
    self.unlistedMatchesAny = unlistedMatchesAny
  }

  /// Reads the table from a YAML file.
  package static func load(path: String) throws(EvaluationError) -> GoldAttributeMap {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
    let root: Node.Mapping?
    do {
      root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))?.mapping
    } catch {
      throw .malformed(path: path, reason: "\(error)")
    }
    guard let root, let attributes = root["attributes"]?.mapping else {
      throw .malformed(path: path, reason: "no `attributes:` mapping at the top level")
    }
    var table: [String: Set<String>] = [:]
    for (key, value) in attributes {
      guard let gold = key.string else { continue }
      if let one = value.string {
        table[gold] = [one]
      } else if let list = value.sequence?.compactMap(\.string) {
        table[gold] = Set(list)
      } else {
        throw .malformed(path: path, reason: "attribute \(gold): expected a checker attribute or a list of them")
      }
    }
    let unlisted = root["unlisted"]?.string ?? "any"
    guard unlisted == "any" || unlisted == "none" else { throw .malformed(path: path, reason: "`unlisted` is `any` or `none`, not \(unlisted)") }
    return GoldAttributeMap(table: table, unlistedMatchesAny: unlisted == "any")
  }

  /// Whether a checker claim of `attribute` may stand for a gold claim of `gold`.
  package func accepts(_ attribute: String, for gold: String) -> Bool {
    guard let allowed = table[gold] else { return unlistedMatchesAny }
    return allowed.contains(attribute) || allowed.contains("any")
  }

  /// Whether the table lists `gold`.
  package func lists(_ gold: String) -> Bool { table[gold] != nil }
}
