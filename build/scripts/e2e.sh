#!/usr/bin/env bash
# End-to-end test of the real app in a real (virtual) window.
#  1. `wails dev` runs the app under Xvfb on a fresh workspace and serves its UI
#     with live Go bindings; Playwright + Chromium clicks through the main flow.
#  2. The app is stopped; the release binary's CLI reads the workspace it wrote.
#  3. The app is started again and the flow checks nothing was lost.
#  4. On the demo workspace, AI assist runs against a fake OpenAI server
#     (build/e2eopenai: the Go tests' spec-checking fake on a local port).
#  5. Team mode: two apps, each signed in with its own login, and the CLI
#     share one throwaway PostgreSQL workspace (build/e2epg): a move reaches
#     the other window's board, and the blind rule holds in both windows and
#     in psql; then the recruiter's window records self-identification, which
#     nobody's SQL client lists.
#  6. The release binary's headless trust commands on a workspace of their own:
#     backup, restore, subject export and erasure (no trace left in the data
#     folder), each bad input refused in one line with a non-zero exit.
#  7. The release binary opens in a real window on the same workspace; xdotool
#     searches with the keyboard, opens the candidate, types into a field and
#     closes the window at once: the close must save what was typed.
# Screenshots and logs land in build/e2e/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/build/e2e
BIN=$ROOT/build/bin/hirebench
rm -rf "$OUT" && mkdir -p "$OUT"
DATA=$(mktemp -d /tmp/hirebench-e2e.XXXXXX)
DEMO=$(mktemp -d /tmp/hirebench-e2e-demo.XXXXXX)
TEAM=$(mktemp -d /tmp/hirebench-e2e-team.XXXXXX)
DEV_PID=
FAKE_PID=
SECOND_PID=
PG_PID=
AI_ADDR=127.0.0.1:18089
XVFB="-screen 0 1280x800x24"

