#!/bin/sh
# Installs the tools the decision-record tests check stackpick's records
# with, on Debian 12, as root: Debian's adr-tools, and from npm, at the
# versions tests/adr/package-lock.json pins, markdownlint-cli2, MADR 4.0.0
# (its templates and lint configuration) and adr-log.  The npm packages go
# into tests/adr/node_modules (ignored by git), never globally.  Node.js
# and npm come from Debian when the machine has none; python3-yaml reads
# the CI recipes of docs/ci.md.
set -eu
export DEBIAN_FRONTEND=noninteractive
here=$(cd "$(dirname "$0")/.." && pwd)
pkgs="adr-tools python3-yaml"
command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
npm ci --prefix "$here/tests/adr" --no-audit --no-fund --loglevel=error \
	>/dev/null
