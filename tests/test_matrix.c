/* Unit tests for matrix loading and validation (src/matrix.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/matrix.h"

/* A valid matrix; the error cases below each break one thing in it. */
#define HEAD "format: 1\nname: t\nscale: {min: 1, max: 5}\n"
#define OPTS "options:\n  - {id: a, label: A, aliases: [aa]}\n" \
             "  - {id: b, label: B}\n"
#define TRAITS "traits:\n  - {id: load, type: enum, values: [lo, hi], " \
               "default: lo}\n  - {id: n, type: integer, min: 0, " \
               "max: 9, default: 1}\n"
#define CRIT "criteria:\n  - id: c1\n    label: C1\n    weight: 2\n" \
             "    ratings:\n      a: {rating: 5, why: x}\n" \
             "      b: {rating: 1, why: y}\n" \
             "    rules:\n      - {when: {load: hi}, add: 3}\n" \
             "      - {when: [{n: {min: 5}}, {load: [lo]}], add: 1}\n"

static sp_status
load(sp_matrix **m, const char *text, sp_error *err)
{
	sp_error_clear(err);
	return sp_matrix_parse(m, text, strlen(text), "m.yaml", err);
}

static void
test_builtin(void **state)
{
	static const char *const ids[] = { "learning_curve",
		"io_performance", "cpu_performance", "ml_support", "realtime",
		"community", "hiring", "fullstack", "serverless", "deployment",
		"maintainability", "team_fit" };
	sp_matrix *m;
	sp_error err;
	size_t i;
	int k, o;

	(void)state;
	assert_int_equal(sp_matrix_builtin(&m, &err), SP_OK);
	assert_int_equal(m->noptions, 2);
	assert_string_equal(m->options[0].id, "python");
	assert_string_equal(m->options[1].id, "nodejs");
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		assert_true(sp_matrix_criterion(m, ids[i]) >= 0);
	/* Every rating carries a rationale; team_fit comes from the team. */
	for (k = 0; k < m->ncriteria; k++) {
		const sp_criterion *c = &m->criteria[k];

		if (c->from_team) {
			assert_string_equal(c->id, "team_fit");
			continue;
		}
		for (o = 0; o < m->noptions; o++) {
			assert_non_null(c->why[o]);
			assert_true(strlen(c->why[o]) > 10);
			assert_true(c->ratings[o] >= 1 && c->ratings[o] <= 5);
		}
	}
	/* Every weight and rule of the shipped matrix gives its reason. */
	for (k = 0; k < m->ncriteria; k++) {
		const sp_criterion *c = &m->criteria[k];

		assert_non_null(c->weight_why);
		for (o = 0; o < c->nrules; o++)
			assert_non_null(c->rules[o].why);
	}
	assert_true(m->nchecklist >= 5);
	assert_true(m->npitfalls >= 4);
	for (k = 0; k < m->ntraits; k++)
		assert_non_null(m->traits[k].question);
	sp_matrix_free(m);
}

static void
test_small(void **state)
{
	sp_matrix *m;
	sp_error err;

	(void)state;
	assert_int_equal(load(&m, HEAD OPTS TRAITS CRIT, &err), SP_OK);
	assert_int_equal(m->noptions, 2);
	assert_int_equal(sp_matrix_option(m, "aa"), 0);
	assert_int_equal(sp_matrix_option(m, "b"), 1);
	assert_int_equal(sp_matrix_option(m, "c"), -1);
	assert_int_equal(m->criteria[0].nrules, 2);
	assert_int_equal(m->criteria[0].rules[1].when.nclauses, 2);
	assert_int_equal(m->criteria[0].rules[1].when.terms[0].min, 5);
	assert_int_equal(m->criteria[0].rules[1].when.terms[0].max, 9);
	assert_true(m->criteria[0].rules[0].when.terms[0].set == 2u);
	sp_matrix_free(m);
}

