import ArgumentParser
import FactCheck
import Foundation

/// `factcheck evaluate CORPUS…`: the checker scored against gold annotations, per story and in total.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Score the checker on annotated corpora (gold claims, conflicts, non-conflicts).",
    discussion: """
      Each CORPUS is a folder with gold files (expected*.yaml, the schema of the real-world development set) \
      and corpus/<story>/ articles opening with a header block (source, published, language, then ---). \
      Prints claim recall (overall and per gold attribute), must and should conflicts found, false conflicts \
      and the findings that match no gold conflict. Gold attribute names map to the checker's through one \
      table (Evaluation/gold-attributes.yaml, or --attribute-map). Exit status: 0, or 1 when --min-recall or \
      --max-false is not met; 2 on errors.
      """)

  @Argument(help: "Annotated corpus folders.")
  var corpora: [String]

  @OptionGroup var rules: RuleOptions

  @Option(help: ArgumentHelp("The gold-to-checker attribute table (YAML).", valueName: "PATH"))
  var attributeMap: String?

  @Option(help: ArgumentHelp("Report format: text or json.", valueName: "FORMAT"))
  var format: String = "text"

  @Flag(help: "List every missed claim and conflict, false conflict and unmatched finding, with quotes.")
  var verbose = false

  @Option(help: ArgumentHelp("Exit 1 when total claim recall is below R (0…1).", valueName: "R"))
  var minRecall: Double?

  @Option(help: ArgumentHelp("Exit 1 when there are more than N false conflicts in total.", valueName: "N"))
  var maxFalse: Int?

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  func validate() throws {
    guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json, not '\(format)'") }
    if let minRecall, !(0...1).contains(minRecall) { throw ValidationError("--min-recall is between 0 and 1") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    guard let mapPath = attributeMap ?? BundledPaths.home.map({ ($0 as NSString).appendingPathComponent("Evaluation/gold-attributes.yaml") }) else {
      throw RunError("cannot find Evaluation/gold-attributes.yaml; pass --attribute-map PATH")
    }
    let map: GoldAttributeMap
    do throws(EvaluationError) { map = try GoldAttributeMap.load(path: mapPath) } catch { throw RunError(error.description) }
    let compiled = try rules.compiledRules()
    for problem in compiled.problems where problem.severity == .error {
      FactCheckCommand.standardError("\(problem)")
    }
    let evaluator = Evaluator(checker: FactChecker(rules: compiled, options: FactCheckOptions(jobs: jobs)), attributes: map)
    var result = EvaluationResult()
    for corpus in corpora {
      do throws(EvaluationError) { result.stories += try evaluator.evaluate(corpus: corpus).stories } catch { throw RunError(error.description) }
    }
    let reporter = EvaluationReporter(verbose: verbose)
    let report = format == "json" ? reporter.json(result) : reporter.text(result)
    if let code = ReportFileWriter.writeAll(Array(report.utf8), to: STDOUT_FILENO) {
      throw RunError("cannot write to standard output: \(String(cString: strerror(code)))")
    }
    let total = result.total
    var short: [String] = []
    if let minRecall, total.claims.ratio < minRecall {
      short.append("claim recall \(String(format: "%.3f", total.claims.ratio)) is below --min-recall \(minRecall)")
    }
    if let maxFalse, total.falseConflicts.count > maxFalse {
      short.append("\(total.falseConflicts.count) false conflicts exceed --max-false \(maxFalse)")
    }
    if compiled.hasErrors { throw ExitCode(2) }
    if !short.isEmpty {
      FactCheckCommand.standardError("factcheck evaluate: " + short.joined(separator: "; "))
      throw ExitCode(1)
    }
  }
}
