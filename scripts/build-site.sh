#!/usr/bin/env bash
# README command 1: set up, build, and render content/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
./build/kvalitet build content -o output
