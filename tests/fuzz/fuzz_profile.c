/*
 * Fuzz target for the profile path: bytes are loaded as a document,
 * decoded against the built-in matrix, scored, analysed and rendered in
 * both views, exactly as stackpick does for a profile on the command
 * line.  The ranking method follows from the input's length, so that
 * every method is exercised without spending input bytes on choosing it.
 * Built as a libFuzzer target with SP_FUZZ, and as a plain corpus
 * replayer otherwise (see replay.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "stackpick/analysis.h"
#include "stackpick/doc.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/render.h"
#include "stackpick/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The matrix, result and output stream are set up once and kept for the
 * whole run, as they are for every profile of one stackpick invocation.
 */
static sp_matrix *matrix;
static sp_result *result;
static sp_analysis *analysis;
static FILE *sink;

static void
release(void)
{
	sp_analysis_free(analysis);
	sp_result_free(result);
	sp_matrix_free(matrix);
	if (sink != NULL)
		fclose(sink);
}

static void
setup(void)
{
	sp_error err;

	if (sp_matrix_builtin(&matrix, &err) != SP_OK ||
	    sp_result_new(&result, matrix, &err) != SP_OK ||
	    sp_analysis_new(&analysis, matrix, &err) != SP_OK ||
	    (sink = fopen("/dev/null", "w")) == NULL) {
		fprintf(stderr, "fuzz_profile: setup failed: %s\n",
		    err.message);
		abort();
	}
	atexit(release);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sp_text_opts opts = { 1, 80 };
	sp_profile prof;
	sp_error err;
	sp_doc *doc = NULL;
	json_t *json;

	if (matrix == NULL)
		setup();
	/* stackpick refuses larger profiles before they reach the parser. */
	if (size > SP_MAX_PROFILE_BYTES)
		return -1;
	sp_error_clear(&err);
	if (sp_doc_parse(&doc, (const char *)data, size, "fuzz.yaml",
	    &err) != SP_OK)
		return 0;
	result->method = (sp_method)(size % SP_NMETHODS);
	if (sp_profile_decode(&prof, matrix, doc, &err) == SP_OK &&
	    sp_score(result, matrix, &prof, &err) == SP_OK &&
	    sp_analyse(analysis, result, &err) == SP_OK) {
		sp_render_text(sink, result, "fuzz.yaml", NULL, &opts);
		sp_render_markdown(sink, result, "fuzz.yaml", NULL);
		json = sp_render_json(result, "fuzz.yaml", NULL);
		if (json != NULL)
			json_dumpf(json, sink, JSON_COMPACT);
		json_decref(json);
	}
	sp_doc_free(doc);
	return 0;
}
