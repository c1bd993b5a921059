/*
 * Unit tests for the text, JSON and Markdown views (src/render_*.c) of
 * reports on the tests' own matrix, tests/data/good/fixture.yaml (see
 * test_report.c for how its figures come about).  Each view must state
 * what the report model holds: the same reasons, flips and answers.
 */
#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/trait.h"
#include "fixture.h"

#define PLAIN "name: plain\n"
#define DATA "name: data\nanalytics: true\nteam: {alpha: 2, beta: 4, " \
    "gamma: 3}\n"
#define OVERRIDE "name: over\nweights: {data: 2}\n"
#define HYBRID "name: hybrid\nlive: true\nanalytics: true\nload: high\n" \
    "team: {alpha: 3, beta: 3, gamma: 3}\n"
#define LIVE "name: live\nlive: true\nload: high\n" \
    "team: {alpha: 4, beta: 2, gamma: 3}\n"
#define TIE3 "name: tie3\nteam: {alpha: 3, beta: 3, gamma: 3}\n" \
    "weights: {speed: 0, push: 0, data: 0, ease: 0}\n"

static fixture_run f;

static int
setup(void **state)
{
	(void)state;
	fixture_open(&f, NULL);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fixture_close(&f);
	return 0;
}

#define contains(hay, needle) contains_at(hay, needle, __LINE__)
#define lacks(hay, needle) lacks_at(hay, needle, __LINE__)

static const char *
contains_at(const char *hay, const char *needle, int line)
{
	const char *p = strstr(hay, needle);

	if (p == NULL)
		fail_msg("line %d: '%s' not found in:\n%s", line, needle, hay);
	return p;
}

static void
lacks_at(const char *hay, const char *needle, int line)
{
	if (strstr(hay, needle) != NULL)
		fail_msg("line %d: '%s' found in:\n%s", line, needle, hay);
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
		n++;
	return n;
}

/*
 * s with every run of white space made one space: the text report's
 * sentences, whatever the wrapping.  Replaces s (the caller's).
 */
static char *
flat(char *s)
{
	char *in = s, *out = s;

	while (*in) {
		if (isspace((unsigned char)*in)) {
			while (isspace((unsigned char)*in))
				in++;
			*out++ = ' ';
		} else
			*out++ = *in++;
	}
	*out = '\0';
	return s;
}

static char *
text_of(const sp_report *rep)
{
	return fixture_render(sp_render_text, rep);
}

static char *
md_of(const sp_report *rep)
{
	return fixture_render(sp_render_markdown, rep);
}

static char *
flat_text(const sp_report *rep)
{
	return flat(text_of(rep));
}

/* "73%": the confidence as every format prints it. */
static void
percent(char *buf, size_t size, double share)
{
	snprintf(buf, size, "%.0f%%", share * 100);
}

