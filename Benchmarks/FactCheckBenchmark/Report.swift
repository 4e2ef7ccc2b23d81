import FactCheck
import Foundation

/// The printed tables and the JSON file: the same figures.
struct Report {
  let settings: Settings
  let machine: Machine
  let rules: CompiledRuleSet
  let ruleLoadSeconds: Double
  let generationSeconds: [String: Double]
  let plain: PlainPCRE2Scanner
  let nsScanner: NSRegularExpressionScanner
  let nsregex: Benchmark.NSRegexResult
  let ripgrep: RipgrepUnion?
  let startup: Benchmark.Startup
  let rows: [Row]
  let generator: CorpusGenerator
  let totalSeconds: Double
  let profile: (corpus: String, seconds: [(rule: String, seconds: Double)])?
  /// (r) The C reference (issue 15), why it did not run, and what its first run printed.
  let reference: CReference?
  let referenceSkip: String?
  let referenceOutput: [String: Any]?

  struct Target {
    let name: String
    let goal: String
    /// "met", "NOT met" or "not measured".
    let verdict: String
    let value: Double?
    let detail: String
  }

  // MARK: - Derived figures

  /// rg's start-up (process, compiling the patterns) is subtracted: the other engines compile before timing.
  func overhead(_ method: Method) -> Double {
    switch method {
    case .ripgrep: return startup.unionMedian
    case .ripgrepEach: return startup.each
    default: return 0
    }
  }

  func mbps(_ row: Row, _ method: Method) -> Double? { row.mbps(method, overhead: overhead(method)) }
  func cpuMBps(_ row: Row, _ method: Method) -> Double? { row.cpuMBps(method, overhead: overhead(method)) }

  func ratio(_ x: Double?, _ y: Double?) -> Double? {
    guard let x, let y, y > 0 else { return nil }
    return x / y
  }

  struct Ratios {
    var pipelineOverPlain: Double?
    var pipelineOverNSRegex: Double?
    var pipelineOverRipgrep: Double?
    var pipelineOverRipgrepEach: Double?
    var pipelineOverReference: Double?
    var speedup: Double?
  }

  func ratios(_ row: Row) -> Ratios {
    let b = mbps(row, .pipeline)
    return Ratios(pipelineOverPlain: ratio(b, mbps(row, .plain)), pipelineOverNSRegex: ratio(b, nsregex.mbps),
                  pipelineOverRipgrep: ratio(b, mbps(row, .ripgrep)), pipelineOverRipgrepEach: ratio(b, mbps(row, .ripgrepEach)),
                  pipelineOverReference: ratio(b, mbps(row, .reference)), speedup: ratio(mbps(row, .pipelineAll), b))
  }

  var fileRows: [Row] { rows.filter { $0.corpus.kind == .files } }
  var singleRows: [Row] { rows.filter { $0.corpus.kind == .single } }
  /// Rows the targets are judged on: the multi-file corpus (the single file when there is none).
  var targetRows: [Row] { (fileRows.isEmpty ? singleRows : fileRows).sorted { $0.corpus.megabytes < $1.corpus.megabytes } }

