#!/usr/bin/env bash
# Checks docs/stackpick.1 against the binary it documents:
#   manpage.sh STACKPICK MANPAGE
# - mandoc -T lint finds nothing at warning level or above, and groff -ww
#   renders it without a word, when those tools are installed (at least
#   one must be);
# - every option --help lists has its own entry, and so does every exit
#   code --help lists;
# - the page has the sections a user looks for.
set -u
sp=$1 page=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
linted=0
if command -v mandoc >/dev/null; then
	out=$(mandoc -T lint -W warning "$page" 2>&1) || fail "mandoc -T lint: $out"
	[ -z "$out" ] || fail "mandoc -T lint: $out"
	linted=1
fi
if command -v groff >/dev/null; then
	out=$(groff -ww -mandoc -z "$page" 2>&1) || fail "groff -ww: $out"
	[ -z "$out" ] || fail "groff -ww: $out"
	linted=1
fi
[ "$linted" -eq 1 ] || fail "neither mandoc nor groff is installed"

# ".It Fl \-name" (or "Fl f , Fl \-name") opens each option's entry.
help=$("$sp" --help) || fail "--help failed"
opts=$(printf '%s\n' "$help" | awk '/^  (-[[:alnum:]], |    )--[[:alnum:]]/ {
	for (i = 1; i <= NF; i++) if ($i ~ /^--[[:alnum:]]/) { w = $i; sub(/[,=\[].*$/, "", w); print w; break } }')
[ "$(printf '%s\n' "$opts" | wc -l)" -ge 10 ] || fail "too few options in --help"
for o in $opts; do
	esc=$(printf '%s' "${o#-}" | sed 's/-/\\\\-/g')
	grep -Eq "^\.It .*Fl $esc( |$)" "$page" || fail "no entry for $o in $page"
done
for code in $(printf '%s\n' "$help" | awk '/^Exit status:/ { on = 1; next } on && /^  [0-9]+ / { print $1 } /^$/ { on = 0 }'); do
	grep -qx "\.It $code" "$page" || fail "exit code $code is not in EXIT STATUS"
done
for s in SYNOPSIS DESCRIPTION "PROFILE FORMAT" ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
	grep -qx "\.Sh $s" "$page" || fail "no $s section"
done
grep -q "^\.It Ev NO_COLOR" "$page" || fail "NO_COLOR is not documented"
exit 0
