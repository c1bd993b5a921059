#!/usr/bin/env bash
# Measures stackpick on this machine and prints the figures that
# docs/performance.md reports, each a median over repeated runs:
#
#   1. startup: one run on a shipped example, against cat of the same file
#   2. throughput: one run over 10,000 profiles, --format json to /dev/null
#   3. peak memory (maximum RSS) for one profile and for 10,000
#   4. a generated 64-option x 256-criterion matrix, one profile
#   5. linearity: CPU time and peak memory at three sizes each of the
#      number of profiles, the size of a baseline, the number of rules in
#      a matrix and its options x criteria, with the cost of one more unit
#      between the sizes (the slope) and how it changes from the first
#      interval to the second (1.0 for a linear cost)
#
# Every run uses stackpick's defaults, so every analysis that is on by
# default is on.  --quick does a few small runs only, to check that the
# benchmark works (CI); its figures mean little.  The targets are printed
# beside the figures, not enforced: this is a benchmark, not a test.
# Build in Release (cmake -DCMAKE_BUILD_TYPE=Release) for the figures of
# docs/performance.md.
#
#   tests/bench/bench.sh [--quick] [STACKPICK]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
quick=0
if [ "${1:-}" = --quick ]; then
	quick=1
	shift
fi
sp=${1:-$root/build/stackpick}
if [ ! -x "$sp" ]; then
	echo "bench.sh: $sp is not an executable; build stackpick first" >&2
	exit 2
fi
if [ "$quick" -eq 1 ]; then
	runs=3 loops=10 nprof=200 lruns=1
else
	runs=11 loops=200 nprof=10000 lruns=5
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
example=$root/data/examples/realtime-chat.yaml
: >"$tmp/sp1"
: >"$tmp/cat1"
: >"$tmp/tp"
: >"$tmp/big"

median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs a command under GNU time and appends "WALL CPU" (seconds, CPU
# being user plus system, children included) to the file $1.
measure() {
	local out=$1
	shift
	/usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" >/dev/null
	awk '{ print $1, $2 + $3 }' "$tmp/t" >>"$out"
}

# A shell that runs its arguments $loops times, so that the cost of a
# loop step is the same whatever the command: loop CMD...
loop=(sh -c 'n=$1; shift; i=0; while [ $i -lt $n ]; do "$@" >/dev/null; i=$((i + 1)); done' loop)

# Median of column $2 of file $1.
col() {
	awk -v c="$2" '{ print $c }' "$1" | median
}

# Peak resident set of a command in KiB.
peak_kib() {
	/usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
	cat "$tmp/rss"
}

# The median of $lruns peak resident sets of a command, in KiB: the pages
# of the binary and its libraries that a run maps depend on how the page
# cache holds their files, so one run may count a few hundred KiB more.
peak_median() {
	local k
	for ((k = 0; k < lruns; k++)); do
		peak_kib "$@"
	done | median
}

if [ ! -x /usr/bin/time ]; then
	echo "bench.sh: needs GNU time (/usr/bin/time, Debian package time)" >&2
	exit 2
fi

echo "stackpick benchmark: $sp"
echo "machine: $(uname -sm), $(nproc) cores," \
    "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
# How the binary is linked moves the start-up figure most (a static one
# maps no shared library; docs/performance.md, "Static or shared").
if ! headers=$(readelf -l "$sp" 2>/dev/null); then
	echo "binary: not known (readelf failed)"
elif [[ $headers == *INTERP* ]]; then
	echo "binary: dynamically linked, $(readelf -d "$sp" |
	    grep -c NEEDED) shared libraries"
else
	echo "binary: statically linked"
fi
echo "runs: median of $runs"

# 1. Startup against cat, interleaved so that both see the same noise.
# Wall time is what a pipeline waits; CPU time is what the process
# costs, and moves less when the machine is busy.
for ((r = 0; r < runs; r++)); do
	measure "$tmp/sp1" "${loop[@]}" "$loops" "$sp" "$example"
	measure "$tmp/cat1" "${loop[@]}" "$loops" cat "$example"
