import Foundation

/// (r) The C reference of issue 15: `Benchmarks/reference/reference.c` with its 48 rules
/// (`Benchmarks/reference/rules.txt`), PCRE2 JIT, each rule separately, explicit classes, per rule the faster of
/// a plain scan or a literal prefilter. It runs as a child process of the benchmark, like rg, over the same
/// corpus; it times itself (reading, validating, folding, matching: not compiling or choosing the modes) and
/// prints its figures as JSON.
struct CReference {
  let executable: String
  let rulesFile: String
  /// How the executable was found: given (`BENCH_REFERENCE`, which `make bench` sets) or compiled here with cc.
  let origin: String

  /// What one run printed.
  struct Output {
    var seconds = 0.0
    var cpuSeconds = 0.0
    var bytes = 0
    var files = 0
    var matches = 0
    var matchErrors = 0
    var disagreements = 0
    /// The whole JSON object, for the report's description and bench.json.
    var object: [String: Any] = [:]
  }

  /// The reference from `settings.reference` when it is executable, else compiled with `cc` into `workDirectory`
  /// from `settings.referenceSource`; `nil` with the reason when neither works.
  static func locate(settings: Settings, workDirectory: String) -> (CReference?, String?) {
    let manager = FileManager.default
    guard manager.isReadableFile(atPath: settings.referenceRules) else {
      return (nil, "no rules file \(settings.referenceRules) (BENCH_REFERENCE_RULES)")
    }
    if let given = settings.reference, manager.isExecutableFile(atPath: given) {
      return (CReference(executable: given, rulesFile: settings.referenceRules, origin: given), nil)
    }
    guard let cc = ChildProcess.which("cc") ?? ChildProcess.which("gcc") ?? ChildProcess.which("clang") else {
      return (nil, "not built (make bench builds it) and no C compiler on PATH")
    }
    let output = (workDirectory as NSString).appendingPathComponent("reference")
    let build = try? ChildProcess.run(cc, ["-O2", "-o", output, settings.referenceSource, "-lpcre2-8"], stdoutPath: "/dev/null")
    guard let build, build.status == 0, manager.isExecutableFile(atPath: output) else {
      return (nil, "\(settings.reference ?? "the executable") not found, and `cc -O2 \(settings.referenceSource) -lpcre2-8` failed")
    }
    return (CReference(executable: output, rulesFile: settings.referenceRules, origin: "compiled by the benchmark: cc -O2 \(settings.referenceSource) -lpcre2-8"), nil)
  }

  /// One run over `path` (a directory of articles or one file).
  func run(path: String, outputDirectory: String, timeout: Double? = nil) throws -> (ChildRun, Output?) {
    let outputPath = (outputDirectory as NSString).appendingPathComponent("reference-output.json")
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let child = try ChildProcess.run(executable, ["--rules", rulesFile, "--json", path], stdoutPath: outputPath, timeout: timeout)
    if child.timedOut { return (child, nil) }
    guard child.status == 0 || child.status == 1, let data = FileManager.default.contents(atPath: outputPath),
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw BenchmarkError("the C reference failed (status \(child.status)) on \(path)") }
    var output = Output(object: object)
    output.seconds = object["seconds"] as? Double ?? 0
    output.cpuSeconds = object["cpu_seconds"] as? Double ?? 0
    output.bytes = object["bytes"] as? Int ?? 0
    output.files = object["files"] as? Int ?? 0
    output.matches = object["matches"] as? Int ?? 0
    output.matchErrors = object["match_errors"] as? Int ?? 0
    output.disagreements = object["disagreements"] as? Int ?? 0
    return (child, output)
  }
}
