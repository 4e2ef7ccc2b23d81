/// How FactCheck names itself in reports that record their producer (SARIF's `tool.driver`,
/// ClaimReview's `author`).
public enum ToolInfo {
  /// The tool's name.
  public static let name = "FactCheck"
  /// The tool's version, in SARIF's `tool.driver.version`.
  public static let version = "0.1.0"
  /// Where to read about the tool: SARIF viewers link the tool name to it. Change it here when the
  /// project gets a public home page.
  public static let informationURI = "https://github.com/factcheck/factcheck"
}
