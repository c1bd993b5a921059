/*
 * Fuzz target for writing profiles back (--init and --save): bytes that
 * load as a matrix get their starter profile written and loaded back, and
 * bytes that load as a profile of the built-in matrix are written and
 * loaded back; either way the profile that loads must be the one that
 * was written (roundtrip.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "stackpick/limits.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sp_matrix *builtin;

static void
release(void)
{
	sp_matrix_free(builtin);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sp_matrix *m = NULL;
	sp_profile p;
	sp_error err;

	if (builtin == NULL) {
		if (sp_matrix_builtin(&builtin, &err) != SP_OK)
			abort();
		atexit(release);
	}
	if (size > SP_MAX_MATRIX_BYTES)
		return -1;
	sp_error_clear(&err);
	if (sp_matrix_parse(&m, (const char *)data, size, "fuzz.yaml",
	    &err) == SP_OK) {
		sp_profile_defaults(&p, m);
		roundtrip(&p, m);
		sp_matrix_free(m);
	}
	if (size <= SP_MAX_PROFILE_BYTES && sp_pipeline_parse(&p, builtin,
	    (const char *)data, size, "fuzz.yaml", &err) == SP_OK)
		roundtrip(&p, builtin);
	return 0;
}
