#!/usr/bin/env bash
# The whole test suite: src/ through cppcheck, then stackpick built and
# tested three ways.
#   1. a normal build with warnings as errors;
#   2. AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. every test again under valgrind memcheck (errors and leaks fail).
# Build trees go to build/, build-asan/ and build-valgrind/.  Each build
# also replays the fuzz targets' seeds and regression corpus
# (tests/fuzz); running the fuzzers themselves is tests/fuzz/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

suite() {
	local dir=$1
	shift
	echo "== $dir: $*"
	cmake -S . -B "$dir" -DSP_WERROR=ON "$@" >/dev/null
	cmake --build "$dir" -j"$jobs" >/dev/null
	ctest --test-dir "$dir" -j"$jobs" --output-on-failure
}

tests/cppcheck.sh
suite build
suite build-asan -DSP_SANITIZE=ON
suite build-valgrind -DSP_VALGRIND=ON
