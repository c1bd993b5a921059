/* Unit tests for atomic, no-clobber writing (src/file.c). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "stackpick/file.h"

static char dir[] = "/tmp/sp-test-file-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[64];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Files in the test directory, temporary ones included. */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' || strstr(e->d_name, ".tmp.") != NULL;
	closedir(d);
	return n;
}

static void
test_create_refuse_force(void **state)
{
	char path[128], buf[64];
	sp_error err;
	struct stat st;

	(void)state;
	snprintf(path, sizeof(path), "%s/a.yaml", dir);
	assert_int_equal(sp_file_write_atomic(path, "one\n", 4, 0, &err),
	    SP_OK);
	slurp(path, buf, sizeof(buf));
	assert_string_equal(buf, "one\n");
	assert_int_equal(stat(path, &st), 0);
	assert_true((st.st_mode & 0444) != 0);
	/* Refused overwrite: old content survives, nothing left behind. */
	assert_int_equal(sp_file_write_atomic(path, "two\n", 4, 0, &err),
	    SP_ECREATE);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.message, "file exists"));
	slurp(path, buf, sizeof(buf));
	assert_string_equal(buf, "one\n");
	assert_int_equal(entries(), 1);
	/* Forced: replaced. */
	assert_int_equal(sp_file_write_atomic(path, "three\n", 6, 1, &err),
	    SP_OK);
	slurp(path, buf, sizeof(buf));
	assert_string_equal(buf, "three\n");
	assert_int_equal(entries(), 1);
}

static void
test_failed_write_keeps_old(void **state)
{
	char path[128], buf[64];
	sp_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/b.yaml", dir);
	assert_int_equal(sp_file_write_atomic(path, "old\n", 4, 0, &err),
	    SP_OK);
	/* A directory that does not exist: nothing can be created. */
	assert_int_equal(sp_file_write_atomic("/nonexistent-dir/x.yaml", "x",
	    1, 1, &err), SP_ECREATE);
	assert_non_null(strstr(err.message, "No such file or directory"));
	/* Replacing a file with a directory in its place fails cleanly. */
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(sp_file_write_atomic(path, "x", 1, 1, &err),
	    SP_ECREATE);
	assert_int_equal(rmdir(path), 0);
	snprintf(path, sizeof(path), "%s/b.yaml", dir);
	slurp(path, buf, sizeof(buf));
	assert_string_equal(buf, "old\n");
	assert_int_equal(entries(), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_refuse_force),
		cmocka_unit_test(test_failed_write_keeps_old),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
