/* Unit tests for writing profiles back to YAML (src/profile_write.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/profile.h"

static sp_matrix *m;

static int
setup(void **state)
{
	sp_error err;

	(void)state;
	return sp_matrix_builtin(&m, &err) == SP_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sp_matrix_free(m);
	return 0;
}

static void
decode(sp_profile *p, const char *text, size_t len)
{
	sp_doc *doc;
	sp_error err;

	if (sp_doc_parse(&doc, text, len, "p.yaml", &err) != SP_OK)
		fail_msg("%d:%d: %s\n%s", err.line, err.column, err.message,
		    text);
	if (sp_profile_decode(p, m, doc, &err) != SP_OK)
		fail_msg("%d:%d: %s\n%s", err.line, err.column, err.message,
		    text);
	sp_doc_free(doc);
}

/* Writes p, reads it back, and checks nothing changed. */
static char *
round_trip(const sp_profile *p)
{
	sp_profile back;
	sp_error err;
	char *text;
	size_t len;
	int i;

	assert_int_equal(sp_profile_write(&text, &len, p, m, &err), SP_OK);
	assert_int_equal(strlen(text), len);
	decode(&back, text, len);
	assert_string_equal(back.name, p->name);
	assert_memory_equal(back.value, p->value, sizeof(p->value));
	assert_int_equal(back.team_given, p->team_given);
	for (i = 0; i < m->noptions; i++)
		assert_int_equal(back.team[i] < 0 ? 0 : back.team[i],
		    p->team[i] < 0 ? 0 : p->team[i]);
	assert_int_equal(back.nmusts, p->nmusts);
	for (i = 0; i < p->nmusts; i++) {
		/* Written kind by kind: minimums, exclusions, requirements. */
		const sp_must *a = &p->must[i];
		int j;

		for (j = 0; j < back.nmusts; j++)
			if (back.must[j].kind == a->kind &&
			    back.must[j].target == a->target)
				break;
		assert_true(j < back.nmusts);
		assert_true(back.must[j].min == a->min);
		assert_string_equal(back.must[j].why, a->why);
	}
	for (i = 0; i < m->ncriteria; i++) {
		assert_int_equal(back.override[i] != SP_OVERRIDE_NONE,
		    p->override[i] != SP_OVERRIDE_NONE);
		if (p->override[i] != SP_OVERRIDE_NONE)
			assert_true(back.weight[i] == p->weight[i]);
	}
	return text;
}

static void
test_examples_round_trip(void **state)
{
	static const char *const names[] = { "realtime-chat", "ml-pipelines",
		"serverless-functions", "beginner-saas", "hybrid-platform" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[512], *buf, *text;
		size_t len;
		sp_profile p;
		sp_error err;

		snprintf(path, sizeof(path), "%s/data/examples/%s.yaml",
		    SP_SOURCE_DIR, names[i]);
		assert_int_equal(sp_read_file(&buf, &len, path, path, 1 << 20,
		    &err), SP_OK);
		decode(&p, buf, len);
		free(buf);
		text = round_trip(&p);
		free(text);
	}
}

static void
test_defaults_are_commented(void **state)
{
	sp_profile p;
	char *text;

	(void)state;
	sp_profile_defaults(&p, m);
	text = round_trip(&p);
	/* Every trait is written, with its question and allowed values. */
	assert_non_null(strstr(text, "\nio_load: medium\n"));
	assert_non_null(strstr(text, "# one of: none, low, medium, high "
	    "(default: medium)\n"));
	assert_non_null(strstr(text, "\nrealtime: false\n"));
	assert_non_null(strstr(text, "\n# Does the product need real-time"));
	assert_non_null(strstr(text, "\nconcurrency: 100\n"));
	/* No team and no name: only commented examples. */
	assert_non_null(strstr(text, "\n# team:\n#   python: 3\n"));
	assert_non_null(strstr(text, "\n# name: my-project\n"));
	assert_null(strstr(text, "\nteam:"));
	free(text);
}

static void
test_quoting(void **state)
{
	static const char *const names[] = { "api: v2 # beta", "yes", "123",
		"- list", "'quoted'", "caf\xc3\xa9 \"x\"", "null", "~" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		sp_profile p;
		char *text;

		sp_profile_defaults(&p, m);
		strcpy(p.name, names[i]);
		text = round_trip(&p);
		free(text);
	}
}

static void
test_team_and_weights(void **state)
{
	sp_profile p;
	sp_error err;
	char *text;
	static const char given[] = "team: {js: 4}\nweights: {community: 2.5, "
	    "realtime: 0.1}\n";

	(void)state;
	decode(&p, given, strlen(given));
	assert_int_equal(sp_profile_set_weight(&p, m, "hiring=3.3", &err),
	    SP_OK);
	text = round_trip(&p);
	assert_non_null(strstr(text, "\nteam:\n  nodejs: 4\n"));
	assert_non_null(strstr(text, "  community: 2.5\n"));
	assert_non_null(strstr(text, "  realtime: 0.10000000000000001\n"));
	free(text);
	/* A team section given empty stays given. */
	decode(&p, "team: {}\n", 9);
	text = round_trip(&p);
	assert_non_null(strstr(text, "\nteam: {}\n"));
	free(text);
}

