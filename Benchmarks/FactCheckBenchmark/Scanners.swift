import FactCheck
import Foundation
import PatternMatching

/// What one scan found.
struct ScanCount {
  var files = 0
  var bytes = 0
  var matches = 0
  /// Matches that stopped on a PCRE2 limit (match limit, JIT stack): counted, the scan goes on.
  var errors = 0
}

/// (a) The plain scan: every expanded pattern, compiled once with JIT, through PCRE2 over every article.
/// No prefilter, no normalisation, one thread. Each file is read and its UTF-8 validated once (as the
/// pipeline does), then every pattern runs over it with `PCRE2_NO_UTF_CHECK`.
final class PlainPCRE2Scanner {
  let patterns: [CompiledPattern]
  /// The rule of each pattern.
  let ruleIDs: [String]
  let notJIT: Int
  let compileFailures: [(rule: String, message: String)]

  init(rules: CompiledRuleSet) {
    var patterns: [CompiledPattern] = []
    var ids: [String] = []
    var failures: [(String, String)] = []
    for rule in rules.rules {
      do {
        patterns.append(try CompiledPattern(rule.expandedPattern, options: rule.definition.caseSensitive ? [] : [.caseless]))
        ids.append(rule.id)
      } catch {
        failures.append((rule.id, error.description))
      }
    }
    self.patterns = patterns
    self.ruleIDs = ids
    self.notJIT = patterns.filter { !$0.isJITCompiled }.count
    self.compileFailures = failures
  }

  /// Scans `files`; with `profile`, also adds each pattern's seconds to `profile[index]`.
  func scan(files: [String], profile: UnsafeMutableBufferPointer<Double>? = nil) -> ScanCount {
    let matcher = Matcher()
    var count = ScanCount()
    for path in files {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let bytes = [UInt8](data)
      let subject: UTF8Subject
      do { subject = try UTF8Subject(validating: bytes) } catch { continue }
      count.files += 1
      count.bytes += bytes.count
      for (index, pattern) in patterns.enumerated() {
        let start = profile == nil ? 0 : Clock.now()
        do {
          try matcher.forEachMatch(of: pattern, in: subject) { _ in
            count.matches += 1
            return true
          }
        } catch {
          count.errors += 1
        }
        if let profile { profile[index] += Clock.now() - start }
      }
    }
    return count
  }
}

/// (c) The baseline: the same expanded patterns through Foundation's `NSRegularExpression` (ICU), one thread.
/// ICU has no subroutine calls or `(?(DEFINE)…)`: a pattern ICU rejects is retried with its calls inlined
/// (an exact rewrite); a pattern that still fails is counted and reported, never silently dropped.
final class NSRegularExpressionScanner {
  let expressions: [NSRegularExpression]
  /// Patterns ICU compiled as they are.
  let compiledAsIs: Int
  /// Patterns ICU compiled after their subroutine calls were inlined.
  let compiledInlined: Int
  /// Patterns ICU could not compile, with its error.
  let failures: [(rule: String, message: String)]

  init(rules: CompiledRuleSet) {
    var expressions: [NSRegularExpression] = []
    var asIs = 0
    var inlined = 0
    var failures: [(String, String)] = []
    for rule in rules.rules {
      let options: NSRegularExpression.Options = rule.definition.caseSensitive ? [] : [.caseInsensitive]
      if let expression = try? NSRegularExpression(pattern: rule.expandedPattern, options: options) {
        expressions.append(expression)
        asIs += 1
        continue
      }
      let translated = PatternTranslator.translate(rule.expandedPattern, caseless: !rule.definition.caseSensitive, target: .icu)
      guard let pattern = translated.pattern else {
        failures.append((rule.id, translated.unsupported ?? "untranslatable"))
        continue
      }
      do {
        expressions.append(try NSRegularExpression(pattern: pattern, options: options))
        inlined += 1
      } catch {
        failures.append((rule.id, "ICU: \(error)"))
      }
    }
    self.expressions = expressions
    self.compiledAsIs = asIs
    self.compiledInlined = inlined
    self.failures = failures
  }

  /// Scans files as a typical caller would: read, decode to `String`, `numberOfMatches` per pattern.
  func scan(files: [String]) -> ScanCount {
    var count = ScanCount()
    for path in files {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let text = String(decoding: data, as: UTF8.self)
      let range = NSRange(location: 0, length: text.utf16.count)
      count.files += 1
      count.bytes += data.count
      for expression in expressions {
        count.matches += expression.numberOfMatches(in: text, options: [], range: range)
      }
    }
    return count
  }
}
