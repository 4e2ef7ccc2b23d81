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
  /// Larger files are skipped rather than read: checking one takes several times its size in memory.
  public var maxBytes = 512 << 20
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
        let before = (files.count, skipped.count)
        walk(path, into: &files, skipped: &skipped)
        if (files.count, skipped.count) == before {
          let names = extensions.sorted().map { "." + $0 }.joined(separator: ", ")
          skipped.append((path, "directory holds no articles (\(names))"))
        }
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
  ///
  /// Only regular files are read: a named pipe would block the run forever and a device such as
  /// `/dev/zero` never ends.
  public func load(path: String) -> Outcome {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let missing = errno == ENOENT
      return .skipped(path: path, reason: missing ? "no such file" : "unreadable (\(String(cString: strerror(errno))))")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .skipped(path: path, reason: "is a directory")
    case S_IFIFO: return .skipped(path: path, reason: "not a regular file (named pipe)")
    case S_IFSOCK: return .skipped(path: path, reason: "not a regular file (socket)")
    default: return .skipped(path: path, reason: "not a regular file (device)")
    }
    if Int(info.st_size) > maxBytes {
      return .skipped(path: path, reason: "too large (\(info.st_size) bytes; the limit is \(maxBytes >> 20) MiB)")
    }
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
    // Before the NUL test: UTF-16 text is full of NUL bytes, and deserves a more useful reason.
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .skipped(path: path, reason: "UTF-16 text is not supported; convert it to UTF-8")
    }
    if bytes.prefix(65_536).contains(0) { return .skipped(path: path, reason: "binary (contains NUL bytes)") }
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
  /// Larger front matter is ignored with a warning: real front matter is a few lines.
  static let maxBytes = 64 << 10
  /// Deeper front matter is ignored with a warning: it is a flat mapping.
  static let maxDepth = 16
  /// Front matter expanding (through aliases) to more nodes is ignored with a warning.
  static let maxNodes = 10_000

  var title: String?
  var published: Day?
  var language: String?
  var source: String?
  var bodyRange: Range<Int>
  var warnings: [String] = []

  static func parse(_ text: String) -> FrontMatter {
    var result = FrontMatter(bodyRange: 0..<text.utf8.count)
    // Bytes, not characters: "\r\n" is one Character, so `hasPrefix("---\r")` would miss CRLF.
    guard text.utf8.starts(with: Array("---\n".utf8)) || text.utf8.starts(with: Array("---\r".utf8)) else { return result }
    // The usual front matter is a few hundred bytes: look at the start, and at the rest only if needed
    // (an oversized one must still be found, to be refused with a warning).
    var head = Array(text.utf8.prefix(4096))
    if !head.isEmpty, !String(decoding: head, as: UTF8.self).contains("\n---") && !String(decoding: head, as: UTF8.self).contains("\r---") {
      head = Array(text.utf8)
    }
    // Lines end with \n, \r\n or a lone \r; the closing "---" (or "...") is within the first 200.
    func lineEnd(from start: Int) -> (end: Int, next: Int) {
      var i = start
      while i < head.count && head[i] != 0x0A && head[i] != 0x0D { i += 1 }
      if i < head.count && head[i] == 0x0D && i + 1 < head.count && head[i + 1] == 0x0A { return (i, i + 2) }
      return (i, min(i + 1, head.count))
    }
    let yamlStart = lineEnd(from: 0).next
    var lineStart = yamlStart
    var closing: (yamlEnd: Int, bodyStart: Int)?
    var lines = 0
    while lineStart < head.count && lines < 200 {
      let (end, next) = lineEnd(from: lineStart)
      let content = String(decoding: head[lineStart..<end], as: UTF8.self).trimmingWhitespace()
      if content == "---" || content == "..." {
        closing = (lineStart, next)
        break
      }
      lineStart = next
      lines += 1
    }
    guard let closing else { return result }
    result.bodyRange = closing.bodyStart..<text.utf8.count
    guard closing.yamlEnd - yamlStart <= maxBytes else {
      result.warnings.append("front matter is larger than \(maxBytes >> 10) KiB; ignored")
      return result
    }
    let yaml = String(decoding: head[yamlStart..<closing.yamlEnd], as: UTF8.self)
    var fields = simpleFields(yaml)
    if fields == nil {
      // Yams recurses per nesting level and expands aliases when hashing keys: check first.
      if YAMLPreflight.check(yaml, maxDepth: maxDepth, maxNodes: maxNodes) != nil {
        result.warnings.append("front matter nests too deeply or expands too far (aliases); ignored")
        return result
      }
      fields = yamlFields(yaml)
    }
    guard let fields else {
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
    for line in yaml.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
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
