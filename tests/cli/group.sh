#!/usr/bin/env bash
# Pairwise judgements and groups from the command line.  One case per run:
#
#   group.sh STACKPICK SOURCE_DIR CASE      (run from tests/data)
set -u
sp=$1 src=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
grp=$src/data/group
schema=$src/docs/stackpick.schema.json
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. "$here/run.sh"

case $case in
group-file)
	# The shipped group: every format names the members and the group.
	run --format json "$grp/group.yaml" --group
	want_rc 0
	validate "$schema" "$tmp/out" >/dev/null || fail "schema"
	grep -q "\"group\":{" "$tmp/out" || fail "no group object"
	run --color=never --group "$grp/group.yaml"
	want_rc 0
	for who in Alice Bob Carol; do
		grep -q "^  - $who (say " "$tmp/out" || fail "$who not listed"
	done
	grep -q '^Where the group disagrees' "$tmp/out" || fail "no disagreements"
	run --format markdown --group "$grp/group.yaml"
	want_rc 0
	grep -q '^### Group' "$tmp/out" || fail "no Markdown group section"
	;;
group-profiles)
	# Three profiles, a say of 1 each; gates apply to the group's answer.
	run --format json --group "$grp/alice.yaml" "$grp/bob.yaml" \
	    "$grp/carol.yaml"
	want_rc 0
	validate "$schema" "$tmp/out" >/dev/null || fail "schema"
	grep -q "\"file\":null" "$tmp/out" || fail "profiles named a group file"
	run --quiet --group --expect python "$grp/alice.yaml" "$grp/bob.yaml" \
	    "$grp/carol.yaml"
	[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || fail "gate exit $rc"
	;;
pairwise)
	# A member's own profile holds pairwise judgements.
	run --format json "$grp/alice.yaml"
	want_rc 0
	validate "$schema" "$tmp/out" >/dev/null || fail "schema"
	grep -q "\"pairwise\":{" "$tmp/out" || fail "no pairwise object"
	run --color=never "$grp/alice.yaml"
	grep -q '^Pairwise judgements' "$tmp/out" || fail "no pairwise section"
	;;
group-bad)
	# One profile is not a group; an unknown criterion is located.
	run --group "$grp/alice.yaml"
	want_rc 65
	grep -q "alice.yaml:[0-9]*:[0-9]*: --group takes a group file" \
	    "$tmp/err" || fail "message"
	printf 'pairwise:\n  - [ml_suport, realtime, 3]\n' >"$tmp/p.yaml"
	run "$tmp/p.yaml"
	want_rc 65
	grep -q "p.yaml:2:6: pairwise: unknown criterion 'ml_suport' (did you mean 'ml_support'?)" \
	    "$tmp/err" || fail "message"
	run --pairwise "$grp/alice.yaml"
	want_rc 64
	;;
interactive-pairwise)
	# The questionnaire asks about the heaviest four criteria (six pairs)
	# and saves the judgements, which load back.
	{ cat answers/ml-pipelines.txt; printf '2\n3\n1/2\nskip\n4\n1\n'; } |
	    "$sp" --interactive --pairwise --save "$tmp/p.yaml" \
	    --color=never >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 0
	[ "$(grep -c 'How many times more does' "$tmp/err")" -eq 6 ] ||
	    fail "not six pairs asked"
	grep -q '^pairwise:' "$tmp/p.yaml" || fail "judgements not saved"
	[ "$(grep -c '^  - \[' "$tmp/p.yaml")" -eq 5 ] ||
	    fail "not five judgements saved"
	run --format json "$tmp/p.yaml"
	want_rc 0
	validate "$schema" "$tmp/out" >/dev/null || fail "schema"
	# An answer off the scale ends a scripted run at its line.
	{ cat answers/ml-pipelines.txt; printf '12\n'; } |
	    "$sp" --interactive --pairwise --save "$tmp/q.yaml" \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 65
	grep -q "<answers>:18:1: '12' is not a ratio from 1/9 to 9" "$tmp/err" ||
	    fail "message"
	;;
*)
	fail "unknown case $case"
	;;
esac
exit 0
