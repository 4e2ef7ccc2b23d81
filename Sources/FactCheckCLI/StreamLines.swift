import FactCheck
import Foundation

/// Reads a file or standard input line by line, in chunks, so that a claim stream larger than memory
/// allows is never held whole.
enum StreamLines {
  /// Calls `body` with each line (without its `\n`) and its 1-based number.
  ///
  /// - Parameters:
  ///   - path: A file, or `-` for standard input.
  ///   - body: Receives each line; what it throws ends the reading.
  /// - Throws: ``RunError`` when the file cannot be opened or read, and what `body` throws.
  static func forEach(in path: String, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw RunError("cannot read \(path): \(String(cString: strerror(errno)))") }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var pending: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var number = 0
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw RunError("cannot read \(name(path)): \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      var start = 0
      for index in 0..<count where chunk[index] == UInt8(ascii: "\n") {
        number += 1
        if pending.isEmpty {
          try body(chunk[start..<index], number)
        } else {
          pending += chunk[start..<index]
          try body(pending[...], number)
          pending.removeAll(keepingCapacity: true)
        }
        start = index + 1
      }
      pending += chunk[start..<count]
    }
    if !pending.isEmpty { try body(pending[...], number + 1) }
  }

  /// How errors name a stream: `<stdin>` for `-`.
  static func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// Writes lines to standard output, each followed by `\n`.
  static func write(_ lines: [String]) throws(RunError) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
    for line in lines {
      bytes += line.utf8
      bytes.append(UInt8(ascii: "\n"))
    }
    if let code = ReportFileWriter.writeAll(bytes, to: STDOUT_FILENO) {
      throw RunError("cannot write to standard output: \(String(cString: strerror(code)))")
    }
  }
}
