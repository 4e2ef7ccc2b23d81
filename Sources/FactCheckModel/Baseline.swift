import Foundation

/// The findings a team has accepted, by a fingerprint that survives edits: a run with `--baseline FILE`
/// reports only the findings the file does not list.
///
/// A fingerprint hashes what a finding is about, not where it is printed: its kind, check, entity,
/// attribute and period, and each side's value with the file names of the articles that state it. Line and
/// column numbers are left out, so editing an article above a figure keeps its finding baselined; moving
/// the articles to another directory does too. A new article that states one of the values, or a changed
/// figure, makes a new finding.
///
/// The file is text, one finding a line, sorted, so it diffs well in review:
///
/// ```
/// # factcheck baseline 1
/// fc1:3f0c2a9d81b64e57  conflict/employees  Klarna employees (current): 3 500 vs 3 800
/// ```
public struct Baseline: Hashable, Sendable {
  /// The first line of every baseline file.
  package static let header = "# factcheck baseline 1"

  /// One accepted finding.
  public struct Entry: Hashable, Sendable {
    /// `fc1:` and 16 hexadecimal digits.
    public var fingerprint: String
    /// The finding's check, for people reading the file.
    public var check: String
    /// The finding's message, for people reading the file.
    public var message: String
    /// Where the entry is written (file and line), when it was read from a file.
    public var location: SourceLocation?

    /// Creates an entry.
    package init(fingerprint: String, check: String, message: String, location: SourceLocation? = nil) {
      self.fingerprint = fingerprint
      self.check = check
      self.message = message
      self.location = location
    }
  }

  /// The entries, sorted by fingerprint.
  public var entries: [Entry]

  /// Creates a baseline from entries.
  package init(entries: [Entry]) {
    self.entries = entries.sorted { ($0.fingerprint, $0.check) < ($1.fingerprint, $1.check) }
  }

  /// The baseline that accepts every finding of `result`, the suppressed ones included (so that writing a
  /// baseline over the one in use keeps what it had).
  ///
  /// - Parameter result: A checked run; its findings are fingerprinted against its claims.
  public init(result: CheckResult) {
    let findings = result.findings + result.suppressed.filter { $0.suppression.origin == .baseline }.map(\.finding)
    var seen = Set<String>()
    self.init(entries: findings.compactMap { finding in
      let fingerprint = Baseline.fingerprint(of: finding, claims: result.claims)
      guard seen.insert(fingerprint).inserted else { return nil }
      return Entry(fingerprint: fingerprint, check: finding.check, message: finding.message)
    })
  }

