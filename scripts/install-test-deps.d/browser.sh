# The browser tests (tests/browser/): Debian's chromium and a font for it
# to draw text with, Node.js, and the npm packages pinned by
# tests/browser/package-lock.json (mermaid-cli, puppeteer-core,
# html-validate), installed into tests/browser/node_modules.  Puppeteer's
# own browser download is skipped: the tests drive /usr/bin/chromium.
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
	chromium fonts-dejavu-core >/dev/null
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit \
	--no-fund --loglevel=error >/dev/null
