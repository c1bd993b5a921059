#!/usr/bin/env bash
# The questionnaire driven through standard input, one answer per line.
#
#   interactive.sh STACKPICK CASE [ARG [MATRIX]]
#
# Run from tests/data.  Cases:
#   round-trip NAME   answers/NAME.txt give the shipped example NAME (of
#                     MATRIX, when given, else the built-in one): the
#                     interactive JSON equals the example's, and the saved
#                     profile loads back to the same JSON
#   edit NAME         --interactive with the example as defaults and only
#                     Enter pressed gives the example's JSON, saved or not
#   json-only         with --format json > file, the file holds only JSON
#   eof               input ending early: exit 66, nothing written
#   refuse            an existing file survives a refused overwrite
#   confirm           ... and is replaced after "yes", or with --force
#   failed-write      ... and survives a write that fails (exit 73)
#   offer             without --save, the file name asked for at the end
#   custom-matrix     --matrix brings its own questions
#   scripted-invalid  answers from a pipe: an invalid one ends the run
#                     with its line of the answers and exit 65
#   numeric-values    enum values that read as numbers win over positions
#   not-regular       a named pipe is never replaced, nor asked about
#   keep              going back changes an earlier answer, an alias is
#                     accepted, ~/ in the file name is HOME, and the saved
#                     profile loads back to the same report
#   back-first        going back at the first question ends a scripted run
#   scripted-refusal  answers from a pipe cannot react to a refused file
#                     name: exit 73, and the next line is not a file name
#   musts             the musts, asked last, are saved and load back to
#                     the same report; editing keeps them; a wrong must
#                     or a missing reason ends a scripted run at its line
set -u
sp=$1 case=$2 arg=${3:-}
mx=()
[ -n "${4:-}" ] && mx=(--matrix "$4")
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
examples=../../data/examples
# A profile for another matrix lives next to it.
[ -n "${4:-}" ] && examples=$(dirname "$4")

fail() {
	echo "FAIL: $case $arg: $*" >&2
	for f in "$tmp"/*.err; do
		[ -f "$f" ] && { echo "--- $f:"; tail -n 20 "$f"; } >&2
	done
	exit 1
}

# The JSON report without the input's name, which differs by design.
norm() {
	jq -c 'del(.input)' "$1" || fail "$1 is not JSON"
}

# Answers that take every default: Enter for each question.
enters() {
	local i
	for i in $(seq 1 "$1"); do echo; done
}

same_json() {
	[ "$(norm "$1")" = "$(norm "$2")" ] || fail "$1 and $2 differ:
$(norm "$1")
$(norm "$2")"
}

case $case in
round-trip)
	"$sp" "${mx[@]}" --format json "$examples/$arg.yaml" \
	    >"$tmp/file.json" || fail "the example does not score"
	"$sp" "${mx[@]}" --interactive --format json <"answers/$arg.txt" \
	    >"$tmp/asked.json" 2>"$tmp/asked.err" || fail "exit $?"
	same_json "$tmp/asked.json" "$tmp/file.json"
	"$sp" "${mx[@]}" --interactive --format json \
	    --save "$tmp/saved.yaml" <"answers/$arg.txt" >"$tmp/save.json" \
	    2>"$tmp/save.err" || fail "exit $? with --save"
	same_json "$tmp/save.json" "$tmp/asked.json"
	grep -q "^Saved the answers to $tmp/saved.yaml" "$tmp/save.err" ||
		fail "no word of the save"
	grep -q "^# " "$tmp/saved.yaml" || fail "the profile has no comments"
	"$sp" "${mx[@]}" --format json "$tmp/saved.yaml" \
	    >"$tmp/reload.json" || fail "the saved profile does not load"
	same_json "$tmp/reload.json" "$tmp/asked.json"
	;;
edit)
	"$sp" "${mx[@]}" --format json "$examples/$arg.yaml" \
	    >"$tmp/file.json" || fail "the example does not score"
	"$sp" "${mx[@]}" --interactive --format json "$examples/$arg.yaml" \
	    </dev/null >/dev/null 2>"$tmp/none.err"
	rc=$?
	[ "$rc" -eq 66 ] || fail "exit $rc without answers, expected 66"
	[ "$(grep -c '^([0-9]*/[0-9]*)' "$tmp/none.err")" -eq 1 ] ||
		fail "expected one question before end of input"
	enters 100 | "$sp" "${mx[@]}" --interactive --format json \
	    --save "$tmp/s.yaml" "$examples/$arg.yaml" >"$tmp/edit.json" \
	    2>"$tmp/edit.err" || fail "exit $?"
	same_json "$tmp/edit.json" "$tmp/file.json"
	grep -q "^name \[$arg\]: $" "$tmp/edit.err" ||
		fail "the profile's name is not the default"
	"$sp" "${mx[@]}" --format json "$tmp/s.yaml" >"$tmp/reload.json" ||
		fail "the saved profile does not load"
	same_json "$tmp/reload.json" "$tmp/file.json"
	;;
