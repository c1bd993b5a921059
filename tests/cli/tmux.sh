#!/usr/bin/env bash
# The questionnaire in a real terminal: a tmux pane runs a shell, the test
# types into it (send-keys) and reads the screen (capture-pane), checking
# what a person would see.
#
#   tmux.sh STACKPICK CASE
#
# Cases:
#   session    plain `stackpick` starts the questions; `?` shows the help,
#              a wrong answer is explained, the report appears, and the
#              profile saved at the end reproduces it
#   interrupt  Ctrl-C ends with exit 130, one message, nothing saved, and
#              the terminal's settings as they were
#   eof        Ctrl-D before the last answer ends with exit 66
#   keep       nothing typed is lost: an alias is accepted, < goes back
#              and changes an earlier answer, a file name refused ("no"
#              to replacing it, a missing directory) is asked again,
#              ~/ is HOME, and the saved profile gives the report shown
#   pager      a report longer than the screen goes through less: its
#              first lines show and stackpick waits until q is pressed
#   no-pager   piped, or with --no-pager, the whole report goes out at
#              once, with nothing to press
#   musts      "Is anything non-negotiable?": ? explains, a must off the
#              scale and an exclusion without its reason are explained
#              and asked again, and the saved profile holds the must and
#              gives the report shown
set -u
sp=$1 case=$2
examples=$(cd "$(dirname "$0")/../../data/examples" && pwd)
tmp=$(mktemp -d) || exit 2
sock=$tmp/tmux.sock
export TERM=xterm
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $case: $*" >&2
	echo "--- screen:" >&2
	tmux -S "$sock" capture-pane -p -t t -S - 2>/dev/null | grep -v '^$' >&2
	exit 1
}

# Waits until the screen (with its scrollback) matches ERE.  The bound
# only stops a hung test; it is generous enough for valgrind.
wait_for() {
	local i
	for i in $(seq 1 1200); do
		tmux -S "$sock" capture-pane -p -t t -S - >"$tmp/screen" \
		    2>/dev/null && grep -Eq -- "$1" "$tmp/screen" && return 0
		sleep 0.1
	done
	fail "the screen never showed /$1/"
}

# Waits until at least N lines of the screen match ERE.
wait_count() {
	local i
	for i in $(seq 1 1200); do
		tmux -S "$sock" capture-pane -p -t t -S - >"$tmp/screen" \
		    2>/dev/null && [ "$(grep -Ec -- "$1" "$tmp/screen")" -ge "$2" ] &&
			return 0
		sleep 0.1
	done
	fail "the screen never showed /$1/ $2 times"
}

# The report that profile FILE gives was on the screen, line by line.
report_shown() {
	# The terminal is 100 columns wide, and so is the report there.
	COLUMNS=100 "$sp" --color=never "$1" >"$tmp/report.txt" ||
		fail "the saved profile does not load"
	while IFS= read -r line; do
		# The screen keeps no trailing blanks.
		line=${line%"${line##*[! ]}"}
		grep -Fxq -- "$line" "$tmp/screen" ||
			fail "the screen lacks the line '$line'"
	done <"$tmp/report.txt"
}

# Types text and presses Enter.
type_line() {
	tmux -S "$sock" send-keys -t t -l -- "$1" && \
	    tmux -S "$sock" send-keys -t t Enter || fail "send-keys failed"
}

# Asks on the pane's prompt: waits for PROMPT, then types ANSWER.
answer() {
	wait_for "$1"
	type_line "$2"
}

# The exit status the shell in the pane wrote, once the command ended.
status() {
	wait_for "^rc=[0-9]+"
	sed -n 's/^rc=\([0-9]*\).*/\1/p' "$tmp/screen" | tail -n 1
}

tmux -S "$sock" -f /dev/null new-session -d -s t -x 100 -y 50 \
    -c "$tmp" "env PS1='$ ' bash --norc --noprofile" ||
	fail "cannot start tmux"
tmux -S "$sock" set-option -t t history-limit 5000 >/dev/null
wait_for '^\$'

