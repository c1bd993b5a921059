/*
 * The growable text buffer (see stackpick/buf.h) and the text helpers
 * every view shares: escaping, column counts, fields and word wrapping.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/buf.h"
#include "internal.h"

void
sp_buf_init(sp_buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

void
sp_buf_free(sp_buf *b)
{
	free(b->ptr);
	sp_buf_init(b);
}

void
sp_buf_clear(sp_buf *b)
{
	b->len = 0;
	b->oom = 0;
	if (b->ptr != NULL)
		b->ptr[0] = '\0';
}

const char *
sp_buf_cstr(const sp_buf *b)
{
	return b->ptr != NULL ? b->ptr : "";
}

/* Makes room for n more bytes and a NUL; 0, or -1 (and oom) on failure. */
static int
grow(sp_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return -1;
	if (b->cap > b->len && n < b->cap - b->len)
		return 0;
	if (n > ((size_t)-1) / 2 - b->len - 1) {
		b->oom = 1;
		return -1;
	}
	cap = b->cap > 0 ? b->cap : 64;
	while (cap < b->len + n + 1)
		cap *= 2;
	if ((p = realloc(b->ptr, cap)) == NULL) {
		b->oom = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void
sp_buf_putn(sp_buf *b, const char *s, size_t n)
{
	if (grow(b, n) != 0)
		return;
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

char *
sp_buf_reserve(sp_buf *b, size_t n)
{
	return grow(b, n) == 0 ? b->ptr + b->len : NULL;
}

void
sp_buf_commit(sp_buf *b, size_t n)
{
	if (b->ptr == NULL)
		return;
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
sp_buf_puts(sp_buf *b, const char *s)
{
	sp_buf_putn(b, s, strlen(s));
}

void
sp_buf_putc(sp_buf *b, int c)
{
	char ch = (char)c;

	sp_buf_putn(b, &ch, 1);
}

void
sp_buf_pad(sp_buf *b, size_t n)
{
	if (grow(b, n) != 0)
		return;
	memset(b->ptr + b->len, ' ', n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
sp_buf_vprintf(sp_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n;

	if (b->oom)
		return;
	/* Formatted once when the text fits the room left, else measured,
	   grown and formatted again. */
	va_copy(again, ap);
	n = vsnprintf(room > 0 ? b->ptr + b->len : NULL, room, fmt, again);
	va_end(again);
	if (n >= 0 && (size_t)n >= room && grow(b, (size_t)n) == 0)
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	else if (n < 0 || (size_t)n >= room) {
		/* Failed (grow() sets oom): take back what was cut short. */
		if (room > 0)
			b->ptr[b->len] = '\0';
		b->oom = 1;
		return;
	}
	b->len += (size_t)n;
}

void
sp_buf_printf(sp_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/*
 * Appends s, each valid UTF-8 character through keep() (which appends it
 * and returns 1, or returns 0 to have it appended as it is); each byte
 * that does not form UTF-8 goes to keep() with len 0, and is U+FFFD when
 * keep() does not take it.
 */
static void
put_each(sp_buf *b, const char *s, int (*keep)(sp_buf *, const char *,
    size_t))
{
	size_t n = strlen(s), i = 0, len;

	while (i < n && !b->oom) {
		/* A run of printable ASCII goes as it is, whatever keep(). */
		for (len = 0; i + len < n && (unsigned char)s[i + len] >= 0x20 &&
		    (unsigned char)s[i + len] < 0x7f; len++)
			;
		if (len > 0) {
			sp_buf_putn(b, s + i, len);
			i += len;
			continue;
		}
		len = sp_utf8_seq(s + i, n - i);
		if (len == 0) {
			if (keep == NULL || !keep(b, s + i, 0))
				sp_buf_puts(b, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		if (keep == NULL || !keep(b, s + i, len))
			sp_buf_putn(b, s + i, len);
		i += len;
	}
}

void
sp_buf_put_error(sp_buf *b, const sp_error *err)
{
	if (err->file[0] && err->line > 0)
		sp_buf_printf(b, "%s:%d:%d: %s", err->file, err->line,
		    err->column, err->message);
	else if (err->file[0])
		sp_buf_printf(b, "%s: %s", err->file, err->message);
	else
		sp_buf_puts(b, err->message);
}

static int
escape_control(sp_buf *b, const char *c, size_t len)
{
	unsigned char u = (unsigned char)c[0];

	/* A byte that is not UTF-8 (a lone 0x9B is CSI to an 8-bit
	   terminal), or a C0 or DEL control. */
	if (len == 0 || (len == 1 && (u < 0x20 || u == 0x7f))) {
		sp_buf_printf(b, "\\x%02x", u);
		return 1;
	}
	if (len == 2 && u == 0xC2 && (unsigned char)c[1] <= 0x9F) {
		sp_buf_printf(b, "\\x%02x", (unsigned char)c[1]);
		return 1;
	}
	return 0;
}

void
sp_buf_put_clean(sp_buf *b, const char *s)
{
	put_each(b, s, escape_control);
}

void
sp_buf_put_utf8(sp_buf *b, const char *s)
{
	put_each(b, s, NULL);
}

void
sp_buf_cut(sp_buf *b, size_t max)
{
	if (b->len <= max)
		return;
	b->len = max;
	while (b->len > 0 && ((unsigned char)b->ptr[b->len] & 0xC0) == 0x80)
		b->len--;
	b->ptr[b->len] = '\0';
}

size_t
sp_text_columns(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n && s[i]; i++) {
		if (s[i] == '\033') {
			while (i < n && s[i] && s[i] != 'm')
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	}
	return c;
}

size_t
sp_text_fit(const char *s, size_t width)
{
	size_t i, c = 0;

	for (i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (c == width)
				break;
			c++;
		}
	}
	return i;
}

void
sp_buf_wrap(sp_buf *b, const char *lead, size_t indent, size_t width,
    const char *text)
{
	size_t col = sp_text_columns(lead, strlen(lead));
	const char *p = text;
	int first = 1;

	/* A lead narrower than the indent still wraps as if indented. */
	if (col < indent)
		col = indent;
	sp_buf_puts(b, lead);
	while (*p) {
		const char *w = p;
		size_t len, cols;

		while (*w == ' ' || *w == '\n')
			w++;
		len = strcspn(w, " \n");
		if (len == 0)
			break;
		cols = sp_text_columns(w, len);
		if (!first && col > indent && col + 1 + cols > width) {
			sp_buf_putc(b, '\n');
			sp_buf_pad(b, indent);
			col = indent;
		} else if (!first && col > indent) {
			sp_buf_putc(b, ' ');
			col++;
		}
		first = 0;
		sp_buf_putn(b, w, len);
		col += cols;
		p = w + len;
	}
	sp_buf_putc(b, '\n');
}

void
sp_buf_field(sp_buf *b, const char *s, size_t width, int right)
{
	size_t n = sp_text_fit(s, width), cols = sp_text_columns(s, n);

	if (right)
		sp_buf_pad(b, width - cols);
	sp_buf_putn(b, s, n);
	if (!right)
		sp_buf_pad(b, width - cols);
}
