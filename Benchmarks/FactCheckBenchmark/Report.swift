import FactCheck
import Foundation

/// The printed tables and the JSON file: the same figures.
struct Report {
  let settings: Settings
  let machine: Machine
  let rules: CompiledRuleSet
  let ruleLoadSeconds: Double
  let generationSeconds: Double
  let plain: PlainPCRE2Scanner
  let nsScanner: NSRegularExpressionScanner
  let nsregex: [Corpus.Kind: (corpus: Corpus, series: Series)]
  let ripgrep: RipgrepUnion?
  let ripgrepStartup: Series
  let rows: [Row]
  let generator: CorpusGenerator

  struct Target {
    let name: String
    let goal: String
    let threshold: Double
    let value: Double?
    let detail: String
    var met: Bool? { value.map { $0 >= threshold } }
  }

  // MARK: - Derived figures

  var ripgrepOverhead: Double { ripgrepStartup.seconds.isEmpty ? 0 : ripgrepStartup.median }

  /// rg MB/s with its start-up (process start, compiling the union) subtracted, as rule compilation is
  /// outside the other engines' timings.
  func ripgrepMBps(_ row: Row) -> Double? {
    guard let series = row.ripgrep, !series.seconds.isEmpty else { return nil }
    let seconds = max(series.median - ripgrepOverhead, 1e-6)
    return Double(row.corpus.bytes) / 1e6 / seconds
  }

  func nsregexMBps(_ kind: Corpus.Kind) -> Double? {
    guard let entry = nsregex[kind] else { return nil }
    return Double(entry.corpus.bytes) / 1e6 / entry.series.median
  }

  func ratios(_ row: Row) -> (planeRatio: Double?, nsRatio: Double?, rgRatio: Double?, speedup: Double?) {
    let b = row.mbps(row.pipeline)
    let a = row.mbps(row.plain)
    let c = nsregexMBps(row.corpus.kind)
    let e = ripgrepMBps(row)
    let d = row.mbps(row.pipelineAll)
    func ratio(_ x: Double?, _ y: Double?) -> Double? {
      guard let x, let y, y > 0 else { return nil }
      return x / y
    }
    return (ratio(b, a), ratio(b, c), ratio(b, e), ratio(d, b))
  }

  var fileRows: [Row] { rows.filter { $0.corpus.kind == .files } }
  var singleRows: [Row] { rows.filter { $0.corpus.kind == .single } }

  /// Peak memory of the largest multi-file corpus against the 64 MB one (or the next smaller one).
  var memoryComparison: (large: Row, small: Row, growth: Double, growthAll: Double?)? {
    let candidates = fileRows.sorted { $0.corpus.megabytes < $1.corpus.megabytes }
    guard let large = candidates.last, candidates.count >= 2 else { return nil }
    let small = candidates.last { $0.corpus.megabytes == 64 && $0.corpus.megabytes < large.corpus.megabytes }
      ?? candidates[candidates.count - 2]
    let growth = Double(large.pipeline.peak) / Double(max(1, small.pipeline.peak)) - 1
    var growthAll: Double?
    if let l = large.pipelineAll, let s = small.pipelineAll { growthAll = Double(l.peak) / Double(max(1, s.peak)) - 1 }
    return (large, small, growth, growthAll)
  }

  var targets: [Target] {
    guard let row = fileRows.max(by: { $0.corpus.megabytes < $1.corpus.megabytes }) ?? rows.last else { return [] }
    let r = ratios(row)
    let at = "at \(row.corpus.megabytes) MB (\(row.corpus.kind == .files ? "files" : "single file"))"
    var targets = [
      Target(name: "pipeline vs plain scan", goal: "(b)/(a) ≥ 1.5", threshold: 1.5, value: r.planeRatio, detail: at),
      Target(name: "pipeline vs NSRegularExpression", goal: "(b)/(c) ≥ 20", threshold: 20, value: r.nsRatio, detail: at),
      Target(name: "single-core pipeline vs rg union", goal: "(b)/(e) ≥ 0.5 (within 2×)", threshold: 0.5, value: r.rgRatio,
             detail: ripgrep == nil ? "rg not installed" : at),
      Target(name: "all cores vs one core", goal: "(d) ≥ 1.7 on 2 cores", threshold: 1.7, value: r.speedup,
             detail: settings.cores > 1 ? "\(at), \(settings.cores) cores" : "one core only"),
    ]
    if let memory = memoryComparison {
      // Expressed as 1 - growth so that "≥ 0.9" means "within 10 %".
      targets.append(Target(name: "peak memory, \(memory.large.corpus.megabytes) MB vs \(memory.small.corpus.megabytes) MB",
                            goal: "growth ≤ 10 %", threshold: -0.10, value: -memory.growth,
                            detail: String(format: "1 core: %.0f MiB vs %.0f MiB (%+.1f %%)", mib(memory.large.pipeline.peak), mib(memory.small.pipeline.peak), memory.growth * 100)
                              + (memory.growthAll.map { String(format: "; all cores: %+.1f %%", $0 * 100) } ?? "")))
    }
    return targets
  }