static void
test_text_plain(void **state)
{
	const sp_report *rep;
	char *text, *line, *save = NULL, want[512], pc[16];
	const char *why, *against;
	int n = 0;

	(void)state;
	rep = fixture_report(&f, PLAIN, NULL);
	text = text_of(rep);
	assert_true(strncmp(text, "plain: Beta recommended, 3.30 against 3.20 "
	    "for Gamma (margin 0.10 on the 1-5\n  scale)\n  Scores: Beta "
	    "3.30, Gamma 3.20, Alpha 2.90\n", 101) == 0);
	contains(text, "\nHow sure: close call\n");
	why = contains(text, "\nWhy Beta\n  + Data tools: +0.40, weight 2 "
	    "(base 2)\n    beta has every data tool\n");
	against = contains(text, "\nWhat speaks for Gamma\n  - Speed: -0.20, "
	    "weight 2 (base 2)\n    gamma is middling\n  - Live updates: "
	    "-0.10, weight 1 (base 1)\n    gamma needs a plugin\n");
	assert_true(why < against);
	contains(text, "\nCriteria                      weight    Beta   Gamma"
	    "    lead\n  Speed                          2.0     2.0     3.0   "
	    "-0.20 -----\n");
	contains(text, "\n  total (score)                 10.0    3.30    3.20"
	    "   +0.10\n");
	contains(text, "\nChecklist\n  [ ] Write the first endpoint before "
	    "choosing a database.\n\nPitfalls to avoid with Beta\n  !   Do "
	    "not optimise before measuring.\n");
	lacks(text, "Load-test the push layer");
	lacks(text, "Alpha's knobs");
	lacks(text, "Suggested frameworks");
	contains(text, "\nNotes\n  - no team section: Team fit counts the "
	    "same for every option\n");
	lacks(text, "\033");
	lacks(text, "Gates");
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save), n++)
		if (strlen(line) > 80)
			fail_msg("line wider than 80 columns: '%s'", line);
	assert_true(n > 30);
	free(text);

	/* How sure, whatever the wrapping. */
	text = flat_text(rep);
	percent(pc, sizeof(pc), rep->analysis->confidence);
	snprintf(want, sizeof(want), "How sure: close call Beta stays ahead in "
	    "%s of 4096 trials that move every weight at random, by about 30%% "
	    "for a criterion with a quarter of the weight. The methods "
	    "disagree: the weighted sum picks Beta, the "
	    "weighted product Gamma and TOPSIS Beta, so treat this as a close "
	    "call. What would change the answer: ", pc);
	contains(text, want);
	contains(text, "answer: - Gamma would win if Data tools weighed less "
	    "than 1.5 instead of 2. - Gamma would win if Speed weighed more "
	    "than 3 instead of 2 (+4 when load is high). - Alpha would win if "
	    "Ease of use weighed less than 1 instead of 3. - If load were high "
	    "instead of low, Alpha would win. - If live were true instead of "
	    "false, Alpha would win. - If users were 10000 instead of 100, "
	    "Alpha would win. Most critical: Data tools, whose weight has to "
	    "change by 25% to change the answer. Beta is first in ");
	/* Three options: every option's share of each rank, then why. */
	contains(text, "%. Rank in the draws 1st 2nd 3rd Beta ");
	contains(text, "on average instead of 3. Why Beta");
	/* The fourth flip point is not told. */
	lacks(text, "Live updates weighed");
	free(text);

	rep = fixture_report(&f, PLAIN, NULL);
	{
		sp_render_opts opts = { .color = 1, .width = 80 };
		sp_buf b = SP_BUF_INIT;

		assert_int_equal(sp_render_text(&b, rep, &opts), SP_OK);
		contains(b.ptr, "\033[1mHow sure: close call\033[0m");
		sp_buf_free(&b);
	}
}

static void
test_text_sure_agree(void **state)
{
	const sp_report *rep;
	char *text;

	(void)state;
	rep = fixture_report(&f, LIVE, NULL);
	text = flat_text(rep);
	contains(text, "How sure: clear Alpha stays ahead in 100% of 4096 "
	    "trials");
	contains(text, "The weighted sum, the weighted product and TOPSIS all "
	    "pick Alpha. What would change the answer: - Beta would win if "
	    "Data tools weighed more than 9.8 instead of 2 (+5 when analytics "
	    "is true). Most critical: Data tools, whose weight has to change "
	    "by 390% to change the answer.");
	lacks(text, "If ");
	contains(text, "Checklist [ ] Write the first endpoint before choosing "
	    "a database. [ ] Load-test the push layer. Pitfalls to avoid with "
	    "Alpha ! Alpha's knobs need a written configuration. ! Do not "
	    "optimise before measuring. Suggested frameworks and tooling * "
	    "The alpha toolkit.");
	lacks(text, "Notes");
	free(text);
}

