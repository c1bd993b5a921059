#!/usr/bin/env bash
# Feeds stackpick inputs too large or too odd to keep in the repository,
# generated on the fly, and checks each is refused cleanly.
#
#   generated.sh STACKPICK CASE
set -u
sp=$1 case=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
expect=$here/expect.sh

# Runs expect.sh and ends this script with its status.  Not with exec,
# which would skip the EXIT trap and leave $tmp behind.
expect_and_exit() {
	"$expect" "$@"
	exit
}

case $case in
deep-flow)
	# 100,000 nested flow sequences.
	{ printf 'io_load: '; head -c 100000 /dev/zero | tr '\0' '['; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:1:[0-9]+: nesting is deeper than the limit of 32 levels' \
	    -- "$sp" "$tmp/p.yaml" ;;
deep-flow-map)
	# 100,000 nested flow mappings.
	{ printf 'team: '; for i in $(seq 1 1000); do printf '%s' \
	    '{a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: '
	    done; echo; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:1:[0-9]+: nesting is deeper than the limit of 32 levels' \
	    -- "$sp" "$tmp/p.yaml" ;;
deep-block-seq)
	# 100,000 nested block sequences on one line: "- - - ... x".
	{ printf 'team:\n  '; head -c 100000 /dev/zero | sed 's/\x0/- /g'; echo x; } \
	    >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:2:[0-9]+: nesting is deeper than the limit of 32 levels' \
	    -- "$sp" "$tmp/p.yaml" ;;
deep-block)
	for i in $(seq 1 40); do printf '%*sk%d:\n' $((i * 2)) '' "$i"; done >"$tmp/p.yaml"
	sed -i '1s/^ *//' "$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout --stderr 'p.yaml:[0-9]+:[0-9]+: ' \
	    -- "$sp" "$tmp/p.yaml" ;;
too-big)
	{ printf 'name: '; head -c 2000000 /dev/zero | tr '\0' 'a'; echo; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml: input is larger than the limit of 1048576 bytes' \
	    -- "$sp" "$tmp/p.yaml" ;;
huge-scalar)
	# A 64 MiB scalar: refused once the first MiB is read past.
	{ printf 'name: '; head -c 67108864 /dev/zero | tr '\0' 'a'; echo; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr '^stackpick: [^ ]*p.yaml: input is larger than the limit of 1048576 bytes' \
	    -- "$sp" "$tmp/p.yaml" ;;
huge-scalar-stdin)
	{ printf 'name: '; head -c 67108864 /dev/zero | tr '\0' 'a'; echo; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout --stdin "$tmp/p.yaml" \
	    --stderr '^stackpick: <stdin>: input is larger than the limit of 1048576 bytes' \
	    -- "$sp" - ;;
huge-matrix)
	{ printf 'format: 1\nname: '; head -c 67108864 /dev/zero | tr '\0' 'a'; echo; } \
	    >"$tmp/m.yaml"
	echo 'io_load: high' >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr '^stackpick: [^ ]*m.yaml: input is larger than the limit of 8388608 bytes' \
	    -- "$sp" --matrix "$tmp/m.yaml" "$tmp/p.yaml" ;;
long-key)
	# YAML allows implicit keys up to 1024 characters; longer ones
	# must be flow or explicit ("? key") keys, and stop at the limit.
	{ printf '{'; head -c 5000 /dev/zero | tr '\0' 'k'; echo ': 1}'; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:1:2: key is longer than the limit of 4096 bytes' \
	    -- "$sp" "$tmp/p.yaml" ;;
long-key-explicit)
	{ printf 'team:\n  ? '; head -c 5000 /dev/zero | tr '\0' 'k'; printf '\n  : 1\n'; } \
	    >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:2:5: key is longer than the limit of 4096 bytes' \
	    -- "$sp" "$tmp/p.yaml" ;;
long-key-implicit)
	{ printf 'team:\n  '; head -c 1100 /dev/zero | tr '\0' 'k'; printf ': 1\n'; } \
	    >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:2:1103: mapping values are not allowed' \
	    -- "$sp" "$tmp/p.yaml" ;;
long-scalar)
	{ printf 'name: '; head -c 100000 /dev/zero | tr '\0' 'a'; echo; } >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:1:7: value is longer than the limit of 4096 bytes' \
	    -- "$sp" "$tmp/p.yaml" ;;
