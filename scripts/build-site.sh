#!/usr/bin/env bash
# README command 1: set up, build, and render content/ into output/ (site, print pages,
# workbooks and PDFs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
./build/kvalitet pdf content -o output