/* What moves each flip weight, in text and in Markdown. */
static void
test_movers(void **state)
{
	static const char *const weights[] = { "ease=3" };
	sp_pipeline_opts o = { SP_METHOD_WSM, weights, 1, NULL };
	const sp_report *rep;
	char *text, *md;

	(void)state;
	rep = fixture_report(&f, DATA, NULL);
	text = flat_text(rep);
	md = md_of(rep);
	/* Beta leads Gamma by 12.6 and Alpha by 27.2 (team 4.2, 3.4, 2.6). */
	contains(text, "- Gamma would win if Data tools weighed less than 0.7 "
	    "instead of 7 (raised by analytics: true +5). - Alpha would win if "
	    "Live updates weighed more than 7.8 instead of 1 (+5 when live is "
	    "true).");
	contains(md, "\n| Data tools | 7.00 | 0.70 | Gamma | 90% | raised by "
	    "analytics: true +5 |\n| Live updates | 1.00 | 7.80 | Alpha | 680% "
	    "| +5 when live is true |\n\n");
	free(text);
	free(md);

	rep = fixture_report(&f, OVERRIDE, &o);
	text = flat_text(rep);
	md = md_of(rep);
	contains(text, "- Gamma would win if Data tools weighed less than 1.5 "
	    "instead of 2 (set by the profile's weights). ");
	contains(text, "- Alpha would win if Ease of use weighed less than 1 "
	    "instead of 3 (set by --weight). ");
	contains(md, "\n| Data tools | 2.00 | 1.50 | Gamma | 25% | set by the "
	    "profile's weights |\n");
	contains(md, "\n| Ease of use | 3.00 | 1.00 | Alpha | 67% | set by "
	    "--weight |\n");
	free(text);
	free(md);

	/* Nothing moves it: no parenthesis, an empty cell. */
	rep = fixture_report(&f, PLAIN, NULL);
	md = md_of(rep);
	contains(md, "\n| Criterion | Weight now | Draws level at | Option | "
	    "Change needed | What moves the weight |\n| :-- | --: | --: | :-- "
	    "| --: | :-- |\n| Data tools | 2.00 | 1.50 | Gamma | 25% |  |\n"
	    "| Speed | 2.00 | 3.00 | Gamma | 50% | +4 when load is high |\n"
	    "| Ease of use | 3.00 | 1.00 | Alpha | 67% |  |\n\nMost critical: "
	    "Data tools, whose weight has to change by 25% to change the "
	    "answer.\n\nAnswers that alone would change the recommendation:"
	    "\n\n- If load were high instead of low, Alpha would win.\n");
	free(md);
}

static void
test_hybrid(void **state)
{
	const sp_report *rep;
	char *text, *md;

	(void)state;
	rep = fixture_report(&f, HYBRID, NULL);
	text = flat_text(rep);
	md = md_of(rep);
	contains(text, "- Beta would win if Live updates weighed less than 4 "
	    "instead of 6 (raised by live: true +5). - Beta would win if Speed "
	    "weighed less than 3.3 instead of 6 (raised by load: high +4). ");
	lacks(text, "Ease of use weighed");
	contains(text, "Consider a hybrid: Alpha for the request path and push "
	    "layer, and Beta for the analytics. Each clearly wins heavy needs "
	    "there (50% and 29% of the total weight).");
	contains(md, "\n\nConsider a hybrid: Alpha for the request path and "
	    "push layer, and Beta for the analytics.  Each clearly wins heavy "
	    "needs there (50% and 29% of the total weight).\n");
	free(text);
	free(md);
	rep = fixture_report(&f, PLAIN, NULL);
	text = text_of(rep);
	lacks(text, "hybrid");
	free(text);
}

/*
 * A flip on a criterion that weighs 0 is told, but is not the most
 * critical; with no flip at all, the text says so.
 */
static void
test_no_critical(void **state)
{
	fixture_run two;
	const sp_report *rep;
	char *text, *md;

	(void)state;
	fixture_open(&two, fixture_two);
	rep = fixture_report(&two, "name: zero\n", NULL);
	text = flat_text(rep);
	md = md_of(rep);
	contains(text, "What would change the answer: - B would win if C2 "
	    "weighed more than 4 instead of 0. Why A");
	lacks(text, "Most critical");
	contains(md, "\n| C2 | 0.00 | 4.00 | B | from 0 |  |\n");
	lacks(md, "Most critical");
	free(text);
	free(md);
	rep = fixture_report(&two, "name: far\nweights: {c1: 3}\n", NULL);
	text = flat_text(rep);
	md = md_of(rep);
	contains(text, "The weighted sum, the weighted product and TOPSIS all "
	    "pick A. No single weight within 0-10 and no single profile answer "
	    "changes the answer. Why A");
	lacks(md, "Draws level at");
	lacks(md, "Most critical");
	free(text);
	free(md);
	fixture_close(&two);
}