  /// The stable fingerprint of a finding: `fc1:` and a 64-bit FNV-1a hash, in hexadecimal, of its kind,
  /// check, entity, attribute, period and sides (each value with the file names of its articles).
  ///
  /// - Parameters:
  ///   - finding: A finding.
  ///   - claims: The claims its indices point into (``CheckResult/claims`` of its run).
  /// - Returns: `fc1:` and 16 hexadecimal digits; the same for the same inconsistency in any later run.
  public static func fingerprint<Claims: RandomAccessCollection<Claim>>(of finding: Finding, claims: Claims) -> String
  where Claims.Index == Int {
    var parts = ["1", finding.kind.rawValue, finding.check, finding.entity ?? "", finding.attribute, finding.period ?? ""]
    func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
    if finding.groups.isEmpty {
      // Findings without sides (spelling) are about names in files.
      parts.append(finding.message)
      parts += Set(finding.locations.map { fileName($0.path) }).sorted()
    } else {
      parts += finding.groups.map { group in
        let files = Set(group.claims.compactMap { $0 < claims.count ? fileName(claims[$0].document) : nil }).sorted()
        return group.label + "@" + files.joined(separator: ",")
      }.sorted()
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in parts.joined(separator: "\u{1F}").utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return "fc1:" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The file's text: the header, a comment saying how to regenerate it, then one entry a line.
  ///
  /// - Returns: Text that ``parse(_:path:)`` reads back.
  public func serialized() -> String {
    var out = Baseline.header + "\n"
    out += "# Accepted findings, one a line: fingerprint, check, message. Regenerate with: factcheck check … --write-baseline FILE\n"
    for entry in entries {
      let message = entry.message.replacingOccurrences(of: "\n", with: " ")
      out += "\(entry.fingerprint)  \(entry.check)  \(message)\n"
    }
    return out
  }

  /// Reads a baseline file's text.
  ///
  /// - Parameters:
  ///   - text: What ``serialized()`` wrote, possibly edited by hand (entries removed, comments added).
  ///   - path: The file's name, for errors and for the entries' locations.
  /// - Returns: The baseline.
  /// - Throws: ``SuppressionError`` naming the line and column of the first thing that is wrong.
  public static func parse(_ text: String, path: String) throws(SuppressionError) -> Baseline {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == header else {
      throw SuppressionError(.notABaseline, at: SourceLocation(path: path, line: 1, column: 1), sourceLine: lines.first.map(String.init))
    }
    var entries: [Entry] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      let indent = line.prefix { $0 == " " || $0 == "\t" }
      let content = line.dropFirst(indent.count)
      if content.isEmpty || content.hasPrefix("#") { continue }
      let fields = content.split(separator: "  ", maxSplits: 2, omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      let fingerprint = fields[0].split(separator: " ").first.map(String.init) ?? fields[0]
      let location = SourceLocation(path: path, line: offset + 1, column: indent.unicodeScalars.count + 1)
      guard isFingerprint(fingerprint) else {
        throw SuppressionError(.invalidFingerprint(text: fingerprint), at: location, sourceLine: String(line))
      }
      entries.append(Entry(fingerprint: fingerprint, check: fields.count > 1 ? fields[1] : "",
                           message: fields.count > 2 ? fields[2] : "", location: location))
    }
    return Baseline(entries: entries)
  }

  /// Reads a baseline file.
  ///
  /// - Parameter path: The file.
  /// - Returns: The baseline.
  /// - Throws: ``SuppressionError`` when the file cannot be read or is not a baseline.
  public static func load(path: String) throws(SuppressionError) -> Baseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SuppressionError(.unreadable(reason: "no such file, or permission denied"), at: SourceLocation(path: path, line: 1, column: 1))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SuppressionError(.unreadable(reason: "not UTF-8 text"), at: SourceLocation(path: path, line: 1, column: 1))
    }
    return try parse(text, path: path)
  }

  /// Takes the accepted findings out of a result, so that only new ones count.
  ///
  /// - Parameter result: A checked run.
  /// - Returns: `result` with the baselined findings moved to ``CheckResult/suppressed``, the entries that no
  ///   longer match any finding in ``CheckResult/staleBaselineEntries``, and ``CheckResult/baselineApplied``
  ///   set.
  public func apply(to result: CheckResult) -> CheckResult {
    var byFingerprint: [String: Entry] = [:]
    for entry in entries { byFingerprint[entry.fingerprint] = byFingerprint[entry.fingerprint] ?? entry }
    var result = result
    var kept: [Finding] = []
    var matched = Set<String>()
    for finding in result.findings {
      let fingerprint = Baseline.fingerprint(of: finding, claims: result.claims)
      if let entry = byFingerprint[fingerprint] {
        matched.insert(fingerprint)
        let location = entry.location ?? SourceLocation(path: "baseline", line: 1, column: 1)
        result.suppressed.append(SuppressedFinding(finding: finding, suppression: Suppression(
          origin: .baseline, location: location, checks: [finding.id], reason: "accepted in the baseline (\(fingerprint))")))
      } else {
        kept.append(finding)
      }
    }
    result.findings = kept
    result.staleBaselineEntries = entries.filter { !matched.contains($0.fingerprint) }
    result.baselineApplied = true
    return result
  }

  package static func isFingerprint(_ text: String) -> Bool {
    guard text.hasPrefix("fc1:") else { return false }
    let hex = text.dropFirst(4)
    return hex.count == 16 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }
}
