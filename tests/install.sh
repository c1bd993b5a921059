#!/usr/bin/env bash
# Installs the build tree into a scratch prefix and uses it as a user
# would, from another directory:
#   install.sh CMAKE BUILD_DIR
# - cmake --install puts the binary, man page, matrix, examples, guides
#   and bash, zsh and fish completions where each belongs, and the same
#   again under DESTDIR;
# - the installed binary runs from elsewhere, scores an installed
#   example, loads the installed matrix, and --init then scoring works;
# - man finds and renders the installed page without warnings;
# - the installed bash completion completes an option.
set -u
cmake=$1 build=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

"$cmake" --install "$build" --prefix "$prefix" >"$tmp/log" 2>&1 ||
	fail "cmake --install failed: $(cat "$tmp/log")"
for f in bin/stackpick share/man/man1/stackpick.1.gz \
    share/stackpick/matrix.yaml share/stackpick/examples/realtime-chat.yaml \
    share/doc/stackpick/README.md share/doc/stackpick/profile.md \
    share/bash-completion/completions/stackpick \
    share/zsh/site-functions/_stackpick \
    share/fish/vendor_completions.d/stackpick.fish; do
	[ -f "$prefix/$f" ] || fail "$f is not installed (got: $(cd "$prefix" && find . -type f | sort))"
done
[ -x "$prefix/bin/stackpick" ] || fail "bin/stackpick is not executable"
n=$(find "$prefix/share/stackpick/examples" -name '*.yaml' | wc -l)
[ "$n" -ge 5 ] || fail "only $n examples installed"

# Used from another directory, with nothing from the build tree.
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 2
sp=$prefix/bin/stackpick
"$sp" --version | grep -Eq '^stackpick [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
"$sp" --color=never "$prefix/share/stackpick/examples/realtime-chat.yaml" >out ||
	fail "the installed binary cannot score an installed example"
grep -q "NodeJS recommended" out || fail "unexpected report: $(head -2 out)"
"$sp" --matrix "$prefix/share/stackpick/matrix.yaml" --format json \
    "$prefix/share/stackpick/examples/ml-pipelines.yaml" | jq -e '.recommendation.option == "python"' >/dev/null ||
	fail "the installed matrix does not give the built-in result"
"$sp" --init my.yaml && "$sp" my.yaml >/dev/null || fail "--init my.yaml && stackpick my.yaml"
"$sp" --help | grep -q "man stackpick" || fail "--help does not point to the man page"

# Every path the installed copy names exists: the guides --help points
# to (with the JSON Schema the man page says is among them), whatever
# prefix the copy was installed under, and the files of the man page.
guides=$("$sp" --help | sed -n 's/.*the guides in \(.*\)\/$/\1/p')
[ "$guides" = "$prefix/share/doc/stackpick" ] ||
	fail "--help names the guides in '$guides', not under $prefix"
for f in profile.md matrix.md stackpick.schema.json; do
	[ -f "$guides/$f" ] || fail "--help's guides lack $f"
done
head -3 my.yaml | grep -q "docs/" && fail "--init names a path of the source tree"
sed -n 's/^\.It Pa PREFIX\/\([^ ]*\).*/\1/p' "$(dirname "$0")/../docs/stackpick.1" >files
[ -s files ] || fail "the man page names no installed files"
while read -r f; do
	[ -e "$prefix/$f" ] || fail "the man page names PREFIX/$f, which is not installed"
done <files

# man finds the page by name and renders it cleanly.
if command -v man >/dev/null; then
	MANPATH=$prefix/share/man man -w stackpick | grep -q "$prefix/share/man/man1/stackpick.1.gz" ||
		fail "man -w stackpick does not find the installed page"
	MANPATH=$prefix/share/man MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings stackpick >page 2>err ||
		fail "man stackpick failed: $(cat err)"
	[ ! -s err ] || fail "man stackpick warns: $(cat err)"
	grep -q "EXIT STATUS" page || fail "the rendered page has no EXIT STATUS"
fi

# The installed bash completion works.
(
	. "$prefix/share/bash-completion/completions/stackpick"
	COMP_WORDS=("$sp" --list-c)
	COMP_CWORD=1
	_stackpick
	[ "${COMPREPLY[*]}" = "--list-criteria" ]
) || fail "the installed bash completion does not complete --list-c"

# DESTDIR staging, as packagers use it.
DESTDIR=$tmp/stage "$cmake" --install "$build" --prefix /opt/sp >"$tmp/log" 2>&1 ||
	fail "DESTDIR install failed: $(cat "$tmp/log")"
[ -x "$tmp/stage/opt/sp/bin/stackpick" ] || fail "DESTDIR install has no binary"
[ -f "$tmp/stage/opt/sp/share/man/man1/stackpick.1.gz" ] || fail "DESTDIR install has no man page"
"$tmp/stage/opt/sp/bin/stackpick" --list-options | grep -q '^python ' || fail "staged binary"
exit 0