json-only)
	"$sp" --interactive --format json <answers/realtime-chat.txt \
	    >"$tmp/out.json" 2>"$tmp/out.err" || fail "exit $?"
	[ "$(wc -l <"$tmp/out.json")" -eq 1 ] || fail "stdout is not one line"
	jq -e '.recommendation.option == "nodejs"' "$tmp/out.json" \
	    >/dev/null || fail "stdout is not the JSON report"
	grep -q "How many simultaneous connections" "$tmp/out.err" ||
		fail "the questions are not on stderr"
	;;
eof)
	head -n 5 answers/realtime-chat.txt |
	    "$sp" --interactive --save "$tmp/p.yaml" >"$tmp/out" \
	    2>"$tmp/eof.err"
	rc=$?
	[ "$rc" -eq 66 ] || fail "exit $rc, expected 66"
	[ ! -s "$tmp/out" ] || fail "a report was printed"
	[ ! -e "$tmp/p.yaml" ] || fail "a profile was written"
	[ "$(grep -c '^stackpick: ' "$tmp/eof.err")" -eq 1 ] ||
		fail "not one message"
	grep -q "^stackpick: input ended before the last answer; nothing was saved$" \
	    "$tmp/eof.err" || fail "no message"
	;;
refuse)
	echo "old: 1" >"$tmp/p.yaml"
	{ cat answers/realtime-chat.txt; echo no; } |
	    "$sp" --interactive --save "$tmp/p.yaml" >/dev/null \
	    2>"$tmp/refuse.err"
	rc=$?
	[ "$rc" -eq 73 ] || fail "exit $rc, expected 73"
	grep -q "p.yaml exists.  Replace it? \[no\]: no" "$tmp/refuse.err" ||
		fail "no question before replacing"
	grep -q "p.yaml: file exists; not replaced" "$tmp/refuse.err" ||
		fail "no message"
	[ "$(cat "$tmp/p.yaml")" = "old: 1" ] || fail "the file changed"
	# End of input at the question refuses too.
	"$sp" --interactive --save "$tmp/p.yaml" <answers/realtime-chat.txt \
	    >/dev/null 2>"$tmp/refuse2.err"
	rc=$?
	[ "$rc" -eq 73 ] || fail "exit $rc at end of input, expected 73"
	[ "$(cat "$tmp/p.yaml")" = "old: 1" ] || fail "the file changed"
	[ "$(ls -A "$tmp" | grep -c tmp)" -eq 0 ] || fail "a temporary file is left"
	;;
confirm)
	echo "old: 1" >"$tmp/p.yaml"
	{ cat answers/realtime-chat.txt; echo '?'; echo y; } |
	    "$sp" --interactive --format json --save "$tmp/p.yaml" \
	    >"$tmp/a.json" 2>"$tmp/confirm.err" || fail "exit $?"
	grep -q "the old one is kept" "$tmp/confirm.err" || fail "no help"
	"$sp" --format json "$tmp/p.yaml" >"$tmp/b.json" || fail "bad file"
	same_json "$tmp/a.json" "$tmp/b.json"
	echo "old: 1" >"$tmp/p.yaml"
	"$sp" --interactive --force --save "$tmp/p.yaml" \
	    <answers/realtime-chat.txt >/dev/null 2>"$tmp/force.err" ||
		fail "exit $? with --force"
	grep -q "Replace it" "$tmp/force.err" && fail "--force still asked"
	grep -q "^realtime: true" "$tmp/p.yaml" || fail "not replaced"
	;;
