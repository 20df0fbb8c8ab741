#!/usr/bin/env bash
# Runs every Go fuzz target of the repository (each `func FuzzXxx` in a
# *_test.go) for FUZZTIME each: `go test -fuzz` takes one target per run.
# `make test` runs it briefly (fuzz-short), `make fuzz` at length.
#   FUZZTIME      time (10s) or count (1000x) per target; default 4s
#   FUZZPARALLEL  fuzzing workers per target; default 2
#   FUZZ_ONLY     a regexp: only targets whose "package FuzzName" matches
# A crash stops the run; go test prints the input it wrote under the
# package's testdata/fuzz/FuzzName/: fix the code and commit the input.
# Go 1.26's fuzz coordinator can also fail a target with a bare "context
# deadline exceeded" when a time budget ends while a worker is busy
# (golang/go#75804, fixed in Go 1.27): with no input written, that is the
# toolchain, not a finding, and the target runs once more.
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
# inputs counts the files in a target's corpus folder (0 when there is none).
inputs() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
start=$SECONDS
n=0
while read -r pkg name; do
  n=$((n + 1))
  echo "fuzz: $pkg $name for $FUZZTIME"
  corpus="${pkg#./}/testdata/fuzz/$name"
  for attempt in 1 2; do
    before=$(inputs "$corpus")
    # Minimising each new input for long would eat a short run's whole budget.
    if out=$(go test -tags webkit2_41 -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 20x \
      -parallel "$FUZZPARALLEL" "$pkg" 2>&1); then
      grep -v '^fuzz: elapsed' <<<"$out" || true
      break
    fi
    grep -v '^fuzz: elapsed' <<<"$out" || true
    if [ "$attempt" = 1 ] && grep -q 'context deadline exceeded' <<<"$out" &&
      [ "$(inputs "$corpus")" = "$before" ]; then
      echo "fuzz: $pkg $name: the time budget ended mid-run with no input written (golang/go#75804); once more"
      continue
    fi
    echo "fuzz: $pkg $name failed" >&2
    exit 1
  done
done <<<"$targets"
echo "fuzz: $n targets in $((SECONDS - start)) s"
