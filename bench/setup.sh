#!/usr/bin/env bash
# What the benchmark needs beyond scripts/setup.sh: Hugo (Debian's), the peer it is measured
# against. Run as root, or with sudo available.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
command -v hugo >/dev/null || { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q hugo; }