  // MARK: - Text

  func mib(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

  func format(_ value: Double?, _ digits: Int = 1) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.\(digits)f", value)
  }

  func count(_ value: Double) -> String {
    if value >= 1e6 { return String(format: "%.2fM", value / 1e6) }
    if value >= 1e4 { return String(format: "%.0fk", value / 1e3) }
    if value >= 1e3 { return String(format: "%.1fk", value / 1e3) }
    return String(format: "%.0f", value)
  }

  func text() -> String {
    var lines: [String] = []
    let claimRules = rules.rules.filter { $0.definition.kind == .claim }.count
    let runsText = settings.runs == settings.largeRuns ? "\(settings.runs) runs" : "\(settings.runs) runs (\(settings.largeRuns) above 64 MB)"
    lines.append("FactCheck benchmark")
    lines.append("machine: \(machine.architecture), \(machine.cores) cores (\(machine.cpu)), \(String(format: "%.0f", machine.memoryGiB)) GiB, \(machine.system)")
    lines.append("toolchain: \(machine.swift), release build; PCRE2 \(machine.pcre2) (pcre2-config), \(plain.patterns.count - plain.notJIT)/\(plain.patterns.count) patterns JIT-compiled")
    lines.append("load average at start: \(machine.loadAverage), at end: \(Machine.currentLoad()) (the machine is shared: expect noise)")
    lines.append("rules: \(rules.rules.count) patterns (\(claimRules) claim, \(rules.rules.count - claimRules) dateline) from \(settings.rules), loaded and compiled in \(format(ruleLoadSeconds * 1000, 0)) ms")
    lines.append("corpus: generated from \(generator.templates.count) example articles, seed \(settings.seed), \(CorpusGenerator.groupSize)-article groups sharing \(InventedNames.count) invented names "
                 + "(swapped: \(generator.swapTokenList.joined(separator: ", "))), figures varied (\(Int(CorpusGenerator.perturbation * 100)) % perturbed per figure), 0–2 filler paragraphs per article; generated in \(format(generationSeconds)) s")
    lines.append("timing: wall-clock median of \(runsText) per method, methods interleaved run by run; MB = 10^6 bytes; MB/s = corpus bytes / median")
    lines.append("fairness: every method reads its files inside the timed run (from the page cache: the corpus was just written) and validates/decodes UTF-8 once per file; rules and patterns are compiled before timing")
    lines.append("(a) plain PCRE2: each of the \(plain.patterns.count) expanded patterns over every article, JIT, no prefilter, no normalisation, one thread\(plain.compileFailures.isEmpty ? "" : "; \(plain.compileFailures.count) patterns did not compile")")
    lines.append("(b) pipeline: FactChecker.check(paths:) with jobs: 1 (read, extract, normalise, reconcile) in a child process; peak = the child's ru_maxrss (wait4)")
    lines.append("(c) NSRegularExpression: the same patterns, one thread, numberOfMatches per pattern per article; \(nsScanner.compiledAsIs) compiled as they are, \(nsScanner.compiledInlined) after inlining (?&…) calls (exact), \(nsScanner.failures.count) could not be compiled"
                 + (nsScanner.failures.isEmpty ? "" : " (" + nsScanner.failures.map { "\($0.rule): \($0.message)" }.joined(separator: "; ") + ")"))
    for (kind, entry) in nsregex.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      lines.append("    measured on a \(entry.corpus.megabytes) MB slice (\(kind == .files ? "the first \(entry.corpus.articles) files" : "one \(format(Double(entry.corpus.bytes) / 1e6, 2)) MB file")): \(format(nsregexMBps(kind), 2)) MB/s, used for every size of that corpus kind")
    }
    lines.append("(d) pipeline on all cores: jobs: \(settings.cores) (ProcessInfo.activeProcessorCount)")
    if let ripgrep {
      lines.append("(e) \(ripgrep.version), -j1 -U (multiline: the patterns match across line breaks), --count-matches, union of \(ripgrep.included)/\(rules.rules.count) patterns:")
      lines.append("    \(ripgrep.exact) exact, \(ripgrep.relaxed) relaxed to a superset (look-arounds removed in \(ripgrep.relaxedLookaround), atomic groups/possessive quantifiers made ordinary in \(ripgrep.relaxedAtomic)); (?&…) calls inlined in \(ripgrep.inlinedCalls); dropped: \(ripgrep.dropped.count)"
                   + (ripgrep.dropped.isEmpty ? "" : " (" + ripgrep.dropped.map { "\($0.rule): \($0.reason)" }.joined(separator: "; ") + ")"))
      lines.append("    \(ripgrep.withLookaround) of \(rules.rules.count) patterns contain look-arounds, which rg's default engine cannot run: a strict translation would drop them all")
      lines.append("    rg start-up (process + compiling the union, on an empty file): \(format(ripgrepOverhead, 3)) s, subtracted from every rg time")
    } else {
      lines.append("(e) ripgrep: skipped (rg is not on PATH; on Debian: apt-get install ripgrep)")
    }

