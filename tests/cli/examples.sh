# Sourced by the chart and browser tests: every shipped example with the
# matrix it is written for.  find_runs STACKPICK EXAMPLES_DIR sets runs to
# "MATRIX|PROFILE" items, MATRIX empty for the built-in matrix: the
# profiles of data/examples/, and those next to each data/*/matrix.yaml,
# so that a new example is covered at once.
# args_of ITEM sets args to the stackpick arguments for one item.
find_runs() {
	local sp=$1 dir=$2 f mx
	runs=()
	for f in "$dir"/*.yaml; do
		runs+=("|$f")
	done
	# Another matrix lives in a folder of its own, with its profiles.
	for mx in "$dir"/../*/matrix.yaml; do
		for f in "${mx%/*}"/*.yaml; do
			[ "$f" = "$mx" ] || runs+=("$mx|$f")
		done
	done
	for f in "${runs[@]}"; do
		args_of "$f"
		"$sp" --quiet "${args[@]}" 2>/dev/null ||
			{ echo "FAIL: ${f#*|} does not score" >&2; return 1; }
	done
	[ ${#runs[@]} -ge 6 ] || { echo "FAIL: too few examples" >&2; return 1; }
}

args_of() {
	args=()
	[ -n "${1%%|*}" ] && args=(--matrix "${1%%|*}")
	args+=("${1#*|}")
}