  var targets: [Target] {
    func largest(with methods: [Method]) -> Row? { targetRows.last { row in methods.allSatisfy { row[$0] != nil } } }
    func judge(_ value: Double?, _ threshold: Double) -> String { value.map { $0 >= threshold ? "met" : "NOT met" } ?? "not measured" }
    var targets: [Target] = []

    let a = largest(with: [.pipeline, .plain])
    let abValue = a.flatMap { ratios($0).pipelineOverPlain }
    let abCPU = a.flatMap { ratio(cpuMBps($0, .pipeline), cpuMBps($0, .plain)) }
    targets.append(Target(name: "pipeline vs plain PCRE2 scan", goal: "(b)/(a) ≥ 1.5", verdict: judge(abValue, 1.5), value: abValue,
                          detail: a.map { "at \($0.corpus.label)" + (abCPU.map { String(format: " (by CPU time: %.2f)", $0) } ?? "") } ?? "no corpus with both"))

    let c = largest(with: [.pipeline])
    let bcValue = c.flatMap { ratios($0).pipelineOverNSRegex }
    targets.append(Target(name: "pipeline vs NSRegularExpression", goal: "(b)/(c) ≥ 20", verdict: judge(bcValue, 20), value: bcValue,
                          detail: !nsregex.series.measured ? "NSRegularExpression not run" : c.map { "at \($0.corpus.label), NSRegularExpression on its \(String(format: "%.2f", Double(nsregex.corpus.bytes) / 1e6)) MB slice" } ?? "no pipeline run"))

    let e = largest(with: [.pipeline, .ripgrep])
    let beValue = e.flatMap { ratios($0).pipelineOverRipgrep }
    targets.append(Target(name: "single-core pipeline vs ripgrep union", goal: "(b)/(e) ≥ 0.5 (within 2×)",
                          verdict: ripgrep == nil ? "not measured" : judge(beValue, 0.5), value: beValue,
                          detail: ripgrep == nil ? (settings.methods.contains("e") ? "rg not on PATH" : "rg not run") : (e.map { "at \($0.corpus.label)" } ?? "no corpus with both")))

    let d = largest(with: [.pipeline, .pipelineAll])
    let dValue = d.flatMap { ratios($0).speedup }
    let ceiling = String(format: "; a CPU-bound loop got %.2f×/%.2f× at start/end", machine.parallelismAtStart, machine.parallelismAtEnd)
    targets.append(Target(name: "all cores vs one core", goal: "(d)/(b) ≥ 1.7 on 2 cores", verdict: settings.cores > 1 ? judge(dValue, 1.7) : "not measured",
                          value: dValue, detail: settings.cores > 1 ? (d.map { "at \($0.corpus.label), \(settings.cores) cores" + ceiling } ?? "no corpus with both") : "one core"))

    let r = largest(with: [.pipeline, .reference])
    let brValue = r.flatMap { ratios($0).pipelineOverReference }
    let brCPU = r.flatMap { ratio(cpuMBps($0, .pipeline), cpuMBps($0, .reference)) }
    targets.append(Target(name: "pipeline vs the C reference (issue 15)", goal: "(b)/(r) ≥ 0.5",
                          verdict: reference == nil ? "not measured" : judge(brValue, 0.5), value: brValue,
                          detail: reference == nil ? (settings.methods.contains("r") ? "C reference skipped: \(referenceSkip ?? "not built")" : "C reference not run")
                            : r.map { String(format: "at %@: %@ vs %@ MB/s", $0.corpus.label, format(mbps($0, .pipeline)), format(mbps($0, .reference)))
                                + (brCPU.map { String(format: " (by CPU time: %.3f)", $0) } ?? "") } ?? "no corpus with both"))

    let small = targetRows.first { $0.corpus.megabytes == 64 && $0[.pipeline] != nil }
    let large = targetRows.first { $0.corpus.megabytes == 256 && $0[.pipeline] != nil }
    if let small, let large {
      let growth = Double(large[.pipeline]!.peak) / Double(max(1, small[.pipeline]!.peak)) - 1
      var detail = String(format: "%.0f MiB at 256 MB vs %.0f MiB at 64 MB (1 core)", mib(large[.pipeline]!.peak), mib(small[.pipeline]!.peak))
      if let l = large[.pipelineAll], let s = small[.pipelineAll] {
        detail += String(format: "; %d cores: %.0f vs %.0f MiB (%+.1f %%)", settings.cores, mib(l.peak), mib(s.peak), (Double(l.peak) / Double(max(1, s.peak)) - 1) * 100)
      }
      targets.append(Target(name: "peak memory at 256 MB within 10 % of 64 MB", goal: "growth ≤ 10 %",
                            verdict: growth <= 0.10 ? "met" : "NOT met", value: growth, detail: detail))
    } else {
      let measured = targetRows.filter { $0[.pipeline] != nil }
      var detail = "the pipeline did not run at both 64 MB and 256 MB"
      if measured.count >= 2 {
        let s = measured[measured.count - 2]
        let l = measured[measured.count - 1]
        let growth = Double(l[.pipeline]!.peak) / Double(max(1, s[.pipeline]!.peak)) - 1
        detail += String(format: "; for reference %@: %.0f MiB vs %@: %.0f MiB (%+.1f %%)", l.corpus.label, mib(l[.pipeline]!.peak),
                         s.corpus.label, mib(s[.pipeline]!.peak), growth * 100)
      }
      targets.append(Target(name: "peak memory at 256 MB within 10 % of 64 MB", goal: "growth ≤ 10 %", verdict: "not measured", value: nil, detail: detail))
    }
    return targets
  }