static void
test_topsis(void **state)
{
	sp_pipeline_opts o = { SP_METHOD_TOPSIS, NULL, 0, NULL };
	const sp_report *rep;
	char *text, *md, want[128];

	(void)state;
	rep = fixture_report(&f, PLAIN, &o);
	text = flat_text(rep);
	md = md_of(rep);
	snprintf(want, sizeof(want), "plain: Beta recommended by TOPSIS, "
	    "closeness %.2f against %.2f for Gamma (0 to 1)",
	    rep->result->score[1], rep->result->score[2]);
	assert_true(strncmp(text, want, strlen(want)) == 0);
	contains(text, "What would change the answer: - If load were high "
	    "instead of low, Alpha would win.");
	contains(text, "TOPSIS has no closed form for flip points; rank with "
	    "--method wsm or wpm to see them.");
	contains(text, " total (weighted sum) 10.0 3.30 3.20 +0.10 ");
	lacks(md, "Draws level at");
	contains(md, "\nTOPSIS has no closed form for flip points; rank with "
	    "`--method wsm` or `wpm` to see them.\n");
	contains(md, "\n| **Weighted sum** | 10.0 | **3.30** | 3.20 | 2.90 | "
	    "+0.10 |\n");
	free(text);
	free(md);
}

/* The weighted product ranks Gamma first; the tables still add up the
   weighted sum, and the reasons are Gamma's. */
static void
test_wpm(void **state)
{
	sp_pipeline_opts o = { SP_METHOD_WPM, NULL, 0, NULL };
	const sp_report *rep;
	char *text, *md;

	(void)state;
	rep = fixture_report(&f, PLAIN, &o);
	text = flat_text(rep);
	md = md_of(rep);
	contains(text, "plain: Gamma recommended by the weighted product, ");
	contains(text, " total (weighted sum) 10.0 3.20 3.30 -0.10 ");
	contains(text, "Why Gamma + Speed: +0.20, weight 2 (base 2) gamma is "
	    "middling + Live updates: +0.10");
	contains(md, "\n| **Weighted sum** | 10.0 | **3.20** | 3.30 | 2.90 | "
	    "-0.10 |\n");
	free(text);
	free(md);
}

static void
test_tie(void **state)
{
	const sp_report *rep;
	char *text, *md;

	(void)state;
	rep = fixture_report(&f, TIE3, NULL);
	text = flat_text(rep);
	md = md_of(rep);
	contains(text, "How sure: close call The top options tie: any change "
	    "to a weight on which they differ decides it. ");
	lacks(text, "Why ");
	lacks(text, "would win");
	lacks(text, "Most critical");
	contains(text, "Pitfalls to avoid ! ");
	contains(md, "## tie3: no recommendation\n\n**Alpha**, **Beta** and "
	    "**Gamma** tie at 3.40 on the 1-5 scale: the matrix cannot choose "
	    "between them.\n\n### How sure: close call\n\nThe top options tie: "
	    "any change to a weight on which they differ decides it.\n\n"
	    "### Criteria\n");
	contains(md, "\n### Pitfalls to avoid\n\n");
	free(text);
	free(md);
	rep = fixture_report(&f, "name: tie2\nteam: {alpha: 4, beta: 4, "
	    "gamma: 1}\nweights: {speed: 0, push: 0, data: 0, ease: 0}\n",
	    NULL);
	text = text_of(rep);
	md = md_of(rep);
	assert_true(strncmp(text, "tie2: no recommendation, Alpha and Beta tie "
	    "at 4.20\n", 48) == 0);
	contains(md, "\n**Alpha** and **Beta** tie at 4.20 on the 1-5 scale");
	free(text);
	free(md);
}

/*
 * KNOWN BUG, this test fails: when three options tie, the text headline
 * names only the first two ("Alpha and Beta tie at 3.40") while the
 * Markdown heading names all three (src/render_text.c, headline()).
 */
static void
test_tie_names_every_option(void **state)
{
	const sp_report *rep;
	char *text, head[128];

	(void)state;
	rep = fixture_report(&f, TIE3, NULL);
	assert_int_equal(rep->ntied, 3);
	text = text_of(rep);
	snprintf(head, sizeof(head), "%.*s", (int)strcspn(text, "\n"), text);
	free(text);
	if (strstr(head, "Gamma tie at 3.40") == NULL)
		fail_msg("headline names only some of the tied options: '%s'",
		    head);
}

/*
 * The labels of the reasons one side of the text report states, in order,
 * into out; returns how many.  sign > 0: "Why", else "What speaks for".
 */
