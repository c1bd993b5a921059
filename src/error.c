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

void
sp_errors_clear(sp_errors *all)
{
	if (all != NULL)
		all->count = all->more = 0;
}

void
sp_errors_add(sp_errors *all, const sp_error *e)
{
	if (all->count < SP_MAX_ERRORS)
		all->list[all->count++] = *e;
	else
		all->more++;
}

/* Cuts s, which snprintf wrote, back to whole UTF-8 characters. */
static void
cut_whole(char *s, size_t size, int written)
{
	size_t n, lead;
	unsigned char c;

	if (written < 0 || (size_t)written < size || size == 0)
		return;
	n = strlen(s);
	lead = n;
	while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0 || ((unsigned char)s[lead - 1] & 0xC0) != 0xC0)
		return;
	lead--;
	c = (unsigned char)s[lead];
	if (n - lead < (size_t)(c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2))
		s[lead] = '\0';
}

sp_status
sp_error_vset(sp_error *err, sp_status status, const char *file, int line,
    int column, const char *fmt, va_list ap)
{
	if (err == NULL)
		return status;
	err->status = status;
	cut_whole(err->file, sizeof(err->file), snprintf(err->file,
	    sizeof(err->file), "%s", file ? file : ""));
	err->line = line;
	err->column = column;
	cut_whole(err->message, sizeof(err->message), vsnprintf(err->message,
	    sizeof(err->message), fmt, ap));
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