    for (title, group) in [("Many ~3 KB articles", fileRows), ("One large file (mixed French and English articles, the language of the first)", singleRows)] where !group.isEmpty {
      lines.append("")
      lines.append("\(title)")
      lines.append("")
      lines.append("| corpus | articles | (a) plain PCRE2 MB/s | (b) pipeline 1 core MB/s | (d) pipeline \(settings.cores) cores MB/s | (c) NSRegex MB/s | (e) rg -j1 MB/s | (b)/(a) | (b)/(c) | (b)/(e) | (d)/(b) |")
      lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
      for row in group {
        let r = ratios(row)
        lines.append("| \(row.corpus.megabytes) MB | \(row.corpus.articles) | \(format(row.mbps(row.plain))) | \(format(row.mbps(row.pipeline))) | \(format(row.mbps(row.pipelineAll))) | \(format(nsregexMBps(row.corpus.kind), 2)) | \(format(ripgrepMBps(row))) | \(format(r.planeRatio, 2)) | \(format(r.nsRatio)) | \(format(r.rgRatio, 2)) | \(format(r.speedup, 2)) |")
      }
      lines.append("")
      lines.append("| corpus | pipeline articles/s (1 / \(settings.cores) cores) | claims/s (1 / \(settings.cores) cores) | claims | findings | peak memory 1 core | peak memory \(settings.cores) cores | plain matches | rg matches |")
      lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
      for row in group {
        let one = row.pipeline.median
        let all = row.pipelineAll?.median
        let articles = Double(row.pipeline.documents)
        let claims = Double(row.pipeline.claims)
        lines.append("| \(row.corpus.megabytes) MB | \(count(articles / one)) / \(all.map { count(articles / $0) } ?? "–") | \(count(claims / one)) / \(all.map { count(claims / $0) } ?? "–") | \(row.pipeline.claims) | \(row.pipeline.findings) | \(format(mib(row.pipeline.peak), 0)) MiB | \(row.pipelineAll.map { format(mib($0.peak), 0) + " MiB" } ?? "–") | \(row.plain.matches)\(row.plain.errors > 0 ? " (\(row.plain.errors) limit errors)" : "") | \(row.ripgrep.map { String($0.matches) } ?? "–") |")
      }
    }

    lines.append("")
    lines.append("Targets (issue 9)")
    lines.append("")
    for target in targets {
      let verdict = target.met.map { $0 ? "met" : "NOT met" } ?? "not measured"
      let value: String
      if target.goal.hasPrefix("growth") {
        value = target.detail
      } else {
        value = "\(format(target.value, 2)) \(target.detail)"
      }
      lines.append("- \(target.name), \(target.goal): \(value) — \(verdict)")
    }
    if let memory = memoryComparison {
      lines.append(String(format: "- peak memory at %d MB within %.1f %% of %d MB (1 core)", memory.large.corpus.megabytes, abs(memory.growth * 100), memory.small.corpus.megabytes)
                   + (memory.growth < 0 ? " (lower)" : " (higher)"))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - JSON

  private func orNull<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? NSNull() }

