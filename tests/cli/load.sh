#!/usr/bin/env bash
# Baselines, trees and rules at their bounds, and JSON as Python writes
# it; inputs generated at test time.  One case per run:
#
#   load.sh STACKPICK SOURCE_DIR CASE
#
# Run under expect.sh's limits (64 MiB, one second of CPU in the plain
# build): a cost that grows with the square of the input fails.
set -u
sp=$1 src=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
ex=$src/data/examples
expect=$here/expect.sh
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# Runs expect.sh (not with exec, so that the trap above cleans up).
check() {
	"$expect" "$@"
}

case $case in
baseline-many)
	# 8 MiB of tiny documents after one result: read in one pass.  Under
	# memcheck (SP_TEST_ROUNDS_DIVISOR) fewer: the same code, less time.
	"$sp" --format json "$ex/realtime-chat.yaml" >"$tmp/b.json" || exit 1
	awk -v n=$((640000 / ${SP_TEST_ROUNDS_DIVISOR:-1})) \
	    'BEGIN { for (i = 0; i < n; i++) print "{\"error\":{}}" }' \
	    >>"$tmp/b.json"
	check --code 0 --stdout '"name":"baseline","passed":true' \
	    -- "$sp" --format json --baseline "$tmp/b.json" "$ex/realtime-chat.yaml" ;;
baseline-name)
	# A file name that is not UTF-8, and a long one: the gate is in the
	# JSON all the same, its detail whole.
	a=$(printf '%0100d' 0 | sed 's/0/\xc3\xa9/g')
	mkdir -p "$tmp/$a/$a" || exit 1
	name="$tmp/$a/$a/$a$(printf '\xff\xe2\x82').json"
	"$sp" --format json "$ex/ml-pipelines.yaml" >"$name" || exit 1
	check --code 1 --stdout $'"gates":\\[\\{"name":"baseline","passed":false,"detail":"recommendation changed from python to nodejs since [^"]*\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd.json' \
	    -- "$sp" --format json --baseline "$name" "$ex/realtime-chat.yaml" ;;
baseline-bom)
	printf '\xef\xbb\xbf' >"$tmp/b.json"
	"$sp" --format json "$ex/realtime-chat.yaml" >>"$tmp/b.json" || exit 1
	check --code 0 --no-stderr \
	    -- "$sp" --quiet --baseline "$tmp/b.json" "$ex/realtime-chat.yaml" ;;
baseline-other-matrix)
	"$sp" --format json --matrix "$ex/../web-frameworks/matrix.yaml" \
	    "$ex/../web-frameworks/python-web-api.yaml" >"$tmp/b.json" || exit 1
	check --code 1 --stderr "gate baseline failed: .*b.json was saved with another matrix, so nothing compares: '[a-z_]+' is not a criterion of this matrix" \
	    -- "$sp" --quiet --baseline "$tmp/b.json" "$ex/realtime-chat.yaml" ;;
baseline-no-criteria)
	"$sp" --format json "$ex/realtime-chat.yaml" |
	    jq -c '.criteria = []' >"$tmp/b.json" || exit 1
	check --code 65 --stderr 'b.json:1:1: result has no criteria' \
	    -- "$sp" --quiet --baseline "$tmp/b.json" "$ex/realtime-chat.yaml" ;;
baseline-nodes)
	{ printf '{"a": ['; head -c 300000 /dev/zero | sed 's/\x0/0,/g'; printf '0]}\n'; } \
	    >"$tmp/b.json"
	check --code 65 --stderr 'b.json:1:[0-9]+: more than 131072 values in one document' \
	    -- "$sp" --baseline "$tmp/b.json" "$ex/realtime-chat.yaml" ;;
matrix-nodes)
	# 8 MiB of one-letter values: refused within 64 MiB, not exit 70.
	awk 'BEGIN { printf "format: 1\nx:\n"; for (i = 0; i < 1000; i++) {
	    printf "  - ["; for (j = 0; j < 4095; j++) printf "a,"; print "a]" } }' \
	    >"$tmp/m.yaml"
	check --code 65 --stderr 'm.yaml:[0-9]+:[0-9]+: more than 131072 values in one document' \
	    -- "$sp" --matrix "$tmp/m.yaml" "$ex/realtime-chat.yaml" ;;
rules-many)
	# 2,000 rules on an integer trait: refused at the first test past
	# the bound (40,000 took minutes per profile).
	awk 'BEGIN { print "format: 1\nname: x\nscale: {min: 1, max: 5}"
	    print "options: [{id: a, label: A}, {id: b, label: B}]"
	    print "traits: [{id: n, type: integer, min: 0, max: 1000000, default: 5}]"
	    print "criteria:"
	    for (c = 0; c < 10; c++) {
		printf "  - id: c%d\n    label: C\n    weight: 1\n", c
		print "    ratings: {a: {rating: 1, why: x}, b: {rating: 2, why: y}}"
		print "    rules:"
		for (r = 0; r < 200; r++) printf "      - {when: {n: %d}, add: 1}\n", c * 200 + r
	    } }' >"$tmp/m.yaml"
	check --code 65 --stderr 'm.yaml:1061:17: rules: more than 1024 trait tests in the rules of one matrix' \
	    -- "$sp" --matrix "$tmp/m.yaml" "$ex/realtime-chat.yaml" ;;
rules-bound)
	# The worst case at the bound: every test a distinct range of an
	# integer trait, over 64 options and 256 criteria.
	awk 'BEGIN { seed = 7; print "format: 1\nname: x\nscale: {min: 1, max: 5}\noptions:"
	    for (o = 0; o < 64; o++) printf "  - {id: o%d, label: O}\n", o
	    print "traits: [{id: n, type: integer, min: 0, max: 1000000000, default: 500000}]"
	    print "criteria:"
	    for (c = 0; c < 256; c++) {
		printf "  - id: c%d\n    label: C\n    weight: %d\n    ratings:\n", c, c % 10 + 1
		for (o = 0; o < 64; o++) {
			seed = (seed * 16807) % 2147483647
			printf "      o%d: {rating: %d, why: x}\n", o, o == 0 ? 5 : 1 + seed % 5
		}
		print "    rules:"
		for (r = 0; r < 4; r++) { i = c * 4 + r
			printf "      - {when: {n: {min: %d, max: %d}}, add: 0.5}\n", i * 10, i * 10 + 5 }
	    } }' >"$tmp/m.yaml"
	echo 'name: p' >"$tmp/p.yaml"
	check --code 0 --stdout '^p: O recommended' \
	    -- "$sp" --color=never --matrix "$tmp/m.yaml" "$tmp/p.yaml" ;;
json-surrogates)
	# As Python's json.dumps writes a name with an emoji.
	printf '{"name": "chat \\ud83d\\ude00", "realtime": true, "io_load": "high"}\n' \
	    >"$tmp/p.json"
	check --code 0 --stdout $'"name":"chat \xf0\x9f\x98\x80"' \
	    -- "$sp" --format json "$tmp/p.json" || exit 1
	printf '{"name": "chat \\ud83d", "io_load": "high"}\n' >"$tmp/p.json"
	check --code 65 --stderr 'p.json:1:16: lone UTF-16 surrogate \\ud83d' \
	    -- "$sp" "$tmp/p.json" ;;
*)
	echo "load.sh: unknown case $case" >&2
	exit 2 ;;
esac
