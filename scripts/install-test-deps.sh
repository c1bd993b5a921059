#!/bin/sh
# Installs the tools that only the tests use, on Debian 12, as root, after
# scripts/install-deps.sh.  Each part is a file in
# scripts/install-test-deps.d/, read in name order; none of them is needed
# to build or run stackpick.  Safe to run again.
set -eu
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
for part in scripts/install-test-deps.d/*.sh; do
	. "./$part"
done
