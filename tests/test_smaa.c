/*
 * Unit tests for rank acceptability and rating ranges (src/smaa.c, with
 * the analysis stage) and for criteria measured in a unit (src/units.c).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/analysis.h"
#include "stackpick/units.h"
#include "fixture.h"

/* Three standard errors of a share near p over SP_DRAWS draws. */
static double
tolerance(double p)
{
	return 3 * sqrt(p * (1 - p) / SP_DRAWS);
}

/* One criterion; A rated 3 exactly, B uniform on [2, 5] around 2.5. */
static const char one_range[] =
    "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
    "options: [{id: a, label: A}, {id: b, label: B}]\n"
    "criteria:\n"
    "  - id: c\n    label: C\n    weight: 3\n    ratings:\n"
    "      a: {rating: 3, why: x}\n"
    "      b: {rating: 2.5, range: [2, 5], why: x}\n";

/*
 * With one criterion the weights cannot change the order, so A stays
 * first exactly when B's draw falls below 3: a share of (3 - 2) / (5 - 2).
 */
static void
test_range_analytic(void **state)
{
	fixture_run f;
	const sp_analysis *a;

	(void)state;
	fixture_open(&f, one_range);
	a = fixture_report(&f, "name: p\n", NULL)->analysis;
	assert_int_equal(a->winner, 0);
	assert_true(a->ranged);
	assert_true(fabs(a->confidence - 1.0 / 3) < tolerance(1.0 / 3));
	assert_true(fabs(a->confidence_ratings - 1.0 / 3) < tolerance(1.0 /
	    3));
	assert_true(a->confidence_weights == 1);
	/* One definition: the winner's share of first places. */
	assert_true(a->accept[0] == a->confidence);
	assert_true(fabs(a->accept[0] + a->accept[2] - 1) < 1e-12);
	assert_true(fabs(a->accept[0] + a->accept[1] - 1) < 1e-12);
	fixture_close(&f);
}

/* A uniform on [3, 5], B on [2, 4]: A - B < 0 with probability 1/8. */
static const char two_ranges[] =
    "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
    "options: [{id: a, label: A}, {id: b, label: B}]\n"
    "criteria:\n"
    "  - id: c\n    label: C\n    weight: 1\n    ratings:\n"
    "      a: {rating: 4, range: [3, 5], why: x}\n"
    "      b: {rating: 3, range: [2, 4], why: x}\n";

static void
test_two_ranges_analytic(void **state)
{
	fixture_run f;
	const sp_analysis *a;

	(void)state;
	fixture_open(&f, two_ranges);
	a = fixture_report(&f, "name: p\n", NULL)->analysis;
	assert_true(fabs(a->confidence - 7.0 / 8) < tolerance(7.0 / 8));
	fixture_close(&f);
}

/* Three options, close enough that every rank is contested. */
static const char three[] =
    "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
    "options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]\n"
    "criteria:\n"
    "  - id: x\n    label: X\n    weight: 3\n    ratings:\n"
    "      a: {rating: 5, why: w}\n      b: {rating: 3, why: w}\n"
    "      c: {rating: 1, range: [1, 4], why: w}\n"
    "  - id: y\n    label: Y\n    weight: 2\n    ratings:\n"
    "      a: {rating: 2, why: w}\n      b: {rating: 4, why: w}\n"
    "      c: {rating: 5, why: w}\n";

/* Every rank's shares and every option's add up to 1. */
static void
test_acceptability_sums(void **state)
{
	fixture_run f;
	const sp_analysis *a;
	double row, col;
	int i, j;

	(void)state;
	fixture_open(&f, three);
	a = fixture_report(&f, "name: p\n", NULL)->analysis;
	assert_int_equal(a->winner, 0);
	for (i = 0; i < 3; i++) {
		row = col = 0;
		for (j = 0; j < 3; j++) {
			row += a->accept[i * 3 + j];
			col += a->accept[j * 3 + i];
			assert_true(a->accept[i * 3 + j] > 0);
		}
		assert_true(fabs(row - 1) < 1e-12);
		assert_true(fabs(col - 1) < 1e-12);
	}
	assert_true(a->accept[a->winner * 3] == a->confidence);
	/* Central weights: the mean of the draws an option wins, so C,
	   which wins by Y, has Y weigh more against X than 2 to 3. */
	assert_true(a->first[2] > 0);
	assert_true(a->central[2 * 2 + 1] / a->central[2 * 2 + 0] > 2.0 / 3);
	fixture_close(&f);
}

/* Without ranges, two options keep the weights-only figure as it was. */
static void
test_no_ranges_same(void **state)
{
	fixture_run f;
	const sp_analysis *a;

	(void)state;
	fixture_open(&f, "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
	    "options: [{id: a, label: A}, {id: b, label: B}]\ncriteria:\n"
	    "  - {id: x, label: X, weight: 1.1, ratings: {a: {rating: 5, "
	    "why: w}, b: {rating: 1, why: w}}}\n"
	    "  - {id: y, label: Y, weight: 1, ratings: {a: {rating: 1, "
	    "why: w}, b: {rating: 5, why: w}}}\n");
	a = fixture_report(&f, "name: p\n", NULL)->analysis;
	assert_false(a->ranged);
	/* The worked example of docs/scoring.md: Phi(0.4 / 1.26). */
	assert_true(fabs(a->confidence - 0.625) < tolerance(0.625));
	assert_true(a->confidence == a->confidence_weights);
	assert_true(a->accept[a->winner * 2] == a->confidence);
	fixture_close(&f);
}

