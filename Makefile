# FactCheck — build, check, test. Every target installs what it needs on Debian (libpcre2-dev).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build check test unit-test test-rules bench profile fuzz asan tsan clean library-example docs spark-deps spark-check browser-deps browser-test serve-load

all: build

# PCRE2's headers (libpcre2-dev), SQLite's (libsqlite3-dev, for the claim archive through GRDB) and
# pkg-config, installed through apt when missing.
deps:
	@if ! dpkg -s libpcre2-dev >/dev/null 2>&1 || ! dpkg -s libsqlite3-dev >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then \
	  echo "Installing libpcre2-dev, libsqlite3-dev and pkg-config…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev libsqlite3-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build --explicit-target-dependency-import-check error

# Runs the checker on the bundled Examples/ with the bundled Rules/ (exit status 1: findings, as expected).
check: deps
	$(SWIFT) build -c release --product factcheck
	./.build/release/factcheck check || [ $$? -eq 1 ]

# Builds and runs every test: the Swift tests, every rule's examples, the check page in headless Chromium
# (installed when missing), the Spark job in local mode (Java 17 and PySpark installed when missing) and the
# README's library example outside the checkout. `make unit-test` runs only the first two.
test: unit-test browser-test spark-check library-example

# The stages are targets that import only the stages before them (issue 15); SwiftPM lets a target import a
# module it did not declare when an earlier build left it lying around, so the build checks the imports.
# The tests compile many rule sets (hostile ones too): their compiled-pattern cache goes to a folder of the
# checkout's, not to the user's ~/.cache/factcheck, whose eight files it would evict.
unit-test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	FACTCHECK_PATTERN_CACHE=$(CURDIR)/.build-pattern-cache $(SWIFT) test
	FACTCHECK_PATTERN_CACHE=$(CURDIR)/.build-pattern-cache $(SWIFT) run factcheck test-rules

test-rules: deps
	$(SWIFT) run factcheck test-rules

# Issue 18: the README's library example as a package of its own (Tests/UsingTheLibrary), copied to a
# temporary folder outside the checkout, depending on FactCheck by path, built and run there (about a minute).
library-example: deps
	./Tests/UsingTheLibrary/run-outside-checkout.sh $(SWIFT)

# Issue 18: the API documentation (DocC, Sources/FactCheck/Documentation.docc, and FactCheckArchive's), in the
# default build folder so that it reuses the test build; the archives land in .build/plugins/Swift-DocC/outputs/.
# Every public symbol is documented and DocC warnings fail the build. FactCheck re-exports its stage targets, which
# the DocC plugin's symbol extraction leaves out: Documentation/build-docs.sh extracts them itself (issue 15).
docs: deps
	./Documentation/build-docs.sh $(SWIFT)

# Issue 17 — the Spark job (Distributed/spark/): Java 17 (Debian's openjdk-17-jre-headless, when no `java` is on
# PATH) and the job's Python packages (PySpark, jsonschema: Distributed/spark/requirements.txt) in a virtual
# environment under .build-spark (Debian 12's own Python refuses pip installs, PEP 668; python3-venv is installed
# when `python3 -m venv` is missing). spark-submit is PySpark's, run from that environment's Python.
SPARK_VENV ?= .build-spark/venv
SPARK_PYTHON ?= $(SPARK_VENV)/bin/python3
SPARK_MASTER ?= local[2]
SPARK_INPUTS ?= Examples ../shared/seeds

spark-deps:
	@if ! command -v java >/dev/null 2>&1; then \
	  echo "Installing openjdk-17-jre-headless…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq openjdk-17-jre-headless; \
	fi
	@if [ "$(SPARK_PYTHON)" = "$(SPARK_VENV)/bin/python3" ] && [ ! -x "$(SPARK_PYTHON)" ]; then \
	  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then \
	    echo "Installing python3-venv…"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; \
	  fi; \
	  rm -rf "$(SPARK_VENV)" && python3 -m venv "$(SPARK_VENV)"; \
	fi
	@if ! $(SPARK_PYTHON) -c "import pyspark, jsonschema" >/dev/null 2>&1; then \
	  echo "Installing PySpark and jsonschema (Distributed/spark/requirements.txt) into $(SPARK_VENV)…"; \
	  $(SPARK_PYTHON) -m pip install -q -r Distributed/spark/requirements.txt; \
	fi

# Runs the Spark job (spark-submit --master $(SPARK_MASTER), the binary shipped with --files) once over all of
# SPARK_INPUTS (an absent folder is left out) and compares its findings with `factcheck check` over the same
# folders; validates the claim stream against Schemas/claim-stream-v1.schema.json. Uses the debug build that
# `make test` leaves (a cluster wants a release build: see the README, "Claim stream").
spark-check: deps spark-deps
	$(SWIFT) build --product factcheck
	$(SPARK_PYTHON) Distributed/spark/compare_with_check.py --master '$(SPARK_MASTER)' \
	  --binary "$$($(SWIFT) build --show-bin-path)/factcheck" $(SPARK_INPUTS)

