/*
 * Unit tests for the explain stage (src/report.c): which reasons a reader
 * is told and in which order, what moves each flip weight, the critical
 * flip, the weighted sums and ties.  The profiles run on the tests' own
 * matrix, tests/data/good/fixture.yaml, whose figures are worked out by
 * hand below.
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

#include "fixture.h"

/*
 * No answer given, no team: weights speed 2, push 1, data 2, ease 3,
 * team_fit 2 (3 for everyone), total 10.  Beta 33/10, Gamma 32/10,
 * Alpha 29/10; the weighted product picks Gamma.
 */
#define PLAIN "name: plain\n"
/* analytics: true raises data to 7; Beta wins clearly. */
#define DATA "name: data\nanalytics: true\nteam: {alpha: 2, beta: 4, " \
    "gamma: 3}\n"
/* PLAIN with data's weight set in the profile. */
#define OVERRIDE "name: over\nweights: {data: 2}\n"
/* Alpha wins speed and push, Beta data: a hybrid, with four flips. */
#define HYBRID "name: hybrid\nlive: true\nanalytics: true\nload: high\n" \
    "team: {alpha: 3, beta: 3, gamma: 3}\n"
/* Only the team weighs, and all three are rated alike. */
#define TIE3 "name: tie3\nteam: {alpha: 3, beta: 3, gamma: 3}\n" \
    "weights: {speed: 0, push: 0, data: 0, ease: 0}\n"

static int
crit(const sp_report *rep, const char *id)
{
	int k = sp_matrix_criterion(rep->matrix, id);

	assert_true(k >= 0);
	return k;
}

static int
opt(const sp_report *rep, const char *id)
{
	int o = sp_matrix_option(rep->matrix, id);

	assert_true(o >= 0);
	return o;
}

/* Checks flip i: criterion, rival, direction and what moves it. */
static void
check_flip(const sp_report *rep, int i, const char *criterion,
    const char *option, int direction, sp_mover mover)
{
	const sp_report_flip *rf;

	assert_true(i < rep->nflips);
	rf = &rep->flips[i];
	assert_ptr_equal(rf->flip, &rep->analysis->flips[i]);
	assert_int_equal(rf->flip->criterion, crit(rep, criterion));
	assert_int_equal(rf->flip->option, opt(rep, option));
	assert_int_equal(rf->direction, direction);
	assert_int_equal(rf->mover, mover);
	assert_int_equal(rf->direction < 0, rf->flip->flip_weight <
	    rf->flip->weight);
}

static void
test_plain(void **state)
{
	fixture_run f;
	const sp_report *rep;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, PLAIN, NULL);
	assert_string_equal(rep->title, "plain");
	assert_string_equal(rep->input, "in.yaml");
	assert_int_equal(rep->winner, opt(rep, "beta"));
	assert_int_equal(rep->runner_up, opt(rep, "gamma"));
	assert_int_equal(rep->ntied, 1);
	/* Beta leads Gamma only on data; speed and push speak for Gamma,
	   the larger lead first; ease and team_fit are level. */
	assert_int_equal(rep->npro, 1);
	assert_int_equal(rep->pro[0], crit(rep, "data"));
	assert_int_equal(rep->ncon, 2);
	assert_int_equal(rep->con[0], crit(rep, "speed"));
	assert_int_equal(rep->con[1], crit(rep, "push"));
	assert_null(rep->gates);
	assert_null(rep->baseline);
	assert_int_equal(rep->gates_failed, 0);
	fixture_close(&f);
}

/*
 * PLAIN's flips.  Beta leads Gamma by G = 2(2-3) + 1(1-2) + 2(5-3) = 1
 * and Alpha by 2(2-5) + 1(1-5) + 2(5-1) + 3(4-2) = 4.  Data draws Gamma
 * level at 2 - 1/2 = 1.5 (25%); speed at 2 + 1/1 = 3 (50%, nearer than
 * Alpha's 2 + 4/3), and load: high would raise it; ease draws Alpha level
 * at 3 - 4/2 = 1 (67%).  Nothing raised data or ease.  Push draws both
 * level at 2 (100%), where live: true would take it; the first rival in
 * matrix order is named.  Three of the four are shown.
 */