# stop_fake ends the fake OpenAI server; it exits 1 if a request broke the spec.
stop_fake() {
  [ -n "$FAKE_PID" ] || return 0
  local rc=0
  kill -TERM "$FAKE_PID" 2>/dev/null || true
  wait "$FAKE_PID" || rc=$?
  FAKE_PID=
  return $rc
}
# stop_group ends a process group started with setsid: signal $1 first
# (wails dev cleans up on INT), KILL after 20 s, and waits for it.
stop_group() {
  [ -n "$2" ] || return 0
  kill -"$1" -- "-$2" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$2" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$2" 2>/dev/null || true
  wait "$2" 2>/dev/null || true
}
stop_dev() { stop_group INT "$DEV_PID"; DEV_PID=; }
stop_team() { stop_group TERM "$SECOND_PID"; SECOND_PID=; stop_group TERM "$PG_PID"; PG_PID=; }
cleanup() { stop_dev; stop_fake || true; stop_team; rm -rf "$DATA" "$DEMO" "$TEAM"; }
trap cleanup EXIT

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_dev() {
  for p in 34115 5173; do
    if port_busy $p; then echo "e2e: port $p is in use (another wails dev or vite?); stop it first" >&2; exit 1; fi
  done
  echo "e2e: starting wails dev ($1)"
  setsid xvfb-run -a -s "$XVFB" go tool wails dev -tags webkit2_41 -m -s -skipbindings -nogorebuild -noreload \
    -loglevel Warning -appargs "${APPARGS:---data-dir $DATA}" >"$OUT/wails-dev-$1.log" 2>&1 &
  DEV_PID=$!
  # The first start compiles a debug build of everything (minutes on a fresh
  # 2-core machine); later starts reuse the Go build cache.
  for _ in $(seq 1 1800); do
    if curl -sf -o /dev/null http://localhost:34115/; then return 0; fi
    kill -0 "$DEV_PID" 2>/dev/null || { echo "e2e: wails dev exited; log:" >&2; tail -30 "$OUT/wails-dev-$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "e2e: wails dev did not come up in 900 s; log:" >&2
  tail -30 "$OUT/wails-dev-$1.log" >&2
  exit 1
}

flow() {
  (cd frontend && OUT="$OUT" node e2e/flow.mjs "$1")
}

start_dev first-run
flow main
stop_dev

echo "e2e: the workspace on disk, read back by the release binary"
"$BIN" --data-dir "$DATA" candidates list --json --query testwell >"$OUT/cli-after-run.json"
node -e '
  const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const r = rows.find((x) => x.email === "grace.testwell@example.com");
  if (!r) throw new Error("candidate not in the workspace");
  const a = r.applications.find((x) => x.roleTitle === "E2E Platform Engineer");
  if (!a || a.stageName !== "Interview") throw new Error("expected stage Interview, got " + JSON.stringify(r.applications));
  console.log("ok - workspace holds the candidate in Interview");
' "$OUT/cli-after-run.json"

start_dev reopen
flow reopen
flow interview
stop_dev

echo "e2e: closed mid-interview; reopening"
start_dev interview
flow interview-resume
stop_dev
"$BIN" --data-dir "$DATA" rubric list --json >"$OUT/cli-rubrics.json"
node -e '
  const list = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const b = list.find((r) => r.builtin);
  if (!b || b.inUse !== 2) throw new Error("expected the built-in rubric used by 2 scorecards: " + JSON.stringify(list));
  if (!list.some((r) => r.name === "OpenAI platform developer (copy)")) throw new Error("the duplicated rubric is missing");
  console.log("ok - workspace holds both submitted scorecards and the duplicated rubric");
' "$OUT/cli-rubrics.json"
"$BIN" --data-dir "$DATA" debrief --role "E2E Platform Engineer" --json >"$OUT/cli-debrief.json"
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const c = d.candidates[0];
  if (!c || c.rank !== 1 || !c.debrief.complete || Math.abs(c.debrief.coverage - 1) > 1e-9) throw new Error("expected one complete, ranked candidate: " + JSON.stringify(c && c.debrief));
  if (!/between 2 interviewers/.test(c.debrief.uncertaintyLabel)) throw new Error("uncertainty: " + c.debrief.uncertaintyLabel);
  if (!d.plan.changedAfterScoring || !d.plan.changes.some((x) => x.afterScoring && x.reason)) throw new Error("the weight change after scoring is missing: " + JSON.stringify(d.plan.changes));
  console.log("ok - the CLI debrief agrees: rank 1, full coverage, 2 interviewers, weights changed after scoring with a reason");
' "$OUT/cli-debrief.json"

echo "e2e: the demo workspace that make run opens"
"$BIN" --data-dir "$DEMO" demo
DATA_SAVED=$DATA; DATA=$DEMO
if port_busy "${AI_ADDR##*:}"; then echo "e2e: port ${AI_ADDR##*:} is in use; stop what listens there first" >&2; exit 1; fi
go build -o "$OUT/e2eopenai" ./build/e2eopenai
# Its first completion answers 429 with Retry-After: 2, so the window shows a retry.
"$OUT/e2eopenai" -addr "$AI_ADDR" -first 429 >"$OUT/e2eopenai.log" 2>&1 &
FAKE_PID=$!
start_dev demo
EXPORT_PATH="$OUT/committee-demo.xlsx" flow demo
echo "e2e: AI assist against the fake OpenAI server at $AI_ADDR"
(cd frontend && OUT="$OUT" AI_BASE_URL="http://$AI_ADDR/v1" node e2e/ai.mjs)
echo "e2e: AI quality: the second opinion only beside a submitted score; the AI quality tab; agreement beside the calibration"
(cd frontend && OUT="$OUT" node e2e/ai-quality.mjs)
echo "e2e: the runner fits one screen and moves on after a score; debrief labels; calibration's bottom line"
(cd frontend && OUT="$OUT" node e2e/runner-debrief.mjs)
echo "e2e: the debrief summary streams in, Cancel keeps it marked incomplete; follow-up drafts in the runner"
(cd frontend && OUT="$OUT" node e2e/ai-stream.mjs)
echo "e2e: the import wizard on an ATS export (Job and Current Stage columns)"
(cd frontend && OUT="$OUT" node e2e/import.mjs)
echo "e2e: a calibration drill: every sample scored, Go's result, the debrief says who practised"
(cd frontend && OUT="$OUT" node e2e/drill.mjs)
echo "e2e: rubric drafts, pipeline edits, a role with its own pipeline, a rejection with a note"
(cd frontend && OUT="$OUT" node e2e/rubrics-draft.mjs)
echo "e2e: the layout from 900 px up: no sideways scroll, the whole top bar, boards that scroll inside, the favicon"
(cd frontend && OUT="$OUT" node e2e/layout.mjs)
echo "e2e: Undo in the toast (a drag, a rejection, archiving), toasts that cover nothing, archived search matches"
(cd frontend && OUT="$OUT" node e2e/flow-undo.mjs)
echo "e2e: self-identification in the drawer (the recruiter's alone) and the debrief's Fairness view"
(cd frontend && OUT="$OUT" node e2e/fairness.mjs)
echo "e2e: a blind resume screen: Candidate N on the redacted resume, a reject needs a reason, the reveal"
(cd frontend && OUT="$OUT" node e2e/blind-screen.mjs)
echo "e2e: an outcome after the hire in the drawer and the debrief's Validity view"
(cd frontend && OUT="$OUT" node e2e/validity.mjs)
stop_dev
stop_fake || { echo "e2e: the app sent the fake OpenAI server a request that breaks the spec; see $OUT/e2eopenai.log" >&2; exit 1; }
echo "ok - every request the app sent followed the OpenAI spec"
"$BIN" --data-dir "$DEMO" ai usage --json >"$OUT/cli-ai-usage.json"
node -e '
  const u = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const screen = u.rows.filter((r) => r.Feature === "screen");
  const calls = screen.reduce((n, r) => n + r.Calls, 0);
  if (calls < 3 || !(u.monthUsd > 0)) throw new Error("expected the 3 runs of the suggestion in the ledger: " + JSON.stringify(u));
  console.log("ok - the ledger the CLI reads holds the " + calls + " AI calls made in the window ($" + u.monthUsd.toFixed(4) + " this month)");
' "$OUT/cli-ai-usage.json"
# The bottom line the window showed is the one Go decides for the command line too.
"$BIN" --data-dir "$DEMO" debrief --role "Senior AI Engineer" --json >"$OUT/cli-debrief-demo.json"
node -e '
  const cli = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).calibration.bottomLine;
  const ui = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
  if (cli.headline !== ui.headline || cli.verdict !== ui.verdict) throw new Error("window and CLI disagree: " + JSON.stringify({ cli, ui }));
  console.log("ok - the CLI gives the bottom line the window showed: " + cli.headline);
