#!/usr/bin/env bash
# Runs every Go fuzz target of the repository (each `func FuzzXxx` in a
# *_test.go) for FUZZTIME each: `go test -fuzz` takes one target per run.
# `make test` runs it briefly (fuzz-short), `make fuzz` at length.
#   FUZZTIME      time (10s) or count (1000x) per target; default 4s
#   FUZZPARALLEL  fuzzing workers per target; default 2
#   FUZZ_ONLY     a regexp: only targets whose "package FuzzName" matches
# A crash stops the run; go test prints the input it wrote under the
# package's testdata/fuzz/FuzzName/: fix the code and commit the input.
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZTIME=${FUZZTIME:-4s}
FUZZPARALLEL=${FUZZPARALLEL:-2}
FUZZ_ONLY=${FUZZ_ONLY:-.}

targets=$(grep -rHo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' app storage exports 2>/dev/null |
  sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz.*)$#./\1 \2#' | sort -u | grep -E -- "$FUZZ_ONLY" || true)
if [ -z "$targets" ]; then
  echo "fuzz: no fuzz targets match $FUZZ_ONLY" >&2
  exit 1
fi
start=$SECONDS
n=0
while read -r pkg name; do
  n=$((n + 1))
  echo "fuzz: $pkg $name for $FUZZTIME"
  # Minimising each new input for long would eat a short run's whole budget.
  go test -tags webkit2_41 -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 20x \
    -parallel "$FUZZPARALLEL" "$pkg" | grep -v '^fuzz: elapsed' || { echo "fuzz: $pkg $name failed" >&2; exit 1; }
done <<<"$targets"
echo "fuzz: $n targets in $((SECONDS - start)) s"
