import ArgumentParser
import FactCheck
import Foundation

/// `factcheck extract [PATH…] --format jsonl` or `factcheck extract --stdin`: the map half of `check`, a
/// claim stream on standard output for `factcheck reconcile`.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract the claims of articles as a claim stream (JSON Lines) for 'factcheck reconcile'.",
    discussion: """
      Writes one line per document, claim, diagnostic and part of the name tally (format version \(ClaimStream.version), \
      Schemas/claim-stream-v1.schema.json). With --stdin, reads one article per line instead: \
      {"path": …, "text": …, "published": "YYYY-MM-DD" (optional), "language": "fr" (optional)}, extracting them \
      in batches as they come. 'factcheck extract ARTICLES | factcheck reconcile' reports what 'factcheck check \
      ARTICLES' reports. Exit status: 0, or 2 for rule errors, a malformed input line or (with --strict) skipped inputs.
      """)

  @Argument(help: "Articles or directories of articles (.md, .txt); none: the bundled Examples/.")
  var paths: [String] = []

  @Flag(help: "Read articles from standard input, one JSON object per line.")
  var stdin = false

  @Option(help: ArgumentHelp("Output format: jsonl (the claim stream).", valueName: "FORMAT"))
  var format = "jsonl"

  @Flag(help: "Carry each article's text in its document record (for an HTML report from 'reconcile').")
  var texts = false

  @OptionGroup var rules: RuleOptions

  @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD, or YYYY-MM, YYYY) for articles that state none.", valueName: "DATE"))
  var published: String?

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Option(help: ArgumentHelp("With --stdin: articles extracted together (memory holds one batch).", valueName: "N"))
  var batch = 256

  @Flag(help: "Exit with status 2 when an input is skipped, or a rule stops on one (match or time limit).")
  var strict = false

  func validate() throws {
    guard format.lowercased() == "jsonl" else { throw ValidationError("unknown format '\(format)'; extract writes jsonl") }
    if stdin && !paths.isEmpty { throw ValidationError("--stdin reads articles from standard input: give no PATH") }
    if batch < 1 { throw ValidationError("--batch must be at least 1") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let day = try Day.option(published)
    let compiled = try rules.compiledRules()
    for problem in compiled.problems where problem.severity == .error { FactCheckCommand.standardError("\(problem)") }
    let checker = FactChecker(rules: compiled, options: FactCheckOptions(published: day, jobs: jobs, keepTexts: texts))
    var failed = compiled.hasErrors
    func emit(_ run: ExtractionRun) throws(RunError) {
      try StreamLines.write(ClaimStream.lines(of: run, includeTexts: texts))
      if strict && run.documents.contains(where: { $0.status == .skipped && !$0.isPassedOver }) { failed = true }
      if strict && run.diagnostics.contains(where: { $0.category == .matching }) { failed = true }
    }
    if stdin {
      var pending: [StreamArticle] = []
      var bytes = 0
      do {
        try StreamLines.forEach(in: "-") { line, number in
          guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
          let article = try StreamArticle.decode(line, path: "<stdin>", number: number)
          bytes += article.text.utf8.count
          pending.append(article)
          if pending.count >= batch || bytes >= 64 << 20 {
            try emit(checker.extract(pending))
            pending.removeAll()
            bytes = 0
          }
        }
      } catch let error as ClaimStreamError {
        throw RunError(error.locatedMessage)
      }
      if !pending.isEmpty { try emit(checker.extract(pending)) }
    } else {
      var inputs = paths
      if inputs.isEmpty {
        guard let examples = BundledPaths.examples else { throw ValidationError("no PATH given and no bundled Examples/ found") }
        inputs = [examples]
      }
      try emit(checker.extract(files: CommandLinePaths.files(inputs)))
    }
    throw ExitCode(failed ? 2 : 0)
  }
}
