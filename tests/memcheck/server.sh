#!/bin/sh
# Starts and stops sp-memcheck-server (server.c) for the CLI tests of the
# valgrind preset; does nothing unless SP_MEMCHECK is set.
#
#   server.sh start DIR VALGRIND SERVER DATADIR [VALGRIND-OPTION...]
#   server.sh stop DIR
#
# DIR holds the socket, the server's pid and every valgrind log (vg.PID,
# one per process; a client removes its run's).  stop fails if the server
# itself had an error or a leak, or a run's log was left unread.
set -eu
mode=$1
dir=$2
[ -n "${SP_MEMCHECK:-}" ] || exit 0

if [ "$mode" = start ]; then
	valgrind=$3 server=$4 data=$5
	shift 5
	rm -rf "$dir"
	mkdir -p "$dir"
	"$valgrind" "$@" --log-file="$dir/vg.%p" "$server" "$dir/sock" \
	    "$data" </dev/null >"$dir/out" 2>&1 &
	echo $! >"$dir/pid"
	i=0
	while [ ! -S "$dir/sock" ]; do
		if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null || [ $i -ge 600 ]; then
			echo "server.sh: the memcheck server did not start" >&2
			cat "$dir"/out "$dir"/vg.* >&2 2>/dev/null || true
			exit 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
	exit 0
fi

[ -f "$dir/pid" ] || exit 0
pid=$(cat "$dir/pid")
kill -TERM "$pid" 2>/dev/null || true
i=0
while kill -0 "$pid" 2>/dev/null; do
	if [ $i -ge 600 ]; then
		echo "server.sh: the memcheck server did not stop" >&2
		kill -KILL "$pid" 2>/dev/null || true
		exit 1
	fi
	sleep 0.1
	i=$((i + 1))
done
status=0
for f in "$dir"/vg.*; do
	[ -s "$f" ] || continue
	echo "server.sh: valgrind reported, in $f:" >&2
	cat "$f" >&2
	status=1
done
if [ -s "$dir/out" ]; then
	cat "$dir/out" >&2
fi
rm -rf "$dir"
exit $status
