/*
 * Fuzz target for the matrix path: bytes are loaded and validated as a
 * matrix, and a matrix that passes is then used the way stackpick would:
 * a profile of its defaults is scored against it (with the method that
 * the input's length picks), analysed and rendered in both views.
 * Whatever the validator lets through must be safe to score.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "stackpick/analysis.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/render.h"
#include "stackpick/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

static void
release(void)
{
	if (sink != NULL)
		fclose(sink);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sp_text_opts opts = { 0, 80 };
	sp_matrix *m = NULL;
	sp_result *r = NULL;
	sp_analysis *a = NULL;
	sp_profile prof;
	sp_error err;
	sp_status rc;
	json_t *json;

	if (sink == NULL) {
		if ((sink = fopen("/dev/null", "w")) == NULL)
			abort();
		atexit(release);
	}
	if (size > SP_MAX_MATRIX_BYTES)
		return -1;
	sp_error_clear(&err);
	if (sp_matrix_parse(&m, (const char *)data, size, "fuzz.yaml",
	    &err) != SP_OK)
		return 0;
	sp_profile_defaults(&prof, m);
	rc = sp_result_new(&r, m, &err);
	if (rc == SP_OK)
		rc = sp_analysis_new(&a, m, &err);
	if (rc == SP_OK) {
		r->method = (sp_method)(size % SP_NMETHODS);
		rc = sp_score(r, m, &prof, &err);
	}
	if (rc == SP_OK)
		rc = sp_analyse(a, r, &err);
	if (rc == SP_OK) {
		sp_render_text(sink, r, "fuzz.yaml", NULL, &opts);
		sp_render_markdown(sink, r, "fuzz.yaml", NULL);
		json = sp_render_json(r, "fuzz.yaml", NULL);
		if (json != NULL)
			json_dumpf(json, sink, JSON_COMPACT);
		json_decref(json);
	}
	sp_analysis_free(a);
	sp_result_free(r);
	sp_matrix_free(m);
	return 0;
}
