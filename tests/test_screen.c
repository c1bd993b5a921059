/*
 * Unit tests for the screen stage (src/screen.c) and the evidence behind
 * ratings (src/evidence.c): musts that screen options out before
 * scoring, what relaxing one would bring back, the cases where fewer
 * than two options pass, and the stale and disagreeing evidence a report
 * names.  Everything runs on small matrices of the tests' own, below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/evidence.h"
#include "stackpick/screen.h"
#include "fixture.h"

/*
 * Three options.  With no must, Alpha wins on speed (weight 3): Alpha
 * (3*9 + 1*2)/4 = 7.25, Beta (3*5 + 1*6)/4 = 5.25, Gamma (3*2 +
 * 1*9)/4 = 3.75.  Alpha rates 2 on ease, so "must: {ease: 5}" screens
 * it out and Beta wins; relaxing that must brings Alpha back to win.
 */
#define MATRIX \
	"format: 1\nname: queues\nscale: {min: 0, max: 10}\n" \
	"stale_after: 3y\n" \
	"options:\n  - {id: alpha, label: Alpha}\n" \
	"  - {id: beta, label: Beta}\n  - {id: gamma, label: Gamma}\n" \
	"traits:\n  - {id: cloud, type: boolean, default: false}\n" \
	"musts:\n  - {when: {cloud: true}, exclude: gamma, " \
	"why: \"no managed Gamma\"}\n" \
	"criteria:\n" \
	"  - id: speed\n    label: Speed\n    weight: 3\n    ratings:\n" \
	"      alpha:\n        rating: 9\n        why: fast\n" \
	"        evidence:\n" \
	"          - claim: old benchmark\n" \
	"            source: {title: Old bench, date: 2001-05}\n" \
	"            figure: 9000 msg/s\n            favours: alpha\n" \
	"          - claim: new benchmark\n" \
	"            source: {title: New bench, url: \"https://example.org/b\"," \
	" date: 2025-12-21}\n" \
	"            favours: beta\n            stale_after: 1y\n" \
	"      beta: {rating: 5, why: middling}\n" \
	"      gamma: {rating: 2, why: slow}\n" \
	"  - id: ease\n    label: Ease\n    weight: 1\n    ratings:\n" \
	"      alpha: {rating: 2, why: hard}\n" \
	"      beta: {rating: 6, why: fair}\n" \
	"      gamma: {rating: 9, why: easy}\n"

/* 2026-01-01 and 2000-01-01, in days since 1970-01-01. */
#define DAY_2026 20454L
#define DAY_2000 10957L

static char *
render(sp_render_fn *fn, const sp_report *rep)
{
	return fixture_render(fn, rep);
}

static void
test_min_screens_and_relax(void **state)
{
	fixture_run f;
	const sp_report *rep;
	char *text, *md, *json;

	(void)state;
	fixture_open(&f, MATRIX);
	rep = fixture_report(&f, "name: q\nmust: {ease: 5}\n", NULL);
	assert_int_equal(rep->decided, SP_DECIDED_SCORE);
	assert_non_null(rep->screen);
	assert_int_equal(rep->matrix->noptions, 2);
	assert_string_equal(rep->matrix->options[rep->winner].id, "beta");
	assert_int_equal(rep->screen->nout, 1);
	assert_int_equal(rep->screen->out[0].option, 0);
	assert_int_equal(rep->screen->nrelax, 1);
	assert_int_equal(rep->screen->relax[0].winner, 0);
	assert_true(rep->screen->relax[0].wins);
	/* The analysis runs on the two options left. */
	assert_non_null(rep->analysis);
	assert_int_equal(rep->analysis->winner, rep->winner);
	text = render(sp_render_text, rep);
	md = render(sp_render_markdown, rep);
	json = render(sp_render_json, rep);
	assert_non_null(strstr(text, "Alpha fails Ease rated at least 5."));
	assert_non_null(strstr(text, "would bring Alpha back, and Alpha"));
	assert_non_null(strstr(md, "- Out: Alpha fails Ease rated at least"));
	assert_non_null(strstr(json, "\"brings_back\":[\"alpha\"]"));
	assert_null(strstr(text, "Alpha 7.25"));
	free(text);
	free(md);
	free(json);
	fixture_close(&f);
}

static void
test_nothing_passes(void **state)
{
	fixture_run f;
	const sp_report *rep;
	char *text, *json;

	(void)state;
	fixture_open(&f, MATRIX);
	rep = fixture_report(&f, "require: {alpha: \"the code base is "
	    "Alpha\"}\nmust: {ease: 7}\n", NULL);
	assert_int_equal(rep->decided, SP_DECIDED_NONE);
	assert_null(rep->result);
	assert_int_equal(rep->screen->nout, 3);
	/* Alpha fails only the rating; Beta and Gamma fail the requirement
	   (and Beta the rating too). */
	assert_int_equal(rep->screen->nrelax, 2);
	text = render(sp_render_text, rep);
	json = render(sp_render_json, rep);
	assert_non_null(strstr(text, "no option meets every must"));
	assert_non_null(strstr(text, "would bring Alpha back as the only"));
	assert_non_null(strstr(json, "\"decided\":\"none\""));
	free(text);
	free(json);
	fixture_close(&f);
}

