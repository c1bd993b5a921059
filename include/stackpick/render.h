/*
 * The render stage: three views of one sp_result.  Renderers only read the
 * result; they compute nothing another view could not show.
 */
#ifndef SP_RENDER_H
#define SP_RENDER_H

#include <stdio.h>

#include <jansson.h>

#include "stackpick/score.h"

#define SP_JSON_SCHEMA_VERSION 1

typedef struct {
	int color; /* use ANSI colour */
	int width; /* columns to fit, 80 by default */
} sp_text_opts;

/*
 * Writes the text report for r, read from input, to out.  Returns 0, or
 * SP_EOUTPUT when out reports a write error.
 */
sp_status sp_render_text(FILE *out, const sp_result *r, const char *input,
    const sp_text_opts *opts);

/*
 * Builds the JSON view of r.  Returns a new reference (the caller's, to
 * json_decref), or NULL when its containers cannot be allocated.  Text
 * that is not valid UTF-8 (a file name) is repaired with U+FFFD.
 */
json_t *sp_render_json(const sp_result *r, const char *input);

#endif
