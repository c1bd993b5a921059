/* Unit tests for the load stage (src/doc.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

#include "stackpick/doc.h"
#include "stackpick/matrix.h"
#include "internal.h"

static sp_status
parse(sp_doc **doc, const char *text, sp_error *err)
{
	sp_error_clear(err);
	return sp_doc_parse(doc, text, strlen(text), "t.yaml", err);
}

static void
test_tree_and_marks(void **state)
{
	sp_doc *doc;
	sp_error err;
	const sp_node *root, *team, *v;

	(void)state;
	assert_int_equal(parse(&doc, "name: x\nteam:\n  python: 3\n"
	    "list: [a, \"b\"]\n", &err), SP_OK);
	root = sp_doc_root(doc);
	assert_int_equal(root->type, SP_NODE_MAP);
	assert_int_equal(root->count, 3);
	team = sp_node_get(root, "team");
	assert_non_null(team);
	assert_int_equal(team->type, SP_NODE_MAP);
	v = sp_node_get(team, "python");
	assert_string_equal(v->text, "3");
	assert_int_equal(v->line, 3);
	assert_int_equal(v->column, 11);
	assert_true(v->plain);
	v = sp_node_get(root, "list");
	assert_int_equal(v->type, SP_NODE_SEQ);
	assert_int_equal(v->count, 2);
	assert_true(v->first->plain);
	assert_false(v->first->next->plain);
	assert_null(sp_node_get(root, "nothing"));
	sp_doc_free(doc);
}

static void
test_refusals(void **state)
{
	static const struct {
		const char *text;
		int line, column;
		const char *message;
	} cases[] = {
		{ "a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first at line 1)" },
		{ "a: &x 1\nb: *x\n", 1, 4, "anchor '&x' found" },
		{ "a: *x\n", 1, 4, "alias '*x' found" },
		{ "a: 1\n---\nb: 2\n", 2, 1, "several documents" },
		{ "", 1, 1, "empty document" },
		{ "- a\n", 1, 1, "expected a mapping at the top, found a "
		    "sequence" },
		{ "a: \"x\\0y\"\n", 1, 4, "value contains a NUL byte" },
		{ "a: !!str b\n", 1, 4, "tags such as" },
		{ "a: [1, 2\n", 1, 4, "this '[' is never closed: end the list "
		    "with ']' (libyaml: did not find expected ',' or ']'" },
		{ "? [a]\n: b\n", 1, 3, "a mapping key must be a plain string" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sp_doc *doc = (sp_doc *)1;
		sp_error err;

		assert_int_equal(parse(&doc, cases[i].text, &err), SP_EDATA);
		assert_null(doc);
		assert_string_equal(err.file, "t.yaml");
		assert_int_equal(err.line, cases[i].line);
		assert_int_equal(err.column, cases[i].column);
		if (strstr(err.message, cases[i].message) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, err.message,
			    cases[i].message);
	}
}

/*
 * libyaml's common syntax errors, worded plainly at the line to fix (not
 * where libyaml stopped, often a line later), its own words kept after.
 */
