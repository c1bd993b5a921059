/* Unit tests for atomic, no-clobber writing (src/file.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "stackpick/file.h"

static char dir[] = "/tmp/sp-test-file-XXXXXX";

/*
 * The test is linked with --wrap for these calls (tests/CMakeLists.txt),
 * so it can send a signal at a chosen step of a write, and make the
 * system look as if it had no O_TMPFILE.
 */
int __real_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __real_open(const char *path, int flags, ...);
int __wrap_fsync(int fd);
int __wrap_rename(const char *from, const char *to);
int __wrap_open(const char *path, int flags, ...);

static int kill_at_fsync, kill_at_rename, no_tmpfile;

int
__wrap_fsync(int fd)
{
	if (kill_at_fsync)
		raise(kill_at_fsync);
	return __real_fsync(fd);
}

int
__wrap_rename(const char *from, const char *to)
{
	if (kill_at_rename)
		raise(kill_at_rename);
	return __real_rename(from, to);
}

int
__wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
#ifdef O_TMPFILE
	if (no_tmpfile && (flags & O_TMPFILE) == O_TMPFILE) {
		errno = EOPNOTSUPP;
		return -1;
	}
#endif
	return __real_open(path, flags, mode);
}

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

/* Only regular files are replaced: never a pipe, a link or a device. */
static void
test_only_regular_files(void **state)
{
	char path[128], target[128], buf[64];
	sp_error err;
	struct stat st;
	int exists, before = entries();

	(void)state;
	snprintf(path, sizeof(path), "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(sp_file_write_atomic(path, "x", 1, 1, &err),
	    SP_ECREATE);
	assert_string_equal(err.file, path);
	assert_string_equal(err.message, "is a named pipe, not a regular "
	    "file; not replaced");
	assert_int_equal(sp_file_write_atomic(path, "x", 1, 0, &err),
	    SP_ECREATE);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(sp_file_replaceable(path, &exists, &err), SP_ECREATE);
	assert_int_equal(unlink(path), 0);

	/* A link is left as it is, and so is what it points to. */
	snprintf(target, sizeof(target), "%s/target", dir);
	snprintf(path, sizeof(path), "%s/link", dir);
	assert_int_equal(sp_file_write_atomic(target, "old\n", 4, 0, &err),
	    SP_OK);
	assert_int_equal(symlink(target, path), 0);
	assert_int_equal(sp_file_write_atomic(path, "new\n", 4, 1, &err),
	    SP_ECREATE);
	assert_non_null(strstr(err.message, "is a symbolic link"));
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	slurp(target, buf, sizeof(buf));
	assert_string_equal(buf, "old\n");
	assert_int_equal(unlink(path), 0);

	/* The directory itself, through a trailing slash or not. */
	assert_int_equal(sp_file_write_atomic(dir, "x", 1, 1, &err),
	    SP_ECREATE);
	assert_non_null(strstr(err.message, "is a directory"));
	assert_int_equal(sp_file_replaceable(target, &exists, &err), SP_OK);
	assert_int_equal(exists, 1);
	assert_int_equal(unlink(target), 0);
	assert_int_equal(entries(), before);
}

/*
 * Writes path in a child that gets sig at the chosen step, and checks
 * that it died of it, leaving no temporary file and the old file (if
 * any) as it was.
 */
static void
killed_while_writing(int sig, int *step, int force, int tmpfile)
{
	char path[128], buf[64];
	sp_error err;
	pid_t pid;
	int status, before = entries();

	snprintf(path, sizeof(path), "%s/k.yaml", dir);
	if (force)
		assert_int_equal(sp_file_write_atomic(path, "old\n", 4, 0,
		    &err), SP_OK);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		*step = sig;
		no_tmpfile = !tmpfile;
		sp_file_write_atomic(path, "new\n", 4, force, &err);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), sig);
	if (force) {
		slurp(path, buf, sizeof(buf));
		assert_string_equal(buf, "old\n");
		assert_int_equal(entries(), before + 1);
		assert_int_equal(unlink(path), 0);
	}
	assert_int_equal(entries(), before);
}

static void
test_signal_removes_temporary(void **state)
{
	int tmpfile, force;

	(void)state;
	for (tmpfile = 0; tmpfile < 2; tmpfile++) {
		for (force = 0; force < 2; force++) {
			killed_while_writing(SIGINT, &kill_at_fsync, force,
			    tmpfile);
			killed_while_writing(SIGTERM, &kill_at_fsync, force,
			    tmpfile);
		}
		/* With force, the new file has a name before the rename. */
		killed_while_writing(SIGTERM, &kill_at_rename, 1, tmpfile);
		killed_while_writing(SIGINT, &kill_at_rename, 1, tmpfile);
	}
}

/* Without O_TMPFILE, the named temporary file does the same job. */
static void
test_without_tmpfile(void **state)
{
	char path[128], buf[64];
	sp_error err;
	int before = entries();

	(void)state;
	no_tmpfile = 1;
	snprintf(path, sizeof(path), "%s/n.yaml", dir);
	assert_int_equal(sp_file_write_atomic(path, "one\n", 4, 0, &err),
	    SP_OK);
	assert_int_equal(sp_file_write_atomic(path, "two\n", 4, 0, &err),
	    SP_ECREATE);
	assert_int_equal(sp_file_write_atomic(path, "three\n", 6, 1, &err),
	    SP_OK);
	slurp(path, buf, sizeof(buf));
	assert_string_equal(buf, "three\n");
	assert_int_equal(entries(), before + 1);
	assert_int_equal(unlink(path), 0);
	no_tmpfile = 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_refuse_force),
		cmocka_unit_test(test_failed_write_keeps_old),
		cmocka_unit_test(test_only_regular_files),
		cmocka_unit_test(test_signal_removes_temporary),
		cmocka_unit_test(test_without_tmpfile),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
