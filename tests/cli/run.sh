# Sourced by the test scripts that run stackpick themselves and check
# what it wrote.  The caller sets sp (the binary) and tmp (a scratch
# directory, removed by its own EXIT trap); case, when set, names the
# case in messages.

# Fails with the message, showing what the last run wrote.
fail() {
	echo "FAIL: ${case:+$case: }$*" >&2
	for f in "$tmp"/out "$tmp"/err; do
		[ -s "$f" ] && { echo "--- $f:" >&2; head -c 3000 "$f" >&2; }
	done
	exit 1
}

# Runs stackpick with stdout and stderr to $tmp/out and $tmp/err; sets rc.
run() {
	"$sp" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

want_rc() {
	[ "$rc" -eq "$1" ] || fail "expected exit code $1, got $rc"
}

# validate.py's arguments, through Debian's python3-jsonschema: whichever
# python3 comes first that has it.  The presets that look for memory
# errors (SP_TEST_SANITIZED) skip it: the output is the default build's,
# which validates it.
validate() {
	local py rc
	[ -z "${SP_TEST_SANITIZED:-}" ] || return 0
	for py in /usr/bin/python3 python3; do
		command -v "$py" >/dev/null || continue
		rc=0
		"$py" "$(dirname "${BASH_SOURCE[0]}")/validate.py" "$@" \
		    2>"$tmp/validate.err" || rc=$?
		if [ "$rc" -ne 3 ]; then
			cat "$tmp/validate.err" >&2
			return "$rc"
		fi
	done
	fail "no python3 with the jsonschema module: run scripts/install-deps.sh"
}