static void
test_musts(void **state)
{
	sp_profile p;
	char *text;
	static const char given[] = "must: {ml_support: 4, io_performance: "
	    "{min: 2.5, why: \"yes: #1 'thing'\"}}\nexclude: {js: \"yes\"}\n"
	    "require: {python: \"no\\\\nline\"}\n";

	(void)state;
	decode(&p, given, strlen(given));
	assert_int_equal(p.nmusts, 4);
	text = round_trip(&p);
	assert_non_null(strstr(text, "\nmust:\n  ml_support: 4\n"));
	assert_non_null(strstr(text, "\nexclude:\n  nodejs: \"yes\"\n"));
	assert_null(strstr(text, "# exclude:"));
	free(text);
	/* Without musts, commented examples that name the matrix's ids. */
	sp_profile_defaults(&p, m);
	text = round_trip(&p);
	assert_non_null(strstr(text, "\n# must:\n#   learning_curve: 4\n"));
	assert_non_null(strstr(text, "\n# exclude:\n#   nodejs: "));
	assert_non_null(strstr(text, "\n# require:\n#   python: "));
	free(text);
}

/* Parses a matrix for the tests below, failing the test if it cannot. */
static sp_matrix *
matrix(const char *text)
{
	sp_matrix *mx;
	sp_error err;

	if (sp_matrix_parse(&mx, text, strlen(text), "m.yaml", &err) != SP_OK)
		fail_msg("%d:%d: %s\n%s", err.line, err.column, err.message,
		    text);
	return mx;
}

static const char hostile_head[] =
    "format: 1\n"
    "scale: {min: 1, max: 5}\n"
    "options:\n"
    "  - {id: alpha, label: Alpha}\n"
    "  - {id: beta, label: Beta}\n";

static const char hostile_tail[] =
    "criteria:\n"
    "  - id: c\n"
    "    label: C\n"
    "    weight: 1\n"
    "    ratings:\n"
    "      alpha: {rating: 1, why: a}\n"
    "      beta: {rating: 2, why: b}\n";

/*
 * Matrix text that could break the comments it is written into: line
 * breaks of every kind, characters a YAML reader refuses, a name longer
 * than any line, multibyte characters at every length, and an enum value
 * of the longest id.
 */
static void
test_hostile_matrix_text(void **state)
{
	static const char *const names[] = {
		"two\nlines\nname: injected",
		"ls\\u2028team: {alpha: 5}\\u2029ps",
		"\\uFFFE\\uFFFF refused by readers",
		"\n\nleading breaks",
		"ends in a break\n",
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]) + 3; i++) {
		static const char longest[] = "v12345678901234567890123456789"
		    "0123456789012345678901234567890123";
		char *yaml, *esc, *text, name[4096];
		sp_matrix *saved = m;
		sp_profile p;
		size_t n;

		/* Long names of two-, three- and four-byte characters. */
		if (i >= sizeof(names) / sizeof(names[0])) {
			static const char *const ch[] = { "\\u00e9",
				"\\u20ac", "\\U0001F600" };

			name[0] = '\0';
			for (k = 0; k < 300; k++)
				strcat(name, ch[i - sizeof(names) /
				    sizeof(names[0])]);
		} else {
			snprintf(name, sizeof(name), "%s", names[i]);
		}
		/* Escaped into a double-quoted YAML scalar. */
		esc = malloc(2 * strlen(name) + 1);
		assert_non_null(esc);
		for (k = n = 0; name[k]; k++) {
			if (name[k] == '\n' || name[k] == '\r') {
				esc[n++] = '\\';
				esc[n++] = name[k] == '\n' ? 'n' : 'r';
			} else {
				esc[n++] = name[k];
			}
		}
		esc[n] = '\0';
		n = strlen(hostile_head) + strlen(hostile_tail) +
		    2 * strlen(esc) + 1024;
		yaml = malloc(n);
		assert_non_null(yaml);
		snprintf(yaml, n, "%sname: \"%s\"\ntraits:\n  - id: t\n"
		    "    type: enum\n    values: [a, %s]\n    default: %s\n"
		    "    question: \"%s\"\n%s", hostile_head, esc, longest,
		    longest, esc, hostile_tail);
		free(esc);
		m = matrix(yaml);
		sp_profile_defaults(&p, m);
		text = round_trip(&p);
		assert_null(strstr(text, "\nname:"));
		assert_null(strstr(text, "\nteam:"));
		assert_non_null(strstr(text, "\nt: v1234567890"));
		free(text);
		sp_matrix_free(m);
		m = saved;
		free(yaml);
	}
}

/* A matrix with no traits still writes a profile that loads. */
static void
test_no_traits(void **state)
{
	char yaml[1024];
	sp_matrix *saved = m;
	sp_profile p;
	char *text;

	(void)state;
	snprintf(yaml, sizeof(yaml), "%sname: bare\n%s", hostile_head,
	    hostile_tail);
	m = matrix(yaml);
	sp_profile_defaults(&p, m);
	text = round_trip(&p);
	assert_non_null(strstr(text, "\n{}\n"));
	free(text);
	/* With a name it needs no empty mapping. */
	strcpy(p.name, "named");
	text = round_trip(&p);
	assert_null(strstr(text, "{}"));
	free(text);
	sp_matrix_free(m);
	m = saved;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples_round_trip),
		cmocka_unit_test(test_defaults_are_commented),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_team_and_weights),
		cmocka_unit_test(test_musts),
		cmocka_unit_test(test_hostile_matrix_text),
		cmocka_unit_test(test_no_traits),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
