/* Unit tests for groups (src/group.c) on tests/data/group. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/group.h"
#include "fixture.h"

#define DIR SP_SOURCE_DIR "/tests/data/group/"

static const char *const members[] = { DIR "a.yaml", DIR "b.yaml",
    DIR "c.yaml" };

/* The index of trait or criterion id among the disagreements, or -1. */
static int
dis(const sp_group *g, sp_dis_kind kind, const char *id)
{
	int i;

	for (i = 0; i < g->ndis; i++)
		if (g->dis[i].kind == kind && strcmp(kind == SP_DIS_TRAIT ?
		    g->m->traits[g->dis[i].index].id :
		    g->m->criteria[g->dis[i].index].id, id) == 0)
			return i;
	return -1;
}

/*
 * Three members, a say of 1 each: live is true for A and C; load is
 * high, low, medium, a three-way tie that goes to the first member;
 * users is the median of 100, 50000 and 100 (C's default).  B alone
 * sets data's weight, which the group then sets too.
 */
static void
profiles(void **state)
{
	static const sp_pipeline_opts plain = { SP_METHOD_WSM, NULL, 0, NULL };
	fixture_run f;
	const sp_report *rep;
	sp_group *g;
	sp_error err;
	char *text;
	int i, t;

	(void)state;
	fixture_open(&f, NULL);
	sp_error_clear(&err);
	assert_int_equal(sp_group_load(&g, f.m, members, 3, SP_METHOD_WSM,
	    &err), SP_OK);
	assert_int_equal(g->nmembers, 3);
	assert_string_equal(g->member[1].name, "B");
	t = sp_matrix_trait(f.m, "live");
	assert_int_equal(g->prof.value[t], 1);
	assert_int_equal(g->prof.value[sp_matrix_trait(f.m, "load")], 2);
	assert_int_equal(g->prof.value[sp_matrix_trait(f.m, "users")], 100);
	assert_int_equal(g->prof.npairs, 1);
	assert_int_equal(sp_pipeline_new(&f.pipe, f.m, &plain, &err), SP_OK);
	assert_int_equal(sp_pipeline_run_group(f.pipe, g, "<group>", &rep,
	    &err), SP_OK);
	assert_ptr_equal(rep->group, g);
	assert_int_equal(rep->result->crit[2].override, SP_OVERRIDE_PROFILE);
	assert_true(dis(g, SP_DIS_TRAIT, "live") >= 0);
	assert_true(dis(g, SP_DIS_TRAIT, "analytics") >= 0);
	for (i = 0; i < g->nmembers; i++)
		assert_true(g->member[i].agreement > 0 &&
		    g->member[i].agreement <= 1 + 1e-12);
	assert_true(g->consensus > 0 && g->consensus <= 1 + 1e-12);
	text = fixture_render(sp_render_text, rep);
	assert_non_null(strstr(text, "Where the group disagrees"));
	assert_non_null(strstr(text, "live: A says true, B says false, C says "
	    "true; the group takes true."));
	free(text);
	text = fixture_render(sp_render_markdown, rep);
	assert_non_null(strstr(text, "### Group"));
	free(text);
	sp_group_free(g);
	fixture_close(&f);
}

/* The group file gives Bea a say of 3: her load and live now win. */
static void
group_file(void **state)
{
	static const char *const file[] = { DIR "group.yaml" };
	fixture_run f;
	sp_group *g;
	sp_error err;

	(void)state;
	fixture_open(&f, NULL);
	sp_error_clear(&err);
	assert_int_equal(sp_group_load(&g, f.m, file, 1, SP_METHOD_WSM, &err),
	    SP_OK);
	assert_string_equal(g->name, "fixture-group");
	assert_string_equal(g->member[1].name, "Bea");
	assert_int_equal(g->prof.value[sp_matrix_trait(f.m, "load")], 0);
	assert_int_equal(g->prof.value[sp_matrix_trait(f.m, "live")], 0);
	assert_int_equal(g->prof.value[sp_matrix_trait(f.m, "users")], 50000);
	sp_group_free(g);
	fixture_close(&f);
}

/* One profile that is not a group file is refused, where it starts. */
static void
not_a_group(void **state)
{
	static const char *const one[] = { DIR "a.yaml" };
	fixture_run f;
	sp_group *g;
	sp_error err;

	(void)state;
	fixture_open(&f, NULL);
	sp_error_clear(&err);
	assert_int_equal(sp_group_load(&g, f.m, one, 1, SP_METHOD_WSM, &err),
	    SP_EDATA);
	assert_null(g);
	assert_non_null(strstr(err.message, "--group takes a group file"));
	assert_int_equal(err.line, 1);
	fixture_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(profiles),
		cmocka_unit_test(group_file),
		cmocka_unit_test(not_a_group),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
