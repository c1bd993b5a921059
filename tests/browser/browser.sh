#!/usr/bin/env bash
# The reports in real renderers: every shipped example's HTML in headless
# chromium, its Markdown's Mermaid charts drawn by Mermaid in chromium
# (draw-mermaid.mjs), and its HTML through html-validate.  Needs Debian's chromium and the npm
# packages of tests/browser/package.json (scripts/install-test-deps.sh);
# without them the test is skipped (77), except in CI, where it fails.
#
#   browser.sh STACKPICK SOURCE_DIR CASE      (run from tests/data)
set -u
sp=$1 src=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/node_modules/.bin
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/cli/examples.sh"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

chromium=$(command -v chromium) &&
    [ -f "$here/node_modules/mermaid/dist/mermaid.min.js" ] &&
    [ -x "$bin/html-validate" ] && command -v node >/dev/null || {
	echo "chromium or the npm test tools are missing:" \
	    "run scripts/install-test-deps.sh" >&2
	[ -n "${CI:-}" ] && exit 1
	exit 77
}

# Every example, and the hostile matrix, as "MATRIX|PROFILE" items.
find_runs "$sp" "$src/data/examples" || exit 1
runs+=("hostile/matrix.yaml|hostile/profile.yaml")

case $case in
html)
	n=0 pages=()
	for item in "${runs[@]}"; do
		args_of "$item"
		"$sp" --format html "${args[@]}" >"$tmp/$n.html" ||
		    fail "html of ${args[*]}"
		label=$("$sp" --format json "${args[@]}" | jq -r .recommendation.label)
		pages+=("$tmp/$n.html=$label")
		n=$((n + 1))
	done
	mkdir "$tmp/shots"
	node "$here/check-html.mjs" "$chromium" "$tmp/shots" "${pages[@]}" ||
	    fail "chromium" ;;
validate)
	# The titles come from the profile: a long name makes a long title.
	echo '{"extends":["html-validate:recommended"],"rules":{"long-title":"off"}}' \
	    >"$tmp/htmlvalidate.json"
	n=0
	for item in "${runs[@]}"; do
		args_of "$item"
		"$sp" --format html "${args[@]}" >"$tmp/$n.html" ||
		    fail "html of ${args[*]}"
		n=$((n + 1))
	done
	"$bin/html-validate" -c "$tmp/htmlvalidate.json" "$tmp"/*.html ||
	    fail "html-validate" ;;
mermaid)
	# The charts in one Markdown file, drawn in one page by Mermaid
	# (draw-mermaid.mjs).  The shipped matrix's examples, whose charts
	# differ only in their numbers, are stood for by the one with the
	# most charts; every other matrix, the hostile one and three options
	# are all drawn.
	best= most=-1
	keep=()
	for item in "${runs[@]}"; do
		if [ -n "${item%%|*}" ]; then
			keep+=("$item")
			continue
		fi
		args_of "$item"
		n=$("$sp" --format markdown "${args[@]}" | grep -c '^```mermaid')
		if [ "$n" -gt "$most" ]; then
			most=$n best=$item
		fi
	done
	[ -n "$best" ] || fail "no example of the shipped matrix"
	for item in "$best" "${keep[@]}" "$src/tests/data/good/three-options.yaml|$src/tests/data/good/three-options-profile.yaml"; do
		args_of "$item"
		"$sp" --format markdown "${args[@]}" >>"$tmp/all.md" ||
		    fail "markdown of ${args[*]}"
	done
	mkdir "$tmp/out"
	node "$here/draw-mermaid.mjs" "$chromium" "$tmp/all.md" "$tmp/out" \
	    >"$tmp/mermaid.log" 2>&1 || fail "Mermaid: $(cat "$tmp/mermaid.log")"
	python3 "$here/check-mermaid.py" "$tmp/all.md" "$tmp/out" ||
	    fail "mermaid charts" ;;
*)
	echo "browser.sh: unknown case $case" >&2
	exit 2 ;;
esac
exit 0
