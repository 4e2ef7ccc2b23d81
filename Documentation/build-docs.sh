#!/bin/sh
# make docs: the API documentation of FactCheck and FactCheckArchive (DocC), with no warning allowed.
#
# FactCheck is made of stage targets (FactCheckModel, FactCheckRules, …) that it re-exports, so that
# `import FactCheck` is all a program needs; its documentation must show their public types too. The DocC
# plugin's symbol extraction leaves re-exported modules out, so FactCheck's symbol graph is extracted here
# with them allowed (`-experimental-allowed-reexported-modules`) and converted with its catalogue.
# FactCheckArchive, a target of its own, goes through the plugin as before.
#
# Usage: Documentation/build-docs.sh [SWIFT]   (archives in .build/plugins/Swift-DocC/outputs/)
set -eu
SWIFT=${1:-swift}
STAGES=FactCheckModel,FactCheckRules,FactCheckExtraction,FactCheckNormalisation,FactCheckReconciliation,FactCheckReporting

$SWIFT package generate-documentation --target FactCheckArchive --warnings-as-errors

$SWIFT build --target FactCheck
bin=$($SWIFT build --show-bin-path)
triple=$(basename "$(dirname "$bin")")
graphs=.build/docs/FactCheck-symbols
out=.build/plugins/Swift-DocC/outputs/FactCheck.doccarchive
rm -rf "$graphs" && mkdir -p "$graphs"
$SWIFT symbolgraph-extract -module-name FactCheck -target "$triple" -I "$bin/Modules" -I Sources/CPCRE2 \
  -Xcc -fmodule-map-file=.build/checkouts/Yams/Sources/CYaml/include/module.modulemap \
  -minimum-access-level public -skip-inherited-docs -output-dir "$graphs" \
  -experimental-allowed-reexported-modules=$STAGES
docc=$(dirname "$(command -v "$SWIFT")")/docc
[ -x "$docc" ] || docc=docc
rm -rf "$out"
"$docc" convert Sources/FactCheck/Documentation.docc --fallback-display-name FactCheck --fallback-bundle-identifier FactCheck \
  --additional-symbol-graph-dir "$graphs" --output-path "$out" --warnings-as-errors
echo "FactCheck documentation: $out"
