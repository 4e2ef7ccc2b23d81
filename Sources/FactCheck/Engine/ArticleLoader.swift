import Foundation
import PatternMatching
import Yams

/// The one place that reads articles from disk: files and directories in, ``Article``s or skip reasons out.
///
/// Every path given is accounted for: a directory is walked (symlink loops and unreadable entries are
/// reported, not followed forever), and each file ends up either as an article or as a skipped input
/// with a reason. Invalid UTF-8 is repaired with U+FFFD and a warning, so positions stay right.
public struct ArticleLoader: Sendable {
  /// What reading one file gave.
  public enum Outcome: Sendable {
    /// An article to check.
    case article(Article)
    /// A path that is not checked, and why.
    case skipped(path: String, reason: String)
  }

  /// Extensions read when walking a directory.
  public var extensions: Set<String> = ["txt", "md", "markdown", "text"]
  /// Language to assume when detection is inconclusive.
  public var fallbackLanguage: String = "en"
  /// Publication date to use for articles that declare none (`--published`).
  public var defaultPublished: Day?
  /// Function words per language, for detection.
  let detector: LanguageDetector

  /// Creates a loader that detects the languages of `lexicons`.
  public init(lexicons: [String: Lexicon], defaultPublished: Day? = nil) {
    self.detector = LanguageDetector(lexicons: lexicons)
    self.defaultPublished = defaultPublished
    if let first = lexicons.keys.sorted().first, lexicons["en"] == nil { fallbackLanguage = first }
  }

  /// Expands the given paths into the files to read, and the paths that cannot be read at all.
  public func inputs(_ paths: [String]) -> (files: [String], skipped: [(path: String, reason: String)]) {
    var files: [String] = []
    var skipped: [(String, String)] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        // A dangling symlink exists as a link but not as a file.
        if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil {
          skipped.append((path, "broken symbolic link"))
        } else {
          skipped.append((path, "no such file or directory"))
        }
        continue
      }
      if isDirectory.boolValue {
        walk(path, into: &files, skipped: &skipped)
      } else {
        files.append(path)
      }
    }
    return (files, skipped)
  }

  private func walk(_ root: String, into files: inout [String], skipped: inout [(String, String)]) {
    let manager = FileManager.default
    var visited = Set<String>()
    var stack = [root]
    while let directory = stack.popLast() {
      let real = (directory as NSString).resolvingSymlinksInPath
      guard visited.insert(real).inserted else {
        skipped.append((directory, "symbolic link loop (directory already visited)"))
        continue
      }
      let entries: [String]
      do {
        entries = try manager.contentsOfDirectory(atPath: directory).sorted()
      } catch {
        skipped.append((directory, "unreadable directory"))
        continue
      }
      var subdirectories: [String] = []
      for entry in entries where !entry.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(entry)
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
          skipped.append((path, "broken symbolic link"))
          continue
        }
        if isDirectory.boolValue {
          subdirectories.append(path)
        } else if extensions.contains((entry as NSString).pathExtension.lowercased()) {
          files.append(path)
        }
      }
      stack += subdirectories.reversed()
    }
  }

  /// Reads one file.
  public func load(path: String) -> Outcome {
    guard FileManager.default.isReadableFile(atPath: path),
      let handle = FileHandle(forReadingAtPath: path)
    else {
      return .skipped(path: path, reason: FileManager.default.fileExists(atPath: path) ? "unreadable (permission denied)" : "no such file")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.readToEnd() ?? Data()
    } catch {
      return .skipped(path: path, reason: "unreadable (\(error.localizedDescription))")
    }
    return load(path: path, bytes: [UInt8](data))
  }

  /// Builds an article from bytes (tests and embedding use this directly).
  public func load(path: String, bytes input: [UInt8]) -> Outcome {
    var bytes = input
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return .skipped(path: path, reason: bytes.isEmpty ? "empty" : "whitespace only")
    }
    if bytes.prefix(65_536).contains(0) { return .skipped(path: path, reason: "binary (contains NUL bytes)") }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .skipped(path: path, reason: "UTF-16 text is not supported; convert it to UTF-8")
    }
    var warnings: [String] = []
    var text: String
    if let invalid = UTF8Subject.firstInvalidOffset(in: bytes) {
      let position = LineIndex(Array(bytes[..<invalid])).position(of: invalid)
      text = String(decoding: bytes, as: UTF8.self)
      warnings.append("invalid UTF-8 at \(position.line):\(position.column) (and maybe further), replaced with U+FFFD")
    } else {
      text = String(decoding: bytes, as: UTF8.self)
    }
    let frontMatter = FrontMatter.parse(text)
    warnings += frontMatter.warnings
    let body = frontMatter.bodyRange
    let language = frontMatter.language?.lowercased() ?? detector.detect(text, range: body) ?? fallbackLanguage
    var published = frontMatter.published
    var publishedSource: String? = published == nil ? nil : "front-matter"
    if published == nil, let fallback = defaultPublished {
      published = fallback
      publishedSource = "option"
    }
    return .article(Article(path: path, text: text, language: language, published: published, publishedSource: publishedSource,
                            title: frontMatter.title, source: frontMatter.source, bodyRange: body, warnings: warnings))
  }
}

