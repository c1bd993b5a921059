#!/usr/bin/env bash
# The whole test suite: stackpick built and tested three ways.
#   1. a normal build with warnings as errors;
#   2. AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. every test again under valgrind memcheck (errors and leaks fail).
# Build trees go to build/, build-asan/ and build-valgrind/.
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

suite build
suite build-asan -DSP_SANITIZE=ON
suite build-valgrind -DSP_VALGRIND=ON
