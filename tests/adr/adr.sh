#!/usr/bin/env bash
# Architecture decision records, checked with the tools that read them.
# One case per run:
#
#   adr.sh STACKPICK SOURCE_DIR CASE
#
# The npm tools (markdownlint-cli2, MADR's lint configuration, adr-log)
# live in tests/adr/node_modules, installed by scripts/install-test-deps.sh;
# adr-tools is Debian's package.  A case whose tool is missing exits 77,
# which ctest reports as skipped.
set -u
sp=$1 src=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/node_modules/.bin
madr=$here/node_modules/madr/template
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. "$here/../cli/run.sh"
export SOURCE_DATE_EPOCH=1700000000 ADR_DATE=2023-11-14 LC_ALL=C
date=2023-11-14

skip() {
	echo "SKIP: $case: $* (run scripts/install-test-deps.sh)"
	exit 77
}

need_npm() {
	[ -x "$bin/markdownlint-cli2" ] && [ -x "$bin/adr-log" ] &&
	    [ -f "$madr/.markdownlint.yml" ] || skip "npm test tools missing"
	command -v node >/dev/null || skip "node missing"
}

need_adr_tools() {
	command -v adr >/dev/null || skip "adr-tools missing"
}

# Where the profile NAME for matrix MX lives: next to MX, or among the
# built-in matrix's examples.
profile_dir() {
	if [ -n "$1" ]; then
		printf '%s\n' "${1%/*}"
	else
		printf '%s\n' data/examples
	fi
}

# Every shipped example in every style: "NAME|MATRIX" (MATRIX may be
# empty), from tests/adr/corpus/cases.
corpus_cases() {
	grep -v '^#' "$here/corpus/cases"
}

# Renders every case into dir as NAME.STYLE.md, run from the source tree
# so that the inputs are named as in the corpus.
render_corpus() {
	local dir=$1 line name mx style
	while IFS='|' read -r name mx; do
		for style in madr nygard log4brains; do
			(cd "$src" && "$sp" --format adr --adr-style "$style" \
			    ${mx:+--matrix "$mx"} "$(profile_dir "$mx")/$name.yaml") \
			    >"$dir/$name.$style.md" 2>"$tmp/err" ||
			    fail "$name in $style"
		done
	done < <(corpus_cases)
}

