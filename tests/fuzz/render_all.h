/*
 * What both fuzz targets do with a report once the pipeline made one:
 * render it in every registered format, and the matrix in every view,
 * so that whatever the loaders let through reaches every renderer.  The
 * JSON views must parse, and the streamed report must be byte for byte
 * what jansson writes of the tree that sp_report_json() builds from the
 * same code, so that the writer and jansson cannot drift apart.
 */
#ifndef SP_FUZZ_RENDER_ALL_H
#define SP_FUZZ_RENDER_ALL_H

#include <stdlib.h>
#include <string.h>

#include "stackpick/render.h"
#include "stackpick/render_matrix.h"

/* Aborts unless the len bytes of JSON Lines at text parse as JSON. */
static void
parses(const char *text, size_t len)
{
	json_t *j = json_loadb(text, len, JSON_DISABLE_EOF_CHECK, NULL);

	if (j == NULL)
		abort();
	json_decref(j);
}

/* Checks the streamed JSON view of rep against jansson's, both layouts. */
static void
check_json(const sp_report *rep)
{
	int pretty;

	for (pretty = 0; pretty <= 1; pretty++) {
		sp_render_opts o = { .pretty = pretty };
		sp_buf b = SP_BUF_INIT;
		json_t *tree = sp_report_json(rep);
		char *want = json_dumps(tree, JSON_REAL_PRECISION(
		    SP_JSON_PRECISION) | (pretty ? JSON_INDENT(2) :
		    JSON_COMPACT));

		if (sp_render_json(&b, rep, &o) != SP_OK || want == NULL ||
		    b.len != strlen(want) + 1 || memcmp(b.ptr, want,
		    b.len - 1) != 0)
			abort();
		parses(b.ptr, b.len);
		free(want);
		json_decref(tree);
		sp_buf_free(&b);
	}
}

/* Checks that the error object of a refused input parses. */
static inline void
check_json_error(const sp_error *err)
{
	sp_render_opts o = { .pretty = 0 };
	sp_buf b = SP_BUF_INIT;

	if (sp_render_json_error(&b, "fuzz.yaml", err, NULL, 65, &o) != SP_OK)
		abort();
	parses(b.ptr, b.len);
	sp_buf_free(&b);
}

static void
render_all(const sp_report *rep, const sp_matrix *m, int width, int views)
{
	static const int what[] = { SP_VIEW_OPTIONS, SP_VIEW_CRITERIA,
	    SP_VIEW_ALL };
	sp_render_opts o = { .color = width & 1, .width = width,
	    .pretty = width & 2, .brief = width & 4,
	    .no_charts = width & 8 };
	sp_buf b = SP_BUF_INIT;
	size_t i, n, v;
	const sp_format *f = sp_formats(&n);

	if (rep != NULL)
		check_json(rep);
	for (i = 0; i < n; i++) {
		if (rep != NULL && f[i].render(&b, rep, &o) != SP_OK)
			abort();
		for (v = 0; views && f[i].matrix != NULL && v < 3; v++) {
			size_t at = b.len;

			if (f[i].matrix(&b, m, what[v], &o) != SP_OK)
				abort();
			if (strcmp(f[i].name, "json") == 0)
				parses(b.ptr + at, b.len - at);
		}
		sp_buf_clear(&b);
	}
	sp_buf_free(&b);
}

#endif
