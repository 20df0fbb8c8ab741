#!/usr/bin/env bash
# Installs the system packages hirebench needs, when missing.
#   deps.sh run    GTK + WebKitGTK 4.1 headers to build and open the window
#   deps.sh test   the above plus Xvfb, xdotool, ImageMagick and Chromium for the end-to-end test,
#                  LibreOffice Calc for the workbook recalculation test, curl for the AI peer tests,
#                  PostgreSQL 15 for the team-mode storage tests, and what dist needs
#   deps.sh dist   the above for run, plus NSIS (the Windows installer), dpkg-deb,
#                  desktop-file-validate and 7-Zip (distcheck unpacks the .deb and the installer)
# As root it uses apt-get; otherwise it prints the exact command to run.
set -euo pipefail
what=${1:-run}

pkgs=()
pkg-config --exists gtk+-3.0 2>/dev/null || pkgs+=(libgtk-3-dev)
pkg-config --exists webkit2gtk-4.1 2>/dev/null || pkgs+=(libwebkit2gtk-4.1-dev)
command -v pkg-config >/dev/null || pkgs+=(pkg-config)
command -v gcc >/dev/null || pkgs+=(gcc)
if [ "$what" = test ]; then
  command -v xvfb-run >/dev/null || pkgs+=(xvfb)
  command -v xauth >/dev/null || pkgs+=(xauth)
  command -v xdotool >/dev/null || pkgs+=(xdotool)
  command -v import >/dev/null || pkgs+=(imagemagick)
  command -v chromium >/dev/null || pkgs+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || pkgs+=(fonts-dejavu-core)
  # Opens the committee workbook to prove its formulas recalculate.
  command -v soffice >/dev/null || pkgs+=(libreoffice-calc)
  # Waits for the OpenAI API peers of the AI tests (build/scripts/ai-peers.sh).
  command -v curl >/dev/null || pkgs+=(curl)
  # A throwaway PostgreSQL 15 for the team-mode storage tests (storage/pgtest).
  # (Debian 12 ships 15, newer releases 16 or 17: storage/pgtest takes the newest installed.)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || pkgs+=(postgresql)
fi
if [ "$what" = test ] || [ "$what" = dist ]; then
  command -v makensis >/dev/null || pkgs+=(nsis)
  command -v dpkg-deb >/dev/null || pkgs+=(dpkg)
  command -v desktop-file-validate >/dev/null || pkgs+=(desktop-file-utils)
  command -v 7z >/dev/null || pkgs+=(p7zip-full)
fi
command -v node >/dev/null || pkgs+=(nodejs npm)

[ ${#pkgs[@]} -eq 0 ] && exit 0
cmd="apt-get install -y --no-install-recommends ${pkgs[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "hirebench needs these system packages: ${pkgs[*]}" >&2
  echo "install them with:  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "hirebench needs: ${pkgs[*]} (no apt-get here; install them with your package manager)" >&2
  exit 1
fi
echo "installing system packages: ${pkgs[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd >/dev/null
