import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// How FactCheck names itself in reports that record their producer (SARIF's `tool.driver`,
/// ClaimReview's default `author`).
package enum ToolInfo {
  /// The tool's name.
  package static let name = "FactCheck"
  /// The tool's version, in SARIF's `tool.driver.version`.
  package static let version = "0.1.0"
  /// Where to read about the tool, for SARIF viewers that link the tool name to it. `nil` while the project
  /// has no public home: reports then leave the field out rather than name a made-up address.
  package static let informationURI: String? = nil
}
