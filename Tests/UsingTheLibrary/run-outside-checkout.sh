#!/usr/bin/env bash
# Copies this example package to a temporary folder outside the checkout, points its FactCheck dependency
# at the checkout, gives it the Klarna example articles, builds it and runs it there; then checks that the
# README's example found the Klarna employees conflict with the bundled rules taken from the package's
# resources (not from the checkout's Rules/), that the example's own rule layer was loaded, and that the HTML
# report shows the articles without the caller keeping texts. Usage: run-outside-checkout.sh [SWIFT]
set -euo pipefail
swift="${1:-swift}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/factcheck-library-example.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -R "$here/Package.swift" "$here/Sources" "$here/MyRules" "$work/"
sed -i.bak "s|path: \"../..\"|path: \"$root\"|" "$work/Package.swift" && rm -f "$work/Package.swift.bak"
mkdir "$work/articles"
cp "$root"/Examples/klarna/*.md "$work/articles/"
cd "$work"
"$swift" build --scratch-path "$work/.build" 2>&1 | grep -E "error|warning: .*FactCheck|Compiling|Build" | grep -v "^\[" || true
FACTCHECK_HOME= ./.build/debug/UsingTheLibrary > output.txt
fail() { echo "library example: $1" >&2; sed -n 1,40p output.txt >&2; exit 1; }
grep -q "^error Klarna employees (current): " output.txt || fail "no Klarna employees conflict"
grep -q '"findings"' output.txt || fail "no JSON report"
grep -q "^bundled rules: .*FactCheck_FactCheckResources" output.txt || fail "the bundled rules did not come from the resource bundle"
grep -q "my rule: true" output.txt || fail "the example's rule layer was not loaded"
articles=$(ls "$work"/articles/*.md | wc -l)
grep -q "^html articles with text: $articles$" output.txt || fail "the HTML report did not show the $articles articles"
if grep -q "error:" output.txt; then fail "rule problems"; fi
echo "library example: the README example runs outside the checkout, in $work"; grep "^bundled rules:\|^rules:\|^html" output.txt
