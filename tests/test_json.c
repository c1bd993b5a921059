/*
 * Unit tests for the JSON writer (src/json.c): its text must be what
 * jansson's json_dumps() writes of the same document, number for number
 * and string for string, compact and indented; invalid bytes never reach
 * the output; misuse fails the document instead of writing half of one.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/json.h"
#include "stackpick/pipeline.h"
#include "stackpick/render.h"
#include "fixture.h"
#include "internal.h"

/* A string literal and its length, NULs included. */
#define LIT(s) (s), sizeof(s) - 1

#define FLAGS(pretty) (JSON_ENCODE_ANY | JSON_REAL_PRECISION( \
    SP_JSON_PRECISION) | ((pretty) ? JSON_INDENT(2) : JSON_COMPACT))

/* splitmix64, for reproducible random input. */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Checks that the writer formats v as jansson does. */
static void
check_real(double v)
{
	char buf[SP_JSON_REAL_MAX], *want;
	json_t *j = json_real(v);
	size_t n;

	assert_non_null(j);
	want = json_dumps(j, FLAGS(0));
	assert_non_null(want);
	n = sp_json_format_real(buf, v);
	if (strcmp(buf, want) != 0)
		fail_msg("%.17g: wrote %s, jansson %s", v, buf, want);
	assert_int_equal(n, strlen(want));
	free(want);
	json_decref(j);
}

static void
test_real_chosen(void **state)
{
	static const double v[] = { 0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 5.0,
		10.0, 100.0, 1e11, 1e12, 123456789012.0, 999999999999.0,
		999999999999.5, 999999999999.4, 1234567890123.5,
		1234567890122.5, 1e15, 1e16, 1e100, 1e-4, 1e-5, 1e-6,
		0.0001234, 0.00001234, 9.9999999999995, 9.9999999999994,
		99999.9999999995, 0.99999999999995, 4.58918918919,
		1.4972972973, 0.0740740740741, 0.861328125, 1.0 / 3.0,
		2.0 / 3.0, 1e-300, 5e-324, 2.2250738585072014e-308,
		DBL_MAX, -DBL_MAX, 4503599627370496.0, 9007199254740993.0,
		0.30000000000000004, 1e12 - 0.5, 1e12 - 0.25, 0.000099999999999995,
		3.14159265358979, -2.5e-7, 6.02214076e23, 12345.678901234567 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		check_real(v[i]);
		check_real(-v[i]);
	}
}

/* Every bit pattern is as likely: every exponent, subnormals too. */
static void
test_real_random_bits(void **state)
{
	uint64_t seed = 1, bits;
	double v;
	int i, n;

	(void)state;
	for (i = 0, n = fixture_rounds(200000); i < n; i++) {
		bits = next(&seed);
		memcpy(&v, &bits, sizeof(v));
		if (isfinite(v))
			check_real(v);
	}
}

/*
 * The numbers a report holds: ratios of small integers, weights, scores
 * and shares, from 1e-6 to 1e14, where the exact path does the work.
 */
static void
test_real_random_ratios(void **state)
{
	uint64_t seed = 2;
	int i, k, n;

	(void)state;
	for (i = 0, n = fixture_rounds(200000); i < n; i++) {
		double a = (double)(next(&seed) % 100000);
		double b = (double)(next(&seed) % 9999 + 1);
		double v = a / b;

		for (k = 0; k < (int)(next(&seed) % 8); k++)
			v *= 10;
		if (next(&seed) & 1)
			v /= 1e6;
		check_real(v);
		check_real(nextafter(v, 0));
		check_real(nextafter(v, 1e300));
	}
}

/* Ties at the twelfth digit, which round to even as glibc rounds. */
static void
test_real_ties(void **state)
{
	uint64_t seed = 3;
	int i, n;

	(void)state;
	for (i = 0, n = fixture_rounds(20000); i < n; i++) {
		double v = (double)(next(&seed) % 9000000000000ULL +
		    1000000000000ULL) + 0.5;

		check_real(v);
		check_real(v / 1024);
		check_real(v * 1024);
	}
}

