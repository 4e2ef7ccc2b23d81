import FactCheck
import Foundation

/// `factcheck explian x`: a first argument that is neither a command nor an existing path is a typo, not
/// an article to report missing. Caught before parsing, since `check` (the default command) would
/// otherwise take it as a path and exit 0 on "no such file".
enum UnknownCommand {
  /// The message for a mistaken first argument, or `nil` when the command line is fine.
  static func check(_ arguments: [String], commands: [String]) -> String? {
    // A name that is not UTF-8 (U+FFFD after decoding) is a path: CommandLinePaths reads its bytes.
    guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), !first.unicodeScalars.contains("\u{FFFD}")
    else { return nil }
    var info = stat()
    guard lstat(first, &info) != 0 else { return nil }
    var message = "'\(first)' is neither a command nor an existing file or directory"
    if let suggestion = EditDistance.suggestion(for: first, among: commands) {
      message += "; did you mean '\(suggestion)'?"
    } else {
      message += " (commands: \(commands.joined(separator: ", ")))"
    }
    return message
  }
}