static void
test_errors(void **state)
{
	static const struct {
		const char *text;
		const char *message;
	} cases[] = {
		{ HEAD "options:\n  - {id: a, label: A}\n" TRAITS CRIT,
		    "a matrix has 2 to 64 options, found 1" },
		{ HEAD "options:\n  - {id: a, label: A}\n  - {id: a, label: "
		    "B}\n" TRAITS CRIT, "option id 'a' is already used" },
		{ HEAD "options:\n  - {id: a, label: A, aliases: [b]}\n"
		    "  - {id: b, label: B}\n" TRAITS CRIT,
		    "option id 'b' is already used" },
		{ HEAD "options:\n  - {id: a, label: A}\n  - {id: b, label: "
		    "B, aliases: [a]}\n" TRAITS CRIT,
		    "alias 'a' is already used" },
		{ HEAD "options:\n  - {id: A, label: A}\n  - {id: b, label: "
		    "B}\n" TRAITS CRIT, "'A' is not a valid id" },
		{ HEAD OPTS TRAITS "criteria:\n  - id: c1\n    label: C1\n"
		    "    weight: 2\n    ratings:\n      a: {rating: 5, why: x}"
		    "\n", "criterion 'c1' has no rating for option 'b'" },
		{ HEAD OPTS TRAITS "criteria:\n  - id: c1\n    label: C1\n"
		    "    weight: 2\n    ratings:\n      a: {rating: 6, why: x}"
		    "\n      b: {rating: 1, why: y}\n",
		    "rating: 6 is out of range (1 to 5)" },
		{ HEAD OPTS TRAITS CRIT "  - id: c1\n    label: again\n"
		    "    weight: 1\n    ratings_from: team\n",
		    "criterion id 'c1' is already used" },
		{ HEAD OPTS TRAITS "criteria:\n  - id: c1\n    label: C1\n"
		    "    weight: 11\n    ratings_from: team\n",
		    "weight: 11 is out of range (0 to 10)" },
		{ HEAD OPTS TRAITS "criteria:\n  - id: c1\n    label: C1\n"
		    "    weight: 1\n    ratings_from: team\n    rules:\n"
		    "      - {when: {lod: hi}, add: 1}\n",
		    "when: unknown trait 'lod' (did you mean 'load'?)" },
		{ HEAD OPTS TRAITS "criteria:\n  - id: c1\n    label: C1\n"
		    "    weight: 1\n    ratings_from: team\n    rules:\n"
		    "      - {when: {load: mid}, add: 1}\n",
		    "load: unknown value 'mid'" },
		{ HEAD OPTS "traits:\n  - {id: team, type: boolean, default: "
		    "false}\n" CRIT, "trait id 'team' is reserved" },
		{ HEAD OPTS "traits:\n  - {id: x, type: enum, values: [p, p], "
		    "default: p}\n" CRIT, "value 'p' is listed twice" },
		{ HEAD OPTS TRAITS CRIT "pitfalls:\n  - {option: zz, text: t}\n",
		    "pitfalls: unknown option 'zz'" },
		{ "format: 2\nname: t\n", "format: 2 is out of range (1 to 1)" },
		{ HEAD OPTS TRAITS CRIT "checklist:\n  - {when: [], text: t}\n",
		    "when: empty list" },
		{ HEAD "options:\n  - {id: a, label: \"A\\e[31m\"}\n"
		    "  - {id: b, label: B}\n" TRAITS CRIT,
		    "option label: control characters are not accepted" },
		{ HEAD OPTS TRAITS CRIT "tools:\n  - {text: \"x\\u009b31m\"}\n",
		    "text: control characters are not accepted" },
		{ HEAD OPTS TRAITS CRIT "colour: red\n",
		    "matrix: unknown key 'colour'" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sp_matrix *m = NULL;
		sp_error err;

		assert_int_equal(load(&m, cases[i].text, &err), SP_EDATA);
		assert_null(m);
		if (strstr(err.message, cases[i].message) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, err.message,
			    cases[i].message);
		assert_true(err.line > 0);
		assert_true(err.column > 0);
	}
}


/*
 * A control character is refused wherever it stands in a label, the
 * text is checked eight bytes at a time; printable UTF-8 is kept.
 */
static void
test_control_anywhere(void **state)
{
	static const char *const bad[] = { "\\x01", "\\x7f", "\\u0085",
		"\\x1f" };
	static const char *const good[] = { "\\u00e9", "\\u00a0", "~" };
	char text[1024], label[128];
	size_t k;
	int at, len = 24, want;

	(void)state;
	for (k = 0; k < 7; k++) {
		for (at = 0; at < len; at++) {
			sp_matrix *m = NULL;
			sp_error err;
			const char *c = k < 4 ? bad[k] : good[k - 4];

			want = k < 4 ? SP_EDATA : SP_OK;
			snprintf(label, sizeof(label), "%.*s%s%.*s", at,
			    "abcdefghijklmnopqrstuvwxyz", c, len - at - 1,
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
			snprintf(text, sizeof(text), HEAD "options:\n  - {id: "
			    "a, label: \"%s\"}\n  - {id: b, label: B}\n"
			    TRAITS CRIT, label);
			if (load(&m, text, &err) != want)
				fail_msg("'%s' at %d: %s", c, at, err.message);
			if (want == SP_EDATA)
				assert_non_null(strstr(err.message,
				    "control characters are not accepted"));
			sp_matrix_free(m);
		}
	}
}

/*
 * Trait tests over all rules are bounded (SP_MAX_RULE_TESTS): the search
 * for answers that would change the recommendation costs their square.
 * The bound counts every test of every clause, in every criterion, and
 * not the conditions of checklist, pitfalls and tools.
 */
static void
test_rule_tests(void **state)
{
	size_t per = 20 + 2 * 48, size = (size_t)SP_MAX_RULE_TESTS * per +
	    4096;
	char *text = malloc(size), *p;
	sp_matrix *m;
	sp_error err;
	int i, line;

	(void)state;
	/* Two criteria; every rule tests two traits, one per clause. */
	p = text + sprintf(text, HEAD OPTS TRAITS "checklist:\n"
	    "  - {when: {n: 1, load: hi}, text: x}\n"
	    "criteria:\n  - id: c1\n    label: C1\n    weight: 2\n"
	    "    ratings: {a: {rating: 5, why: x}, b: {rating: 1, why: y}}\n"
	    "    rules:\n");
	line = 17;
	for (i = 0; i < SP_MAX_RULE_TESTS / 2; i++) {
		if (i == SP_MAX_RULE_TESTS / 4) {
			p += sprintf(p, "  - id: c2\n    label: C2\n"
			    "    weight: 2\n    ratings: {a: {rating: 5, "
			    "why: x}, b: {rating: 1, why: y}}\n    rules:\n");
			line += 5;
		}
		p += sprintf(p, "      - {when: [{n: {min: %d}}, {load: hi}], "
		    "add: 1}\n", i % 9);
		line++;
	}
	assert_int_equal(load(&m, text, &err), SP_OK);
	assert_int_equal(m->criteria[0].nrules + m->criteria[1].nrules,
	    SP_MAX_RULE_TESTS / 2);
	sp_matrix_free(m);
	/* One test more, in a rule with one clause. */
	sprintf(p, "      - {when: {n: 3}, add: 1}\n");
	assert_int_equal(load(&m, text, &err), SP_EDATA);
	assert_int_equal(err.line, line + 1);
	assert_int_equal(err.column, 17);
	assert_string_equal(err.message, "rules: more than 1024 trait tests "
	    "in the rules of one matrix");
	free(text);
}

#define ALIASED(a) HEAD OPTS TRAITS "  - id: fe\n    type: enum\n" \
    "    values: [js, other, none]\n    aliases: " a "\n" \
    "    default: none\n" CRIT

/* The matrix of ALIASED with aliases a, for aliases known at run time. */
static const char *
aliased(const char *a)
{
	static char text[2048];

	snprintf(text, sizeof(text), ALIASED("%s"), a);
	return text;
}

/* Aliases: other names for enum values, checked where they are written. */
static void
test_trait_aliases(void **state)
{
	static const struct {
		const char *aliases;
		const char *message;
		int line, column;
	} bad[] = {
		{ "{typescript: javascrpt}", "aliases: unknown value "
		    "'javascrpt'; expected 'js', 'other' or 'none'", 13, 27 },
		{ "{ts: js, other: js}", "alias 'other' is already a value "
		    "of 'fe'", 13, 23 },
		{ "{ts: js, TS: js}", "alias: 'TS' is not a valid id (use "
		    "lower-case letters, digits, '_' and '-')", 13, 23 },
		{ "[ts, js]", "aliases: expected a mapping, found a sequence",
		    13, 14 },
		{ "{ts: [js]}", "aliases: expected 'js', 'other' or 'none', "
		    "found a sequence", 13, 19 },
	};
	const sp_trait *tr;
	sp_matrix *m;
	sp_error err;
	size_t i;

	(void)state;
	if (load(&m, ALIASED("{ts: js, typescript: js, nothing: none}"),
	    &err) != SP_OK)
		fail_msg("%d:%d: %s", err.line, err.column, err.message);
	tr = &m->traits[2];
	assert_int_equal(tr->naliases, 3);
	assert_int_equal(sp_trait_value(tr, "js"), 0);
	assert_int_equal(sp_trait_value(tr, "typescript"), 0);
	assert_int_equal(sp_trait_value(tr, "nothing"), 2);
	assert_int_equal(sp_trait_value(tr, "TS"), -1);
	assert_int_equal(sp_trait_value(tr, "t"), -1);
	sp_matrix_free(m);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		m = NULL;
		assert_int_equal(load(&m, aliased(bad[i].aliases), &err),
		    SP_EDATA);
		assert_null(m);
		if (strcmp(err.message, bad[i].message) != 0)
			fail_msg("case %zu: '%s', expected '%s'", i,
			    err.message, bad[i].message);
		if (err.line != bad[i].line || err.column != bad[i].column)
			fail_msg("case %zu: at %d:%d, expected %d:%d", i,
			    err.line, err.column, bad[i].line, bad[i].column);
	}
	/* Only enum traits have aliases; a duplicate is a duplicate key. */
	assert_int_equal(load(&m, HEAD OPTS "traits:\n  - {id: x, type: "
	    "boolean, default: false, aliases: {y: true}}\n" CRIT, &err),
	    SP_EDATA);
	assert_string_equal(err.message, "aliases: only an enum trait has "
	    "aliases");
	assert_int_equal(load(&m, ALIASED("{ts: js, ts: js}"), &err),
	    SP_EDATA);
	assert_non_null(strstr(err.message, "duplicate key 'ts'"));
	/* The shipped matrix counts TypeScript as a JavaScript front end. */
	assert_int_equal(sp_matrix_builtin(&m, &err), SP_OK);
	tr = &m->traits[sp_matrix_trait(m, "frontend")];
	assert_string_equal(tr->values[sp_trait_value(tr, "typescript")],
	    "javascript");
	sp_matrix_free(m);
}

/*
 * With a list, a bad value in one criterion does not hide those in the
 * next; a problem later parts depend on (an option's id) still stops.
 */
static void
test_every_error(void **state)
{
	static const char text[] = HEAD OPTS TRAITS
	    "criteria:\n  - id: c1\n    label: C1\n    weight: 12\n"
	    "    ratings:\n      a: {rating: 9, why: x}\n"
	    "      b: {rating: 1, why: y}\n"
	    "  - id: c2\n    label: C2\n    weight: 1\n    colour: red\n"
	    "    ratings:\n      a: {rating: 5, why: x}\n"
	    "      b: {rating: 1, why: y}\n"
	    "    rules:\n      - {when: {load: high}, add: 3}\n";
	static const char broken[] = HEAD
	    "options:\n  - {id: A, label: A}\n  - {id: b}\n"
	    "criteria:\n  - {id: c1, label: C1, weight: 99}\n";
	sp_matrix *mx = (sp_matrix *)1;
	sp_errors all;
	sp_error err;

	(void)state;
	sp_error_clear(&err);
	sp_errors_clear(&all);
	assert_int_equal(sp_matrix_parse_all(&mx, text, strlen(text),
	    "m.yaml", &err, &all), SP_EDATA);
	assert_null(mx);
	assert_int_equal(all.count, 4);
	assert_non_null(strstr(all.list[0].message, "weight: 12 is out of"));
	assert_non_null(strstr(all.list[1].message, "rating: 9 is out of"));
	assert_non_null(strstr(all.list[2].message, "unknown key 'colour'"));
	assert_non_null(strstr(all.list[3].message, "unknown value 'high'"));
	assert_string_equal(err.message, all.list[0].message);
	/* Without a list, the first only. */
	assert_int_equal(load(&mx, text, &err), SP_EDATA);
	assert_non_null(strstr(err.message, "weight: 12 is out of"));
	/* A bad option id stops before the criteria are read. */
	sp_errors_clear(&all);
	assert_int_equal(sp_matrix_parse_all(&mx, broken, strlen(broken),
	    "m.yaml", &err, &all), SP_EDATA);
	assert_int_equal(all.count, 1);
	assert_non_null(strstr(all.list[0].message, "'A' is not a valid id"));
}

/* A profile or a JSON result given as a matrix is told for what it is. */
static void
test_wrong_kind(void **state)
{
	sp_matrix *mx;
	sp_error err;

	(void)state;
	assert_int_equal(load(&mx, "name: p\nrealtime: true\nteam:\n"
	    "  python: 3\n", &err), SP_EDATA);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.message, "this looks like a profile, not a "
	    "matrix: pass it as an operand"));
	assert_int_equal(load(&mx, "{\"schema_version\": 1, "
	    "\"recommendation\": {}}\n", &err), SP_EDATA);
	assert_non_null(strstr(err.message, "this looks like a result"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_error),
		cmocka_unit_test(test_wrong_kind),
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_rule_tests),
		cmocka_unit_test(test_control_anywhere),
		cmocka_unit_test(test_trait_aliases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
