import FactCheck
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Settings, from the environment (`make bench BENCH_SIZES=1,16`).
struct Settings {
  var fileSizes = [1, 16, 64, 256]
  var singleSizes = [1, 16, 64]
  var runs = 3
  /// Runs for corpora above 64 MB (each 256 MB pass takes tens of seconds).
  var largeRuns = 3
  var nsregexMegabytes = 1
  var rules = "Rules"
  var examples = "Examples"
  var json = ".build-bench/bench.json"
  var corpusRoot = (NSTemporaryDirectory() as NSString).appendingPathComponent("factcheck-bench-\(getpid())")
  var keepCorpus = false
  var seed: UInt64 = 0x5EED_FAC7
  var cores = ProcessInfo.processInfo.activeProcessorCount

  static func fromEnvironment() throws -> Settings {
    var settings = Settings()
    let environment = ProcessInfo.processInfo.environment
    func sizes(_ key: String) throws -> [Int]? {
      guard let text = environment[key] else { return nil }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed == "0" || trimmed == "none" { return [] }
      let values = trimmed.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard values.allSatisfy({ $0 != nil && $0! > 0 }) else { throw BenchmarkError("\(key) must be sizes in MB, e.g. 1,16,64") }
      return Array(Set(values.map { $0! })).sorted()
    }
    func integer(_ key: String) throws -> Int? {
      guard let text = environment[key] else { return nil }
      guard let value = Int(text), value > 0 else { throw BenchmarkError("\(key) must be a positive integer") }
      return value
    }
    if let value = try sizes("BENCH_SIZES") { settings.fileSizes = value }
    if let value = try sizes("BENCH_SINGLE_SIZES") { settings.singleSizes = value }
    if let value = try integer("BENCH_RUNS") { settings.runs = value; settings.largeRuns = value }
    if let value = try integer("BENCH_LARGE_RUNS") { settings.largeRuns = value }
    if let value = try integer("BENCH_NSREGEX_MB") { settings.nsregexMegabytes = value }
    if let value = environment["BENCH_RULES"] { settings.rules = value }
    if let value = environment["BENCH_EXAMPLES"] { settings.examples = value }
    if let value = environment["BENCH_JSON"] { settings.json = value }
    if let value = environment["BENCH_CORPUS_DIR"] { settings.corpusRoot = value }
    if environment["BENCH_KEEP_CORPUS"] == "1" { settings.keepCorpus = true }
    if let text = environment["BENCH_SEED"] {
      guard let value = UInt64(text) else { throw BenchmarkError("BENCH_SEED must be an unsigned integer") }
      settings.seed = value
    }
    if settings.fileSizes.isEmpty && settings.singleSizes.isEmpty { throw BenchmarkError("no corpus sizes to measure") }
    return settings
  }

  func runs(for megabytes: Int) -> Int { megabytes > 64 ? largeRuns : runs }
}

/// Timings of one method on one corpus, over several runs.
struct Series {
  var seconds: [Double] = []
  var cpuSeconds: [Double] = []
  var peakBytes: [Int] = []
  var matches = 0
  var errors = 0
  var claims = 0
  var findings = 0
  var documents = 0
  var skipped = 0

  var median: Double {
    let sorted = seconds.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
  var peak: Int { peakBytes.max() ?? 0 }

  var json: [String: Any] {
    var object: [String: Any] = ["seconds": seconds, "median_seconds": median]
    if !cpuSeconds.isEmpty { object["cpu_seconds"] = cpuSeconds }
    if !peakBytes.isEmpty { object["peak_bytes"] = peakBytes; object["peak_mib"] = Double(peak) / 1_048_576 }
    if matches > 0 { object["matches"] = matches }
    if errors > 0 { object["match_errors"] = errors }
    if documents > 0 {
      object["claims"] = claims
      object["findings"] = findings
      object["documents"] = documents
      object["skipped"] = skipped
    }
    return object
  }
}

/// Every measurement on one corpus.
struct Row {
  let corpus: Corpus
  var plain = Series()
  var pipeline = Series()
  var pipelineAll: Series?
  var ripgrep: Series?

  func mbps(_ series: Series?) -> Double? {
    guard let series, !series.seconds.isEmpty else { return nil }
    return Double(corpus.bytes) / 1e6 / series.median
  }
}

final class Benchmark {
  let settings: Settings
  let rules: CompiledRuleSet
  var log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

