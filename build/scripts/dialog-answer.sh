#!/usr/bin/env bash
# Answers the app's native file dialog during the end-to-end test: finds the
# X display the running dev app uses, waits for the dialog titled TITLE,
# types PATH and presses Enter. An open dialog shows a file list, so GTK's
# location entry is opened first (Ctrl+L); a save dialog has its name field
# focused with the default name selected, which PATH replaces.
#   dialog-answer.sh open|save TITLE PATH
set -euo pipefail
kind=$1 title=$2 path=$3
case "$kind" in open|save) ;; *) echo "dialog-answer: say open or save, not $kind" >&2; exit 2 ;; esac
case "$path" in /*) ;; *) echo "dialog-answer: give an absolute path" >&2; exit 2 ;; esac
pid=$(pgrep -n -f 'hirebench-dev' || true)
[ -n "$pid" ] || { echo "dialog-answer: the dev app is not running" >&2; exit 1; }
while IFS= read -r -d '' kv; do
  case "$kv" in DISPLAY=*|XAUTHORITY=*) export "${kv?}" ;; esac
done <"/proc/$pid/environ"
win=$(timeout 30 xdotool search --sync --onlyvisible --name "^${title}\$" | head -n1)
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.5
if [ "$kind" = open ]; then
  xdotool key --window "$win" ctrl+l
  sleep 0.3
fi
xdotool key --window "$win" ctrl+a
xdotool type --window "$win" --delay 10 "$path"
sleep 0.3
xdotool key --window "$win" Return