failed-write)
	"$sp" --interactive --save "$tmp/full.yaml" <answers/realtime-chat.txt \
	    >/dev/null 2>&1 || fail "cannot save at all"
	[ "$(wc -c <"$tmp/full.yaml")" -gt 1024 ] ||
		fail "the profile is too small for this test"
	rm -f "$tmp/full.yaml"
	echo "old: 1" >"$tmp/p.yaml"
	# No file may grow past 1 KiB (bash counts -f in KiB), and SIGXFSZ
	# is ignored, so writing the profile fails as on a full disk, root
	# included; valgrind's own small files still fit.  Messages go
	# through a pipe, which the limit does not touch.
	msg=$(
		trap '' XFSZ
		ulimit -f 1
		exec "$sp" --interactive --force --save "$tmp/p.yaml" \
		    <answers/realtime-chat.txt 2>&1 >/dev/null
	)
	rc=$?
	printf '%s\n' "$msg" >"$tmp/fail.err"
	[ "$rc" -eq 73 ] || fail "exit $rc, expected 73"
	grep -q "^stackpick: $tmp/p.yaml: write error: File too large" \
	    "$tmp/fail.err" || fail "no reason given"
	[ "$(cat "$tmp/p.yaml")" = "old: 1" ] || fail "the file changed"
	[ "$(ls -A "$tmp" | grep -c tmp)" -eq 0 ] || fail "a temporary file is left"
	;;
offer)
	{ cat answers/realtime-chat.txt; echo '?'; echo " $tmp/o.yaml "; } |
	    "$sp" --interactive --format json >"$tmp/a.json" \
	    2>"$tmp/offer.err" || fail "exit $?"
	grep -q "^file name \[skip\]: " "$tmp/offer.err" || fail "no offer"
	grep -q "stackpick --interactive FILE" "$tmp/offer.err" || fail "no help"
	"$sp" --format json "$tmp/o.yaml" >"$tmp/b.json" || fail "not saved"
	same_json "$tmp/a.json" "$tmp/b.json"
	# An empty answer saves nothing.
	{ cat answers/realtime-chat.txt; echo; } |
	    (cd "$tmp" && "$sp" --interactive >/dev/null 2>"$tmp/skip.err") ||
		fail "exit $? when skipping"
	[ "$(ls "$tmp" | grep -c yaml)" -eq 1 ] || fail "skipping saved a file"
	;;
custom-matrix)
	printf '%s\n' queue 1 5 2 '?' hi no |
	    "$sp" --interactive --format json --matrix good/three-options.yaml \
	    >"$tmp/a.json" 2>"$tmp/custom.err" || fail "exit $?"
	grep -q "^(5/6) How many messages per second?" "$tmp/custom.err" ||
		fail "the matrix's question is not asked"
	grep -q "^  1) low  2) high$" "$tmp/custom.err" || fail "no choices"
	grep -q "^  No help for this question.$" "$tmp/custom.err" ||
		fail "no word about the missing help"
	jq -e '.name == "queue" and .recommendation.option == "beta"' \
	    "$tmp/a.json" >/dev/null || fail "unexpected report $(cat "$tmp/a.json")"
	;;
scripted-invalid)
	# Answers from a pipe cannot be asked again: the first invalid one
	# ends the run, located by its line of the answers.
	n=$(grep -c '' answers/realtime-chat.txt)
	echo "old: 1" >"$tmp/p.yaml"
	{ cat answers/realtime-chat.txt; echo ' maybe'; echo y; } |
	    "$sp" --interactive --save "$tmp/p.yaml" >/dev/null \
	    2>"$tmp/maybe.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc after 'maybe', expected 65"
	grep -q "^stackpick: <answers>:$((n + 1)):2: 'maybe' is not yes or no$" \
	    "$tmp/maybe.err" || fail "the wrong answer is not located"
	[ "$(cat "$tmp/p.yaml")" = "old: 1" ] || fail "the file changed"
	# The same answer forever: one question, one error, exit 65.
	yes bogus | head -n 1000 | "$sp" --interactive >"$tmp/out" \
	    2>"$tmp/bogus.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc for endless bogus answers, expected 65"
	[ ! -s "$tmp/out" ] || fail "a report was printed"
	[ "$(grep -c '^stackpick: ' "$tmp/bogus.err")" -eq 1 ] ||
		fail "not one message"
	grep -q "^stackpick: <answers>:2:1: 'bogus' is not " "$tmp/bogus.err" ||
		fail "the wrong answer is not located"
	# A number too large, and a line too long.
	{ echo x; echo 99999999999999999999; } |
	    "$sp" --interactive --matrix good/numeric-values.yaml \
	    >/dev/null 2>"$tmp/big.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc for a huge number, expected 65"
	grep -q "^stackpick: <answers>:2:1: 99999999999999999999 is not one of the choices" \
	    "$tmp/big.err" || fail "the huge number is not explained"
	head -c 2000 /dev/zero | tr '\0' x |
	    "$sp" --interactive >/dev/null 2>"$tmp/long.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc for a long line, expected 65"
	grep -q "^stackpick: <answers>:1:1: the answer is longer than 1024 bytes" \
	    "$tmp/long.err" || fail "the long line is not explained"
	;;
