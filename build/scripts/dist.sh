#!/usr/bin/env bash
# `make dist`: the release artefacts in build/dist/, from the Linux binary that
# make has just built (build/bin/hirebench, stamped with VERSION):
#   hirebench_VERSION_linux_amd64.tar.gz        binary, desktop entry, icon, README, CHANGELOG, notices
#   hirebench_VERSION_amd64.deb                 the same as a Debian package (nfpm)
#   hirebench_VERSION_windows_amd64.exe         the Windows app (WebView2), CLI included
#   hirebench_VERSION_windows_amd64_setup.exe   its NSIS installer
#   SHA256SUMS                                  over all of them
# build/distcheck checks them.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${VERSION:?VERSION is not set (make dist sets it from build/scripts/version.sh)}"
out=build/dist
bin=build/bin/hirebench
[ -x "$bin" ] || { echo "dist: $bin is missing (make dist builds it)" >&2; exit 1; }
if ! "$bin" version | grep -qF "hirebench $VERSION "; then
  echo "dist: $bin is not version $VERSION: $("$bin" version)" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
# Archive timestamps come from the commit, so the same commit packs the same bytes.
mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
export SOURCE_DATE_EPOCH=$(date -d "$mtime" +%s)

# The licence texts of everything linked or bundled travel in every package.
build/scripts/notices.sh > build/bin/THIRD_PARTY_NOTICES.txt

echo "dist: linux tarball"
stage=$(mktemp -d)
# Wails's build may remove the placeholder that keeps frontend/dist in git; put it back however we end.
trap 'rm -rf "$stage"; git checkout -q -- frontend/dist/.gitkeep 2>/dev/null || touch frontend/dist/.gitkeep' EXIT
dir="$stage/hirebench_${VERSION}_linux_amd64"
mkdir -p "$dir"
install -m 0755 "$bin" "$dir/hirebench"
install -m 0644 build/linux/hirebench.desktop build/linux/hirebench.png README.md CHANGELOG.md \
  build/bin/THIRD_PARTY_NOTICES.txt "$dir/"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
  -C "$stage" -cf - "$(basename "$dir")" | gzip -n -9 > "$out/hirebench_${VERSION}_linux_amd64.tar.gz"

echo "dist: deb"
VERSION="$VERSION" go tool -modfile=build/tools/go.mod nfpm package \
  --config build/linux/nfpm.yaml --packager deb \
  --target "$out/hirebench_${VERSION}_amd64.deb" >/dev/null

echo "dist: windows exe and installer"
# Pure Go on Windows (WebView2 through the Go loader; modernc SQLite), so no
# cross C compiler. The frontend is the one make built for the Linux binary.
rm -f build/bin/hirebench.exe build/bin/hirebench-amd64-installer.exe
go tool wails build -platform windows/amd64 -nsis -s -m -skipbindings -trimpath \
  -ldflags "-X hirebench/app.Version=$VERSION" -o hirebench.exe > "$stage/wails.log" 2>&1 ||
  { cat "$stage/wails.log" >&2; exit 1; }
cp build/bin/hirebench.exe "$out/hirebench_${VERSION}_windows_amd64.exe"
cp build/bin/hirebench-amd64-installer.exe "$out/hirebench_${VERSION}_windows_amd64_setup.exe"

(cd "$out" && sha256sum -- *.tar.gz *.deb *.exe > SHA256SUMS)
echo "dist: $out"
(cd "$out" && ls -l)
