/* Unit tests for the questionnaire (src/questionnaire.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/questionnaire.h"

static sp_matrix *m, *small, *aliased;

/*
 * A matrix whose enum has values sharing a prefix, a bare trait, and
 * an enum whose values read as numbers.
 */
static const char small_text[] =
    "format: 1\n"
    "name: test\n"
    "scale: {min: 1, max: 5}\n"
    "options:\n"
    "  - {id: alpha, label: Alpha}\n"
    "  - {id: beta, label: Beta}\n"
    "traits:\n"
    "  - id: speed\n"
    "    type: enum\n"
    "    values: [high, higher, low]\n"
    "    default: low\n"
    "    question: How fast?\n"
    "    help: Pick one.\n"
    "  - id: bare\n"
    "    type: integer\n"
    "    min: 5\n"
    "    max: 50\n"
    "    default: 10\n"
    "  - id: digits\n"
    "    type: enum\n"
    "    values: [\"3\", \"1\", \"2\"]\n"
    "    default: \"3\"\n"
    "criteria:\n"
    "  - id: c\n"
    "    label: C\n"
    "    weight: 1\n"
    "    ratings:\n"
    "      alpha: {rating: 1, why: a}\n"
    "      beta: {rating: 2, why: b}\n";

/*
 * A matrix with aliases: one value is called "back", and one alias reads
 * as a number.
 */
static const char aliased_text[] =
    "format: 1\n"
    "name: test\n"
    "scale: {min: 1, max: 5}\n"
    "options:\n"
    "  - {id: alpha, label: Alpha}\n"
    "  - {id: beta, label: Beta}\n"
    "traits:\n"
    "  - id: side\n"
    "    type: enum\n"
    "    values: [front, back, none]\n"
    "    aliases: {fore: front, rear: back, forward: front}\n"
    "    default: none\n"
    "  - id: lang\n"
    "    type: enum\n"
    "    values: [javascript, other]\n"
    "    aliases: {typescript: javascript, \"2\": other}\n"
    "    default: other\n"
    "criteria:\n"
    "  - id: c\n"
    "    label: C\n"
    "    weight: 1\n"
    "    ratings:\n"
    "      alpha: {rating: 1, why: a}\n"
    "      beta: {rating: 2, why: b}\n";

