#!/usr/bin/env bash
# Checks one shipped example end to end:
#   example.sh STACKPICK PROFILE EXPECTED_OPTION
# - the JSON output parses, names EXPECTED_OPTION, and its contributions add
#   up to each option's score;
# - the text report names the same winner on its first line and fits 80
#   columns;
# - two runs give the same bytes.
set -eu
sp=$1 profile=$2 want=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$sp" --format json "$profile" >"$tmp/a.json"
"$sp" --format json "$profile" >"$tmp/b.json"
cmp -s "$tmp/a.json" "$tmp/b.json" || { echo "FAIL: JSON differs between runs"; exit 1; }
[ "$(wc -l <"$tmp/a.json")" -eq 1 ] || { echo "FAIL: JSON is not one line"; exit 1; }
got=$(jq -r '.recommendation.option' "$tmp/a.json")
[ "$got" = "$want" ] || { echo "FAIL: recommended '$got', expected '$want'"; exit 1; }
jq -e '
  . as $r
  | [.scores[] | .option as $o | .score as $s
     | ([$r.criteria[].contributions[$o]] | add) as $sum
     | (($sum - $s) | fabs) < 1e-9] | all
' "$tmp/a.json" >/dev/null || { echo "FAIL: contributions do not add up to the scores"; exit 1; }
jq -e '[.criteria[] | .weight >= 0 and .weight <= 10 and (.weight_from | length) >= 1] | all' \
    "$tmp/a.json" >/dev/null || { echo "FAIL: weight out of range or untraced"; exit 1; }

label=$(jq -r '.recommendation.label' "$tmp/a.json")
"$here/expect.sh" --code 0 --max-width 80 --stdout "^[^ ].*: $label recommended" \
    -- "$sp" --color=never "$profile"