static int
text_reasons(char out[][64], const char *text, int sign)
{
	const char *p = strstr(text, sign > 0 ? "\nWhy " :
	    "\nWhat speaks for ");
	int n = 0;

	if (p == NULL)
		return 0;
	p = strchr(p + 1, '\n') + 1;
	while (strncmp(p, sign > 0 ? "  + " : "  - ", 4) == 0 ||
	    strncmp(p, "    ", 4) == 0) {
		if (p[2] != ' ') {
			const char *colon = strstr(p, ": ");

			assert_true(n < SP_REPORT_REASONS + 1);
			snprintf(out[n++], 64, "%.*s", (int)(colon - p - 4),
			    p + 4);
		}
		p = strchr(p, '\n') + 1;
	}
	return n;
}

/* The same for the Markdown report's "- **Label**:" items. */
static int
md_reasons(char out[][64], const char *md, int sign)
{
	const char *p = strstr(md, sign > 0 ? "\n### Why " :
	    "\n### What speaks for ");
	int n = 0;

	if (p == NULL)
		return 0;
	p = strstr(p, "\n\n") + 2;
	while (strncmp(p, "- **", 4) == 0) {
		const char *end = strstr(p + 4, "**");

		assert_true(n < SP_REPORT_REASONS + 1);
		snprintf(out[n++], 64, "%.*s", (int)(end - p - 4), p + 4);
		p = strchr(p, '\n') + 1;
	}
	return n;
}

static void
check_reasons(const sp_report *rep, const char *text, const char *md,
    int sign)
{
	char t[SP_REPORT_REASONS + 1][64], m[SP_REPORT_REASONS + 1][64];
	const int *k = sign > 0 ? rep->pro : rep->con;
	int i, n = sign > 0 ? rep->npro : rep->ncon;

	assert_int_equal(text_reasons(t, text, sign), n);
	assert_int_equal(md_reasons(m, md, sign), n);
	for (i = 0; i < n; i++) {
		assert_string_equal(t[i], rep->matrix->criteria[k[i]].label);
		assert_string_equal(m[i], rep->matrix->criteria[k[i]].label);
	}
}

/* Each flip shown, in order, in the text's sentences and the Markdown
   table; and each answer that would change it. */
static void
check_flips(const sp_report *rep, char *text, const char *md)
{
	const sp_matrix *m = rep->matrix;
	const char *t = text, *d = md;
	char want[256];
	int i;

	assert_int_equal(count(text, " would win if "), rep->nflips_shown);
	assert_int_equal(count(md, " would win if "), 0);
	for (i = 0; i < rep->nflips_shown; i++) {
		const sp_flip *fl = rep->flips[i].flip;

		snprintf(want, sizeof(want), "- %s would win if %s weighed %s "
		    "than ", m->options[fl->option].label,
		    m->criteria[fl->criterion].label,
		    rep->flips[i].direction < 0 ? "less" : "more");
		t = contains(t, want) + 1;
		snprintf(want, sizeof(want), "\n| %s | %.2f | %.2f | %s | ",
		    m->criteria[fl->criterion].label, fl->weight,
		    fl->flip_weight, m->options[fl->option].label);
		d = contains(d, want) + 1;
	}
	if (rep->nflips_shown > 0) {
		d = strchr(contains(md, "| Change needed |"), '\n') + 1;
		assert_int_equal(count(d, "\n|") - count(contains(d, "\n\n"),
		    "\n|"), rep->nflips_shown);
	}
	assert_int_equal(count(text, "- If "), rep->ntrait_flips_shown);
	assert_int_equal(count(md, "\n- If "), rep->ntrait_flips_shown);
	for (i = 0; i < rep->ntrait_flips_shown; i++) {
		const sp_trait_flip *tf = &rep->analysis->trait_flips[i];
		sp_buf to = SP_BUF_INIT, from = SP_BUF_INIT;

		sp_trait_value_text(&to, &m->traits[tf->trait], tf->to);
		sp_trait_value_text(&from, &m->traits[tf->trait], tf->from);
		snprintf(want, sizeof(want), "If %s were %s instead of %s, ",
		    m->traits[tf->trait].id, sp_buf_cstr(&to),
		    sp_buf_cstr(&from));
		sp_buf_free(&to);
		sp_buf_free(&from);
		contains(text, want);
		contains(md, want);
	}
	assert_int_equal(count(text, "Most critical: "), rep->critical >= 0);
	assert_int_equal(count(md, "Most critical: "), rep->critical >= 0);
}

/*
 * Text and Markdown state the same reasons, in the same order, and the
 * same flips, for every method: both render the report model.
 */