  init(settings: Settings) throws {
    self.settings = settings
    let start = Clock.now()
    rules = CompiledRuleSet.load([settings.rules])
    ruleLoadSeconds = Clock.now() - start
    if rules.hasErrors {
      throw BenchmarkError("the rules in \(settings.rules) have errors:\n" + rules.problems.map { "\($0)" }.joined(separator: "\n"))
    }
    if rules.rules.isEmpty { throw BenchmarkError("no rules in \(settings.rules)") }
  }

  let ruleLoadSeconds: Double

  func run() throws -> Int32 {
    let machine = Machine.describe()
    let generator = try CorpusGenerator(examplesDirectory: settings.examples, rules: rules, seed: settings.seed)
    let root = settings.corpusRoot
    defer {
      if settings.keepCorpus { log("corpus kept in \(root)") } else { try? FileManager.default.removeItem(atPath: root) }
    }

    // Corpora: every size once, reused by every method, deleted at the end.
    log("Generating corpora in \(root) …")
    let generationStart = Clock.now()
    let singleSizes = settings.singleSizes.isEmpty ? [] : Array(Set(settings.singleSizes + [settings.nsregexMegabytes])).sorted()
    let written = try CorpusWriter.write(generator: generator, root: root, fileSizes: settings.fileSizes, singleSizes: singleSizes)
    let generationSeconds = Clock.now() - generationStart
    log(String(format: "  generated in %.1f s", generationSeconds))

    // Engines.
    let plainScanner = PlainPCRE2Scanner(rules: rules)
    let nsScanner = NSRegularExpressionScanner(rules: rules)
    let workDirectory = (root as NSString).appendingPathComponent("work")
    try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    log("Translating patterns for rg …")
    let ripgrep = RipgrepUnion(rules: rules, workDirectory: workDirectory)
    var ripgrepStartup = Series()
    if let ripgrep {
      let empty = (workDirectory as NSString).appendingPathComponent("empty.txt")
      _ = FileManager.default.createFile(atPath: empty, contents: Data())
      for _ in 0..<3 {
        let (run, _) = try ripgrep.run(path: empty, threads: 1, outputDirectory: workDirectory)
        ripgrepStartup.seconds.append(run.wallSeconds)
        ripgrepStartup.peakBytes.append(run.peakBytes)
      }
    }

    // (c) NSRegularExpression on a slice: the first N MB of the multi-file corpus, and an N MB single file.
    var nsregex: [Corpus.Kind: (corpus: Corpus, series: Series)] = [:]
    if let largest = settings.fileSizes.last.flatMap({ written.files[$0] }) {
      var files: [String] = []
      var bytes = 0
      for path in largest.files where bytes < settings.nsregexMegabytes * 1_000_000 {
        files.append(path)
        bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      }
      let slice = Corpus(kind: .files, megabytes: settings.nsregexMegabytes, path: largest.path, files: files, bytes: bytes, articles: files.count)
      nsregex[.files] = (slice, measureNSRegex(nsScanner, slice))
    }
    if let slice = written.single[settings.nsregexMegabytes] {
      nsregex[.single] = (slice, measureNSRegex(nsScanner, slice))
    }

    var rows: [Row] = []
    for size in settings.fileSizes { if let corpus = written.files[size] { rows.append(try measure(corpus, plainScanner, ripgrep)) } }
    for size in settings.singleSizes { if let corpus = written.single[size] { rows.append(try measure(corpus, plainScanner, ripgrep)) } }

    let report = Report(settings: settings, machine: machine, rules: rules, ruleLoadSeconds: ruleLoadSeconds,
                        generationSeconds: generationSeconds, plain: plainScanner, nsScanner: nsScanner, nsregex: nsregex,
                        ripgrep: ripgrep, ripgrepStartup: ripgrepStartup, rows: rows, generator: generator)
    print(report.text())
    let jsonPath = settings.json
    try FileManager.default.createDirectory(atPath: (jsonPath as NSString).deletingLastPathComponent.isEmpty ? "." : (jsonPath as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
    let data = try JSONSerialization.data(withJSONObject: report.json(), options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: jsonPath))
    print("JSON: \(jsonPath)")
    return 0
  }

  private func measureNSRegex(_ scanner: NSRegularExpressionScanner, _ slice: Corpus) -> Series {
    var series = Series()
    for run in 0..<settings.runs {
      let start = Clock.now()
      let count = scanner.scan(files: slice.files)
      series.seconds.append(Clock.now() - start)
      series.matches = count.matches
      log(String(format: "  [NSRegularExpression, %@ %d MB] run %d/%d: %.2f s", slice.kind.rawValue, slice.megabytes, run + 1, settings.runs, series.seconds.last!))
    }
    return series
  }

  private func measure(_ corpus: Corpus, _ plainScanner: PlainPCRE2Scanner, _ ripgrep: RipgrepUnion?) throws -> Row {
    var row = Row(corpus: corpus)
    let runs = settings.runs(for: corpus.megabytes)
    let label = "\(corpus.kind == .files ? "files" : "single file") \(corpus.megabytes) MB"
    let resultPath = (settings.corpusRoot as NSString).appendingPathComponent("work/pipeline-result.json")
    if settings.cores > 1 { row.pipelineAll = Series() }
    if ripgrep != nil { row.ripgrep = Series() }
    // Methods interleaved run by run, so that a noisy moment hurts one run of each, not all runs of one.
    for run in 0..<runs {
      let start = Clock.now()
      let count = plainScanner.scan(files: corpus.files)
      row.plain.seconds.append(Clock.now() - start)
      row.plain.matches = count.matches
      row.plain.errors = count.errors
      log(String(format: "  [%@] run %d/%d: (a) plain PCRE2 %.2f s", label, run + 1, runs, row.plain.seconds.last!))

      try pipeline(corpus, jobs: 1, resultPath: resultPath, into: &row.pipeline)
      log(String(format: "  [%@] run %d/%d: (b) pipeline 1 core %.2f s, %.0f MiB", label, run + 1, runs,
                 row.pipeline.seconds.last!, Double(row.pipeline.peakBytes.last!) / 1_048_576))
      if settings.cores > 1 {
        try pipeline(corpus, jobs: settings.cores, resultPath: resultPath, into: &row.pipelineAll!)
        log(String(format: "  [%@] run %d/%d: (d) pipeline %d cores %.2f s, %.0f MiB", label, run + 1, runs, settings.cores,
                   row.pipelineAll!.seconds.last!, Double(row.pipelineAll!.peakBytes.last!) / 1_048_576))
      }
      if let ripgrep {
        let (child, matches) = try ripgrep.run(path: corpus.path, threads: 1, outputDirectory: (settings.corpusRoot as NSString).appendingPathComponent("work"))
        row.ripgrep!.seconds.append(child.wallSeconds)
        row.ripgrep!.cpuSeconds.append(child.cpuSeconds)
        row.ripgrep!.peakBytes.append(child.peakBytes)
        row.ripgrep!.matches = matches
        log(String(format: "  [%@] run %d/%d: (e) rg -j1 %.2f s", label, run + 1, runs, child.wallSeconds))
      }
    }
    return row
  }

  private func pipeline(_ corpus: Corpus, jobs: Int, resultPath: String, into series: inout Series) throws {
    let child = try ChildProcess.run(ChildProcess.selfPath, [
      "run-pipeline", "--rules", settings.rules, "--corpus", corpus.path, "--jobs", String(jobs), "--result", resultPath,
    ])
    guard child.status == 0, let data = FileManager.default.contents(atPath: resultPath),
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let seconds = object["seconds"] as? Double
    else { throw BenchmarkError("the pipeline child failed (status \(child.status)) on \(corpus.path)") }
    try? FileManager.default.removeItem(atPath: resultPath)
    series.seconds.append(seconds)
    series.cpuSeconds.append(child.cpuSeconds)
    series.peakBytes.append(child.peakBytes)
    series.claims = object["claims"] as? Int ?? 0
    series.findings = object["findings"] as? Int ?? 0
    series.documents = object["documents"] as? Int ?? 0
    series.skipped = object["skipped"] as? Int ?? 0
  }
}

/// The machine the figures were measured on.
struct Machine {
  var architecture = "unknown"
  var system = "unknown"
  var cpu = "unknown"
  var cores = ProcessInfo.processInfo.activeProcessorCount
  var memoryGiB = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
  var pcre2 = "unknown"
  var swift = "unknown"
  var loadAverage = "unknown"

  static func describe() -> Machine {
    var machine = Machine()
    var name = utsname()
    if uname(&name) == 0 {
      func field<T>(_ value: T) -> String {
        withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      }
      machine.architecture = field(name.machine)
      machine.system = field(name.sysname) + " " + field(name.release)
    }
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    {
      machine.cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    if let path = ChildProcess.which("pcre2-config"), let version = ChildProcess.output(path, ["--version"]) {
      machine.pcre2 = version
    }
    if let path = ChildProcess.which("swift"), let version = ChildProcess.output(path, ["--version"]) {
      machine.swift = version.split(separator: "\n").first.map(String.init) ?? version
    }
    machine.loadAverage = Machine.currentLoad()
    return machine
  }

  static func currentLoad() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
  }
}