static int
setup(void **state)
{
	sp_error err;

	(void)state;
	if (sp_matrix_builtin(&m, &err) != SP_OK)
		return -1;
	if (sp_matrix_parse(&small, small_text, sizeof(small_text) - 1,
	    "small.yaml", &err) != SP_OK) {
		fprintf(stderr, "%d:%d: %s\n", err.line, err.column,
		    err.message);
		return -1;
	}
	if (sp_matrix_parse(&aliased, aliased_text, sizeof(aliased_text) - 1,
	    "aliased.yaml", &err) != SP_OK) {
		fprintf(stderr, "%d:%d: %s\n", err.line, err.column,
		    err.message);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sp_matrix_free(m);
	sp_matrix_free(small);
	sp_matrix_free(aliased);
	return 0;
}

/* Checks that a text of sp_quiz_* is want, and frees it. */
static void
want_text(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* The question that sets trait id of matrix mx. */
static sp_question
trait_q(const sp_matrix *mx, const char *id)
{
	sp_question q;

	q.kind = SP_ASK_TRAIT;
	q.index = sp_matrix_trait(mx, id);
	assert_true(q.index >= 0);
	return q;
}

/* Answers trait id with line and returns the outcome; value in *v. */
static sp_answer
answer(const sp_matrix *mx, const char *id, const char *line, long *v,
    sp_error *err)
{
	sp_question q = trait_q(mx, id);
	sp_profile p;
	sp_answer a;

	sp_profile_defaults(&p, mx);
	sp_error_clear(err);
	a = sp_quiz_answer(&p, mx, &q, line, err);
	*v = p.value[q.index];
	if (a == SP_ANSWER_VALUE)
		assert_true(p.given[q.index]);
	else
		assert_false(p.given[q.index]);
	return a;
}

static void
want_value(const sp_matrix *mx, const char *id, const char *line,
    long want)
{
	sp_error err;
	long v;

	if (answer(mx, id, line, &v, &err) != SP_ANSWER_VALUE)
		fail_msg("'%s' for %s: %s", line, id, err.message);
	assert_int_equal(v, want);
}

static void
want_invalid(const sp_matrix *mx, const char *id, const char *line,
    const char *why)
{
	sp_error err;
	long v;

	assert_int_equal(answer(mx, id, line, &v, &err), SP_ANSWER_INVALID);
	if (strstr(err.message, why) == NULL)
		fail_msg("'%s' for %s: '%s' lacks '%s'", line, id,
		    err.message, why);
	/* The message is a plain lower-case sentence fragment. */
	assert_true(err.message[strlen(err.message) - 1] != '.');
}

static void
test_plan_order(void **state)
{
	sp_question q[SP_MAX_QUESTIONS];
	int n, i;

	(void)state;
	n = sp_quiz_plan(q, m);
	assert_int_equal(n, 2 + m->noptions + m->ntraits);
	assert_int_equal(q[0].kind, SP_ASK_NAME);
	for (i = 0; i < m->noptions; i++) {
		assert_int_equal(q[1 + i].kind, SP_ASK_TEAM);
		assert_int_equal(q[1 + i].index, i);
	}
	for (i = 0; i < m->ntraits; i++) {
		assert_int_equal(q[1 + m->noptions + i].kind, SP_ASK_TRAIT);
		assert_int_equal(q[1 + m->noptions + i].index, i);
	}
	/* The musts come last. */
	assert_int_equal(q[n - 1].kind, SP_ASK_MUSTS);
	/* No criterion is rated from the team: no team questions. */
	n = sp_quiz_plan(q, small);
	assert_int_equal(n, 2 + small->ntraits);
	assert_int_equal(q[1].kind, SP_ASK_TRAIT);
}

static void
test_text_comes_from_matrix(void **state)
{
	sp_question q = trait_q(m, "io_load"), bare = trait_q(small, "bare");
	sp_question team = { SP_ASK_TEAM, 1 };

	(void)state;
	want_text(sp_quiz_question(&q, m), m->traits[q.index].question);
	assert_ptr_equal(sp_quiz_help(&q, m), m->traits[q.index].help);
	want_text(sp_quiz_choices(&q, m), "1) none  2) low  3) medium  "
	    "4) high");
	want_text(sp_quiz_question(&team, m), "How well does the team know "
	    "NodeJS?");
	/* A matrix without question or help still asks something. */
	want_text(sp_quiz_question(&bare, small), "Value of 'bare'?");
	assert_null(sp_quiz_help(&bare, small));
	want_text(sp_quiz_choices(&bare, small), "5 to 50");
	team.index = 1;
	want_text(sp_quiz_question(&team, small), "How well does the team "
	    "know Beta?");
}

static void
test_enum_by_number_name_prefix(void **state)
{
	(void)state;
	want_value(m, "io_load", "1", 0);
	want_value(m, "io_load", "4", 3);
	want_value(m, "io_load", "high", 3);
	want_value(m, "io_load", "  High \t", 3);
	want_value(m, "io_load", "me", 2);
	want_value(m, "io_load", "l", 1);
	want_value(m, "frontend", "JAVA", 0);
	/* An exact name wins over a longer one it is a prefix of. */
	want_value(small, "speed", "high", 0);
	want_value(small, "speed", "highe", 1);
}

static void
test_enum_invalid(void **state)
{
	(void)state;
	want_invalid(m, "io_load", "0", "0 is not one of the choices: "
	    "answer a number from 1 to 4");
	want_invalid(m, "io_load", "5", "answer a number from 1 to 4");
	want_invalid(m, "io_load", "-1", "answer a number from 1 to 4");
	want_invalid(m, "io_load", "hihg", "'hihg' is not one of the "
	    "choices");
	want_invalid(m, "io_load", "hgh", "did you mean 'high'");
	want_invalid(small, "speed", "hi", "'hi' could be 'high' or "
	    "'higher'");
	want_invalid(m, "io_load", "zzz", "'zzz' is not one of the choices: "
	    "answer 'none', 'low', 'medium' or 'high', or its number");
}

/* A number too large for a long is refused, not compared unset. */
static void
test_enum_huge_number(void **state)
{
	(void)state;
	want_invalid(m, "io_load", "99999999999999999999", "99999999999999999999 "
	    "is not one of the choices: answer a number from 1 to 4");
	want_invalid(m, "io_load", "-99999999999999999999", "is not one of "
	    "the choices");
	want_invalid(m, "io_load", "#99999999999999999999", "is not one of "
	    "the choices");
	want_invalid(small, "digits", "99999999999999999999", "is not one "
	    "of the choices");
}

/* A value wins over a position, which then needs its '#'. */
static void
test_enum_numeric_values(void **state)
{
	sp_question q = trait_q(small, "digits"), io = trait_q(m, "io_load");

	(void)state;
	want_value(small, "digits", "1", 1);
	want_value(small, "digits", "3", 0);
	want_value(small, "digits", " 2 ", 2);
	want_value(small, "digits", "#1", 0);
	want_value(small, "digits", "#2", 1);
	want_invalid(small, "digits", "4", "'4' is not one of the choices: "
	    "type a value as shown, or #1 to #3 for its position");
	want_invalid(small, "digits", "#4", "#1 to #3");
	want_invalid(small, "digits", "#0", "#1 to #3");
	want_invalid(small, "digits", "x", "or its # and number");
	want_text(sp_quiz_choices(&q, small), "#1) 3  #2) 1  #3) 2  (type a "
	    "value as shown, or # and its number)");
	assert_true(sp_quiz_numeric_values(&small->traits[q.index]));
	assert_false(sp_quiz_numeric_values(&m->traits[io.index]));
	/* Other enums take "#N" as well as a bare number. */
	want_value(m, "io_load", "#2", 1);
	want_value(m, "io_load", "2", 1);
	want_invalid(m, "io_load", "#5", "answer a number from 1 to 4");
}

static void
test_bool(void **state)
{
	(void)state;
	want_value(m, "realtime", "y", 1);
	want_value(m, "realtime", "Yes", 1);
	want_value(m, "realtime", "true", 1);
	want_value(m, "realtime", "n", 0);
	want_value(m, "realtime", "NO", 0);
	want_value(m, "realtime", "f", 0);
	want_invalid(m, "realtime", "maybe", "'maybe' is not yes or no");
	want_invalid(m, "realtime", "yess", "is not yes or no");
	want_invalid(m, "realtime", "1", "is not yes or no");
}

static void
test_integer(void **state)
{
	(void)state;
	want_value(m, "concurrency", "0", 0);
	want_value(m, "concurrency", "20000", 20000);
	want_value(m, "concurrency", "20,000", 20000);
	want_value(m, "concurrency", "1_000_000", 1000000);
	want_value(m, "concurrency", "+7", 7);
	want_value(m, "concurrency", "100000000", 100000000);
	want_value(small, "bare", "5", 5);
	want_invalid(small, "bare", "4", "4 is out of range: answer a "
	    "number from 5 to 50");
	want_invalid(m, "concurrency", "100000001", "100000001 is out of "
	    "range: answer a number from 0 to 100000000");
	want_invalid(m, "concurrency", "-1", "-1 is out of range");
	want_invalid(m, "concurrency", "99999999999999999999999",
	    "is out of range");
	want_invalid(m, "concurrency", "lots", "'lots' is not a whole "
	    "number: answer a number from 0 to 100000000");
	want_invalid(m, "concurrency", "2.5", "is not a whole number");
	want_invalid(m, "concurrency", "0x10", "is not a whole number");
	want_invalid(m, "concurrency", "1,,000", "is not a whole number");
	want_invalid(m, "concurrency", ",100", "is not a whole number");
	want_invalid(m, "concurrency", "100,", "is not a whole number");
	want_invalid(m, "maintenance_years", "101", "answer a number "
	    "from 0 to 100");
}

static void
test_default_help_eof(void **state)
{
	sp_question q = trait_q(m, "io_load");
	sp_profile p, before;
	sp_error err;

	(void)state;
	sp_profile_defaults(&p, m);
	before = p;
	assert_int_equal(sp_quiz_answer(&p, m, &q, "", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(sp_quiz_answer(&p, m, &q, "   ", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(sp_quiz_answer(&p, m, &q, "?", &err),
	    SP_ANSWER_HELP);
	assert_int_equal(sp_quiz_answer(&p, m, &q, " ? ", &err),
	    SP_ANSWER_HELP);
	assert_int_equal(sp_quiz_answer(&p, m, &q, NULL, &err),
	    SP_ANSWER_EOF);
	assert_memory_equal(&p, &before, sizeof(p));
}

static void
test_too_long(void **state)
{
	sp_question q = trait_q(m, "io_load");
	char line[SP_MAX_ANSWER + 2];
	sp_profile p;
	sp_error err;

	(void)state;
	sp_profile_defaults(&p, m);
	memset(line, 'h', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	assert_int_equal(sp_quiz_answer(&p, m, &q, line, &err),
	    SP_ANSWER_INVALID);
	assert_non_null(strstr(err.message, "longer than"));
}

static void
test_defaults_shown(void **state)
{
	sp_question q = trait_q(m, "io_load"), rt = trait_q(m, "realtime");
	sp_question name = { SP_ASK_NAME, 0 }, team = { SP_ASK_TEAM, 1 };
	sp_profile p;
	sp_error err;

	(void)state;
	sp_profile_defaults(&p, m);
	want_text(sp_quiz_default(&q, &p, m), "medium");
	want_text(sp_quiz_default(&rt, &p, m), "no");
	want_text(sp_quiz_default(&name, &p, m), "");
	want_text(sp_quiz_default(&team, &p, m), "");
	/* A profile being edited offers its own values. */
	assert_int_equal(sp_quiz_answer(&p, m, &q, "high", &err),
	    SP_ANSWER_VALUE);
	want_text(sp_quiz_default(&q, &p, m), "high");
	/* Once one option has a proficiency, the others default to 0. */
	team.index = 0;
	assert_int_equal(sp_quiz_answer(&p, m, &team, "4", &err),
	    SP_ANSWER_VALUE);
	team.index = 1;
	want_text(sp_quiz_default(&team, &p, m), "0");
}

static void
test_team(void **state)
{
	sp_question team = { SP_ASK_TEAM, 1 };
	sp_profile p;
	sp_error err;

	(void)state;
	sp_profile_defaults(&p, m);
	assert_int_equal(sp_quiz_answer(&p, m, &team, "", &err),
	    SP_ANSWER_DEFAULT);
	sp_quiz_finish(&p, m);
	assert_false(p.team_given);
	assert_int_equal(p.team[0], -1);
	assert_int_equal(sp_quiz_answer(&p, m, &team, "6", &err),
	    SP_ANSWER_INVALID);
	assert_string_equal(err.message, "6 is out of range: answer a "
	    "number from 0 to 5");
	assert_int_equal(sp_quiz_answer(&p, m, &team, "expert", &err),
	    SP_ANSWER_INVALID);
	assert_false(p.team_given);
	assert_int_equal(sp_quiz_answer(&p, m, &team, "5", &err),
	    SP_ANSWER_VALUE);
	assert_true(p.team_given);
	assert_int_equal(p.team[1], 5);
	sp_quiz_finish(&p, m);
	assert_int_equal(p.team[0], 0);
	assert_int_equal(p.team[1], 5);
}

static void
test_name(void **state)
{
	sp_question name = { SP_ASK_NAME, 0 };
	char line[SP_NAME_MAX + 2];
	sp_profile p;
	sp_error err;

	(void)state;
	sp_profile_defaults(&p, m);
	assert_int_equal(sp_quiz_answer(&p, m, &name, "  shop: v2 # new ",
	    &err), SP_ANSWER_VALUE);
	assert_string_equal(p.name, "shop: v2 # new");
	assert_int_equal(sp_quiz_answer(&p, m, &name, "caf\xc3\xa9", &err),
	    SP_ANSWER_VALUE);
	assert_string_equal(p.name, "caf\xc3\xa9");
	assert_int_equal(sp_quiz_answer(&p, m, &name, "bad\x01", &err),
	    SP_ANSWER_INVALID);
	assert_non_null(strstr(err.message, "control characters"));
	/* An escape sequence is a key the terminal sent, not a name. */
	assert_int_equal(sp_quiz_answer(&p, m, &name, "bad\x1b[2J", &err),
	    SP_ANSWER_INVALID);
	assert_non_null(strstr(err.message, "special keys"));
	assert_int_equal(sp_quiz_answer(&p, m, &name, "caf\xe9", &err),
	    SP_ANSWER_INVALID);
	assert_int_equal(sp_quiz_answer(&p, m, &name, "\xc0\xaf", &err),
	    SP_ANSWER_INVALID);
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	assert_int_equal(sp_quiz_answer(&p, m, &name, line, &err),
	    SP_ANSWER_INVALID);
	assert_non_null(strstr(err.message, "longer than 128 bytes"));
	line[SP_NAME_MAX] = '\0';
	assert_int_equal(sp_quiz_answer(&p, m, &name, line, &err),
	    SP_ANSWER_VALUE);
	assert_string_equal(p.name, line);
}

/* A name the questionnaire takes is one a file may hold, and back. */
static void
test_name_same_as_file(void **state)
{
	static const struct {
		const char *raw, *yaml;
		int ok;
	} cases[] = {
		{ "caf\xc3\xa9", "caf\\u00e9", 1 },
		{ "\xc2\xa0nbsp", "\\u00a0nbsp", 1 },
		{ "rlm\xe2\x80\x8f", "rlm\\u200f", 1 },
		{ "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\\u05e9\\u05dc\\u05d5\\u05dd", 1 },
		{ "nel\xc2\x85x", "nel\\u0085x", 0 },
		{ "csi\xc2\x9b" "31m", "csi\\u009b31m", 0 },
		{ "c1\xc2\x80", "c1\\u0080", 0 },
		{ "c1\xc2\x9f", "c1\\u009f", 0 },
		{ "rlo\xe2\x80\xae" "evil", "rlo\\u202eevil", 0 },
		{ "lre\xe2\x80\xaax", "lre\\u202ax", 0 },
		{ "fsi\xe2\x81\xa8x", "fsi\\u2068x", 0 },
		{ "pdi\xe2\x81\xa9x", "pdi\\u2069x", 0 },
		{ "ls\xe2\x80\xa8x", "ls\\u2028x", 0 },
		{ "ps\xe2\x80\xa9x", "ps\\u2029x", 0 },
		{ "tab\tx", "tab\\tx", 0 },
		{ "del\x7f", "del\\x7f", 0 },
	};
	sp_question name = { SP_ASK_NAME, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[256];
		sp_profile p, f;
		sp_error err;
		sp_doc *doc;
		sp_answer a;
		sp_status rc;

		sp_profile_defaults(&p, m);
		a = sp_quiz_answer(&p, m, &name, cases[i].raw, &err);
		snprintf(text, sizeof(text), "name: \"%s\"\n", cases[i].yaml);
		assert_int_equal(sp_doc_parse(&doc, text, strlen(text),
		    "p.yaml", &err), SP_OK);
		rc = sp_profile_decode(&f, m, doc, &err);
		sp_doc_free(doc);
		if ((a == SP_ANSWER_VALUE) != cases[i].ok ||
		    (rc == SP_OK) != cases[i].ok)
			fail_msg("case %zu (%s): questionnaire %d, file %d", i,
			    cases[i].yaml, (int)a, (int)rc);
		if (cases[i].ok) {
			assert_string_equal(p.name, cases[i].raw);
			assert_string_equal(f.name, p.name);
		}
	}
}

static void
test_yesno(void **state)
{
	sp_error err;
	int yes = -1;

	(void)state;
	assert_int_equal(sp_quiz_yesno(&yes, "y", &err), SP_ANSWER_VALUE);
	assert_int_equal(yes, 1);
	assert_int_equal(sp_quiz_yesno(&yes, "No", &err), SP_ANSWER_VALUE);
	assert_int_equal(yes, 0);
	assert_int_equal(sp_quiz_yesno(&yes, "", &err), SP_ANSWER_DEFAULT);
	assert_int_equal(sp_quiz_yesno(&yes, "?", &err), SP_ANSWER_HELP);
	assert_int_equal(sp_quiz_yesno(&yes, NULL, &err), SP_ANSWER_EOF);
	assert_int_equal(sp_quiz_yesno(&yes, "sure", &err),
	    SP_ANSWER_INVALID);
	assert_string_equal(err.message, "'sure' is not yes or no");
}

/* Aliases are answers too: as written, ignoring case, in suggestions. */
static void
test_enum_aliases(void **state)
{
	sp_question q = trait_q(m, "frontend");
	sp_question lang = trait_q(aliased, "lang");

	(void)state;
	want_value(m, "frontend", "typescript", 0);
	want_value(m, "frontend", " TypeScript ", 0);
	want_value(m, "frontend", "ts", 0);
	want_value(m, "frontend", "JS", 0);
	want_value(m, "frontend", "oth", 1);
	want_invalid(m, "frontend", "typscript",
	    "'typscript' is not one of the choices (did you mean "
	    "'typescript'?)");
	want_value(aliased, "side", "rear", 1);
	want_value(aliased, "side", "Fore", 0);
	want_value(aliased, "side", "forward", 0);
	/* Prefixes name values only: "f" is front, "forw" no alias. */
	want_value(aliased, "side", "f", 0);
	want_invalid(aliased, "side", "for", "(did you mean 'fore'?)");
	/* An alias that reads as a number wins over a position. */
	want_value(aliased, "lang", "2", 1);
	want_value(aliased, "lang", "#1", 0);
	want_invalid(aliased, "lang", "1", "type a value as shown, or #1 "
	    "to #2");
	want_text(sp_quiz_choices(&lang, aliased), "#1) javascript  "
	    "#2) other  (type a value as shown, or # and its number)");
	/* The help lists what else each value is called. */
	want_text(sp_quiz_aliases(&q, m), "Also accepted: typescript, ts, "
	    "js for javascript.");
	q = trait_q(aliased, "side");
	want_text(sp_quiz_aliases(&q, aliased), "Also accepted: fore, "
	    "forward for front; rear for back.");
	q = trait_q(m, "io_load");
	want_text(sp_quiz_aliases(&q, m), "");
	q.kind = SP_ASK_NAME;
	want_text(sp_quiz_aliases(&q, m), "");
}

/* "<" and "back" go back a question and change nothing. */
static void
test_back(void **state)
{
	static const char *const lines[] = { "<", " < ", "back", "Back",
		"BACK\t" };
	sp_question q[SP_MAX_QUESTIONS];
	sp_profile p, before;
	sp_error err;
	size_t i;
	int k, n;

	(void)state;
	n = sp_quiz_plan(q, m);
	sp_profile_defaults(&p, m);
	p.team[0] = 3;
	p.team_given = 1;
	before = p;
	for (k = 0; k < n; k++)
		for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
			sp_error_clear(&err);
			if (sp_quiz_answer(&p, m, &q[k], lines[i], &err) !=
			    SP_ANSWER_BACK)
				fail_msg("'%s' at question %d is not back",
				    lines[i], k + 1);
			assert_memory_equal(&p, &before, sizeof(p));
		}
	/* Only the whole word: anything else is an answer. */
	want_invalid(m, "io_load", "<<", "'<<' is not one of the choices");
	want_invalid(m, "io_load", "backwards", "not one of the choices");
	/* A value called back is that value, as typed. */
	want_value(aliased, "side", "back", 1);
	want_value(aliased, "side", "BACK", 1);
	want_value(aliased, "side", "ba", 1);
	q[0] = trait_q(aliased, "side");
	assert_int_equal(sp_quiz_answer(&p, aliased, &q[0], "<", &err),
	    SP_ANSWER_BACK);
}

/* An arrow key arrives as an escape sequence: say what to type instead. */
static void
test_special_keys(void **state)
{
	sp_question name = { SP_ASK_NAME, 0 };
	sp_profile p;
	sp_error err;

	(void)state;
	want_invalid(m, "io_load", "\x1b[A", "type < and press Enter to go "
	    "back a question");
	want_invalid(m, "concurrency", "10\x1b[D", "special keys");
	sp_profile_defaults(&p, m);
	sp_error_clear(&err);
	assert_int_equal(sp_quiz_answer(&p, m, &name, "  \x1bOA", &err),
	    SP_ANSWER_INVALID);
	assert_int_equal(err.column, 3);
	assert_string_equal(p.name, "");
}

/* Checks that line, as a file name with HOME home, is path. */
static void
want_path(const char *line, const char *home, const char *path)
{
	sp_buf b = SP_BUF_INIT;
	sp_error err;

	sp_error_clear(&err);
	if (sp_quiz_path(&b, line, home, &err) != SP_ANSWER_VALUE)
		fail_msg("'%s': %s", line, err.message);
	assert_string_equal(sp_buf_cstr(&b), path);
	sp_buf_free(&b);
}

/* Checks that line is refused as a file name, with why at column col. */
static void
want_bad_path(const char *line, const char *home, const char *why,
    int col)
{
	sp_buf b = SP_BUF_INIT;
	sp_error err;

	sp_error_clear(&err);
	assert_int_equal(sp_quiz_path(&b, line, home, &err),
	    SP_ANSWER_INVALID);
	if (strstr(err.message, why) == NULL)
		fail_msg("'%s': '%s' lacks '%s'", line, err.message, why);
	assert_int_equal(err.column, col);
	assert_int_equal(b.len, 0);
	sp_buf_free(&b);
}

static void
test_path(void **state)
{
	sp_buf b = SP_BUF_INIT;
	sp_error err;

	(void)state;
	want_path("~", "/home/u", "/home/u");
	want_path("~/", "/home/u", "/home/u/");
	want_path(" ~/p.yaml\t", "/home/u", "/home/u/p.yaml");
	want_path("~/p.yaml", "/home/u/", "/home/u/p.yaml");
	want_path("~/p.yaml", "/", "/p.yaml");
	want_path("~/a/~/b", "/h", "/h/a/~/b");
	want_path("p~.yaml", "/h", "p~.yaml");
	want_path("./~x", "/h", "./~x");
	want_path("my answers.yaml", NULL, "my answers.yaml");
	want_path("./back", "/h", "./back");
	want_bad_path("~bob/p.yaml", "/h", "only ~ and ~/ stand for the "
	    "home directory", 1);
	want_bad_path("  ~/p.yaml", NULL, "HOME is not set", 3);
	want_bad_path("~", "", "HOME is not set", 1);
	want_bad_path("<", "/h", "the report is out", 1);
	want_bad_path(" back", "/h", "./back for a file of that name", 2);
	want_bad_path("\x1b[A", "/h", "special keys", 1);
	assert_int_equal(sp_quiz_path(&b, "", "/h", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(sp_quiz_path(&b, " \t", "/h", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(sp_quiz_path(&b, "?", "/h", &err), SP_ANSWER_HELP);
	assert_int_equal(sp_quiz_path(&b, NULL, "/h", &err), SP_ANSWER_EOF);
	assert_int_equal(b.len, 0);
	sp_buf_free(&b);
}

/* Parses line as a must for p, wanting outcome a. */
static void
want_must(sp_profile *p, const char *line, sp_answer a, const char *msg,
    int col)
{
	sp_error err;

	sp_answer got;

	sp_error_clear(&err);
	if ((got = sp_quiz_must(p, m, line, &err)) != a)
		fail_msg("'%s': %d, expected %d (%s)", line ? line : "(null)",
		    (int)got, (int)a, err.message);
	if (msg != NULL) {
		assert_non_null(strstr(err.message, msg));
		assert_int_equal(err.column, col);
	}
}

static void
test_musts_question(void **state)
{
	sp_question q = { SP_ASK_MUSTS, 0 };
	sp_profile p;
	sp_error err;
	int yes = -1;

	(void)state;
	sp_profile_defaults(&p, m);
	want_text(sp_quiz_question(&q, m), "Is anything non-negotiable?");
	want_text(sp_quiz_choices(&q, m), "yes or no");
	want_text(sp_quiz_default(&q, &p, m), "no");
	assert_non_null(sp_quiz_help(&q, m));
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, "", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(yes, 0);
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, " Y", &err),
	    SP_ANSWER_VALUE);
	assert_int_equal(yes, 1);
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, "<", &err),
	    SP_ANSWER_BACK);
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, "  maybe", &err),
	    SP_ANSWER_INVALID);
	assert_int_equal(err.column, 3);
	/* With musts, Enter keeps them, and no drops them. */
	want_must(&p, "exclude js", SP_ANSWER_VALUE, NULL, 0);
	want_text(sp_quiz_default(&q, &p, m), "yes");
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, "", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(yes, 1);
	assert_int_equal(p.nmusts, 1);
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, "no", &err),
	    SP_ANSWER_VALUE);
	assert_int_equal(yes, 0);
	assert_int_equal(p.nmusts, 0);
	assert_int_equal(sp_quiz_musts_wanted(&yes, &p, NULL, &err),
	    SP_ANSWER_EOF);
}

static void
test_must_lines(void **state)
{
	sp_profile p;
	int i;

	(void)state;
	sp_profile_defaults(&p, m);
	want_must(&p, "", SP_ANSWER_DEFAULT, NULL, 0);
	want_must(&p, " ?", SP_ANSWER_HELP, NULL, 0);
	want_must(&p, "Back", SP_ANSWER_BACK, NULL, 0);
	want_must(&p, NULL, SP_ANSWER_EOF, NULL, 0);
	want_must(&p, "EXCLUDE Node", SP_ANSWER_VALUE, NULL, 0);
	assert_int_equal(p.must[0].kind, SP_MUST_EXCLUDE);
	assert_int_equal(p.must[0].target, sp_matrix_option(m, "nodejs"));
	want_must(&p, "require nodejs", SP_ANSWER_INVALID,
	    "nodejs is already excluded", 9);
	want_must(&p, "require", SP_ANSWER_INVALID, "takes one option", 1);
	want_must(&p, "require pyton", SP_ANSWER_INVALID,
	    "'pyton' is not an option (did you mean 'python'?)", 9);
	want_must(&p, "  ml_support >= 3.5", SP_ANSWER_VALUE, NULL, 0);
	assert_int_equal(p.must[1].kind, SP_MUST_MIN);
	assert_true(p.must[1].min == 3.5);
	want_must(&p, "ml_support 4", SP_ANSWER_INVALID,
	    "ml_support already has a minimum", 1);
	want_must(&p, "realtime 6", SP_ANSWER_INVALID,
	    "6 is off the scale: give a rating from 1 to 5", 10);
	want_must(&p, "realtime four", SP_ANSWER_INVALID,
	    "'four' is not a rating", 10);
	want_must(&p, "realtime 0x4", SP_ANSWER_INVALID, "not a rating", 10);
	want_must(&p, "realtime", SP_ANSWER_INVALID, "'realtime 4'", 1);
	want_must(&p, "team_fit 3", SP_ANSWER_INVALID,
	    "rated from the team's answers", 1);
	want_must(&p, "realtme 3", SP_ANSWER_INVALID,
	    "(did you mean 'realtime'?)", 1);
	want_must(&p, "a b c d e", SP_ANSWER_INVALID, "one must per line", 1);
	want_must(&p, "\x1b[A", SP_ANSWER_INVALID, "special keys", 1);
	assert_int_equal(p.nmusts, 2);
	/* No more than a profile file holds. */
	for (i = 2; i < SP_MAX_MUSTS; i++)
		p.must[p.nmusts++] = p.must[1];
	want_must(&p, "realtime 3", SP_ANSWER_INVALID, "at most 16 musts", 1);
}

static void
test_must_reason_and_text(void **state)
{
	sp_profile p;
	sp_error err;
	char *help, big[SP_MUST_WHY_MAX + 2];

	(void)state;
	sp_profile_defaults(&p, m);
	want_must(&p, "exclude python", SP_ANSWER_VALUE, NULL, 0);
	want_must(&p, "io_performance 4", SP_ANSWER_VALUE, NULL, 0);
	assert_int_equal(sp_quiz_must_why(&p.must[0], "", &err),
	    SP_ANSWER_INVALID);
	assert_non_null(strstr(err.message, "give the reason"));
	assert_int_equal(sp_quiz_must_why(&p.must[1], "", &err),
	    SP_ANSWER_DEFAULT);
	assert_int_equal(sp_quiz_must_why(&p.must[0], "<", &err),
	    SP_ANSWER_BACK);
	assert_int_equal(sp_quiz_must_why(&p.must[0], "a\x01" "b", &err),
	    SP_ANSWER_INVALID);
	assert_int_equal(err.column, 2);
	assert_int_equal(sp_quiz_must_why(&p.must[0], "\xc3(", &err),
	    SP_ANSWER_INVALID);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(sp_quiz_must_why(&p.must[0], big, &err),
	    SP_ANSWER_INVALID);
	assert_non_null(strstr(err.message, "longer than 160 bytes"));
	assert_int_equal(sp_quiz_must_why(&p.must[0], "  no Python: here ",
	    &err), SP_ANSWER_VALUE);
	assert_string_equal(p.must[0].why, "no Python: here");
	want_text(sp_quiz_must_text(&p.must[0], m),
	    "exclude python: no Python: here");
	want_text(sp_quiz_must_text(&p.must[1], m), "io_performance >= 4");
	help = sp_quiz_must_help(m);
	assert_non_null(help);
	assert_non_null(strstr(help, "Options: python, nodejs."));
	assert_null(strstr(help, "team_fit"));
	free(help);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_order),
		cmocka_unit_test(test_musts_question),
		cmocka_unit_test(test_must_lines),
		cmocka_unit_test(test_must_reason_and_text),
		cmocka_unit_test(test_text_comes_from_matrix),
		cmocka_unit_test(test_enum_by_number_name_prefix),
		cmocka_unit_test(test_enum_invalid),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_integer),
		cmocka_unit_test(test_default_help_eof),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_defaults_shown),
		cmocka_unit_test(test_team),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_name_same_as_file),
		cmocka_unit_test(test_enum_huge_number),
		cmocka_unit_test(test_enum_numeric_values),
		cmocka_unit_test(test_yesno),
		cmocka_unit_test(test_enum_aliases),
		cmocka_unit_test(test_back),
		cmocka_unit_test(test_special_keys),
		cmocka_unit_test(test_path),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