/// YAML front matter between `---` lines at the top of an article (Jekyll, Hugo, Eleventy convention).
struct FrontMatter {
  var title: String?
  var published: Day?
  var language: String?
  var source: String?
  var bodyRange: Range<Int>
  var warnings: [String] = []

  static func parse(_ text: String) -> FrontMatter {
    var result = FrontMatter(bodyRange: 0..<text.utf8.count)
    guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return result }
    let bytes = Array(text.utf8.prefix(64 * 1024))
    // The closing "---" (or "...") line, within the first 200 lines.
    var lineStart = text.hasPrefix("---\r\n") ? 5 : 4
    let yamlStart = lineStart
    var closing: (yamlEnd: Int, bodyStart: Int)?
    var lines = 0
    while lineStart < bytes.count && lines < 200 {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let content = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).trimmingWhitespace()
      if content == "---" || content == "..." {
        closing = (lineStart, min(lineEnd + 1, text.utf8.count))
        break
      }
      lineStart = lineEnd + 1
      lines += 1
    }
    guard let closing else { return result }
    result.bodyRange = closing.bodyStart..<text.utf8.count
    let yaml = String(decoding: bytes[yamlStart..<closing.yamlEnd], as: UTF8.self)
    guard let fields = simpleFields(yaml) ?? yamlFields(yaml) else {
      result.warnings.append("front matter is not a YAML mapping; ignored")
      return result
    }
    for (key, string) in fields {
      switch key.lowercased() {
      case "title": result.title = string
      case "published", "date", "pubdate", "publication_date":
        result.published = Day(iso: string)
        if result.published == nil { result.warnings.append("front matter date '\(string)' is not YYYY-MM-DD; ignored") }
      case "language", "lang", "locale": result.language = String(string.prefix(2)).lowercased()
      case "source", "outlet", "publisher": result.source = string
      default: break
      }
    }
    return result
  }

  /// The common case read without a YAML parser: one `key: value` per line, values plain or quoted.
  /// Returns `nil` for anything else (lists, blocks, escapes), which then goes through Yams.
  static func simpleFields(_ yaml: String) -> [(String, String)]? {
    var fields: [(String, String)] = []
    for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return nil }
      let key = String(line[..<colon]).trimmingWhitespace()
      var value = String(line[line.index(after: colon)...]).trimmingWhitespace()
      guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
      if value.hasPrefix("\"") {
        guard value.count >= 2, value.hasSuffix("\""), !value.dropFirst().dropLast().contains("\\"), !value.dropFirst().dropLast().contains("\"") else { return nil }
        value = String(value.dropFirst().dropLast())
      } else if value.hasPrefix("'") {
        guard value.count >= 2, value.hasSuffix("'") else { return nil }
        value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
      } else if value.hasPrefix("[") || value.hasPrefix("{") || value.hasPrefix("|") || value.hasPrefix(">") || value.hasPrefix("&")
        || value.hasPrefix("*") || value.contains(" #")
      {
        return nil
      }
      fields.append((key, value))
    }
    return fields
  }

  /// Anything richer, through Yams: the scalar values of a top-level mapping.
  static func yamlFields(_ yaml: String) -> [(String, String)]? {
    guard let node = try? Yams.compose(yaml: yaml), case .mapping(let mapping) = node else { return nil }
    return mapping.compactMap { key, value in
      guard let key = key.scalar?.string, let string = value.scalar?.string else { return nil }
      return (key, string)
    }
  }
}

/// Guesses an article's language from the function words of each lexicon.
struct LanguageDetector: Sendable {
  let words: [String: Set<String>]

  init(lexicons: [String: Lexicon]) {
    words = lexicons.mapValues { Set($0.functionWords.map { $0.lowercased() }) }
  }

  /// The language whose function words are most frequent in the first 20 KB of the body.
  func detect(_ text: String, range: Range<Int>) -> String? {
    guard !words.isEmpty else { return nil }
    let bytes = Array(text.utf8)
    let end = min(range.upperBound, range.lowerBound + 20_000)
    let sample = String(decoding: bytes[range.lowerBound..<max(range.lowerBound, end)], as: UTF8.self).lowercased()
    var counts: [String: Int] = [:]
    for token in sample.split(whereSeparator: { !$0.isLetter }) {
      let word = String(token)
      for (language, set) in words where set.contains(word) { counts[language, default: 0] += 1 }
    }
    guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), best.value >= 3 else {
      return nil
    }
    return best.key
  }
}
