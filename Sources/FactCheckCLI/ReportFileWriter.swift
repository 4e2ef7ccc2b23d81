import Foundation

/// Writes a report file so that it is always whole: the new report goes to a temporary file beside the
/// target, reaches the disk, and is renamed over the target in one step. A crash, `kill -9` or a full disk
/// leaves the earlier report as it was (and at worst a temporary file, named `.NAME.factcheck-XXXXXX`);
/// SIGINT and SIGTERM remove the temporary file before the process ends (``Interruption``).
///
/// A report that replaces an earlier one keeps its owner, group and mode; a new one gets the mode a new
/// file gets from the umask.
enum ReportFileWriter {
  /// Writes `text` to the regular file at `path`.
  static func write(_ text: String, to path: String) throws(RunError) { try write(Array(text.utf8), to: path) }

  /// Writes `bytes` to the regular file at `path`.
  static func write(_ bytes: [UInt8], to path: String) throws(RunError) {
    try write(to: path) { write in write(bytes) }
  }

  /// Writes to the regular file at `path` the pieces `produce` passes to the function it is given, in order
  /// (a report written as it is made, never held whole); the file appears, whole, only once all are written.
  static func write(to path: String, _ produce: (_ write: @escaping ([UInt8]) -> Void) -> Void) throws(RunError) {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let template = (directory.isEmpty ? "" : directory + "/") + "." + name + ".factcheck-XXXXXX"
    var templateBytes = Array(template.utf8CString)
    var descriptor: Int32 = -1
    var failure: Int32 = 0
    // Created and recorded as one step: a signal between the two left the new file behind.
    let created = Interruption.creatingTemporary { () -> String? in
      descriptor = templateBytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      failure = errno
      return descriptor >= 0 ? templateBytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil
    }
    guard let temporary = created else { throw RunError("cannot write \(path): \(String(cString: strerror(failure)))") }
    var finished = false
    defer {
      if !finished { unlink(temporary) }
      Interruption.unregister(temporary)
    }
    do throws(RunError) {
      // The first failure stops the writing; later pieces are dropped and the file is not renamed into place.
      let failure = WriteFailure()
      produce { piece in
        if failure.code == nil { failure.code = writeAll(piece, to: descriptor) }
      }
      if let code = failure.code { throw RunError("cannot write \(path): \(String(cString: strerror(code)))") }
      try copyOwnership(to: descriptor, from: path)
      guard fsync(descriptor) == 0 else { throw RunError("cannot write \(path): \(String(cString: strerror(errno)))") }
    } catch {
      close(descriptor)
      throw error
    }
    guard close(descriptor) == 0 else { throw RunError("cannot write \(path): \(String(cString: strerror(errno)))") }
    Interruption.pauseBeforeRenameForTests()
    try Interruption.renaming { () throws(RunError) in
      guard rename(temporary, path) == 0 else { throw RunError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }
    finished = true
  }

  /// Writes every byte, retrying short writes and interruptions; the `errno` of a failure, or `nil`.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return nil
  }

  /// Gives the temporary file the owner, group and mode of the report it replaces, or the mode of a new file.
  private static func copyOwnership(to descriptor: Int32, from path: String) throws(RunError) {
    var existing = stat()
    if stat(path, &existing) == 0 {
      // Only root may give a file away; anyone else keeps ownership of what they write, as any editor does.
      if existing.st_uid != geteuid() || existing.st_gid != getegid() { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
      guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else {
        throw RunError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } else {
      let mask = umask(0)
      umask(mask)
      guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw RunError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }
  }

  /// The `errno` of the first failed write of a file written piece by piece.
  final class WriteFailure {
    var code: Int32?
  }
}
