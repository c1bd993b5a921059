/*
 * Fuzz target for --baseline and the gates: bytes are read as a baseline
 * file (one JSON result, or JSON Lines of several); one that loads is
 * compared, with every other gate too, against a scored profile under
 * two input names (one it may hold, one it does not), and the result
 * with its gates is rendered in every format, as stackpick does in CI.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/gate.h"
#include "stackpick/limits.h"
#include "stackpick/pipeline.h"
#include "render_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char profile[] = "name: realtime-chat\n"
    "team: {python: 2, javascript: 4}\nfrontend: javascript\n"
    "io_load: high\nconcurrency: 20000\nrealtime: true\n";

static sp_matrix *matrix;
static sp_pipeline *pipe_;
static sp_gate_spec spec;

static void
release(void)
{
	sp_pipeline_free(pipe_);
	sp_matrix_free(matrix);
}

static void
setup(void)
{
	sp_pipeline_opts o = { SP_METHOD_WSM, NULL, 0, &spec };
	sp_error err;

	spec.expect = "nodejs";
	spec.has_min_margin = 1;
	spec.min_margin = 0.5;
	spec.has_min_confidence = 1;
	spec.min_confidence = 0.8;
	if (sp_matrix_builtin(&matrix, &err) != SP_OK ||
	    sp_pipeline_new(&pipe_, matrix, &o, &err) != SP_OK)
		abort();
	atexit(release);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const inputs[] = { "realtime-chat.yaml",
	    "project.yaml" };
	const sp_report *rep;
	sp_baseline *b = NULL;
	sp_profile p;
	sp_error err;
	size_t i;

	if (matrix == NULL)
		setup();
	if (size > SP_MAX_BASELINE_BYTES)
		return -1;
	sp_error_clear(&err);
	if (sp_baseline_parse(&b, (const char *)data, size, "base.json",
	    &err) != SP_OK)
		return 0;
	spec.baseline = b;
	for (i = 0; i < 2; i++) {
		if (sp_pipeline_parse(&p, matrix, profile, strlen(profile),
		    inputs[i], &err) != SP_OK ||
		    sp_pipeline_run(pipe_, &p, inputs[i], &rep, &err) != SP_OK)
			abort();
		/* Every gate asked for is there, whatever the baseline. */
		if (rep->gates == NULL || rep->gates->ngates != 4)
			abort();
		render_all(rep, matrix, 40 + (int)(size % 60), 0);
	}
	spec.baseline = NULL;
	sp_baseline_free(b);
	return 0;
}
