#!/usr/bin/env bash
# The JSON output of every shipped example, held byte for byte: each case
# below is run and its standard output compared with the file of the same
# name in tests/golden/expected/.  A change to the JSON view that is meant
# shows up here as a diff to review; --update rewrites the expected files.
#
# The corpus: every example in data/examples (the built-in matrix), the
# web-frameworks example and the three-option fixture with their
# matrices, the hostile matrix, a tie and a JSON profile; each with every
# ranking method, compact and --pretty; with gates and a baseline; many
# profiles in one run (JSON Lines); failed inputs; the matrix views; the
# decision record; and a file name that is not UTF-8.
#
#   tests/golden/golden.sh STACKPICK SOURCE_DIR [--update]
set -euo pipefail
sp=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
update=${3:-}
expected=$root/tests/golden/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/out"
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000
cd "$root"

# Runs stackpick with the remaining arguments into out/NAME.json; the exit
# code is kept in the output's last line, so that a gate that fails (1) or
# an input refused (65) is part of what is compared.
run() {
	local name=$1 rc=0
	shift
	"$sp" "$@" >"$tmp/out/$name.json" 2>/dev/null || rc=$?
	echo "exit $rc" >>"$tmp/out/$name.json"
}

ex=data/examples
web=(--matrix data/web-frameworks/matrix.yaml data/web-frameworks/python-web-api.yaml)
three=(--matrix tests/data/good/three-options.yaml
    tests/data/good/three-options-profile.yaml)
hostile=(--matrix tests/data/hostile/matrix.yaml tests/data/hostile/profile.yaml)