static void
test_syntax_in_plain_words(void **state)
{
	static const struct {
		const char *text;
		int line, column;
		const char *message;
	} cases[] = {
		/* libyaml stops on line 3, at the next key. */
		{ "name: x\nfrontend:react\nrealtime: true\n", 2, 10,
		    "missing space after ':': write 'key: value' (libyaml: "
		    "could not find expected ':' while scanning a simple "
		    "key)" },
		{ "team:\n  python:3\n  nodejs: 2\n", 2, 10,
		    "missing space after ':': write 'key: value' (libyaml: "
		    "mapping values are not allowed" },
		{ "name: x\nfrontend react\nrealtime: true\n", 2, 1,
		    "this line has no ':' after its key" },
		{ "team:\n  python: 3\n   nodejs: 2\n", 3, 4,
		    "bad indentation: this line is indented more than the one "
		    "above it" },
		{ "team:\n  python: 3\n nodejs: 2\n", 3, 2,
		    "bad indentation: this line lines up with no key" },
		{ "a: b: c\n", 1, 5, "a value that holds ': ' must be quoted" },
		{ "team:\n\tpython: 3\n", 2, 1, "a tab indents this line: "
		    "YAML indents with spaces only (libyaml: found character "
		    "that cannot start any token" },
		{ "team:\n  python: 3\n\tnodejs: 2\n", 3, 1,
		    "a tab indents this line" },
		{ "name: \"foo\nrealtime: true\n", 1, 7, "this quote is never "
		    "closed: end the value with the same quote (libyaml: found unexpected end of stream while "
		    "scanning a quoted scalar)" },
		{ "name: 'foo\nrealtime: true\n", 1, 7,
		    "this quote is never closed" },
		{ "name: x\nio: [a, b\nrealtime: true\n", 2, 5,
		    "this '[' is never closed: end the list with ']'" },
		{ "name: x\nteam: {python: 3\nrealtime: true\n", 2, 7,
		    "this '{' is never closed: end the mapping with '}'" },
		{ "io: [a, \"b\" c]\n", 1, 13, "expected ',' or ']': separate "
		    "the items of a list with ', '" },
		{ "name: \"foo\"bar\n", 1, 12, "text after a closing quote" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sp_doc *doc = (sp_doc *)1;
		sp_error err;

		assert_int_equal(parse(&doc, cases[i].text, &err), SP_EDATA);
		assert_null(doc);
		if (err.line != cases[i].line ||
		    err.column != cases[i].column ||
		    strstr(err.message, cases[i].message) == NULL)
			fail_msg("case %zu: %d:%d: '%s', not %d:%d: '%s'", i,
			    err.line, err.column, err.message, cases[i].line,
			    cases[i].column, cases[i].message);
	}
}

static void
test_reader_error_marks(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		int line, column;
	} cases[] = {
		{ "a: 1\nb: \x01\n", 10, 2, 4 },
		{ "a: 1\r\nb: \x01\r\n", 12, 2, 4 },
		{ "a: 1\rb: 2\rc: \x01\r", 16, 3, 4 },
		{ "\xEF\xBB\xBFname: \x01\n", 11, 1, 7 },
		{ "a: \xC3\xA9\xC3\xA9 \x01\n", 10, 1, 7 },
		{ "\xFF\xFE" "a\0:\0 \0\x01\0", 10, 1, 4 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sp_doc *doc;
		sp_error err;

		sp_error_clear(&err);
		assert_int_equal(sp_doc_parse(&doc, cases[i].text, cases[i].len,
		    "t.yaml", &err), SP_EDATA);
		if (err.line != cases[i].line || err.column != cases[i].column)
			fail_msg("case %zu: %d:%d, expected %d:%d (%s)", i,
			    err.line, err.column, cases[i].line,
			    cases[i].column, err.message);
	}
}

static void
test_depth_limit(void **state)
{
	char buf[200];
	sp_doc *doc;
	sp_error err;
	int i;

	(void)state;
	/* SP_MAX_DEPTH levels in all, root included, are fine. */
	strcpy(buf, "a: ");
	for (i = 0; i < SP_MAX_DEPTH - 1; i++)
		strcat(buf, "[");
	for (i = 0; i < SP_MAX_DEPTH - 1; i++)
		strcat(buf, "]");
	assert_int_equal(parse(&doc, buf, &err), SP_OK);
	sp_doc_free(doc);
	strcpy(buf, "a: ");
	for (i = 0; i < SP_MAX_DEPTH; i++)
		strcat(buf, "[");
	assert_int_equal(parse(&doc, buf, &err), SP_EDATA);
	assert_non_null(strstr(err.message, "nesting is deeper"));
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 4 + SP_MAX_DEPTH - 1);
}

/*
 * A duplicate among many keys is found whichever key it repeats, in a
 * mapping nested in another that has the same keys (each mapping knows
 * its own).
 */