' "$OUT/cli-debrief-demo.json" "$OUT/ui-bottom-line.json"
# The workbook the UI saved opens and holds the role's scorecards.
[ -s "$OUT/committee-demo.xlsx" ] || { echo "e2e: the exported workbook is missing" >&2; exit 1; }
node -e '
  const b = require("fs").readFileSync(process.argv[1]);
  if (b.subarray(0, 2).toString() !== "PK" || !b.includes("xl/worksheets/sheet3.xml")) process.exit(1);
' "$OUT/committee-demo.xlsx" || { echo "e2e: the exported file is not a workbook with its sheets" >&2; exit 1; }
echo "ok - the workbook saved from the UI is an .xlsx with its sheets"
"$BIN" --data-dir "$DEMO" candidates list --json --query importwell >"$OUT/cli-imported.json"
"$BIN" --data-dir "$DEMO" candidates list --json --query "broken row" >"$OUT/cli-broken.json"
"$BIN" --data-dir "$DEMO" candidates list --json --query skipwell >"$OUT/cli-skipped.json"
node -e '
  const read = (f) => JSON.parse(require("fs").readFileSync(f, "utf8"));
  const [imported, broken, skipped] = process.argv.slice(1).map(read);
  const where = Object.fromEntries(imported.map((r) => [r.name, r.applications.map((a) => a.roleTitle + " / " + a.stageName).join(", ")]));
  const want = { "Imani Importwell": "Senior AI Engineer / Screen", "Omar Importwell": "Conversational AI Developer / Interview",
    "Priya Importwell": "LLM Platform Engineer / Applied" };
  if (imported.length !== 3 || Object.keys(want).some((n) => where[n] !== want[n]))
    throw new Error("the UI import put people elsewhere: " + JSON.stringify(where));
  if (broken.length || skipped.length) throw new Error("the UI import saved the bad row or the skipped job");
  console.log("ok - the UI import brought each person to their role and stage, and nothing of the bad row or the skipped job");
