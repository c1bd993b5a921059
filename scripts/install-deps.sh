#!/bin/sh
# Installs what building stackpick needs on Debian 12, as root, and with
# no option also what its tests need.  Safe to run again: apt-get skips
# what is already there.
#
#   install-deps.sh            build and test (the README's test command)
#   install-deps.sh --runtime  only the compiler, CMake and the libraries
#
# For the tests, besides cmocka: mandoc and groff lint the man page,
# man-db reads it back after an install, dpkg-dev lets CPack build the
# .deb, and zsh and fish check the completions; python3-jsonschema
# validates the JSON output against docs/stackpick.schema.json, cmark-gfm
# renders the Markdown report, and a de_DE.UTF-8 locale shows that the
# output does not depend on the locale.  scripts/install-test-deps.sh adds
# the tools that read decision records and draw the reports in a browser.
set -eu
export DEBIAN_FRONTEND=noninteractive
runtime=0
case ${1-} in
--runtime) runtime=1 ;;
'') ;;
*) echo "usage: install-deps.sh [--runtime]" >&2; exit 64 ;;
esac
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
	build-essential cmake pkg-config libyaml-dev libjansson-dev >/dev/null
[ "$runtime" -eq 1 ] && exit 0
apt-get install -y -qq --no-install-recommends \
	libcmocka-dev \
	jq valgrind tmux less ca-certificates \
	clang libclang-rt-14-dev cppcheck time \
	mandoc groff-base man-db dpkg-dev zsh fish \
	python3 python3-jsonschema cmark-gfm locales >/dev/null
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
	localedef -i de_DE -c -f UTF-8 de_DE.UTF-8
fi
sh "$(dirname "$0")/install-test-deps.sh"