static void
test_same_facts(void **state)
{
	static const char *const profiles[] = { PLAIN, DATA, OVERRIDE, HYBRID,
	    LIVE, TIE3 };
	sp_pipeline_opts o = { SP_METHOD_WSM, NULL, 0, NULL };
	const sp_report *rep;
	size_t p;
	int method;

	(void)state;
	for (method = 0; method < SP_NMETHODS; method++) {
		o.method = (sp_method)method;
		for (p = 0; p < sizeof(profiles) / sizeof(profiles[0]); p++) {
			char *text, *md;

			rep = fixture_report(&f, profiles[p], &o);
			text = text_of(rep);
			md = md_of(rep);
			check_reasons(rep, text, md, 1);
			check_reasons(rep, text, md, -1);
			flat(text);
			check_flips(rep, text, md);
			free(text);
			free(md);
		}
	}
}

static void
test_notes(void **state)
{
	const sp_report *rep;
	char *text, *md;

	(void)state;
	rep = fixture_report(&f, "name: partial\nteam: {alpha: 4}\n", NULL);
	assert_int_equal(rep->result->nnotes, 2);
	text = text_of(rep);
	md = md_of(rep);
	contains(text, "\nNotes\n  - the team section does not mention Beta: "
	    "its Team fit counts as 0\n  - the team section does not mention "
	    "Gamma: its Team fit counts as 0\n");
	contains(md, "\n### Notes\n\n- the team section does not mention "
	    "Beta: its Team fit counts as 0\n- the team section does not "
	    "mention Gamma: its Team fit counts as 0\n");
	free(text);
	free(md);
	rep = fixture_report(&f, DATA, NULL);
	text = text_of(rep);
	md = md_of(rep);
	lacks(text, "Notes");
	lacks(md, "Notes");
	free(text);
	free(md);
}

static void
test_gates(void **state)
{
	sp_gate_spec spec = { 0 };
	sp_pipeline_opts o = { SP_METHOD_WSM, NULL, 0, &spec };
	sp_baseline *base;
	sp_error err;
	const sp_report *rep;
	char *text, *md, *saved;
	json_t *j, *gt;

	(void)state;
	spec.expect = "gamma";
	spec.has_min_margin = 1;
	spec.min_margin = 0.05;
	rep = fixture_report(&f, PLAIN, &o);
	text = text_of(rep);
	md = md_of(rep);
	contains(text, "\nGates\n  FAIL expect: recommended beta, expected "
	    "gamma\n  pass min_margin: margin 0.10 is at least 0.05\n");
	contains(md, "\n### Gates\n\n| Gate | Result | Detail |\n| :-- | :-- "
	    "| :-- |\n| expect | **FAIL** | recommended beta, expected gamma |"
	    "\n| min\\_margin | pass | margin 0.10 is at least 0.05 |\n");
	lacks(md, "Moved since the baseline");
	free(text);
	free(md);
	j = sp_report_json(rep);
	assert_int_equal(json_array_size(json_object_get(j, "gates")), 2);
	gt = json_array_get(json_object_get(j, "gates"), 0);
	assert_string_equal(json_string_value(json_object_get(gt, "name")),
	    "expect");
	assert_false(json_is_true(json_object_get(gt, "passed")));
	assert_string_equal(json_string_value(json_object_get(gt, "detail")),
	    "recommended beta, expected gamma");
	assert_null(json_object_get(gt, "moved"));
	json_decref(j);

	/* A baseline that the profile has moved away from. */
	memset(&spec, 0, sizeof(spec));
	rep = fixture_report(&f, PLAIN, &o);
	saved = fixture_render(sp_render_json, rep);
	assert_int_equal(sp_baseline_parse(&base, saved, strlen(saved),
	    "base.json", &err), SP_OK);
	spec.baseline = base;
	rep = fixture_report(&f, "name: plain\nanalytics: true\n", &o);
	text = text_of(rep);
	md = md_of(rep);
	contains(text, "\nGates\n  pass baseline: ");
	contains(md, "\n| baseline | pass | ");
	contains(md, "\nMoved since the baseline:\n\n| Criterion | Weight "
	    "before | Weight now | Lead before | Lead now |\n| :-- | --: | --: "
	    "| --: | --: |\n| Data tools | 2.0 | 7.0 | +0.40 | +0.93 |\n");
	j = sp_report_json(rep);
	gt = json_array_get(json_object_get(j, "gates"), 0);
	assert_true(json_is_true(json_object_get(gt, "passed")));
	gt = json_array_get(json_object_get(gt, "moved"), 0);
	assert_string_equal(json_string_value(json_object_get(gt,
	    "criterion")), "data");
	assert_true(json_real_value(json_object_get(gt, "weight_after")) ==
	    7);
	json_decref(j);
	free(text);
	free(md);
	free(saved);
	sp_baseline_free(base);
}