for method in wsm wpm topsis; do
	for layout in compact pretty; do
		flag=()
		[ "$layout" = pretty ] && flag=(--pretty)
		for f in "$ex"/*.yaml; do
			run "$(basename "$f" .yaml).$method.$layout" --format json \
			    --method "$method" "${flag[@]}" "$f"
		done
		run "web.$method.$layout" --format json --method "$method" \
		    "${flag[@]}" "${web[@]}"
		run "three.$method.$layout" --format json --method "$method" \
		    "${flag[@]}" "${three[@]}"
		run "hostile.$method.$layout" --format json --method "$method" \
		    "${flag[@]}" "${hostile[@]}"
		run "tie.$method.$layout" --format json --method "$method" \
		    "${flag[@]}" tests/data/good/tie.yaml
		run "profile-json.$method.$layout" --format json \
		    --method "$method" "${flag[@]}" tests/data/good/profile.json
	done
done

# A generated matrix with more criteria than the confidence draws that
# are compiled in, so that the rest are made at run time.
tests/bench/gen-matrix.sh 6 40 >"$tmp/gen.yaml"
printf 'name: gen\nload: high\nusers: 5000\nrealtime: true\n' >"$tmp/gen-p.yaml"
(
	cd "$tmp"
	rc=0
	"$sp" --format json --matrix gen.yaml gen-p.yaml >out/generated.json \
	    2>/dev/null || rc=$?
	echo "exit $rc" >>out/generated.json
)

# Every example in one run, as JSON Lines: the buffers of one profile are
# reused for the next.
run batch --format json "$ex"/*.yaml tests/data/good/tie.yaml \
    tests/data/good/minimal.yaml tests/data/good/profile.json
run batch-web --format json "${web[@]}" "${web[@]:2}"

# Gates: each example against a saved result as the baseline (made
# once, by the JSON view as it was when the corpus was made), with the
# other gates too, passing and failing.
base=tests/golden/baseline-realtime-chat.json
for f in "$ex"/*.yaml; do
	n=$(basename "$f" .yaml)
	run "gates.$n.compact" --format json --baseline "$base" \
	    --min-margin 0.5 --min-confidence 0.9 "$f"
	run "gates.$n.pretty" --format json --pretty --baseline "$base" \
	    --expect python --min-margin 0.01 --min-confidence 0.1 "$f"
done
for method in wpm topsis; do
	run "gates.web.$method" --format json --method "$method" \
	    --baseline tests/golden/baseline-web.json --expect flask "${web[@]}"
done
run gates.weights --format json --weight realtime=10 --weight hiring=0 \
    --baseline "$base" "$ex/realtime-chat.yaml"

# Inputs that fail: one error object each, among good ones.
run errors --format json "$ex/realtime-chat.yaml" tests/data/bad/three-mistakes.yaml \
    tests/data/bad/invalid-utf8.yaml tests/data/bad/malformed.yaml \
    tests/data/bad/control-name.yaml /nonexistent/profile.yaml
run errors.pretty --format json --pretty tests/data/bad/three-mistakes.yaml \
    tests/data/bad/nul-escape.yaml

# Musts (screening an option, leaving one, leaving none), a criterion
# measured in a unit with ranges, pairwise judgements and a group.
good=tests/data/good
for method in wsm topsis; do
	run "musts.$method" --format json --method "$method" \
	    --matrix "$good/three-options.yaml" "$good/musts-profile.yaml"
done
run musts.only --format json --expect python "$good/musts-only-profile.yaml"
run musts.none --format json --pretty "$good/musts-none-profile.yaml"
run units --format json --matrix "$good/cold-start.yaml" \
    "$good/cold-start-profile.yaml"
run pairwise --format json data/group/alice.yaml
run group.file --format json --group data/group/group.yaml
run group.profiles --format json --pretty --group data/group/alice.yaml \
    data/group/bob.yaml data/group/carol.yaml

# The matrix views, and the decision record in JSON.
for view in list-options list-criteria show-matrix; do
	run "matrix.$view" --format json "--$view"
	run "matrix.$view.web" --format json "--$view" \
	    --matrix data/web-frameworks/matrix.yaml
	run "matrix.$view.hostile" --format json --pretty "--$view" \
	    --matrix tests/data/hostile/matrix.yaml
done
mkdir "$tmp/adr"
run record --format json --adr-dir "$tmp/adr" "$ex/hybrid-platform.yaml"
run record.pretty --format json --pretty --adr-dir "$tmp/adr" \
    --baseline "$base" "$ex/ml-pipelines.yaml"

# A file name with bytes that are not UTF-8 and control characters,
# named relative to its directory so that the output does not hold tmp.
mkdir "$tmp/odd"
odd=$'caf\xe9 \x01\x1f\x7f "q" \\ \t\xed\xa0\x80\xf4\x90\x80\x80\xc3.yaml'
cp "$ex/serverless-functions.yaml" "$tmp/odd/$odd"
(
	cd "$tmp/odd"
	rc=0
	"$sp" --format json "$odd" >"$tmp/out/odd-name.json" 2>/dev/null || rc=$?
	echo "exit $rc" >>"$tmp/out/odd-name.json"
	rc=0
	"$sp" --format json --pretty "$odd" "missing $odd" \
	    >"$tmp/out/odd-name.pretty.json" 2>/dev/null || rc=$?
	echo "exit $rc" >>"$tmp/out/odd-name.pretty.json"
)

if [ "$update" = --update ]; then
	rm -rf "$expected"
	mkdir -p "$expected"
	cp "$tmp"/out/*.json "$expected/"
	echo "golden: wrote $(ls "$expected" | wc -l) files to $expected"
	exit 0
fi
status=0
for f in "$tmp"/out/*.json; do
	n=$(basename "$f")
	if [ ! -f "$expected/$n" ]; then
		echo "golden: $n: no expected output (run with --update)" >&2
		status=1
	elif ! cmp -s "$expected/$n" "$f"; then
		echo "golden: $n differs:" >&2
		diff -u "$expected/$n" "$f" | head -40 >&2 || true
		status=1
	fi
done
for f in "$expected"/*.json; do
	[ -f "$tmp/out/$(basename "$f")" ] || {
		echo "golden: $(basename "$f"): no longer produced" >&2
		status=1
	}
done
[ "$status" -eq 0 ] && echo "golden: $(ls "$tmp/out" | wc -l) outputs unchanged"
exit "$status"
