import FactCheckModel
import FactCheckRules

/// What extraction needs for one language, prepared once per process and shared by every worker: the
/// language's rules split by kind, the literal scan plan that gates its claim rules, and the full stops that
/// end its sentences.
package struct ExtractionPlan: Sendable {
  package let claimRules: [CompiledRule]
  package let datelineRules: [CompiledRule]
  package let scan: ScanPlan
  package let fullStops: FullStops

  package init(language: String, rules: [CompiledRule], lexicon: Lexicon) {
    claimRules = rules.filter { $0.definition.language == language && $0.definition.kind == .claim }
    datelineRules = rules.filter { $0.definition.language == language && $0.definition.kind == .dateline }
    // Spelled scales count too: "a billion", « un milliard » carry a figure without a number word.
    let numberWords = (Array(lexicon.numberWords.keys) + Array(lexicon.multipliers.keys) + Array(lexicon.fractions.keys)
      + lexicon.spelledScales)
      .filter { $0.utf8.count >= 3 }.map { CaseFolding.fold(Array($0.lowercased().utf8)) }
    scan = ScanPlan(rules: claimRules, numberWords: numberWords)
    fullStops = FullStops(lexicon: lexicon)
  }
}