dev-zero)
	expect_and_exit --code 65 --no-stdout --stdin /dev/zero \
	    --stderr '<stdin>: input is larger than the limit' -- "$sp" - ;;
dev-zero-path)
	expect_and_exit --code 65 --no-stdout \
	    --stderr '^stackpick: /dev/zero: input is larger than the limit of 1048576 bytes' \
	    -- "$sp" /dev/zero ;;
dev-urandom)
	# An endless stream is cut off at the size limit ...
	expect_and_exit --code 65 --no-stdout --stdin /dev/urandom \
	    --stderr '^stackpick: <stdin>: input is larger than the limit' -- "$sp" - ;;
urandom-chunk)
	# ... and a short one is refused where it stops being text.
	head -c 65536 /dev/urandom >"$tmp/r.bin"
	expect_and_exit --code 65 --no-stdout --stdin "$tmp/r.bin" \
	    --stderr '^stackpick: <stdin>:[0-9]+:[0-9]+: [a-zA-Z]' -- "$sp" - ;;
many-keys)
	for i in $(seq 1 5000); do echo "k$i: 1"; done >"$tmp/p.yaml"
	expect_and_exit --code 65 --no-stdout \
	    --stderr 'p.yaml:4097:1: more than 4096 entries in one mapping' \
	    -- "$sp" "$tmp/p.yaml" ;;
directory)
	expect_and_exit --code 66 --no-stdout --stderr "^stackpick: $tmp: is a directory" \
	    -- "$sp" "$tmp" ;;
missing)
	expect_and_exit --code 66 --no-stdout \
	    --stderr "^stackpick: $tmp/none.yaml: No such file or directory" \
	    -- "$sp" "$tmp/none.yaml" ;;
unreadable)
	echo 'io_load: high' >"$tmp/p.yaml"
	chmod 000 "$tmp/p.yaml"
	if [ "$(id -u)" -eq 0 ]; then
		# root reads anything: check a file that fails at read instead.
		expect_and_exit --code 66 --no-stdout --stderr 'is a directory' \
		    -- "$sp" /
	fi
	expect_and_exit --code 66 --no-stdout --stderr 'Permission denied' \
	    -- "$sp" "$tmp/p.yaml" ;;
utf16)
	printf '\xff\xfei\x00o\x00_\x00l\x00o\x00a\x00d\x00:\x00 \x00h\x00i\x00g\x00h\x00\n\x00' >"$tmp/p.yaml"
	expect_and_exit --code 0 --stdout 'recommended' -- "$sp" --color=never "$tmp/p.yaml" ;;
utf16be)
	printf '\xfe\xff\0i\0o\0_\0l\0o\0a\0d\0:\0 \0h\0i\0g\0h\0\n' >"$tmp/p.yaml"
	expect_and_exit --code 0 --stdout '"source":"io_load: high"' \
	    -- "$sp" --format json "$tmp/p.yaml" ;;
crlf)
	printf 'name: x\r\nio_load: high\r\nteam:\r\n  python: 3\r\n' >"$tmp/p.yaml"
	expect_and_exit --code 0 --stdout '"name":"x",' \
	    -- "$sp" --format json "$tmp/p.yaml" ;;
tabs)
	# Tabs may separate tokens, just not indent.
	printf 'name:\tx\nteam: {python:\t3}\t\n' >"$tmp/p.yaml"
	expect_and_exit --code 0 --stdout '"name":"x",' \
	    -- "$sp" --format json "$tmp/p.yaml" ;;
utf8-bom)
	printf '\xef\xbb\xbfio_load: high\n' >"$tmp/p.yaml"
	expect_and_exit --code 0 --stdout 'recommended' -- "$sp" --color=never "$tmp/p.yaml" ;;
non-utf8-name)
	# File names need not be UTF-8; the JSON "input" must still be.
	cp "$here/../../data/examples/realtime-chat.yaml" "$tmp/chat-$(printf '\377').yaml"
	cd "$tmp" || exit 2
	expect_and_exit --code 0 --stdout "\"input\":\"chat-$(printf '\357\277\275')\\.yaml\"" \
	    -- "$sp" --format json "chat-$(printf '\377').yaml" ;;
*)
	echo "generated.sh: unknown case $case" >&2
	exit 2 ;;
esac
