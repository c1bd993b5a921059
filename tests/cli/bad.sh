#!/usr/bin/env bash
# Checks that stackpick refuses one bad profile as tests/data/bad/cases.txt
# says: exit code, nothing on stdout, and a located message on stderr.
# Files named matrix-*.yaml are bad matrices, given with --matrix before a
# good profile.
#
#   bad.sh STACKPICK FILE      (run from tests/data)
set -u
sp=$1 file=$2
here=$(cd "$(dirname "$0")" && pwd)
line=$(awk -F"|" -v f="$file" '$1 == f { print; exit }' bad/cases.txt)
if [ -z "$line" ]; then
	echo "FAIL: bad/$file has no line in bad/cases.txt" >&2
	exit 1
fi
code=${line#*|}
code=${code%%|*}
pattern=${line#*|*|}
case $file in
matrix-*) args=(--matrix "bad/$file" good/minimal.yaml) ;;
*) args=("bad/$file") ;;
esac
exec "$here/expect.sh" --code "$code" --no-stdout \
    --stderr "^stackpick: bad/$pattern" -- "$sp" "${args[@]}"