case $case in
session)
	type_line "stty -g >before; '$sp'; echo rc=\$?; stty -g >after"
	answer '^name \[skip\]:$' 'demo: shop # 2'
	answer '^team python \[skip\]:$' '?'
	wait_for "the team's strongest"
	type_line 4
	answer '^team nodejs \[0\]:$' 2
	wait_for '^  1\) javascript  2\) other  3\) none$'
	answer '^frontend \[none\]:$' java
	answer '^io_load \[medium\]:$' hihg
	wait_for "^stackpick: 'hihg' is not one of the choices \(did you mean 'high'\?\)"
	type_line high
	answer '^cpu_load \[low\]:$' ''
	answer '^concurrency \[100\]:$' 20k
	wait_for "^stackpick: '20k' is not a whole number: answer a number from 0 to 100000000"
	type_line 20,000
	answer '^realtime \[no\]:$' y
	answer '^ml \[none\]:$' ''
	answer '^data_pipelines \[no\]:$' ''
	answer '^serverless \[no\]:$' ''
	answer '^team_experience \[mixed\]:$' ''
	answer '^hiring \[low\]:$' medium
	answer '^maintenance_years \[3\]:$' ''
	answer '^musts \[no\]:$' ''
	answer '^file name \[skip\]:$' demo.yaml
	[ "$(status)" = 0 ] || fail "exit status $(status)"
	wait_for '^Saved the answers to demo.yaml'
	# The whole report the saved profile gives was on the screen.
	report_shown "$tmp/demo.yaml"
	head -n 1 "$tmp/report.txt" | grep -q '^demo: shop # 2: NodeJS recommended' ||
		fail "unexpected report: $(head -n 1 "$tmp/report.txt")"
	cmp -s "$tmp/before" "$tmp/after" || fail "terminal settings changed"
	;;
pager)
	command -v less >/dev/null || { echo "SKIP: no less" >&2; exit 77; }
	type_line "env -u PAGER -u LESS '$sp' '$examples/realtime-chat.yaml'; echo rc=\$?"
	wait_for '^realtime-chat: NodeJS recommended'
	# The end of the report is not on the screen, and less waits.
	sleep 1
	tmux -S "$sock" capture-pane -p -t t -S - >"$tmp/screen"
	grep -q '^rc=' "$tmp/screen" && fail "the report was not paged"
	grep -q '^Suggested frameworks and tooling' "$tmp/screen" &&
		fail "the whole report fitted the screen"
	tmux -S "$sock" send-keys -t t q
	[ "$(status)" = 0 ] || fail "exit status $(status)"
	;;
no-pager)
	type_line "'$sp' '$examples/realtime-chat.yaml' | cat; echo rc=\$?"
	[ "$(status)" = 0 ] || fail "exit status $(status)"
	grep -q '^Suggested frameworks and tooling' "$tmp/screen" ||
		fail "the end of the piped report is missing"
	type_line "clear; '$sp' --no-pager '$examples/realtime-chat.yaml'; echo rc2=\$?"
	wait_for '^rc2=0'
	grep -q '^Suggested frameworks and tooling' "$tmp/screen" ||
		fail "the end of the --no-pager report is missing"
	;;
interrupt)
	type_line "stty -g >before; '$sp' --save x.yaml; echo rc=\$?; stty -g >after"
	answer '^name \[skip\]:$' demo
	wait_for '^team python \[skip\]:$'
	tmux -S "$sock" send-keys -t t C-c
	[ "$(status)" = 130 ] || fail "exit status $(status), expected 130"
	[ "$(grep -c '^stackpick: ' "$tmp/screen")" -eq 1 ] ||
		fail "not exactly one message"
	grep -q '^stackpick: interrupted; nothing was saved$' "$tmp/screen" ||
		fail "no message"
	[ ! -e "$tmp/x.yaml" ] || fail "a profile was saved"
	cmp -s "$tmp/before" "$tmp/after" || fail "terminal settings changed"
	# The shell still echoes and edits lines as before.
	type_line 'echo sane-$((40 + 2))'
	wait_for '^sane-42$'
	;;
eof)
	type_line "'$sp' --interactive; echo rc=\$?"
	answer '^name \[skip\]:$' demo
	wait_for '^team python \[skip\]:$'
	tmux -S "$sock" send-keys -t t C-d
	[ "$(status)" = 66 ] || fail "exit status $(status), expected 66"
	grep -q '^stackpick: input ended before the last answer; nothing was saved$' \
	    "$tmp/screen" || fail "no message"
	;;