static void
test_duplicate_among_many(void **state)
{
	enum { KEYS = 300 };
	char *buf = malloc(KEYS * 16 + 64);
	sp_doc *doc;
	sp_error err;
	int dup, i;
	size_t n;

	(void)state;
	assert_non_null(buf);
	for (dup = 0; dup < KEYS; dup += 37) {
		n = (size_t)sprintf(buf, "k0: 1\nin:\n");
		for (i = 0; i < KEYS; i++)
			n += (size_t)sprintf(buf + n, "  k%d: 1\n", i);
		assert_int_equal(parse(&doc, buf, &err), SP_OK);
		sp_doc_free(doc);
		sprintf(buf + n, "  k%d: 2\n", dup);
		assert_int_equal(parse(&doc, buf, &err), SP_EDATA);
		assert_int_equal(err.line, KEYS + 3);
		assert_int_equal(err.column, 3);
		assert_non_null(strstr(err.message, "duplicate key"));
	}
	free(buf);
}

static void
test_scalar_limit(void **state)
{
	size_t n = SP_MAX_SCALAR + 10;
	char *buf = malloc(n + 8);
	sp_doc *doc;
	sp_error err;

	(void)state;
	assert_non_null(buf);
	memcpy(buf, "a: ", 3);
	memset(buf + 3, 'x', n);
	buf[3 + n] = '\0';
	assert_int_equal(parse(&doc, buf, &err), SP_EDATA);
	assert_non_null(strstr(err.message, "longer than the limit"));
	free(buf);
}

static void
test_read_file(void **state)
{
	char *buf;
	size_t len;
	sp_error err;

	(void)state;
	sp_error_clear(&err);
	assert_int_equal(sp_read_file(&buf, &len, SP_SOURCE_DIR
	    "/tests/data/good/minimal.yaml", "minimal.yaml", 1024, &err),
	    SP_OK);
	assert_true(len > 0);
	assert_int_equal(buf[len], '\0');
	free(buf);
	assert_int_equal(sp_read_file(&buf, &len, SP_SOURCE_DIR
	    "/tests/data/good/minimal.yaml", "minimal.yaml", 5, &err),
	    SP_EDATA);
	assert_null(buf);
	assert_non_null(strstr(err.message, "larger than the limit of 5"));
	assert_int_equal(sp_read_file(&buf, &len, SP_SOURCE_DIR "/tests",
	    "tests", 1024, &err), SP_EINPUT);
	assert_string_equal(err.message, "is a directory");
	assert_int_equal(sp_read_file(&buf, &len, "/nonexistent/x.yaml",
	    "x.yaml", 1024, &err), SP_EINPUT);
	assert_string_equal(err.file, "x.yaml");
}

/* Compares two trees node by node: kind, marks, style and text. */
static void
assert_same_tree(const sp_node *a, const sp_node *b)
{
	const sp_node *x, *y;

	assert_int_equal(a->type, b->type);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->column, b->column);
	assert_int_equal(a->plain, b->plain);
	assert_int_equal(a->len, b->len);
	assert_int_equal(a->count, b->count);
	if (a->text != NULL || b->text != NULL) {
		assert_non_null(a->text);
		assert_non_null(b->text);
		assert_memory_equal(a->text, b->text, a->len + 1);
	}
	assert_int_equal(a->value == NULL, b->value == NULL);
	if (a->value != NULL)
		assert_same_tree(a->value, b->value);
	for (x = a->first, y = b->first; x != NULL && y != NULL;
	    x = x->next, y = y->next)
		assert_same_tree(x, y);
	assert_null(x);
	assert_null(y);
}

/*
 * The tree compiled into stackpick at build time is exactly what loading
 * the shipped matrix's text gives.
 */

/*
 * The tree is bounded in values, not only in bytes: a document of
 * one-letter values past SP_MAX_NODES is refused where the first value
 * past the bound starts, and one at the bound is read.
 */