static void
test_flips_none_and_rule(void **state)
{
	fixture_run f;
	const sp_report *rep;
	const sp_flip *fl;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, PLAIN, NULL);
	assert_non_null(rep->analysis);
	assert_int_equal(rep->nflips, 4);
	assert_int_equal(rep->nflips_shown, SP_REPORT_FLIPS);
	check_flip(rep, 0, "data", "gamma", -1, SP_MOVER_NONE);
	check_flip(rep, 1, "speed", "gamma", 1, SP_MOVER_RULE);
	check_flip(rep, 2, "ease", "alpha", -1, SP_MOVER_NONE);
	check_flip(rep, 3, "push", "alpha", 1, SP_MOVER_RULE);
	assert_int_equal(rep->flips[0].rule, -1);
	assert_int_equal(rep->flips[1].rule, 0);
	assert_int_equal(rep->flips[3].rule, 0);
	assert_int_equal(rep->flips[0].override, SP_OVERRIDE_NONE);
	fl = rep->flips[0].flip;
	assert_true(fabs(fl->flip_weight - 1.5) < 1e-9);
	assert_true(fabs(rep->flips[1].flip->flip_weight - 3) < 1e-9);
	assert_true(fabs(rep->flips[2].flip->flip_weight - 1) < 1e-9);
	/* The critical flip is the nearest one. */
	assert_int_equal(rep->critical, 0);
	assert_true(fabs(fl->relative_change - 0.25) < 1e-9);
	/* load: high, live: true and users from 10000 each make Alpha win. */
	assert_int_equal(rep->analysis->ntrait_flips, 3);
	assert_int_equal(rep->ntrait_flips_shown, 3);
	fixture_close(&f);
}

/*
 * DATA: data weighs 7 (base 2, analytics: true +5) and has to fall to
 * let Gamma level: the fired rule is what moves it.  Push has to grow,
 * and live: true would grow it.
 */
static void
test_flips_raised(void **state)
{
	fixture_run f;
	const sp_report *rep;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, DATA, NULL);
	assert_int_equal(rep->winner, opt(rep, "beta"));
	assert_int_equal(rep->nflips, 2);
	assert_int_equal(rep->nflips_shown, 2);
	check_flip(rep, 0, "data", "gamma", -1, SP_MOVER_RAISED);
	check_flip(rep, 1, "push", "alpha", 1, SP_MOVER_RULE);
	assert_int_equal(rep->flips[0].rule, -1);
	assert_int_equal(rep->flips[1].rule, 0);
	assert_int_equal(rep->critical, 0);
	fixture_close(&f);
}

/* A weight set in the profile or with --weight moves only that way. */
static void
test_flips_override(void **state)
{
	static const char *const weights[] = { "ease=3" };
	sp_pipeline_opts o = { SP_METHOD_WSM, weights, 1, NULL };
	fixture_run f;
	const sp_report *rep;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, OVERRIDE, &o);
	assert_int_equal(rep->nflips, 4);
	check_flip(rep, 0, "data", "gamma", -1, SP_MOVER_OVERRIDE);
	assert_int_equal(rep->flips[0].override, SP_OVERRIDE_PROFILE);
	check_flip(rep, 1, "speed", "gamma", 1, SP_MOVER_RULE);
	check_flip(rep, 2, "ease", "alpha", -1, SP_MOVER_OVERRIDE);
	assert_int_equal(rep->flips[2].override, SP_OVERRIDE_CLI);
	fixture_close(&f);
}

/*
 * HYBRID has four flips, nearest first; three are shown.  Data has to
 * grow past the rule that already fired: nothing left moves it.
 */
static void
test_flips_capped(void **state)
{
	fixture_run f;
	const sp_report *rep;
	int i;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, HYBRID, NULL);
	assert_int_equal(rep->winner, opt(rep, "alpha"));
	assert_int_equal(rep->nflips, 4);
	assert_int_equal(rep->nflips_shown, SP_REPORT_FLIPS);
	check_flip(rep, 0, "data", "beta", 1, SP_MOVER_NONE);
	check_flip(rep, 1, "push", "beta", -1, SP_MOVER_RAISED);
	check_flip(rep, 2, "speed", "beta", -1, SP_MOVER_RAISED);
	check_flip(rep, 3, "ease", "beta", 1, SP_MOVER_NONE);
	for (i = 1; i < rep->nflips; i++)
		assert_true(rep->flips[i - 1].flip->relative_change <=
		    rep->flips[i].flip->relative_change);
	assert_true(rep->analysis->hybrid);
	fixture_close(&f);
}