/* The writer's text for a string against jansson's, repaired first. */
static void
check_string(const char *s, size_t n)
{
	char *repaired = malloc(3 * n + 1), *want;
	sp_buf b = SP_BUF_INIT;
	json_t *j, *back;
	size_t i, o = 0;
	sp_json w;

	assert_non_null(repaired);
	for (i = 0; i < n; i++) {
		size_t len = sp_utf8_seq(s + i, n - i);

		if (len == 0) {
			memcpy(repaired + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(repaired + o, s + i, len);
			o += len;
			i += len - 1;
		}
	}
	j = json_stringn(repaired, o);
	assert_non_null(j);
	want = json_dumps(j, FLAGS(0));
	sp_json_init(&w, &b, 0);
	sp_json_put(&w, NULL, json_stringn_nocheck(s, n));
	assert_int_equal(sp_json_finish(&w), SP_OK);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.ptr, want, b.len);
	back = json_loadb(b.ptr, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    NULL);
	assert_non_null(back);
	assert_true(json_equal(back, j));
	json_decref(back);
	json_decref(j);
	free(want);
	free(repaired);
	sp_buf_free(&b);
}

static void
test_string_every_byte(void **state)
{
	char s[3];
	int c;

	(void)state;
	for (c = 0; c < 256; c++) {
		s[0] = (char)c;
		check_string(s, 1);
		s[1] = 'a';
		s[2] = (char)c;
		check_string(s, 3);
	}
	check_string(LIT(""));
	check_string(LIT("plain text, long enough for whole words"));
	check_string(LIT("tab\there \"quoted\" back\\slash\n\r\b\f\x01\x1f"
	    "\x7f"));
	check_string(LIT("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 "
	    "\xef\xbf\xbd"));
	check_string(LIT("overlong \xc0\xaf \xe0\x80\xaf surrogate \xed\xa0"
	    "\x80 past \xf4\x90\x80\x80 cut \xe2\x82"));
	check_string(LIT("nul \0 inside"));
}

/* Random bytes, mostly ASCII with invalid UTF-8 and controls mixed in. */
static void
test_string_random(void **state)
{
	static const char pool[] = "abcXYZ 09\"\\/\n\t\x01\x1f\x7f"
	    "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xed\xa0\xc0\xff\x80";
	uint64_t seed = 4;
	char s[64];
	int i, rounds = fixture_rounds(20000);
	size_t k, n;

	(void)state;
	for (i = 0; i < rounds; i++) {
		n = next(&seed) % sizeof(s);
		for (k = 0; k < n; k++)
			s[k] = (next(&seed) & 3) ? pool[next(&seed) %
			    (sizeof(pool) - 1)] : (char)next(&seed);
		check_string(s, n);
	}
}

/*
 * The same calls, streamed and built: the streamed text must be what
 * jansson writes of the built tree, compact and indented.
 */
typedef void doc_fn(sp_json *w);

static void
check_doc(doc_fn *doc)
{
	int pretty;

	for (pretty = 0; pretty <= 1; pretty++) {
		sp_buf b = SP_BUF_INIT;
		sp_json w;
		json_t *tree;
		char *want;

		sp_json_init(&w, &b, pretty);
		doc(&w);
		assert_int_equal(sp_json_finish(&w), SP_OK);
		sp_json_init_tree(&w);
		doc(&w);
		tree = sp_json_take(&w);
		assert_non_null(tree);
		want = json_dumps(tree, FLAGS(pretty));
		assert_non_null(want);
		assert_string_equal(sp_buf_cstr(&b), want);
		free(want);
		json_decref(tree);
		sp_buf_free(&b);
	}
}