  func json() -> [String: Any] {
    var object: [String: Any] = [:]
    object["machine"] = [
      "architecture": machine.architecture, "cores": machine.cores, "cpu": machine.cpu, "memory_gib": machine.memoryGiB,
      "system": machine.system, "pcre2": machine.pcre2, "swift": machine.swift, "load_average_start": machine.loadAverage,
      "load_average_end": Machine.currentLoad(),
    ]
    object["settings"] = [
      "file_sizes_mb": settings.fileSizes, "single_sizes_mb": settings.singleSizes, "runs": settings.runs,
      "large_runs": settings.largeRuns, "nsregex_slice_mb": settings.nsregexMegabytes, "rules": settings.rules,
      "seed": settings.seed, "jobs_all": settings.cores, "mb": 1_000_000,
    ]
    object["rules"] = [
      "patterns": rules.rules.count, "load_seconds": ruleLoadSeconds, "plain_jit": plain.patterns.count - plain.notJIT,
      "plain_compile_failures": plain.compileFailures.map { ["rule": $0.rule, "message": $0.message] },
    ]
    object["corpus_generation_seconds"] = generationSeconds
    var ns: [String: Any] = [
      "compiled_as_is": nsScanner.compiledAsIs, "compiled_after_inlining": nsScanner.compiledInlined,
      "failures": nsScanner.failures.map { ["rule": $0.rule, "message": $0.message] },
    ]
    for (kind, entry) in nsregex {
      ns[kind.rawValue] = entry.series.json.merging([
        "slice_mb": entry.corpus.megabytes, "bytes": entry.corpus.bytes, "articles": entry.corpus.articles,
        "mb_per_s": orNull(nsregexMBps(kind)),
      ]) { $1 }
    }
    object["nsregularexpression"] = ns
    if let ripgrep {
      object["ripgrep"] = [
        "version": ripgrep.version, "included": ripgrep.included, "exact": ripgrep.exact, "relaxed": ripgrep.relaxed,
        "relaxed_lookaround": ripgrep.relaxedLookaround, "relaxed_atomic": ripgrep.relaxedAtomic,
        "inlined_calls": ripgrep.inlinedCalls, "with_lookaround": ripgrep.withLookaround,
        "dropped": ripgrep.dropped.map { ["rule": $0.rule, "reason": $0.reason] },
        "startup_seconds": ripgrepStartup.seconds, "startup_median_seconds": ripgrepOverhead,
        "arguments": RipgrepUnion.commonArguments + ["-j", "1"],
      ]
    } else {
      object["ripgrep"] = NSNull()
    }
    object["results"] = rows.map { row -> [String: Any] in
      let r = ratios(row)
      var entry: [String: Any] = [
        "kind": row.corpus.kind.rawValue, "megabytes": row.corpus.megabytes, "bytes": row.corpus.bytes,
        "articles": row.corpus.articles,
        "plain_pcre2": row.plain.json.merging(["mb_per_s": orNull(row.mbps(row.plain))]) { $1 },
        "pipeline_1": row.pipeline.json.merging([
          "mb_per_s": orNull(row.mbps(row.pipeline)),
          "articles_per_s": Double(row.pipeline.documents) / row.pipeline.median,
          "claims_per_s": Double(row.pipeline.claims) / row.pipeline.median,
        ]) { $1 },
        "nsregularexpression_mb_per_s": orNull(nsregexMBps(row.corpus.kind)),
        "ratio_pipeline_plain": orNull(r.planeRatio),
        "ratio_pipeline_nsregex": orNull(r.nsRatio),
        "ratio_pipeline_ripgrep": orNull(r.rgRatio),
        "speedup_all_cores": orNull(r.speedup),
      ]
      if let all = row.pipelineAll {
        entry["pipeline_all"] = all.json.merging([
          "mb_per_s": orNull(row.mbps(all)), "jobs": settings.cores,
          "articles_per_s": Double(all.documents) / all.median, "claims_per_s": Double(all.claims) / all.median,
        ]) { $1 }
      }
      if let rg = row.ripgrep {
        entry["ripgrep_1"] = rg.json.merging(["mb_per_s": orNull(ripgrepMBps(row))]) { $1 }
      }
      return entry
    }
    object["targets"] = targets.map { target -> [String: Any] in
      ["name": target.name, "goal": target.goal, "value": orNull(target.value), "met": orNull(target.met), "detail": target.detail]
    }
    if let memory = memoryComparison {
      object["peak_memory_growth"] = [
        "large_mb": memory.large.corpus.megabytes, "small_mb": memory.small.corpus.megabytes,
        "growth_1_core": memory.growth, "growth_all_cores": orNull(memory.growthAll),
      ]
    }
    return object
  }
}
