#!/usr/bin/env bash
# Writes a synthetic matrix with OPTIONS options and CRITERIA criteria to
# stdout: every criterion rates every option (ratings from 1 to 5 drawn
# by a fixed Park-Miller generator, so every run writes the same file),
# carries two rules on four traits, and a few items of checklist,
# pitfalls and tooling apply.  For the benchmark; the numbers mean
# nothing.
#
#   gen-matrix.sh OPTIONS CRITERIA
set -eu
exec awk -v no="${1:-64}" -v nc="${2:-256}" '
function draw() { seed = (seed * 16807) % 2147483647; return seed }
BEGIN {
	seed = 42
	print "format: 1"
	print "name: Synthetic " no " x " nc
	print "scale: {min: 1, max: 5}"
	print "options:"
	for (o = 0; o < no; o++)
		printf "  - {id: o%d, label: Option %d}\n", o, o
	print "traits:"
	print "  - {id: load, type: enum, values: [none, low, medium, high], default: medium}"
	print "  - {id: users, type: integer, min: 0, max: 1000000, default: 100}"
	print "  - {id: realtime, type: boolean, default: false}"
	print "  - {id: size, type: enum, values: [small, large], default: small}"
	print "criteria:"
	for (c = 0; c < nc; c++) {
		printf "  - id: c%d\n    label: Criterion %d\n", c, c
		printf "    weight: %d\n    ratings:\n", c % 10
		for (o = 0; o < no; o++)
			printf "      o%d: {rating: %d, why: r%d}\n", o, \
			    1 + draw() % 5, (c + o) % 10
		print "    rules:"
		printf "      - {when: {load: [medium, high]}, add: %d}\n", c % 3
		printf "      - {when: [{users: {min: %d}}, {realtime: true}], add: 1}\n", c * 100
	}
	print "checklist:"
	print "  - {text: Measure before deciding.}"
	print "  - {when: {size: large}, text: Plan for growth.}"
	print "pitfalls:"
	print "  - {option: o0, text: Option 0 needs care.}"
	print "  - {when: {load: high}, text: Watch the load.}"
	print "tools:"
	print "  - {option: o1, text: Tooling for option 1.}"
}'