/*
 * A flip on a criterion that weighs 0 has no relative change: it is
 * named, but it is not the most critical.  A is ahead by 4 w1 - w2, so
 * c2 draws level at 4 w1, within 0..10 only while w1 is at most 2.5.
 */
static void
test_critical(void **state)
{
	fixture_run f;
	const sp_report *rep;

	(void)state;
	fixture_open(&f, fixture_two);
	rep = fixture_report(&f, "name: zero\n", NULL);
	assert_int_equal(rep->winner, 0);
	assert_int_equal(rep->nflips, 1);
	assert_int_equal(rep->nflips_shown, 1);
	check_flip(rep, 0, "c2", "b", 1, SP_MOVER_NONE);
	assert_true(fabs(rep->flips[0].flip->flip_weight - 4) < 1e-9);
	assert_true(isinf(rep->flips[0].flip->relative_change));
	assert_int_equal(rep->critical, -1);
	/* No single weight within 0..10 changes the answer. */
	rep = fixture_report(&f, "name: far\nweights: {c1: 3}\n", NULL);
	assert_int_equal(rep->winner, 0);
	assert_int_equal(rep->nflips, 0);
	assert_int_equal(rep->nflips_shown, 0);
	assert_int_equal(rep->critical, -1);
	fixture_close(&f);
}

/*
 * Every flip the report names is reachable: the weight past the point
 * where the rival draws level lies within 0..10, or the flip is marked
 * at_edge and worded as a tie.  With analytics: true, Beta leads Alpha
 * by 2(2-5) + 1(1-5) + 7(5-1) + 3(4-2) = 24 and speed draws Alpha level
 * at 2 + 24/3 = 10 exactly: Alpha only ties there.
 */
static void
test_flips_reachable(void **state)
{
	fixture_run f;
	const sp_report *rep;
	char bad[128] = "";
	int i;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, "name: plain\nanalytics: true\n", NULL);
	assert_int_equal(rep->winner, opt(rep, "beta"));
	for (i = 0; i < rep->nflips && bad[0] == '\0'; i++) {
		const sp_flip *fl = rep->flips[i].flip;

		/* At an end of the range the rival only draws level. */
		if (fl->at_edge)
			continue;
		if (rep->flips[i].direction > 0 ? !(fl->flip_weight <
		    SP_WEIGHT_MAX) : !(fl->flip_weight > SP_WEIGHT_MIN))
			snprintf(bad, sizeof(bad), "%s draws level at %g, "
			    "where it cannot move past",
			    rep->matrix->criteria[fl->criterion].id,
			    fl->flip_weight);
	}
	for (i = 0; i < rep->nflips; i++)
		if (rep->flips[i].flip->at_edge &&
		    rep->flips[i].flip->criterion == crit(rep, "speed"))
			break;
	assert_true(i < rep->nflips);
	fixture_close(&f);
	if (bad[0] != '\0')
		fail_msg("%s", bad);
}

/*
 * Eight criteria lead for A and against it (B's leads are the negated
 * weight x gap): c5 5, c1 4, c2 4, c3 3, c4 1 for A; c8 0; c6 1, c7 3,
 * c9 2, c10 4, c11 6 for B.  Four are told on each side, largest first,
 * equal leads in matrix order.
 */
