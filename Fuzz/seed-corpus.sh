#!/usr/bin/env bash
# Seeds a harness's corpus directory (never overwriting what the fuzzer found): small committed seeds
# from Fuzz/Seeds/HARNESS, plus the bundled rule files (FuzzRules) or articles (FuzzPipeline).
set -euo pipefail
harness=$1
corpus=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$corpus"
copy() { for file in "$@"; do [ -f "$file" ] && cp -n "$file" "$corpus/seed-$(echo "$file" | cksum | cut -d' ' -f1)"; done; return 0; }
[ -d "$root/Fuzz/Seeds/$harness" ] && copy "$root/Fuzz/Seeds/$harness"/*
case "$harness" in
  FuzzRules) copy "$root"/Rules/*.yaml "$root"/Rules/*/*.yaml ;;
  FuzzPipeline) copy "$root"/Examples/*/*.md "$root"/Tests/FactCheckTests/Fixtures/Articles/*.md ;;
esac
