/* Unit tests for the score stage (src/score.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/score.h"
#include "phrase.h"

/*
 * The hand-worked example.  Profile: load hi, n 1, team a 5, b 0.
 *   c1: base 2, +3 for load hi (the n/lo rule does not fire)  -> w 5
 *   c2: base 4                                                -> w 4
 *   team_fit: base 2, ratings from the team: a 1+4*5/5 = 5, b 1 -> w 2
 *   W = 11
 *   score(a) = (5*5 + 4*2 + 2*5) / 11 = 43/11
 *   score(b) = (5*1 + 4*4 + 2*1) / 11 = 23/11
 *   margin   = 20/11; leads: c1 20/11, c2 -8/11, team_fit 8/11
 */
static const char matrix_text[] =
    "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
    "traits:\n"
    "  - {id: load, type: enum, values: [lo, hi], default: lo}\n"
    "  - {id: n, type: integer, min: 0, max: 9, default: 1}\n"
    "criteria:\n"
    "  - id: c1\n    label: C1\n    weight: 2\n    ratings:\n"
    "      a: {rating: 5, why: x}\n      b: {rating: 1, why: y}\n"
    "    rules:\n      - {when: {load: hi}, add: 3, why: hi load}\n"
    "      - {when: [{n: {min: 5}}, {load: lo}], add: 1}\n"
    "      - {when: {load: hi, n: {min: 8}}, add: 9}\n"
    "  - id: c2\n    label: C2\n    weight: 4\n    ratings:\n"
    "      a: {rating: 2, why: x}\n      b: {rating: 4, why: y}\n"
    "  - {id: team_fit, label: Team, weight: 2, ratings_from: team}\n"
    "checklist:\n  - {text: always}\n  - {when: {load: lo}, text: lo}\n"
    "pitfalls:\n  - {option: a, text: pa}\n  - {option: b, text: pb}\n"
    "  - {when: {load: hi}, text: any}\n";

static sp_matrix *m;
static sp_result *r;

/* Source i of criterion k's weight, as every report words it. */
static sp_buf srcbuf = SP_BUF_INIT;

static const char *
source(int k, int i)
{
	sp_buf_clear(&srcbuf);
	phrase_source(&srcbuf, phrase_put_raw, r, k, i);
	return sp_buf_cstr(&srcbuf);
}

static int
setup(void **state)
{
	sp_error err;

	(void)state;
	if (sp_matrix_parse(&m, matrix_text, strlen(matrix_text), "m.yaml",
	    &err) != SP_OK)
		return -1;
	return sp_result_new(&r, m, &err) == SP_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sp_buf_free(&srcbuf);
	sp_result_free(r);
	sp_matrix_free(m);
	return 0;
}

static sp_status
score(sp_profile *p, const char *text, sp_error *err)
{
	sp_doc *doc;
	sp_status rc;

	sp_error_clear(err);
	rc = sp_doc_parse(&doc, text, strlen(text), "p.yaml", err);
	if (rc != SP_OK)
		return rc;
	rc = sp_profile_decode(p, m, doc, err);
	sp_doc_free(doc);
	return rc == SP_OK ? sp_score(r, m, p, err) : rc;
}

