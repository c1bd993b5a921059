/*
 * Private helpers shared between modules; not part of the public API.
 */
#ifndef SP_INTERNAL_H
#define SP_INTERNAL_H

#include <stddef.h>

#include "stackpick/doc.h"
#include "stackpick/score.h"

/*
 * Zeroed memory that lives as long as doc: the matrix keeps its arrays
 * in its document's arena so that one sp_doc_free() releases everything.
 * Returns NULL when out of memory.
 */
void *sp_doc_alloc(sp_doc *doc, size_t n);

/*
 * A document around a tree that lives elsewhere (the built-in matrix's,
 * which is static): only the arena belongs to the document.  On success
 * *out is the caller's, released with sp_doc_free(), which leaves the
 * tree alone.
 */
sp_status sp_doc_wrap(sp_doc **out, sp_node *root, const char *name,
    sp_error *err);

/*
 * The shipped matrix as the tree sp_doc_parse() makes of it, generated at
 * build time by cmake/embed_tree.c, so that starting stackpick does not
 * parse YAML.
 */
sp_node *sp_matrix_builtin_tree(void);

/*
 * Cuts an incomplete UTF-8 sequence off the end of s, as left behind when
 * snprintf() truncates text to fit a buffer.
 */
void sp_utf8_trim(char *s);

/*
 * Copies src into dst (of size bytes, always terminated) with every byte
 * that is not part of valid UTF-8 replaced by U+FFFD.
 */
void sp_utf8_repair(char *dst, size_t size, const char *src);

/*
 * Writes where criterion c's weight came from into buf, the way every
 * report shows it: "base 2, io_load: high +3, concurrency: 20000 +4".
 */
void sp_weight_from(char *buf, size_t size, const sp_crit_score *c);

/*
 * Length of the valid UTF-8 character at s (of at most n bytes, n > 0),
 * or 0 when its bytes do not form one.
 */
size_t sp_utf8_seq(const char *s, size_t n);

/*
 * Reads s, a plain decimal number (as a profile writes one: no hex, no
 * blanks, no infinity), into *out when it lies in [min, max].  Returns 0,
 * or -1 when s is anything else.
 */
int sp_number_parse(const char *s, double min, double max, double *out);

/*
 * Reads a whole number written in decimal, with ',' or '_' allowed
 * between digits ("20,000", "1_000").  Returns 1 with *out set, 0 when s
 * is not such a number, and -1 when it is one too large to hold.
 */
int sp_number_grouped(const char *s, long *out);

/* Whether s (NUL-terminated) is well-formed UTF-8. */
int sp_utf8_valid(const char *s);

#endif
