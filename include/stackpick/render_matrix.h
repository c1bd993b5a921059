/*
 * Views of a matrix itself, not of a result: what --list-options,
 * --list-criteria and --show-matrix print, so that a user can see every
 * rating, the reason given for it, the evidence behind it, and what
 * moves each weight.
 */
#ifndef SP_RENDER_MATRIX_H
#define SP_RENDER_MATRIX_H

#include <jansson.h>

#include "stackpick/json.h"
#include "stackpick/matrix.h"
#include "stackpick/render.h"

/* What a view holds; --show-matrix asks for everything. */
enum {
	SP_VIEW_OPTIONS = 1 << 0,  /* ids, labels, aliases */
	SP_VIEW_CRITERIA = 1 << 1, /* weights, ratings, rationales, rules */
	SP_VIEW_TRAITS = 1 << 2,   /* the keys a profile may set */
	SP_VIEW_ADVICE = 1 << 3,   /* checklist, pitfalls, tooling */
	SP_VIEW_ALL = 0xf
};

/*
 * Appends the parts of m that what selects, as text, to out.  With only
 * SP_VIEW_OPTIONS or only SP_VIEW_CRITERIA the list has no heading and
 * each entry starts with its id in the first column, so that scripts (and
 * the shell completions) can take the first word of every unindented
 * line.
 */
sp_render_matrix_fn sp_render_matrix_text;

/* Appends the JSON view of the parts of m that what selects to out. */
sp_render_matrix_fn sp_render_matrix_json;

/*
 * Builds the JSON view of the parts of m that what selects.  Returns a new
 * reference (the caller's, to json_decref), or NULL when out of memory.
 */
json_t *sp_matrix_json(const sp_matrix *m, int what);

/*
 * Writes the evidence behind criterion cr's ratings, options named from
 * m, as the array key of w, as the matrix views and the report's JSON
 * give it.
 */
void sp_evidence_write(sp_json *w, const char *key, const sp_criterion *cr,
    const sp_matrix *m);

#endif
