#!/usr/bin/env bash
# Runs the examples of a Markdown document as written, the way a reader
# would paste them, and checks what they print:
#
#   doc.sh STACKPICK SOURCE_DIR DOC.md
#
# The examples run in order, in a scratch directory holding a copy of
# data/examples/ and project.yaml (a copy of the realtime-chat example),
# with stackpick first on PATH.
#
# - In a ```console block, each line starting with "$ " is a command; the
#   lines after it, up to the next command or the end of the block, are
#   exactly what it must print on stdout.
# - In a ```yaml block (a CI recipe), each line whose command starts with
#   "stackpick " (after "run:" or "- ") is run and must exit 0.
set -u
sp=$1 src=$2 doc=$3
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/work/data"
ln -s "$sp" "$tmp/bin/stackpick"
cp -R "$src/data/examples" "$tmp/work/data/"
cp "$src/data/examples/realtime-chat.yaml" "$tmp/work/project.yaml"
export PATH="$tmp/bin:$PATH"
cd "$tmp/work" || exit 2

ran=0 failed=0 cmd= want= have_cmd=0

# Runs the pending console command and compares its stdout.
check() {
	local got
	[ "$have_cmd" -eq 1 ] || return 0
	got=$(bash -c "$cmd" </dev/null 2>"$tmp/err")
	ran=$((ran + 1))
	if [ "$got" != "$want" ]; then
		failed=$((failed + 1))
		{
			echo "FAIL: $doc: \$ $cmd"
			echo "--- expected:"; printf '%s\n' "$want"
			echo "--- got:"; printf '%s\n' "$got"
			echo "--- stderr:"; cat "$tmp/err"
		} >&2
	fi
	have_cmd=0 want=
}

# Runs one stackpick line of a recipe.
recipe() {
	local rc
	ran=$((ran + 1))
	bash -c "$1" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		failed=$((failed + 1))
		{
			echo "FAIL: $doc: recipe line exits $rc: $1"
			cat "$tmp/err"
		} >&2
	fi
}

block=
while IFS= read -r line || [ -n "$line" ]; do
	case $block in
	'')
		case $line in
		'```console') block=console ;;
		'```yaml') block=yaml ;;
		'```'*) block=other ;;
		esac
		continue ;;
	esac
	if [ "$line" = '```' ]; then
		[ "$block" = console ] && check
		block=
		continue
	fi
	case $block in
	console)
		case $line in
		'$ '*)
			check
			cmd=${line#'$ '} have_cmd=1 want= ;;
		*)
			[ "$have_cmd" -eq 1 ] || continue
			if [ -z "$want" ]; then want=$line; else want=$want$'\n'$line; fi ;;
		esac ;;
	yaml)
		l=${line#"${line%%[![:space:]]*}"}
		l=${l#- }
		l=${l#run: }
		case $l in
		'stackpick '*) recipe "$l" ;;
		esac ;;
	esac
done <"$doc"

if [ "$ran" -lt 10 ]; then
	echo "FAIL: $doc: only $ran examples found" >&2
	exit 1
fi
echo "$((ran - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