static void
test_hand_worked(void **state)
{
	sp_profile p;
	sp_error err;
	double sum;
	int k, o;

	(void)state;
	assert_int_equal(score(&p, "load: hi\nteam: {a: 5, b: 0}\n", &err),
	    SP_OK);
	assert_float_equal(r->total_weight, 11.0, 1e-12);
	assert_float_equal(r->crit[0].weight, 5.0, 1e-12);
	assert_float_equal(r->crit[2].rating[0], 5.0, 1e-12);
	assert_float_equal(r->crit[2].rating[1], 1.0, 1e-12);
	assert_float_equal(r->score[0], 43.0 / 11, 1e-12);
	assert_float_equal(r->score[1], 23.0 / 11, 1e-12);
	assert_int_equal(r->rank[0], 0);
	assert_int_equal(r->ntied, 1);
	assert_float_equal(r->margin, 20.0 / 11, 1e-12);
	assert_float_equal(r->crit[0].lead, 20.0 / 11, 1e-12);
	assert_float_equal(r->crit[1].lead, -8.0 / 11, 1e-12);
	assert_float_equal(r->crit[2].lead, 8.0 / 11, 1e-12);
	assert_int_equal(r->by_lead[0], 0);
	assert_int_equal(r->by_lead[1], 2);
	assert_int_equal(r->by_lead[2], 1);
	/* Contributions add up exactly to the scores. */
	for (o = 0; o < 2; o++) {
		sum = 0;
		for (k = 0; k < m->ncriteria; k++)
			sum += r->crit[k].contrib[o];
		assert_true(sum == r->score[o]);
	}
	/* The weight is traced to what set it. */
	assert_int_equal(r->crit[0].nfrom, 2);
	assert_string_equal(source(0, 0), "base");
	assert_float_equal(r->crit[0].from[0].delta, 2.0, 0);
	assert_string_equal(source(0, 1), "load: hi");
	assert_string_equal(r->crit[0].from[1].why, "hi load");
	assert_null(r->crit[0].from[0].why);
	assert_float_equal(r->crit[0].from[1].delta, 3.0, 0);
	/* Advice: the winner's pitfalls and the unconditional ones. */
	assert_int_equal(r->nchecklist, 1);
	assert_string_equal(r->checklist[0]->text, "always");
	assert_int_equal(r->npitfalls, 2);
	assert_string_equal(r->pitfalls[0]->text, "pa");
	assert_string_equal(r->pitfalls[1]->text, "any");
	assert_int_equal(r->nnotes, 0);
}

static void
test_any_clause_and_all_terms(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	/* n >= 5 fires the second rule through its first clause. */
	assert_int_equal(score(&p, "load: hi\nn: 6\n", &err), SP_OK);
	assert_float_equal(r->crit[0].weight, 6.0, 0);
	assert_string_equal(source(0, 2), "n: 6");
	/* Both terms of one clause: 2 + 3 + 1 + 9 = 15, clamped to 10. */
	assert_int_equal(score(&p, "load: hi\nn: 8\n", &err), SP_OK);
	assert_float_equal(r->crit[0].weight, 10.0, 0);
	assert_true(r->crit[0].clamped);
	assert_string_equal(source(0, 3), "load: hi, n: 8");
}

static void
test_team_missing_is_neutral(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	assert_int_equal(score(&p, "{}", &err), SP_OK);
	assert_float_equal(r->crit[2].rating[0], 3.0, 0);
	assert_float_equal(r->crit[2].rating[1], 3.0, 0);
	assert_float_equal(r->crit[2].lead, 0.0, 0);
	assert_int_equal(r->nnotes, 1);
	assert_int_equal(r->note[0].kind, SP_NOTE_NO_TEAM);
	assert_int_equal(r->note[0].criterion, 2);
	/* Given for one option only: the other counts as no skill. */
	assert_int_equal(score(&p, "team: {b: 5}\n", &err), SP_OK);
	assert_float_equal(r->crit[2].rating[0], 1.0, 0);
	assert_float_equal(r->crit[2].rating[1], 5.0, 0);
}

static void
test_tie_is_reported(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	/* a: 1*5 + 2*2 = 9, b: 1*1 + 2*4 = 9. */
	assert_int_equal(score(&p, "weights: {c1: 1, c2: 2, team_fit: 0}\n",
	    &err), SP_OK);
	assert_int_equal(r->ntied, 2);
	assert_float_equal(r->margin, 0.0, 0);
	assert_int_equal(r->nnotes, 1);
	assert_int_equal(r->note[0].kind, SP_NOTE_TIE);
	/* Pitfalls of both tied options apply. */
	assert_int_equal(r->npitfalls, 2);
	assert_int_equal(r->crit[0].override, SP_OVERRIDE_PROFILE);
	assert_string_equal(source(0, 0), "weights in profile");
	/* What the rules would have given: base 2, +1 for load lo. */
	assert_float_equal(r->crit[0].derived, 3.0, 0);
}

