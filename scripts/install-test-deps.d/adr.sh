# The decision-record tests (tests/adr/): Debian's adr-tools, and from npm,
# at the versions tests/adr/package-lock.json pins, markdownlint-cli2,
# MADR 4.0.0 (its templates and lint configuration) and adr-log, installed
# into tests/adr/node_modules.  python3-yaml reads the CI recipes of
# docs/ci.md.
apt-get update -qq
apt-get install -y -qq --no-install-recommends adr-tools python3-yaml \
	>/dev/null
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
npm ci --prefix tests/adr --no-audit --no-fund --loglevel=error >/dev/null
