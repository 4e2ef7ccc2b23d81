import Foundation
import PatternMatching

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
