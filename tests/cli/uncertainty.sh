#!/usr/bin/env bash
# Checks rating ranges, rank acceptability and criteria measured in a
# unit end to end, on the tests' own matrices:
#   uncertainty.sh STACKPICK DATA_DIR
# - three options: JSON valid against the schema, every rank's and every
#   option's shares add up to 1, the winner's first-place share is the
#   confidence; text and Markdown show the table;
# - the cold-start matrix (milliseconds, a cost): the raw values and the
#   flip in milliseconds in every format, and what the ratings' ranges
#   and the weights alone leave of the confidence.
set -eu
sp=$1 data=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=run.sh
. "$here/run.sh"

three="--matrix $data/good/three-options.yaml $data/good/three-options-profile.yaml"
cold="--matrix $data/good/cold-start.yaml $data/good/cold-start-profile.yaml"
for m in wsm wpm topsis; do
	# shellcheck disable=SC2086
	"$sp" --format json --method "$m" $three >"$tmp/three-$m.json"
	# shellcheck disable=SC2086
	"$sp" --format json --method "$m" $cold >"$tmp/cold-$m.json"
	jq -e '.acceptability as $a | ($a | length) as $n
	    | [range($n) as $i | ([$a[].ranks[$i]] | add) - 1 | fabs < 1e-9]
	    + [$a[] | (.ranks | add) - 1 | fabs < 1e-9] | all' \
	    "$tmp/three-$m.json" >/dev/null ||
	    fail "$m: acceptability shares do not add up to 1"
	jq -e '.acceptability[0].ranks[0] == .confidence' "$tmp/three-$m.json" \
	    >/dev/null || fail "$m: confidence is not the winner's first share"
done
validate "$here/../../docs/stackpick.schema.json" "$tmp"/three-*.json \
    "$tmp"/cold-*.json >/dev/null || fail "not valid against the schema"

# shellcheck disable=SC2086
"$sp" --color=never $three >"$tmp/three.txt"
grep -q '^  Rank in the draws  *1st   2nd   3rd$' "$tmp/three.txt" ||
    fail "no rank table in text"
# shellcheck disable=SC2086
"$sp" --format markdown $three >"$tmp/three.md"
grep -q '^### Rank acceptability$' "$tmp/three.md" ||
    fail "no rank acceptability in Markdown"
grep -q '^| Option | 1st | 2nd | 3rd |$' "$tmp/three.md" ||
    fail "no rank table in Markdown"

# shellcheck disable=SC2086
"$sp" --format markdown $cold >"$tmp/cold.md"
grep -q '^- NodeJS would win if its Cold start were under 95 ms instead of 200 ms\.$' \
    "$tmp/cold.md" || fail "no flip in milliseconds"
grep -q '^- Cold start, in ms, lower is better: Python 145 (rated 3.55); NodeJS 200, 150 to 250 (rated 3)\.$' \
    "$tmp/cold.md" || fail "no raw values next to the ratings"
grep -q 'With only the weights moving Python stays ahead in ' "$tmp/cold.md" ||
    fail "no word of what the weights and the ratings leave"
jq -e '.value_flips[0].flip_value == 95 and .value_flips[0].unit == "ms"
    and .ratings_drawn == true' "$tmp/cold-wsm.json" >/dev/null ||
    fail "JSON value flip is not 95 ms"
# The flip holds: at 94 ms NodeJS wins, at 96 ms Python still does.
for v in 94:nodejs 96:python; do
	sed "s/nodejs: {value: 200, range: \[150, 250\]/nodejs: {value: ${v%%:*}/" \
	    "$data/good/cold-start.yaml" >"$tmp/m.yaml"
	got=$("$sp" --format json --matrix "$tmp/m.yaml" \
	    "$data/good/cold-start-profile.yaml" | jq -r .recommendation.option)
	[ "$got" = "${v#*:}" ] || fail "at ${v%%:*} ms $got wins"
done
