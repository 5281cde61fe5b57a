#!/bin/sh
# Usage: expect_status.sh STATUS[,STATUS...] COMMAND [ARG...]
#
# Runs COMMAND with its output passed through and exits with COMMAND's own exit status. When
# that status is none of the STATUS values it also prints "expect_status: wrong exit status".
# A test with PASS_REGULAR_EXPRESSION has its exit status ignored by ctest, so
# tests/CMakeLists.txt runs every such test through this script and fails it on that line
# (FAIL_REGULAR_EXPRESSION).
expected=$1
shift
"$@"
status=$?
case ",$expected," in
  *",$status,"*) ;;
  *) echo "expect_status: wrong exit status $status (expected $expected) from $1" >&2 ;;
esac
exit "$status"
