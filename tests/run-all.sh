#!/usr/bin/env bash
# The whole test suite: src/ through cppcheck, then stackpick built and
# tested three ways, the presets of CMakePresets.json:
#   default   a normal build with warnings as errors: every test;
#   asan      AddressSanitizer and UndefinedBehaviorSanitizer;
#   valgrind  valgrind memcheck (errors and leaks fail).
# The asan preset runs the tests labelled unit, cli, fuzz and format, those
# that run stackpick's code on inputs, and the valgrind preset unit, cli
# and fuzz (docs/testing.md).  Build
# trees go to build/, build-asan/ and build-valgrind/.  Each build also
# replays the fuzz targets' seeds and regression corpus (tests/fuzz);
# running the fuzzers themselves is tests/fuzz/run.sh.
#
# The three presets are configured, built and tested side by side; each
# one's ctest output goes to ctest.log in its tree and is shown once all
# are done.  Everything runs with TMPDIR set to an
# empty directory, which must still be empty at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
presets=(default asan valgrind)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/stackpick-suite.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch

dir() {
	case $1 in
	default) echo build ;;
	*) echo "build-$1" ;;
	esac
}

configure() {
	cmake --preset "$1" >"$TMPDIR/$1.log" 2>&1 ||
		{ cat "$TMPDIR/$1.log" >&2; return 1; }
}

build() {
	cmake --build --preset "$1" -j"$jobs" >"$TMPDIR/$1.log" 2>&1 ||
		{ cat "$TMPDIR/$1.log" >&2; return 1; }
}

# One preset from configure to its tests; ctest's output, with which
# tests failed and why, goes to ctest.log in the build tree.
chain() {
	rm -f "$(dir "$1")/ctest.log"
	configure "$1" && build "$1" || return
	rm -f "$TMPDIR/$1.log"
	ctest --preset "$1" -j"$2" >"$(dir "$1")/ctest.log" 2>&1
}

# The valgrind tests take longest by far, so they start first, as soon
# as their own build is done, and at a higher priority than the rest.
echo "== configure, build and test: ${presets[*]}"
tests/cppcheck.sh & cppcheck=$!
chain valgrind $((jobs + 1)) & valgrind=$!
for p in default asan; do
	(renice -n 5 "$BASHPID" >/dev/null; chain "$p" "$jobs") &
	eval "$p=\$!"
done
status=0
wait "$cppcheck" || status=1
for p in "${presets[@]}"; do
	wait "${!p}" || status=1
	echo "== $p ($(dir "$p")/ctest.log)"
	if grep -q '^100% tests passed' "$(dir "$p")/ctest.log" 2>/dev/null; then
		grep -E '^(100% tests passed|Total Test time)' "$(dir "$p")/ctest.log"
	else
		cat "$(dir "$p")/ctest.log" 2>/dev/null
	fi
done

left=$(ls -A "$TMPDIR")
if [ -n "$left" ]; then
	echo "run-all.sh: left behind in TMPDIR: $left" >&2
	status=1
fi
exit "$status"
