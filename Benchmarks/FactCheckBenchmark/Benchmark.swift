import FactCheck
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Settings, from the environment (`make bench BENCH_SIZES=1,16`).
struct Settings {
  var fileSizes = [1, 16, 64, 256]
  var singleSizes = [1, 16, 64, 256]
  var runs = 3
  /// A method is not run on a corpus when one run is projected (from the previous size) to take longer;
  /// runs are repeated while the method's time on that corpus stays under it. 0 = no cap.
  var maxRunSeconds = 120.0
  /// Wall-clock budget of the whole benchmark: a measurement that would end after it is skipped. 0 = none.
  var deadlineSeconds = 840.0
  var nsregexMegabytes = 1
  /// Time budget of one NSRegularExpression run: its slice is cut to the files the first run scans in it.
  var nsregexSeconds = 10.0
  var rules = "Rules"
  var examples = "Examples"
  var json = ".build-bench/bench.json"
  var corpusRoot = (NSTemporaryDirectory() as NSString).appendingPathComponent("factcheck-bench-\(getpid())")
  var keepCorpus = false
  var seed: UInt64 = 0x5EED_FAC7
  var cores = ProcessInfo.processInfo.activeProcessorCount
  /// Which methods to run: letters a b c d e (e includes e'), f the claim archive (issue 16), r the C reference (issue 15).
  var methods: Set<Character> = ["a", "b", "c", "d", "e", "f", "r"]
  /// (r) The C reference: its executable (`make bench` builds it; compiled with cc when missing), source and rules.
  var reference: String?
  var referenceSource = "Benchmarks/reference/reference.c"
  var referenceRules = "Benchmarks/reference/rules.txt"

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
    func number(_ key: String, allowZero: Bool = false) throws -> Double? {
      guard let text = environment[key] else { return nil }
      guard let value = Double(text), value > 0 || (allowZero && value == 0) else {
        throw BenchmarkError("\(key) must be a positive number\(allowZero ? " (or 0)" : "")")
      }
      return value
    }
    if let value = try sizes("BENCH_SIZES") { settings.fileSizes = value }
    if let value = try sizes("BENCH_SINGLE_SIZES") { settings.singleSizes = value }
    if let value = try number("BENCH_RUNS") { settings.runs = Int(value) }
    if let value = try number("BENCH_MAX_RUN_SECONDS", allowZero: true) { settings.maxRunSeconds = value }
    if let value = try number("BENCH_DEADLINE_SECONDS", allowZero: true) { settings.deadlineSeconds = value }
    if let value = try number("BENCH_NSREGEX_MB") { settings.nsregexMegabytes = max(1, Int(value)) }
    if let value = try number("BENCH_NSREGEX_SECONDS") { settings.nsregexSeconds = value }
    if let value = environment["BENCH_RULES"] { settings.rules = value }
    if let value = environment["BENCH_EXAMPLES"] { settings.examples = value }
    if let value = environment["BENCH_JSON"] { settings.json = value }
    if let value = environment["BENCH_REFERENCE"], !value.isEmpty { settings.reference = value }
    if let value = environment["BENCH_REFERENCE_RULES"], !value.isEmpty { settings.referenceRules = value }
    if let value = environment["BENCH_CORPUS_DIR"] { settings.corpusRoot = value }
    if environment["BENCH_KEEP_CORPUS"] == "1" { settings.keepCorpus = true }
    if let text = environment["BENCH_SEED"] {
      guard let value = UInt64(text) else { throw BenchmarkError("BENCH_SEED must be an unsigned integer") }
      settings.seed = value
    }
    if let text = environment["BENCH_METHODS"] {
      let letters = Set(text.lowercased().filter { $0.isLetter })
      guard !letters.isEmpty, letters.isSubset(of: ["a", "b", "c", "d", "e", "f", "r"]) else {
        throw BenchmarkError("BENCH_METHODS must be letters among a,b,c,d,e,f,r (e.g. b,d,r)")
      }
      settings.methods = letters
    }
    if settings.fileSizes.isEmpty && settings.singleSizes.isEmpty { throw BenchmarkError("no corpus sizes to measure") }
    return settings
  }
}

