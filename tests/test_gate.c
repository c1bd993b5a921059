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
#include "internal.h"

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


/*
 * Whatever the bytes of the file names, every gate is in the result and
 * its detail is whole and valid UTF-8, so that it can be shown as JSON.
 */
static void
test_detail_utf8(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_baseline *b;
	sp_error err;
	char *a = saved(ML, "ml.yaml"), *c = saved(CHAT, "chat.yaml");
	char *buf = malloc(strlen(a) + strlen(c) + 2);
	char name[1200], input[64];
	json_t *j, *gates;
	int i;

	(void)state;
	sprintf(buf, "%s\n%s", a, c);
	/* 300 two-byte characters, then bytes that are not UTF-8. */
	name[0] = '\0';
	for (i = 0; i < 300; i++)
		strcat(name, "\xc3\xa9");
	strcat(name, "\xff\xe2\x82.json");
	assert_int_equal(sp_baseline_parse(&b, buf, strlen(buf), name, &err),
	    SP_OK);
	spec.baseline = b;
	spec.expect = "py\xf0\x9f";
	snprintf(input, sizeof(input), "in\xc3.yaml");
	score(CHAT);
	sp_gates_eval(g, &spec, r, input);
	assert_int_equal(g->ngates, 2);
	assert_int_equal(g->failed, 2);
	for (i = 0; i < 2; i++)
		assert_true(sp_utf8_valid(g->gate[i].detail));
	assert_non_null(strstr(g->gate[0].detail,
	    "'py\xef\xbf\xbd\xef\xbf\xbd' is not"));
	assert_non_null(strstr(g->gate[1].detail, "\xc3\xa9\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd.json holds no result for "
	    "in\xef\xbf\xbd.yaml"));
	assert_true(strlen(g->gate[1].detail) > 600);
	sp_report_explain(rep, r, input, g);
	j = sp_report_json(rep);
	assert_non_null(j);
	gates = json_object_get(j, "gates");
	assert_int_equal(json_array_size(gates), 2);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(gates, 1), "name")), "baseline");
	json_decref(j);
	sp_baseline_free(b);
	free(buf);
	free(a);
	free(c);
}

/* A byte order mark before the first result is skipped, as in profiles. */
static void
test_baseline_bom(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_baseline *b;
	sp_error err;
	char *ml = saved(ML, "ml.yaml");
	char *buf = malloc(strlen(ml) + 4);

	(void)state;
	sprintf(buf, "\xEF\xBB\xBF%s", ml);
	assert_int_equal(sp_baseline_parse(&b, buf, strlen(buf), "b.json",
	    &err), SP_OK);
	spec.baseline = b;
	score(ML);
	sp_gates_eval(g, &spec, r, "ml.yaml");
	assert_true(g->gate[0].passed);
	sp_baseline_free(b);
	free(buf);
	free(ml);
}

/* A result saved with another matrix compares nothing: the gate fails. */
static void
test_baseline_other_matrix(void **state)
{
	static const char other[] = "{\"schema_version\": 1, \"input\": "
	    "\"x.yaml\", \"recommendation\": {\"option\": \"nodejs\", "
	    "\"margin\": 1}, \"criteria\": [{\"id\": \"speed\", \"weight\": "
	    "1, \"lead\": 0, \"ratings\": {}}]}";
	sp_gate_spec spec = { 0 };
	sp_baseline *b;
	sp_error err;

	(void)state;
	assert_int_equal(sp_baseline_parse(&b, other, strlen(other),
	    "b.json", &err), SP_OK);
	spec.baseline = b;
	score(CHAT);
	sp_gates_eval(g, &spec, r, "x.yaml");
	assert_false(g->gate[0].passed);
	assert_int_equal(g->gate[0].nmoves, 0);
	assert_non_null(strstr(g->gate[0].detail, "b.json was saved with "
	    "another matrix, so nothing compares: 'speed' is not a criterion "
	    "of this matrix, b.json has no criterion '"));
	assert_non_null(strstr(g->gate[0].detail, "more"));
	sp_baseline_free(b);
}

/* Many documents are located from where the previous one ended. */
static void
test_baseline_located(void **state)
{
	char *text, *p;
	size_t i, n = 200000;

	(void)state;
	bad("{\"error\": 1}\n{\"error\": 1}\n  {\"a\" 1}", 3, 8, "':' expected");
	bad("\xEF\xBB\xBF{\"a\": }", 1, 7, "");
	bad("{\"error\": \"\xc3\xa9\xc3\xa9\"} {\"a\" 1}", 1, 22, "");
	bad("{\"schema_version\": 1, \"input\": \"x\", \"recommendation\": "
	    "{\"option\": null, \"margin\": 0}, \"criteria\": []}",
	    1, 1, "result has no criteria");
	/* More values in one document than a tree may hold. */
	text = malloc(n * 2 + 16);
	p = text + sprintf(text, "\n {\"a\": [");
	for (i = 0; i < n; i++)
		p += sprintf(p, "0,");
	strcpy(p - 1, "]}");
	bad(text, 2, 0, "more than 131072 values in one document");
	free(text);
}

/* A report given as a baseline is told for what it is. */
static void
test_baseline_wrong_kind(void **state)
{
	(void)state;
	bad("# realtime-chat: NodeJS recommended\n", 1, 1, "this looks like "
	    "a Markdown report, not JSON: a baseline is the JSON that "
	    "stackpick --format json wrote ('[' or '{' expected near '#')");
	bad("realtime-chat: NodeJS recommended\n", 1, 1, "this is text, not "
	    "JSON: a baseline is the JSON that stackpick --format json wrote");
	/* A JSON error inside a document keeps jansson's own words. */
	bad("{\"schema_version\": 1,\n", 2, 0, "");
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
		cmocka_unit_test(test_detail_utf8),
		cmocka_unit_test(test_baseline_bom),
		cmocka_unit_test(test_baseline_other_matrix),
		cmocka_unit_test(test_baseline_located),
		cmocka_unit_test(test_baseline_wrong_kind),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
