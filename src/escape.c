/*
 * The HTML, SVG and Mermaid escapers (see escape.h).
 */
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "internal.h"

#define REPLACEMENT 0xFFFD

/*
 * The next character of *s as a code point, cleaned: U+FFFD for a byte
 * that does not form UTF-8, for a character that reorders text and for
 * a noncharacter; a space for a control character.  Advances *s.
 */
static uint32_t
next_clean(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t len = sp_utf8_seq(*s, strnlen(*s, 4));
	uint32_t cp;

	if (len == 0) {
		(*s)++;
		return REPLACEMENT;
	}
	*s += len;
	if (len == 1)
		cp = p[0];
	else if (len == 2)
		cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	else if (len == 3)
		cp = (uint32_t)(p[0] & 0x0F) << 12 |
		    (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	else
		cp = (uint32_t)(p[0] & 0x07) << 18 |
		    (uint32_t)(p[1] & 0x3F) << 12 |
		    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return ' ';
	if (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return REPLACEMENT;
	return cp;
}

size_t
escape_bidi_len(const char *s)
{
	const char *p = s;

	return *s != '\0' && strchr("\xD8\xE2", *s) != NULL &&
	    next_clean(&p) == REPLACEMENT && p - s > 1 ?
	    (size_t)(p - s) : 0;
}

/* Appends code point cp as UTF-8. */
static void
put_cp(sp_buf *b, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	sp_buf_putn(b, u, n);
}

void
escape_xml(sp_buf *b, const char *s)
{
	uint32_t cp;

	while (*s) {
		switch (cp = next_clean(&s)) {
		case '&':
			sp_buf_puts(b, "&amp;");
			break;
		case '<':
			sp_buf_puts(b, "&lt;");
			break;
		case '>':
			sp_buf_puts(b, "&gt;");
			break;
		case '"':
			sp_buf_puts(b, "&quot;");
			break;
		case '\'':
			sp_buf_puts(b, "&#39;");
			break;
		default:
			put_cp(b, cp);
		}
	}
}

/*
 * Mermaid reads "#name;" and "#123;" as entity codes, marking them while
 * it parses with U+FB02 U+00B0 and U+00B6 U+00DF; those two, and every
 * ASCII character that could mean something to a diagram, are written as
 * codes.
 */
static int
mermaid_coded(uint32_t cp)
{
	return (cp < 0x80 && strchr("\"#&<>[]{}`|%;\\", (int)cp) != NULL) ||
	    cp == 0xFB02 || cp == 0xB6;
}

void
escape_mermaid(sp_buf *b, const char *s)
{
	uint32_t cp;

	while (*s) {
		cp = next_clean(&s);
		if (mermaid_coded(cp))
			sp_buf_printf(b, "#%u;", (unsigned)cp);
		else
			put_cp(b, cp);
	}
}

/*
 * Mermaid measures a label before it turns its entity codes back into
 * characters, as the seven characters it marks each one with.
 */
size_t
escape_mermaid_fit(const char *s, size_t width)
{
	const char *p = s;
	size_t used = 0;
	uint32_t cp;

	while (*p) {
		const char *start = p;

		cp = next_clean(&p);
		used += mermaid_coded(cp) ? 7 : 1;
		if (used > width)
			return (size_t)(start - s);
	}
	return (size_t)(p - s);
}
