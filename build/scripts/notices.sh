#!/usr/bin/env bash
# Writes THIRD_PARTY_NOTICES.txt to stdout: the licence texts of every Go module
# linked into hirebench (Linux and Windows builds) and of every npm package whose
# code is in the frontend bundle (listed by frontend/bundled-packages.ts at build
# time). Their licences (MIT, BSD, Apache-2.0, ...) ask for these texts to travel
# with the binaries; make dist puts the file in every package. Fails when a
# module has no licence file, unless it is one of the known ones below.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Modules that publish no licence file; each says where its terms are.
declare -A known=(
  [github.com/leaanthony/u]="no licence file is published with this module (a Wails dependency by the Wails author; Wails is MIT)"
)
bundled=frontend/node_modules/.hirebench-bundled.json
[ -f "$bundled" ] || { echo "notices: $bundled is missing: build the frontend first (make build)" >&2; exit 1; }

echo "hirebench includes the following third-party software. Their licence texts follow."
echo
echo "================================================================================"
echo "The Go standard library and runtime $(go env GOVERSION)"
echo "================================================================================"
cat "$(go env GOROOT)/LICENSE"
echo
# The tags `wails build` adds for a production app (build/distcheck compares the
# result with the build info of the binaries themselves).
fmt='{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}'
modules=$( { go list -deps -tags desktop,production,webkit2_41 -f "$fmt" .
             GOOS=windows go list -deps -tags desktop,production -f "$fmt" . ; } | sort -u)
missing=0
while read -r path version dir; do
  echo "================================================================================"
  echo "Go module $path $version"
  echo "================================================================================"
  files=$(find "$dir" -maxdepth 1 -type f \( -iname 'licen[cs]e*' -o -iname 'copying*' -o -iname 'notice*' -o -iname 'unlicense*' \) | sort)
  if [ -z "$files" ]; then
    if [ -n "${known[$path]:-}" ]; then
      echo "${known[$path]}"
    else
      echo "notices: Go module $path has no licence file" >&2
      missing=1
    fi
  fi
  for f in $files; do echo "--- $(basename "$f")"; cat "$f"; echo; done
done <<<"$modules"

while read -r dir; do
  name=$(node -p "require('$dir/package.json').name")
  version=$(node -p "require('$dir/package.json').version")
  echo "================================================================================"
  echo "npm package $name $version"
  echo "================================================================================"
  files=$(find "$dir" -maxdepth 1 -type f \( -iname 'licen[cs]e*' -o -iname 'copying*' -o -iname 'notice*' \) | sort)
  if [ -z "$files" ]; then
    echo "notices: npm package $name has no licence file" >&2
    missing=1
  fi
  for f in $files; do echo "--- $(basename "$f")"; cat "$f"; echo; done
done < <(node -e 'for (const d of require(process.argv[1])) console.log(d)' "$PWD/$bundled")
exit $missing