' "$OUT/cli-imported.json" "$OUT/cli-broken.json" "$OUT/cli-skipped.json"
"$BIN" --data-dir "$DEMO" roles list --json >"$OUT/cli-roles-demo.json"
"$BIN" --data-dir "$DEMO" rubric drafts --json >"$OUT/cli-rubric-drafts.json"
node -e '
  const read = (f) => JSON.parse(require("fs").readFileSync(f, "utf8"));
  const [roles, drafts] = process.argv.slice(1).map(read);
  const r = roles.find((x) => x.title === "E2E Research Engineer");
  const names = r ? r.stages.map((s) => s.name).join(",") : "";
  if (names !== "Applied,Phone screen,Interview,Paper discussion,Offer,Rejected") throw new Error("the role created in the window has " + names);
  if (drafts.length) throw new Error("a published rubric left its draft behind: " + JSON.stringify(drafts));
  console.log("ok - the CLI reads the role with the pipeline set in the New role dialog, and no rubric draft left");
' "$OUT/cli-roles-demo.json" "$OUT/cli-rubric-drafts.json"
DATA=$DATA_SAVED

echo "e2e: team mode: two windows and the command line on one PostgreSQL workspace"
go build -o "$OUT/e2epg" ./build/e2epg
setsid "$OUT/e2epg" -url-file "$TEAM/url" >"$OUT/e2epg.log" 2>&1 &
PG_PID=$!
for _ in $(seq 1 120); do [ -s "$TEAM/url" ] && break; kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.5; done
[ -s "$TEAM/url" ] || { echo "e2e: the PostgreSQL server did not start; log:" >&2; tail -20 "$OUT/e2epg.log" >&2; exit 1; }
OWNER=$(cat "$TEAM/url")
# The same server as another login (its socket trusts whoever connects: the
# server, not a password, is what this step tests).
login_url() { printf '%s' "${OWNER/postgres@/$1@}"; }
"$BIN" --data-dir "$TEAM/laptop" demo >/dev/null
"$BIN" --data-dir "$TEAM/laptop" --db "$OWNER" push
"$BIN" --db "$OWNER" init
"$BIN" --db "$OWNER" people add --name "Riley Chen" --login riley --recruiter --password-stdin <<<"e2e riley password"
"$BIN" --db "$OWNER" people add --name "Sam Okafor" --login sam --password-stdin <<<"e2e sam password"
"$BIN" --db "$OWNER" people add --name "Priya Nair" --login priya --password-stdin <<<"e2e priya password"
"$BIN" --db "$(login_url riley)" candidates add --name "Tess Teamwell" --email tess.teamwell@example.com --role "Senior AI Engineer" >/dev/null
APPARGS="--db $(login_url sam)" start_dev team-sam
# A second app: the dev build wails dev just made, signed in as login $1, on
# a port of its own and serving the built frontend, so the browser can drive
# it beside Sam's.
start_second() {
  devserver=localhost:34116 assetdir="$ROOT/frontend/dist" loglevel=Warning \
    setsid xvfb-run -a -s "$XVFB" "$TEAM/hirebench-dev" --db "$(login_url "$1")" >"$OUT/wails-dev-team-$1.log" 2>&1 &
  SECOND_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null http://localhost:34116/ && break; kill -0 "$SECOND_PID" 2>/dev/null || break; sleep 0.5; done
  curl -sf -o /dev/null http://localhost:34116/ || { echo "e2e: $1's app did not come up; log:" >&2; tail -20 "$OUT/wails-dev-team-$1.log" >&2; exit 1; }
}
if port_busy 34116; then echo "e2e: port 34116 is in use; stop what listens there first" >&2; exit 1; fi
cp build/bin/hirebench-dev-* "$TEAM/hirebench-dev"
start_second priya
(cd frontend && OUT="$OUT" SECOND_URL=http://localhost:34116 SAM_URL="$(login_url sam)" node e2e/team.mjs)
stop_dev
stop_group TERM "$SECOND_PID"; SECOND_PID=
# The recruiter's app, on the same port: self-identification is write-only.
start_second riley
(cd frontend && OUT="$OUT" BASE_URL=http://localhost:34116 RILEY_URL="$(login_url riley)" BIN="$BIN" node e2e/team-recruiter.mjs)
stop_group TERM "$SECOND_PID"; SECOND_PID=
echo "e2e: the command line on the shared workspace, as each person"
if "$BIN" --db "$(login_url sam)" export xlsx --role "Senior AI Engineer" --out "$TEAM/sam.xlsx" 2>"$TEAM/sam.err"; then
  echo "e2e: an interviewer's login exported the committee workbook" >&2; exit 1
fi
[ "$(wc -l <"$TEAM/sam.err")" -eq 1 ] && [ ! -e "$TEAM/sam.xlsx" ] || { echo "e2e: the refusal was not one line, or left a file:" >&2; cat "$TEAM/sam.err" >&2; exit 1; }
echo "ok - Sam's login is refused the committee workbook in one line: $(cat "$TEAM/sam.err")"
"$BIN" --db "$(login_url riley)" debrief --role "Senior AI Engineer" --json >"$OUT/cli-team-debrief.json"
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const c = d.candidates.map((x) => x.debrief).find((x) => x.candidateName === "Tess Teamwell");
  if (!c) throw new Error("Tess is not in the recruiter debrief");
  const by = c.interviewers.map((i) => i.name + ": " + i.rounds.join(" + ")).sort().join("; ");
  if (by !== "Priya Nair: Technical deep dive; Sam Okafor: Technical deep dive + System design") throw new Error("expected the cards both windows submitted, got " + by);
  console.log("ok - the recruiter'"'"'s command line reads the cards both windows submitted: " + by);
' "$OUT/cli-team-debrief.json"
stop_team

echo "e2e: backup, restore, subject export and erasure from the release binary"
TRUST=$OUT/trust
rm -rf "$TRUST"; mkdir -p "$TRUST"
trust() { "$BIN" --data-dir "$TRUST/ws" "$@"; }
# refused WHY ARGS...: the command exits non-zero with one line on stderr
# that says WHY (not a usage error that happens to be one line too).
refused() {
  local why=$1; shift
  if trust "$@" >/dev/null 2>"$TRUST/err"; then echo "e2e: '$*' succeeded; it must be refused" >&2; exit 1; fi
  [ "$(wc -l <"$TRUST/err")" -eq 1 ] && grep -qF "$why" "$TRUST/err" ||
    { echo "e2e: '$*' was not refused in one line saying '$why':" >&2; cat "$TRUST/err" >&2; exit 1; }
  echo "ok - refused in one line: $(cat "$TRUST/err")"
}
trust candidates add --name "Nora Trustwell" --email nora.trustwell@example.com >/dev/null
trust candidates add --name "Omar Keepwell" --email omar.keepwell@example.com >/dev/null
printf 'Nora Trustwell\nEvals in zanzibarquux, a rare skill\n' >"$TRUST/nora.txt"
trust candidates resume-text --candidate 1 --from "$TRUST/nora.txt" --save >/dev/null
trust backup --out "$TRUST/monday.db" >/dev/null
refused "one of this workspace's own files" backup --out "$TRUST/ws/workspace.db"
trust candidates add --name "Late Addwell" --email late.addwell@example.com >/dev/null
refused "add --yes to restore" restore "$TRUST/monday.db"
refused "no-such.db is no longer there" restore "$TRUST/no-such.db" --yes
trust restore "$TRUST/monday.db" --yes >"$TRUST/restored"
[ "$(trust candidates list --json | node -pe 'JSON.parse(require("fs").readFileSync(0,"utf8")).map((c) => c.name).sort().join(", ")')" = "Nora Trustwell, Omar Keepwell" ] ||
  { echo "e2e: after restoring, the workspace is not the backup's two candidates" >&2; exit 1; }
kept=$(sed -n 's/.*is kept as \(.*\.db\)$/\1/p' "$TRUST/restored")
[ -n "$kept" ] && [ "$(trust backup snapshots --json | node -pe '
  JSON.parse(require("fs").readFileSync(0, "utf8")).snapshots.some((s) => process.argv[1].endsWith("/" + s.name))' "$kept")" = true ] ||
  { echo "e2e: restoring did not keep the workspace as it was as a listed snapshot: $(cat "$TRUST/restored")" >&2; exit 1; }
echo "ok - restored the backup: the candidate added after it is gone, and the workspace as it was is the snapshot $(basename "$kept")"
trust export subject --email nora.trustwell@example.com --out "$TRUST/nora.zip" >/dev/null
refused "no candidate has that email" export subject --email nobody@example.com --out "$TRUST/nobody.zip"
rm -rf "$TRUST/nora"; 7z x -bd -o"$TRUST/nora" "$TRUST/nora.zip" >/dev/null
grep -q 'nora.trustwell@example.com' "$TRUST/nora/subject.json" && grep -rqF zanzibarquux --include='*nora.txt' "$TRUST/nora" ||
  { echo "e2e: the subject export lacks her JSON or the attached resume:" >&2; find "$TRUST/nora" >&2; exit 1; }
echo "ok - the subject export holds her JSON and the attached resume"
grep -rqiaE 'trustwell|zanzibarquux' "$TRUST/ws" || { echo "e2e: the data folder never held her; the scan below proves nothing" >&2; exit 1; }
trust candidates erase --email nora.trustwell@example.com --yes >/dev/null
refused "no candidate has that email" candidates erase --email nora.trustwell@example.com --yes
if grep -rliaE 'trustwell|zanzibarquux' "$TRUST/ws"; then echo "e2e: the data folder still holds the erased candidate (files above)" >&2; exit 1; fi
echo "ok - erased: no file of the data folder, snapshots included, holds her name, email or resume text"

echo "e2e: release binary in a real window"
gcc -O1 -o "$OUT/wm-close" build/scripts/wm-close.c -lX11
xvfb-run -a -s "$XVFB" bash -c '
  set -e
  "$0" --data-dir "$1" >"$2/real-window.log" 2>&1 &
  app=$!
  win=$(timeout 30 xdotool search --sync --onlyvisible --name "^hirebench$" | head -n1)
  sleep 3
  xdotool windowfocus --sync "$win"
  import -window root "$2/real-window-board.png"
  # Keyboard only: "/" searches, Enter opens the top hit, Tab reaches the name field.
  xdotool key --window "$win" slash
  sleep 0.3
  xdotool type --window "$win" --delay 40 testwell
  sleep 1.5
  import -window root "$2/real-window-search.png"
  xdotool key --window "$win" Return
  # The drawer takes the focus once its candidate has loaded (Tab then reaches the name); a
  # loaded machine once needed more than 1.5 s, and the keys went to the list behind it.
  sleep 3
  xdotool key --window "$win" Tab End
  xdotool type --window "$win" --delay 20 " Jr"
  import -window root "$2/real-window-typing.png"
  # Close at once, well inside the autosave pause: the close must save it.
  "$2/wm-close" "$win"
  for _ in $(seq 1 50); do kill -0 $app 2>/dev/null || break; sleep 0.2; done
  if kill -0 $app 2>/dev/null; then echo "e2e: window did not close" >&2; kill $app; exit 1; fi
' "$BIN" "$DATA" "$OUT"
name=$("$BIN" --data-dir "$DATA" candidates list --json --query testwell | node -e '
  const rows = JSON.parse(require("fs").readFileSync(0, "utf8"));
  process.stdout.write(rows[0] ? rows[0].name : "");')
[ "$name" = "Grace Hopper-Testwell Jr" ] || { echo "e2e: text typed just before closing the window was lost (name is \"$name\")" >&2; exit 1; }
echo "ok - text typed right before closing the window was saved by the close"
for f in real-window-board real-window-search; do
  [ -s "$OUT/$f.png" ] || { echo "e2e: $f.png missing" >&2; exit 1; }
done
# A blank capture means the window never painted.
colors=$(convert "$OUT/real-window-search.png" -format %k info:)
[ "$colors" -gt 50 ] || { echo "e2e: real window screenshot looks blank ($colors colours)" >&2; exit 1; }
echo "ok - release binary opened the workspace in a real window ($colors colours on screen)"
echo "e2e: passed; screenshots in build/e2e/"
