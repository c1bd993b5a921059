/*
 * Errors: every stage reports failure by returning a negative sp_status
 * and filling an sp_error with the message and, where the input has one,
 * the location (1-based line and column; 0 when unknown).
 *
 * A caller that wants every problem of an input, not only the first,
 * also passes an sp_errors list to the functions that take one (the
 * loaders of profiles and matrices): they then go on past a bad value
 * where that is safe and list every error, while the sp_error still holds
 * the first, as for callers that read one.
 */
#ifndef SP_ERROR_H
#define SP_ERROR_H

#include <stdarg.h>

#include "stackpick/limits.h"

typedef enum {
	SP_OK = 0,
	SP_EUSAGE = -1, /* the caller asked for something impossible */
	SP_EDATA = -2,  /* input is malformed or invalid */
	SP_EINPUT = -3, /* input could not be opened or read */
	SP_EOUTPUT = -4, /* output could not be written */
	SP_ENOMEM = -5, /* out of memory */
	SP_ECREATE = -6 /* an output file could not be created or replaced */
} sp_status;

typedef struct {
	sp_status status;
	char file[256];
	int line;
	int column;
	char message[SP_ERROR_MAX];
} sp_error;

/* Every error of one input, in the order found, up to SP_MAX_ERRORS. */
typedef struct {
	int count;                    /* listed */
	int more;                     /* found past the cap, not listed */
	sp_error list[SP_MAX_ERRORS];
} sp_errors;

/* Clears err to "no error". */
void sp_error_clear(sp_error *err);

/* Empties all (which may be NULL). */
void sp_errors_clear(sp_errors *all);

/* Lists a copy of e in all, or counts it in all->more past the cap. */
void sp_errors_add(sp_errors *all, const sp_error *e);

/*
 * Fills err (which may be NULL) with status, location and a printf-style
 * message, and returns status so that callers can write
 * "return sp_error_set(...)".  A message too long for its field is cut
 * at a character boundary.
 */
sp_status sp_error_set(sp_error *err, sp_status status, const char *file,
    int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

sp_status sp_error_vset(sp_error *err, sp_status status, const char *file,
    int line, int column, const char *fmt, va_list ap);

#endif
