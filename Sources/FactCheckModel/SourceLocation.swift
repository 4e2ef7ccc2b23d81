/// A position in a file: path, 1-based line and 1-based column counted in Unicode scalars.
///
/// Columns count Unicode scalars, as Yams and libYAML do and as SARIF's `unicodeCodePoints` column kind
/// expects, so `é` is one column whatever its UTF-8 length.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The file, as the user named it.
  public var path: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, in Unicode scalars.
  public var column: Int

  /// Creates a location.
  ///
  /// - Parameters:
  ///   - path: The file, as the user named it.
  ///   - line: The 1-based line.
  ///   - column: The 1-based column, in Unicode scalars.
  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `path:line:column`, the form editors and terminals turn into links.
  public var description: String { "\(path):\(line):\(column)" }

  /// By path, then line, then column: the order reports list findings in.
  ///
  /// - Parameters:
  ///   - lhs: A location.
  ///   - rhs: Another.
  /// - Returns: `true` when `lhs` comes first.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }
}
