#!/usr/bin/env bash
# stackpick in CI pipelines: JSON Lines, the JSON schema, gates, Markdown,
# and output that never lies.  One case per run:
#
#   ci.sh STACKPICK SOURCE_DIR CASE      (run from tests/data)
set -u
sp=$1 src=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
ex=$src/data/examples
schema=$src/docs/stackpick.schema.json
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. "$here/run.sh"
expect=$here/expect.sh

# Runs expect.sh and ends this script with its status.  Not with exec,
# which would skip the EXIT trap and leave $tmp behind.
expect_and_exit() {
	"$expect" "$@"
	exit
}

# The shipped examples: examples holds the profiles written for the
# built-in matrix (data/examples/*.yaml, every one of which must load),
# others "MATRIX|PROFILE" for each profile shipped next to another
# matrix (data/*/matrix.yaml).  Worked out from the tree, so that a new
# example is covered at once.
examples=() others=()
find_examples() {
	local f mx
	examples=("$ex"/*.yaml)
	"$sp" --quiet "${examples[@]}" ||
		fail "data/examples/ holds a file the built-in matrix refuses"
	[ ${#examples[@]} -ge 5 ] || fail "too few examples for the built-in matrix"
	for mx in "$src"/data/*/matrix.yaml; do
		for f in "${mx%/*}"/*.yaml; do
			[ "$f" = "$mx" ] || others+=("$mx|$f")
		done
	done
}
case $case in
schema | baseline-jsonl | markdown-many | full | head | locale | cwd) find_examples ;;
esac

case $case in
jsonl)
	# A failing input in the middle: the others still print, in order, and
	# the failure is an object on stdout as well as a message on stderr.
	run --format json "$ex/realtime-chat.yaml" bad/unknown-key.yaml \
	    "$ex/ml-pipelines.yaml"
	want_rc 65
	[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "expected 3 lines"
	jq -e -s '.[0].name == "realtime-chat" and .[2].name == "ml-pipelines"
	    and .[1].input == "bad/unknown-key.yaml"
	    and .[1].error.line == 1 and .[1].error.column == 1
	    and .[1].error.exit_code == 65' "$tmp/out" >/dev/null ||
	    fail "objects out of order or error object wrong"
	msg=$(sed -n 2p "$tmp/out" | jq -r .error.message)
	[ "stackpick: $msg" = "$(head -n 1 "$tmp/err")" ] ||
	    fail "error message differs from stderr"
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "expected one line on stderr" ;;
jsonl-worst)
	# The exit code is the highest of the inputs' codes.
	run --format json bad/unknown-key.yaml missing.yaml "$ex/realtime-chat.yaml"
	want_rc 66
	jq -e -s 'length == 3 and .[0].error.exit_code == 65
	    and .[1].error.exit_code == 66 and .[1].error.line == null
	    and .[2].recommendation.option == "nodejs"' "$tmp/out" >/dev/null ||
	    fail "wrong objects" ;;
pretty)
	# Indented, and the same data as the compact form.
	run --format json --pretty "$ex/realtime-chat.yaml" missing.yaml
	want_rc 66
	grep -q '^  "schema_version": 1,$' "$tmp/out" || fail "not indented"
	jq -c . "$tmp/out" >"$tmp/pretty"
	"$sp" --format json "$ex/realtime-chat.yaml" missing.yaml 2>/dev/null |
	    jq -c . >"$tmp/compact"
	[ "$(wc -l <"$tmp/compact")" -eq 2 ] || fail "expected two objects"
	cmp -s "$tmp/pretty" "$tmp/compact" || fail "--pretty changes the data" ;;
pretty-text)
	expect_and_exit --code 64 --stderr "--pretty applies to --format json only" \
	    -- "$sp" --pretty "$ex/realtime-chat.yaml" ;;
schema)
	# Every shipped example, alone and together, compact and indented,
	# with gates passing and failing, a tie, another matrix and errors.
	for f in "${examples[@]}"; do
		"$sp" --format json "$f" >>"$tmp/all.json" || fail "$f failed"
		"$sp" --format json --pretty "$f" >>"$tmp/all.json" || fail "$f failed"
	done
	"$sp" --format json "$ex/ml-pipelines.yaml" >"$tmp/base.json"
	"$sp" --format json "${examples[@]}" >>"$tmp/all.json"
	"$sp" --format json --expect nodejs --min-margin 0.5 --min-confidence 0.95 \
	    --baseline "$tmp/base.json" "${examples[@]}" good/tie.yaml \
	    >>"$tmp/all.json" 2>/dev/null
	[ $? -eq 1 ] || fail "gates should fail for some inputs"
	for method in wpm topsis; do
		"$sp" --format json --method "$method" "${examples[@]}" >>"$tmp/all.json" ||
		    fail "--method $method failed"
	done
	"$sp" --format json --matrix good/three-options.yaml \
	    good/three-options-profile.yaml >>"$tmp/all.json"
	[ ${#others[@]} -ge 1 ] || fail "no example for a shipped matrix file"
	for pair in "${others[@]}"; do
		"$sp" --format json --matrix "${pair%%|*}" "${pair#*|}" \
		    >>"$tmp/all.json" || fail "$pair failed"
		"$sp" --format json --pretty --expect "$(
		    "$sp" --format json --matrix "${pair%%|*}" "${pair#*|}" |
		    jq -r .recommendation.option)" --matrix "${pair%%|*}" "${pair#*|}" \
		    >>"$tmp/all.json" || fail "$pair failed with a gate"
	done
	"$sp" --format json bad/malformed.yaml missing.yaml / bad/nan.yaml \
	    >>"$tmp/all.json" 2>/dev/null
	jq -e -s '[.[] | select(.error)] | length == 4' "$tmp/all.json" >/dev/null ||
	    fail "expected four error objects"
	jq -e -s '[.[] | .gates[]?] | (map(.passed) | any and (all | not))
	    and (map(.name) | unique == ["baseline", "expect", "min_confidence", "min_margin"])' \
	    "$tmp/all.json" >/dev/null || fail "gates missing from the sample"
	validate "$schema" "$tmp/all.json" || fail "output does not match the schema"
	# The schema refuses what stackpick does not print.
	jq -c '. + {"unexpected": 1}' "$tmp/all.json" >"$tmp/extra.json"
	jq -c 'select(.gates) | del(.gates)' "$tmp/all.json" >"$tmp/missing.json"
	jq -c 'select(.error) | .error.exit_code = 0' "$tmp/all.json" >"$tmp/code.json"
	jq -c 'select(.recommendation.tie) | .recommendation.option = "python"' \
	    "$tmp/all.json" >"$tmp/tie.json"
	jq -c 'select(.criteria) | .criteria[0].weight = 11' "$tmp/all.json" \
	    >"$tmp/weight.json"
	jq -c 'select(.criteria) | .label = "sure"' "$tmp/all.json" >"$tmp/label.json"
	jq -c 'select(.gates) | .gates += [{"name": "vibes", "passed": true, "detail": "x"}]' \
	    "$tmp/all.json" >"$tmp/gate.json"
	validate --invalid "$schema" "$tmp"/{extra,missing,code,tie,weight,label,gate}.json \
	    >/dev/null || fail "the schema accepts a broken document" ;;
expect-pass)
	expect_and_exit --code 0 --no-stderr --stdout "^  pass expect: recommended nodejs, as expected" \
	    -- "$sp" --color=never --expect nodejs "$ex/realtime-chat.yaml" ;;
expect-alias)
	expect_and_exit --code 0 --no-stderr -- "$sp" --expect node "$ex/realtime-chat.yaml" ;;
expect-fail)
	run --format json --expect python "$ex/realtime-chat.yaml"
	want_rc 1
	[ "$(cat "$tmp/err")" = "stackpick: $ex/realtime-chat.yaml: gate expect failed: recommended nodejs, expected python" ] ||
	    fail "wrong explanation on stderr"
	jq -e '.gates == [{"name": "expect", "passed": false,
	    "detail": "recommended nodejs, expected python"}]' "$tmp/out" >/dev/null ||
	    fail "wrong gates in JSON" ;;
expect-tie)
	expect_and_exit --code 1 \
	    --stderr "gate expect failed: no recommendation \(python and nodejs tie\), expected nodejs" \
	    -- "$sp" --expect nodejs good/tie.yaml ;;
expect-unknown)
	expect_and_exit --code 64 --no-stdout \
	    --stderr "--expect: unknown option 'ruby' \(expected python or nodejs\)" \
	    -- "$sp" --expect ruby "$ex/realtime-chat.yaml" ;;
margin-pass)
	# realtime-chat wins by 1.497 points.
	run --format json --min-margin 1.49 "$ex/realtime-chat.yaml"
	want_rc 0
	jq -e '.gates[0].passed and .gates[0].detail == "margin 1.50 is at least 1.49"' \
	    "$tmp/out" >/dev/null ||
	    fail "gate should pass" ;;
margin-fail)
	# 1.497 is below 1.5, and the message shows the digits that say so.
	run --format json --min-margin 1.5 "$ex/realtime-chat.yaml"
	want_rc 1
	grep -qx "stackpick: $ex/realtime-chat.yaml: gate min_margin failed: margin 1.497297 is below the minimum of 1.500000" \
	    "$tmp/err" || fail "wrong explanation"
	jq -e '.gates[0].passed == false and .gates[0].name == "min_margin"' \
	    "$tmp/out" >/dev/null || fail "wrong gates in JSON" ;;
margin-tie)
	expect_and_exit --code 1 --stderr "margin 0.00 is below the minimum of 0.01" \
	    -- "$sp" --min-margin 0.01 good/tie.yaml ;;
margin-bad)
	for v in -1 abc 0,5 nan inf ''; do
		"$expect" --code 64 --no-stdout --stderr "--min-margin: '$v' is not a number" \
		    -- "$sp" --min-margin "$v" "$ex/realtime-chat.yaml" || exit 1
	done ;;
baseline-same)
	"$sp" --format json "$ex/realtime-chat.yaml" >"$tmp/base.json"
	run --format json --baseline "$tmp/base.json" "$ex/realtime-chat.yaml"
	want_rc 0
	[ ! -s "$tmp/err" ] || fail "stderr is not empty"
	jq -e '.gates[0] | .passed and .moved == []
	    and (.detail | test("still nodejs.*no criterion moved"))' \
	    "$tmp/out" >/dev/null || fail "gate should pass with nothing moved" ;;
baseline-moved)
	# The recommendation holds, but two weights moved: the gate passes and
	# says which criteria moved and by how much.
	"$sp" --format json "$ex/realtime-chat.yaml" >"$tmp/base.json"
	run --format json --baseline "$tmp/base.json" --weight realtime=0 \
	    --weight community=9 "$ex/realtime-chat.yaml"
	want_rc 0
	jq -e '.gates[0] | .passed and (.moved | length == 2)
	    and (.moved | map(.criterion) | sort == ["community", "realtime"])
	    and (.moved[] | select(.criterion == "realtime")
	         | .weight_before == 7 and .weight_after == 0 and .lead_after == 0)' \
	    "$tmp/out" >/dev/null || fail "moves not reported" ;;
baseline-changed)
	# A decision recorded for ml-pipelines, then the weights change.
	"$sp" --format json "$ex/ml-pipelines.yaml" >"$tmp/base.json"
	run --baseline "$tmp/base.json" --weight ml_support=0 --weight realtime=10 \
	    --color=never "$ex/ml-pipelines.yaml"
	want_rc 1
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "expected one line on stderr"
	grep -Eq "^stackpick: $ex/ml-pipelines.yaml: gate baseline failed: recommendation changed from python to nodejs since $tmp/base.json \(margin 0.92, was 0.95\). moved: realtime \(weight 1 -> 10, lead -0.10 -> \+1.00\), ml_support \(weight 10 -> 0, lead \+0.97 -> \+0.00\)$" \
	    "$tmp/err" || fail "wrong explanation"
	grep -q "FAIL baseline: recommendation changed" "$tmp/out" ||
	    fail "the text report does not show the gate" ;;
baseline-jsonl)
	# A baseline of several results: each input meets its own.
	"$sp" --format json "${examples[@]}" >"$tmp/base.jsonl"
	run --format json --baseline "$tmp/base.jsonl" "${examples[@]}"
	want_rc 0
	jq -e -s 'map(.gates[0].passed and .gates[0].moved == []) | all' \
	    "$tmp/out" >/dev/null || fail "every input should match its baseline"
	run --baseline "$tmp/base.jsonl" good/minimal.yaml
	want_rc 1
	grep -q "gate baseline failed: $tmp/base.jsonl holds no result for good/minimal.yaml" \
	    "$tmp/err" || fail "wrong explanation" ;;
baseline-missing)
	expect_and_exit --code 66 --no-stdout --stderr "^stackpick: nowhere.json: No such file" \
	    -- "$sp" --baseline nowhere.json "$ex/realtime-chat.yaml" ;;
baseline-invalid)
	printf '{"schema_version": 1,\n  "input": oops}\n' >"$tmp/b.json"
	"$expect" --code 65 --no-stdout --stderr "^stackpick: $tmp/b.json:2:[0-9]+: " \
	    -- "$sp" --baseline "$tmp/b.json" "$ex/realtime-chat.yaml" || exit 1
	"$sp" --format json "$ex/realtime-chat.yaml" >"$tmp/c.json"
	jq -c '.schema_version = 7' "$tmp/c.json" >>"$tmp/c.json"
	expect_and_exit --code 65 --no-stdout \
	    --stderr "^stackpick: $tmp/c.json:2:1: not a stackpick result with schema_version 1" \
	    -- "$sp" --baseline "$tmp/c.json" "$ex/realtime-chat.yaml" ;;
gates-order)
	# Every gate is listed, in a fixed order; each failure is one line.
	"$sp" --format json "$ex/ml-pipelines.yaml" >"$tmp/base.json"
	run --format json --baseline "$tmp/base.json" --min-margin 3 --expect python \
	    "$ex/realtime-chat.yaml"
	want_rc 1
	jq -e '[.gates[] | .name] == ["expect", "min_margin", "baseline"]
	    and ([.gates[] | .passed] == [false, false, false])' "$tmp/out" >/dev/null ||
	    fail "gates missing or out of order"
	[ "$(wc -l <"$tmp/err")" -eq 3 ] || fail "expected three lines on stderr"
	jq -r --arg in "$ex/realtime-chat.yaml" \
	    '.gates[] | "stackpick: \($in): gate \(.name) failed: \(.detail)"' \
	    "$tmp/out" >"$tmp/want"
	cmp -s "$tmp/want" "$tmp/err" || fail "stderr and JSON disagree" ;;
gates-worst)
	# A failed gate (1) never hides a worse error.
	expect_and_exit --code 65 -- "$sp" --expect python "$ex/realtime-chat.yaml" \
	    bad/nan.yaml ;;
quiet)
	"$expect" --code 0 --no-stdout --no-stderr \
	    -- "$sp" --quiet --expect nodejs "$ex/realtime-chat.yaml" || exit 1
	"$expect" --code 1 --no-stdout --stderr "gate expect failed" \
	    -- "$sp" -q --format json --expect python "$ex/realtime-chat.yaml" || exit 1
	expect_and_exit --code 65 --no-stdout --stderr "nan.yaml:2:15" \
	    -- "$sp" -q --format json bad/nan.yaml ;;
markdown)
	# The report renders: a heading, the criteria as a real table with one
	# row per criterion plus the score, the checklist as a task list.
	run --format markdown --expect nodejs "$ex/realtime-chat.yaml"
	want_rc 0
	cmark-gfm -e table -e tasklist "$tmp/out" >"$tmp/html" || fail "cmark-gfm failed"
	grep -q '^<h2>realtime-chat: NodeJS recommended</h2>$' "$tmp/html" || fail "no heading"
	# The criteria table is the one headed Criterion, Weight.
	awk '/^<table>$/ { t = "" } { t = t $0 "\n" }
	    /^<\/table>$/ && t ~ /<th align="right">Weight<\/th>/ { printf "%s", t }' \
	    "$tmp/html" >"$tmp/table"
	[ "$(grep -c '^<table>$' "$tmp/table")" -eq 1 ] || fail "no criteria table"
	ncrit=$("$sp" --format json "$ex/realtime-chat.yaml" | jq '.criteria | length')
	rows=$(grep -c '^<tr>$' "$tmp/table")
	[ "$rows" -eq $((ncrit + 2)) ] || fail "expected $((ncrit + 2)) rows, got $rows"
	grep -q '<th align="right">NodeJS</th>' "$tmp/html" || fail "no option column"
	grep -q '<input type="checkbox" disabled="" />' "$tmp/html" || fail "no task list"
	grep -q '<h3>Pitfalls to avoid with NodeJS</h3>' "$tmp/html" || fail "no pitfalls"
	grep -q '<td align="left">expect</td>' "$tmp/html" || fail "no gate table"
	! grep -q '|' "$tmp/html" || fail "a pipe leaked out of a table" ;;
markdown-escape)
	# Markdown punctuation in a matrix shows as written and never breaks
	# a table row.
	run --format markdown --matrix good/markdown-matrix.yaml good/minimal.yaml
	want_rc 0
	cmark-gfm -e table -e tasklist -e strikethrough "$tmp/out" >"$tmp/html"
	grep -q '<td align="left">Speed | latency</td>' "$tmp/html" || fail "pipe in a cell"
	grep -q '<th align="right">\*C\* &amp; &lt;D&gt;</th>' "$tmp/html" || fail "label mangled"
	grep -q 'fast: `x|y` and \[link\](z) stay literal' "$tmp/html" || fail "code or link"
	grep -q '~~not struck~~' "$tmp/html" || fail "strikethrough"
	grep -q 'Check | the \*pipes\* \[x\] before &lt;script&gt;' "$tmp/html" || fail "checklist"
	! grep -Eq '<(em|code|a|del|script|b)>' "$tmp/html" || fail "markup leaked"
	# Every row of every table has as many cells as its header.
	sed -n '/^<table>$/,/^<\/table>$/p' "$tmp/html" | awk '
	    /^<table>$/ { h = 0 } /^<th[ >]/ { h++ }
	    /^<tr>$/ { n = 0 } /^<td/ { n++ }
	    /^<\/tr>$/ && n > 0 && n != h { bad = 1 }
	    END { exit bad }' || fail "a row lost or gained cells" ;;
markdown-sure)
	# How sure it is, as text says it: label, flip points as a table, a
	# hybrid split.
	run --format markdown "$ex/hybrid-platform.yaml"
	want_rc 0
	cmark-gfm -e table "$tmp/out" >"$tmp/html"
	grep -q '^<h3>How sure: leaning</h3>$' "$tmp/html" || fail "no label"
	grep -q '<th align="right">Draws level at</th>' "$tmp/html" || fail "no flip table"
	grep -q '<td align="left">Real-time features</td>' "$tmp/html" || fail "no flip row"
	grep -q '^<p>Consider a hybrid: NodeJS for the ' "$tmp/html" || fail "no hybrid"
	run --format markdown --method topsis "$ex/realtime-chat.yaml"
	grep -q 'a margin of 0.74 in TOPSIS closeness (0 to 1)' "$tmp/out" ||
	    fail "TOPSIS margin shown as rating points" ;;
markdown-many)
	run --format markdown "${examples[@]}"
	want_rc 0
	[ "$(grep -c '^## ' "$tmp/out")" -eq ${#examples[@]} ] || fail "one heading per input"
	cmark-gfm -e table "$tmp/out" | grep -c '^<th align="right">Weight</th>$' >"$tmp/n"
	[ "$(cat "$tmp/n")" -eq ${#examples[@]} ] || fail "one criteria table per input" ;;
full)
	# A full disk is an error in every format, and says so.
	for fmt in text json markdown; do
		"$expect" --code 74 --out /dev/full \
		    --stderr "^stackpick: write error: No space left on device$" \
		    -- "$sp" --format "$fmt" --expect nodejs "${examples[@]}" || exit 1
	done ;;
head)
	# A reader that stops early: no noise, no crash, the usual exit code.
	args=()
	for i in $(seq 1 30); do args+=("${examples[@]}"); done
	set -o pipefail
	"$sp" --format json "${args[@]}" 2>"$tmp/err" | head -n 1 >"$tmp/out"
	rc=$?
	want_rc 0
	[ ! -s "$tmp/err" ] || fail "stderr is not empty"
	[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "head got no line"
	jq -e .recommendation "$tmp/out" >/dev/null || fail "the line is not JSON"
	# Gates still count after the reader left.
	"$sp" --expect python --color=never "${args[@]}" 2>"$tmp/err" | head -n 1 >/dev/null
	rc=$?
	want_rc 1
	! grep -v 'gate expect failed' "$tmp/err" || fail "unexpected message" ;;
locale)
	# Numbers keep their '.' and the bytes stay the same under a locale
	# with a decimal comma.
	locale -a 2>/dev/null | grep -qix 'de_DE.utf8' ||
	    fail "no de_DE.UTF-8 locale: run scripts/install-deps.sh"
	for fmt in text json markdown; do
		LC_ALL=C "$sp" --format "$fmt" --min-margin 0.1 "${examples[@]}" \
		    >"$tmp/c.$fmt" || fail "C locale: $fmt failed"
		LC_ALL=de_DE.UTF-8 "$sp" --format "$fmt" --min-margin 0.1 \
		    "${examples[@]}" >"$tmp/de.$fmt" 2>"$tmp/err" || fail "de_DE: $fmt failed"
		[ ! -s "$tmp/err" ] || fail "de_DE: messages on stderr"
		cmp -s "$tmp/c.$fmt" "$tmp/de.$fmt" || fail "$fmt output depends on the locale"
	done
	grep -q '"margin":1.4972972973,' "$tmp/de.json" || fail "no decimal point in JSON"
	grep -q '4.59 against 3.09 for Python (margin 1.50' "$tmp/de.text" || fail "no decimal point in text" ;;
cwd)
	# The same arguments give the same bytes from any directory.
	mkdir "$tmp/a" "$tmp/b"
	for fmt in text json markdown; do
		(cd "$tmp/a" && "$sp" --format "$fmt" "${examples[@]}") >"$tmp/a.out" ||
		    fail "run in a failed"
		(cd "$tmp/b" && "$sp" --format "$fmt" "${examples[@]}") >"$tmp/b.out" ||
		    fail "run in b failed"
		(cd / && "$sp" --format "$fmt" "${examples[@]}") >"$tmp/c.out" ||
		    fail "run in / failed"
		cmp -s "$tmp/a.out" "$tmp/b.out" && cmp -s "$tmp/a.out" "$tmp/c.out" ||
		    fail "$fmt output depends on the current directory"
	done ;;
*)
	echo "ci.sh: unknown case $case" >&2
	exit 2 ;;
esac
exit 0
