/*
 * Escapers for the formats that carry markup: HTML and SVG (one escaper,
 * since an SVG is either inline HTML or XML) and Mermaid's quoted
 * strings.  Each writes matrix, profile or file-name text so that it
 * shows as written and can never become markup, a script or a new
 * statement.  Both share one cleaning step: bytes that do not form UTF-8
 * become U+FFFD, control characters (C0, DEL, C1) become spaces, and the
 * characters that reorder text (bidirectional embeddings, overrides,
 * isolates and marks) and the noncharacters become U+FFFD, so a label
 * cannot make the text around it read differently from what it says.
 */
#ifndef SP_ESCAPE_H
#define SP_ESCAPE_H

#include "stackpick/buf.h"

/*
 * Bytes of the character at s when it reorders text (a bidirectional
 * embedding, override, isolate or mark), else 0: other formats write
 * U+FFFD in its place.
 */
size_t escape_bidi_len(const char *s);

/* Appends s for HTML text or an attribute value, and for SVG or XML. */
void escape_xml(sp_buf *b, const char *s);

/*
 * Appends s for a double-quoted Mermaid string: quotes, '#', '&', '<',
 * '>', brackets, braces, '`', '|', '%', ';' and '\\' become entity codes
 * (#35; for '#'), which Mermaid turns back into the characters as text.
 * So do the two characters Mermaid itself marks entities with, so that
 * a label cannot forge one.
 */
void escape_mermaid(sp_buf *b, const char *s);

/*
 * Bytes of s, whole characters, that fit in width columns as Mermaid
 * measures the escaped label: seven for a character written as a code.
 */
size_t escape_mermaid_fit(const char *s, size_t width);

#endif
