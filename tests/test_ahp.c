/* Unit tests for pairwise judgements (src/ahp.c, src/profile_pairwise.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/ahp.h"
#include "fixture.h"

/* Fills the reciprocal matrix a (n * n) from its upper triangle u. */
static void
full(double *a, const double *u, int n)
{
	int i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			a[i * n + j] = i == j ? 1 : i < j ? u[i * n + j] :
			    1 / u[j * n + i];
}

static void
assert_near(double got, double want, double tol)
{
	if (fabs(got - want) > tol)
		fail_msg("%.6f is not %.6f (within %g)", got, want, tol);
}

/*
 * Saaty, T. L. (1990), "How to make a decision: the analytic hierarchy
 * process", European Journal of Operational Research 48, 9-26: the
 * criteria for buying a house (size, transportation, neighbourhood, age,
 * yard space, modern facilities, general condition, financing).
 * Published: priorities .173 .054 .188 .018 .031 .036 .167 .333,
 * lambda max 9.669, CI 0.238, CR 0.169.
 */
static void
saaty_1990_house(void **state)
{
	static const double u[64] = {
		1, 5, 3, 7, 6, 6, 1. / 3, 1. / 4,
		0, 1, 1. / 3, 5, 3, 3, 1. / 5, 1. / 7,
		0, 0, 1, 6, 3, 4, 6, 1. / 5,
		0, 0, 0, 1, 1. / 3, 1. / 4, 1. / 7, 1. / 8,
		0, 0, 0, 0, 1, 1. / 2, 1. / 5, 1. / 6,
		0, 0, 0, 0, 0, 1, 1. / 5, 1. / 6,
		0, 0, 0, 0, 0, 0, 1, 1. / 2,
		0, 0, 0, 0, 0, 0, 0, 1,
	};
	static const double want[8] = {
		.173, .054, .188, .018, .031, .036, .167, .333
	};
	double a[64], w[8], lambda;
	int i;

	(void)state;
	full(a, u, 8);
	assert_int_equal(sp_ahp_priorities(w, &lambda, a, 8), 0);
	for (i = 0; i < 8; i++)
		assert_near(w[i], want[i], 0.0005);
	assert_near(lambda, 9.669, 0.0005);
	assert_near(sp_ahp_ci(lambda, 8), 0.238, 0.0005);
	assert_near(sp_ahp_cr(lambda, 8), 0.169, 0.0005);
}

/*
 * Saaty, T. L. (2008), "Decision making with the analytic hierarchy
 * process", International Journal of Services Sciences 1(1), 83-98: the
 * relative consumption of drinks in the United States (coffee, wine,
 * tea, beer, sodas, milk, water).  Published: priorities .177 .019 .042
 * .116 .190 .129 .327, CR 0.022.
 */
static void
saaty_2008_drinks(void **state)
{
	static const double u[49] = {
		1, 9, 5, 2, 1, 1, 1. / 2,
		0, 1, 1. / 3, 1. / 9, 1. / 9, 1. / 9, 1. / 9,
		0, 0, 1, 1. / 3, 1. / 4, 1. / 3, 1. / 9,
		0, 0, 0, 1, 1. / 2, 1, 1. / 3,
		0, 0, 0, 0, 1, 2, 1. / 2,
		0, 0, 0, 0, 0, 1, 1. / 3,
		0, 0, 0, 0, 0, 0, 1,
	};
	static const double want[7] = {
		.177, .019, .042, .116, .190, .129, .327
	};
	double a[49], w[7], lambda;
	int i;

	(void)state;
	full(a, u, 7);
	assert_int_equal(sp_ahp_priorities(w, &lambda, a, 7), 0);
	for (i = 0; i < 7; i++)
		assert_near(w[i], want[i], 0.0005);
	assert_near(sp_ahp_cr(lambda, 7), 0.022, 0.0005);
}

/* Harker's fill completes consistent judgements exactly: a = 2b, b = 3c. */
static void
harker_consistent(void **state)
{
	double a[9] = { 0, 2, 0, 0.5, 0, 3, 0, 1. / 3, 0 }, w[3], lambda;

	(void)state;
	assert_int_equal(sp_ahp_priorities(w, &lambda, a, 3), 0);
	assert_near(w[0], 0.6, 1e-12);
	assert_near(w[1], 0.3, 1e-12);
	assert_near(w[2], 0.1, 1e-12);
	assert_near(lambda, 3, 1e-9);
	assert_near(sp_ahp_cr(lambda, 3), 0, 1e-9);
}

static void
disconnected(void **state)
{
	double a[16] = { 0 }, w[4], lambda;

	(void)state;
	a[0 * 4 + 1] = 2;
	a[1 * 4 + 0] = 0.5;
	a[2 * 4 + 3] = 3;
	a[3 * 4 + 2] = 1. / 3;
	assert_int_equal(sp_ahp_priorities(w, &lambda, a, 4), -1);
}

/*
 * Consistent judgements on the fixture: speed 2 x push, push 2 x data,
 * speed 4 x data give priorities 4/7, 2/7, 1/7.  By default the rules
 * give speed 2, push 1 and data 2: 5 to share, so 20/7, 10/7 and 5/7;
 * ease and team_fit keep 3 and 2.
 */
