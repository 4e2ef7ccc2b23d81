import FactCheck
import Foundation

/// The paths of the command line as the file system knows them.
///
/// Swift decodes `argv` as UTF-8, replacing each invalid byte with U+FFFD, which then names no file: a
/// path typed or globbed from a Latin-1 name (`caf\xE9.md`) is taken from the raw `argv` bytes instead.
enum CommandLinePaths {
  static func files(_ paths: [String]) -> [InputFile] {
    let raw: [[UInt8]] = (0..<Int(CommandLine.argc)).compactMap { index in
      guard let argument = CommandLine.unsafeArgv[index] else { return nil }
      return Array(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument)))
    }
    return paths.map { path in
      guard path.unicodeScalars.contains("\u{FFFD}"),
        let bytes = raw.first(where: { String(decoding: $0, as: UTF8.self) == path && String(validating: $0, as: UTF8.self) == nil })
      else { return InputFile(path: path) }
      return InputFile(systemPath: bytes)
    }
  }
}
