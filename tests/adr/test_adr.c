/*
 * Decision records: slugs, styles, dates, numbering in a directory,
 * writing without clobbering, and superseding as adr-tools does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "stackpick/adr.h"

static void
slug(void **state)
{
	sp_buf b = SP_BUF_INIT;

	(void)state;
	sp_adr_slug(&b, "Backend stack for realtime-chat");
	assert_string_equal(sp_buf_cstr(&b), "backend-stack-for-realtime-chat");
	sp_buf_clear(&b);
	sp_adr_slug(&b, "  Use *MySQL*  5.7 -- fast!  ");
	assert_string_equal(sp_buf_cstr(&b), "use-mysql-5-7-fast");
	sp_buf_clear(&b);
	sp_adr_slug(&b, "caf\xc3\xa9 au lait");
	assert_string_equal(sp_buf_cstr(&b), "caf-au-lait");
	sp_buf_free(&b);
}

static void
styles(void **state)
{
	(void)state;
	assert_int_equal(sp_adr_style_parse("madr"), SP_ADR_MADR);
	assert_int_equal(sp_adr_style_parse("nygard"), SP_ADR_NYGARD);
	assert_int_equal(sp_adr_style_parse("log4brains"), SP_ADR_LOG4BRAINS);
	assert_int_equal(sp_adr_style_parse("Madr"), -1);
	assert_string_equal(sp_adr_style_name(SP_ADR_NYGARD), "nygard");
}

static void
date(void **state)
{
	sp_adr a;
	sp_error err;

	(void)state;
	sp_adr_init(&a);
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	assert_int_equal(sp_adr_set_date(&a, &err), SP_OK);
	assert_string_equal(a.date, "2023-11-14");
	setenv("SOURCE_DATE_EPOCH", "-5", 1);
	assert_int_equal(sp_adr_set_date(&a, &err), SP_EUSAGE);
	setenv("SOURCE_DATE_EPOCH", "12x", 1);
	assert_int_equal(sp_adr_set_date(&a, &err), SP_EUSAGE);
	unsetenv("SOURCE_DATE_EPOCH");
	assert_int_equal(sp_adr_set_date(&a, &err), SP_OK);
	assert_int_equal(strlen(a.date), 10);
	sp_adr_free(&a);
}

static void
put_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static char *
get_file(const char *dir, const char *name)
{
	static char text[4096];
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "r"));
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/*
 * The next number follows the highest NNNN-*.md; the record superseded is
 * edited as "adr new -s" edits it, and an existing file is never
 * replaced.
 */
static void
write_and_supersede(void **state)
{
	char dir[] = "/tmp/test_adr.XXXXXX", cmd[64];
	sp_adr a;
	sp_buf path = SP_BUF_INIT;
	sp_error err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	put_file(dir, "0001-first.md", "# 1. First\n\nDate: x\n\n## Status\n\n"
	    "Accepted\n\n## Context\n\nWhy.\n");
	put_file(dir, "0005-notes.txt", "");
	put_file(dir, "README.md", "");
	sp_adr_init(&a);
	a.style = SP_ADR_NYGARD;
	a.number = 2;
	sp_buf_puts(&a.file, "0002-second.md");
	a.supersedes = 1;
	sp_buf_puts(&a.old_file, "0001-first.md");
	assert_int_equal(sp_adr_write(&path, &a, dir, "Second", "# 2. Second\n",
	    12, &err), SP_OK);
	assert_string_equal(get_file(dir, "0001-first.md"), "# 1. First\n\n"
	    "Date: x\n\n## Status\n\nSuperseded by [2. Second](0002-second.md)\n"
	    "\n## Context\n\nWhy.\n");
	assert_string_equal(get_file(dir, "0002-second.md"), "# 2. Second\n");
	sp_buf_clear(&path);
	a.supersedes = 0;
	assert_int_equal(sp_adr_write(&path, &a, dir, "Second", "other\n", 6,
	    &err), SP_ECREATE);
	assert_string_equal(get_file(dir, "0002-second.md"), "# 2. Second\n");
	sp_buf_free(&path);
	sp_adr_free(&a);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slug),
		cmocka_unit_test(styles),
		cmocka_unit_test(date),
		cmocka_unit_test(write_and_supersede),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