static void
nested(sp_json *w)
{
	sp_json_object(w, NULL);
	sp_json_int(w, "int", 42);
	sp_json_int(w, "min", LLONG_MIN);
	sp_json_int(w, "max", LLONG_MAX);
	sp_json_real(w, "real", 0.1);
	sp_json_real(w, "nan", NAN);
	sp_json_real(w, "inf", -INFINITY);
	sp_json_bool(w, "yes", 1);
	sp_json_bool(w, "no", 0);
	sp_json_null(w, "none");
	sp_json_str(w, "null string", NULL);
	sp_json_str(w, "k\xff\"ey", "v\xfe\n");
	sp_json_object(w, "empty object");
	sp_json_end(w);
	sp_json_array(w, "empty array");
	sp_json_end(w);
	sp_json_array(w, "array");
	sp_json_real(w, NULL, 1.5);
	sp_json_array(w, NULL);
	sp_json_object(w, NULL);
	sp_json_str(w, "deep", "down");
	sp_json_end(w);
	sp_json_end(w);
	sp_json_put(w, NULL, json_pack("{s:[i,f,s,b,n],s:{}}", "a", 1, 2.0,
	    "three", 1, "b"));
	sp_json_end(w);
	sp_json_put(w, "from jansson", json_pack("{s:f,s:s#}", "pi",
	    3.14159265358979, "nul", "a\0b", 3));
	sp_json_end(w);
}

static void
scalar(sp_json *w)
{
	sp_json_real(w, NULL, 25.0);
}

static void
empty_array(sp_json *w)
{
	sp_json_array(w, NULL);
	sp_json_end(w);
}

static void
test_documents(void **state)
{
	(void)state;
	check_doc(nested);
	check_doc(scalar);
	check_doc(empty_array);
}

/* The writer's verdict on a sequence of calls, streamed and built. */
typedef void misuse_fn(sp_json *w);

static void
check_misuse(misuse_fn *f)
{
	sp_buf b = SP_BUF_INIT;
	sp_json w;

	sp_json_init(&w, &b, 0);
	f(&w);
	assert_int_equal(sp_json_finish(&w), SP_ENOMEM);
	sp_buf_free(&b);
	sp_json_init_tree(&w);
	f(&w);
	assert_null(sp_json_take(&w));
}

static void
left_open(sp_json *w)
{
	sp_json_object(w, NULL);
	sp_json_array(w, "a");
}

static void
two_documents(sp_json *w)
{
	sp_json_int(w, NULL, 1);
	sp_json_int(w, NULL, 2);
}

static void
key_in_array(sp_json *w)
{
	sp_json_array(w, NULL);
	sp_json_int(w, "k", 1);
	sp_json_end(w);
}

static void
no_key_in_object(sp_json *w)
{
	sp_json_object(w, NULL);
	sp_json_int(w, NULL, 1);
	sp_json_end(w);
}

static void
too_many_ends(sp_json *w)
{
	sp_json_array(w, NULL);
	sp_json_end(w);
	sp_json_end(w);
}

static void
too_deep(sp_json *w)
{
	int i;

	for (i = 0; i < SP_JSON_MAX_DEPTH + 2; i++)
		sp_json_array(w, NULL);
	for (i = 0; i < SP_JSON_MAX_DEPTH + 2; i++)
		sp_json_end(w);
}

static void
failed_jansson_call(sp_json *w)
{
	sp_json_array(w, NULL);
	sp_json_put(w, NULL, json_real(NAN));
	sp_json_end(w);
}

/* A member spliced into a container that holds none yet. */
static void
splice_first(sp_json *w)
{
	sp_json_object(w, NULL);
	sp_json_splice(w, ",\"a\":1", 6);
	sp_json_end(w);
}

static void
nothing(sp_json *w)
{
	(void)w;
}

static void
test_misuse(void **state)
{
	(void)state;
	check_misuse(left_open);
	check_misuse(two_documents);
	check_misuse(key_in_array);
	check_misuse(no_key_in_object);
	check_misuse(too_many_ends);
	check_misuse(too_deep);
	check_misuse(failed_jansson_call);
	check_misuse(splice_first);
	check_misuse(nothing);
}

