/*
 * Atomic, no-clobber file writing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stackpick/file.h"

static sp_status
fail(sp_error *err, const char *path, const char *what)
{
	return sp_error_set(err, SP_ECREATE, path, 0, 0, "%s: %s", what,
	    strerror(errno));
}

sp_status
sp_file_write_atomic(const char *path, const void *data, size_t len,
    int force, sp_error *err)
{
	const char *slash = strrchr(path, '/'), *base;
	char *tmp = NULL;
	size_t dirlen, n;
	struct stat st;
	mode_t mask;
	sp_status rc = SP_OK;
	int fd = -1;

	if (!force && lstat(path, &st) == 0)
		return sp_error_set(err, SP_ECREATE, path, 0, 0,
		    "file exists (use --force to replace it)");
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	base = slash ? slash + 1 : path;
	if (*base == '\0')
		return sp_error_set(err, SP_ECREATE, path, 0, 0,
		    "not a file name");
	n = dirlen + strlen(base) + sizeof(".tmp.XXXXXX") + 1;
	if ((tmp = malloc(n)) == NULL)
		return sp_error_set(err, SP_ENOMEM, path, 0, 0,
		    "out of memory");
	snprintf(tmp, n, "%.*s.%s.tmp.XXXXXX", (int)dirlen, path, base);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = fail(err, path, "cannot create a temporary file");
		free(tmp);
		return rc;
	}
	/* mkstemp makes the file private; give it the usual mode. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		rc = fail(err, path, "cannot set permissions");
		goto done;
	}
	for (n = 0; n < len;) {
		ssize_t w = write(fd, (const char *)data + n, len - n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			rc = fail(err, path, "write error");
			goto done;
		}
		n += (size_t)w;
	}
	if (fsync(fd) != 0) {
		rc = fail(err, path, "write error");
		goto done;
	}
	if (close(fd) != 0) {
		fd = -1;
		rc = fail(err, path, "write error");
		goto done;
	}
	fd = -1;
	if (force) {
		if (rename(tmp, path) != 0)
			rc = fail(err, path, "cannot replace the file");
	} else if (link(tmp, path) != 0) {
		/* link() fails when path appeared meanwhile: never clobber. */
		rc = errno == EEXIST ? sp_error_set(err, SP_ECREATE, path, 0,
		    0, "file exists (use --force to replace it)") :
		    fail(err, path, "cannot create the file");
	}
done:
	if (fd >= 0)
		close(fd);
	if (rc != SP_OK || !force)
		unlink(tmp);
	free(tmp);
	return rc;
}