static void
test_node_limit(void **state)
{
	sp_doc *doc;
	sp_error err;
	/* "a: [" + rows of 4096 "b," in [] + "]": count the values made. */
	size_t rows = SP_MAX_NODES / 4097 + 1, i, j, left;
	char *text = malloc(rows * (4096 * 2 + 4) + 16), *p = text, *last;

	(void)state;
	p += sprintf(p, "a:\n");
	for (i = 0; i < rows; i++) {
		last = p;
		*p++ = '-';
		*p++ = ' ';
		*p++ = '[';
		for (j = 0; j < 4096; j++) {
			*p++ = 'b';
			*p++ = ',';
		}
		p[-1] = ']';
		*p++ = '\n';
	}
	*p = '\0';
	/* Values: root, a, its sequence, then 4097 per row. */
	left = SP_MAX_NODES - 3 - (rows - 1) * 4097;
	assert_true(left < 4097);
	assert_int_equal(parse(&doc, text, &err), SP_EDATA);
	assert_string_equal(err.message, "more than 131072 values in one "
	    "document");
	assert_int_equal(err.line, (int)rows + 1);
	assert_int_equal(err.column, (int)(4 + (left - 1) * 2));
	/* Exactly at the bound: the last row holds left values. */
	if (fixture_full()) {
		p = last + 3 + (left - 1) * 2;
		strcpy(p - 1, "]\n");
		assert_int_equal(parse(&doc, text, &err), SP_OK);
		sp_doc_free(doc);
	}
	free(text);
}


/*
 * JSON writes characters past U+FFFF as surrogate pairs: read them in
 * double-quoted scalars, leave them as text elsewhere, refuse a lone
 * half, and tell columns as they are in the file.
 */
static void
test_surrogate_pairs(void **state)
{
	sp_doc *doc;
	sp_error err;
	const sp_node *root, *j;

	(void)state;
	assert_int_equal(parse(&doc, "j: {\"a\": \"x\\ud83d\\ude00\\uD83D\\uDE00y"
	    "\", \"c\": 1, \"b\": \"\\\\ud83d\\\\ude00\"}\n"
	    "d: '\\ud83d\\ude00' # \"\\ud83d\\ude00\"\n"
	    "e: \\ud83d\\ude00\n", &err), SP_OK);
	root = sp_doc_root(doc);
	j = sp_node_get(root, "j");
	assert_string_equal(sp_node_get(j, "a")->text,
	    "x\xf0\x9f\x98\x80\xf0\x9f\x98\x80y");
	assert_int_equal(sp_node_get(j, "c")->column, 45);
	/* An escaped backslash: what follows is text. */
	assert_string_equal(sp_node_get(j, "b")->text,
	    "\\ud83d\\ude00");
	assert_string_equal(sp_node_get(root, "d")->text, "\\ud83d\\ude00");
	assert_string_equal(sp_node_get(root, "e")->text, "\\ud83d\\ude00");
	sp_doc_free(doc);
	assert_int_equal(parse(&doc, "a: \"\\ud83d\\ude00\"\nb: \"\\ud83d x\"\n",
	    &err), SP_EDATA);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 5);
	assert_non_null(strstr(err.message, "lone UTF-16 surrogate \\ud83d"));
	assert_int_equal(parse(&doc, "a: \"\\ude00\\ud83d\"\n", &err),
	    SP_EDATA);
	assert_non_null(strstr(err.message, "lone UTF-16 surrogate \\ude00"));
}

static void
test_builtin_tree(void **state)
{
	const char *text;
	size_t len;
	sp_doc *doc;
	sp_error err;

	(void)state;
	text = sp_matrix_builtin_text(&len);
	assert_int_equal(sp_doc_parse(&doc, text, len, "m", &err), SP_OK);
	assert_same_tree(sp_doc_root(doc), sp_matrix_builtin_tree());
	sp_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_and_marks),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_syntax_in_plain_words),
		cmocka_unit_test(test_reader_error_marks),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_duplicate_among_many),
		cmocka_unit_test(test_scalar_limit),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_surrogate_pairs),
		cmocka_unit_test(test_builtin_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
