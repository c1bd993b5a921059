#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, SP_FUZZ) in build-fuzz/ and runs
# each for SECONDS (60 by default), one after another on one core.  The
# working corpus grows in build-fuzz/corpus/NAME, starting from the seeds
# and the regression corpus; a crash, leak, timeout or out-of-memory is
# written to build-fuzz/artifacts/ and fails the run.  Copy such an input
# into tests/fuzz/regress/NAME/ once it is fixed, so that ctest replays it.
#
#   tests/fuzz/run.sh [SECONDS [TARGET...]]
#
# SP_FUZZ_DIR names another build tree, so that two runs can go side by
# side, one per core.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(profile matrix writeback baseline answers)
dir=${SP_FUZZ_DIR:-build-fuzz}

CC=${CC:-clang} cmake -S . -B "$dir" -DSP_FUZZ=ON -DSP_WERROR=ON -DBUILD_TESTING=ON >/dev/null
cmake --build "$dir" -j2 --target "${targets[@]/#/fuzz_}" >/dev/null

status=0
for t in "${targets[@]}"; do
	case $t in
	profile)
		seeds=(data/examples tests/data/good tests/data/bad)
		max_len=16384 ;;
	matrix | writeback)
		seeds=(data/matrix.yaml data/*/matrix.yaml
		    tests/data/good/three-options.yaml
		    tests/data/good/hostile-text.yaml
		    tests/data/bad/matrix-duplicate-option.yaml
		    tests/data/bad/matrix-duplicate-criterion.yaml)
		[ "$t" = writeback ] && seeds+=(data/examples tests/data/good)
		max_len=65536 ;;
	baseline)
		seeds=(tests/fuzz/seeds/baseline)
		max_len=65536 ;;
	answers)
		seeds=(tests/data/answers)
		max_len=4096 ;;
	*)
		seeds=()
		max_len=16384 ;;
	esac
	corpus=$dir/corpus/$t
	mkdir -p "$corpus" "$dir/artifacts"
	# Seeds that are single files are copied in: libFuzzer reads
	# directories only.
	for s in "${seeds[@]}"; do
		if [ -f "$s" ]; then cp "$s" "$corpus/"; fi
	done
	dirs=()
	for s in "${seeds[@]}"; do
		if [ -d "$s" ]; then dirs+=("$s"); fi
	done
	echo "== fuzz_$t for ${secs}s"
	# A hostile input must be refused in well under a second and in a
	# few MiB; the limits here leave room for the sanitizers' overhead.
	if ! "$dir/tests/fuzz/fuzz_$t" -max_total_time="$secs" \
	    -timeout=2 -rss_limit_mb=512 -malloc_limit_mb=64 \
	    -max_len="$max_len" -dict=tests/fuzz/yaml.dict \
	    -artifact_prefix="$dir/artifacts/$t-" -print_final_stats=1 \
	    "$corpus" "tests/fuzz/regress/$t" "${dirs[@]}" \
	    >"$dir/fuzz-$t.log" 2>&1; then
		status=1
		echo "fuzz_$t found a problem; see $dir/fuzz-$t.log:"
		grep -E '^(==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' \
		    "$dir/fuzz-$t.log" | head -20
	fi
	grep -E '^#[0-9]+.*(DONE|cov:)' "$dir/fuzz-$t.log" | tail -1
	grep -E '^stat::(number_of_executed_units|peak_rss_mb)' \
	    "$dir/fuzz-$t.log" || true
done
exit $status
