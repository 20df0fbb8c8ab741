#!/usr/bin/env bash
# Runs the Go client against two real OpenAI API peers (app/assist/peer_test.go, the TestPeer... tests):
#   Prism (@stoplight/prism-cli) serving build/aipeers/openai-chat.openapi.json, the official spec trimmed
#     by build/peerspec: schema-shaped answers, the spec's 429 with Retry-After, 401 without a key;
#   mock-llm (@dwmkerr/mock-llm) with build/aipeers/mock-llm.yaml: real SSE streams and canned replies.
# Both listen on free ports of 127.0.0.1 only, and are stopped whatever happens (trap), children included.
# Needs build/aipeers/node_modules (`make aipeers` runs npm ci there). Extra arguments go to the test binary,
# e.g. build/scripts/ai-peers.sh -test.run Prism
set -euo pipefail
set -m # each peer in its own process group, so stopping it stops anything it started
cd "$(dirname "$0")/../.."
peers=build/aipeers
timeout=${AI_PEERS_TIMEOUT:-60} # seconds each peer has to become ready
[ -x "$peers/node_modules/.bin/prism" ] || {
  echo "ai-peers: $peers/node_modules is missing: run make aipeers (or npm ci in $peers)" >&2
  exit 1
}

work=$(mktemp -d)
pids=()
stop() {
  local status=$?
  set +m # no job notices for the peers stopped below
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  for _ in $(seq 50); do # up to 5 s to go, then no choice
    alive=0
    for p in "${pids[@]}"; do kill -0 -- "-$p" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.1
  done
  for p in "${pids[@]}"; do kill -KILL -- "-$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$status" -ne 0 ]; then
    for log in "$work"/*.log; do [ -s "$log" ] && { echo "--- last lines of $(basename "$log")" >&2; tail -n 20 "$log" >&2; }; done
  fi
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "ai-peers: no free port found" >&2
  return 1
}

now() { echo "${EPOCHREALTIME/,/.}"; }
started=$(now)

prism_port=$(free_port)
"$peers/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$prism_port" "$peers/openai-chat.openapi.json" >"$work/prism.log" 2>&1 &
pids+=($!)
prism_pid=$!
mock_port=$prism_port
while [ "$mock_port" = "$prism_port" ]; do mock_port=$(free_port); done # Prism may not be listening yet
HOST=127.0.0.1 PORT=$mock_port node "$peers/node_modules/@dwmkerr/mock-llm/dist/main.js" --config "$peers/mock-llm.yaml" >"$work/mock-llm.log" 2>&1 &
pids+=($!)
mock_pid=$!

# Compiled while the peers start.
go test -tags webkit2_41 -c -o "$work/assist.test" ./app/assist/
compiled=$(now)

# ready NAME PID URL [curl args]: waits until URL answers 2xx, or fails if the peer exits or takes too long.
ready() {
  local name=$1 pid=$2 url=$3
  shift 3
  until curl -sf -o /dev/null --max-time 2 "$@" "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "ai-peers: $name exited before it was ready" >&2
      return 1
    fi
    if awk -v s="$started" -v n="$(now)" -v t="$timeout" 'BEGIN { exit !(n - s > t) }'; then
      echo "ai-peers: $name was not ready within ${timeout} s" >&2
      return 1
    fi
    sleep 0.1
  done
}
ready mock-llm "$mock_pid" "http://127.0.0.1:$mock_port/ready"
ready Prism "$prism_pid" "http://127.0.0.1:$prism_port/models" -H 'Authorization: Bearer sk-peer'
awk -v s="$started" -v c="$compiled" -v n="$(now)" \
  'BEGIN { printf "ai-peers: tests compiled in %.1f s, both peers answering %.1f s after start\n", c - s, n - s }'

# In the background, so a signal to this script stops the tests and the peers at once.
(
  cd app/assist
  HIREBENCH_PEER_PRISM_URL="http://127.0.0.1:$prism_port" \
    HIREBENCH_PEER_MOCKLLM_URL="http://127.0.0.1:$mock_port/v1" \
    exec "$work/assist.test" -test.run '^TestPeer' -test.count=1 -test.v "$@"
) &
pids+=($!)
wait $!
