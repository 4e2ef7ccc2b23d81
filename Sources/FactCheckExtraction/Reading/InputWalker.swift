import FactCheckModel
import FactCheckRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The paths of a run expanded: the files to read, and every other path met, with the reason it is not read.
package struct InputList: Sendable {
  /// Files to read, in the order found: each file once, whatever links lead to it.
  package var files: [InputFile] = []
  /// Paths not read: missing, unreadable, and (``DocumentReport/isPassedOver``) what a walk passed over.
  package var skipped: [DocumentReport] = []
  /// The canonical paths (`realpath`) of the directories walked.
  package var walkedDirectories: [String] = []

  /// An empty list.
  package init() {}
}

/// Expands the paths given to a run into the files to check, accounting for every path it meets.
///
/// A walk is finite and exact: each directory is entered once (device + inode remembered), a symbolic link
/// back into a directory being walked, or up to one that holds it (`ln -s ..`), is a `symbolic-link loop`,
/// and a file reached twice (a link, a hard link, a file given and also found in a given directory) is read
/// once. Hidden entries and files with other extensions are listed as passed over, so that nothing in a
/// walked directory goes unmentioned; names that are not valid UTF-8 are read and shown escaped.
package struct InputWalker {
  /// Extensions of the files a walk takes as articles (lower case, no dot).
  package let extensions: Set<String>

  private var list = InputList()
  private var seenFiles: [FileIdentity: String] = [:]
  private var walkedDirectories: [FileIdentity: String] = [:]

  package init(extensions: Set<String>) { self.extensions = extensions }

  /// The files and skipped paths of `paths`, each path given read as UTF-8.
  package static func expand(_ paths: [String], extensions: Set<String>) -> InputList {
    expand(paths.map(InputFile.init(path:)), extensions: extensions)
  }

  /// The files and skipped paths of `inputs`.
  package static func expand(_ inputs: [InputFile], extensions: Set<String>) -> InputList {
    var walker = InputWalker(extensions: extensions)
    for input in inputs { walker.add(given: input) }
    walker.list.walkedDirectories = walker.walkedDirectories.values.sorted()
    return walker.list
  }

  // MARK: - Paths given

  private mutating func add(given input: InputFile) {
    var info = stat()
    guard input.withCString({ stat($0, &info) }) == 0 else {
      let error = errno
      var link = stat()
      if input.withCString({ lstat($0, &link) }) == 0 && link.st_mode & S_IFMT == S_IFLNK {
        skip(input, error == ELOOP ? "symbolic-link loop" : "broken symbolic link")
      } else if error == ENOENT || error == ENOTDIR {
        skip(input, "no such file or directory")
      } else {
        skip(input, "unreadable (\(String(cString: strerror(error))))")
      }
      return
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      let filesBefore = list.files.count
      walk(input, identity: FileIdentity(info))
      if list.files.count == filesBefore && !list.skipped.contains(where: { $0.path == input.path }) {
        let names = extensions.sorted().map { "." + $0 }.joined(separator: ", ")
        skip(input, "directory holds no articles (\(names))")
      }
    } else {
      addFile(input, info)
    }
  }

  /// Takes a file unless the same file was taken already.
  private mutating func addFile(_ file: InputFile, _ info: stat) {
    // Devices and pipes are listed for the loader to refuse by type; only regular files can repeat.
    if info.st_mode & S_IFMT == S_IFREG {
      let identity = FileIdentity(info)
      if let first = seenFiles[identity] {
        // The same path given twice, or given and found again in a directory given, is one input.
        if first != file.path { skip(file, "same file as \(first)", passedOver: true) }
        return
      }
      seenFiles[identity] = file.path
    }
    list.files.append(file)
  }

  private mutating func skip(_ file: InputFile, _ reason: String, passedOver: Bool = false) {
    list.skipped.append(DocumentReport(path: file.path, status: .skipped, reason: reason, isPassedOver: passedOver))
  }

  // MARK: - Walking

  /// A directory on the walk's stack, with the identities of the directories above it.
  private struct PendingDirectory {
    var file: InputFile
    var identity: FileIdentity
    var canonicalPath: String
  }

  private mutating func walk(_ root: InputFile, identity: FileIdentity) {
    if let first = walkedDirectories[identity] {
      skip(root, "same directory as \(first)", passedOver: true)
      return
    }
    var stack = [PendingDirectory(file: root, identity: identity, canonicalPath: InputWalker.canonicalPath(root) ?? root.path)]
    walkedDirectories[identity] = stack[0].canonicalPath
    while let directory = stack.popLast() {
      guard let names = InputWalker.entries(of: directory.file) else {
        skip(directory.file, "unreadable directory (\(String(cString: strerror(errno))))")
        continue
      }
      var subdirectories: [PendingDirectory] = []
      for name in names {
        let entry = directory.file.appending(name)
        if name.first == UInt8(ascii: ".") {
          skip(entry, "hidden", passedOver: true)
          continue
        }
        var link = stat()
        var info = stat()
        guard entry.withCString({ lstat($0, &link) }) == 0 else {
          skip(entry, "unreadable (\(String(cString: strerror(errno))))")
          continue
        }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        guard entry.withCString({ stat($0, &info) }) == 0 else {
          let error = errno
          if isArticleName(name) || !isLink {
            skip(entry, error == ELOOP ? "symbolic-link loop" : isLink ? "broken symbolic link" : "unreadable (\(String(cString: strerror(error))))")
          } else {
            skip(entry, "not an article: broken symbolic link", passedOver: true)
          }
          continue
        }
        if info.st_mode & S_IFMT == S_IFDIR {
          let identity = FileIdentity(info)
          let canonical = InputWalker.canonicalPath(entry) ?? entry.path
          if let first = walkedDirectories[identity], !isLink {
            // A bind mount, or a directory reached first through a link.
            skip(entry, "same directory as \(first)", passedOver: true)
            continue
          }
          if walkedDirectories[identity] != nil || leadsUpward(canonical) {
            // A link back into the walk: following it would walk the same files again, or for ever.
            skip(entry, "symbolic-link loop", passedOver: true)
            continue
          }
          walkedDirectories[identity] = canonical
          subdirectories.append(PendingDirectory(file: entry, identity: identity, canonicalPath: canonical))
        } else if isArticleName(name) {
          addFile(entry, info)
        } else {
          skip(entry, "not an article: \(InputWalker.extensionLabel(name))", passedOver: true)
        }
      }
      stack += subdirectories.reversed()
    }
  }

  /// Whether `canonical` is a directory that holds one already walked: `ln -s ..` inside a walked tree.
  private func leadsUpward(_ canonical: String) -> Bool {
    let prefix = canonical.hasSuffix("/") ? canonical : canonical + "/"
    return walkedDirectories.values.contains { $0 == canonical || $0.hasPrefix(prefix) }
  }

  private func isArticleName(_ name: [UInt8]) -> Bool {
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return false }
    return extensions.contains(String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased())
  }

  /// `.bin`, or `no extension`.
  private static func extensionLabel(_ name: [UInt8]) -> String {
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0, dot + 1 < name.count else { return "no extension" }
    return "." + InputFile.displayName(name[(dot + 1)...])
  }

  /// The entry names of a directory, sorted by their bytes, without `.` and `..`; `nil` when it cannot be read.
  private static func entries(of directory: InputFile) -> [[UInt8]]? {
    guard let handle = directory.withCString({ opendir($0) }) else { return nil }
    defer { closedir(handle) }
    var names: [[UInt8]] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix(while: { $0 != 0 }))
      }
      if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
      names.append(name)
    }
    return names.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// `realpath` of a path, shown as UTF-8 (escaped where it is not).
  package static func canonicalPath(_ file: InputFile) -> String? {
    guard let resolved = file.withCString({ realpath($0, nil) }) else { return nil }
    defer { free(resolved) }
    let bytes = UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))
    return InputFile.displayName(bytes)
  }
}
