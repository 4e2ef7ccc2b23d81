import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A generated corpus of one size: many ~3 KB article files, or one large file.
struct Corpus {
  enum Kind: String { case files, single }
  let kind: Kind
  let megabytes: Int
  /// The directory (files) or the file (single) given to every engine.
  let path: String
  /// The files, in the order the plain scans read them (the order the pipeline's directory walk finds them).
  let files: [String]
  let bytes: Int
  let articles: Int

  var label: String { kind == .files ? "\(megabytes) MB in files" : "\(megabytes) MB single file" }
}

/// Writes a corpus. Article `i` is the same in every corpus, so each smaller corpus is a prefix of a larger one.
enum CorpusWriter {
  static let filesPerDirectory = 1000

  /// Many article files under `root/files-<size>MB/dNNNN/`.
  static func writeFiles(generator: CorpusGenerator, root: String, megabytes: Int) throws -> Corpus {
    let manager = FileManager.default
    let directory = (root as NSString).appendingPathComponent("files-\(megabytes)MB")
    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var files: [String] = []
    var bytes = 0
    var index = 0
    var subdirectory = ""
    while bytes < megabytes * 1_000_000 {
      let article = generator.article(index).bytes
      if index % filesPerDirectory == 0 {
        subdirectory = (directory as NSString).appendingPathComponent(String(format: "d%04d", index / filesPerDirectory))
        try manager.createDirectory(atPath: subdirectory, withIntermediateDirectories: true)
      }
      let path = (subdirectory as NSString).appendingPathComponent(String(format: "a%07d.md", index))
      try writeFile(path, article)
      files.append(path)
      bytes += article.count
      index += 1
    }
    return Corpus(kind: .files, megabytes: megabytes, path: directory, files: files, bytes: bytes, articles: files.count)
  }

  /// Writes a small file with plain POSIX calls (`FileManager.createFile` writes atomically, through a
  /// temporary file and a rename: several times slower for tens of thousands of files).
  static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw BenchmarkError("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      guard result > 0 else { throw BenchmarkError("cannot write \(path): \(String(cString: strerror(errno)))") }
      written += result
    }
  }

  /// One file `root/single-<size>MB.md`: the first article with its front matter, then every article as a
  /// heading and its body.
  static func writeSingle(generator: CorpusGenerator, root: String, megabytes: Int) throws -> Corpus {
    let manager = FileManager.default
    try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
    let path = (root as NSString).appendingPathComponent("single-\(megabytes)MB.md")
    _ = manager.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot write \(path)") }
    defer { try? handle.close() }
    var buffer: [UInt8] = []
    var bytes = 0
    var index = 0
    while bytes < megabytes * 1_000_000 {
      let article = generator.article(index)
      let framed = index == 0 ? article.bytes : Array("\n\n# \(article.title)\n\n".utf8) + article.body
      buffer += framed
      bytes += framed.count
      if buffer.count >= 1 << 22 {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
      }
      index += 1
    }
    try handle.write(contentsOf: buffer)
    return Corpus(kind: .single, megabytes: megabytes, path: path, files: [path], bytes: bytes, articles: index)
  }
}
