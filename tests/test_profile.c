/* Unit tests for profile decoding (src/profile.c, src/decode.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

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

static sp_status
decode(sp_profile *p, const char *text, sp_error *err)
{
	sp_doc *doc;
	sp_status rc;

	sp_error_clear(err);
	rc = sp_doc_parse(&doc, text, strlen(text), "p.yaml", err);
	if (rc != SP_OK)
		return rc;
	rc = sp_profile_decode(p, m, doc, err);
	sp_doc_free(doc);
	return rc;
}

static long
trait(const sp_profile *p, const char *id)
{
	int t = sp_matrix_trait(m, id);

	assert_true(t >= 0);
	return p->value[t];
}

static void
test_defaults(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	assert_int_equal(decode(&p, "{}", &err), SP_OK);
	assert_string_equal(p.name, "");
	assert_false(p.team_given);
	assert_int_equal(p.team[0], -1);
	/* io_load defaults to medium, the third of none/low/medium/high. */
	assert_int_equal(trait(&p, "io_load"), 2);
	assert_int_equal(trait(&p, "concurrency"), 100);
	assert_int_equal(trait(&p, "realtime"), 0);
	assert_int_equal(p.given[sp_matrix_trait(m, "io_load")], 0);
}

static void
test_values_and_aliases(void **state)
{
	sp_profile p;
	sp_error err;
	int py = sp_matrix_option(m, "python");
	int js = sp_matrix_option(m, "nodejs");

	(void)state;
	assert_int_equal(decode(&p, "name: shop\nteam: {py: 4, javascript: 2}\n"
	    "io_load: high\nrealtime: yes\nserverless: No\n"
	    "concurrency: 25000\nweights: {community: 2.5}\n", &err), SP_OK);
	assert_string_equal(p.name, "shop");
	assert_true(p.team_given);
	assert_int_equal(p.team[py], 4);
	assert_int_equal(p.team[js], 2);
	assert_int_equal(trait(&p, "io_load"), 3);
	assert_int_equal(trait(&p, "realtime"), 1);
	assert_int_equal(trait(&p, "serverless"), 0);
	assert_int_equal(trait(&p, "concurrency"), 25000);
	assert_true(p.given[sp_matrix_trait(m, "io_load")]);
	assert_int_equal(p.override[sp_matrix_criterion(m, "community")],
	    SP_OVERRIDE_PROFILE);
	assert_true(p.weight[sp_matrix_criterion(m, "community")] == 2.5);
	assert_int_equal(sp_matrix_option(m, "node"), js);
	assert_int_equal(sp_matrix_option(m, "js"), js);
}

