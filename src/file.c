/*
 * Atomic, no-clobber file writing.
 *
 * The new contents go to a file in the target's directory that nothing
 * else sees until it is complete: an unnamed O_TMPFILE where the system
 * has one, named with linkat() once it is written and flushed, or else a
 * named ".NAME.tmp.XXXXXX".  While a temporary name exists, SIGINT and
 * SIGTERM remove it before stackpick dies of them, so only SIGKILL can
 * leave one behind (with O_TMPFILE, only in the instant between naming
 * the file and renaming it over the old one).
 */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stackpick/file.h"

/* The temporary name a fatal signal must remove, or NULL. */
static char *volatile doomed;

static const int caught[] = { SIGINT, SIGTERM };
static struct sigaction saved[2];
static int installed[2];

static sp_status
fail(sp_error *err, const char *path, const char *what)
{
	return sp_error_set(err, SP_ECREATE, path, 0, 0, "%s: %s", what,
	    strerror(errno));
}

/* Removes the temporary file, then dies of the signal as it would have. */
static void
on_fatal(int sig)
{
	char *p = doomed;

	if (p != NULL)
		unlink(p);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when the handler returns */
}

static void
catch_begin(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 2; i++)
		sigaddset(&sa.sa_mask, caught[i]);
	for (i = 0; i < 2; i++) {
		installed[i] = 0;
		if (sigaction(caught[i], NULL, &saved[i]) != 0 ||
		    saved[i].sa_handler == SIG_IGN)
			continue; /* ignored signals stay ignored */
		installed[i] = sigaction(caught[i], &sa, NULL) == 0;
	}
}

static void
catch_end(void)
{
	size_t i;

	for (i = 0; i < 2; i++)
		if (installed[i])
			sigaction(caught[i], &saved[i], NULL);
}

/* What kind of file st describes, for a refusal. */
static const char *
kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISFIFO(mode))
		return "a named pipe";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

sp_status
sp_file_replaceable(const char *path, int *exists, sp_error *err)
{
	struct stat st;

	*exists = 0;
	if (lstat(path, &st) != 0)
		return SP_OK; /* creating it will say what is wrong */
	if (!S_ISREG(st.st_mode))
		return sp_error_set(err, SP_ECREATE, path, 0, 0, "is %s, not "
		    "a regular file; not replaced", kind(st.st_mode));
	*exists = 1;
	return SP_OK;
}

