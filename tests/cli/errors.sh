#!/usr/bin/env bash
# Checks that stackpick reports every error of an input in one run and
# tells the wrong kind of file for what it is.
#
#   errors.sh STACKPICK CASE      (run from tests/data)
set -u
sp=$1 case=$2
here=$(cd "$(dirname "$0")" && pwd)
expect=$here/expect.sh
examples=$here/../../data/examples
matrix=$here/../../data/matrix.yaml
tmp=$(mktemp -d) || exit 1
# Each case runs in a subshell, so that the directory goes whatever the
# case's outcome.
run() {
	case $case in
	three)
		# One run, three located errors, in the order of the file.
		"$sp" bad/three-mistakes.yaml 2>"$tmp/err"
		[ $? -eq 65 ] || { echo "FAIL: exit code not 65" >&2; return 1; }
		cat >"$tmp/want" <<'WANT'
stackpick: bad/three-mistakes.yaml:2:1: profile: unknown key 'concurency' (did you mean 'concurrency'?)
stackpick: bad/three-mistakes.yaml:3:11: realtime: expected true or false (or yes or no), found 'maybe'
stackpick: bad/three-mistakes.yaml:5:11: team proficiency: 9 is out of range (0 to 5)
WANT
		diff -u "$tmp/want" "$tmp/err" >&2 ;;
	three-json)
		# The JSON error object: the first as error, all in errors.
		"$sp" --format json bad/three-mistakes.yaml >"$tmp/out" \
		    2>/dev/null
		[ $? -eq 65 ] || { echo "FAIL: exit code not 65" >&2; return 1; }
		python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["error"]["line"] == 2 and d["error"]["exit_code"] == 65, d
assert [e["line"] for e in d["errors"]] == [2, 3, 5], d
assert d["errors"][0]["message"] == d["error"]["message"], d
assert d["errors_not_shown"] == 0, d
PY
		;;
	cap)
		# Past SP_MAX_ERRORS (20), how many more.
		{ echo "name: many"; for i in $(seq 1 25); do
			echo "unknown_$i: 1"; done; } >"$tmp/many.yaml"
		"$sp" "$tmp/many.yaml" 2>"$tmp/err"
		[ $? -eq 65 ] || { echo "FAIL: exit code not 65" >&2; return 1; }
		[ "$(grep -c ": profile: unknown key 'unknown_" "$tmp/err")" \
		    -eq 20 ] || { echo "FAIL: not 20 errors" >&2; return 1; }
		grep -q "many.yaml: 5 more errors not shown$" "$tmp/err" ||
		    { echo "FAIL: no count of the rest" >&2; return 1; } ;;
	matrix-as-profile)
		"$expect" --code 65 --no-stdout --stderr \
		    "matrix.yaml:[0-9]+:1: this looks like a matrix, not a profile: use --matrix FILE" \
		    -- "$sp" "$matrix" ;;
	profile-as-matrix)
		"$expect" --code 65 --no-stdout --stderr \
		    "realtime-chat.yaml:[0-9]+:1: this looks like a profile, not a matrix: pass it as an operand" \
		    -- "$sp" --matrix "$examples/realtime-chat.yaml" \
		    good/minimal.yaml ;;
	result-as-profile)
		"$sp" --format json good/minimal.yaml >"$tmp/r.json" || return 1
		"$expect" --code 65 --no-stdout --stderr \
		    "r.json:1:[0-9]+: this looks like a result that stackpick --format json wrote, not a profile" \
		    -- "$sp" "$tmp/r.json" ;;
	markdown-as-baseline)
		"$sp" --format markdown good/minimal.yaml >"$tmp/r.md" ||
		    return 1
		"$expect" --code 65 --no-stdout --stderr \
		    "r.md:1:1: this looks like a Markdown report, not JSON: a baseline is the JSON that stackpick --format json wrote" \
		    -- "$sp" --baseline "$tmp/r.md" good/minimal.yaml ;;
	text-as-baseline)
		"$sp" --format text good/minimal.yaml >"$tmp/r.txt" || return 1
		"$expect" --code 65 --no-stdout --stderr \
		    "r.txt:1:1: this is text, not JSON: a baseline is the JSON that stackpick --format json wrote" \
		    -- "$sp" --baseline "$tmp/r.txt" good/minimal.yaml ;;
	*)
		echo "errors.sh: unknown case $case" >&2
		return 2 ;;
	esac
}
( run )
status=$?
rm -rf "$tmp"
exit $status
