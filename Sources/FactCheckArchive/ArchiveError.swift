import Foundation

/// Why a claim archive could not be opened, read or written.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// The file exists but is not an SQLite database (a text file, a damaged database): it is left untouched.
  case notADatabase(path: String, reason: String)
  /// The file is an SQLite database written by another program (its tables or application id are not a
  /// claim archive's): it is left untouched.
  case foreignDatabase(path: String)
  /// The archive was written by a newer FactCheck whose schema this one does not know.
  case newerSchema(path: String, version: String)
  /// The archive is damaged (`PRAGMA integrity_check` or `quick_check` failed).
  case corrupt(path: String, detail: String)
  /// The archive does not exist and the command does not create one (search, stats, remove, check).
  case missing(path: String)
  /// The path is a directory, a device or another non-regular file.
  case notARegularFile(path: String)
  /// SQLite failed while reading or writing (disk full, permission denied, a lock held too long).
  case database(path: String, message: String)

  /// One line naming the file and saying what to do.
  public var description: String {
    switch self {
    case .notADatabase(let path, let reason):
      return "\(path) is not a claim archive (\(reason)); it was left untouched — pass another --archive path"
    case .foreignDatabase(let path):
      return "\(path) is an SQLite database of another program, not a claim archive; it was left untouched — pass another --archive path"
    case .newerSchema(let path, let version):
      return "\(path) was written by a newer FactCheck (schema \(version)); upgrade factcheck to use it"
    case .corrupt(let path, let detail):
      return "\(path) is a damaged claim archive (\(detail)); it was left untouched — restore it from a copy or build it again with 'factcheck archive add'"
    case .missing(let path):
      return "no claim archive at \(path); create one with 'factcheck archive add ARTICLES… --archive \(path)'"
    case .notARegularFile(let path):
      return "\(path) is not a regular file; a claim archive is one SQLite file"
    case .database(let path, let message):
      return "claim archive \(path): \(message)"
    }
  }

  /// The same line as ``description``, so that `localizedDescription` shows it too.
  public var errorDescription: String? { description }
}
