import FactCheckModel
import FactCheckRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file to read: the name reports show, and the bytes the file system knows it by.
///
/// The two differ when a file name is not valid UTF-8 (`caf\xE9.md`, written by an old Latin-1 system): a
/// Swift `String` would replace the bad byte with U+FFFD and no longer name the file, so the loader opens
/// ``systemPath`` and reports show ``path``, with each invalid byte escaped as `\xNN`.
package struct InputFile: Hashable, Sendable, CustomStringConvertible {
  /// The path as reports show it: the path given, or found under a given directory; invalid UTF-8 escaped.
  package var path: String
  /// The path's bytes as the file system knows them (no terminating NUL).
  package var systemPath: [UInt8]

  /// A file named by a path that is valid UTF-8 (every Swift `String` is).
  package init(path: String) {
    self.path = path
    self.systemPath = Array(path.utf8)
  }

  /// A file named by raw bytes, shown under an escaped name when they are not valid UTF-8.
  package init(systemPath: [UInt8]) {
    self.systemPath = systemPath
    self.path = InputFile.displayName(systemPath)
  }

  private init(path: String, systemPath: [UInt8]) {
    self.path = path
    self.systemPath = systemPath
  }

  package var description: String { path }

  /// The file name after the last `/`, as bytes.
  package var lastComponent: ArraySlice<UInt8> {
    guard let slash = systemPath.lastIndex(of: UInt8(ascii: "/")) else { return systemPath[...] }
    return systemPath[(slash + 1)...]
  }

  /// `directory/name`, bytes and display alike.
  package func appending(_ name: [UInt8]) -> InputFile {
    var system = systemPath
    if system.last != UInt8(ascii: "/") { system.append(UInt8(ascii: "/")) }
    system += name
    // The part already shown keeps its display form; only the new name is decoded.
    return InputFile(path: (path.hasSuffix("/") ? path : path + "/") + InputFile.displayName(name), systemPath: system)
  }

  /// Calls `body` with the path as a C string.
  package func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
    try (systemPath + [0]).withUnsafeBufferPointer { buffer in
      try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
    }
  }

  /// The bytes decoded as UTF-8, each byte that is not part of a valid sequence shown as `\xNN`.
  package static func displayName(_ bytes: some Collection<UInt8>) -> String {
    if let valid = String(validating: bytes, as: UTF8.self) { return valid }
    return escapingInvalidBytes(Array(bytes))
  }

  /// Decodes sequence by sequence, escaping each byte that starts no valid sequence.
  private static func escapingInvalidBytes(_ array: [UInt8]) -> String {
    var result = ""
    var index = 0
    while index < array.count {
      let lead = array[index]
      let length: Int
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      if length > 0, index + length <= array.count, let scalar = String(validating: array[index..<(index + length)], as: UTF8.self) {
        result += scalar
        index += length
      } else {
        result += "\\x" + String(lead, radix: 16, uppercase: true).leftPadded(to: 2)
        index += 1
      }
    }
    return result
  }
}

/// The identity of a file whatever the path to it: device and inode.
package struct FileIdentity: Hashable, Sendable {
  package let device: UInt64
  package let inode: UInt64

  package init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}

extension String {
  /// The string padded with leading zeros to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