  // MARK: - Text

  func mib(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

  func format(_ value: Double?, _ digits: Int? = nil) -> String {
    guard let value, value.isFinite else { return "–" }
    let places = digits ?? (value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3)
    return String(format: "%.\(places)f", value)
  }

  func rate(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    if value >= 1e6 { return String(format: "%.2fM", value / 1e6) }
    if value >= 1e4 { return String(format: "%.0fk", value / 1e3) }
    if value >= 1e3 { return String(format: "%.1fk", value / 1e3) }
    if value >= 10 { return String(format: "%.0f", value) }
    return String(format: "%.2f", value)
  }

  /// CPU seconds per wall second of a child run (rule loading excluded from both).
  func busy(_ series: Series) -> Double? {
    guard !series.cpuSeconds.isEmpty else { return nil }
    return Series.median(zip(series.cpuSeconds, series.seconds).map { $0 / max($1, 1e-9) })
  }

  /// Share of a pipeline run's time spent in `reconcile`, median over runs.
  func reconcileShare(_ series: Series) -> Double? {
    guard series.reconcileSeconds.count == series.seconds.count, !series.seconds.isEmpty else { return nil }
    return Series.median(zip(series.reconcileSeconds, series.seconds).map { $0 / max($1, 1e-9) })
  }

  func percent(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }

  func runs(_ row: Row) -> String {
    [Method.plain, .pipeline, .pipelineAll, .ripgrep, .ripgrepEach, .reference].map { String(row[$0]?.seconds.count ?? 0) }.joined(separator: ", ")
  }

  func cell(_ row: Row, _ method: Method) -> String {
    if row[method] != nil { return format(mbps(row, method)) }
    return row.series[method]?.skipReason == nil ? "–" : "skipped"
  }

  func text() -> String {
    var lines: [String] = []
    let claimRules = rules.rules.filter { $0.definition.kind == .claim }.count
    lines.append("FactCheck benchmark (issue 9)")
    lines.append("machine: \(machine.architecture), \(machine.cores) cores (\(machine.cpu)), \(String(format: "%.0f", machine.memoryGiB)) GiB RAM, \(machine.system)")
    lines.append("toolchain: \(machine.swift), release build; PCRE2 \(machine.pcre2) (pcre2-config); \(plain.patterns.count - plain.notJIT)/\(plain.patterns.count) patterns JIT-compiled")
    lines.append("load average: \(machine.loadAverage) at start, \(Machine.currentLoad()) at end (a shared machine: medians, and MB per CPU-second below, are the figures to trust)")
    lines.append(String(format: "parallelism available: a CPU-bound loop ran %.2f× (start) and %.2f× (end) faster on %d threads than on 1 — the ceiling for (d)/(b) during this run", machine.parallelismAtStart, machine.parallelismAtEnd, machine.cores))
    lines.append("rules: \(rules.rules.count) patterns (\(claimRules) claim, \(rules.rules.count - claimRules) dateline) from \(settings.rules), loaded and compiled in \(format(ruleLoadSeconds * 1000, 0)) ms, before any timing")
    lines.append("corpus: from \(generator.templates.count) example articles, seed \(settings.seed): \(CorpusGenerator.groupSize)-article groups share invented names (\(InventedNames.count) in the list; swapped: \(generator.swapTokenList.joined(separator: ", "))) and figures, \(Int(CorpusGenerator.perturbation * 100)) % of figures perturbed (conflicts), 0–2 filler paragraphs without figures per article; typography of figures kept")
    lines.append("        each size generated once, before its measurements, then deleted; MB = 10^6 bytes")
    lines.append("timing: wall-clock median of up to \(settings.runs) runs per method, methods interleaved run by run; a method runs again only while its time on that corpus stays under \(format(settings.maxRunSeconds, 0)) s (BENCH_MAX_RUN_SECONDS), is skipped where one run is projected from the previous size to exceed it, and is killed at twice that; nothing starts that would end after \(format(settings.deadlineSeconds, 0)) s (BENCH_DEADLINE_SECONDS)")
    lines.append("fairness: every method reads its files inside the timed run (page cache: the corpus was just written) and decodes/validates UTF-8 once per file")
    lines.append("(a) plain PCRE2: each of the \(plain.patterns.count) expanded patterns (caseless unless the rule is case-sensitive, JIT) over every article, every match counted; no prefilter, no normalisation, one thread"
                 + (plain.compileFailures.isEmpty ? "" : "; \(plain.compileFailures.count) patterns did not compile"))
    lines.append("(b) pipeline: FactChecker.check(paths:) = reconcile(extract(paths:)) (read, extract, normalise, reconcile; phases timed apart), jobs: 1, in a child process (FactCheckBenchmark run-pipeline); peak memory = the child's own VmHWM (its ru_maxrss would include this process's size)")
    lines.append("(c) NSRegularExpression: the same patterns, numberOfMatches per pattern per article (String → NSString as a caller would), one thread: \(nsScanner.compiledAsIs) compiled as they are, \(nsScanner.compiledInlined) after inlining (?&…) calls (exact rewrite), \(nsScanner.failures.count) could not be compiled"
                 + (nsScanner.failures.isEmpty ? "" : " (" + nsScanner.failures.map { "\($0.rule): \($0.message)" }.joined(separator: "; ") + ")"))
    if nsregex.series.measured {
      lines.append("    measured once, on the first \(nsregex.corpus.articles) articles (\(format(Double(nsregex.corpus.bytes) / 1e6, 2)) MB, what one run scans in \(format(settings.nsregexSeconds, 0)) s): \(format(nsregex.mbps)) MB/s; (b)/(c) divides each size's pipeline MB/s by it")
      lines.append("    matches on that slice: NSRegularExpression \(nsregex.series.matches), plain PCRE2 \(nsregex.plainMatches) (ICU and PCRE2 differ in details of Unicode classes and case folding)")
    } else {
      lines.append("    not measured (BENCH_METHODS)")
    }
    lines.append("(d) pipeline on all cores: jobs: \(settings.cores) (ProcessInfo.activeProcessorCount)")
    if let ripgrep {
      lines.append("(e) \(ripgrep.version), default engine, -j1 -U --count-matches, the union of \(ripgrep.included) of \(rules.rules.count) patterns (-f, one per line):")
      lines.append("    \(ripgrep.withLookaround) of \(rules.rules.count) patterns use look-arounds, which rg's engine cannot run; a strict translation would drop them all, so they are relaxed instead:")
      lines.append("    \(ripgrep.exact) exact, \(ripgrep.relaxed) relaxed to a superset (look-arounds removed in \(ripgrep.relaxedLookaround), atomic/possessive made ordinary in \(ripgrep.relaxedAtomic)), (?&…) calls inlined in \(ripgrep.inlinedCalls), dropped: \(ripgrep.dropped.count)"
                   + (ripgrep.dropped.isEmpty ? "" : " (" + ripgrep.dropped.map { "\($0.rule): \($0.reason)" }.joined(separator: "; ") + ")"))
      lines.append("    rg start-up on an empty file (process + compiling the union): \(format(startup.unionMedian, 2)) s, subtracted from every (e) time")
      lines.append("(e') the same translated patterns, one rg -j1 run per pattern, times summed; start-up summed over the \(ripgrep.included) runs (\(format(startup.each, 2)) s) subtracted")
    } else {
      lines.append(settings.methods.contains("e") ? (ChildProcess.which("rg") == nil ? "(e) ripgrep: skipped — rg is not on PATH (Debian: apt-get install ripgrep)" : "(e) ripgrep: skipped — no pattern translates to its syntax") : "(e) ripgrep: not run (BENCH_METHODS)")
    }

    if let reference {
      let info = referenceOutput ?? [:]
      let count = { (key: String) in (info[key] as? Int).map(String.init) ?? "?" }
      lines.append("(r) C reference (issue 15): \(reference.origin) with \(reference.rulesFile), \(count("rules")) claim rules (\(count("english_rules")) en, \(count("french_rules")) fr) of the bundled rules' kind, PCRE2 \(info["pcre2"] as? String ?? "?") JIT (\(count("jit")) JIT-compiled), each rule separately over every article,")
      lines.append("    [0-9]-style classes, no UCP, UTF-8 validated once per file then PCRE2_NO_UTF_CHECK; per rule the faster (CPU time on the first \(count("calibration_files")) files, before timing) of a plain scan and a literal prefilter: \(count("prefilter_rules")) prefiltered, \(count("plain_rules")) plain; its own timing of reading + matching, in a child process")
    } else {
      lines.append(settings.methods.contains("r") ? "(r) C reference: skipped — \(referenceSkip ?? "not built")" : "(r) C reference: not run (BENCH_METHODS)")
    }

    for (title, group) in [("Many ~3 KB articles (a directory)", fileRows), ("One large file (articles concatenated; the pipeline reads it as one article, in the language of the first)", singleRows)] where !group.isEmpty {
      lines.append("")
      lines.append("\(title) — MB/s, wall clock")
      lines.append("")
      lines.append("| corpus | articles | (a) plain PCRE2 | (b) pipeline 1 core | (d) pipeline \(settings.cores) cores | (c) NSRegex | (e) rg union | (e') rg per pattern | (r) C reference | (b)/(a) | (b)/(r) | (b)/(c) | (b)/(e) | (d)/(b) |")
      lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
      for row in group {
        let r = ratios(row)
        lines.append("| \(row.corpus.megabytes) MB | \(row.corpus.articles > 0 ? String(row.corpus.articles) : "–") | \(cell(row, .plain)) | \(cell(row, .pipeline)) | \(cell(row, .pipelineAll)) | \(format(nsregex.mbps)) | \(cell(row, .ripgrep)) | \(cell(row, .ripgrepEach)) | \(cell(row, .reference)) | \(format(r.pipelineOverPlain)) | \(format(r.pipelineOverReference, 3)) | \(format(r.pipelineOverNSRegex)) | \(format(r.pipelineOverRipgrep)) | \(format(r.speedup)) |")
      }
      lines.append("")
      lines.append("| corpus | pipeline articles/s (1 / \(settings.cores) cores) | claims/s (1 / \(settings.cores) cores) | claims | findings | peak memory 1 core | peak memory \(settings.cores) cores | cores busy (CPU/wall) 1 / \(settings.cores) cores | reconcile share 1 / \(settings.cores) cores | runs (a, b, d, e, e', r) |")
      lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
      for row in group {
        let one = row[.pipeline]
        let all = row[.pipelineAll]
        guard let any = one ?? all else {
          lines.append("| \(row.corpus.megabytes) MB | – / – | – / – | – | – | – | – | – / – | – / – | \(runs(row)) |")
          continue
        }
        let articles = Double(row.corpus.articles)
        let claims = Double(any.claims)
        func pair(_ value: (Series) -> String) -> String { "\(one.map(value) ?? "–") / \(all.map(value) ?? "–")" }
        lines.append("| \(row.corpus.megabytes) MB | \(pair { rate(articles / $0.median) }) | \(pair { rate(claims / $0.median) }) | \(any.claims) | \(any.findings) | \(one.map { format(mib($0.peak), 0) + " MiB" } ?? "–") | \(all.map { format(mib($0.peak), 0) + " MiB" } ?? "–") | \(pair { format(busy($0), 2) }) | \(pair { percent(reconcileShare($0)) }) | \(runs(row)) |")
      }
      lines.append("")
      lines.append("| corpus | MB per CPU-second: (a) plain | (b) pipeline | (d) pipeline, all threads | (c) NSRegex | (e) rg union | (e') rg per pattern | (r) C reference | (b)/(a) by CPU | (b)/(r) by CPU | matches: (a) plain | (e) rg union | (e') rg per pattern | (r) C reference |")
      lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
      for row in group {
        lines.append("| \(row.corpus.megabytes) MB | \(format(cpuMBps(row, .plain))) | \(format(cpuMBps(row, .pipeline))) | \(format(cpuMBps(row, .pipelineAll))) | \(format(nsregex.cpuMBps)) | \(format(cpuMBps(row, .ripgrep))) | \(format(cpuMBps(row, .ripgrepEach))) | \(format(cpuMBps(row, .reference))) | \(format(ratio(cpuMBps(row, .pipeline), cpuMBps(row, .plain)))) | \(format(ratio(cpuMBps(row, .pipeline), cpuMBps(row, .reference)), 3)) | \(row[.plain].map { String($0.matches) + ($0.errors > 0 ? " (\($0.errors) limit errors)" : "") } ?? "–") | \(row[.ripgrep].map { String($0.matches) } ?? "–") | \(row[.ripgrepEach].map { String($0.matches) } ?? "–") | \(row[.reference].map { String($0.matches) + ($0.errors > 0 ? " (\($0.errors) errors)" : "") } ?? "–") |")
      }
      var skips = group.flatMap { row in
        Method.allCases.compactMap { method in
          row.series[method].flatMap { $0.measured ? nil : $0.skipReason.map { "- \(row.corpus.label), \(method.rawValue): skipped, \($0)" } }
        }
      }
      for row in group {
        for method in [Method.pipeline, .pipelineAll] {
          if let series = row[method], series.skipped > 0 {
            skips.append("- \(row.corpus.label), \(method.rawValue): the pipeline skipped \(series.skipped) of \(series.documents) inputs")
          }
        }
      }
      if !skips.isEmpty {
        lines.append("")
        lines += skips
      }
    }

    if settings.methods.contains("f") && !fileRows.isEmpty {
      lines.append("")
      lines.append("(f) Claim archive (issue 16): `archive add` of the corpus (jobs: \(settings.cores)), a second add of the unchanged corpus, then the whole archive reconciled entity by entity (findings counted and dropped); each step a child process, peak memory its own VmHWM")
      lines.append("")
      lines.append("| corpus | articles | first add | second add | second/first | reconcile through the archive | reconcile peak memory | first add peak memory | claims | findings | archive size |")
      lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
      for row in fileRows {
        guard let figures = row.archive else {
          lines.append("| \(row.corpus.megabytes) MB | – | \(row.archiveSkip ?? "–") | – | – | – | – | – | – | – | – |")
          continue
        }
        lines.append("| \(row.corpus.megabytes) MB | \(row.corpus.articles) | \(format(figures.firstAddSeconds, 1)) s | \(format(figures.secondAddSeconds, 2)) s | \(format(figures.secondAddSeconds / max(figures.firstAddSeconds, 1e-9), 3)) | \(format(figures.reconcileSeconds, 1)) s | \(format(mib(figures.reconcilePeak), 0)) MiB | \(format(mib(figures.firstAddPeak), 0)) MiB | \(figures.claims) | \(figures.findings) | \(format(Double(figures.archiveBytes) / 1e6, 0)) MB |")
      }
      let measured = fileRows.filter { $0.archive != nil }
      if let small = measured.first, let large = measured.last, large.corpus.megabytes > small.corpus.megabytes {
        let growth = Double(large.archive!.reconcilePeak) / Double(max(1, small.archive!.reconcilePeak)) - 1
        lines.append("")
        lines.append(String(format: "- reconcile peak memory through the archive, %d MB vs %d MB: %+.1f %% (target: within 10 %%) — %@", large.corpus.megabytes,
                            small.corpus.megabytes, growth * 100, abs(growth) <= 0.10 ? "met" : "NOT met"))
      }
    }

    if let profile {
      let total = profile.seconds.reduce(0) { $0 + $1.seconds }
      lines.append("")
      lines.append("Slowest patterns of the plain PCRE2 scan (first run on \(profile.corpus); share of its \(format(total, 2)) s):")
      for entry in profile.seconds.sorted(by: { $0.seconds > $1.seconds }).prefix(10) {
        lines.append(String(format: "  %5.1f %%  %@", entry.seconds / max(total, 1e-9) * 100, entry.rule))
      }
    }

    lines.append("")
    lines.append("Targets (issue 9; the C reference: issue 15), at the largest size where both sides ran")
    lines.append("")
    for target in targets {
      let value: String
      if target.goal.hasPrefix("growth") {
        value = target.value.map { String(format: "%+.1f %%, ", $0 * 100) } ?? ""
      } else {
        value = target.value.map { format($0, $0 < 0.1 ? 3 : 2) + " " } ?? ""
      }
      lines.append("- \(target.name), \(target.goal): \(value)\(target.detail) — \(target.verdict)")
    }
    lines.append("")
    lines.append(String(format: "total time %.0f s", totalSeconds))
    return lines.joined(separator: "\n")
  }

  // MARK: - JSON

  private func orNull<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? NSNull() }

