import FactCheck
import Foundation

/// (e) ripgrep, default engine (Rust `regex`, a lazy DFA), over the union of the rule patterns that
/// translate to its syntax. See ``PatternTranslator`` for what is exact and what is relaxed.
struct RipgrepUnion {
  let executable: String
  let version: String
  let patternFile: String
  /// One file per translated pattern, for the per-pattern runs.
  private(set) var patternFiles: [String] = []
  /// Rules whose pattern is in the union, by how it was translated.
  var exact = 0
  var relaxedLookaround = 0
  var relaxedAtomic = 0
  var inlinedCalls = 0
  /// Rules whose original pattern has a look-around (all dropped under a strict translation).
  var withLookaround = 0
  /// Rules dropped from the union, with why.
  var dropped: [(rule: String, reason: String)] = []
  var included: Int { exact + relaxedCount }
  private var relaxedCount = 0

  static let commonArguments = [
    "--no-config", "--no-ignore", "--hidden", "--no-messages", "-U", "--count-matches", "--no-filename",
    "--regex-size-limit", "2G", "--dfa-size-limit", "2G",
  ]

  init?(rules: CompiledRuleSet, workDirectory: String) {
    guard let executable = ChildProcess.which("rg") else { return nil }
    self.executable = executable
    version = ChildProcess.output(executable, ["--version"])?.split(separator: "\n").first.map(String.init) ?? "rg"
    patternFile = (workDirectory as NSString).appendingPathComponent("rg-union.txt")
    var lines: [String] = []
    let probe = (workDirectory as NSString).appendingPathComponent("rg-probe.txt")
    _ = FileManager.default.createFile(atPath: probe, contents: Data("probe\n".utf8))
    for rule in rules.rules {
      let caseless = !rule.definition.caseSensitive
      let outcome = PatternTranslator.translate(rule.expandedPattern, caseless: caseless, target: .rust)
      if rule.expandedPattern.contains("(?=") || rule.expandedPattern.contains("(?!")
        || rule.expandedPattern.contains("(?<=") || rule.expandedPattern.contains("(?<!")
      {
        withLookaround += 1
      }
      guard let translated = outcome.pattern else {
        dropped.append((rule.id, outcome.unsupported ?? "untranslatable"))
        continue
      }
      let line = (caseless ? "(?i:" : "(?-i:") + translated + ")"
      // rg must accept the pattern on its own; exit status 2 is a regex error.
      let single = (workDirectory as NSString).appendingPathComponent("rg-single.txt")
      _ = FileManager.default.createFile(atPath: single, contents: Data((line + "\n").utf8))
      let check = try? ChildProcess.run(executable, RipgrepUnion.commonArguments + ["-f", single, probe],
                                        stdoutPath: "/dev/null", stderrToNull: true)
      guard let check, check.status == 0 || check.status == 1 else {
        dropped.append((rule.id, "rejected by rg after translation"))
        continue
      }
      lines.append(line)
      let own = (workDirectory as NSString).appendingPathComponent("rg-pattern-\(lines.count).txt")
      _ = FileManager.default.createFile(atPath: own, contents: Data((line + "\n").utf8))
      patternFiles.append(own)
      if outcome.isExact { exact += 1 } else { relaxedCount += 1 }
      if outcome.removedLookarounds { relaxedLookaround += 1 }
      if outcome.relaxedAtomic { relaxedAtomic += 1 }
      if outcome.inlinedCalls { inlinedCalls += 1 }
    }
    _ = FileManager.default.createFile(atPath: patternFile, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    guard !lines.isEmpty else { return nil }
  }

  var relaxed: Int { relaxedCount }

  /// Runs rg with the union over `path` with `threads` threads; returns the child run and the total match count.
  func run(path: String, threads: Int, outputDirectory: String, timeout: Double? = nil) throws -> (ChildRun, Int) {
    try run(patterns: patternFile, path: path, threads: threads, outputDirectory: outputDirectory, timeout: timeout)
  }

  /// Runs rg once per pattern over `path`; returns the summed runs and match counts.
  func runEach(path: String, threads: Int, outputDirectory: String, timeout: Double? = nil) throws -> (ChildRun, Int) {
    var total = ChildRun(status: 0, wallSeconds: 0, cpuSeconds: 0, peakBytes: 0)
    var matches = 0
    for file in patternFiles {
      let remaining = timeout.map { $0 - total.wallSeconds }
      if let remaining, remaining <= 0 {
        total.timedOut = true
        return (total, matches)
      }
      let (run, count) = try run(patterns: file, path: path, threads: threads, outputDirectory: outputDirectory, timeout: remaining)
      if run.timedOut {
        total.timedOut = true
        return (total, matches)
      }
      total.wallSeconds += run.wallSeconds
      total.cpuSeconds += run.cpuSeconds
      total.peakBytes = max(total.peakBytes, run.peakBytes)
      matches += count
    }
    return (total, matches)
  }

  private func run(patterns: String, path: String, threads: Int, outputDirectory: String, timeout: Double?) throws -> (ChildRun, Int) {
    let output = (outputDirectory as NSString).appendingPathComponent("rg-output.txt")
    let run = try ChildProcess.run(executable, RipgrepUnion.commonArguments + ["-j", String(threads), "-f", patterns, path],
                                   stdoutPath: output, timeout: timeout)
    if run.timedOut { return (run, 0) }
    guard run.status == 0 || run.status == 1 else { throw BenchmarkError("rg exited with status \(run.status)") }
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    let matches = text.split(separator: "\n").reduce(0) { $0 + (Int($1) ?? 0) }
    try? FileManager.default.removeItem(atPath: output)
    return (run, matches)
  }
}
