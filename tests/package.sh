#!/usr/bin/env bash
# Builds the packages from the build tree and looks inside them:
#   package.sh CPACK BUILD_DIR
# - the .deb (installing under /usr) holds the binary, man page, matrix,
#   examples, guides and the three shells' completions, names its library
#   dependencies, its binary runs once unpacked and its compressed man
#   page renders without warnings;
# - the source tarball holds what a build needs, and no build tree.
set -u
cpack=$1 build=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/deb" \
    -D CPACK_PACKAGING_INSTALL_PREFIX=/usr >"$tmp/log" 2>&1 ||
	fail "cpack -G DEB failed: $(cat "$tmp/log")"
deb=$(find "$tmp/deb" -maxdepth 1 -name 'stackpick_*.deb')
[ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb built: $(ls "$tmp/deb")"
dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./||' >"$tmp/contents"
for f in usr/bin/stackpick usr/share/man/man1/stackpick.1.gz \
    usr/share/stackpick/matrix.yaml \
    usr/share/stackpick/examples/realtime-chat.yaml \
    usr/share/doc/stackpick/README.md \
    usr/share/bash-completion/completions/stackpick \
    usr/share/fish/vendor_completions.d/stackpick.fish; do
	grep -qx "$f" "$tmp/contents" || fail "$f is not in the .deb: $(cat "$tmp/contents")"
done
grep -q '^usr/share/zsh/.*/_stackpick$' "$tmp/contents" || fail "no zsh completion in the .deb"
dpkg-deb -f "$deb" Package | grep -qx stackpick || fail "package name"
dpkg-deb -f "$deb" Depends | grep -q libyaml || fail "Depends lacks libyaml: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -f "$deb" Depends | grep -q libjansson || fail "Depends lacks libjansson"
dpkg-deb -x "$deb" "$tmp/root"
if command -v man >/dev/null; then
	MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$tmp/root/usr/share/man/man1/stackpick.1.gz" \
	    >"$tmp/page" 2>"$tmp/err" || fail "the packaged man page does not render: $(cat "$tmp/err")"
	[ ! -s "$tmp/err" ] || fail "the packaged man page warns: $(cat "$tmp/err")"
	grep -q "EXIT STATUS" "$tmp/page" || fail "the packaged man page is not the real one"
fi
"$tmp/root/usr/bin/stackpick" --format json "$tmp/root/usr/share/stackpick/examples/realtime-chat.yaml" |
	jq -e '.recommendation.option == "nodejs"' >/dev/null || fail "the packaged binary does not run"

"$cpack" --config "$build/CPackSourceConfig.cmake" -B "$tmp/src" >"$tmp/log" 2>&1 ||
	fail "cpack source failed: $(cat "$tmp/log")"
tgz=$(find "$tmp/src" -maxdepth 1 -name 'stackpick-*.tar.gz')
[ -n "$tgz" ] && [ -f "$tgz" ] || fail "no source tarball: $(ls "$tmp/src")"
tar -tzf "$tgz" >"$tmp/files"
v=$(basename "$tgz" .tar.gz)
for f in CMakeLists.txt src/main.c data/matrix.yaml docs/stackpick.1 \
    completions/stackpick.bash scripts/install-deps.sh tests/run-all.sh; do
	grep -qx "$v/$f" "$tmp/files" || fail "$f is not in the source tarball"
done
! grep -Eq "^$v/(build[^/]*|\.git)/" "$tmp/files" || fail "the source tarball holds a build tree or .git"
exit 0