static void
test_messages(void **state)
{
	static const struct {
		const char *text;
		int line, column;
		const char *message;
	} cases[] = {
		{ "concurency: 5\n", 1, 1, "profile: unknown key 'concurency' "
		    "(did you mean 'concurrency'?)" },
		{ "io_load: hgih\n", 1, 10, "io_load: unknown value 'hgih' (did "
		    "you mean 'high'?); expected 'none', 'low', 'medium' or "
		    "'high'" },
		{ "realtime: 1\n", 1, 11, "realtime: expected true or false" },
		{ "concurrency: 1.5\n", 1, 14, "expected a whole number, found "
		    "'1.5'" },
		{ "concurrency: -1\n", 1, 14, "-1 is out of range" },
		{ "maintenance_years: 0o17\n", 1, 20, "write a whole number in "
		    "plain decimal" },
		{ "weights: {ml_support: -.inf}\n", 1, 23, "'-.inf' is not "
		    "accepted" },
		{ "weights: {ml_support: \"3\"}\n", 1, 23, "found the quoted "
		    "string \"3\"" },
		{ "team: {nodjs: 3}\n", 1, 8, "unknown option 'nodjs' (did you "
		    "mean 'nodejs'?)" },
		{ "name: [a]\n", 1, 7, "name: expected a string, found a "
		    "sequence" },
		{ "weights: {teamfit: 1}\n", 1, 11, "did you mean 'team_fit'?" },
		{ "name: \"a\\u009b31m\"\n", 1, 7, "name: control characters" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sp_profile p;
		sp_error err;

		assert_int_equal(decode(&p, cases[i].text, &err), SP_EDATA);
		if (strstr(err.message, cases[i].message) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, err.message,
			    cases[i].message);
		assert_int_equal(err.line, cases[i].line);
		assert_int_equal(err.column, cases[i].column);
	}
}

/*
 * A file names enum values by value or by the matrix's aliases, exactly
 * as written; what the questionnaire reads loosely ("High", "20,000") a
 * file refuses with exactly what to write instead.
 */
static void
test_trait_aliases_and_strictness(void **state)
{
	static const struct {
		const char *text;
		const char *message;
	} bad[] = {
		{ "io_load: High\n", "io_load: unknown value 'High'; write "
		    "'high' (values are lower-case)" },
		{ "frontend: TypeScript\n", "frontend: unknown value "
		    "'TypeScript'; write 'typescript' (values are lower-case)" },
		{ "frontend: typscript\n", "frontend: unknown value "
		    "'typscript' (did you mean 'typescript'?); expected "
		    "'javascript', 'other' or 'none'" },
		{ "frontend: \"\"\n", "frontend: unknown value ''; expected "
		    "'javascript', 'other' or 'none'" },
		{ "concurrency: 20,000\n", "concurrency: '20,000' is not a "
		    "whole number; write 20000" },
		{ "concurrency: 1_000_000\n", "concurrency: '1_000_000' is "
		    "not a whole number; write 1000000" },
		{ "concurrency: \"20,000\"\n", "concurrency: expected a whole "
		    "number, found the quoted string \"20,000\"" },
		{ "concurrency: 20,00,\n", "concurrency: expected a whole "
		    "number, found '20,00,'" },
	};
	sp_profile p;
	sp_error err;
	size_t i;

	(void)state;
	assert_int_equal(decode(&p, "frontend: typescript\n", &err), SP_OK);
	assert_string_equal(m->traits[sp_matrix_trait(m, "frontend")].values[
	    trait(&p, "frontend")], "javascript");
	assert_int_equal(decode(&p, "frontend: \"ts\"\n", &err), SP_OK);
	assert_int_equal(trait(&p, "frontend"), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(decode(&p, bad[i].text, &err), SP_EDATA);
		if (strcmp(err.message, bad[i].message) != 0)
			fail_msg("case %zu: '%s', expected '%s'", i,
			    err.message, bad[i].message);
		assert_int_equal(err.line, 1);
		assert_true(err.column > 1);
	}
}

static void
test_set_weight(void **state)
{
	sp_profile p;
	sp_error err;
	int k = sp_matrix_criterion(m, "realtime");

	(void)state;
	sp_profile_defaults(&p, m);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime=7.5", &err),
	    SP_OK);
	assert_true(p.weight[k] == 7.5);
	assert_int_equal(p.override[k], SP_OVERRIDE_CLI);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime", &err),
	    SP_EUSAGE);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime=", &err),
	    SP_EUSAGE);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime=nan", &err),
	    SP_EUSAGE);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime=10.5", &err),
	    SP_EUSAGE);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime=0x5", &err),
	    SP_EUSAGE);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime= 3", &err),
	    SP_EUSAGE);
	assert_int_equal(sp_profile_set_weight(&p, m, "realtime=-0", &err),
	    SP_OK);
	assert_false(signbit(p.weight[k]));
	assert_int_equal(sp_profile_set_weight(&p, m, "realtim=1", &err),
	    SP_EUSAGE);
	assert_non_null(strstr(err.message, "did you mean 'realtime'?"));
}

/*
 * With a list, every bad value is reported, each located, and err keeps
 * the first; without one, decoding stops at the first as before.
 */
static void
test_every_error(void **state)
{
	static const char text[] = "concurency: 5\nrealtime: maybe\n"
	    "team:\n  python: 9\n  ruby: 1\nweights:\n  ml_suport: 2\n"
	    "  ml_support: 11\nio_load: high\n";
	static const int lines[] = { 1, 2, 4, 5, 7, 8 };
	sp_profile p;
	sp_errors all;
	sp_error err;
	sp_doc *doc;
	int i;

	(void)state;
	sp_error_clear(&err);
	sp_errors_clear(&all);
	assert_int_equal(sp_doc_parse(&doc, text, strlen(text), "p.yaml",
	    &err), SP_OK);
	assert_int_equal(sp_profile_decode_all(&p, m, doc, &err, &all),
	    SP_EDATA);
	assert_int_equal(all.count, 6);
	assert_int_equal(all.more, 0);
	for (i = 0; i < 6; i++) {
		assert_string_equal(all.list[i].file, "p.yaml");
		assert_int_equal(all.list[i].line, lines[i]);
	}
	assert_string_equal(err.message, all.list[0].message);
	assert_non_null(strstr(all.list[3].message, "unknown option 'ruby'"));
	/* The good value after the bad ones is read all the same. */
	assert_int_equal(trait(&p, "io_load"), 3);
	sp_error_clear(&err);
	assert_int_equal(sp_profile_decode(&p, m, doc, &err), SP_EDATA);
	assert_int_equal(err.line, 1);
	sp_doc_free(doc);
}

/* A matrix or a JSON result given as a profile is told for what it is. */
static void
test_wrong_kind(void **state)
{
	sp_profile p;
	sp_error err;

	(void)state;
	assert_int_equal(decode(&p, "format: 1\nname: m\noptions: []\n"
	    "criteria: []\n", &err), SP_EDATA);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.message, "this looks like a matrix, not a "
	    "profile: use --matrix FILE"));
	assert_int_equal(decode(&p, "{\"schema_version\": 1, \"input\": "
	    "\"p\", \"recommendation\": {}}\n", &err), SP_EDATA);
	assert_non_null(strstr(err.message, "this looks like a result that "
	    "stackpick --format json wrote, not a profile"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_values_and_aliases),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_trait_aliases_and_strictness),
		cmocka_unit_test(test_every_error),
		cmocka_unit_test(test_wrong_kind),
		cmocka_unit_test(test_set_weight),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
