/* Unit tests for the text, JSON and Markdown views (src/render_*.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/render.h"

static sp_matrix *m;
static sp_result *r;
static sp_report *rep;
static sp_profile p;

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
	sp_report_explain(rep, r, "in.yaml", NULL);
}

/* The JSON view, with the gate results g (NULL for none). */
static json_t *
json_of(const sp_gates *g)
{
	sp_report_explain(rep, r, "in.yaml", g);
	return sp_report_json(rep);
}

/* Renders the report in format f into a new string. */
static char *
render(sp_render_fn *f, const sp_gates *g, int color)
{
	sp_render_opts opts = { color, 80, 0, 0 };
	sp_buf b = SP_BUF_INIT;

	sp_report_explain(rep, r, "in.yaml", g);
	assert_int_equal(f(&b, rep, &opts), SP_OK);
	return b.ptr;
}

static int
setup(void **state)
{
	sp_error err;

	(void)state;
	if (sp_matrix_builtin(&m, &err) != SP_OK)
		return -1;
	return sp_result_new(&r, m, &err) == SP_OK &&
	    sp_report_new(&rep, m, &err) == SP_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sp_report_free(rep);
	sp_result_free(r);
	sp_matrix_free(m);
	return 0;
}

static char *
render_text(int color)
{
	return render(sp_render_text, NULL, color);
}

static void
test_text(void **state)
{
	char *text, *line, *save = NULL;
	int n = 0;

	(void)state;
	score("name: chat\nfrontend: javascript\nrealtime: true\n"
	    "io_load: high\nconcurrency: 20000\n");
	text = render_text(0);
	assert_true(strncmp(text, "chat: NodeJS recommended, ", 26) == 0);
	assert_non_null(strstr(text, "\nWhy NodeJS\n"));
	assert_non_null(strstr(text, "\nWhat speaks for Python\n"));
	assert_non_null(strstr(text, "  + Real-time features: "));
	assert_non_null(strstr(text, "(base 1, realtime: true +6)"));
	assert_non_null(strstr(text, "Socket.io"));
	assert_non_null(strstr(text, "\nCriteria "));
	assert_non_null(strstr(text, "\nPitfalls to avoid with NodeJS\n"));
	assert_null(strchr(text, '\033'));
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save), n++)
		if (strlen(line) > 80)
			fail_msg("line wider than 80 columns: '%s'", line);
	assert_true(n > 20);
	free(text);
	text = render_text(1);
	assert_non_null(strstr(text, "\033[1m"));
	free(text);
}

static void
test_json(void **state)
{
	json_t *j, *c;
	size_t i;

	(void)state;
	score("name: ml\nml: heavy\ndata_pipelines: true\n"
	    "team: {python: 5, node: 1}\n");
	j = json_of(NULL);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j,
	    "schema_version")), SP_JSON_SCHEMA_VERSION);
	assert_string_equal(json_string_value(json_object_get(j, "input")),
	    "in.yaml");
	assert_string_equal(json_string_value(json_object_get(j, "name")),
	    "ml");
	c = json_object_get(j, "recommendation");
	assert_string_equal(json_string_value(json_object_get(c, "option")),
	    "python");
	assert_false(json_is_true(json_object_get(c, "tie")));
	assert_true(json_real_value(json_object_get(c, "margin")) ==
	    r->margin);
	c = json_object_get(j, "criteria");
	assert_int_equal(json_array_size(c), (size_t)m->ncriteria);
	for (i = 0; i < json_array_size(c); i++) {
		json_t *crit = json_array_get(c, i);

		assert_string_equal(json_string_value(json_object_get(crit,
		    "id")), m->criteria[i].id);
		assert_non_null(json_object_get(json_object_get(crit,
		    "ratings"), "python"));
		assert_non_null(json_object_get(json_object_get(crit,
		    "contributions"), "nodejs"));
		assert_true(json_array_size(json_object_get(crit,
		    "weight_from")) >= 1);
	}
	assert_true(json_array_size(json_object_get(j, "checklist")) > 0);
	assert_true(json_array_size(json_object_get(j, "pitfalls")) > 0);
	assert_int_equal(json_array_size(json_object_get(j, "warnings")), 0);
	json_decref(j);
}

static void
test_json_tie(void **state)
{
	json_t *j, *rec;
	char buf[512];
	int k;

	(void)state;
	/* Only the team weighs, and both options have the same skill. */
	strcpy(buf, "team: {python: 3, nodejs: 3}\nweights: {");
	for (k = 0; k < m->ncriteria; k++) {
		strcat(buf, m->criteria[k].id);
		strcat(buf, m->criteria[k].from_team ? ": 5, " : ": 0, ");
	}
	strcat(buf, "}\n");
	score(buf);
	j = json_of(NULL);
	rec = json_object_get(j, "recommendation");
	assert_true(json_is_null(json_object_get(rec, "option")));
	assert_true(json_is_true(json_object_get(rec, "tie")));
	assert_int_equal(json_array_size(json_object_get(rec, "tied")), 2);
	json_decref(j);
}

