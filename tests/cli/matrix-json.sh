#!/usr/bin/env bash
# Checks the JSON views of the matrix against the matrix file itself:
#   matrix-json.sh STACKPICK MATRIX_YAML
# - --show-matrix --format json gives one object with every option,
#   criterion (each rated for every option, with a reason; each base
#   weight and rule with its reason) and trait;
# - its ratings are the file's, criterion by criterion;
# - --list-criteria and --list-options give the same criteria and options.
set -u
sp=$1 yaml=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

"$sp" --show-matrix --format json >"$tmp/all.json" || fail "--show-matrix --format json"
[ "$(wc -l <"$tmp/all.json")" -eq 1 ] || fail "not one line"
jq -e '.schema_version == 1 and (.options | length) >= 2 and (.criteria | length) >= 1
  and (.traits | length) >= 1 and (.checklist | type) == "array"' "$tmp/all.json" >/dev/null ||
	fail "missing parts: $(head -c 300 "$tmp/all.json")"
jq -e '. as $m | [.criteria[] | select(.ratings_from == "matrix")
  | ([$m.options[].id] - (.ratings | keys) | length) == 0
    and ([.why[] | length > 0] | all)] | all' "$tmp/all.json" >/dev/null ||
	fail "a criterion lacks a rating or reason for some option"
# The shipped matrix gives a reason for every base weight and every rule.
jq -e '[.criteria[] | .weight_why != null and ([.rules[] | .why != null] | all)] | all' \
    "$tmp/all.json" >/dev/null || fail "a base weight or rule has no reason"

# Every rating in the JSON is the one the YAML file gives, found with awk
# under its criterion and option, independently of stackpick's loader.
jq -r '.criteria[] | select(.ratings_from == "matrix") | .id as $c
  | .ratings | to_entries[] | "\($c) \(.key) \(.value)"' "$tmp/all.json" >"$tmp/ratings"
[ -s "$tmp/ratings" ] || fail "no ratings"
while read -r crit opt val; do
	awk -v c="$crit" -v o="$opt" '
		$0 ~ "^  - id: " c "$" { inc = 1; next }
		/^  - id: / { inc = 0 }
		inc && $0 ~ "^      " o ":$" { ino = 1; next }
		inc && ino && /rating:/ { print $2; exit }' "$yaml" >"$tmp/want"
	[ -s "$tmp/want" ] || fail "no rating for $crit/$opt in $yaml"
	awk -v a="$(cat "$tmp/want")" -v b="$val" 'BEGIN { exit !(a + 0 == b + 0) }' ||
		fail "$crit/$opt: $val in JSON, $(cat "$tmp/want") in $yaml"
done <"$tmp/ratings"

"$sp" --list-criteria --format json | jq -c '.criteria' >"$tmp/a" || fail "--list-criteria --format json"
jq -c '.criteria' "$tmp/all.json" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "--list-criteria and --show-matrix disagree"
"$sp" --list-options --format json | jq -c '.options' >"$tmp/a" || fail "--list-options --format json"
jq -c '.options' "$tmp/all.json" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "--list-options and --show-matrix disagree"

# Text and JSON list the same criteria, in the same order.
"$sp" --list-criteria | awk '/^[^ ]/ { print $1 }' >"$tmp/a"
jq -r '.criteria[].id' "$tmp/all.json" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "text and JSON list different criteria"
exit 0