static sp_status
write_all(int fd, const char *path, const void *data, size_t len,
    sp_error *err)
{
	size_t n;

	for (n = 0; n < len;) {
		ssize_t w = write(fd, (const char *)data + n, len - n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return fail(err, path, "write error");
		n += (size_t)w;
	}
	if (fsync(fd) != 0)
		return fail(err, path, "write error");
	return SP_OK;
}

static sp_status
exists_error(sp_error *err, const char *path)
{
	return sp_error_set(err, SP_ECREATE, path, 0, 0,
	    "file exists (use --force to replace it)");
}

/*
 * Moves the complete file tmp over path, checking once more that path is
 * still nothing but a regular file.  Removes tmp on failure.
 */
static sp_status
replace(const char *tmp, const char *path, sp_error *err)
{
	sp_status rc;
	int exists;

	if ((rc = sp_file_replaceable(path, &exists, err)) == SP_OK &&
	    rename(tmp, path) != 0)
		rc = fail(err, path, "cannot replace the file");
	if (rc != SP_OK)
		unlink(tmp);
	return rc;
}

/*
 * Writes through an unnamed file in dir.  Returns 1 when the system
 * cannot make or name one (nothing was done), else 0 with *rc set.
 */
static int
write_unnamed(sp_status *rc, const char *dir, char *tmp, const char *path,
    const void *data, size_t len, int force, sp_error *err)
{
#ifdef O_TMPFILE
	char self[64];
	int fd, name;

	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0)
		return 1;
	if ((*rc = write_all(fd, path, data, len, err)) != SP_OK) {
		close(fd);
		return 0;
	}
	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	if (!force) {
		/* linkat() fails when path appeared meanwhile: no clobber. */
		if (linkat(AT_FDCWD, self, AT_FDCWD, path,
		    AT_SYMLINK_FOLLOW) != 0) {
			int e = errno;

			close(fd);
			if (e != EEXIST)
				return 1; /* no /proc?  The named way says */
			*rc = exists_error(err, path);
			return 0;
		}
		*rc = SP_OK;
		if (close(fd) != 0) {
			*rc = fail(err, path, "write error");
			unlink(path);
		}
		return 0;
	}
	/* A fresh name: mkstemp() finds one, which is let go at once. */
	doomed = tmp;
	if ((name = mkstemp(tmp)) >= 0)
		close(name);
	if (name < 0 || unlink(tmp) != 0 ||
	    linkat(AT_FDCWD, self, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0) {
		/* No /proc, or no name to be had: write a named file. */
		doomed = NULL;
		close(fd);
		return 1;
	}
	if (close(fd) != 0) {
		*rc = fail(err, path, "write error");
		unlink(tmp);
	} else {
		*rc = replace(tmp, path, err);
	}
	doomed = NULL;
	return 0;
#else
	(void)rc, (void)dir, (void)tmp, (void)path, (void)data, (void)len;
	(void)force, (void)err;
	return 1;
#endif
}

/* Writes through the named temporary file tmp (a mkstemp() template). */
static sp_status
write_named(char *tmp, const char *path, const void *data, size_t len,
    int force, sp_error *err)
{
	sp_status rc;
	mode_t mask;
	int fd;

	doomed = tmp;
	if ((fd = mkstemp(tmp)) < 0) {
		doomed = NULL;
		return fail(err, path, "cannot create a temporary file");
	}
	/* mkstemp makes the file private; give it the usual mode. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0)
		rc = fail(err, path, "cannot set permissions");
	else
		rc = write_all(fd, path, data, len, err);
	if (close(fd) != 0 && rc == SP_OK)
		rc = fail(err, path, "write error");
	if (rc != SP_OK)
		unlink(tmp);
	else if (force)
		rc = replace(tmp, path, err);
	else {
		/* link() fails when path appeared meanwhile: no clobber. */
		if (link(tmp, path) != 0)
			rc = errno == EEXIST ? exists_error(err, path) :
			    fail(err, path, "cannot create the file");
		unlink(tmp);
	}
	doomed = NULL;
	return rc;
}

sp_status
sp_file_write_atomic(const char *path, const void *data, size_t len,
    int force, sp_error *err)
{
	const char *slash = strrchr(path, '/'), *base;
	char *tmp = NULL, *dir = NULL;
	size_t dirlen, n;
	sp_status rc;
	int exists;

	if ((rc = sp_file_replaceable(path, &exists, err)) != SP_OK)
		return rc;
	if (exists && !force)
		return exists_error(err, path);
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	base = slash ? slash + 1 : path;
	if (*base == '\0')
		return sp_error_set(err, SP_ECREATE, path, 0, 0,
		    "not a file name");
	n = dirlen + strlen(base) + sizeof(".tmp.XXXXXX") + 1;
	tmp = malloc(n);
	dir = malloc(dirlen + 2);
	if (tmp == NULL || dir == NULL) {
		free(tmp);
		free(dir);
		return sp_error_set(err, SP_ENOMEM, path, 0, 0,
		    "out of memory");
	}
	snprintf(tmp, n, "%.*s.%s.tmp.XXXXXX", (int)dirlen, path, base);
	if (dirlen > 0)
		snprintf(dir, dirlen + 2, "%.*s", (int)dirlen, path);
	else
		snprintf(dir, dirlen + 2, ".");
	catch_begin();
	if (write_unnamed(&rc, dir, tmp, path, data, len, force, err)) {
		/* mkstemp() may have filled the template in: start again. */
		snprintf(tmp, n, "%.*s.%s.tmp.XXXXXX", (int)dirlen, path,
		    base);
		rc = write_named(tmp, path, data, len, force, err);
	}
	catch_end();
	free(tmp);
	free(dir);
	return rc;
}
