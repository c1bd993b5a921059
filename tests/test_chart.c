/*
 * Unit tests for the charts (src/chart.c) and the escapers they and the
 * HTML report use (src/escape.c), on the three-option test matrix.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/pipeline.h"
#include "stackpick/render.h"
#include "chart.h"
#include "escape.h"

static sp_matrix *m;
static sp_pipeline *pipe_;
static const sp_report *rep;
static sp_profile prof;

/* Runs a profile through the pipeline, with --weight overrides. */
static void
run(const char *text, const char *const *weights, int nweights)
{
	sp_pipeline_opts o = { SP_METHOD_WSM, weights, nweights, NULL };
	sp_error err;

	sp_pipeline_free(pipe_);
	assert_int_equal(sp_pipeline_new(&pipe_, m, &o, &err), SP_OK);
	assert_int_equal(sp_pipeline_parse(&prof, m, text, strlen(text),
	    "p.yaml", &err), SP_OK);
	assert_int_equal(sp_pipeline_run(pipe_, &prof, "p.yaml", &rep, &err),
	    SP_OK);
}

static int
setup(void **state)
{
	sp_error err;

	(void)state;
	return sp_matrix_load(&m, SP_SOURCE_DIR
	    "/tests/data/good/three-options.yaml", &err) == SP_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sp_pipeline_free(pipe_);
	sp_matrix_free(m);
	return 0;
}

/* The bars are the result's leads, flips and scores, in their order. */
static void
test_values(void **state)
{
	const sp_result *r;
	chart_set cs;
	double sum = 0;
	int i;

	(void)state;
	run("name: q\nvolume: high\nteam: {b: 5}\n", NULL, 0);
	r = rep->result;
	chart_build(&cs, rep);
	assert_int_equal(cs.ncharts, 4);
	assert_int_equal(cs.chart[0].kind, CHART_FOR);
	assert_int_equal(cs.chart[1].kind, CHART_AGAINST);
	assert_int_equal(cs.chart[2].kind, CHART_FLIP);
	assert_int_equal(cs.chart[3].kind, CHART_SCORES);
	for (i = 0; i < cs.chart[0].nbars; i++) {
		const chart_bar *b = &cs.chart[0].bar[i];

		assert_true(b->value == r->crit[b->index].lead);
		assert_true(i == 0 || b->value <= cs.chart[0].bar[i - 1].value);
		sum += b->value;
	}
	for (i = 0; i < cs.chart[1].nbars; i++) {
		const chart_bar *b = &cs.chart[1].bar[i];

		assert_true(b->value == -r->crit[b->index].lead);
		sum -= b->value;
	}
	assert_true(sum - rep->sum_lead < 1e-9 && rep->sum_lead - sum < 1e-9);
	assert_true(cs.chart[0].axis_max == cs.chart[1].axis_max);
	assert_int_equal(cs.chart[2].nbars, rep->nflips);
	for (i = 0; i < cs.chart[2].nbars; i++) {
		assert_int_equal(cs.chart[2].bar[i].index,
		    rep->flips[i].flip->criterion);
		assert_true(cs.chart[2].bar[i].value ==
		    rep->flips[i].flip->relative_change * 100);
		assert_int_equal(cs.chart[2].bar[i].direction,
		    rep->flips[i].direction);
	}
	for (i = 0; i < 3; i++) {
		assert_int_equal(cs.chart[3].bar[i].index, r->rank[i]);
		assert_true(cs.chart[3].bar[i].value == r->score[r->rank[i]]);
		assert_true(cs.chart[3].bar[i].value <= cs.chart[3].axis_max);
	}
	assert_true(cs.chart[3].axis_min == 0 && cs.chart[3].axis_max == 10);
}

/* No bar below zero, and a weight at 0 is not a bar of the flip chart. */
static void
test_no_negative_bars(void **state)
{
	static const char *const w[] = { "simplicity=0" };
	chart_set cs;
	int i, j;

	(void)state;
	run("name: q\nvolume: low\n", w, 1);
	chart_build(&cs, rep);
	for (i = 0; i < cs.ncharts; i++)
		for (j = 0; j < cs.chart[i].nbars; j++) {
			assert_true(cs.chart[i].bar[j].value >=
			    cs.chart[i].axis_min);
			assert_true(cs.chart[i].bar[j].value <=
			    cs.chart[i].axis_max);
			if (cs.chart[i].kind == CHART_FLIP)
				assert_int_not_equal(cs.chart[i].bar[j].index,
				    1);
		}
}

/* Mermaid: one block per chart, a summary above each, values to 4 places. */
static void
test_mermaid(void **state)
{
	sp_buf b = SP_BUF_INIT;
	sp_render_opts o = { .width = 80 };
	const char *s;
	int n = 0;

	(void)state;
	run("name: q\nvolume: high\nteam: {b: 5}\n", NULL, 0);
	assert_int_equal(sp_render_markdown(&b, rep, &o), SP_OK);
	for (s = sp_buf_cstr(&b); (s = strstr(s, "```mermaid\n")) != NULL;
	    s++, n++)
		assert_true(strncmp(s + 11, "---\nconfig:\n  xyChart:\n    "
		    "width: 900\n---\nxychart-beta horizontal\n", 60) == 0);
	assert_int_equal(n, 4);
	assert_non_null(strstr(sp_buf_cstr(&b), "\n\n3 weights can change "
	    "the answer on their own; the nearest is Speed, which would "
	    "have to rise by 9% (from 8 to 8.8).\n\n```mermaid\n"));
	assert_non_null(strstr(sp_buf_cstr(&b), "x-axis [\"Beta\", \"Alpha\", "
	    "\"Gamma\"]\n    y-axis \"score\" 0 --> 10\n    bar [6.4286, "
	    "6.2143, 4.3571]\n"));
	sp_buf_clear(&b);
	o.no_charts = 1;
	assert_int_equal(sp_render_markdown(&b, rep, &o), SP_OK);
	assert_null(strstr(sp_buf_cstr(&b), "mermaid"));
	sp_buf_free(&b);
}