static char *
render_markdown(const sp_gates *g)
{
	return render(sp_render_markdown, g, 0);
}

static void
test_markdown(void **state)
{
	char *md, *line, *save = NULL;
	int rows = 0;

	(void)state;
	score("name: chat\nfrontend: javascript\nrealtime: true\n"
	    "io_load: high\nconcurrency: 20000\n");
	md = render_markdown(NULL);
	assert_true(strncmp(md, "## chat: NodeJS recommended\n\n", 29) == 0);
	assert_non_null(strstr(md, "\n### Why NodeJS\n\n- **"));
	assert_non_null(strstr(md, "\n- **Real-time features**: +0.58, "
	    "weight 7 (base 1, realtime: true +6). "));
	assert_non_null(strstr(md, "\n| Criterion | Weight | NodeJS | Python "
	    "| Lead |\n| :-- | --: | --: | --: | --: |\n"));
	assert_non_null(strstr(md, "\n### Checklist\n\n- [ ] "));
	assert_null(strstr(md, "### Gates"));
	/* Every criterion has a row, and so has the score. */
	for (line = strtok_r(md, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if (line[0] == '|' && strncmp(line, "| Criterion", 11) != 0 &&
		    strncmp(line, "| :--", 5) != 0)
			rows++;
	assert_int_equal(rows, m->ncriteria + 1);
	free(md);
}

static void
test_markdown_gates(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_gates *g;
	sp_error err;
	char *md;

	(void)state;
	assert_int_equal(sp_gates_new(&g, m, &err), SP_OK);
	score("realtime: true\n");
	spec.expect = "python";
	spec.has_min_margin = 1;
	spec.min_margin = 0;
	sp_gates_eval(g, &spec, r, "in.yaml");
	md = render_markdown(g);
	assert_non_null(strstr(md, "\n### Gates\n\n| Gate | Result | Detail |\n"
	    "| :-- | :-- | :-- |\n| expect | **FAIL** | recommended nodejs, "
	    "expected python |\n| min\\_margin | pass | margin "));
	free(md);
	sp_gates_free(g);
}

static void
test_json_gates(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_gates *g;
	sp_error err;
	json_t *j, *gt;

	(void)state;
	assert_int_equal(sp_gates_new(&g, m, &err), SP_OK);
	score("realtime: true\n");
	j = json_of(NULL);
	assert_int_equal(json_array_size(json_object_get(j, "gates")), 0);
	json_decref(j);
	spec.expect = "nodejs";
	sp_gates_eval(g, &spec, r, "in.yaml");
	j = json_of(g);
	gt = json_array_get(json_object_get(j, "gates"), 0);
	assert_string_equal(json_string_value(json_object_get(gt, "name")),
	    "expect");
	assert_true(json_is_true(json_object_get(gt, "passed")));
	assert_string_equal(json_string_value(json_object_get(gt, "detail")),
	    "recommended nodejs, as expected");
	assert_null(json_object_get(gt, "moved"));
	json_decref(j);
	sp_gates_free(g);
}

/* The error object, parsed back from what the JSON format writes. */
static json_t *
json_error(const char *input, const char *message, int line, int column,
    int code)
{
	sp_render_opts opts = { 0, 80, 0, 0 };
	sp_buf b = SP_BUF_INIT;
	json_t *j;

	assert_int_equal(sp_render_json_error(&b, input, message, line, column,
	    code, &opts), SP_OK);
	assert_int_equal(b.ptr[b.len - 1], '\n');
	j = json_loads(b.ptr, 0, NULL);
	sp_buf_free(&b);
	return j;
}

static void
test_json_error(void **state)
{
	json_t *j, *e;

	(void)state;
	j = json_error("p.yaml", "p.yaml:2:3: bad", 2, 3, 65);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "input")),
	    "p.yaml");
	e = json_object_get(j, "error");
	assert_string_equal(json_string_value(json_object_get(e, "message")),
	    "p.yaml:2:3: bad");
	assert_int_equal(json_integer_value(json_object_get(e, "line")), 2);
	assert_int_equal(json_integer_value(json_object_get(e, "column")), 3);
	assert_int_equal(json_integer_value(json_object_get(e, "exit_code")),
	    65);
	json_decref(j);
	/* No location, and a file name that is not UTF-8. */
	j = json_error("p\xff.yaml", "p\xff.yaml: gone", 0, 0, 66);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "input")),
	    "p\xef\xbf\xbd.yaml");
	e = json_object_get(j, "error");
	assert_true(json_is_null(json_object_get(e, "line")));
	assert_true(json_is_null(json_object_get(e, "column")));
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_tie),
		cmocka_unit_test(test_json_gates),
		cmocka_unit_test(test_json_error),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_markdown_gates),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