/// The methods measured on every corpus.
enum Method: String, CaseIterable {
  case plain = "(a) plain PCRE2"
  case pipeline = "(b) pipeline 1 core"
  case pipelineAll = "(d) pipeline all cores"
  case ripgrep = "(e) rg union -j1"
  case ripgrepEach = "(e') rg per pattern -j1"
  case reference = "(r) C reference"
}

/// Timings of one method on one corpus, over several runs.
struct Series {
  var seconds: [Double] = []
  var cpuSeconds: [Double] = []
  /// Pipeline runs: the part of `seconds` spent reconciling (after extraction).
  var reconcileSeconds: [Double] = []
  var peakBytes: [Int] = []
  var matches = 0
  var errors = 0
  var claims = 0
  var findings = 0
  var documents = 0
  var skipped = 0
  /// Why the method was not run on this corpus.
  var skipReason: String?
  /// A run was killed at its time limit.
  var timedOut = false

  var measured: Bool { !seconds.isEmpty }
  var median: Double { Series.median(seconds) }
  var cpuMedian: Double { Series.median(cpuSeconds) }
  var peak: Int { peakBytes.max() ?? 0 }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  var json: [String: Any] {
    if seconds.isEmpty { return ["skipped": skipReason ?? "not run"] }
    var object: [String: Any] = ["seconds": seconds, "median_seconds": median]
    if !cpuSeconds.isEmpty { object["cpu_seconds"] = cpuSeconds; object["cpu_median_seconds"] = cpuMedian }
    if !reconcileSeconds.isEmpty { object["reconcile_seconds"] = reconcileSeconds }
    if !peakBytes.isEmpty { object["peak_bytes"] = peakBytes; object["peak_mib"] = Double(peak) / 1_048_576 }
    if matches > 0 { object["matches"] = matches }
    if errors > 0 { object["match_errors"] = errors }
    if documents > 0 {
      object["claims"] = claims
      object["findings"] = findings
      object["documents"] = documents
      object["skipped_documents"] = skipped
    }
    return object
  }
}

/// Every measurement on one corpus.
struct Row {
  let corpus: Corpus
  var series: [Method: Series] = [:]
  /// (f) the claim archive: first and second add, reconciling through the archive.
  var archive: ArchiveFigures?
  /// Why (f) was not measured on this corpus.
  var archiveSkip: String?

  subscript(_ method: Method) -> Series? { series[method].flatMap { $0.measured ? $0 : nil } }

  /// MB/s from the wall-clock median, minus a fixed start-up time (rg's) when given.
  func mbps(_ method: Method, overhead: Double = 0) -> Double? {
    guard let series = self[method] else { return nil }
    return Double(corpus.bytes) / 1e6 / max(series.median - overhead, 1e-6)
  }

  /// MB per CPU-second (median), a figure less sensitive to other processes on a shared machine.
  func cpuMBps(_ method: Method, overhead: Double = 0) -> Double? {
    guard let series = self[method], !series.cpuSeconds.isEmpty else { return nil }
    return Double(corpus.bytes) / 1e6 / max(series.cpuMedian - overhead, 1e-6)
  }
}

final class Benchmark {
  let settings: Settings
  let rules: CompiledRuleSet
  let ruleLoadSeconds: Double
  let start = Clock.now()
  let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

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

  var elapsed: Double { Clock.now() - start }
  /// Seconds per pattern of the plain scan's first run on the first corpus, by rule.
  var profile: (corpus: String, seconds: [(rule: String, seconds: Double)])?
  /// (r) The C reference, or why it does not run; what its first run printed (rules, modes), for the report.
  var reference: CReference?
  var referenceSkip: String?
  var referenceOutput: [String: Any]?

