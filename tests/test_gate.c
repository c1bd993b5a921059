/* Unit tests for the gates (src/gate.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/gate.h"
#include "stackpick/render.h"

static sp_matrix *m;
static sp_result *r;
static sp_report *rep;
static sp_gates *g;
static sp_profile p;

#define CHAT "name: chat\nfrontend: javascript\nrealtime: true\n" \
    "io_load: high\nconcurrency: 20000\n"
#define ML "name: ml\nml: heavy\ndata_pipelines: true\n" \
    "team: {python: 5, nodejs: 1}\n"

static void
score(const char *text)
{
	sp_doc *doc;
	sp_error err;

	assert_int_equal(sp_doc_parse(&doc, text, strlen(text), "p.yaml",
	    &err), SP_OK);
	assert_int_equal(sp_profile_decode(&p, m, doc, &err), SP_OK);
	sp_doc_free(doc);
	assert_int_equal(sp_score(r, m, &p, &err), SP_OK);
}

/* The JSON result for the profile in text, as --format json prints it. */
static char *
saved(const char *text, const char *input)
{
	json_t *j;
	char *s;

	score(text);
	sp_report_explain(rep, r, input, NULL);
	j = sp_report_json(rep);
	assert_non_null(j);
	s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(
	    SP_JSON_PRECISION));
	json_decref(j);
	assert_non_null(s);
	return s;
}

static int
setup(void **state)
{
	sp_error err;

	(void)state;
	if (sp_matrix_builtin(&m, &err) != SP_OK ||
	    sp_result_new(&r, m, &err) != SP_OK ||
	    sp_report_new(&rep, m, &err) != SP_OK)
		return -1;
	return sp_gates_new(&g, m, &err) == SP_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sp_gates_free(g);
	sp_report_free(rep);
	sp_result_free(r);
	sp_matrix_free(m);
	return 0;
}

static void
test_none(void **state)
{
	sp_gate_spec spec = { 0 };

	(void)state;
	score(CHAT);
	sp_gates_eval(g, &spec, r, "in.yaml");
	assert_int_equal(g->ngates, 0);
	assert_int_equal(g->failed, 0);
	sp_gates_eval(g, NULL, r, "in.yaml");
	assert_int_equal(g->ngates, 0);
}

static void
test_expect(void **state)
{
	sp_gate_spec spec = { 0 };

	(void)state;
	score(CHAT);
	spec.expect = "js";
	sp_gates_eval(g, &spec, r, "in.yaml");
	assert_int_equal(g->ngates, 1);
	assert_string_equal(g->gate[0].name, "expect");
	assert_true(g->gate[0].passed);
	assert_string_equal(g->gate[0].detail,
	    "recommended nodejs, as expected");
	spec.expect = "python";
	sp_gates_eval(g, &spec, r, "in.yaml");
	assert_false(g->gate[0].passed);
	assert_int_equal(g->failed, 1);
	assert_string_equal(g->gate[0].detail,
	    "recommended nodejs, expected python");
}

static void
test_min_margin(void **state)
{
	sp_gate_spec spec = { 0 };

	(void)state;
	score(CHAT);
	spec.has_min_margin = 1;
	spec.min_margin = r->margin;
	sp_gates_eval(g, &spec, r, "in.yaml");
	assert_true(g->gate[0].passed);
	assert_string_equal(g->gate[0].name, "min_margin");
	spec.min_margin = r->margin + 0.01;
	sp_gates_eval(g, &spec, r, "in.yaml");
	assert_false(g->gate[0].passed);
	assert_non_null(strstr(g->gate[0].detail, "is below the minimum of"));
	spec.min_margin = 0;
	sp_gates_eval(g, &spec, r, "in.yaml");
	assert_true(g->gate[0].passed);
}

static void
test_baseline(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_baseline *b;
	sp_error err;
	char *ml = saved(ML, "ml.yaml");
	int i;

	(void)state;
	assert_int_equal(sp_baseline_parse(&b, ml, strlen(ml), "base.json",
	    &err), SP_OK);
	spec.baseline = b;
	/* The same profile: nothing moved. */
	score(ML);
	sp_gates_eval(g, &spec, r, "ml.yaml");
	assert_true(g->gate[0].passed);
	assert_int_equal(g->gate[0].nmoves, 0);
	/* Another profile: the recommendation changed; moves are sorted. */
	score(CHAT);
	sp_gates_eval(g, &spec, r, "chat.yaml");
	assert_false(g->gate[0].passed);
	assert_true(g->gate[0].nmoves > 1);
	assert_non_null(strstr(g->gate[0].detail,
	    "recommendation changed from python to nodejs since base.json"));
	for (i = 1; i < g->gate[0].nmoves; i++) {
		const sp_move *a = &g->gate[0].moves[i - 1];
		const sp_move *c = &g->gate[0].moves[i];

		assert_true(fabs(a->lead_after - a->lead_before) + 1e-9 >=
		    fabs(c->lead_after - c->lead_before));
	}
	sp_baseline_free(b);
	free(ml);
}

static void
test_baseline_lines(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_baseline *b;
	sp_error err;
	char *a = saved(ML, "ml.yaml"), *c = saved(CHAT, "chat.yaml");
	char *buf = malloc(strlen(a) + strlen(c) + 200);

	(void)state;
	/* Two results and an error object, as JSON Lines. */
	sprintf(buf, "%s\n{\"schema_version\":1,\"input\":\"x\",\"error\":{}}\n"
	    "%s\n", a, c);
	assert_int_equal(sp_baseline_parse(&b, buf, strlen(buf), "b.jsonl",
	    &err), SP_OK);
	spec.baseline = b;
	score(CHAT);
	sp_gates_eval(g, &spec, r, "chat.yaml");
	assert_true(g->gate[0].passed);
	sp_gates_eval(g, &spec, r, "other.yaml");
	assert_false(g->gate[0].passed);
	assert_string_equal(g->gate[0].detail,
	    "b.jsonl holds no result for other.yaml");
	sp_baseline_free(b);
	free(buf);
	free(a);
	free(c);
}

static void
bad(const char *text, int line, int column, const char *message)
{
	sp_baseline *b = (sp_baseline *)1;
	sp_error err;

	assert_int_equal(sp_baseline_parse(&b, text, strlen(text), "b.json",
	    &err), SP_EDATA);
	assert_null(b);
	assert_string_equal(err.file, "b.json");
	assert_int_equal(err.line, line);
	if (column > 0)
		assert_int_equal(err.column, column);
	assert_non_null(strstr(err.message, message));
}

static void
test_baseline_bad(void **state)
{
	(void)state;
	bad("", 0, 0, "holds no stackpick result");
	bad("{\"a\": 1,\n  \"b\": }", 2, 0, "");
	bad("[1, 2]", 1, 1, "expected a JSON object");
	bad("{\"schema_version\": 2}", 1, 1, "schema_version 1");
	bad("\n\n  {\"schema_version\": 1, \"input\": \"x\"}", 3, 3,
	    "lacks input, recommendation or criteria");
	bad("{\"schema_version\": 1, \"input\": \"x\", \"recommendation\": "
	    "{\"option\": null, \"margin\": 0}, \"criteria\": [{\"id\": 1}]}",
	    1, 1, "criterion 1 lacks");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_expect),
		cmocka_unit_test(test_min_margin),
		cmocka_unit_test(test_baseline),
		cmocka_unit_test(test_baseline_lines),
		cmocka_unit_test(test_baseline_bad),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
