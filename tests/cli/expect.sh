#!/usr/bin/env bash
# Runs a command and checks its exit code and output.
#
#   expect.sh [--code N] [--stderr ERE] [--stdout ERE] [--no-stdout]
#             [--no-stderr] [--stdin FILE] [--out FILE] [--max-width N]
#             -- COMMAND...
#
# --out sends the command's stdout to FILE (say /dev/full) instead of
# capturing it.
#
# Every check that is given must hold; the first that fails is reported
# with the command's output, and the script exits 1.
#
# When SP_TEST_MEM_KB or SP_TEST_CPU_S is set (ctest sets both for the
# plain build; sanitizers and valgrind need far more, so neither applies
# when SP_MEMCHECK is set), the command runs with its address space and
# CPU time bounded by them: past either, it is killed or fails to
# allocate, and the exit code check fails.
set -u
code=0 err_re= out_re= no_out=0 no_err=0 stdin=/dev/null width=0 out=
while [ $# -gt 0 ]; do
	case $1 in
	--code) code=$2; shift 2 ;;
	--stderr) err_re=$2; shift 2 ;;
	--stdout) out_re=$2; shift 2 ;;
	--no-stdout) no_out=1; shift ;;
	--no-stderr) no_err=1; shift ;;
	--stdin) stdin=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--max-width) width=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "expect.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
(
	if [ -z "${SP_MEMCHECK:-}" ]; then
		if [ -n "${SP_TEST_MEM_KB:-}" ]; then ulimit -v "$SP_TEST_MEM_KB"; fi
		if [ -n "${SP_TEST_CPU_S:-}" ]; then ulimit -t "$SP_TEST_CPU_S"; fi
	fi
	exec "$@"
) <"$stdin" >"${out:-$tmp/out}" 2>"$tmp/err"
rc=$?
[ -n "$out" ] && : >"$tmp/out"
fail() {
	echo "FAIL: $*" >&2
	echo "command: $*" >&2
	echo "--- exit code: $rc" >&2
	echo "--- stdout:" >&2; head -c 4000 "$tmp/out" >&2
	echo "--- stderr:" >&2; head -c 4000 "$tmp/err" >&2
	exit 1
}
[ "$rc" -eq "$code" ] || fail "expected exit code $code, got $rc"
if [ -n "$err_re" ] && ! grep -Eq -- "$err_re" "$tmp/err"; then
	fail "stderr does not match /$err_re/"
fi
if [ -n "$out_re" ] && ! grep -Eq -- "$out_re" "$tmp/out"; then
	fail "stdout does not match /$out_re/"
fi
[ "$no_out" -eq 0 ] || [ ! -s "$tmp/out" ] || fail "stdout is not empty"
[ "$no_err" -eq 0 ] || [ ! -s "$tmp/err" ] || fail "stderr is not empty"
if [ "$width" -gt 0 ]; then
	long=$(LC_ALL=C.UTF-8 awk -v w="$width" 'length($0) > w' "$tmp/out" | head -n 3)
	[ -z "$long" ] || fail "lines wider than $width columns: $long"
fi
exit 0