/* A member kept from one document is spliced into the next. */
static void
test_splice(void **state)
{
	sp_buf a = SP_BUF_INIT, b = SP_BUF_INIT;
	sp_json w;
	size_t from, to;

	(void)state;
	sp_json_init(&w, &a, 1);
	sp_json_object(&w, NULL);
	sp_json_int(&w, "n", 1);
	from = sp_json_tell(&w);
	sp_json_array(&w, "kept");
	sp_json_str(&w, NULL, "x");
	sp_json_end(&w);
	to = sp_json_tell(&w);
	sp_json_int(&w, "after", 2);
	sp_json_end(&w);
	assert_int_equal(sp_json_finish(&w), SP_OK);
	sp_json_init(&w, &b, 1);
	sp_json_object(&w, NULL);
	sp_json_int(&w, "n", 1);
	sp_json_splice(&w, a.ptr + from, to - from);
	sp_json_int(&w, "after", 2);
	sp_json_end(&w);
	assert_int_equal(sp_json_finish(&w), SP_OK);
	assert_string_equal(sp_buf_cstr(&b), sp_buf_cstr(&a));
	sp_buf_free(&a);
	sp_buf_free(&b);
}

/* A document appends to what the buffer holds, and reuses its memory. */
static void
test_appends(void **state)
{
	sp_buf b = SP_BUF_INIT;
	sp_json w;

	(void)state;
	sp_buf_puts(&b, "before ");
	sp_json_init(&w, &b, 1);
	sp_json_object(&w, NULL);
	sp_json_str(&w, "a", "b");
	sp_json_end(&w);
	assert_int_equal(sp_json_finish(&w), SP_OK);
	assert_string_equal(sp_buf_cstr(&b), "before {\n  \"a\": \"b\"\n}");
	sp_buf_free(&b);
}

/*
 * Every shipped example through the pipeline: the streamed view is what
 * jansson writes of the tree sp_report_json() builds, in both layouts.
 */
static void
test_reports(void **state)
{
	static const char *const ex[] = { "beginner-saas", "hybrid-platform",
		"ml-pipelines", "realtime-chat", "serverless-functions" };
	sp_pipeline_opts po = { SP_METHOD_WSM, NULL, 0, NULL };
	const sp_report *rep;
	sp_pipeline *pipe;
	sp_matrix *m;
	sp_profile prof;
	sp_error err;
	char path[4096];
	sp_render_cache *cache = sp_render_cache_new();
	size_t i;
	int run, method;

	(void)state;
	assert_non_null(cache);
	assert_int_equal(sp_matrix_builtin(&m, &err), SP_OK);
	for (method = 0; method < SP_NMETHODS; method++) {
		po.method = (sp_method)method;
		assert_int_equal(sp_pipeline_new(&pipe, m, &po, &err), SP_OK);
		for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
			snprintf(path, sizeof(path), "%s/data/examples/%s.yaml",
			    SP_SOURCE_DIR, ex[i]);
			assert_int_equal(sp_pipeline_load(&prof, m, path,
			    "in\xff.yaml", &err), SP_OK);
			assert_int_equal(sp_pipeline_run(pipe, &prof,
			    "in\xff.yaml", &rep, &err), SP_OK);
			/* Each layout without a cache, then twice with
			   one (written once, then copied from it). */
			for (run = 0; run < 6; run++) {
				int pretty = run < 2 ? run : (run - 2) / 2;
				sp_render_opts o = { .pretty = pretty,
					.cache = run < 2 ? NULL : cache };
				sp_buf b = SP_BUF_INIT;
				json_t *tree = sp_report_json(rep);
				char *want = json_dumps(tree, FLAGS(pretty));

				assert_int_equal(sp_render_json(&b, rep, &o),
				    SP_OK);
				assert_non_null(want);
				assert_int_equal(b.len, strlen(want) + 1);
				assert_memory_equal(b.ptr, want, b.len - 1);
				free(want);
				json_decref(tree);
				sp_buf_free(&b);
			}
		}
		sp_pipeline_free(pipe);
	}
	sp_render_cache_free(cache);
	sp_matrix_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_chosen),
		cmocka_unit_test(test_real_random_bits),
		cmocka_unit_test(test_real_random_ratios),
		cmocka_unit_test(test_real_ties),
		cmocka_unit_test(test_string_every_byte),
		cmocka_unit_test(test_string_random),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_misuse),
		cmocka_unit_test(test_splice),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_reports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