static const char *const hostile[] = {
	"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
	"]]><!-- -->", "a\xE2\x80\xAE" "cba\xE2\x80\xAC", "\xE2\x81\xA6x\xE2\x81\xA9",
	"'single' & \"double\"", "#quot; #35; [x] {y} %%{init}%% | ; `",
	"\xEF\xAC\x82\xC2\xB0lt\xC2\xB6\xC3\x9F", "tab\there\nnewline\x7f",
	"\xC2\x85" "c1 \xFF\xFE bad \xEF\xBF\xBE", "\xC3\xBCnic\xC3\xB6" "de",
};

/* What an escaper may never let through, for any of the strings above. */
static void
check_clean(const char *out)
{
	assert_null(strstr(out, "\xE2\x80\xAE"));
	assert_null(strstr(out, "\xE2\x80\xAC"));
	assert_null(strstr(out, "\xE2\x81\xA6"));
	assert_null(strstr(out, "\xE2\x81\xA9"));
	assert_null(strstr(out, "\xC2\x85"));
	assert_null(strstr(out, "\xEF\xBF\xBE"));
	assert_null(strpbrk(out, "<>\"\t\n\x7f\xff"));
}

static void
test_escape_xml(void **state)
{
	sp_buf b = SP_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		sp_buf_clear(&b);
		escape_xml(&b, hostile[i]);
		check_clean(sp_buf_cstr(&b));
		assert_null(strchr(sp_buf_cstr(&b), '\''));
	}
	sp_buf_clear(&b);
	escape_xml(&b, "'a' & \"b\" <c> \xC3\xBC\xE2\x80\xAE\xFF");
	assert_string_equal(sp_buf_cstr(&b), "&#39;a&#39; &amp; &quot;b&quot; "
	    "&lt;c&gt; \xC3\xBC\xEF\xBF\xBD\xEF\xBF\xBD");
	sp_buf_free(&b);
}

static void
test_escape_mermaid(void **state)
{
	sp_buf b = SP_BUF_INIT;
	const char *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		sp_buf_clear(&b);
		escape_mermaid(&b, hostile[i]);
		check_clean(sp_buf_cstr(&b));
		/* Outside the codes, none of the characters they stand for. */
		for (s = sp_buf_cstr(&b); *s; s++)
			if (*s == '#')
				s += strspn(s + 1, "0123456789") + 1;
			else if (strchr("\"&<>[]{}`|%;\\", *s) != NULL)
				fail_msg("'%c' in '%s'", *s, sp_buf_cstr(&b));
		assert_null(strstr(sp_buf_cstr(&b), "\xEF\xAC\x82"));
		assert_null(strstr(sp_buf_cstr(&b), "\xC2\xB6"));
	}
	sp_buf_clear(&b);
	escape_mermaid(&b, "\"#\" [a] \xC3\xBC 'x'");
	assert_string_equal(sp_buf_cstr(&b), "#34;#35;#34; #91;a#93; \xC3\xBC "
	    "'x'");
	assert_int_equal(escape_mermaid_fit("ab[c]d", 9), 3);
	assert_int_equal(escape_mermaid_fit("\xC3\xBC\xC3\xBCx", 2), 4);
	sp_buf_free(&b);
}

/* SVG bars: the width of each rect is its value on the chart's axis. */
static void
test_svg(void **state)
{
	sp_buf b = SP_BUF_INIT;
	chart_set cs;
	const char *s;
	double x, w, want;
	int i, n;

	(void)state;
	run("name: q\nvolume: high\nteam: {b: 5}\n", NULL, 0);
	chart_build(&cs, rep);
	for (i = 0; i < cs.ncharts; i++) {
		const chart *c = &cs.chart[i];

		sp_buf_clear(&b);
		chart_svg(&b, rep, c, i);
		assert_non_null(strstr(sp_buf_cstr(&b), "<title id=\"chart"));
		assert_non_null(strstr(sp_buf_cstr(&b), "<desc id=\"chart"));
		for (n = 0, s = sp_buf_cstr(&b); (s = strstr(s, "<rect ")) !=
		    NULL; s++, n++) {
			assert_int_equal(sscanf(strstr(s, " x=\""),
			    " x=\"%lf\"", &x), 1);
			assert_int_equal(sscanf(strstr(s, " width=\""),
			    " width=\"%lf\"", &w), 1);
			want = (c->bar[n].value - c->axis_min) /
			    (c->axis_max - c->axis_min) * CHART_SVG_PLOT_W;
			assert_true(x == CHART_SVG_PLOT_X);
			assert_true(w - want < 0.006 && want - w < 0.006);
		}
		assert_int_equal(n, c->nbars);
	}
	sp_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_no_negative_bars),
		cmocka_unit_test(test_mermaid),
		cmocka_unit_test(test_escape_xml),
		cmocka_unit_test(test_escape_mermaid),
		cmocka_unit_test(test_svg),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
