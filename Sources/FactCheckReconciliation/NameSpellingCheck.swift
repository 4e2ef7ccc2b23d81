import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

/// Flags a name spelled two ways across the corpus ("Siemiatowski" vs "Siemiatkowski") and reports the
/// minority spelling where it occurs.
///
/// Known entities are the reference: a word within a small edit distance of a known name's word is a
/// misspelling of it. Between undeclared names, only long words that differ by one edit, with a clear
/// majority, are reported, and inflections (a trailing s or e) are not.
package struct NameSpellingCheck: ConsistencyCheck {
  package func findings(in store: ClaimStore) -> [Finding] { findings(in: store.names, library: store.library) }

  /// The findings for a corpus's name tally, against the library's entities.
  package func findings(in names: NameTally, library: RuleLibrary) -> [Finding] {
    let occurrences = names.words
    var reference: [String: String] = [:]  // word of a known name → canonical entity
    let possessiveSuffixes = library.lexicons.keys.sorted().flatMap { library.lexicons[$0]!.possessiveSuffixes }
    for entity in library.entities {
      for name in entity.allNames {
        for word in NameTally.words(of: name, possessiveSuffixes: possessiveSuffixes) { reference[word] = entity.name }
      }
    }
    var findings: [Finding] = []
    var reported = Set<String>()
    let words = occurrences.keys.sorted()
    for word in words where reference[word] == nil {
      // Against known names.
      if let (correct, entity) = reference.first(where: { isLikelyMisspelling(word, of: $0.key, known: true) }) {
        findings.append(finding(word, correct: correct, entity: entity, occurrences: occurrences))
        reported.insert(word)
      }
    }
    // Between undeclared names: the minority spelling of a frequent word. Candidates are found through
    // a one-deletion index (as SymSpell does), so the check stays linear in the number of distinct words.
    var index: [String: [String]] = [:]
    for word in words where reference[word] == nil && occurrences[word]!.count >= 3 && word.count >= 7 {
      for variant in NameSpellingCheck.deletions(of: word) + [word] { index[variant, default: []].append(word) }
    }
    for word in words where reference[word] == nil && !reported.contains(word) && word.count >= 7 {
      let count = occurrences[word]!.count
      let candidates = (NameSpellingCheck.deletions(of: word) + [word]).flatMap { index[$0] ?? [] }.uniqued()
      for other in candidates.sorted() where other != word {
        let otherCount = occurrences[other]!.count
        guard otherCount >= 3 * count, isLikelyMisspelling(word, of: other, known: false) else { continue }
        findings.append(finding(word, correct: other, entity: nil, occurrences: occurrences))
        reported.insert(word)
        break
      }
    }
    return findings
  }

  private func finding(_ word: String, correct: String, entity: String?, occurrences: [String: NameTally.Entry]) -> Finding {
    let wrongEntry = occurrences[word] ?? NameTally.Entry(count: 0, samples: [])
    let rightEntry = occurrences[correct] ?? NameTally.Entry(count: 0, samples: [])
    let wrong = wrongEntry.samples
    let docs = rightEntry.samples.map { $0.location.path.split(separator: "/").last.map(String.init) ?? $0.location.path }.uniqued()
    var details = ["'\(word)' appears \(wrongEntry.count) time\(wrongEntry.count == 1 ? "" : "s"); '\(correct)' appears \(rightEntry.count) time\(rightEntry.count == 1 ? "" : "s")"]
    if !docs.isEmpty { details.append("'\(correct)' in: \(docs.joined(separator: ", "))") }
    return Finding(
      id: "spelling:\(word)", kind: .spelling, check: "spelling", severity: .note, entity: entity ?? correct, attribute: "name",
      period: nil, message: "'\(word)' is probably a misspelling of '\(correct)'", details: details,
      locations: wrong.map(\.location), quotes: wrong.map(\.line))
  }

  /// Whether `word` looks like a typo of `target`.
  package func isLikelyMisspelling(_ word: String, of target: String, known: Bool) -> Bool {
    guard word != target, word.count >= 5, target.count >= 5 else { return false }
    guard abs(word.count - target.count) <= 2, word.first == target.first else { return false }
    if word.hasPrefix(target) || target.hasPrefix(word) { return false }  // inflection or possessive
    let distance = EditDistance.distance(word, target)
    if known { return distance <= (target.count >= 8 ? 2 : 1) }
    return distance == 1 && word.count >= 7
  }

  /// The word with one character removed, for each position.
  package static func deletions(of word: String) -> [String] {
    // Each character left out in turn, by slicing the word (an array of characters joined again per
    // deletion cost most of the check).
    var deletions: [String] = []
    var index = word.startIndex
    while index < word.endIndex {
      let next = word.index(after: index)
      deletions.append(String(word[..<index]) + word[next...])
      index = next
    }
    return deletions
  }

}
