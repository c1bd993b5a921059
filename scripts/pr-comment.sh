#!/bin/sh
# Writes the pull-request comment for a stack decision to stdout, and exits
# with stackpick's code for the gates (0 when every gate passes):
#
#   pr-comment.sh PROFILE [GATE OPTIONS...]   (e.g. --expect nodejs
#                                              --baseline decision.json)
#
# The comment opens with a hidden <!-- stackpick --> marker, so that a bot
# finds and edits its own comment instead of adding one per push; then
# the gates, failed ones first; then the recommendation, with the full
# report folded in <details>.  A profile that cannot be scored shows its
# error rather than an empty report.  stackpick must be on PATH.
set -u
if [ $# -lt 1 ]; then
	echo "usage: pr-comment.sh PROFILE [GATE OPTIONS...]" >&2
	exit 64
fi
profile=$1
shift
tmp=$(mktemp -d) || exit 70
trap 'rm -rf "$tmp"' EXIT
stackpick --quiet "$@" "$profile" 2>"$tmp/gates"
status=$?
stackpick --format markdown "$@" "$profile" >"$tmp/report" 2>"$tmp/err"
echo '<!-- stackpick -->'
if [ "$status" -eq 0 ]; then
	echo "**Stack decision: every gate passed** for \`$profile\`."
elif [ "$status" -eq 1 ]; then
	echo "**Stack decision: a gate failed** for \`$profile\`:"
	echo
	sed -e 's/^stackpick: /- /' "$tmp/gates"
else
	echo "**Stack decision: \`$profile\` could not be scored** (exit $status):"
	echo
	echo '```text'
	cat "$tmp/gates"
	echo '```'
fi
if [ -s "$tmp/report" ]; then
	echo
	sed -n '1s/^## /### /p' "$tmp/report"
	echo
	echo '<details><summary>The full report: reasons, criteria, checklist and gates</summary>'
	echo
	sed '1d' "$tmp/report"
	echo
	echo '</details>'
fi
exit "$status"
