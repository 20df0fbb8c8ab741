#!/usr/bin/env bash
# Prints hirebench's version from git tags (vX.Y.Z), in a form that is valid as a
# file name, a semantic version and a Debian version, and that sorts right in each:
#   on a tag          0.1.0
#   3 commits later   0.1.0+3.g1a2b3c4
#   uncommitted edits 0.1.0+3.g1a2b3c4.dirty
#   no tag reachable  0.0.0+g1a2b3c4      (a clone without tags)
#   not a git tree    0.0.0+unknown
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "0.0.0+unknown"
  exit 0
fi
if d=$(git describe --tags --match 'v[0-9]*.[0-9]*.[0-9]*' --dirty 2>/dev/null); then
  d=${d#v}
  base=${d%%-*}
  rest=${d#"$base"}
  rest=${rest#-}
  # rest is "", "dirty", "N-gHASH" or "N-gHASH-dirty"
  [ -z "$rest" ] && { echo "$base"; exit 0; }
  echo "$base+${rest//-/.}"
  exit 0
fi
v="0.0.0+g$(git rev-parse --short=7 HEAD)"
git diff --quiet HEAD -- 2>/dev/null || v="$v.dirty"
echo "$v"