static const char cap_matrix[] =
    "format: 1\nname: cap\nscale: {min: 1, max: 5}\n"
    "options: [{id: a, label: A}, {id: b, label: B}]\n"
    "criteria:\n"
    "  - {id: c1, label: C1, weight: 1, ratings: {a: {rating: 5, why: x}, "
    "b: {rating: 1, why: x}}}\n"
    "  - {id: c2, label: C2, weight: 1, ratings: {a: {rating: 5, why: x}, "
    "b: {rating: 1, why: x}}}\n"
    "  - {id: c3, label: C3, weight: 3, ratings: {a: {rating: 4, why: x}, "
    "b: {rating: 3, why: x}}}\n"
    "  - {id: c4, label: C4, weight: 1, ratings: {a: {rating: 2, why: x}, "
    "b: {rating: 1, why: x}}}\n"
    "  - {id: c5, label: C5, weight: 5, ratings: {a: {rating: 5, why: x}, "
    "b: {rating: 4, why: x}}}\n"
    "  - {id: c6, label: C6, weight: 1, ratings: {a: {rating: 1, why: x}, "
    "b: {rating: 2, why: x}}}\n"
    "  - {id: c7, label: C7, weight: 3, ratings: {a: {rating: 1, why: x}, "
    "b: {rating: 2, why: x}}}\n"
    "  - {id: c8, label: C8, weight: 1, ratings: {a: {rating: 3, why: x}, "
    "b: {rating: 3, why: x}}}\n"
    "  - {id: c9, label: C9, weight: 2, ratings: {a: {rating: 1, why: x}, "
    "b: {rating: 2, why: x}}}\n"
    "  - {id: c10, label: C10, weight: 4, ratings: {a: {rating: 1, why: x}, "
    "b: {rating: 2, why: x}}}\n"
    "  - {id: c11, label: C11, weight: 3, ratings: {a: {rating: 1, why: x}, "
    "b: {rating: 3, why: x}}}\n";

static void
test_reasons_capped(void **state)
{
	static const char *const pro[] = { "c5", "c1", "c2", "c3" };
	static const char *const con[] = { "c11", "c10", "c7", "c9" };
	fixture_run f;
	const sp_report *rep;
	int i;

	(void)state;
	fixture_open(&f, cap_matrix);
	rep = fixture_report(&f, "name: cap\n", NULL);
	/* 17 points for A against 16 for B, out of a total weight of 25. */
	assert_int_equal(rep->winner, 0);
	assert_true(fabs(rep->result->margin - 1.0 / 25) < 1e-12);
	assert_int_equal(rep->npro, SP_REPORT_REASONS);
	assert_int_equal(rep->ncon, SP_REPORT_REASONS);
	for (i = 0; i < SP_REPORT_REASONS; i++) {
		assert_int_equal(rep->pro[i], crit(rep, pro[i]));
		assert_int_equal(rep->con[i], crit(rep, con[i]));
	}
	fixture_close(&f);
}

/*
 * The weighted sum per option is what the criteria table adds up,
 * whatever method ranked: the sum of the contributions.  Reasons and the
 * lead follow the method's winner.
 */
static void
test_sums(void **state)
{
	static const double want[] = { 2.9, 3.3, 3.2 }; /* alpha beta gamma */
	static const char *const profiles[] = { PLAIN, DATA, HYBRID };
	fixture_run f;
	const sp_report *rep;
	sp_pipeline_opts o = { SP_METHOD_WSM, NULL, 0, NULL };
	int method, p, i, k;

	(void)state;
	fixture_open(&f, NULL);
	for (method = 0; method < SP_NMETHODS; method++) {
		o.method = (sp_method)method;
		for (p = 0; p < 3; p++) {
			const sp_result *r;

			rep = fixture_report(&f, profiles[p], &o);
			r = rep->result;
			for (i = 0; i < f.m->noptions; i++) {
				double sum = 0;

				for (k = 0; k < f.m->ncriteria; k++)
					sum += r->crit[k].contrib[i];
				assert_true(fabs(rep->sum[i] - sum) < 1e-12);
				if (method == SP_METHOD_WSM)
					assert_true(fabs(rep->sum[i] -
					    r->score[i]) < 1e-12);
				if (p == 0)
					assert_true(fabs(rep->sum[i] -
					    want[i]) < 1e-12);
			}
			assert_true(fabs(rep->sum_lead - (rep->sum[r->rank[0]] -
			    rep->sum[r->rank[1]])) < 1e-12);
		}
	}
	/* The weighted product ranks Gamma first on PLAIN: its weighted sum
	   trails, and the reasons are Gamma's against Beta. */
	o.method = SP_METHOD_WPM;
	rep = fixture_report(&f, PLAIN, &o);
	assert_int_equal(rep->winner, opt(rep, "gamma"));
	assert_int_equal(rep->runner_up, opt(rep, "beta"));
	assert_true(fabs(rep->sum_lead + 0.1) < 1e-12);
	assert_int_equal(rep->npro, 2);
	assert_int_equal(rep->pro[0], crit(rep, "speed"));
	assert_int_equal(rep->pro[1], crit(rep, "push"));
	assert_int_equal(rep->ncon, 1);
	assert_int_equal(rep->con[0], crit(rep, "data"));
	/* TOPSIS has no flip points; answers still flip it. */
	o.method = SP_METHOD_TOPSIS;
	rep = fixture_report(&f, PLAIN, &o);
	assert_int_equal(rep->nflips, 0);
	assert_int_equal(rep->nflips_shown, 0);
	assert_int_equal(rep->critical, -1);
	assert_true(rep->ntrait_flips_shown > 0);
	fixture_close(&f);
}