static void
test_zero_weights(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	assert_int_equal(score(&p, "weights: {c1: 0, c2: 0, team_fit: 0}\n",
	    &err), SP_EDATA);
	assert_non_null(strstr(err.message, "every criterion weighs 0"));
}

static void
test_cli_override_wins(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	assert_int_equal(score(&p, "weights: {c2: 1}\n", &err), SP_OK);
	assert_int_equal(sp_profile_set_weight(&p, m, "c2=9", &err), SP_OK);
	assert_int_equal(sp_score(r, m, &p, &err), SP_OK);
	assert_float_equal(r->crit[1].weight, 9.0, 0);
	assert_string_equal(source(1, 0), "--weight");
	assert_int_equal(r->rank[0], 1);
}

/* Scores profile text against the matrix text of its own into *rp. */
static void
score_own(sp_matrix **mp, sp_result **rp, const char *matrix,
    sp_method method)
{
	sp_profile p;
	sp_doc *doc;
	sp_error err;

	assert_int_equal(sp_matrix_parse(mp, matrix, strlen(matrix),
	    "own.yaml", &err), SP_OK);
	assert_int_equal(sp_result_new(rp, *mp, &err), SP_OK);
	assert_int_equal(sp_doc_parse(&doc, "{}", 2, "p.yaml", &err), SP_OK);
	assert_int_equal(sp_profile_decode(&p, *mp, doc, &err), SP_OK);
	sp_doc_free(doc);
	(*rp)->method = method;
	assert_int_equal(sp_score(*rp, *mp, &p, &err), SP_OK);
	(*rp)->profile = NULL;
}

/*
 * Ties on a tiny scale, 0..0.001.  Scores a relative 1e-6 apart are not
 * a tie: the tolerance is a billionth of the span (1e-12 here), not of
 * 1.  Scores equal but for rounding are: a = (1e-4 + 2 * 7e-4) / 3 and
 * b = 5e-4.
 */
static void
test_tie_on_tiny_scale(void **state)
{
	static const char apart[] =
	    "format: 1\nname: tiny\nscale: {min: 0, max: 0.001}\n"
	    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "criteria:\n  - {id: c, label: C, weight: 1, ratings: "
	    "{a: {rating: 0.0005, why: x}, b: {rating: 0.0005000005, "
	    "why: x}}}\n";
	static const char level[] =
	    "format: 1\nname: tiny\nscale: {min: 0, max: 0.001}\n"
	    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "criteria:\n  - {id: c1, label: C1, weight: 1, ratings: "
	    "{a: {rating: 0.0001, why: x}, b: {rating: 0.0005, why: x}}}\n"
	    "  - {id: c2, label: C2, weight: 2, ratings: "
	    "{a: {rating: 0.0007, why: x}, b: {rating: 0.0005, why: x}}}\n";
	sp_matrix *tm;
	sp_result *tr;
	int meth;

	(void)state;
	for (meth = 0; meth < SP_NMETHODS; meth++) {
		score_own(&tm, &tr, apart, (sp_method)meth);
		assert_int_equal(tr->ntied, 1);
		assert_int_equal(tr->rank[0], 1);
		assert_true(tr->margin > 0);
		sp_result_free(tr);
		sp_matrix_free(tm);
	}
	score_own(&tm, &tr, level, SP_METHOD_WSM);
	assert_int_equal(tr->ntied, 2);
	assert_float_equal(tr->margin, 0, 0);
	sp_result_free(tr);
	sp_matrix_free(tm);
	assert_true(sp_score_tied_on(5e-4, 5e-4 * (1 + 1e-13), 1e-3));
	assert_false(sp_score_tied_on(5e-4, 5e-4 * (1 + 1e-6), 1e-3));
	assert_true(sp_score_tied_on(3, 3 + 4e-9, 4));
	assert_false(sp_score_tied_on(3, 3 + 5e-9, 4));
}

