#!/usr/bin/env bash
# The whole test suite: src/ through cppcheck, then stackpick built two
# ways and tested three, the presets of CMakePresets.json:
#   default   a normal build with warnings as errors: every test;
#   asan      AddressSanitizer and UndefinedBehaviorSanitizer, its own
#             build, over the tests labelled unit, cli and fuzz;
#   valgrind  the default build again under valgrind memcheck (errors and
#             leaks fail): the tests labelled unit, cli and fuzz.
# The default build is in build/ and the sanitizer build in build-asan/;
# each replays the fuzz targets' seeds and regression corpus
# (tests/fuzz); running the fuzzers themselves is tests/fuzz/run.sh.
# docs/testing.md says which tests run where, and why.
#
# The two builds are made side by side, then the asan tests run beside
# the default tests and, after them in the same tree, the valgrind
# tests; each preset's ctest output goes to ctest.log in its tree
# (ctest-valgrind.log for valgrind) and is shown once all are done.
# Everything runs with TMPDIR set to an empty directory, which must
# still be empty at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
presets=(default asan valgrind)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/stackpick-suite.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch

dir() {
	case $1 in
	asan) echo build-asan ;;
	*) echo build ;;
	esac
}

log() {
	case $1 in
	valgrind) echo build/ctest-valgrind.log ;;
	*) echo "$(dir "$1")/ctest.log" ;;
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

# One preset configured and built; its tests, with ctest's output
# (which tests failed and why) in its log.
prepare() {
	configure "$1" && build "$1" || return
	rm -f "$TMPDIR/$1.log"
}

# The valgrind tests run last and alone, with twice as many at once, so
# that the cores stay busy while some of them wait (on the memcheck
# server, on tmux).
run_tests() {
	local j=$jobs
	[ "$1" != valgrind ] || j=$((jobs * 2))
	ctest --preset "$1" -j"$j" >"$(log "$1")" 2>&1
}

# First the two builds side by side (and cppcheck), then the tests: the
# asan preset's beside the default preset's, then the valgrind preset's,
# which use the default build and its test directory.  ctest runs as
# many tests at once as there are cores in each preset, since many of
# them wait (on a terminal, a browser, a pipe); the longest start first
# (their COST).
echo "== configure, build and test: ${presets[*]}"
rm -f build/ctest.log build/ctest-valgrind.log build-asan/ctest.log
tests/cppcheck.sh & cppcheck=$!
status=0 built=1
prepare default & build_default=$!
prepare asan & build_asan=$!
wait "$build_default" || { status=1; built=0; }
wait "$build_asan" || { status=1; built=0; }
if [ "$built" -eq 1 ]; then
	run_tests asan & asan=$!
	(s=0; run_tests default || s=1; run_tests valgrind || s=1; exit "$s") &
	default=$!
	wait "$asan" || status=1
	wait "$default" || status=1
fi
wait "$cppcheck" || status=1
for p in "${presets[@]}"; do
	echo "== $p ($(log "$p"))"
	if grep -q '^100% tests passed' "$(log "$p")" 2>/dev/null; then
		grep -E '^(100% tests passed|Total Test time)' "$(log "$p")"
	else
		cat "$(log "$p")" 2>/dev/null || echo "(not run: a build failed)"
		status=1
	fi
done

left=$(ls -A "$TMPDIR")
if [ -n "$left" ]; then
	echo "run-all.sh: left behind in TMPDIR: $left" >&2
	status=1
fi
exit "$status"
