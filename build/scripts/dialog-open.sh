#!/usr/bin/env bash
# Answers the app's native "open file" dialog during the end-to-end test:
# finds the X display the running dev app uses, waits for the dialog titled
# TITLE, opens GTK's location entry (Ctrl+L), types PATH (absolute) and
# presses Enter.
#   dialog-open.sh TITLE PATH
set -euo pipefail
title=$1 path=$2
case "$path" in /*) ;; *) echo "dialog-open: give an absolute path" >&2; exit 2 ;; esac
pid=$(pgrep -n -f 'hirebench-dev' || true)
[ -n "$pid" ] || { echo "dialog-open: the dev app is not running" >&2; exit 1; }
while IFS= read -r -d '' kv; do
  case "$kv" in DISPLAY=*|XAUTHORITY=*) export "${kv?}" ;; esac
done <"/proc/$pid/environ"
win=$(timeout 30 xdotool search --sync --onlyvisible --name "^${title}\$" | head -n1)
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.5
# The open dialog shows a file list: Ctrl+L brings up the location entry.
xdotool key --window "$win" ctrl+l
sleep 0.3
xdotool key --window "$win" ctrl+a
xdotool type --window "$win" --delay 10 "$path"
sleep 0.3
xdotool key --window "$win" Return