/*
 * The cold-start fixture: a cost criterion in milliseconds, linear from
 * 0 ms (rated 5) to 400 ms (rated 1).  Python (145 ms, rated 3.55, and 5
 * on libraries) leads NodeJS (200 ms, rated 3, and 4) by 2.1 / 3; NodeJS
 * draws level at 95 ms, and Python falls back to it at 250 ms.
 */
static void
test_value_flips(void **state)
{
	fixture_run f;
	const sp_analysis *a;
	const sp_units *u;
	double v;

	(void)state;
	f.m = NULL;
	memset(&f, 0, sizeof(f));
	f.m = fixture_matrix_file("good/cold-start.yaml");
	u = f.m->criteria[0].units;
	assert_non_null(u);
	assert_true(fabs(sp_units_rating(u, 145) - 3.55) < 1e-12);
	assert_true(sp_units_rating(u, -10) == 5);
	assert_true(sp_units_rating(u, 900) == 1);
	assert_true(sp_units_value(u, 4.05, &v) && fabs(v - 95) < 1e-9);
	assert_false(sp_units_value(u, 5.5, &v));
	a = fixture_report(&f, "name: p\n", NULL)->analysis;
	assert_int_equal(a->nvalue_flips, 2);
	assert_int_equal(a->value_flips[0].option, 1);
	assert_true(fabs(a->value_flips[0].flip_value - 95) < 1e-9);
	assert_int_equal(a->value_flips[1].option, 0);
	assert_true(fabs(a->value_flips[1].flip_value - 250) < 1e-9);
	fixture_close(&f);
}

/* Breakpoints: piecewise linear, and refused when not monotone. */
static void
test_breakpoints(void **state)
{
	static const char head[] =
	    "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
	    "options: [{id: a, label: A}, {id: b, label: B}]\n"
	    "criteria:\n  - id: rps\n    label: Throughput\n    weight: 1\n"
	    "    unit: requests/s\n    direction: benefit\n";
	char yaml[1024];
	sp_matrix *m;
	sp_error err;
	double v;

	(void)state;
	snprintf(yaml, sizeof(yaml), "%s    value_function: {breakpoints: "
	    "[[100, 1], [1000, 4], [5000, 5]]}\n    ratings:\n"
	    "      a: {value: 550, why: x}\n      b: {value: 3000, why: x}\n",
	    head);
	m = fixture_matrix(yaml);
	assert_true(fabs(m->criteria[0].ratings[0] - 2.5) < 1e-12);
	assert_true(fabs(m->criteria[0].ratings[1] - 4.5) < 1e-12);
	assert_true(sp_units_value(m->criteria[0].units, 4.5, &v) &&
	    fabs(v - 3000) < 1e-9);
	sp_matrix_free(m);
	snprintf(yaml, sizeof(yaml), "%s    value_function: {breakpoints: "
	    "[[100, 4], [1000, 1]]}\n    ratings:\n"
	    "      a: {value: 550, why: x}\n      b: {value: 3000, why: x}\n",
	    head);
	assert_int_equal(sp_matrix_parse(&m, yaml, strlen(yaml), "m.yaml",
	    &err), SP_EDATA);
	assert_non_null(strstr(err.message, "ratings must rise"));
	assert_int_equal(err.line, 11);
}

/* A range must hold its rating; a value needs a unit. */
static void
test_range_errors(void **state)
{
	static const char *const bad[][2] = {
		{ "a: {rating: 3, range: [4, 5], why: x}",
		  "range: [4, 5] does not hold the rating 3" },
		{ "a: {rating: 3, range: [2], why: x}",
		  "range: expected [low, high]" },
		{ "a: {rating: 3, range: [0, 4], why: x}",
		  "range: 0 is out of range" },
		{ "a: {value: 3, why: x}", "give a rating, not a value" },
	};
	char yaml[512];
	sp_matrix *m;
	sp_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(yaml, sizeof(yaml), "format: 1\nname: t\n"
		    "scale: {min: 1, max: 5}\n"
		    "options: [{id: a, label: A}, {id: b, label: B}]\n"
		    "criteria:\n  - id: c\n    label: C\n    weight: 1\n"
		    "    ratings:\n      %s\n      b: {rating: 1, why: x}\n",
		    bad[i][0]);
		assert_int_equal(sp_matrix_parse(&m, yaml, strlen(yaml),
		    "m.yaml", &err), SP_EDATA);
		assert_non_null(strstr(err.message, bad[i][1]));
		assert_int_equal(err.line, 10);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range_analytic),
		cmocka_unit_test(test_two_ranges_analytic),
		cmocka_unit_test(test_acceptability_sums),
		cmocka_unit_test(test_no_ranges_same),
		cmocka_unit_test(test_value_flips),
		cmocka_unit_test(test_breakpoints),
		cmocka_unit_test(test_range_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
