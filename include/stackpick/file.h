/*
 * Writing files a user may care about, without ever losing one.
 */
#ifndef SP_FILE_H
#define SP_FILE_H

#include <stddef.h>

#include "stackpick/error.h"

/*
 * Writes len bytes of data to path atomically: into a new temporary file
 * in the same directory, flushed to disk, then moved into place.  An
 * existing path is left alone unless force is set, and a failed write
 * leaves it as it was.  Fails with SP_ECREATE and the reason ("file
 * exists", or the system's error) in err.
 */
sp_status sp_file_write_atomic(const char *path, const void *data,
    size_t len, int force, sp_error *err);

#endif
