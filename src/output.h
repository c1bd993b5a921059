/*
 * Standard output as the front end uses it: whole reports written at
 * once, a pager on a terminal (as git does), the terminal's width, and
 * --output, which publishes every report in one file or nothing.
 */
#ifndef SP_OUTPUT_H
#define SP_OUTPUT_H

#include "stackpick/buf.h"

/* The narrowest text stackpick wraps to, whatever the terminal says. */
#define OUT_MIN_COLUMNS 40

/*
 * Sets up the output.  With path, reports are kept and written to path
 * by out_close() (atomically, and only when the run succeeds).  Without
 * it, and with pager set, output to a terminal goes through $PAGER
 * (less -FRX when unset), started on the first write.  Forgets any
 * earlier run's state, so that main may run again in one process.
 */
void out_init(const char *path, int pager);

/*
 * Columns to wrap text to: COLUMNS when it holds a number, else the
 * terminal's width when stdout is one, else 80; never under
 * OUT_MIN_COLUMNS.
 */
int out_columns(void);

/* Whether a report should be written at all (the reader is still there). */
int out_wanted(int quiet);

/* Writes b and empties it; a failed write is reported by out_close(). */
void out_write(sp_buf *b);

/* Whether a write failed for a reason other than a reader gone away. */
int out_failed(void);

/*
 * Finishes the output of a run whose exit code so far is status: writes
 * the --output file (not when status is 64 or more: a failed run leaves
 * no half report behind), closes stdout, waits for the pager.  Returns
 * the exit code of a failure, which it reports, or 0.
 */
int out_close(int status);

#endif
