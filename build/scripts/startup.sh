#!/usr/bin/env bash
# Times startup to the first interactive frame in a real (virtual) window.
#   startup.sh RUNS PROGRAM [ARGS...]
# Starts PROGRAM RUNS times under Xvfb, one after another, and prints per run
# the milliseconds from starting it to the line "hirebench: interactive",
# which the frontend prints once its first screen is painted and takes input
# (frontend/src/lib/startup.ts; build/perf/blankwindow prints it from a blank
# page). Then the program is stopped. `make bench` runs it for hirebench and
# for the blank-page baseline (bench/startup.go).
set -euo pipefail
MARK="hirebench: interactive"
if [ $# -lt 2 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: startup.sh RUNS PROGRAM [ARGS...]" >&2
  exit 2
fi
command -v xvfb-run >/dev/null || { echo "startup.sh: xvfb-run is missing (make deps-test installs it)" >&2; exit 1; }
runs=$1
shift
export MARK
exec xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -uo pipefail
  runs=$1; shift
  log=$(mktemp)
  trap "rm -f $log" EXIT
  for _ in $(seq 1 "$runs"); do
    start=$EPOCHREALTIME
    exec 3< <(exec "$@" 2>&1)
    pid=$!
    end=
    while IFS= read -r -t 30 line <&3; do
      echo "$line" >>"$log"
      if [[ $line == *"$MARK"* ]]; then end=$EPOCHREALTIME; break; fi
    done
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    exec 3<&-
    if [ -z "$end" ]; then
      echo "startup.sh: $(basename "$1") showed no interactive frame within 30 s; its last output:" >&2
      tail -n 5 "$log" >&2
      exit 1
    fi
    echo $(( (10#${end/./} - 10#${start/./}) / 1000 ))
  done
' startup "$runs" "$@"
