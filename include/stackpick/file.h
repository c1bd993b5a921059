/*
 * Writing files a user may care about, without ever losing one.
 */
#ifndef SP_FILE_H
#define SP_FILE_H

#include <stddef.h>

#include "stackpick/error.h"

/*
 * Says whether path may be written: SP_OK with *exists 0 when nothing is
 * there (or it cannot be looked at, which writing will report), or 1 when
 * it is a regular file, which only force replaces.  Anything else there
 * (a directory, a symbolic link, a named pipe, a device, a socket) is
 * never replaced: SP_ECREATE with the reason in err.
 */
sp_status sp_file_replaceable(const char *path, int *exists, sp_error *err);

/*
 * Writes len bytes of data to path atomically: into a new temporary file
 * in the same directory (unnamed where the system allows), flushed to
 * disk, then moved into place.  An existing regular file is left alone
 * unless force is set, anything else at path always (see
 * sp_file_replaceable), and a failed write leaves it as it was.  SIGINT
 * or SIGTERM during the write remove the temporary file before the
 * process dies of them.  Fails with SP_ECREATE and the reason ("file
 * exists", "is a named pipe, not a regular file", or the system's error)
 * in err.
 */
sp_status sp_file_write_atomic(const char *path, const void *data,
    size_t len, int force, sp_error *err);

#endif
