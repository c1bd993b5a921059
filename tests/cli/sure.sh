#!/usr/bin/env bash
# Checks the "how sure" analysis of one profile end to end:
#   sure.sh STACKPICK PROFILE HYBRID [STACKPICK OPTIONS...]
# HYBRID is "split" when the profile must get a hybrid suggestion and
# "none" when it must not.
# - the JSON carries a confidence from 0 to 1, a label, the three methods'
#   winners and a hybrid that is null or a split of two options;
# - the first two flip points, applied with --weight, change the winner (or
#   tie it), and a hair short of them do not;
# - the text report has its "How sure" section and fits 80 columns.
set -eu
sp=$1 profile=$2 hybrid=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$sp" --format json "$@" "$profile" >"$tmp/a.json"
jq -e '.confidence >= 0 and .confidence <= 1' "$tmp/a.json" >/dev/null ||
    fail "confidence is not a number from 0 to 1"
jq -e '.label == "clear" or .label == "leaning" or .label == "close call"' \
    "$tmp/a.json" >/dev/null || fail "unknown label"
jq -e '.methods | keys == ["topsis", "wpm", "wsm"]' "$tmp/a.json" \
    >/dev/null || fail "methods are not wsm, wpm and topsis"
jq -e '[.sensitivity[] | .flip_weight >= 0 and .flip_weight <= 10
        and .weight >= 0 and .weight <= 10] | all' "$tmp/a.json" \
    >/dev/null || fail "a weight outside 0..10"
case $hybrid in
split)
	jq -e '.hybrid.suggested == true and (.hybrid.split | length) == 2
	       and ([.hybrid.split[].components | length > 0] | all)' \
	    "$tmp/a.json" >/dev/null || fail "no hybrid split suggested" ;;
none)
	jq -e '.hybrid == null' "$tmp/a.json" >/dev/null ||
	    fail "a hybrid split was suggested" ;;
*) fail "HYBRID must be split or none" ;;
esac

win=$(jq -r '.recommendation.option' "$tmp/a.json")
jq -r '.sensitivity[:2][] | "\(.criterion) \(.weight) \(.flip_weight)"' \
    "$tmp/a.json" >"$tmp/flips"
while read -r crit now flip; do
	got=$("$sp" --format json "$@" --weight "$crit=$flip" "$profile" |
	    jq -r '.recommendation.option')
	[ "$got" != "$win" ] ||
	    fail "$crit=$flip should change the winner from $win"
	short=$(awk -v n="$now" -v f="$flip" \
	    'BEGIN { printf "%.10f", (f + 0 > n + 0 ? f - 1e-4 : f + 1e-4) }')
	got=$("$sp" --format json "$@" --weight "$crit=$short" "$profile" |
	    jq -r '.recommendation.option')
	[ "$got" = "$win" ] ||
	    fail "$crit=$short should keep $win, got $got"
done <"$tmp/flips"

"$sp" --color=never "$@" "$profile" >"$tmp/out.txt"
grep -Eq '^How sure: (clear|leaning|close call)$' "$tmp/out.txt" ||
    fail "no How sure section"
if [ "$hybrid" = split ]; then
	grep -q 'Consider a hybrid' "$tmp/out.txt" || fail "no hybrid in text"
fi
long=$(awk 'length($0) > 80' "$tmp/out.txt" | head -n 3)
[ -z "$long" ] || fail "lines wider than 80 columns: $long"
exit 0