numeric-values)
	# Enum values that read as numbers: a value wins, #N is a position.
	printf '%s\n' x small 1 '#1' no | "$sp" --interactive --save "$tmp/n.yaml" \
	    --matrix good/numeric-values.yaml >/dev/null \
	    2>"$tmp/numeric.err" || fail "exit $?"
	grep -qxF '  #1) 3  #2) 1  #3) 2  (type a value as shown, or # and its number)' \
	    "$tmp/numeric.err" || fail "the choices do not show positions apart"
	grep -qx 'replicas: 1' "$tmp/n.yaml" ||
		fail "'1' did not pick the value 1: $(grep replicas "$tmp/n.yaml")"
	grep -qx 'shards: 3' "$tmp/n.yaml" ||
		fail "'#1' did not pick the first value: $(grep shards "$tmp/n.yaml")"
	;;
not-regular)
	# Only a regular file is replaced: never asked about anything else.
	mkfifo "$tmp/fifo" || exit 2
	"$sp" --interactive --save "$tmp/fifo" <answers/realtime-chat.txt \
	    >/dev/null 2>"$tmp/fifo.err"
	rc=$?
	[ "$rc" -eq 73 ] || fail "exit $rc saving to a named pipe, expected 73"
	grep -q "^stackpick: $tmp/fifo: is a named pipe, not a regular file; not replaced$" \
	    "$tmp/fifo.err" || fail "no clear message"
	grep -q "Replace it" "$tmp/fifo.err" && fail "asked to replace a named pipe"
	{ cat answers/realtime-chat.txt; echo y; } |
	    "$sp" --interactive --force --save "$tmp/fifo" >/dev/null 2>&1
	[ $? -eq 73 ] || fail "--force replaced a named pipe"
	[ -p "$tmp/fifo" ] || fail "the named pipe was replaced"
	[ "$(ls -A "$tmp" | grep -c tmp)" -eq 0 ] || fail "a temporary file is left"
	;;
keep)
	# TypeScript is a JavaScript front end; then back twice to change
	# the team's NodeJS answer, and Enter keeps the front end.
	{ printf '%s\n' realtime-chat 2 4 TypeScript '<' back 3 ''
	  tail -n +5 answers/realtime-chat.txt; echo '~/kept.yaml'; } |
	    HOME=$tmp "$sp" --interactive --format json >"$tmp/asked.json" \
	    2>"$tmp/keep.err" || fail "exit $?"
	grep -q '< goes back to the one before' "$tmp/keep.err" ||
		fail "the introduction does not say how to go back"
	[ "$(grep -c '^(4/15) ' "$tmp/keep.err")" -eq 3 ] ||
		fail "the front end was not asked three times"
	grep -qx 'team nodejs \[4\]: 3' "$tmp/keep.err" ||
		fail "going back does not offer the earlier answer"
	grep -qx 'frontend \[javascript\]: ' "$tmp/keep.err" ||
		fail "the alias did not set javascript"
	grep -q "^Saved the answers to $tmp/kept.yaml;" "$tmp/keep.err" ||
		fail "~/ is not HOME"
	grep -qx 'frontend: javascript' "$tmp/kept.yaml" ||
		fail "the profile does not hold the value"
	sed 's/^  javascript: 4$/  javascript: 3/' \
	    "$examples/realtime-chat.yaml" >"$tmp/want.yaml"
	grep -qx '  javascript: 3' "$tmp/want.yaml" || exit 2
	"$sp" --format json "$tmp/want.yaml" >"$tmp/want.json" || exit 2
	same_json "$tmp/asked.json" "$tmp/want.json"
	"$sp" --format json "$tmp/kept.yaml" >"$tmp/reload.json" ||
		fail "the saved profile does not load"
	same_json "$tmp/reload.json" "$tmp/asked.json"
	;;
back-first)
	printf '%s\n' '<' demo | "$sp" --interactive >"$tmp/out" \
	    2>"$tmp/first.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc, expected 65"
	grep -qx 'stackpick: <answers>:1:1: there is no question before this one' \
	    "$tmp/first.err" || fail "no located message"
	[ ! -s "$tmp/out" ] || fail "a report was printed"
	;;
