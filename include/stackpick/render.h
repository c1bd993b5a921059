/*
 * The render stage: each output format formats one sp_report (see
 * stackpick/report.h) into a text buffer and decides nothing.  The
 * formats are rows of one table, which drives --format, --help, the
 * shell completions (stackpick --list-formats) and the tests.
 */
#ifndef SP_RENDER_H
#define SP_RENDER_H

#include <stddef.h>

#include <jansson.h>

#include "stackpick/buf.h"
#include "stackpick/matrix.h"
#include "stackpick/report.h"

#define SP_JSON_SCHEMA_VERSION 1

/*
 * Significant digits of every JSON number: more than any figure needs,
 * few enough that 0.1 prints as 0.1 rather than 0.10000000000000001.
 */
#define SP_JSON_PRECISION 12

struct sp_adr;

typedef struct {
	int color;  /* ANSI colour in text */
	int width;  /* columns for text; 0 for 80 */
	int pretty; /* indented JSON */
	int brief;  /* the summary only: verdict, reasons, how sure, caveats */
	int only;   /* matrix views: criterion only - 1 alone, or 0 for all */
	const struct sp_adr *adr; /* the decision record (stackpick/adr.h):
	                             its layout for adr, and a "record"
	                             object in JSON; or NULL */
	int no_charts; /* leave the charts out (SP_FORMAT_CHARTS) */
	struct sp_render_cache *cache; /* what a renderer keeps from one
	                                  report to the next, or NULL */
} sp_render_opts;

/*
 * What renderers keep from one report to the next of a batch scored
 * against one matrix: the parts that depend on the matrix alone, written
 * once (today the JSON of the evidence).  Optional: a renderer given none
 * writes every part again.  NULL when out of memory.
 */
typedef struct sp_render_cache sp_render_cache;
sp_render_cache *sp_render_cache_new(void);
void sp_render_cache_free(sp_render_cache *c);

/*
 * Appends rep in one format to out.  Returns 0, or SP_ENOMEM when out ran
 * out of memory.
 */
typedef sp_status sp_render_fn(sp_buf *out, const sp_report *rep,
    const sp_render_opts *opts);

/*
 * Appends the views of matrix m that what selects (SP_VIEW_*, see
 * stackpick/render_matrix.h) to out.
 */
typedef sp_status sp_render_matrix_fn(sp_buf *out, const sp_matrix *m,
    int what, const sp_render_opts *opts);

/*
 * Appends the object that stands for an input that failed (its name, the
 * error as printed on stderr with its line and column, every error that
 * all lists, or err alone when all is NULL or empty, and the exit code it
 * gives), for formats that keep one document per input.
 */
typedef sp_status sp_render_error_fn(sp_buf *out, const char *input,
    const sp_error *err, const sp_errors *all, int exit_code,
    const sp_render_opts *opts);

enum {
	SP_FORMAT_SEPARATE = 1 << 0, /* a blank line between two reports */
	SP_FORMAT_LINES = 1 << 1,    /* one document per line (JSON Lines) */
	SP_FORMAT_CHARTS = 1 << 2,   /* draws charts, unless --no-charts */
	SP_FORMAT_DOCUMENT = 1 << 3  /* one whole document: one profile */
};

typedef struct {
	const char *name;             /* as given to --format */
	const char *help;             /* one line, for --list-formats */
	sp_render_fn *render;
	sp_render_matrix_fn *matrix;  /* the matrix views; NULL: text */
	sp_render_error_fn *error;    /* a failed input; NULL: none */
	int flags;                    /* SP_FORMAT_* */
} sp_format;

/* Every format, in the order --help lists them; the first is the
   default. */
const sp_format *sp_formats(size_t *n);

/* The format named name, or NULL. */
const sp_format *sp_format_find(const char *name);

sp_render_fn sp_render_text;
sp_render_fn sp_render_json;
sp_render_fn sp_render_markdown;
sp_render_fn sp_render_adr;
sp_render_fn sp_render_html;
sp_render_error_fn sp_render_json_error;

/*
 * Builds the JSON view of rep (docs/stackpick.schema.json specifies it).
 * Returns a new reference (the caller's, to json_decref), or NULL when out
 * of memory.  Text that is not valid UTF-8 (a file name) is repaired with
 * U+FFFD.
 */
json_t *sp_report_json(const sp_report *rep);

/*
 * Appends s escaped for Markdown: punctuation that would format shows as
 * written, and line breaks and other control bytes become spaces.
 */
sp_put_fn sp_markdown_put;

/* Appends j to out: compact on one line, or indented with pretty. */
sp_status sp_json_dump(sp_buf *out, json_t *j, int pretty);

#endif