  /// JSON has no NaN or infinity: such numbers become null.
  static func sanitised(_ value: Any) -> Any {
    switch value {
    case let number as Double: return number.isFinite ? number : NSNull()
    case let array as [Any]: return array.map(sanitised)
    case let object as [String: Any]: return object.mapValues(sanitised)
    default: return value
    }
  }

  func json() -> [String: Any] {
    var object: [String: Any] = [:]
    object["machine"] = [
      "architecture": machine.architecture, "cores": machine.cores, "cpu": machine.cpu, "memory_gib": machine.memoryGiB,
      "system": machine.system, "pcre2": machine.pcre2, "swift": machine.swift, "load_average_start": machine.loadAverage,
      "load_average_end": Machine.currentLoad(), "parallelism_start": machine.parallelismAtStart,
      "parallelism_end": machine.parallelismAtEnd,
    ]
    object["settings"] = [
      "file_sizes_mb": settings.fileSizes, "single_sizes_mb": settings.singleSizes, "runs": settings.runs,
      "max_run_seconds": settings.maxRunSeconds, "deadline_seconds": settings.deadlineSeconds,
      "nsregex_slice_mb": settings.nsregexMegabytes, "nsregex_seconds": settings.nsregexSeconds, "rules": settings.rules,
      "seed": settings.seed, "jobs_all": settings.cores, "mb_bytes": 1_000_000,
    ]
    object["rules"] = [
      "patterns": rules.rules.count, "load_seconds": ruleLoadSeconds, "plain_jit": plain.patterns.count - plain.notJIT,
      "plain_compile_failures": plain.compileFailures.map { ["rule": $0.rule, "message": $0.message] },
    ]
    object["corpus_generation_seconds"] = generationSeconds
    object["total_seconds"] = totalSeconds
    if let profile {
      object["plain_pcre2_profile"] = [
        "corpus": profile.corpus,
        "seconds_by_rule": Dictionary(uniqueKeysWithValues: profile.seconds.map { ($0.rule, $0.seconds) }),
      ]
    }
    object["nsregularexpression"] = nsregex.series.json.merging([
      "compiled_as_is": nsScanner.compiledAsIs, "compiled_after_inlining": nsScanner.compiledInlined,
      "failures": nsScanner.failures.map { ["rule": $0.rule, "message": $0.message] },
      "slice_articles": nsregex.corpus.articles, "plain_pcre2_matches_on_slice": nsregex.plainMatches, "slice_bytes": nsregex.corpus.bytes,
      "mb_per_s": orNull(nsregex.mbps), "mb_per_cpu_s": orNull(nsregex.cpuMBps),
    ]) { $1 }
    if let ripgrep {
      object["ripgrep"] = [
        "version": ripgrep.version, "included": ripgrep.included, "exact": ripgrep.exact, "relaxed": ripgrep.relaxed,
        "relaxed_lookaround": ripgrep.relaxedLookaround, "relaxed_atomic": ripgrep.relaxedAtomic,
        "inlined_calls": ripgrep.inlinedCalls, "with_lookaround": ripgrep.withLookaround,
        "dropped": ripgrep.dropped.map { ["rule": $0.rule, "reason": $0.reason] },
        "startup_union_seconds": startup.union, "startup_union_median_seconds": startup.unionMedian,
        "startup_per_pattern_total_seconds": startup.each,
        "arguments": RipgrepUnion.commonArguments + ["-j", "1"],
      ]
    } else {
      object["ripgrep"] = NSNull()
    }
    if let reference {
      var info = referenceOutput ?? [:]
      // Per-run figures are in the rows; the rules and how each is scanned stay.
      for key in ["seconds", "cpu_seconds", "mb_per_s", "files", "bytes", "matches"] { info.removeValue(forKey: key) }
      object["c_reference"] = info.merging(["executable": reference.origin, "rules_file": reference.rulesFile]) { $1 }
    } else {
      object["c_reference"] = ["skipped": referenceSkip ?? (settings.methods.contains("r") ? "not built" : "not run")]
    }
    let keys: [Method: String] = [
      .plain: "a_plain_pcre2", .pipeline: "b_pipeline_1_core", .pipelineAll: "d_pipeline_all_cores",
      .ripgrep: "e_ripgrep_union", .ripgrepEach: "e_ripgrep_per_pattern", .reference: "r_c_reference",
    ]
    object["results"] = rows.map { row -> [String: Any] in
      let r = ratios(row)
      var entry: [String: Any] = [
        "kind": row.corpus.kind.rawValue, "megabytes": row.corpus.megabytes, "bytes": row.corpus.bytes,
        "articles": row.corpus.articles,
        "f_archive": row.archive.map { $0.json as Any } ?? (row.archiveSkip.map { ["skipped": $0] as Any } ?? NSNull()),
        "c_nsregularexpression_mb_per_s": orNull(nsregex.mbps),
        "ratio_b_over_a": orNull(r.pipelineOverPlain),
        "ratio_b_over_c": orNull(r.pipelineOverNSRegex),
        "ratio_b_over_e": orNull(r.pipelineOverRipgrep),
        "ratio_b_over_e_per_pattern": orNull(r.pipelineOverRipgrepEach),
        "ratio_b_over_r": orNull(r.pipelineOverReference),
        "ratio_d_over_b": orNull(r.speedup),
      ]
      for (method, key) in keys {
        guard let series = row.series[method] else { continue }
        var json = series.json
        if series.measured {
          json["mb_per_s"] = orNull(mbps(row, method))
          json["mb_per_cpu_s"] = orNull(cpuMBps(row, method))
          if method == .pipeline || method == .pipelineAll {
            json["cores_busy"] = orNull(busy(series))
            json["articles_per_s"] = Double(row.corpus.articles) / series.median
            json["claims_per_s"] = Double(series.claims) / series.median
          }
        }
        entry[key] = json
      }
      return entry
    }
    object["targets"] = targets.map { target -> [String: Any] in
      ["name": target.name, "goal": target.goal, "value": orNull(target.value), "verdict": target.verdict, "detail": target.detail]
    }
    return object
  }
}
