#!/usr/bin/env bash
# Answers the app's native "save file" dialog during the end-to-end test:
# finds the X display the running dev app uses, waits for the dialog titled
# TITLE, types PATH into its name field and presses Enter.
#   dialog-save.sh TITLE PATH
set -euo pipefail
title=$1 path=$2
pid=$(pgrep -n -f 'hirebench-dev' || true)
[ -n "$pid" ] || { echo "dialog-save: the dev app is not running" >&2; exit 1; }
while IFS= read -r -d '' kv; do
  case "$kv" in DISPLAY=*|XAUTHORITY=*) export "${kv?}" ;; esac
done <"/proc/$pid/environ"
win=$(timeout 30 xdotool search --sync --onlyvisible --name "^${title}\$" | head -n1)
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.5
# The name field has focus with the default name selected: replace it.
xdotool key --window "$win" ctrl+a
xdotool type --window "$win" --delay 10 "$path"
sleep 0.3
xdotool key --window "$win" Return
