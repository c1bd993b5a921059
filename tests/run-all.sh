#!/usr/bin/env bash
# The whole test suite: src/ through cppcheck, then stackpick built and
# tested three ways, the presets of CMakePresets.json:
#   default   a normal build with warnings as errors: every test;
#   asan      AddressSanitizer and UndefinedBehaviorSanitizer;
#   valgrind  valgrind memcheck (errors and leaks fail).
# The asan preset runs the tests labelled unit, cli and fuzz, those that
# run stackpick's code on inputs, and the valgrind preset unit, fuzz and
# the CLI tests labelled memcheck (docs/testing.md).  Build trees go to
# build/, build-asan/ and build-valgrind/.  Each build also replays the
# fuzz targets' seeds and regression corpus (tests/fuzz); running the
# fuzzers themselves is tests/fuzz/run.sh.
#
# The three presets are built side by side, then tested side by side;
# each one's ctest output goes to ctest.log in its tree and is shown once
# all are done.  Everything runs with TMPDIR set to an empty directory,
# which must still be empty at the end.
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

# One preset configured and built, then tested; ctest's output, with
# which tests failed and why, goes to ctest.log in the build tree.
prepare() {
	rm -f "$(dir "$1")/ctest.log"
	configure "$1" && build "$1" || return
	rm -f "$TMPDIR/$1.log"
}

run_tests() {
	ctest --preset "$1" -j"$jobs" >"$(dir "$1")/ctest.log" 2>&1
}

# First the three builds side by side (and cppcheck), then the three
# presets' tests side by side: each phase keeps both cores busy, and no
# preset's tests slow the others' builds.  ctest runs as many tests at
# once as there are cores in each preset, since many of them wait (on a
# terminal, a browser, a pipe); the longest start first (their COST).
echo "== configure, build and test: ${presets[*]}"
tests/cppcheck.sh & cppcheck=$!
status=0
for p in "${presets[@]}"; do
	prepare "$p" & eval "build_$p=\$!"
done
for p in "${presets[@]}"; do
	b=build_$p
	wait "${!b}" || { status=1; : >"$(dir "$p")/failed"; }
done
for p in "${presets[@]}"; do
	if [ -e "$(dir "$p")/failed" ]; then
		rm -f "$(dir "$p")/failed"
		echo "the $p build failed" >"$(dir "$p")/ctest.log"
		eval "$p=''"
		continue
	fi
	run_tests "$p" & eval "$p=\$!"
done
wait "$cppcheck" || status=1
for p in "${presets[@]}"; do
	if [ -z "${!p}" ]; then
		status=1
	else
		wait "${!p}" || status=1
	fi
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