keep)
	mkdir "$tmp/home" || exit 2
	echo "old: 1" >"$tmp/taken.yaml"
	type_line "HOME='$tmp/home' '$sp'; echo rc=\$?"
	wait_for '^\? explains a question, < goes back to the one before'
	answer '^name \[skip\]:$' demo
	answer '^team python \[skip\]:$' 2
	answer '^team nodejs \[0\]:$' 4
	answer '^frontend \[none\]:$' ts
	answer '^io_load \[medium\]:$' '<'
	wait_count '^\(4/15\) ' 2
	answer '^frontend \[javascript\]:$' back
	answer '^team nodejs \[4\]:$' 3
	wait_count '^frontend \[javascript\]:' 2
	type_line ''
	wait_count '^io_load \[medium\]:' 2
	type_line high
	answer '^cpu_load \[low\]:$' ''
	answer '^concurrency \[100\]:$' 20,000
	answer '^realtime \[no\]:$' y
	answer '^ml \[none\]:$' ''
	answer '^data_pipelines \[no\]:$' ''
	answer '^serverless \[no\]:$' ''
	answer '^team_experience \[mixed\]:$' ''
	answer '^hiring \[low\]:$' medium
	answer '^maintenance_years \[3\]:$' ''
	answer '^musts \[no\]:$' no
	answer '^file name \[skip\]:$' taken.yaml
	answer '^taken.yaml exists.  Replace it\? \[no\]:$' no
	wait_for '^stackpick: taken.yaml: file exists; not replaced$'
	wait_for '^Type another file name, or press Enter to save nothing.$'
	wait_count '^file name \[skip\]:' 2
	type_line nowhere/p.yaml
	wait_for '^stackpick: nowhere/p.yaml: the directory nowhere does not exist$'
	wait_count '^file name \[skip\]:' 3
	type_line '~/kept.yaml'
	[ "$(status)" = 0 ] || fail "exit status $(status)"
	wait_for "^Saved the answers to $tmp/home/kept.yaml;"
	[ "$(cat "$tmp/taken.yaml")" = "old: 1" ] || fail "taken.yaml changed"
	[ ! -e "$tmp/nowhere" ] || fail "a directory was made"
	grep -qx 'frontend: javascript' "$tmp/home/kept.yaml" ||
		fail "the alias was not saved as its value"
	grep -qx '  nodejs: 3' "$tmp/home/kept.yaml" ||
		fail "going back did not change the team's answer"
	report_shown "$tmp/home/kept.yaml"
	;;
musts)
	type_line "'$sp' --save m.yaml; echo rc=\$?"
	answer '^name \[skip\]:$' demo
	for q in 'team python' 'team nodejs' frontend io_load cpu_load \
	    concurrency realtime ml data_pipelines serverless team_experience \
	    hiring maintenance_years; do
		answer "^$q \\[[^]]*\\]:\$" ''
	done
	wait_for '^\(15/15\) Is anything non-negotiable\?$'
	answer '^musts \[no\]:$' '?'
	wait_for 'no score buys back'
	type_line yes
	answer '^must \[done\]:$' '?'
	wait_for '^  Type one must a line'
	wait_count '^must \[done\]:' 2
	type_line 'ml_support 9'
	wait_for '^stackpick: 9 is off the scale: give a rating from 1 to 5$'
	wait_count '^must \[done\]:' 3
	type_line 'exclude js'
	answer '^why:$' ''
	wait_for '^stackpick: give the reason'
	wait_count '^why:' 2
	type_line 'no JavaScript on the team'
	wait_count '^must \[done\]:' 4
	type_line ''
	[ "$(status)" = 0 ] || fail "exit status $(status)"
	wait_for '^Saved the answers to m.yaml'
	grep -qx '  nodejs: "no JavaScript on the team"' "$tmp/m.yaml" ||
		fail "the must was not saved: $(cat "$tmp/m.yaml")"
	report_shown "$tmp/m.yaml"
	grep -q 'Python, the only option that meets every must' \
	    "$tmp/report.txt" || fail "the must did not screen NodeJS out"
	;;
*)
	echo "tmux.sh: unknown case $case" >&2
	exit 2
	;;
esac
exit 0
