/*
 * What both fuzz targets do with a report once the pipeline made one:
 * render it in every registered format, and the matrix in every view,
 * so that whatever the loaders let through reaches every renderer.
 */
#ifndef SP_FUZZ_RENDER_ALL_H
#define SP_FUZZ_RENDER_ALL_H

#include <stdlib.h>

#include "stackpick/render.h"
#include "stackpick/render_matrix.h"

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

	for (i = 0; i < n; i++) {
		if (rep != NULL && f[i].render(&b, rep, &o) != SP_OK)
			abort();
		for (v = 0; views && f[i].matrix != NULL && v < 3; v++)
			if (f[i].matrix(&b, m, what[v], &o) != SP_OK)
				abort();
		sp_buf_clear(&b);
	}
	sp_buf_free(&b);
}

#endif
