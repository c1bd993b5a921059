# Sourced by the chart and browser tests: every shipped example with the
# matrix it is written for.  find_runs STACKPICK EXAMPLES_DIR sets runs to
# "MATRIX|PROFILE" items, MATRIX empty for the built-in matrix, worked out
# from what stackpick accepts, so that a new example is covered at once.
# args_of ITEM sets args to the stackpick arguments for one item.
find_runs() {
	local sp=$1 dir=$2 f mx
	runs=()
	for f in "$dir"/*.yaml; do
		case ${f##*/} in matrix-*) continue ;; esac
		if "$sp" --quiet "$f" 2>/dev/null; then
			runs+=("|$f")
			continue
		fi
		for mx in "$dir"/matrix-*.yaml; do
			if "$sp" --quiet --matrix "$mx" "$f" 2>/dev/null; then
				runs+=("$mx|$f")
				continue 2
			fi
		done
		echo "FAIL: $f fits no shipped matrix" >&2
		return 1
	done
	[ ${#runs[@]} -ge 6 ] || { echo "FAIL: too few examples" >&2; return 1; }
}

args_of() {
	args=()
	[ -n "${1%%|*}" ] && args=(--matrix "${1%%|*}")
	args+=("${1#*|}")
}
