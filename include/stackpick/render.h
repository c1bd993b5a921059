/*
 * The render stage: three views of one sp_result.  Renderers only read the
 * result; they compute nothing another view could not show.
 */
#ifndef SP_RENDER_H
#define SP_RENDER_H

#include <stdio.h>

#include <jansson.h>

#include "stackpick/gate.h"
#include "stackpick/score.h"

#define SP_JSON_SCHEMA_VERSION 1

/*
 * Significant digits of every JSON number: more than any figure needs,
 * few enough that 0.1 prints as 0.1 rather than 0.10000000000000001.
 */
#define SP_JSON_PRECISION 12

typedef struct {
	int color; /* use ANSI colour */
	int width; /* columns to fit, 80 by default */
} sp_text_opts;

/*
 * Writes the text report for r, read from input, with the gate results g
 * (NULL for none), to out.  Returns 0, or SP_EOUTPUT when out reports a
 * write error.
 */
sp_status sp_render_text(FILE *out, const sp_result *r, const char *input,
    const sp_gates *g, const sp_text_opts *opts);

/*
 * Builds the JSON view of r with the gate results g (NULL for none).
 * Returns a new reference (the caller's, to json_decref), or NULL when its
 * containers cannot be allocated.  Text that is not valid UTF-8 (a file
 * name) is repaired with U+FFFD.  docs/stackpick.schema.json specifies it.
 */
json_t *sp_render_json(const sp_result *r, const char *input,
    const sp_gates *g);

/*
 * Builds the JSON object that stands for an input that failed: its name
 * and the error (message as printed on stderr, 1-based line and column or
 * 0 when unknown, and the exit code it gives).  Returns a new reference,
 * or NULL when out of memory.
 */
json_t *sp_render_json_error(const char *input, const char *message,
    int line, int column, int exit_code);

/*
 * Writes the Markdown report for r (GitHub-flavoured: the criteria table
 * is a pipe table, the checklist a task list) with the gate results g
 * (NULL for none) to out.  Every text from the matrix or profile is
 * escaped so that it shows as written.  Returns 0, or SP_EOUTPUT when out
 * reports a write error.
 */
sp_status sp_render_markdown(FILE *out, const sp_result *r,
    const char *input, const sp_gates *g);

#endif
