#!/usr/bin/env bash
# Prints hirebench's version from git tags (vX.Y.Z), in a form that is a valid
# file name, semantic version and Debian version, and that sorts right as a
# Debian version (semantic versioning ignores what follows "+"):
#   on a tag          0.1.0
#   3 commits later   0.1.0+3.g1a2b3c4
#   uncommitted edits 0.1.0+3.g1a2b3c4.dirty
#   no tag reachable  0.0.0+g1a2b3c4      (a clone without tags, a shallow clone)
#   not a git tree    0.0.0+unknown       (also a copy unpacked inside another repository)
# Only release tags count: vX.Y.Z exactly, not v1.2.3-rc.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd -P)
cd "$root"
top=$(git rev-parse --show-toplevel 2>/dev/null || true)
if [ -z "$top" ] || [ "$(cd "$top" && pwd -P)" != "$root" ] || ! git rev-parse -q --verify HEAD >/dev/null; then
  echo "0.0.0+unknown"
  exit 0
fi
if d=$(git describe --tags --match 'v[0-9]*.[0-9]*.[0-9]*' --exclude 'v*[!0-9.]*' --dirty 2>/dev/null); then
  d=${d#v}
  base=${d%%-*}
  rest=${d#"$base"}
  rest=${rest#-}
  if [[ $base =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    # rest is "", "dirty", "N-gHASH" or "N-gHASH-dirty"
    if [ -z "$rest" ]; then echo "$base"; else echo "$base+${rest//-/.}"; fi
    exit 0
  fi
fi
v="0.0.0+g$(git rev-parse --short=7 HEAD)"
git diff --quiet HEAD -- 2>/dev/null || v="$v.dirty"
echo "$v"
