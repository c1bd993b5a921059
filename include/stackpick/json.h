/*
 * A JSON writer that streams a document into an sp_buf as it is told it,
 * member by member, with no tree in between: the JSON view of a report is
 * written this way.  The same calls can build a jansson tree instead
 * (sp_json_init_tree), which is how the tests and the fuzz targets check
 * the streamed text against jansson's own serialiser of that tree, and a
 * part of a document can still come from a jansson json_t
 * (sp_json_put), written with the same formatting.
 *
 * The text is exactly what json_dumpf() writes with
 * JSON_REAL_PRECISION(SP_JSON_PRECISION) and either JSON_COMPACT or
 * JSON_INDENT(2): numbers as "%.12g" with ".0" added to an integral real
 * and the exponent written without "+" or leading zeros; strings with
 * '"', '\\' and control characters escaped (\b \f \n \r \t, else \u00XX)
 * and everything else as UTF-8.  A byte that does not form UTF-8 is
 * written as U+FFFD, so the output is always valid UTF-8; a real that is
 * not finite is written as null.
 *
 * Calls take the member's key inside an object and NULL inside an array
 * or for the document itself.  Errors (running out of memory, nesting
 * deeper than SP_JSON_MAX_DEPTH, a container left open) are sticky and
 * reported once, by sp_json_finish() or sp_json_take().
 */
#ifndef SP_JSON_H
#define SP_JSON_H

#include <jansson.h>

#include "stackpick/buf.h"
#include "stackpick/error.h"

/* Containers open at once, the document's own included. */
#define SP_JSON_MAX_DEPTH 64

typedef struct {
	sp_buf *out;        /* streaming: the text goes here; else NULL */
	json_t *tree[SP_JSON_MAX_DEPTH]; /* building: the open containers */
	json_t *root;       /* building: the document */
	char open[SP_JSON_MAX_DEPTH];    /* '}' or ']' for each open one */
	int members[SP_JSON_MAX_DEPTH];  /* values written in each so far */
	char *mark;         /* streaming: where the value being written
	                       starts */
	int depth;          /* containers open */
	int pretty;         /* indent by two spaces per level */
	int failed;         /* sticky: out of memory or misuse */
} sp_json;

/*
 * Starts a document written to out (appended to what it holds), compact
 * on one line, or indented when pretty is set.
 */
void sp_json_init(sp_json *w, sp_buf *out, int pretty);

/* Starts a document built as a jansson tree; take it with sp_json_take. */
void sp_json_init_tree(sp_json *w);

/*
 * Ends a streamed document.  Returns SP_OK, or SP_ENOMEM when out ran out
 * of memory or the calls did not make one whole document.
 */
sp_status sp_json_finish(sp_json *w);

/*
 * Ends a built document and returns it (a new reference, the caller's to
 * json_decref), or NULL when out of memory or the calls did not make one
 * whole document.
 */
json_t *sp_json_take(sp_json *w);

/* Opens an object or an array; sp_json_end closes the innermost one. */
void sp_json_object(sp_json *w, const char *key);
void sp_json_array(sp_json *w, const char *key);
void sp_json_end(sp_json *w);

/* One value: a string (NULL is written as null), numbers, true/false. */
void sp_json_str(sp_json *w, const char *key, const char *s);
void sp_json_real(sp_json *w, const char *key, double v);
void sp_json_int(sp_json *w, const char *key, long long v);
void sp_json_bool(sp_json *w, const char *key, int v);
void sp_json_null(sp_json *w, const char *key);

/*
 * Writes the jansson value j (any type, nested to any depth up to the
 * limit) as the next value, as json_object_set_new() would add it: the
 * reference is stolen, and a NULL j (a failed json_* call) fails the
 * document.
 */
void sp_json_put(sp_json *w, const char *key, json_t *j);

/*
 * Where the next member of a streamed document starts: the length of
 * its output so far.
 */
size_t sp_json_tell(const sp_json *w);

/*
 * Appends text (n bytes): a whole member (comma, indentation, key and
 * value) that a writer with the same layout wrote before at the same
 * depth, after other members of its container, as sp_json_tell() marks
 * it; kept so that the same member is written again without the work.
 * The container must already hold a member.  Streaming only.
 */
void sp_json_splice(sp_json *w, const char *text, size_t n);

/*
 * Writes a real to buf (at least SP_JSON_REAL_MAX bytes) the way the
 * writer does, NUL-terminated; returns its length.  v must be finite.
 */
#define SP_JSON_REAL_MAX 32
size_t sp_json_format_real(char *buf, double v);

#endif
