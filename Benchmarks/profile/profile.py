#!/usr/bin/env python3
"""Instructions per input byte by phase of the pipeline (issue 15): `make profile`.

Runs `factcheck check DIR --format json --jobs 1` under valgrind's callgrind over a corpus the benchmark's generator
writes (FactCheckBenchmark sample N DIR), then attributes callgrind_annotate's inclusive instruction counts
(--inclusive=yes) to the pipeline's phases and prints "phase | share | instructions per byte".

Instruction counts do not depend on the machine's load (unlike wall time): a run is repeatable to a fraction of a
per cent. valgrind needs a copy of the binary stripped of its debug information (`strip --strip-debug`: valgrind
3.19 cannot read the DWARF 5 that Swift writes); the symbol table stays, so functions keep their names.

Phases are the inclusive cost of the functions that carry them (Swift names demangled with `swift demangle`).
Patterns are JIT-compiled lazily, on first use, inside whichever phase first runs them: callgrind keeps the callers
of pcre2_jit_compile_8 apart (--separate-callers), so that JIT time counts as start-up and is taken out of the
phase that triggered it. What no phase holds (process start, the suppression-comment scan, the name tally, …)
is "other".
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

# (phase, functions whose inclusive cost it is, functions nested in them that belong to another phase)
# Names are demangled and simplified, matched from their start (so "ClaimRuleScanner.scan(" stands for any signature),
# with any "specialized " / "static " in front ignored; a function listed twice (a specialisation calling its
# generic self) counts once, at its larger cost.
PHASES = [
    ("startup: YAML, rule compilation (pcre2_compile)", ["CompiledRuleSet.load("], []),
    ("startup: JIT compilation (lazy, on first use of a pattern)", ["pcre2_jit_compile_8"], []),
    ("reading articles (walk, load, front matter)", ["ArticleLoader.load(", "InputWalker.expand("],
     ["LanguageDetector.detect("]),
    ("language detection (LanguageDetector)", ["LanguageDetector.detect(", "LanguageDetector.counts("], []),
    ("claim-rule matching (ClaimRuleScanner.scan)", ["ClaimRuleScanner.scan("], []),
    ("mention scans (ArticleContext.init)", ["ArticleContext.init("], []),
    ("normalisation (ClaimBuilder: build, tables)", ["ClaimBuilder.build(", "ClaimBuilder.claims(from:", "ClaimBuilder.tableCells("], []),
    ("reconciliation (FactChecker.result: store, checks)", ["FactChecker.result(of:"], []),
    ("report output (RunOptions.emit: JSON built and written)", ["RunOptions.emit("], []),
    ("proper-name tally for the spelling check (Extractor.tally)", ["Extractor.tally("], []),
    ("suppression comments (SuppressionComments.scan)", ["SuppressionComments.scan("], []),
]
# Sub-figures shown with start-up.
STARTUP_PARTS = [("YAML", "RuleFileLoader.loadLayer("), ("compile", "RuleCompiler.compile(")]
JIT = "pcre2_jit_compile_8"
# Where a JIT compilation happened: the nearest of these callers in its context.
JIT_OWNERS = [
    ("claim-rule matching (ClaimRuleScanner.scan)", "ClaimRuleScanner.scan("),
    ("mention scans (ArticleContext.init)", "ArticleContext.init("),
    ("normalisation (ClaimBuilder: build, tables)", "ClaimBuilder."),
    ("language detection (LanguageDetector)", "LanguageDetector."),
    ("reading articles (walk, load, front matter)", "ArticleLoader."),
    ("reconciliation (FactChecker.result: store, checks)", "FactChecker.result(of:"),
    ("report output (RunOptions.emit: JSON built and written)", "RunOptions.emit("),
]
CALLER_DEPTH = 16


def run(command, **options):
    print("+ " + " ".join(command), file=sys.stderr)
    return subprocess.run(command, **options)


def normalise(name):
    for prefix in ("specialized ", "static "):
        while name.startswith(prefix):
            name = name[len(prefix):]
    return name


def parse_annotate(text):
    """(total, {function name: inclusive cost}) from callgrind_annotate --inclusive=yes output, demangled."""
    total = None
    costs = {}
    line_pattern = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$")
    for line in text.splitlines():
        match = line_pattern.match(line)
        if not match:
            continue
        cost = int(match.group(1).replace(",", ""))
        rest = match.group(2)
        if rest.strip() == "PROGRAM TOTALS":
            total = cost
            continue
        rest = re.sub(r"\s+\[[^\]]*\]\s*$", "", rest)  # the object file
        if ":" not in rest:
            continue
        function = rest.split(":", 1)[1]  # file:function (the file is ??? without debug information)
        costs[function] = max(costs.get(function, 0), cost)
    return total, costs


def inclusive(costs, prefix):
    """The largest inclusive cost of a function named `prefix…` (not a recursion-cycle entry such as f'2)."""
    best = 0
    for name, cost in costs.items():
        if "'" not in name and normalise(name).startswith(prefix):
            best = max(best, cost)
    return best


def jit_by_owner(costs):
    """JIT instructions by the phase that triggered them, from the separated caller contexts of pcre2_jit_compile_8."""
    owners = {}
    for name, cost in costs.items():
        if not name.startswith(JIT + "'"):
            continue
        chain = name.split("'")[1:]
        owner = "elsewhere"
        for caller in chain:
            caller = normalise(caller)
            found = next((phase for phase, prefix in JIT_OWNERS if caller.startswith(prefix)), None)
            if found:
                owner = found
                break
        owners[owner] = owners.get(owner, 0) + cost
    return owners


def giga(value):
    return f"{value / 1e9:.2f} G"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factcheck", required=True, help="the release factcheck binary")
    parser.add_argument("--benchmark", help="the release FactCheckBenchmark binary (writes the corpus)")
    parser.add_argument("--articles", type=int, default=300, help="generated articles (about 2.9 KB each)")
    parser.add_argument("--corpus", help="profile this directory instead of generating one")
    parser.add_argument("--work", default=".build-profile", help="where the stripped binary, corpus and output go")
    parser.add_argument("--json", help="also write the figures to this file (default: WORK/profile.json)")
    parser.add_argument("--reuse", action="store_true", help="attribute WORK/callgrind.out again (same corpus), without running valgrind")
    arguments = parser.parse_args()

    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    for tool in ("valgrind", "callgrind_annotate", "strip"):
        if not shutil.which(tool):
            sys.exit(f"profile: {tool} is not on PATH (Debian: apt-get install valgrind binutils)")
    demangler = shutil.which("swift-demangle") and ["swift-demangle", "--simplified"] or ["swift", "demangle", "--simplified"]
    work = os.path.abspath(arguments.work)
    os.makedirs(work, exist_ok=True)

    # valgrind reads the stripped copy; its symbol table keeps the names.
    binary = os.path.join(work, "factcheck")
    if not arguments.reuse:
        shutil.copy2(arguments.factcheck, binary)
        run(["strip", "--strip-debug", binary], check=True)

    if arguments.corpus:
        corpus = os.path.abspath(arguments.corpus)
    elif arguments.reuse:
        corpus = os.path.join(work, f"corpus-{arguments.articles}")
    else:
        if not arguments.benchmark:
            sys.exit("profile: give --corpus DIR or --benchmark (FactCheckBenchmark, to generate one)")
        corpus = os.path.join(work, f"corpus-{arguments.articles}")
        shutil.rmtree(corpus, ignore_errors=True)
        run([arguments.benchmark, "sample", str(arguments.articles), corpus], cwd=root, check=True, stdout=subprocess.DEVNULL)
    files = [os.path.join(directory, name) for directory, _, names in os.walk(corpus) for name in names if not name.startswith(".")]
    input_bytes = sum(os.path.getsize(path) for path in files)
    if input_bytes == 0:
        sys.exit(f"profile: no input in {corpus}")

    output = os.path.join(work, "callgrind.out")
    report = os.path.join(work, "report.json")
    environment = dict(os.environ, FACTCHECK_HOME=root)
    if not arguments.reuse:
        with open(report, "wb") as stdout:
            status = run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}",
                          f"--separate-callers{CALLER_DEPTH}={JIT}",
                          binary, "check", corpus, "--format", "json", "--jobs", "1"],
                         cwd=root, env=environment, stdout=stdout, stderr=subprocess.PIPE)
        if status.returncode not in (0, 1):  # 1: findings
            sys.stderr.write(status.stderr.decode(errors="replace")[-4000:])
            sys.exit(f"profile: factcheck under valgrind exited with {status.returncode}")
    elif not os.path.exists(output):
        sys.exit(f"profile: --reuse, but there is no {output}")

    annotated = run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", output], check=True,
                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    demangled = subprocess.run(demangler, input=annotated, stdout=subprocess.PIPE, check=True).stdout.decode(errors="replace")
    with open(os.path.join(work, "callgrind-inclusive.txt"), "w") as file:
        file.write(demangled)
    total, costs = parse_annotate(demangled)
    if not total:
        sys.exit("profile: no PROGRAM TOTALS in callgrind_annotate's output")

    jit = jit_by_owner(costs)
    rows = []
    missing = []
    for phase, roots, nested in PHASES:
        if roots == [JIT]:
            # Every context of pcre2_jit_compile_8 (kept apart by caller); they do not nest.
            rows.append([phase, sum(jit.values()) or inclusive(costs, JIT)])
            continue
        value = 0
        for prefix in roots:
            cost = inclusive(costs, prefix)
            if cost == 0:
                missing.append(prefix)
            value += cost
        for prefix in nested:
            value -= inclusive(costs, prefix)
        rows.append([phase, value - jit.get(phase, 0)])
    accounted = sum(value for _, value in rows)
    rows.append(["other (process start, workers, merging runs, dateline, …)", total - accounted])

    parts = ", ".join(f"{label} {giga(inclusive(costs, prefix))}" for label, prefix in STARTUP_PARTS)
    print()
    print(f"Instructions per input byte by phase (issue 15): callgrind, `factcheck check DIR --format json --jobs 1`")
    print(f"corpus: {len(files)} files, {input_bytes:,} bytes ({corpus}); report {os.path.getsize(report):,} bytes")
    print(f"total: {giga(total)} instructions = {total / input_bytes:,.0f} per input byte; start-up: {parts}; JIT by the phase that"
          f" triggered it: " + ", ".join(f"{phase.split(' (')[0]} {giga(value)}" for phase, value in sorted(jit.items(), key=lambda item: -item[1])))
    print()
    print("| phase | share | instructions | instructions per byte |")
    print("|---|---:|---:|---:|")
    for phase, value in rows:
        print(f"| {phase} | {100 * value / total:.1f} % | {giga(value)} | {value / input_bytes:,.0f} |")
    print(f"| total | 100 % | {giga(total)} | {total / input_bytes:,.0f} |")
    startup = rows[0][1] + rows[1][1]
    print(f"\nStart-up is a fixed cost: without it, {(total - startup) / input_bytes:,.0f} instructions per input byte.")
    if missing:
        print(f"not called in this run (or renamed): {', '.join(missing)}")

    figures = {
        "command": "factcheck check DIR --format json --jobs 1",
        "corpus": corpus, "files": len(files), "input_bytes": input_bytes, "report_bytes": os.path.getsize(report),
        "total_instructions": total, "instructions_per_byte": total / input_bytes,
        "instructions_per_byte_without_startup": (total - rows[0][1] - rows[1][1]) / input_bytes,
        "phases": [{"phase": phase, "instructions": value, "share": value / total, "per_byte": value / input_bytes} for phase, value in rows],
        "startup_parts": {label: inclusive(costs, prefix) for label, prefix in STARTUP_PARTS},
        "jit_by_phase": jit, "not_found": missing,
    }
    with open(arguments.json or os.path.join(work, "profile.json"), "w") as file:
        json.dump(figures, file, indent=2)
    print(f"\ncallgrind output: {output}; inclusive costs, demangled: {os.path.join(work, 'callgrind-inclusive.txt')}")


if __name__ == "__main__":
    main()
