#!/usr/bin/env bash
# The charts and the HTML report: the charts' numbers against the JSON,
# the style sheet against the page's Content-Security-Policy, hostile
# labels, --no-charts, one profile per page, and a page for a profile
# whose musts leave fewer than two options.  One case per run:
#
#   html.sh STACKPICK SOURCE_DIR CASE      (run from tests/data)
set -u
sp=$1 src=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. "$here/examples.sh"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# Writes the three reports of one run (stackpick's arguments) to $tmp/r.*.
reports() {
	local f
	for f in json markdown html; do
		"$sp" --format "$f" "$@" >"$tmp/r.$f" 2>"$tmp/err" ||
		    fail "--format $f $*: $(cat "$tmp/err")"
	done
}

case $case in
truth)
	# Every example, the three-option matrix and the hostile one.
	find_runs "$sp" "$src/data/examples" || exit 1
	runs+=("good/three-options.yaml|good/three-options-profile.yaml"
	    "hostile/matrix.yaml|hostile/profile.yaml")
	for item in "${runs[@]}"; do
		args_of "$item"
		reports "${args[@]}"
		python3 "$here/charts.py" "$tmp/r.json" "$tmp/r.markdown" \
		    "$tmp/r.html" || fail "charts of ${args[*]}"
	done ;;
csp)
	# The policy names the style sheet by its hash: if they drift apart,
	# a browser drops the styles.
	"$sp" --format html "$src/data/examples/realtime-chat.yaml" >"$tmp/r.html"
	python3 - "$tmp/r.html" <<'PY' || fail "style sheet and policy differ"
import base64, hashlib, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
css = re.findall(r"<style>(.*?)</style>", s, re.S)
csp = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', s)
want = "default-src 'none'; style-src 'sha256-%s'" % base64.b64encode(
    hashlib.sha256(css[0].encode()).digest()).decode()
if len(css) != 1 or csp != [want]:
    sys.exit("policy %r, want %r" % (csp, want))
if re.search(r"<script|<link|<img|<iframe|<object|\bon\w+=|url\(|@import",
             s, re.I):
    sys.exit("the page could load or run something")
PY
	;;
hostile)
	# Markup, entity codes, bidirectional controls and Mermaid syntax in
	# every kind of text come out as text.
	reports --matrix hostile/matrix.yaml hostile/profile.yaml
	python3 - "$tmp/r.markdown" "$tmp/r.html" <<'PY' || fail "hostile text leaked"
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
html = open(sys.argv[2], encoding="utf-8").read()
bidi = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
body = html.split("</style>", 1)[1]
for bad in ("<script", "<img", "<b ", "<a ", "<svg onload", "<style",
            "<!--", "]]>", "<![CDATA["):
    if bad in body:
        sys.exit("html: %r" % bad)
if bidi.search(html):
    sys.exit("html: a bidirectional control")
for want in ("&lt;script&gt;window.pwned=1&lt;/script&gt;",
             "&quot;&gt;&lt;img src=x onerror=window.pwned=2&gt;",
             "]]&gt;&lt;!-- x --&gt; #quot; \ufb02\u00b0lt\u00b6\u00df",
             "&lt;/title&gt;&lt;/style&gt;&lt;/svg&gt;&lt;script&gt;"):
    if want not in html:
        sys.exit("html: %r not shown as text" % want)
if bidi.search(md):
    sys.exit("markdown: a bidirectional control")
for block in re.findall(r"```mermaid\n(.*?)```", md, re.S):
    for line in block.splitlines():
        # Strings hold entity codes but no syntax, and outside them is
        # only the chart's own syntax.
        for text in re.findall(r'"([^"\n]*)"', line):
            if re.search(r'[<>`%|\[\]{}#;&\ufb02\u00b6]',
                         re.sub(r"#\d+;", "", text)):
                sys.exit("mermaid: %r" % text)
        shape = re.sub(r'"[^"\n]*"', '""', line)
        if not re.fullmatch(r'---|config:|  xyChart:|    width: \d+|'
                            r'xychart-beta horizontal|    title ""|'
                            r'    x-axis \[""(, "")*\]|'
                            r'    y-axis "" [-\d.]+ --> [-\d.]+|'
                            r'    bar \[[-\d., ]+\]', shape):
            sys.exit("mermaid: %r" % line)
PY
	;;
no-charts)
	"$sp" --format markdown --no-charts "$src/data/examples/hybrid-platform.yaml" \
	    >"$tmp/md" || fail "markdown --no-charts"
	! grep -q -e mermaid -e '### Charts' "$tmp/md" || fail "markdown has charts"
	"$sp" --format markdown "$src/data/examples/hybrid-platform.yaml" >"$tmp/md2"
	[ "$(grep -c '^```mermaid$' "$tmp/md2")" -eq 3 ] || fail "expected 3 charts"
	# Without the charts the report is what it was before them.
	sed '/^### Charts$/,/^### /{/^### Charts$/d;/^### /!d}' "$tmp/md2" |
	    cmp -s - "$tmp/md" || fail "--no-charts changed more than the charts"
	"$sp" --format html --no-charts "$src/data/examples/hybrid-platform.yaml" \
	    >"$tmp/html" || fail "html --no-charts"
	! grep -q -e '<svg' -e '<h2>Charts' "$tmp/html" || fail "html has charts"
	"$sp" --no-charts "$src/data/examples/hybrid-platform.yaml" >/dev/null 2>"$tmp/err"
	[ $? -eq 64 ] && grep -q "^stackpick: --no-charts applies to formats with charts only, not to --format text$" "$tmp/err" ||
	    fail "--no-charts with text: $(cat "$tmp/err")" ;;
one-profile)
	"$sp" --format html "$src/data/examples/hybrid-platform.yaml" \
	    "$src/data/examples/realtime-chat.yaml" >"$tmp/out" 2>"$tmp/err"
	[ $? -eq 64 ] && [ ! -s "$tmp/out" ] &&
	    grep -q "^stackpick: --format html writes one document: give one profile$" "$tmp/err" ||
	    fail "two profiles: $(cat "$tmp/err")"
	"$sp" --format html - <"$src/data/examples/hybrid-platform.yaml" >"$tmp/out" ||
	    fail "one profile on stdin"
	[ "$(grep -c '^<!DOCTYPE html>$' "$tmp/out")" -eq 1 ] || fail "not one page"
	grep -q '^<h1>hybrid-platform: NodeJS recommended</h1>$' "$tmp/out" ||
	    fail "no verdict" ;;
screened)
	# Fewer than two options meet the musts: the page gives the verdict
	# of the screen, with nothing scored.
	printf 'name: one left\nrequire: {python: "we reuse the code"}\n' \
	    >"$tmp/p.yaml"
	"$sp" --format html "$tmp/p.yaml" >"$tmp/out" 2>"$tmp/err" ||
	    fail "one option left: $(cat "$tmp/err")"
	grep -q '^<title>one left: Python recommended</title>$' "$tmp/out" &&
	    grep -q '^<h1>one left: Python recommended</h1>$' "$tmp/out" &&
	    grep -q '^<p class="verdict">Python is the only option that meets every must' "$tmp/out" &&
	    grep -q '^</html>$' "$tmp/out" || fail "one option left: no verdict" ;;
*)
	echo "html.sh: unknown case $case" >&2
	exit 2 ;;
esac
exit 0
