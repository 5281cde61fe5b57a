#!/usr/bin/env bash
# The Catch2 tests under AddressSanitizer (with LeakSanitizer) and UBSan: configures
# build-asan with KV_SANITIZE=ON, builds kvalitet and kvalitet_tests, runs the tests.
# Exit status non-zero on any failing test or sanitizer report. Needs what scripts/setup.sh
# installs. (The python, PDF and browser tests are left to scripts/test.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKV_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$(nproc)" --target kvalitet kvalitet_tests
# Any sanitizer report fails the run (UBSan already aborts: -fno-sanitize-recover).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
build-asan/tests/kvalitet_tests
