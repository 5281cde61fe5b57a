#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages only), then configures and builds kvalitet.
# Used by both README commands; safe to run again (nothing is reinstalled or rebuilt needlessly).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libkainjow-mustache-dev libcli11-dev catch2 libxlsxwriter-dev
  python3 python3-openpyxl python3-yaml
  weasyprint poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installerar saknade paket: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