# Benchmark (never a test): release build in its own scratch path, prints figures, writes .build-bench/bench.json.
# Shrink or grow it with BENCH_SIZES=1,16 BENCH_SINGLE_SIZES=1 BENCH_RUNS=3 BENCH_MAX_RUN_SECONDS=120 (see README).
# Method f is the claim archive (issue 16): first and second archive add, and the peak memory of reconciling
# through the archive: make bench BENCH_SIZES=64,256 BENCH_SINGLE_SIZES=none BENCH_METHODS=f BENCH_DEADLINE_SECONDS=0
# Method r is the C reference (issue 15): Benchmarks/reference/reference.c and its 48 rules, built here with cc, run by
# the benchmark as a child process; the report gives the pipeline's ratio to it, (b)/(r). BENCH_SCRATCH: the build.
BENCH_SCRATCH ?= .build-bench
bench: deps $(BENCH_SCRATCH)/reference
	$(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH) --product FactCheckBenchmark
	BENCH_REFERENCE=$(BENCH_SCRATCH)/reference $(BENCH_SCRATCH)/release/FactCheckBenchmark

$(BENCH_SCRATCH)/reference: Benchmarks/reference/reference.c
	@mkdir -p $(BENCH_SCRATCH)
	$(CC) -O2 -o $@ $< -lpcre2-8

# Issue 15 — instructions per input byte by phase: valgrind's callgrind over `factcheck check DIR --format json
# --jobs 1` on PROFILE_ARTICLES generated articles (about 2.9 KB each), inclusive counts attributed to the pipeline's
# phases (Benchmarks/profile/profile.py); output in $(BENCH_SCRATCH)/profile. Takes minutes: valgrind is ~50× slower.
PROFILE_ARTICLES ?= 300
profile: deps
	@command -v valgrind >/dev/null || $(SUDO) apt-get install -y -qq valgrind
	$(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH) --product factcheck
	$(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH) --product FactCheckBenchmark
	python3 Benchmarks/profile/profile.py --factcheck $(BENCH_SCRATCH)/release/factcheck \
	  --benchmark $(BENCH_SCRATCH)/release/FactCheckBenchmark --articles $(PROFILE_ARTICLES) --work $(BENCH_SCRATCH)/profile

# Robustness (issue 8) — fuzzing: the libFuzzer harnesses of Fuzz/ (a package of their own) are built with
# -sanitize=fuzzer,address in .build-fuzz, then each runs FUZZ_SECONDS (CI: a few) on a corpus seeded from
# Fuzz/Seeds, Rules/ and Examples/ that grows in .build-fuzz/corpus/, with the token dictionaries of
# Fuzz/Dictionaries (Fuzz/make-dictionaries.py). Crashes and hangs land in
# fuzz-artifacts/HARNESS/ (ignored by git); replay one with ./.build-fuzz/release/HARNESS FILE. LeakSanitizer is
# off: Swift keeps enum tags in pointers' spare bits, which it reports as leaks. Linked with lld (gold fails).
FUZZ_SECONDS ?= 30
FUZZ_HARNESSES ?= FuzzNumbers FuzzRules FuzzPipeline
FUZZ_ARGS ?=

fuzz: deps
	$(SWIFT) build -c release --package-path Fuzz --scratch-path $(CURDIR)/.build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	@set -e; for harness in $(FUZZ_HARNESSES); do \
	  ./Fuzz/seed-corpus.sh $$harness .build-fuzz/corpus/$$harness; \
	  mkdir -p fuzz-artifacts/$$harness; \
	  case $$harness in FuzzNumbers) len=512 dict=article ;; FuzzRules) len=8192 dict=rules ;; *) len=4096 dict=article ;; esac; \
	  echo "== $$harness for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 FACTCHECK_HOME=$(CURDIR) ./.build-fuzz/release/$$harness .build-fuzz/corpus/$$harness \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -dict=Fuzz/Dictionaries/$$dict.dict -timeout=20 -rss_limit_mb=4096 \
	    -detect_leaks=0 -artifact_prefix=fuzz-artifacts/$$harness/ -print_final_stats=1 $(FUZZ_ARGS); \
	done

# Every test under AddressSanitizer, then ThreadSanitizer (each in its own scratch path). The single-line
# article of the robustness tests shrinks from 100 MB to FACTCHECK_HUGE_MB under the sanitizers' overhead.
# LeakSanitizer is off for the same reason as in fuzz (and Foundation's CFBundle and XCTest leak a little).
SANITIZER_HUGE_MB ?= 16

asan: deps
	ASAN_OPTIONS=detect_leaks=0 FACTCHECK_HUGE_MB=$(SANITIZER_HUGE_MB) $(SWIFT) test --scratch-path .build-asan --sanitize=address

tsan: deps
	FACTCHECK_HUGE_MB=$(SANITIZER_HUGE_MB) $(SWIFT) test --scratch-path .build-tsan --sanitize=thread

# Issue 19 — the page of `factcheck serve` in headless Chromium (Debian's chromium, installed when missing):
# Tests/Browser/page_test.py archives Examples/klarna, starts the server on a free loopback port, pastes a draft
# with Klarna's 3 500 (the archive says 3 800), presses Check and finds the finding in the DOM; screenshots
# (desktop and phone) in .build-browser/. About ten seconds after the build.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing chromium…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	fi

browser-test: deps browser-deps
	$(SWIFT) build --product factcheck
	python3 Tests/Browser/page_test.py "$$($(SWIFT) build --show-bin-path)/factcheck" .build-browser

# Issue 19 — a bounded load test of `factcheck serve` on loopback (release build): SERVE_REQUESTS POST /v1/check,
# SERVE_CONCURRENCY at once; prints throughput, p50/p99 latency and failures (exit 1 on any failure).
SERVE_REQUESTS ?= 2000
SERVE_CONCURRENCY ?= 32

serve-load: deps
	$(SWIFT) build -c release --product factcheck
	python3 Benchmarks/serve/load_test.py ./.build/release/factcheck $(SERVE_REQUESTS) $(SERVE_CONCURRENCY)

clean:
	rm -rf .build .build-*
