/* The unit tests' shared fixtures (see fixture.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

const char fixture_two[] =
    "format: 1\nname: two\nscale: {min: 1, max: 5}\n"
    "options: [{id: a, label: A}, {id: b, label: B}]\n"
    "criteria:\n"
    "  - {id: c1, label: C1, weight: 1, ratings: {a: {rating: 5, why: x}, "
    "b: {rating: 1, why: x}}}\n"
    "  - {id: c2, label: C2, weight: 0, ratings: {a: {rating: 4, why: x}, "
    "b: {rating: 5, why: x}}}\n";

static void
check(sp_status rc, const sp_error *err)
{
	if (rc != SP_OK)
		fail_msg("%s:%d:%d: %s", err->file, err->line, err->column,
		    err->message);
}

sp_matrix *
fixture_matrix(const char *yaml)
{
	sp_matrix *m = NULL;
	sp_error err;

	check(sp_matrix_parse(&m, yaml, strlen(yaml), "fixture.yaml", &err),
	    &err);
	return m;
}

sp_matrix *
fixture_matrix_file(const char *path)
{
	char full[4096];
	sp_matrix *m = NULL;
	sp_error err;

	snprintf(full, sizeof(full), "%s/tests/data/%s", SP_SOURCE_DIR,
	    path);
	check(sp_matrix_load(&m, full, &err), &err);
	return m;
}

void
fixture_profile(sp_profile *p, const sp_matrix *m, const char *yaml)
{
	sp_error err;

	check(sp_pipeline_parse(p, m, yaml, strlen(yaml), "p.yaml", &err),
	    &err);
}

void
fixture_open(fixture_run *f, const char *yaml)
{
	memset(f, 0, sizeof(*f));
	f->m = yaml != NULL ? fixture_matrix(yaml) :
	    fixture_matrix_file(FIXTURE_MATRIX);
}

const sp_report *
fixture_report(fixture_run *f, const char *yaml, const sp_pipeline_opts *o)
{
	static const sp_pipeline_opts plain = { SP_METHOD_WSM, NULL, 0, NULL };
	sp_error err;

	sp_pipeline_free(f->pipe);
	f->pipe = NULL;
	f->rep = NULL;
	check(sp_pipeline_new(&f->pipe, f->m, o != NULL ? o : &plain, &err),
	    &err);
	fixture_profile(&f->prof, f->m, yaml);
	check(sp_pipeline_run(f->pipe, &f->prof, "in.yaml", &f->rep, &err),
	    &err);
	return f->rep;
}

void
fixture_close(fixture_run *f)
{
	sp_pipeline_free(f->pipe);
	sp_matrix_free(f->m);
	memset(f, 0, sizeof(*f));
}

char *
fixture_render(sp_render_fn *fn, const sp_report *rep)
{
	sp_render_opts opts = { .width = 80 };
	sp_buf b = SP_BUF_INIT;

	assert_int_equal(fn(&b, rep, &opts), SP_OK);
	assert_non_null(b.ptr);
	return b.ptr;
}

int
fixture_rounds(int n)
{
	const char *v = getenv("SP_TEST_ROUNDS_DIVISOR");
	long d = v != NULL ? strtol(v, NULL, 10) : 1;

	if (d <= 1)
		return n;
	return n / d > 0 ? (int)(n / d) : 1;
}

int
fixture_full(void)
{
	return fixture_rounds(2) == 2;
}
