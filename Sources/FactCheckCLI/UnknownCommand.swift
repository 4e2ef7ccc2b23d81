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
    if let suggestion = nearest(first, in: commands) {
      message += "; did you mean '\(suggestion)'?"
    } else {
      message += " (commands: \(commands.joined(separator: ", ")))"
    }
    return message
  }

  /// The command within two edits of `word` (or starting with it), if exactly one is nearest.
  static func nearest(_ word: String, in commands: [String]) -> String? {
    let scored = commands.map { (command: $0, distance: $0.hasPrefix(word) && word.count >= 2 ? 1 : editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= 2 else { return nil }
    return scored.filter { $0.distance == best.distance }.count == 1 ? best.command : nil
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
  /// (`explian` → `explain` is one).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
      }
    }
    return table[a.count][b.count]
  }
}