  func run() throws -> Int32 {
    var machine = Machine.describe()
    machine.parallelismAtStart = ParallelismProbe.speedup(threads: settings.cores)
    let generator = try CorpusGenerator(examplesDirectory: settings.examples, rules: rules, seed: settings.seed)
    let root = settings.corpusRoot
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer {
      if settings.keepCorpus { log("corpus kept in \(root)") } else { try? FileManager.default.removeItem(atPath: root) }
    }
    let work = (root as NSString).appendingPathComponent("work")
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    log("FactCheckBenchmark: corpora in \(root); progress below, report at the end")

    // Engines, all from the same compiled rules.
    let plainScanner = PlainPCRE2Scanner(rules: rules)
    let nsScanner = NSRegularExpressionScanner(rules: rules)
    if settings.methods.contains("e") { log("translating the patterns for rg …") }
    let ripgrep = settings.methods.contains("e") ? RipgrepUnion(rules: rules, workDirectory: work) : nil
    if settings.methods.contains("r") {
      (reference, referenceSkip) = CReference.locate(settings: settings, workDirectory: work)
      if let referenceSkip { log("(r) C reference: skipped, \(referenceSkip)") }
    }
    var startup = Startup()
    if let ripgrep {
      let empty = (work as NSString).appendingPathComponent("empty.txt")
      _ = FileManager.default.createFile(atPath: empty, contents: Data())
      for _ in 0..<3 {
        startup.union.append(try ripgrep.run(path: empty, threads: 1, outputDirectory: work).0.wallSeconds)
      }
      startup.each = try ripgrep.runEach(path: empty, threads: 1, outputDirectory: work).0.wallSeconds
    }

    // (c) NSRegularExpression on a slice: the first articles of the corpus, as many as one run scans in its budget.
    var nsregex = NSRegexResult(corpus: Corpus(kind: .files, megabytes: 0, path: "", files: [], bytes: 0, articles: 0))
    if settings.methods.contains("c") {
      log("generating the NSRegularExpression slice (\(settings.nsregexMegabytes) MB) …")
      let sliceCorpus = try CorpusWriter.writeFiles(generator: generator, root: (root as NSString).appendingPathComponent("nsregex"),
                                                    megabytes: settings.nsregexMegabytes)
      nsregex = measureNSRegex(nsScanner, sliceCorpus)
      nsregex.plainMatches = plainScanner.scan(files: nsregex.corpus.files).matches
      try? FileManager.default.removeItem(atPath: sliceCorpus.path)
    }

    var rows: [Row] = []
    var generationSeconds: [String: Double] = [:]
    // Sizes in increasing order per kind; the smallest single file right after the smallest directory, so
    // that the deadline, if it comes, cuts the large single files first.
    var schedule = settings.fileSizes.prefix(1).map { (Corpus.Kind.files, $0) } + settings.singleSizes.prefix(1).map { (Corpus.Kind.single, $0) }
    schedule += settings.fileSizes.dropFirst().map { (Corpus.Kind.files, $0) } + settings.singleSizes.dropFirst().map { (Corpus.Kind.single, $0) }
    var previousRows: [Corpus.Kind: Row] = [:]
    var droppedByKind: [Corpus.Kind: [Method: String]] = [.files: [:], .single: [:]]
    for (kind, size) in schedule {
      let previous = previousRows[kind]
      var dropped = droppedByKind[kind]!
      defer { droppedByKind[kind] = dropped }
      // Plan on the nominal size first: a corpus no method will run on is not generated.
      let nominal = Corpus(kind: kind, megabytes: size, path: "", files: [], bytes: size * 1_000_000, articles: 0)
      var (row, active) = plan(nominal, previous: previous, dropped: &dropped, ripgrep: ripgrep, startup: startup)
      let measuresArchive = settings.methods.contains("f") && kind == .files
      if !active.isEmpty || measuresArchive {
        let generationStart = Clock.now()
        log("generating \(nominal.label) …")
        let corpus = kind == .files
          ? try CorpusWriter.writeFiles(generator: generator, root: root, megabytes: size)
          : try CorpusWriter.writeSingle(generator: generator, root: root, megabytes: size)
        generationSeconds[corpus.label] = Clock.now() - generationStart
        row = try measure(corpus, planned: row, active: active, previous: previous, dropped: &dropped,
                          plainScanner: plainScanner, ripgrep: ripgrep, startup: startup)
        if measuresArchive { try measureArchive(corpus, previous: previous, into: &row) }
        if !settings.keepCorpus { try? FileManager.default.removeItem(atPath: corpus.path) }
      } else {
        log("\(nominal.label): every method skipped, not generated")
      }
      rows.append(row)
      if !active.isEmpty { previousRows[kind] = row }
    }

    machine.parallelismAtEnd = ParallelismProbe.speedup(threads: settings.cores)
    let report = Report(settings: settings, machine: machine, rules: rules, ruleLoadSeconds: ruleLoadSeconds,
                        generationSeconds: generationSeconds, plain: plainScanner, nsScanner: nsScanner, nsregex: nsregex,
                        ripgrep: ripgrep, startup: startup, rows: rows, generator: generator, totalSeconds: elapsed,
                        profile: profile, reference: reference, referenceSkip: referenceSkip, referenceOutput: referenceOutput)
    print(report.text())
    let jsonPath = settings.json
    let jsonDirectory = (jsonPath as NSString).deletingLastPathComponent
    if !jsonDirectory.isEmpty { try FileManager.default.createDirectory(atPath: jsonDirectory, withIntermediateDirectories: true) }
    let data = try JSONSerialization.data(withJSONObject: Report.sanitised(report.json()), options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: jsonPath))
    print("JSON: \(jsonPath)")
    return 0
  }

  /// rg's fixed cost: starting the process and compiling the patterns, measured on an empty file.
  struct Startup {
    var union: [Double] = []
    /// Summed over the per-pattern runs.
    var each: Double = 0
    var unionMedian: Double { union.isEmpty ? 0 : Series.median(union) }
  }

  /// The NSRegularExpression baseline and the slice it ran on.
  struct NSRegexResult {
    var corpus: Corpus
    var series = Series()
    /// Matches of the plain PCRE2 scan on the same slice, to compare with the baseline's.
    var plainMatches = 0
    var mbps: Double? { series.measured ? Double(corpus.bytes) / 1e6 / series.median : nil }
    var cpuMBps: Double? { series.cpuSeconds.isEmpty ? nil : Double(corpus.bytes) / 1e6 / series.cpuMedian }
  }

  private func measureNSRegex(_ scanner: NSRegularExpressionScanner, _ full: Corpus) -> NSRegexResult {
    // First run: as many files as fit in the time budget; later runs: the same files.
    var files: [String] = []
    var bytes = 0
    var series = Series()
    let started = Clock.now()
    let cpuStarted = Clock.cpu()
    for path in full.files {
      let count = scanner.scan(files: [path])
      files.append(path)
      bytes += count.bytes
      series.matches += count.matches
      if Clock.now() - started >= settings.nsregexSeconds { break }
    }
    series.seconds.append(Clock.now() - started)
    series.cpuSeconds.append(Clock.cpu() - cpuStarted)
    let slice = Corpus(kind: .files, megabytes: full.megabytes, path: full.path, files: files, bytes: bytes, articles: files.count)
    log(String(format: "  (c) NSRegularExpression run 1/%d: %d files, %.2f MB in %.2f s", settings.runs, files.count, Double(bytes) / 1e6, series.seconds[0]))
    for run in 1..<settings.runs {
      let wall = Clock.now()
      let cpu = Clock.cpu()
      _ = scanner.scan(files: files)
      series.seconds.append(Clock.now() - wall)
      series.cpuSeconds.append(Clock.cpu() - cpu)
      log(String(format: "  (c) NSRegularExpression run %d/%d: %.2f s", run + 1, settings.runs, series.seconds.last!))
    }
    return NSRegexResult(corpus: slice, series: series)
  }

  /// Which methods run on a corpus of this size: not those dropped at a smaller size, nor those projected
  /// (from the previous size) to take longer than the cap per run.
  private func plan(_ corpus: Corpus, previous: Row?, dropped: inout [Method: String], ripgrep: RipgrepUnion?,
                    startup: Startup) -> (Row, [Method]) {
    var row = Row(corpus: corpus)
    var methods: [Method] = []
    if settings.methods.contains("a") { methods.append(.plain) }
    if settings.methods.contains("b") { methods.append(.pipeline) }
    if settings.methods.contains("d") {
      if settings.cores > 1 { methods.append(.pipelineAll) } else { row.series[.pipelineAll] = Series(skipReason: "one core") }
    }
    if settings.methods.contains("e") {
      if ripgrep != nil {
        methods += [.ripgrep, .ripgrepEach]
      } else {
        row.series[.ripgrep] = Series(skipReason: "rg not on PATH")
        row.series[.ripgrepEach] = Series(skipReason: "rg not on PATH")
      }
    }
    if settings.methods.contains("r") {
      if reference != nil { methods.append(.reference) } else { row.series[.reference] = Series(skipReason: referenceSkip ?? "not built") }
    }
    let cap = settings.maxRunSeconds
    // Skip what was dropped at a smaller size, or is projected (from the previous size) to be too slow.
    var active: [Method] = []
    for method in methods {
      if let reason = dropped[method] {
        row.series[method] = Series(skipReason: reason)
        continue
      }
      if let previous, let seconds = previous[method]?.median {
        let projected = project(seconds, method, from: previous, to: corpus, startup: startup)
        if cap > 0 && projected > cap {
          let reason = String(format: "projected %.0f s per run from %@ > BENCH_MAX_RUN_SECONDS=%.0f", projected, previous.corpus.label, cap)
          row.series[method] = Series(skipReason: reason)
          dropped[method] = "skipped at a smaller size"
          log("  [\(corpus.label)] \(method.rawValue): skipped, \(reason)")
          continue
        }
        if settings.deadlineSeconds > 0 && elapsed + projected > settings.deadlineSeconds {
          let reason = String(format: "projected %.0f s per run would end after BENCH_DEADLINE_SECONDS=%.0f", projected, settings.deadlineSeconds)
          row.series[method] = Series(skipReason: reason)
          dropped[method] = "skipped at a smaller size (deadline)"
          log("  [\(corpus.label)] \(method.rawValue): skipped, \(reason)")
          continue
        }
      }
      row.series[method] = Series()
      active.append(method)
    }
    return (row, active)
  }

  /// Seconds after which a run is killed: twice the cap, and never past the deadline (by more than 30 s).
  private var runTimeout: Double? {
    var limits: [Double] = []
    if settings.maxRunSeconds > 0 { limits.append(2 * settings.maxRunSeconds) }
    if settings.deadlineSeconds > 0 { limits.append(max(30, settings.deadlineSeconds - elapsed)) }
    return limits.min()
  }

  private func measure(_ corpus: Corpus, planned: Row, active planned_active: [Method], previous: Row?, dropped: inout [Method: String],
                       plainScanner: PlainPCRE2Scanner, ripgrep: RipgrepUnion?, startup: Startup) throws -> Row {
    var row = Row(corpus: corpus)
    row.series = planned.series
    var active = planned_active
    let cap = settings.maxRunSeconds
    let resultPath = (settings.corpusRoot as NSString).appendingPathComponent("work/pipeline-result.json")
    let work = (settings.corpusRoot as NSString).appendingPathComponent("work")
    // Methods interleaved run by run, so that a noisy moment hurts one run of each, not every run of one.
    for run in 0..<settings.runs {
      for method in active {
        var series = row.series[method]!
        if series.skipReason != nil { continue }
        /// A run killed at its time limit: said, kept in the row, and the method dropped at larger sizes.
        func timedOut(after timeout: Double?) {
          let reason = String(format: "killed after %.0f s (time limit: twice BENCH_MAX_RUN_SECONDS, or the deadline)", timeout ?? 0)
          log("  [\(corpus.label)] \(method.rawValue): \(reason)")
          series.skipReason = series.seconds.isEmpty ? reason : nil
          series.timedOut = true
          row.series[method] = series
          dropped[method] = "a run timed out at a smaller size"
        }
        let spent = series.seconds.reduce(0, +)
        if run > 0 && cap > 0 && spent + (series.seconds.last ?? 0) > cap { continue }
        if settings.deadlineSeconds > 0 {
          let projected = series.seconds.last ?? previous?[method].map { project($0.median, method, from: previous!, to: corpus, startup: startup) } ?? 0
          if elapsed + projected > settings.deadlineSeconds {
            if series.seconds.isEmpty {
              series.skipReason = String(format: "would end after BENCH_DEADLINE_SECONDS=%.0f", settings.deadlineSeconds)
              dropped[method] = "skipped at a smaller size (deadline)"
            }
            row.series[method] = series
            continue
          }
        }
        switch method {
        case .plain:
          var patternSeconds = [Double](repeating: 0, count: plainScanner.patterns.count)
          let profiling = profile == nil
          let wall = Clock.now()
          let cpu = Clock.cpu()
          let count = patternSeconds.withUnsafeMutableBufferPointer { buffer in
            plainScanner.scan(files: corpus.files, profile: profiling ? buffer : nil)
          }
          series.seconds.append(Clock.now() - wall)
          series.cpuSeconds.append(Clock.cpu() - cpu)
          if profiling { profile = (corpus.label, Array(zip(plainScanner.ruleIDs, patternSeconds)).map { (rule: $0.0, seconds: $0.1) }) }
          series.matches = count.matches
          series.errors = count.errors
        case .pipeline, .pipelineAll:
          let timeout = runTimeout
          if try !pipeline(corpus, jobs: method == .pipeline ? 1 : settings.cores, resultPath: resultPath, timeout: timeout, into: &series) {
            timedOut(after: timeout)
            active.removeAll { $0 == method }
            if method == .pipeline, var all = row.series[.pipelineAll], all.seconds.isEmpty, active.contains(.pipelineAll) {
              // The same work on more threads of a shared machine would most likely time out too.
              all.skipReason = "not run: the 1-core pipeline timed out on this corpus"
              row.series[.pipelineAll] = all
              dropped[.pipelineAll] = "the 1-core pipeline timed out at a smaller size"
              active.removeAll { $0 == .pipelineAll }
            }
            continue
          }
        case .reference:
          let timeout = runTimeout
          // Its peak memory is not kept: on Linux a spawned child's ru_maxrss starts from this (large) process's.
          let (_, output) = try reference!.run(path: corpus.path, outputDirectory: work, timeout: timeout)
          guard let output else {
            timedOut(after: timeout)
            continue
          }
          if output.disagreements > 0 { log("  [\(corpus.label)] \(method.rawValue): \(output.disagreements) prefilter/plain disagreements (see its stderr)") }
          if referenceOutput == nil { referenceOutput = output.object }
          // Its own timing of the scan (files read inside it), as (a) and the pipeline time theirs.
          series.seconds.append(output.seconds)
          series.cpuSeconds.append(output.cpuSeconds)
          series.matches = output.matches
          series.errors = output.matchErrors
        case .ripgrep, .ripgrepEach:
          let timeout = runTimeout
          let (child, matches) = method == .ripgrep
            ? try ripgrep!.run(path: corpus.path, threads: 1, outputDirectory: work, timeout: timeout)
            : try ripgrep!.runEach(path: corpus.path, threads: 1, outputDirectory: work, timeout: timeout)
          if child.timedOut {
            timedOut(after: timeout)
            continue
          }
          series.seconds.append(child.wallSeconds)
          series.cpuSeconds.append(child.cpuSeconds)
          series.peakBytes.append(child.peakBytes)
          series.matches = matches
        }
        row.series[method] = series
        var line = String(format: "  [%@] run %d: %@ %.2f s", corpus.label, run + 1, method.rawValue, series.seconds.last!)
        if let peak = series.peakBytes.last, method == .pipeline || method == .pipelineAll {
          line += String(format: ", peak %.0f MiB, %d claims", Double(peak) / 1_048_576, series.claims)
        }
        log(line)
      }
    }
    return row
  }

  /// (f) The claim archive on a corpus, each step a child process: the first `archive add`, a second one of
  /// the unchanged corpus, then reconciling the whole archive entity by entity (its peak memory is the row).
  private func measureArchive(_ corpus: Corpus, previous: Row?, into row: inout Row) throws {
    if let previous, let last = previous.archive {
      let projected = (last.firstAddSeconds + last.reconcileSeconds) * Double(corpus.bytes) / Double(previous.corpus.bytes)
      if settings.deadlineSeconds > 0 && elapsed + projected > settings.deadlineSeconds {
        row.archiveSkip = String(format: "projected %.0f s would end after BENCH_DEADLINE_SECONDS=%.0f", projected, settings.deadlineSeconds)
        log("  [\(corpus.label)] (f) archive: skipped, \(row.archiveSkip!)")
        return
      }
    } else if previous != nil {
      row.archiveSkip = "skipped at a smaller size"
      return
    }
    let work = (settings.corpusRoot as NSString).appendingPathComponent("work")
    let archivePath = (work as NSString).appendingPathComponent("archive-\(corpus.megabytes).sqlite")
    let resultPath = (work as NSString).appendingPathComponent("archive-result.json")
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: archivePath + suffix) }
    }
    func step(_ arguments: [String]) throws -> (ChildRun, [String: Any]) {
      let child = try ChildProcess.run(ChildProcess.selfPath, ["run-archive"] + arguments + [
        "--rules", settings.rules, "--archive", archivePath, "--jobs", String(settings.cores), "--result", resultPath,
      ], timeout: runTimeout)
      guard !child.timedOut, child.status == 0, let data = FileManager.default.contents(atPath: resultPath),
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { throw BenchmarkError("the archive child failed (status \(child.status)) on \(corpus.path)") }
      try? FileManager.default.removeItem(atPath: resultPath)
      return (child, object)
    }
    var figures = ArchiveFigures()
    let (first, added) = try step(["add", "--corpus", corpus.path])
    figures.firstAddSeconds = first.wallSeconds
    figures.firstAddPeak = added["peak_bytes"] as? Int ?? first.peakBytes
    log(String(format: "  [%@] (f) first archive add: %.2f s, %d articles, peak %.0f MiB", corpus.label, first.wallSeconds,
               added["added"] as? Int ?? 0, Double(figures.firstAddPeak) / 1_048_576))
    let (second, _) = try step(["add", "--corpus", corpus.path])
    figures.secondAddSeconds = second.wallSeconds
    log(String(format: "  [%@] (f) second archive add (unchanged): %.2f s", corpus.label, second.wallSeconds))
    let (reconcile, reconciled) = try step(["reconcile"])
    figures.reconcileSeconds = reconcile.wallSeconds
    figures.reconcilePeak = reconciled["peak_bytes"] as? Int ?? reconcile.peakBytes
    figures.claims = reconciled["claims"] as? Int ?? 0
    figures.findings = reconciled["findings"] as? Int ?? 0
    for suffix in ["", "-wal"] {
      figures.archiveBytes += ((try? FileManager.default.attributesOfItem(atPath: archivePath + suffix))?[.size] as? NSNumber)?.int64Value ?? 0
    }
    log(String(format: "  [%@] (f) reconcile through the archive: %.2f s, peak %.0f MiB, %d claims, %d findings", corpus.label,
               reconcile.wallSeconds, Double(figures.reconcilePeak) / 1_048_576, figures.claims, figures.findings))
    row.archive = figures
  }

  /// A run's projected time on `corpus` from its median on a smaller one; rg's fixed start-up does not scale.
  private func project(_ seconds: Double, _ method: Method, from previous: Row, to corpus: Corpus, startup: Startup) -> Double {
    let fixed: Double
    switch method {
    case .ripgrep: fixed = min(seconds, startup.unionMedian)
    case .ripgrepEach: fixed = min(seconds, startup.each)
    default: fixed = 0
    }
    return fixed + (seconds - fixed) * Double(corpus.bytes) / Double(previous.corpus.bytes)
  }

  /// One pipeline run in a child process; `false` when it was killed at `timeout`.
  private func pipeline(_ corpus: Corpus, jobs: Int, resultPath: String, timeout: Double?, into series: inout Series) throws -> Bool {
    let child = try ChildProcess.run(ChildProcess.selfPath, [
      "run-pipeline", "--rules", settings.rules, "--corpus", corpus.path, "--jobs", String(jobs), "--result", resultPath,
    ], timeout: timeout)
    if child.timedOut { return false }
    guard child.status == 0, let data = FileManager.default.contents(atPath: resultPath),
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let seconds = object["seconds"] as? Double
    else { throw BenchmarkError("the pipeline child failed (status \(child.status)) on \(corpus.path)") }
    try? FileManager.default.removeItem(atPath: resultPath)
    series.seconds.append(seconds)
    series.reconcileSeconds.append(object["reconcile_seconds"] as? Double ?? 0)
    // The child's CPU time includes loading the rules; subtract that part (measured by the child).
    series.cpuSeconds.append(max(0, child.cpuSeconds - (object["rule_load_seconds"] as? Double ?? 0)))
    // The child's own VmHWM: its ru_maxrss would start from this process's size (see PeakMemory).
    series.peakBytes.append(object["peak_bytes"] as? Int ?? child.peakBytes)
    series.claims = object["claims"] as? Int ?? 0
    series.findings = object["findings"] as? Int ?? 0
    series.documents = object["documents"] as? Int ?? 0
    series.skipped = object["skipped"] as? Int ?? 0
    return true
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
  /// Speed-up of a CPU-bound loop on all cores over one core, at the start and at the end of the run.
  var parallelismAtStart = 1.0
  var parallelismAtEnd = 1.0

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
