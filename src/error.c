/*
 * sp_error helpers.
 */
#include <stdio.h>
#include <string.h>

#include "stackpick/error.h"

void
sp_error_clear(sp_error *err)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof(*err));
}

sp_status
sp_error_vset(sp_error *err, sp_status status, const char *file, int line,
    int column, const char *fmt, va_list ap)
{
	if (err == NULL)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	return status;
}

sp_status
sp_error_set(sp_error *err, sp_status status, const char *file, int line,
    int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_error_vset(err, status, file, line, column, fmt, ap);
	va_end(ap);
	return status;
}
