/*
 * Fuzz target for the profile path: bytes are loaded as a document,
 * decoded against the built-in matrix, scored, analysed and rendered in
 * every format, exactly as stackpick does for a profile on the command
 * line.  The ranking method follows from the input's length, so that
 * every method is exercised without spending input bytes on choosing it.
 * Built as a libFuzzer target with SP_FUZZ, and as a plain corpus
 * replayer otherwise (see replay.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "stackpick/pipeline.h"
#include "render_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The matrix and the pipeline are set up once and kept for the whole
 * run, as they are for every profile of one stackpick invocation.
 */
static sp_matrix *matrix;
static sp_pipeline *pipes[SP_NMETHODS];

static void
release(void)
{
	int i;

	for (i = 0; i < SP_NMETHODS; i++)
		sp_pipeline_free(pipes[i]);
	sp_matrix_free(matrix);
}

static void
setup(void)
{
	sp_pipeline_opts o = { SP_METHOD_WSM, NULL, 0, NULL };
	sp_error err;
	int i;

	if (sp_matrix_builtin(&matrix, &err) != SP_OK) {
		fprintf(stderr, "fuzz_profile: setup failed: %s\n",
		    err.message);
		abort();
	}
	for (i = 0; i < SP_NMETHODS; i++) {
		o.method = (sp_method)i;
		if (sp_pipeline_new(&pipes[i], matrix, &o, &err) != SP_OK)
			abort();
	}
	atexit(release);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const sp_report *rep;
	sp_profile prof;
	sp_error err;

	if (matrix == NULL)
		setup();
	/* stackpick refuses larger profiles before they reach the parser. */
	if (size > SP_MAX_PROFILE_BYTES)
		return -1;
	sp_error_clear(&err);
	if (sp_pipeline_parse(&prof, matrix, (const char *)data, size,
	    "fuzz.yaml", &err) != SP_OK)
		check_json_error(&err);
	else if (sp_pipeline_run(pipes[size % SP_NMETHODS], &prof,
	    "fuzz.yaml", &rep, &err) == SP_OK)
		render_all(rep, matrix, 40 + (int)(size % 60), 0);
	return 0;
}
