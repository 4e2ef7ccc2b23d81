import Foundation

/// A generated corpus of one size: many ~3 KB article files, or one large file.
struct Corpus {
  enum Kind: String { case files, single }
  let kind: Kind
  let megabytes: Int
  /// The directory (files) or the file (single) given to every engine.
  let path: String
  /// The files, in the order the plain scans read them.
  let files: [String]
  let bytes: Int
  let articles: Int
}

/// Writes every corpus of a run in one pass over the generated articles: article `i` is the same in every
/// corpus, so each smaller corpus is a prefix of the larger ones.
enum CorpusWriter {
  static let filesPerDirectory = 1000

  static func write(generator: CorpusGenerator, root: String, fileSizes: [Int], singleSizes: [Int]) throws
    -> (files: [Int: Corpus], single: [Int: Corpus])
  {
    let manager = FileManager.default
    try manager.createDirectory(atPath: root, withIntermediateDirectories: true)

    final class SingleFile {
      let megabytes: Int
      let path: String
      let handle: FileHandle
      var buffer: [UInt8] = []
      var bytes = 0
      var articles = 0
      init(megabytes: Int, path: String) throws {
        self.megabytes = megabytes
        self.path = path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot write \(path)") }
        self.handle = handle
      }
      func append(_ bytes: [UInt8]) {
        buffer += bytes
        self.bytes += bytes.count
        if buffer.count >= 1 << 22 { flush() }
      }
      func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
      }
    }

    struct FileSet {
      let megabytes: Int
      let directory: String
      var files: [String] = []
      var bytes = 0
    }

    var fileSets = try fileSizes.sorted().map { size -> FileSet in
      let directory = (root as NSString).appendingPathComponent("files-\(size)MB")
      try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      return FileSet(megabytes: size, directory: directory)
    }
    let singles = try singleSizes.sorted().map { size in
      try SingleFile(megabytes: size, path: (root as NSString).appendingPathComponent("single-\(size)MB.md"))
    }

    var index = 0
    while fileSets.contains(where: { $0.bytes < $0.megabytes * 1_000_000 })
      || singles.contains(where: { $0.bytes < $0.megabytes * 1_000_000 })
    {
      let article = generator.article(index)
      if fileSets.contains(where: { $0.bytes < $0.megabytes * 1_000_000 }) {
        let bytes = article.bytes
        let data = Data(bytes)
        let subdirectory = String(format: "d%04d", index / filesPerDirectory)
        let name = String(format: "a%07d-%@.md", index, article.language)
        for set in fileSets.indices where fileSets[set].bytes < fileSets[set].megabytes * 1_000_000 {
          let directory = (fileSets[set].directory as NSString).appendingPathComponent(subdirectory)
          if index % filesPerDirectory == 0 {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
          }
          let path = (directory as NSString).appendingPathComponent(name)
          guard manager.createFile(atPath: path, contents: data) else { throw BenchmarkError("cannot write \(path)") }
          fileSets[set].files.append(path)
          fileSets[set].bytes += bytes.count
        }
      }
      // The large file: the first article with its front matter, then every article as a heading and its body.
      let framed: [UInt8] = index == 0 ? article.bytes : Array("\n\n# \(article.title)\n\n".utf8) + article.body
      for single in singles where single.bytes < single.megabytes * 1_000_000 {
        single.append(framed)
        single.articles += 1
      }
      index += 1
    }
    for single in singles {
      single.flush()
      try single.handle.close()
    }
    var files: [Int: Corpus] = [:]
    for set in fileSets {
      files[set.megabytes] = Corpus(kind: .files, megabytes: set.megabytes, path: set.directory, files: set.files,
                                    bytes: set.bytes, articles: set.files.count)
    }
    var single: [Int: Corpus] = [:]
    for file in singles {
      single[file.megabytes] = Corpus(kind: .single, megabytes: file.megabytes, path: file.path, files: [file.path],
                                      bytes: file.bytes, articles: file.articles)
    }
    return (files, single)
  }
}
