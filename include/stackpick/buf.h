/*
 * A growable text buffer, for every piece of text stackpick builds for a
 * person to read.  Appends never cut a UTF-8 character: text is copied
 * whole or, when memory runs out, not at all.  Running out of memory is
 * sticky (b->oom), so a caller appends freely and checks once at the end.
 */
#ifndef SP_BUF_H
#define SP_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "stackpick/error.h"

typedef struct {
	char *ptr;  /* NUL-terminated text, or NULL before the first append */
	size_t len; /* bytes of text, not counting the NUL */
	size_t cap; /* bytes allocated */
	int oom;    /* an append failed for want of memory */
} sp_buf;

#define SP_BUF_INIT { NULL, 0, 0, 0 }

/*
 * Writes a string into an sp_buf for a particular output: plain text,
 * Markdown, HTML.  Phrases that mention a label or a file name take one,
 * so that the same sentence is escaped right for every format.
 */
typedef void sp_put_fn(sp_buf *b, const char *s);

void sp_buf_init(sp_buf *b);

/* Releases b's memory and leaves it empty, ready for reuse. */
void sp_buf_free(sp_buf *b);

/* Empties b, keeping its memory (and clearing the oom flag). */
void sp_buf_clear(sp_buf *b);

/* The text, "" while empty; valid until the next append. */
const char *sp_buf_cstr(const sp_buf *b);

void sp_buf_putn(sp_buf *b, const char *s, size_t n);
void sp_buf_puts(sp_buf *b, const char *s);
void sp_buf_putc(sp_buf *b, int c);
void sp_buf_pad(sp_buf *b, size_t n);   /* n spaces */

/*
 * Makes room for n more bytes and returns where they go, or NULL (with
 * oom set) when memory runs out.  Write at most n bytes there, then
 * sp_buf_commit() the number written, before any other append.
 */
char *sp_buf_reserve(sp_buf *b, size_t n);
void sp_buf_commit(sp_buf *b, size_t n);

/* Appends printf-style text. */
void sp_buf_printf(sp_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void sp_buf_vprintf(sp_buf *b, const char *fmt, va_list ap);

/*
 * Appends s as plain text for a terminal: control characters (C0, DEL
 * and the C1 range U+0080 to U+009F, which some terminals obey) and bytes
 * that do not form UTF-8 become \xNN.
 */
void sp_buf_put_clean(sp_buf *b, const char *s);

/* Appends s with each byte that does not form UTF-8 replaced by U+FFFD. */
void sp_buf_put_utf8(sp_buf *b, const char *s);

/*
 * Appends one error as it is told: "FILE:LINE:COLUMN: message", or
 * "FILE: message" without a line, or the message alone without a file.
 */
void sp_buf_put_error(sp_buf *b, const sp_error *err);

/* Cuts b to at most max bytes, at a character boundary. */
void sp_buf_cut(sp_buf *b, size_t max);

/* Terminal columns that n bytes of s take: one per character. */
size_t sp_text_columns(const char *s, size_t n);

/* Bytes of s that fit in width columns, never splitting a character. */
size_t sp_text_fit(const char *s, size_t width);

/*
 * Appends text wrapped at width columns: the first line after lead (as if
 * it took at least indent columns), the others indented by indent
 * spaces, with a newline at the end.  Words
 * are never broken; one longer than a line has a line of its own.
 * ANSI colour sequences take no columns.
 */
void sp_buf_wrap(sp_buf *b, const char *lead, size_t indent, size_t width,
    const char *text);

/*
 * Appends s in a field of width columns, cut at a character boundary or
 * padded with spaces on the right (right = 0) or the left.
 */
void sp_buf_field(sp_buf *b, const char *s, size_t width, int right);

#endif