scripted-refusal)
	{ cat answers/realtime-chat.txt; echo "$tmp/none/p.yaml"
	  echo "$tmp/p.yaml"; } |
	    "$sp" --interactive >/dev/null 2>"$tmp/dir.err"
	rc=$?
	[ "$rc" -eq 73 ] || fail "exit $rc for a missing directory, expected 73"
	grep -qx "stackpick: $tmp/none/p.yaml: the directory $tmp/none does not exist" \
	    "$tmp/dir.err" ||
		fail "no reason given"
	[ ! -e "$tmp/p.yaml" ] || fail "the next line was taken as a file name"
	grep -q 'Type another file name' "$tmp/dir.err" &&
		fail "a scripted run was asked again"
	# Only ~ and ~/ are HOME: another user's ~ is an invalid answer.
	{ cat answers/realtime-chat.txt; echo '~nobody/p.yaml'; } |
	    HOME=$tmp "$sp" --interactive >/dev/null 2>"$tmp/user.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc for ~nobody, expected 65"
	grep -q "^stackpick: <answers>:16:1: '~nobody/p.yaml': only ~ and ~/" \
	    "$tmp/user.err" || fail "~nobody is not explained"
	[ "$(ls -A "$tmp" | grep -vc 'err$')" -eq 0 ] || fail "a file was written"
	;;
musts)
	# The musts, asked last: a minimum without a reason and an exclusion
	# with one are saved, and the saved profile gives the same report.
	n=$(grep -c '' answers/realtime-chat.txt)
	{ head -n $((n - 1)) answers/realtime-chat.txt
	  printf '%s\n' yes 'IO_Performance >= 4' '' 'exclude py' \
	      'Python: not on our servers' ''; } |
	    "$sp" --interactive --format json --save "$tmp/m.yaml" \
	    >"$tmp/asked.json" 2>"$tmp/musts.err" || fail "exit $?"
	grep -q "^($n/$n) Is anything non-negotiable?$" "$tmp/musts.err" ||
		fail "the musts are not asked last"
	jq -e '[.screen.musts[] | .kind] == ["min", "exclude"] and
	    .screen.musts[1].why == "Python: not on our servers"' \
	    "$tmp/asked.json" >/dev/null ||
		fail "the musts are not in the report: $(cat "$tmp/asked.json")"
	grep -qx '  io_performance: 4' "$tmp/m.yaml" ||
		fail "the minimum is not saved: $(cat "$tmp/m.yaml")"
	grep -qx '  python: "Python: not on our servers"' "$tmp/m.yaml" ||
		fail "the exclusion is not saved: $(cat "$tmp/m.yaml")"
	"$sp" --format json "$tmp/m.yaml" >"$tmp/reload.json"
	[ $? -le 1 ] || fail "the saved profile does not load"
	same_json "$tmp/reload.json" "$tmp/asked.json"
	# Editing it: Enter keeps the musts.
	enters 100 | "$sp" --interactive --format json "$tmp/m.yaml" \
	    >"$tmp/edit.json" 2>"$tmp/edit.err"
	[ $? -le 1 ] || fail "editing exits $?"
	grep -q '^    exclude python: Python: not on our servers$' \
	    "$tmp/edit.err" || fail "the musts so far are not listed"
	same_json "$tmp/edit.json" "$tmp/asked.json"
	# An answer that is not a must ends a scripted run at its line.
	{ head -n $((n - 1)) answers/realtime-chat.txt; printf '%s\n' y \
	    'speeed 4'; } | "$sp" --interactive >/dev/null 2>"$tmp/bad.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc for an unknown criterion, expected 65"
	grep -q "^stackpick: <answers>:$((n + 1)):1: 'speeed' is neither exclude, require nor a criterion" \
	    "$tmp/bad.err" || fail "the unknown criterion is not located"
	{ head -n $((n - 1)) answers/realtime-chat.txt; printf '%s\n' y \
	    'exclude nodejs' ''; } | "$sp" --interactive >/dev/null \
	    2>"$tmp/why.err"
	rc=$?
	[ "$rc" -eq 65 ] || fail "exit $rc for a missing reason, expected 65"
	grep -q "^stackpick: <answers>:$((n + 2)):1: give the reason" \
	    "$tmp/why.err" || fail "the missing reason is not located"
	;;
*)
	echo "interactive.sh: unknown case $case" >&2
	exit 2
	;;
esac
exit 0
