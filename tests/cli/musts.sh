#!/usr/bin/env bash
# Musts from the command line, on profiles of the tests' own:
#
#   musts.sh STACKPICK SCHEMA
#
# Run from tests/data.  Checks that
# - a must screens an option out: named with the must it fails in text,
#   JSON (valid against the schema) and Markdown, and the rest scored;
# - with no option left, every format says so and stackpick exits 1 with
#   "no option meets every must";
# - the "Relaxing the must ... would bring X back" line of the JSON is in
#   every format (words as wrapped, Markdown and HTML unescaped);
# - --expect naming an option a must screened out fails with the must,
#   also when the musts leave one option and nothing is scored.
set -u
sp=$1 schema=$2
three=good/three-options.yaml
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# validate(), the schema check; fail() and run() are this file's own.
# shellcheck source=run.sh
. "$(dirname "$0")/run.sh"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# Runs stackpick with the rest of the arguments; wants exit status $1.
run() {
	local want=$1 rc
	shift
	"$sp" --color=never "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq "$want" ] ||
		fail "stackpick $* exited $rc, expected $want: $(cat "$tmp/err")"
}

# The output on one line, blanks squeezed, escapes of each format undone.
flat() {
	sed -e 's/\\\(.\)/\1/g' -e 's/&#8220;/"/g; s/&#8221;/"/g' \
	    -e 's/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g' \
	    -e 's/&amp;/\&/g' "$1" | tr -s ' \n' '  '
}

# Every format holds each option screened out and each relax line.
every_format() {
	local want=$1 fmt facts
	shift
	run "$want" --format json "$@"
	cp "$tmp/out" "$tmp/json"
	validate "$schema" "$tmp/json" >/dev/null ||
		fail "$* --format json is not valid against the schema"
	jq -r '.screen.screened[] | "\(.label) fails "' "$tmp/json" \
	    >"$tmp/facts"
	jq -r '.screen.relax[].text' "$tmp/json" >>"$tmp/facts"
	[ "$(jq '.screen.relax | length' "$tmp/json")" -gt 0 ] ||
		fail "$*: no relax line"
	for fmt in $("$sp" --list-formats | awk '{ print $1 }'); do
		[ "$fmt" = json ] && continue
		run "$want" --format "$fmt" "$@"
		flat "$tmp/out" >"$tmp/flat"
		while IFS= read -r line; do
			grep -qF -- "$line" "$tmp/flat" ||
				fail "$* --format $fmt lacks '$line'"
		done <"$tmp/facts"
	done
}

# A must screens Alpha out; Beta and Gamma are scored.
run 0 --matrix "$three" --format json good/musts-profile.yaml
jq -e '.screen.decided == "score" and
    [.screen.screened[].option] == ["alpha"] and
    .screen.musts[0].kind == "min" and
    ([.scores[].option] | sort) == ["beta", "gamma"] and
    .screen.relax[0].brings_back == ["alpha"] and
    .screen.relax[0].wins == true' "$tmp/out" >/dev/null ||
	fail "the screen is not as expected: $(cat "$tmp/out")"
run 0 --matrix "$three" good/musts-profile.yaml
grep -q '^  x Alpha fails Simplicity rated at least 5 (two operators run' \
    "$tmp/out" || fail "the text does not name Alpha and its must"
grep -q '^queues-musts: Beta recommended' "$tmp/out" ||
	fail "the text does not score the options left"
run 0 --matrix "$three" --format markdown good/musts-profile.yaml
grep -q '^### Musts$' "$tmp/out" || fail "no Musts section in Markdown"
grep -q '^- Out: Alpha fails Simplicity rated at least 5' "$tmp/out" ||
	fail "the Markdown does not name Alpha and its must"
every_format 0 --matrix "$three" good/musts-profile.yaml

# Nothing passes: exit 1, said in every format.
run 1 --matrix "$three" good/musts-none-profile.yaml
grep -q '^queues-none: no recommendation, no option meets every must$' \
    "$tmp/out" || fail "the text does not say that nothing passes"
grep -qx 'stackpick: good/musts-none-profile.yaml: no option meets every must' \
    "$tmp/err" || fail "no message on stderr: $(cat "$tmp/err")"
run 1 --matrix "$three" --format json good/musts-none-profile.yaml
jq -e '.recommendation.option == null and .screen.decided == "none" and
    (.screen.screened | length) == 3' "$tmp/out" >/dev/null ||
	fail "the JSON does not say that nothing passes: $(cat "$tmp/out")"
run 1 --matrix "$three" --format markdown good/musts-none-profile.yaml
grep -qx '## queues-none: no recommendation' "$tmp/out" ||
	fail "the Markdown does not say that nothing passes"
every_format 1 --matrix "$three" good/musts-none-profile.yaml

# One option left: nothing scored, exit 0, and the relax line.
every_format 0 good/musts-only-profile.yaml
jq -e '.recommendation.option == "python" and .screen.decided == "only"' \
    "$tmp/json" >/dev/null || fail "Python is not the only option left"

# --expect and the musts.
run 1 --matrix "$three" --expect alpha good/musts-profile.yaml
grep -qx 'stackpick: good/musts-profile.yaml: gate expect failed: alpha was screened out by the must "Simplicity rated at least 5 (two operators run every queue)"' \
    "$tmp/err" || fail "--expect alpha: $(cat "$tmp/err")"
grep -q 'not an option of this matrix' "$tmp/err" &&
	fail "a screened option is called no option of the matrix"
run 0 --matrix "$three" --expect b good/musts-profile.yaml
run 1 --expect nodejs --format json good/musts-only-profile.yaml
cp "$tmp/out" "$tmp/json"
jq -e '.gates == [{"name": "expect", "passed": false, "detail":
    "nodejs was screened out by the must \"not NodeJS (nobody on the team will maintain JavaScript)\""}]' \
    "$tmp/json" >/dev/null || fail "the JSON gate: $(cat "$tmp/json")"
validate "$schema" "$tmp/json" >/dev/null ||
	fail "the screened JSON with a gate is not valid"
run 0 --expect py good/musts-only-profile.yaml
grep -Eq '^  pass +expect: recommended python, the only option that meets every must' \
    "$tmp/out" || fail "the expectation met is not shown: $(cat "$tmp/out")"
run 1 --matrix "$three" --expect beta good/musts-none-profile.yaml
grep -q 'gate expect failed: beta was screened out by the must "Speed rated at least 6"' \
    "$tmp/err" || fail "--expect with nothing left: $(cat "$tmp/err")"
exit 0