/* The hint each mover gives in the JSON view. */
static const char *
hint(json_t *sens, size_t i)
{
	return json_string_value(json_object_get(json_array_get(sens, i),
	    "hint"));
}

static void
test_json(void **state)
{
	const sp_report *rep;
	const sp_result *r;
	json_t *j, *c, *sens;
	size_t i;

	(void)state;
	rep = fixture_report(&f, DATA, NULL);
	r = rep->result;
	j = sp_report_json(rep);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j,
	    "schema_version")), SP_JSON_SCHEMA_VERSION);
	assert_string_equal(json_string_value(json_object_get(j, "input")),
	    "in.yaml");
	assert_string_equal(json_string_value(json_object_get(j, "name")),
	    "data");
	assert_string_equal(json_string_value(json_object_get(j, "matrix")),
	    "Fixture");
	assert_string_equal(json_string_value(json_object_get(j, "method")),
	    "wsm");
	c = json_object_get(j, "recommendation");
	assert_string_equal(json_string_value(json_object_get(c, "option")),
	    "beta");
	assert_string_equal(json_string_value(json_object_get(c, "label")),
	    "Beta");
	assert_string_equal(json_string_value(json_object_get(c,
	    "runner_up")), "gamma");
	assert_false(json_is_true(json_object_get(c, "tie")));
	assert_true(json_real_value(json_object_get(c, "margin")) ==
	    r->margin);
	c = json_object_get(j, "scores");
	assert_int_equal(json_array_size(c), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    c, 2), "option")), "alpha");
	c = json_object_get(j, "criteria");
	assert_int_equal(json_array_size(c), (size_t)f.m->ncriteria);
	for (i = 0; i < json_array_size(c); i++) {
		json_t *crit = json_array_get(c, i);

		assert_string_equal(json_string_value(json_object_get(crit,
		    "id")), f.m->criteria[i].id);
		assert_true(json_real_value(json_object_get(crit, "lead")) ==
		    r->crit[i].lead);
		assert_true(json_real_value(json_object_get(json_object_get(
		    crit, "contributions"), "gamma")) ==
		    r->crit[i].contrib[2]);
	}
	c = json_object_get(json_array_get(c, 2), "weight_from");
	assert_int_equal(json_array_size(c), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    c, 1), "source")), "analytics: true");
	assert_int_equal(json_array_size(json_object_get(j, "checklist")), 1);
	assert_int_equal(json_array_size(json_object_get(j, "pitfalls")), 1);
	assert_int_equal(json_array_size(json_object_get(j, "tools")), 0);
	assert_int_equal(json_array_size(json_object_get(j, "warnings")), 0);
	/* Every flip point, not only those the text tells. */
	sens = json_object_get(j, "sensitivity");
	assert_int_equal(json_array_size(sens), (size_t)rep->nflips);
	assert_string_equal(hint(sens, 0), "raised by analytics: true +5");
	assert_string_equal(hint(sens, 1), "+5 when live is true");
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(j, "methods"), "wpm")), "beta");
	assert_true(json_is_true(json_object_get(j, "methods_agree")));
	assert_string_equal(json_string_value(json_object_get(j, "label")),
	    "clear");
	assert_true(json_is_null(json_object_get(j, "hybrid")));
	json_decref(j);

	rep = fixture_report(&f, HYBRID, NULL);
	j = sp_report_json(rep);
	sens = json_object_get(j, "sensitivity");
	assert_int_equal(json_array_size(sens), 4);
	assert_string_equal(hint(sens, 0), "");
	assert_string_equal(hint(sens, 1), "raised by live: true +5");
	c = json_object_get(j, "trait_flips");
	assert_int_equal(json_array_size(c), 3);
	c = json_array_get(c, 2);
	assert_string_equal(json_string_value(json_object_get(c, "trait")),
	    "live");
	assert_true(json_is_true(json_object_get(c, "from")));
	assert_true(json_is_false(json_object_get(c, "to")));
	assert_string_equal(json_string_value(json_object_get(c, "option")),
	    "beta");
	c = json_object_get(json_object_get(j, "hybrid"), "split");
	assert_int_equal(json_array_size(c), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    c, 1), "option")), "beta");
	json_decref(j);
}

