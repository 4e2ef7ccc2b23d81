import FactCheckModel
import FactCheckRules
import Foundation
import PatternMatching

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one place that reads articles from disk: files and directories in, ``Article``s or skip reasons out.
///
/// Every path given is accounted for: a directory is walked (symlink loops and unreadable entries are
/// reported, not followed forever), and each file ends up either as an article or as a skipped input
/// with a reason. Invalid UTF-8 is repaired with U+FFFD and a warning, so positions stay right.
package struct ArticleLoader: Sendable {
  /// What reading one file gave.
  package enum Outcome: Sendable {
    /// An article to check.
    case article(Article)
    /// A path that is not checked, and why.
    case skipped(path: String, reason: String)
  }

  /// Extensions read when walking a directory.
  package var extensions: Set<String> = ["txt", "md", "markdown", "text"]
  /// Language to assume when detection is inconclusive.
  package var fallbackLanguage: String = "en"
  /// Publication date to use for articles that declare none (`--published`).
  package var defaultPublished: Day?
  /// Larger files are skipped rather than read: checking one takes several times its size in memory.
  package var maxBytes = 512 << 20
  /// Function words per language, for detection.
  package let detector: LanguageDetector
  /// Front-matter values that say a date is not known, of every language (the article's is not known yet).
  package let unknownValues: Set<String>

  /// Creates a loader that detects the languages of `lexicons`.
  package init(lexicons: [String: Lexicon], defaultPublished: Day? = nil) {
    self.detector = LanguageDetector(lexicons: lexicons)
    unknownValues = Set(lexicons.values.flatMap { $0.unknownValues.map { $0.lowercased() } })
    self.defaultPublished = defaultPublished
    if let first = lexicons.keys.sorted().first, lexicons["en"] == nil { fallbackLanguage = first }
  }

  /// Expands the given paths into the files to read, and every other path met with its reason (see
  /// `InputWalker`).
  package func inputs(_ paths: [String]) -> InputList { InputWalker.expand(paths, extensions: extensions) }

  /// Expands the given files (raw names allowed) into the files to read, and every other path met.
  package func inputs(_ files: [InputFile]) -> InputList { InputWalker.expand(files, extensions: extensions) }

  /// Reads one file named by a UTF-8 path.
  package func load(path: String) -> Outcome { load(InputFile(path: path)) }

  /// Reads one file.
  ///
  /// Only regular files are read: a named pipe would block the run forever and a device such as
  /// `/dev/zero` never ends. The type is checked on the open descriptor, and reading stops at
  /// ``maxBytes`` even when the file grows after it was measured: a log being appended to, or an attack.
  package func load(_ file: InputFile) -> Outcome {
    let path = file.path
    let descriptor = file.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: return .skipped(path: path, reason: "no such file")
      case EACCES, EPERM: return .skipped(path: path, reason: "unreadable (permission denied)")
      case ELOOP: return .skipped(path: path, reason: "symbolic-link loop")
      default: return .skipped(path: path, reason: "unreadable (\(String(cString: strerror(errno))))")
      }
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .skipped(path: path, reason: "unreadable (\(String(cString: strerror(errno))))")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .skipped(path: path, reason: "is a directory")
    case S_IFIFO: return .skipped(path: path, reason: "not a regular file (named pipe)")
    case S_IFSOCK: return .skipped(path: path, reason: "not a regular file (socket)")
    default: return .skipped(path: path, reason: "not a regular file (device)")
    }
    if Int(info.st_size) > maxBytes { return .skipped(path: path, reason: tooLarge(Int(info.st_size))) }
    switch ArticleLoader.readAll(descriptor, expected: Int(info.st_size), cap: maxBytes) {
    case .bytes(let bytes): return load(path: path, bytes: bytes)
    case .tooLarge(let read): return .skipped(path: path, reason: tooLarge(read, grew: true))
    case .failed(let code): return .skipped(path: path, reason: "unreadable (\(String(cString: strerror(code))))")
    }
  }

  private func tooLarge(_ size: Int, grew: Bool = false) -> String {
    let measured = grew ? "over \(maxBytes) bytes, grown while being read" : "\(size) bytes"
    let limit = maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0 ? "\(maxBytes >> 20) MiB" : "\(maxBytes) bytes"
    return "too large (\(measured); the limit is \(limit))"
  }

  /// What reading a descriptor to its end gave.
  private enum ReadResult {
    case bytes([UInt8])
    /// More than the cap: reading stopped after `read` bytes.
    case tooLarge(read: Int)
    case failed(errno: Int32)
  }

  /// Reads to the end, or until one byte past `cap`, whichever comes first.
  private static func readAll(_ descriptor: Int32, expected: Int, cap: Int) -> ReadResult {
    var bytes = [UInt8](repeating: 0, count: min(cap, max(expected, 0)) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        if count > cap { return .tooLarge(read: count) }
        bytes += [UInt8](repeating: 0, count: min(cap + 1, max(count * 2, 4096)) - count)
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN { return .failed(errno: EAGAIN) }
        return .failed(errno: errno)
      }
      if got == 0 { break }
      count += got
    }
    if count > cap { return .tooLarge(read: count) }
    bytes.removeSubrange(count...)
    return .bytes(bytes)
  }

  /// Builds an article from bytes (tests and embedding use this directly).
  package func load(path: String, bytes input: [UInt8]) -> Outcome {
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
    // Decoding checks every byte; a text it had to repair no longer holds the same bytes. Comparing them is
    // a `memcmp`, where a second check of every byte cost nine instructions a byte.
    let text = String(decoding: bytes, as: UTF8.self)
    let repaired = text.utf8.withContiguousStorageIfAvailable { decoded in
      decoded.count != bytes.count || bytes.withUnsafeBufferPointer { memcmp(decoded.baseAddress!, $0.baseAddress!, decoded.count) != 0 }
    } ?? true
    if repaired, let invalid = UTF8Subject.firstInvalidOffset(in: bytes) {
      let position = LineIndex(Array(bytes[..<invalid])).position(of: invalid)
      warnings.append("invalid UTF-8 at \(position.line):\(position.column) (and maybe further), replaced with U+FFFD")
    }
    let frontMatter = FrontMatter.parse(text, unknownValues: unknownValues)
    warnings += frontMatter.warnings
    let body = frontMatter.bodyRange
    let detectedLanguage = frontMatter.language == nil ? detector.detect(text, range: frontMatter.detectionRange) : nil
    let language = frontMatter.language?.lowercased() ?? detectedLanguage ?? fallbackLanguage
    var published = frontMatter.published
    var publishedSource: String? = published == nil ? nil : "front-matter"
    if published == nil, let fallback = defaultPublished {
      published = fallback
      publishedSource = "option"
    }
    var article = Article(path: path, text: text, language: language, published: published, publishedSource: publishedSource,
                          title: frontMatter.title, source: frontMatter.source, bodyRange: body, warnings: warnings)
    article.languageIsGuessed = frontMatter.language == nil && detectedLanguage == nil
    article.url = frontMatter.url
    article.author = frontMatter.author
    return .article(article)
  }
}
