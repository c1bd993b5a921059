/*
 * Fuzz target for the matrix path: bytes are loaded and validated as a
 * matrix, and a matrix that passes is then used the way stackpick would:
 * a profile of its defaults is scored against it (with the method that
 * the input's length picks), analysed and rendered in every format, and the matrix itself in every
 * view.
 * Whatever the validator lets through must be safe to score.
 */
#include <stddef.h>
#include <stdint.h>

#include "stackpick/pipeline.h"
#include "render_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sp_pipeline_opts o = { (sp_method)(size % SP_NMETHODS), NULL, 0, NULL };
	const sp_report *rep;
	sp_matrix *m = NULL;
	sp_pipeline *p = NULL;
	sp_profile prof;
	sp_error err;

	if (size > SP_MAX_MATRIX_BYTES)
		return -1;
	sp_error_clear(&err);
	if (sp_matrix_parse(&m, (const char *)data, size, "fuzz.yaml",
	    &err) != SP_OK) {
		check_json_error(&err);
		return 0;
	}
	sp_profile_defaults(&prof, m);
	if (sp_pipeline_new(&p, m, &o, &err) == SP_OK &&
	    sp_pipeline_run(p, &prof, "fuzz.yaml", &rep, &err) == SP_OK)
		render_all(rep, m, 40 + (int)(size % 60), 1);
	else
		render_all(NULL, m, 80, 1);
	sp_pipeline_free(p);
	sp_matrix_free(m);
	return 0;
}