done
awk -v sw="$(col "$tmp/sp1" 1)" -v sc="$(col "$tmp/sp1" 2)" \
    -v cw="$(col "$tmp/cat1" 1)" -v cc="$(col "$tmp/cat1" 2)" -v n="$loops" 'BEGIN {
	printf "1. startup (per run): stackpick %.2f ms wall, %.2f ms CPU; cat %.2f ms wall, %.2f ms CPU\n", sw * 1000 / n, sc * 1000 / n, cw * 1000 / n, cc * 1000 / n
	printf "   ratio %.2f wall, %.2f CPU (target <= 1.2 CPU)\n", (cw > 0 ? sw / cw : 0), (cc > 0 ? sc / cc : 0) }'

# 2. Throughput: $nprof profiles, made from the shipped examples that the
# built-in matrix scores, each with a name and a concurrency of its own.
mkdir "$tmp/p"
examples=()
for f in "$root"/data/examples/*.yaml; do
	if "$sp" --format json "$f" >/dev/null 2>&1; then
		examples+=("$f")
	fi
done
awk -v n="$nprof" -v dir="$tmp/p" '
	FNR == 1 { k++ }
	!/^name:|^concurrency:/ { body[k] = body[k] $0 "\n" }
	END {
		for (i = 0; i < n; i++) {
			f = sprintf("%s/%05d.yaml", dir, i)
			printf "name: profile-%d\nconcurrency: %d\n%s", i,
			    (i * 37) % 50000, body[i % k + 1] > f
			close(f)
		}
	}' "${examples[@]}"
for ((r = 0; r < runs; r++)); do
	measure "$tmp/tp" "$sp" --format json "$tmp"/p/*.yaml
done
awk -v w="$(col "$tmp/tp" 1)" -v c="$(col "$tmp/tp" 2)" -v n="$nprof" 'BEGIN {
	printf "2. throughput: %d profiles in %.2f s wall, %.2f s CPU: %.0f profiles/s wall, %.0f per CPU second (target >= 25000 per CPU second)\n", n, w, c, (w > 0 ? n / w : 0), (c > 0 ? n / c : 0) }'

# 3. Peak memory, one profile and all of them.  The command line itself
# takes memory (10,000 paths are some 400 KiB), so the same command line
# is also measured with --version, which reads none of it, to show what
# is stackpick's own.
one=$(peak_median "$sp" --format json "$example")
all=$(peak_median "$sp" --format json "$tmp"/p/*.yaml)
argv=$(peak_median "$sp" --version "$tmp"/p/*.yaml)
base=$(peak_median "$sp" --version "$example")
awk -v a="$one" -v b="$all" -v c="$argv" -v d="$base" -v n="$nprof" -v r="$lruns" 'BEGIN {
	printf "3. peak RSS (median of %d): %.2f MiB for 1 profile, %.2f MiB for %d (target <= 4 MiB, flat)\n", r, a / 1024, b / 1024, n
	printf "   less the command line (--version with the same arguments): %.2f MiB and %.2f MiB\n", (a - d) / 1024, (b - c) / 1024 }'

# 4. A large generated matrix.
"$here/gen-matrix.sh" 64 256 >"$tmp/big.yaml"
printf 'name: big\nload: high\nusers: 5000\nrealtime: true\n' >"$tmp/bigp.yaml"
# Each measurement is $bigloops runs, since GNU time counts in 10 ms.
bigloops=$((quick ? 1 : 5))
for ((r = 0; r < runs; r++)); do
	measure "$tmp/big" "${loop[@]}" "$bigloops" "$sp" --matrix \
	    "$tmp/big.yaml" "$tmp/bigp.yaml"
	measure "$tmp/bigj" "${loop[@]}" "$bigloops" "$sp" --format json \
	    --matrix "$tmp/big.yaml" "$tmp/bigp.yaml"
done
awk -v w="$(col "$tmp/big" 1)" -v c="$(col "$tmp/big" 2)" \
    -v jw="$(col "$tmp/bigj" 1)" -v jc="$(col "$tmp/bigj" 2)" \
    -v n="$bigloops" 'BEGIN { w /= n; c /= n; jw /= n; jc /= n
	printf "4. 64 x 256 matrix, sensitivity and confidence: %.0f ms wall, %.0f ms CPU; with --format json %.0f ms wall, %.0f ms CPU (target <= 40 ms CPU in Release)\n", w * 1000, c * 1000, jw * 1000, jc * 1000 }'

# 5. Linearity.  inputs DIMENSION N makes the inputs of one size and sets
# cmd to the run that measures it.
inputs() {
	local n=$2 d=$tmp/lin-$1-$2
	mkdir -p "$d"
	case $1 in
	profiles)
		cmd=("$sp" --format json)
		for ((i = 0; i < n; i++)); do
			cmd+=("$tmp/p/$(printf %05d $((i % nprof))).yaml")
		done ;;
	baseline)
		# A saved result followed by n KiB of small documents, all read.
		"$sp" --format json "$example" >"$d/b.json" || true
		awk -v n="$n" 'BEGIN { for (i = 0; i < n * 1024 / 13; i++)
		    print "{\"error\":{}}" }' >>"$d/b.json"
		cmd=("$sp" --format json --baseline "$d/b.json" "$example") ;;
	rules)
		# n rules, each a distinct range of an integer trait (two
		# tests), over 10 criteria and 2 options: the bound of 1,024
		# tests allows 512.
		awk -v n="$n" 'BEGIN { print "format: 1\nname: rules\nscale: {min: 1, max: 5}"
		    print "options: [{id: a, label: A}, {id: b, label: B}]"
		    print "traits: [{id: t, type: integer, min: 0, max: 1000000, default: 5}]"
		    print "criteria:"
		    for (c = 0; c < 10; c++) {
			printf "  - id: c%d\n    label: C\n    weight: 1\n", c
			printf "    ratings: {a: {rating: %d, why: x}, b: {rating: %d, why: y}}\n", 1 + c % 5, 5 - c % 5
			print "    rules:"
			for (r = 0; r < n / 10; r++)
				printf "      - {when: {t: {min: %d, max: %d}}, add: 0.5}\n", (c * n / 10 + r) * 97, (c * n / 10 + r) * 97 + 50
		    } }' >"$d/m.yaml"
		printf 't: 20000\n' >"$d/p.yaml"
		cmd=("$sp" --format json --matrix "$d/m.yaml" "$d/p.yaml") ;;
	cells)
		"$here/gen-matrix.sh" "$n" "$((n * 4))" >"$d/m.yaml"
		cmd=("$sp" --format json --matrix "$d/m.yaml" "$tmp/bigp.yaml") ;;
	esac
}

# linear DIMENSION UNIT REPEAT N1 N2 N3: each run is REPEAT runs in a
# loop, timed together, since GNU time counts in steps of 10 ms.
linear() {
	local dim=$1 unit=$2 rep=$3 k n size
	shift 3
	for n in "$@"; do
		inputs "$dim" "$n"
		: >"$tmp/lin"
		: >"$tmp/linm"
		for ((k = 0; k < lruns; k++)); do
			if [ "$rep" -gt 1 ]; then
				measure "$tmp/lin" "${loop[@]}" "$rep" "${cmd[@]}"
			else
				measure "$tmp/lin" "${cmd[@]}"
			fi
			peak_kib "${cmd[@]}" >>"$tmp/linm"
		done
		size=$n
		[ "$dim" = cells ] && size=$((n * n * 4))
		echo "$size $(col "$tmp/lin" 2) $(median <"$tmp/linm") $rep"
	done | awk -v dim="$dim" -v unit="$unit" '
		{ n[NR] = $1; c[NR] = $2 * 1000 / $4; m[NR] = $3 / 1024 }
		END {
			printf "   %-9s %s: %d / %d / %d\n", dim, unit, n[1], n[2], n[3]
			printf "             CPU ms %.1f / %.1f / %.1f; peak MiB %.2f / %.2f / %.2f\n", c[1], c[2], c[3], m[1], m[2], m[3]
			s1 = (c[2] - c[1]) / (n[2] - n[1]); s2 = (c[3] - c[2]) / (n[3] - n[2])
			t1 = (m[2] - m[1]) / (n[2] - n[1]); t2 = (m[3] - m[2]) / (n[3] - n[2])
			printf "             slope %.4g then %.4g ms per %s (ratio %.2f); memory %.3g then %.3g KiB per %s\n", s1, s2, unit, (s1 > 0 ? s2 / s1 : 0), t1 * 1024, t2 * 1024, unit
		}'
}

echo "5. linearity (median of $lruns runs at each size; ratio 1.0 is linear)"
if [ "$quick" -eq 1 ]; then
	linear profiles profiles 1 50 100 200
	linear baseline KiB 2 256 512 1024
	linear rules rules 2 64 128 256
	linear cells cells 1 8 16 32
else
	linear profiles profiles 1 2500 5000 10000
	linear baseline KiB 10 1024 2048 4096
	linear rules rules 200 128 256 512
	linear cells cells 5 16 32 64
fi