static void
test_json_tie(void **state)
{
	const sp_report *rep;
	json_t *j, *rec;

	(void)state;
	rep = fixture_report(&f, TIE3, NULL);
	j = sp_report_json(rep);
	rec = json_object_get(j, "recommendation");
	assert_true(json_is_null(json_object_get(rec, "option")));
	assert_true(json_is_true(json_object_get(rec, "tie")));
	assert_int_equal(json_array_size(json_object_get(rec, "tied")), 3);
	assert_int_equal(json_array_size(json_object_get(j, "sensitivity")),
	    0);
	assert_string_equal(json_string_value(json_object_get(j, "label")),
	    "close call");
	json_decref(j);
}

/* The error object, parsed back from what the JSON format writes. */
static json_t *
json_error(const char *input, const sp_error *err, const sp_errors *all,
    int code)
{
	sp_render_opts opts = { .width = 80 };
	sp_buf b = SP_BUF_INIT;
	json_t *j;

	assert_int_equal(sp_render_json_error(&b, input, err, all, code,
	    &opts),
	    SP_OK);
	assert_int_equal(b.ptr[b.len - 1], '\n');
	j = json_loads(b.ptr, 0, NULL);
	sp_buf_free(&b);
	return j;
}

static void
test_json_error(void **state)
{
	sp_error err;
	json_t *j, *e;

	(void)state;
	sp_error_clear(&err);
	sp_error_set(&err, SP_EDATA, "p.yaml", 2, 3, "bad");
	j = json_error("p.yaml", &err, NULL, 65);
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
	/* The one error is also the whole list. */
	e = json_object_get(j, "errors");
	assert_int_equal(json_array_size(e), 1);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(e, 0), "message")), "p.yaml:2:3: bad");
	assert_int_equal(json_integer_value(json_object_get(j,
	    "errors_not_shown")), 0);
	json_decref(j);
	/* No location, and a file name that is not UTF-8. */
	sp_error_clear(&err);
	sp_error_set(&err, SP_EINPUT, "p\xff.yaml", 0, 0, "gone");
	j = json_error("p\xff.yaml", &err, NULL, 66);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "input")),
	    "p\xef\xbf\xbd.yaml");
	e = json_object_get(j, "error");
	assert_string_equal(json_string_value(json_object_get(e, "message")),
	    "p\xef\xbf\xbd.yaml: gone");
	assert_true(json_is_null(json_object_get(e, "line")));
	assert_true(json_is_null(json_object_get(e, "column")));
	json_decref(j);
}

/* Every error listed, the first also as "error", and those past the cap. */
static void
test_json_errors(void **state)
{
	sp_errors all;
	sp_error err;
	json_t *j, *list;
	int i;

	(void)state;
	sp_error_clear(&err);
	sp_errors_clear(&all);
	for (i = 1; i <= SP_MAX_ERRORS + 3; i++) {
		sp_error_set(&err, SP_EDATA, "p.yaml", i, 1, "bad %d", i);
		sp_errors_add(&all, &err);
	}
	sp_error_set(&err, SP_EDATA, "p.yaml", 1, 1, "bad 1");
	j = json_error("p.yaml", &err, &all, 65);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(j, "error"), "message")), "p.yaml:1:1: bad 1");
	list = json_object_get(j, "errors");
	assert_int_equal(json_array_size(list), SP_MAX_ERRORS);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
	    list, 1), "line")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    list, SP_MAX_ERRORS - 1), "message")), "p.yaml:20:1: bad 20");
	assert_int_equal(json_integer_value(json_object_get(j,
	    "errors_not_shown")), 3);
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_plain),
		cmocka_unit_test(test_text_sure_agree),
		cmocka_unit_test(test_movers),
		cmocka_unit_test(test_hybrid),
		cmocka_unit_test(test_no_critical),
		cmocka_unit_test(test_topsis),
		cmocka_unit_test(test_wpm),
		cmocka_unit_test(test_tie),
		cmocka_unit_test(test_tie_names_every_option),
		cmocka_unit_test(test_same_facts),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_gates),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_tie),
		cmocka_unit_test(test_json_error),
		cmocka_unit_test(test_json_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
