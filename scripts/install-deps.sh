#!/bin/sh
# Installs what building and testing stackpick needs on Debian 12, as
# root.  Safe to run again: apt-get skips what is already there.  Besides
# the compiler and libraries: mandoc and groff lint the man page, man-db
# reads it back after an install, dpkg-dev lets CPack build the .deb, and
# zsh and fish check the completions; python3-jsonschema validates the
# JSON output against docs/stackpick.schema.json, cmark-gfm renders the
# Markdown report, and a de_DE.UTF-8 locale shows that the output does
# not depend on the locale.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
	build-essential cmake pkg-config \
	libyaml-dev libjansson-dev libcmocka-dev \
	jq valgrind tmux ca-certificates \
	clang libclang-rt-14-dev cppcheck time \
	mandoc groff-base man-db dpkg-dev zsh fish \
	python3 python3-jsonschema cmark-gfm locales >/dev/null
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
	localedef -i de_DE -c -f UTF-8 de_DE.UTF-8
fi
