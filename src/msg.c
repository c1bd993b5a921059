/*
 * Messages on stderr.  One function formats every located error, so that
 * the text, JSON and questionnaire paths all say the same thing.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stackpick/buf.h"
#include "internal.h"
#include "msg.h"

static int quiet;

void
msg_set_quiet(int q)
{
	quiet = q;
}

int
msg_exit_code(sp_status status)
{
	switch (status) {
	case SP_OK:
		return SP_EXIT_OK;
	case SP_EUSAGE:
		return SP_EXIT_USAGE;
	case SP_EDATA:
		return SP_EXIT_DATA;
	case SP_EINPUT:
		return SP_EXIT_NOINPUT;
	case SP_EOUTPUT:
		return SP_EXIT_IOERR;
	case SP_ECREATE:
		return SP_EXIT_CANTCREAT;
	default:
		return SP_EXIT_SOFTWARE;
	}
}

/*
 * Writes s to f as sp_buf_put_clean() shows it to a terminal; out of
 * memory, with every byte outside printable ASCII shown as '?'.
 */
static void
put_clean(FILE *f, const char *s)
{
	sp_buf b = SP_BUF_INIT;

	sp_buf_put_clean(&b, s);
	if (!b.oom)
		fputs(sp_buf_cstr(&b), f);
	else
		for (; *s != '\0'; s++)
			fputc(*s >= 0x20 && *s < 0x7f ? *s : '?', f);
	sp_buf_free(&b);
}

/* Prints one error, its control characters escaped. */
static void
put_error(const sp_error *err)
{
	sp_buf b = SP_BUF_INIT;

	sp_buf_put_error(&b, err);
	fputs("stackpick: ", stderr);
	put_clean(stderr, b.oom ? err->message : sp_buf_cstr(&b));
	fputc('\n', stderr);
	sp_buf_free(&b);
}

void
msg_error(const sp_error *err)
{
	put_error(err);
	if (err->status == SP_EUSAGE)
		fputs("Try 'stackpick --help' for more information.\n", stderr);
}

void
msg_errors(const sp_error *err, const sp_errors *all)
{
	int i;

	if (all == NULL || all->count == 0) {
		msg_error(err);
		return;
	}
	for (i = 0; i < all->count; i++)
		put_error(&all->list[i]);
	if (all->more > 0)
		msg_errorf("%s: %d more error%s not shown", all->list[0].file,
		    all->more, all->more == 1 ? "" : "s");
}

static void
vmsg(const char *fmt, va_list ap)
{
	char buf[SP_ERROR_MAX + 1024];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	fputs("stackpick: ", stderr);
	put_clean(stderr, buf);
	fputc('\n', stderr);
}

void
msg_errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
msg_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fputs("Try 'stackpick --help' for more information.\n", stderr);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

int
msg_color_auto(void)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (nc != NULL && nc[0] != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}
