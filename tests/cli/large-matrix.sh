#!/usr/bin/env bash
# Checks stackpick on a generated matrix at the bounds: 64 options and 256
# criteria, with rules on every kind of trait.
#   large-matrix.sh STACKPICK
# - the JSON has 64 scores and 256 criteria, a confidence from 0 to 1, a
#   label, the three methods' winners and a hybrid that is null or a split;
# - the smallest flip point, applied with --weight, changes the winner;
# - the text report fits 80 columns.
set -eu
sp=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

awk 'BEGIN {
	seed = 12345
	print "format: 1\nname: generated 64 x 256\nscale: {min: 1, max: 5}"
	print "options:"
	for (o = 0; o < 64; o++)
		printf "  - {id: option-%02d, label: Option number %d}\n", o, o
	print "traits:"
	print "  - {id: size, type: enum, values: [small, medium, large], default: medium}"
	print "  - {id: users, type: integer, min: 0, max: 1000000, default: 100}"
	print "  - {id: online, type: boolean, default: false}"
	print "criteria:"
	for (k = 0; k < 255; k++) {
		printf "  - id: criterion-%03d\n    label: Criterion %d of the generated matrix\n", k, k
		if (k % 3 == 0)
			printf "    component: part %d of the system\n", k % 7
		seed = (seed * 1103515245 + 12345) % 2147483648
		printf "    weight: %d\n    ratings:\n", seed % 11
		for (o = 0; o < 64; o++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			printf "      option-%02d: {rating: %d, why: generated}\n", o, 1 + seed % 5
		}
		if (k % 5 == 0)
			print "    rules:\n      - {when: {size: large}, add: 3}\n      - {when: {users: {min: 10000}}, add: 2}\n      - {when: {online: true}, add: -1}"
	}
	print "  - {id: team_fit, label: Team, weight: 2, ratings_from: team}"
}' >"$tmp/matrix.yaml"
printf 'name: generated\nsize: large\nusers: 50000\nteam: {option-07: 5}\n' \
    >"$tmp/profile.yaml"

"$sp" --format json --matrix "$tmp/matrix.yaml" "$tmp/profile.yaml" \
    >"$tmp/a.json" || fail "stackpick failed on the generated matrix"
jq -e '(.scores | length) == 64 and (.criteria | length) == 256' \
    "$tmp/a.json" >/dev/null || fail "not 64 scores and 256 criteria"
jq -e '.confidence >= 0 and .confidence <= 1 and
       (.label | test("^(clear|leaning|close call)$")) and
       (.methods | length) == 3 and
       (.hybrid == null or (.hybrid.split | length) == 2)' \
    "$tmp/a.json" >/dev/null || fail "analysis fields are missing or wrong"
jq -e '(.sensitivity | length) > 0' "$tmp/a.json" >/dev/null ||
    fail "no flip point found"
win=$(jq -r '.recommendation.option' "$tmp/a.json")
set -- $(jq -r '.sensitivity[0] | "\(.criterion) \(.flip_weight)"' "$tmp/a.json")
got=$("$sp" --format json --matrix "$tmp/matrix.yaml" --weight "$1=$2" \
    "$tmp/profile.yaml" | jq -r '.recommendation.option')
[ "$got" != "$win" ] || fail "$1=$2 should change the winner from $win"
"$here/expect.sh" --code 0 --max-width 80 --stdout '^How sure: ' \
    -- "$sp" --color=never --matrix "$tmp/matrix.yaml" "$tmp/profile.yaml"