static void
profile_weights(void **state)
{
	fixture_run f;
	const sp_report *rep;
	char *text;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, "pairwise:\n  - [speed, push, 2]\n"
	    "  - [push, data, 2]\n  - [speed, data, 4]\n", NULL);
	assert_non_null(rep->ahp);
	assert_int_equal(rep->ahp->n, 3);
	assert_near(rep->result->crit[0].weight, 20. / 7, 1e-9);
	assert_near(rep->result->crit[1].weight, 10. / 7, 1e-9);
	assert_near(rep->result->crit[2].weight, 5. / 7, 1e-9);
	assert_near(rep->result->crit[3].weight, 3, 1e-12);
	assert_near(rep->ahp->cr, 0, 1e-9);
	assert_false(rep->ahp->inconsistent);
	text = fixture_render(sp_render_text, rep);
	assert_non_null(strstr(text, "Pairwise judgements"));
	assert_null(strstr(text, "Warning:"));
	free(text);
	fixture_close(&f);
}

/*
 * A circle of 9s (speed over push over data over speed) is as
 * inconsistent as judgements get: the report warns and names one.
 */
static void
inconsistent_warns(void **state)
{
	fixture_run f;
	const sp_report *rep;
	char *text;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, "pairwise:\n  - [speed, push, 9]\n"
	    "  - [push, data, 9]\n  - [data, speed, 9]\n  - [ease, speed, "
	    "1]\n", NULL);
	assert_non_null(rep->ahp);
	assert_true(rep->ahp->inconsistent);
	assert_true(rep->ahp->cr > SP_AHP_CR_MAX);
	assert_true(rep->ahp->worst >= 0);
	assert_true(rep->ahp->worst_cr < rep->ahp->cr);
	text = fixture_render(sp_render_text, rep);
	assert_non_null(strstr(text, "Warning:"));
	assert_non_null(strstr(text, "Most out of line: "));
	free(text);
	text = fixture_render(sp_render_markdown, rep);
	assert_non_null(strstr(text, "**Warning:**"));
	free(text);
	fixture_close(&f);
}

/* --weight still wins over a pairwise weight. */
static void
cli_weight_wins(void **state)
{
	static const char *const w[] = { "speed=7" };
	sp_pipeline_opts o = { SP_METHOD_WSM, w, 1, NULL };
	fixture_run f;
	const sp_report *rep;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, "pairwise:\n  - [speed, push, 2]\n", &o);
	assert_near(rep->result->crit[0].weight, 7, 1e-12);
	assert_int_equal(rep->result->crit[0].override, SP_OVERRIDE_CLI);
	assert_int_equal(rep->result->crit[1].override, SP_OVERRIDE_PAIRWISE);
	fixture_close(&f);
}

static void
refused(const sp_matrix *m, const char *yaml, const char *want, int line)
{
	sp_profile p;
	sp_error err;

	sp_error_clear(&err);
	assert_int_equal(sp_pipeline_parse(&p, m, yaml, strlen(yaml), "p.yaml",
	    &err), SP_EDATA);
	if (strstr(err.message, want) == NULL)
		fail_msg("'%s' does not say '%s'", err.message, want);
	assert_int_equal(err.line, line);
}

static void
validation(void **state)
{
	sp_matrix *m = fixture_matrix_file(FIXTURE_MATRIX);

	(void)state;
	refused(m, "pairwise:\n  - [sped, push, 2]\n",
	    "unknown criterion 'sped' (did you mean 'speed'?)", 2);
	refused(m, "pairwise:\n  - [speed, push, 10]\n", "off Saaty's scale", 2);
	refused(m, "pairwise:\n  - [speed, push, 1/10]\n", "off Saaty's scale",
	    2);
	refused(m, "pairwise:\n  - [speed, speed, 2]\n", "compared with itself",
	    2);
	refused(m, "pairwise:\n  - [speed, push, 2]\n  - [push, speed, 3]\n",
	    "already compared at line 2, differently", 3);
	refused(m, "pairwise:\n  - [speed, push, 2]\n  - [data, ease, 3]\n",
	    "the judgements must connect", 2);
	refused(m, "weights: {speed: 3}\npairwise:\n  - [speed, push, 2]\n",
	    "speed is also set in weights", 3);
	refused(m, "pairwise:\n  - [speed, push]\n", "expected [more_important",
	    2);
	sp_matrix_free(m);
}

/* The same judgement twice, either way round, is one judgement. */
static void
duplicates(void **state)
{
	sp_matrix *m = fixture_matrix_file(FIXTURE_MATRIX);
	sp_profile p;

	(void)state;
	fixture_profile(&p, m, "pairwise:\n  - [speed, push, 2]\n"
	    "  - [push, speed, 1/2]\n  - [speed, push, 2]\n");
	assert_int_equal(p.npairs, 1);
	sp_matrix_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(saaty_1990_house),
		cmocka_unit_test(saaty_2008_drinks),
		cmocka_unit_test(harker_consistent),
		cmocka_unit_test(disconnected),
		cmocka_unit_test(profile_weights),
		cmocka_unit_test(inconsistent_warns),
		cmocka_unit_test(cli_weight_wins),
		cmocka_unit_test(validation),
		cmocka_unit_test(duplicates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
