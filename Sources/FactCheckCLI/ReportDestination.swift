import FactCheck
import Foundation

/// Where one report of a run goes, decided and checked before anything is read, so that a report can never
/// replace an input, a device or anything but a regular file.
///
/// - `-` and `/dev/stdout` mean standard output.
/// - A path that does not exist yet is created in an existing directory.
/// - A symbolic link is written through to its target when that is a regular file (the link stays a
///   link); a link to anything else, or to nothing, is refused.
/// - Devices, named pipes, sockets and directories are refused.
/// - A path that is an input of the run — given, or met in a directory being checked — is refused, and so
///   is a new file with an article extension inside a directory being checked (the next run would read the
///   report as an article).
enum ReportDestination: Hashable, CustomStringConvertible {
  case standardOutput
  /// A regular file, by the path written to: a link's target, never the link.
  case file(String)

  var description: String {
    switch self {
    case .standardOutput: return "standard output"
    case .file(let path): return path
    }
  }

  /// The destination of `argument` (the PATH of `--output FORMAT=PATH`), checked against the run's inputs.
  static func resolve(_ argument: String, inputs: InputList, articleExtensions: Set<String>) throws(RunError) -> ReportDestination {
    if argument == "-" || argument == "/dev/stdout" { return .standardOutput }
    guard !argument.isEmpty else { throw RunError("--output needs a path after '='") }
    var target = argument
    var info = stat()
    if lstat(argument, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFLNK {
        guard let resolved = realpath(argument, nil) else {
          throw RunError("cannot write a report to \(argument): it is a symbolic link to a missing file")
        }
        target = String(cString: resolved)
        free(resolved)
        guard stat(target, &info) == 0 else { throw RunError("cannot write a report to \(argument): \(String(cString: strerror(errno)))") }
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw RunError("cannot write a report to \(argument): it is a directory")
      default:
        let kind = FileKind.describe(info.st_mode)
        throw RunError("cannot write a report to \(argument): it is \(kind), not a regular file; reports are written to regular files or to standard output (-)")
      }
    } else if errno == ENOENT {
      let directory = (argument as NSString).deletingLastPathComponent
      var directoryInfo = stat()
      guard stat(directory.isEmpty ? "." : directory, &directoryInfo) == 0, directoryInfo.st_mode & S_IFMT == S_IFDIR else {
        throw RunError("cannot write a report to \(argument): no such directory '\(directory)'")
      }
    } else {
      throw RunError("cannot write a report to \(argument): \(String(cString: strerror(errno)))")
    }
    try refuseInput(argument, target: target, inputs: inputs, articleExtensions: articleExtensions)
    return .file(target)
  }

  /// Refuses a report path that is, or would next time be, an input of the run.
  private static func refuseInput(_ argument: String, target: String, inputs: InputList, articleExtensions: Set<String>) throws(RunError) {
    var info = stat()
    if stat(target, &info) == 0 {
      for file in inputs.files {
        var input = stat()
        if file.withCString({ stat($0, &input) }) == 0 && input.st_dev == info.st_dev && input.st_ino == info.st_ino {
          throw RunError("refusing to write a report to \(argument): it is an input of this run (\(file.path))")
        }
      }
    }
    let canonical = canonicalPath(of: target)
    let fileExtension = (canonical as NSString).pathExtension.lowercased()
    guard articleExtensions.contains(fileExtension) else { return }
    for directory in inputs.walkedDirectories {
      let prefix = directory.hasSuffix("/") ? directory : directory + "/"
      if canonical.hasPrefix(prefix) {
        throw RunError("refusing to write a report to \(argument): it is inside \(directory), a directory being checked, and its extension .\(fileExtension) is an article's")
      }
    }
  }

  /// `realpath` of a file that may not exist yet: its directory resolved, its name kept.
  static func canonicalPath(of path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    guard let resolved = realpath(directory.isEmpty ? "." : directory, nil) else { return path }
    defer { free(resolved) }
    return (String(cString: resolved) as NSString).appendingPathComponent(name)
  }
}

/// Names of file types, for messages.
enum FileKind {
  static func describe(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFIFO: return "a named pipe"
    case S_IFSOCK: return "a socket"
    case S_IFDIR: return "a directory"
    case S_IFLNK: return "a symbolic link"
    default: return "not a regular file"
    }
  }
}
