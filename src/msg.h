/*
 * The front end's one voice on stderr: every warning and error printed the
 * same way, "stackpick: FILE:LINE:COLUMN: message", with control bytes
 * from the input shown escaped so they cannot disturb the terminal.
 */
#ifndef SP_MSG_H
#define SP_MSG_H

#include "stackpick/error.h"

/* Exit codes, after sysexits(3); documented in docs/exit-codes.md. */
enum {
	SP_EXIT_OK = 0,
	SP_EXIT_GATE = 1,
	SP_EXIT_USAGE = 64,
	SP_EXIT_DATA = 65,
	SP_EXIT_NOINPUT = 66,
	SP_EXIT_SOFTWARE = 70,
	SP_EXIT_CANTCREAT = 73,
	SP_EXIT_IOERR = 74,
	SP_EXIT_INTERRUPTED = 130
};

/* Silences warnings (errors are always printed). */
void msg_set_quiet(int quiet);

/* The exit code for a failed status. */
int msg_exit_code(sp_status status);

/* Prints err as "stackpick: FILE:LINE:COLUMN: message". */
void msg_error(const sp_error *err);

/*
 * Prints every error all lists, one a line, and how many more were found
 * past SP_MAX_ERRORS; or err alone when all is NULL or empty.
 */
void msg_errors(const sp_error *err, const sp_errors *all);

/* Prints "stackpick: message" and, for usage, the --help hint. */
void msg_errorf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void msg_usage(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void msg_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/*
 * Whether colour suits stdout: a terminal, NO_COLOR unset or empty, and
 * TERM not "dumb".
 */
int msg_color_auto(void);

#endif