static void
test_matrix_must_and_only(void **state)
{
	fixture_run f;
	const sp_report *rep;

	(void)state;
	fixture_open(&f, MATRIX);
	rep = fixture_report(&f, "cloud: true\n", NULL);
	assert_int_equal(rep->screen->nmusts, 1);
	assert_int_equal(rep->screen->musts[0].from, SP_MUST_FROM_MATRIX);
	assert_int_equal(rep->screen->out[0].option, 2);
	rep = fixture_report(&f, "cloud: true\nexclude: {beta: \"retired\"}\n",
	    NULL);
	assert_int_equal(rep->decided, SP_DECIDED_ONLY);
	assert_string_equal(rep->full->options[rep->only].id, "alpha");
	/* No must: the screen is silent and every option is scored. */
	rep = fixture_report(&f, "name: plain\n", NULL);
	assert_null(rep->screen);
	assert_int_equal(rep->matrix->noptions, 3);
	fixture_close(&f);
}

/* Decodes yaml against MATRIX and returns the error it gives. */
static void
refused(const char *yaml, const char *want)
{
	sp_matrix *m = fixture_matrix(MATRIX);
	sp_profile p;
	sp_error err;

	sp_error_clear(&err);
	assert_int_equal(sp_pipeline_parse(&p, m, yaml, strlen(yaml), "p.yaml",
	    &err), SP_EDATA);
	if (strstr(err.message, want) == NULL)
		fail_msg("'%s' not in '%s'", want, err.message);
	sp_matrix_free(m);
}

static void
test_bad_musts(void **state)
{
	(void)state;
	refused("must: {eese: 4}\n", "did you mean 'ease'");
	refused("exclude: {alfa: x}\n", "did you mean 'alpha'");
	refused("must: {ease: 11}\n", "out of range");
	refused("exclude: {alpha: x}\nrequire: {alpha: y}\n",
	    "already excluded");
	refused("exclude: {alpha: \"\"}\n", "give the reason");
}

static void
test_evidence_stale_and_disagree(void **state)
{
	fixture_run f;
	const sp_report *rep;
	char *text;
	int i, stale = 0, disagree = 0;

	(void)state;
	fixture_open(&f, MATRIX);
	rep = fixture_report(&f, "name: q\n", NULL);
	sp_pipeline_set_today(f.pipe, DAY_2026);
	assert_int_equal(sp_pipeline_run(f.pipe, &f.prof, "in.yaml", &rep,
	    NULL), SP_OK);
	for (i = 0; i < rep->nevidence; i++) {
		stale += rep->evidence[i].kind == SP_EVIDENCE_STALE;
		disagree += rep->evidence[i].kind == SP_EVIDENCE_DISAGREE;
	}
	assert_int_equal(stale, 1);
	assert_int_equal(disagree, 1);
	text = render(sp_render_text, rep);
	assert_non_null(strstr(text, "rests on a claim from 2001-05"));
	assert_non_null(strstr(text, "newer evidence disagrees: New bench"));
	assert_non_null(strstr(text, "The evidence on Speed disagrees"));
	free(text);
	/* In 2000 nothing was stale yet. */
	sp_pipeline_set_today(f.pipe, DAY_2000);
	assert_int_equal(sp_pipeline_run(f.pipe, &f.prof, "in.yaml", &rep,
	    NULL), SP_OK);
	for (i = 0; i < rep->nevidence; i++)
		assert_int_not_equal(rep->evidence[i].kind, SP_EVIDENCE_STALE);
	fixture_close(&f);
}

static void
test_dates_and_horizons(void **state)
{
	sp_date d;
	sp_horizon h;
	const char *why;

	(void)state;
	assert_int_equal(sp_date_parse("2025-12-21", &d), 0);
	assert_int_equal(sp_date_days(d), 20443);
	assert_int_equal(sp_date_parse("2024-02-29", &d), 0);
	assert_int_equal(sp_date_parse("2025-02-29", &d), -1);
	assert_int_equal(sp_date_parse("2025-13", &d), -1);
	assert_int_equal(sp_date_parse("25", &d), -1);
	assert_int_equal(sp_date_parse("2025", &d), 0);
	assert_int_equal(sp_date_days(d), 20453); /* 2025-12-31 */
	assert_int_equal(sp_horizon_parse("3y", &h, &why), 0);
	assert_int_equal(h.n, 3);
	assert_int_equal(sp_horizon_parse("0y", &h, &why), -1);
	assert_int_equal(sp_horizon_parse("3 years", &h, &why), -1);
	assert_int_equal(sp_horizon_parse("101y", &h, &why), -1);
}

/* Loads yaml as a matrix and checks the error it gives. */
static void
bad_matrix(const char *from, const char *to, const char *want)
{
	char buf[4096];
	const char *at = strstr(MATRIX, from);
	sp_matrix *m = NULL;
	sp_error err;

	assert_non_null(at);
	snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(at - MATRIX), MATRIX, to,
	    at + strlen(from));
	sp_error_clear(&err);
	assert_int_equal(sp_matrix_parse(&m, buf, strlen(buf), "m.yaml", &err),
	    SP_EDATA);
	if (strstr(err.message, want) == NULL || err.line == 0)
		fail_msg("'%s' not in '%s' (line %d)", want, err.message,
		    err.line);
}

static void
test_bad_evidence(void **state)
{
	(void)state;
	bad_matrix("date: 2001-05", "date: 2001-5", "not an ISO date");
	bad_matrix("https://example.org/b", "example.org", "not an http");
	bad_matrix("stale_after: 3y", "stale_after: three", "stale_after");
	bad_matrix("favours: beta", "favours: betta", "did you mean 'beta'");
	bad_matrix("exclude: gamma", "exclude: gama", "did you mean 'gamma'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_min_screens_and_relax),
		cmocka_unit_test(test_nothing_passes),
		cmocka_unit_test(test_matrix_must_and_only),
		cmocka_unit_test(test_bad_musts),
		cmocka_unit_test(test_evidence_stale_and_disagree),
		cmocka_unit_test(test_dates_and_horizons),
		cmocka_unit_test(test_bad_evidence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