case_corpus() {
	mkdir "$tmp/got"
	render_corpus "$tmp/got"
	if [ "${SP_UPDATE_CORPUS:-}" = 1 ]; then
		cp "$tmp"/got/*.md "$here/corpus/"
		return
	fi
	diff -ru "$here/corpus" "$tmp/got" -x cases >"$tmp/out" ||
	    fail "records differ from tests/adr/corpus (SP_UPDATE_CORPUS=1 to update)"
}

# Every record passes markdownlint with MADR's own configuration.
case_markdownlint() {
	need_npm
	mkdir "$tmp/lint"
	render_corpus "$tmp/lint"
	cp "$madr/.markdownlint.yml" "$tmp/lint/"
	(cd "$tmp/lint" && "$bin/markdownlint-cli2" '*.md') >"$tmp/out" 2>&1 ||
	    fail "markdownlint with MADR's configuration"
	grep -q 'Linting: [1-9][0-9]* file' "$tmp/out" || fail "nothing linted"
}

# adr-log lists every record with its title, and cmark-gfm renders each.
case_adr_log() {
	local i=0 name mx style n
	need_npm
	mkdir -p "$tmp/dec"
	while IFS='|' read -r name mx; do
		for style in madr log4brains nygard; do
			i=$((i + 1))
			n=$(printf %04d "$i")
			(cd "$src" && "$sp" --format adr --adr-style "$style" \
			    ${mx:+--matrix "$mx"} "$(profile_dir "$mx")/$name.yaml") \
			    >"$tmp/dec/$n-$name-$style.md" || fail "$name"
			# cmark-gfm knows no front matter: render what follows.
			awk 'NR == 1 && /^---$/ { fm = 1; next }
			    fm && /^---$/ { fm = 0; next } !fm' \
			    "$tmp/dec/$n-$name-$style.md" |
			    cmark-gfm -e table >"$tmp/html" || fail "cmark-gfm"
			grep -q "^<h1>.*Backend stack for $name</h1>$" "$tmp/html" ||
			    fail "cmark-gfm: no title in $name, $style"
			grep -q '<pre><code class="language-sh">stackpick --quiet' \
			    "$tmp/html" || fail "cmark-gfm: no confirmation"
		done
	done < <(corpus_cases)
	(cd "$tmp/dec" && "$bin/adr-log" -d .) >"$tmp/out" 2>"$tmp/err" ||
	    fail "adr-log"
	[ "$(grep -c '^\* \[ADR-[0-9]*\](.*) - Backend stack for ' "$tmp/out")" \
	    -eq "$i" ] || fail "adr-log lists $i records with their titles"
}

# A repository set up by adr-tools: stackpick's records are listed and
# linked, and "adr new" numbers after them.
case_adr_tools() {
	need_adr_tools
	mkdir "$tmp/repo" && cd "$tmp/repo" || exit 2
	adr init >/dev/null || fail "adr init"
	cp "$src/data/examples/realtime-chat.yaml" project.yaml
	cp "$src/data/examples/ml-pipelines.yaml" ml.yaml
	run --format adr --adr-dir doc/adr project.yaml
	want_rc 0
	[ "$(cat "$tmp/out")" = doc/adr/0002-backend-stack-for-realtime-chat.md ] ||
	    fail "path written"
	head -n 3 doc/adr/0002-backend-stack-for-realtime-chat.md >"$tmp/out"
	printf '# 2. Backend stack for realtime-chat\n\nDate: %s\n' "$date" |
	    cmp -s - "$tmp/out" || fail "nygard style picked from doc/adr"
	run --format adr --adr-dir doc/adr/ ml.yaml
	want_rc 0
	adr list >"$tmp/out" || fail "adr list"
	printf '%s\n' doc/adr/0001-record-architecture-decisions.md \
	    doc/adr/0002-backend-stack-for-realtime-chat.md \
	    doc/adr/0003-backend-stack-for-ml-pipelines.md | cmp -s - "$tmp/out" ||
	    fail "adr list"
	adr generate toc >"$tmp/out" || fail "adr generate toc"
	grep -qx '\* \[2. Backend stack for realtime-chat\](0002-backend-stack-for-realtime-chat.md)' \
	    "$tmp/out" || fail "toc"
	grep -qx '\* \[3. Backend stack for ml-pipelines\](0003-backend-stack-for-ml-pipelines.md)' \
	    "$tmp/out" || fail "toc"
	adr generate graph >"$tmp/out" || fail "adr generate graph"
	grep -q '_3 \[label="3. Backend stack for ml-pipelines"' "$tmp/out" ||
	    fail "graph"
	VISUAL=true adr new Use a message queue >"$tmp/out" || fail "adr new"
	grep -qx 'doc/adr/0004-use-a-message-queue.md' "$tmp/out" ||
	    fail "adr new numbers after stackpick's records"
	run --format adr --adr-dir doc/adr project.yaml
	grep -qx 'doc/adr/0005-backend-stack-for-realtime-chat.md' "$tmp/out" ||
	    fail "stackpick numbers after adr new's record"
}

# The Status sections and graph links of a record that supersedes
# another, written by stackpick and by "adr new -s", are the same.
case_supersede() {
	local r
	need_adr_tools
	for r in tool stackpick; do
		mkdir "$tmp/$r" && cd "$tmp/$r" || exit 2
		adr init >/dev/null || fail "adr init"
		VISUAL=true adr new Backend stack for realtime-chat >/dev/null
	done
	cd "$tmp/tool" && VISUAL=true adr new -s 2 Backend stack for realtime-chat \
	    >/dev/null || fail "adr new -s"
	cd "$tmp/stackpick" || exit 2
	run --format adr --adr-status accepted --adr-dir doc/adr --supersedes 2 \
	    "$src/data/examples/realtime-chat.yaml"
	want_rc 0
	for r in tool stackpick; do
		(cd "$tmp/$r" && adr generate graph | grep -- '->' &&
		    awk '/^## Status/,/^## Context/' doc/adr/0002-*.md &&
		    awk '/^## Status/,/^## Context/' doc/adr/0003-*.md) \
		    >"$tmp/$r.links" || fail "adr generate graph in $r"
	done
	diff -u "$tmp/tool.links" "$tmp/stackpick.links" >"$tmp/out" ||
	    fail "links differ from adr new -s"
	grep -q '^Superseded by \[3. Backend stack for realtime-chat\](0003-' \
	    "$tmp/stackpick.links" || fail "no Superseded by"
	# Only the status line of record 2 changed.
	diff "$tmp/tool/doc/adr/0002-backend-stack-for-realtime-chat.md" \
	    doc/adr/0002-backend-stack-for-realtime-chat.md >"$tmp/out" ||
	    fail "record 2 differs from what adr new -s leaves"
}

# The record number a --baseline result names is the one superseded.
case_baseline() {
	need_adr_tools
	mkdir "$tmp/repo" && cd "$tmp/repo" || exit 2
	adr init >/dev/null || fail "adr init"
	cp "$src/data/examples/realtime-chat.yaml" project.yaml
	run --format adr --adr-dir doc/adr --adr-status accepted project.yaml
	want_rc 0
	run --format json --adr-dir doc/adr project.yaml
	want_rc 0
	cp "$tmp/out" decision.json
	[ "$(jq -c '.record | [.number, .file]' decision.json)" = \
	    '[2,"0002-backend-stack-for-realtime-chat.md"]' ] ||
	    fail "JSON names record 2"
	sed -e 's/realtime: true/realtime: false/' -e 's/ml: none/ml: heavy/' \
	    -e 's/python: 2/python: 5/' -e 's/frontend: javascript/frontend: other/' \
	    project.yaml >p && mv p project.yaml
	run --format adr --adr-dir doc/adr --baseline decision.json project.yaml
	want_rc 1
	grep -q 'gate baseline failed' "$tmp/err" || fail "baseline gate"
	grep -qx 'Supersedes \[2. Backend stack for realtime-chat\](0002-backend-stack-for-realtime-chat.md)' \
	    doc/adr/0003-backend-stack-for-realtime-chat.md || fail "Supersedes"
	grep -qx 'Superseded by \[3. Backend stack for realtime-chat\](0003-backend-stack-for-realtime-chat.md)' \
	    doc/adr/0002-backend-stack-for-realtime-chat.md || fail "Superseded by"
	grep -qx 'Accepted' doc/adr/0002-*.md && fail "record 2 still Accepted"
	grep -q -- '--expect python' doc/adr/0003-*.md || fail "confirmation"
}

# With --adr-new, the directory and style are found as the tools do.
case_find() {
	mkdir -p "$tmp/a/sub" "$tmp/b" "$tmp/c" && cd "$tmp/a" || exit 2
	echo architecture >.adr-dir
	cd sub && run --format adr --adr-new "$src/data/examples/realtime-chat.yaml"
	want_rc 0
	grep -qx '../architecture/0001-backend-stack-for-realtime-chat.md' "$tmp/out" ||
	    fail ".adr-dir, searched upwards"
	grep -qx '# 1. Backend stack for realtime-chat' ../architecture/0001-*.md ||
	    fail "nygard style from .adr-dir"
	cd "$tmp/b" && printf 'project:\n  name: x\n  adrFolder: "./docs/adr"\n' \
	    >.log4brains.yml
	run --format adr --adr-new "$src/data/examples/realtime-chat.yaml"
	grep -qx './docs/adr/0001-backend-stack-for-realtime-chat.md' "$tmp/out" ||
	    fail ".log4brains.yml"
	grep -qx -- '- Date: 2023-11-14' docs/adr/0001-*.md || fail "log4brains style"
	cd "$tmp/c" && run --format adr --adr-new --adr-style nygard \
	    "$src/data/examples/realtime-chat.yaml"
	grep -qx 'docs/decisions/0001-backend-stack-for-realtime-chat.md' \
	    "$tmp/out" || fail "docs/decisions"
	grep -qx '# 1. Backend stack for realtime-chat' docs/decisions/0001-*.md ||
	    fail "--adr-style overrides the style found"
}

# Usage and data errors, and the date.
case_errors() {
	local p=$src/data/examples/realtime-chat.yaml
	cd "$tmp" || exit 2
	run --adr-style madr "$p"; want_rc 64
	grep -q -- '--adr-style applies to --format adr only' "$tmp/err" || fail style
	run --format adr --adr-style x "$p"; want_rc 64
	grep -q "unknown adr-style 'x' (expected madr, nygard or log4brains)" \
	    "$tmp/err" || fail "bad style"
	run --format markdown --adr-dir d "$p"; want_rc 64
	run --format adr --supersedes 2 "$p"; want_rc 64
	grep -q -- '--supersedes needs --adr-dir' "$tmp/err" || fail supersedes
	run --format adr --adr-dir d --supersedes 7 "$p"; want_rc 65
	grep -q "^stackpick: d: no record 7 to supersede" "$tmp/err" || fail "missing 7"
	SOURCE_DATE_EPOCH=soon run --format adr "$p"; want_rc 64
	grep -q "SOURCE_DATE_EPOCH: 'soon' is not a number" "$tmp/err" || fail date
	SOURCE_DATE_EPOCH=0 run --format adr "$p"; want_rc 0
	grep -qx 'date: 1970-01-01' "$tmp/out" || fail "epoch 0"
	run --format adr --adr-dir d "$p" "$p"; want_rc 0
	[ "$(ls d)" = "$(printf '%s\n' 0001-backend-stack-for-realtime-chat.md \
	    0002-backend-stack-for-realtime-chat.md)" ] || fail "two records"
	touch e && run --format adr --adr-dir e "$p"; want_rc 73
}

# The examples of docs/adr.md: each ```sh command, run from the source
# tree, prints the ~~~markdown block after it.
case_doc() {
	local n=0 cmd line block=
	if [ "${SP_UPDATE_CORPUS:-}" = 1 ]; then
		python3 "$here/update-doc.py" "$sp" "$src" || fail "update"
	fi
	while IFS= read -r line; do
		case $block in
		sh)
			[ "$line" = '```' ] && block= || cmd=$line ;;
		md)
			if [ "$line" = '~~~' ]; then
				block= n=$((n + 1))
				(cd "$src" && bash -c "PATH=\"${sp%/*}:\$PATH\" $cmd") \
				    >"$tmp/got" 2>"$tmp/err" || fail "$cmd"
				diff -u "$tmp/want" "$tmp/got" >"$tmp/out" ||
				    fail "docs/adr.md differs: $cmd"
			else
				printf '%s\n' "$line" >>"$tmp/want"
			fi ;;
		*)
			case $line in
			'```sh') block=sh ;;
			'~~~markdown') block=md; : >"$tmp/want" ;;
			esac ;;
		esac
	done <"$src/docs/adr.md"
	[ "$n" -eq 3 ] || fail "expected 3 examples in docs/adr.md, found $n"
}

"case_${case//-/_}"
