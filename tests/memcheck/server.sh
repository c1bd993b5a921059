#!/bin/sh
# Starts and stops sp-memcheck-server (server.c) for the CLI tests of the
# valgrind preset; does nothing unless SP_MEMCHECK is set.
#
#   server.sh start DIR VALGRIND SERVER DATADIR [VALGRIND-OPTION...]
#   server.sh stop DIR
#
# DIR holds the socket, the server's pid and every valgrind log (vg.PID,
# one per process; a client removes its run's).  stop fails if valgrind
# reported an error of the server itself, or a run's log was left unread.
set -eu
mode=$1
dir=$2
[ -n "${SP_MEMCHECK:-}" ] || exit 0

# Whether process $1 runs: not gone, and not a zombie that waits for a
# parent to reap it (the server's parent has exited, so it waits for
# init, which may take a second).
alive() {
	local state
	state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
	[ -n "$state" ] && [ "$state" != Z ]
}

if [ "$mode" = start ]; then
	valgrind=$3 server=$4 data=$5
	shift 5
	rm -rf "$dir"
	mkdir -p "$dir"
	# A session of its own, so that stop ends every run with it.
	setsid "$valgrind" "$@" --log-file="$dir/vg.%p" "$server" "$dir/sock" \
	    "$data" </dev/null >"$dir/out" 2>&1 &
	echo $! >"$dir/pid"
	i=0
	while [ ! -S "$dir/sock" ]; do
		if ! alive "$(cat "$dir/pid")" || [ $i -ge 600 ]; then
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
# Killed outright, with any run left: valgrind takes a second or two to
# end it gracefully, and its final leak check would add nothing, since
# every run is a fork of it and reports whatever it holds.  Any error it
# had is in its log.
pid=$(cat "$dir/pid")
kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
i=0
while alive "$pid"; do
	if [ $i -ge 600 ]; then
		echo "server.sh: the memcheck server did not stop" >&2
		exit 1
	fi
	sleep 0.05
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