/*
 * A tie has no winner, reasons, flips or critical flip, even when the
 * report explained a result with all of them before.
 */
static void
test_tie(void **state)
{
	fixture_run f;
	const sp_report *rep;
	sp_profile tie;
	sp_error err;

	(void)state;
	fixture_open(&f, NULL);
	rep = fixture_report(&f, PLAIN, NULL);
	assert_true(rep->nflips > 0 && rep->npro > 0 && rep->critical == 0);
	fixture_profile(&tie, f.m, TIE3);
	assert_int_equal(sp_pipeline_run(f.pipe, &tie, "tie.yaml", &rep,
	    &err), SP_OK);
	assert_int_equal(rep->winner, -1);
	assert_int_equal(rep->ntied, 3);
	assert_string_equal(rep->title, "tie3");
	assert_int_equal(rep->runner_up, rep->result->rank[1]);
	assert_int_equal(rep->npro, 0);
	assert_int_equal(rep->ncon, 0);
	assert_int_equal(rep->nflips, 0);
	assert_int_equal(rep->nflips_shown, 0);
	assert_int_equal(rep->ntrait_flips_shown, 0);
	assert_int_equal(rep->critical, -1);
	assert_true(fabs(rep->sum_lead) < 1e-12);
	assert_int_equal(rep->analysis->label, SP_LABEL_CLOSE);
	/* Two of three tie. */
	rep = fixture_report(&f, "team: {alpha: 4, beta: 4, gamma: 1}\n"
	    "weights: {speed: 0, push: 0, data: 0, ease: 0}\n", NULL);
	assert_int_equal(rep->winner, -1);
	assert_int_equal(rep->ntied, 2);
	assert_string_equal(rep->title, "in.yaml");
	fixture_close(&f);
}

/* Gates: how many failed, and the baseline gate that has moves. */
static void
test_gates(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_pipeline_opts o = { SP_METHOD_WSM, NULL, 0, &spec };
	sp_baseline *base;
	sp_error err;
	fixture_run f;
	const sp_report *rep;
	char *saved;

	(void)state;
	fixture_open(&f, NULL);
	spec.expect = "gamma";
	spec.has_min_margin = 1;
	spec.min_margin = 0.05;
	rep = fixture_report(&f, PLAIN, &o);
	assert_non_null(rep->gates);
	assert_int_equal(rep->gates->ngates, 2);
	assert_int_equal(rep->gates_failed, 1);
	assert_null(rep->baseline);
	/* The same result saved as JSON: nothing moved, so no moves. */
	saved = fixture_render(sp_render_json, rep);
	assert_int_equal(sp_baseline_parse(&base, saved, strlen(saved),
	    "base.json", &err), SP_OK);
	memset(&spec, 0, sizeof(spec));
	spec.baseline = base;
	rep = fixture_report(&f, PLAIN, &o);
	assert_int_equal(rep->gates_failed, 0);
	assert_null(rep->baseline);
	/* analytics: true moves data's weight and lead; Beta still wins. */
	rep = fixture_report(&f, "name: plain\nanalytics: true\n", &o);
	assert_int_equal(rep->gates_failed, 0);
	assert_non_null(rep->baseline);
	assert_string_equal(rep->baseline->name, "baseline");
	assert_true(rep->baseline->nmoves > 0);
	assert_int_equal(rep->baseline->moves[0].criterion, crit(rep,
	    "data"));
	sp_baseline_free(base);
	free(saved);
	fixture_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_flips_none_and_rule),
		cmocka_unit_test(test_flips_raised),
		cmocka_unit_test(test_flips_override),
		cmocka_unit_test(test_flips_capped),
		cmocka_unit_test(test_critical),
		cmocka_unit_test(test_flips_reachable),
		cmocka_unit_test(test_reasons_capped),
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_tie),
		cmocka_unit_test(test_gates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