/*
 * Ranking is a real sort.  Three options 3e-9 apart on 1..5 (the
 * tolerance there is 4e-9): c is on top, b ties with it, a does not,
 * and the scores are listed best first.  Before, each pair was compared
 * with the tolerance, which is not transitive, and the list came out of
 * order.
 */
static void
test_rank_is_sorted(void **state)
{
	static const char close3[] =
	    "format: 1\nname: close\nscale: {min: 1, max: 5}\n"
	    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "  - {id: c, label: C}\n"
	    "criteria:\n  - {id: k, label: K, weight: 1, ratings: "
	    "{a: {rating: 3, why: x}, b: {rating: 3.000000003, why: x}, "
	    "c: {rating: 3.000000006, why: x}}}\n";
	sp_matrix *tm;
	sp_result *tr;
	int meth, i;

	(void)state;
	for (meth = 0; meth < SP_NMETHODS; meth++) {
		score_own(&tm, &tr, close3, (sp_method)meth);
		for (i = 0; i + 1 < tm->noptions; i++)
			assert_true(tr->score[tr->rank[i]] >=
			    tr->score[tr->rank[i + 1]]);
		if (meth != SP_METHOD_TOPSIS) {
			assert_int_equal(tr->rank[0], 2);
			assert_int_equal(tr->rank[1], 1);
			assert_int_equal(tr->rank[2], 0);
			assert_int_equal(tr->ntied, 2);
		}
		sp_result_free(tr);
		sp_matrix_free(tm);
	}
}

/* The method table names, parses and scores every method. */
static void
test_method_table(void **state)
{
	const sp_method_info *info;
	sp_profile p;
	sp_error err;
	size_t n, i;
	double x;

	(void)state;
	info = sp_methods(&n);
	assert_int_equal(n, SP_NMETHODS);
	for (i = 0; i < n; i++) {
		assert_int_equal(info[i].method, (sp_method)i);
		assert_ptr_equal(sp_method_info_get((sp_method)i), &info[i]);
		assert_string_equal(sp_method_name((sp_method)i), info[i].id);
		assert_int_equal(sp_method_parse(info[i].id), (int)i);
		assert_non_null(info[i].score);
		assert_true(!info[i].linear || (info[i].value != NULL &&
		    info[i].unvalue != NULL));
		/* value_is_rating lets the draws skip value(): it must
		 * hold for every rating, in and out of the scale. */
		assert_true(!info[i].value_is_rating || info[i].linear);
		for (x = -2.5; info[i].value_is_rating && x <= 7.5; x += 0.25)
			assert_true(info[i].value(m, x) == x);
	}
	assert_string_equal(info[SP_METHOD_WSM].id, "wsm");
	assert_string_equal(info[SP_METHOD_WPM].label, "weighted product");
	assert_true(info[SP_METHOD_WSM].is_sum);
	assert_false(info[SP_METHOD_WPM].is_sum);
	assert_false(info[SP_METHOD_TOPSIS].linear);
	assert_int_equal(sp_method_parse("ahp"), -1);
	/* The derived weight is the one sp_score() reports. */
	assert_int_equal(score(&p, "load: hi\nn: 6\n", &err), SP_OK);
	assert_float_equal(sp_weight_derived(&m->criteria[0], &p, m), 6, 0);
	assert_float_equal(r->crit[0].derived, 6, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_worked),
		cmocka_unit_test(test_any_clause_and_all_terms),
		cmocka_unit_test(test_team_missing_is_neutral),
		cmocka_unit_test(test_tie_is_reported),
		cmocka_unit_test(test_zero_weights),
		cmocka_unit_test(test_cli_override_wins),
		cmocka_unit_test(test_tie_on_tiny_scale),
		cmocka_unit_test(test_rank_is_sorted),
		cmocka_unit_test(test_method_table),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
