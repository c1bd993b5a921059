/*
 * Errors: every stage reports failure by returning a negative sp_status
 * and filling an sp_error with the message and, where the input has one,
 * the location (1-based line and column; 0 when unknown).
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

/* Clears err to "no error". */
void sp_error_clear(sp_error *err);

/*
 * Fills err (which may be NULL) with status, location and a printf-style
 * message, and returns status so that callers can write
 * "return sp_error_set(...)".
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
