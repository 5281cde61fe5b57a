#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages, and the browser tests' npm packages), then
# configures and builds kvalitet.
# Used by both README commands; safe to run again (nothing is reinstalled or rebuilt needlessly).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libkainjow-mustache-dev libcli11-dev catch2 libxlsxwriter-dev libcpp-httplib-dev nlohmann-json3-dev libzip-dev zlib1g-dev libexpat1-dev libssl-dev
  python3 python3-openpyxl python3-yaml python3-jsonschema python3-pil python3-docx libreoffice-writer-nogui
  weasyprint poppler-utils help2man pandoc
  chromium fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js for the browser tests: any node and npm on PATH will do, else Debian's.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "Installerar saknade paket: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages (playwright-core, axe-core), exactly as locked; no browser
# download: they drive Debian's chromium. Again only when the lock file changed.
if [ ! -d tests/browser/node_modules ] ||
   [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  echo "Installerar webbläsartesternas npm-paket (tests/browser)"
  npm ci --prefix tests/browser --no-audit --no-fund
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
