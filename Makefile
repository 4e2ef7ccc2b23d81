# FactCheck — build, check, test. Every target installs what it needs on Debian (libpcre2-dev).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build check test test-rules bench fuzz asan tsan clean

all: build

# PCRE2's headers (libpcre2-dev) and pkg-config, installed through apt when missing.
deps:
	@if ! dpkg -s libpcre2-dev >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then \
	  echo "Installing libpcre2-dev and pkg-config…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

# Runs the checker on the bundled Examples/ with the bundled Rules/ (exit status 1: findings, as expected).
check: deps
	$(SWIFT) build -c release --product factcheck
	./.build/release/factcheck check || [ $$? -eq 1 ]

# Builds and runs every test, including every rule's examples.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(SWIFT) run factcheck test-rules

test-rules: deps
	$(SWIFT) run factcheck test-rules

# Benchmark (never a test): release build in its own scratch path, prints figures, writes .build-bench/bench.json.
# Shrink or grow it with BENCH_SIZES=1,16 BENCH_SINGLE_SIZES=1 BENCH_RUNS=3 BENCH_MAX_RUN_SECONDS=120 (see README).
bench: deps
	$(SWIFT) build -c release --scratch-path .build-bench --product FactCheckBenchmark
	./.build-bench/release/FactCheckBenchmark

clean:
	rm -rf .build .build-*
