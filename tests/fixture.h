/*
 * Fixtures shared by the unit tests: a matrix from YAML text or from a
 * file under tests/data, a profile decoded against it, and a profile run
 * through the whole pipeline (see stackpick/pipeline.h) into a report.
 * Every helper asserts with cmocka, so a fixture that fails to load fails
 * the test that asked for it, where it asked.
 */
#ifndef SP_TEST_FIXTURE_H
#define SP_TEST_FIXTURE_H

#include "stackpick/matrix.h"
#include "stackpick/pipeline.h"
#include "stackpick/profile.h"
#include "stackpick/render.h"
#include "stackpick/report.h"

/* The unit tests' own matrix, relative to tests/data. */
#define FIXTURE_MATRIX "good/fixture.yaml"

/*
 * Two options, two criteria: A wins on c1 (weight 1); c2 weighs 0 and
 * would draw B level at 4 times c1's weight.
 */
extern const char fixture_two[];

/* Parses yaml as a matrix; the caller frees it with sp_matrix_free(). */
sp_matrix *fixture_matrix(const char *yaml);

/* Loads the matrix at path, relative to tests/data (FIXTURE_MATRIX). */
sp_matrix *fixture_matrix_file(const char *path);

/* Decodes yaml as a profile against m into p. */
void fixture_profile(sp_profile *p, const sp_matrix *m, const char *yaml);

/* A profile run through the pipeline: what the tests of a report read. */
typedef struct {
	sp_matrix *m;
	sp_pipeline *pipe;
	sp_profile prof;
	const sp_report *rep; /* the last run's, valid until the next one */
} fixture_run;

/*
 * Opens a run on the matrix given as YAML text, or on FIXTURE_MATRIX when
 * yaml is NULL.
 */
void fixture_open(fixture_run *f, const char *yaml);

/*
 * Runs the profile yaml through the pipeline with the options o (NULL:
 * the weighted sum, no override and no gate) and returns the report.  The
 * strings and gates o points to must outlive the run.
 */
const sp_report *fixture_report(fixture_run *f, const char *yaml,
    const sp_pipeline_opts *o);

void fixture_close(fixture_run *f);

/*
 * Renders rep with fn, 80 columns wide and without colour, into a new
 * NUL-terminated string (the caller's, to free()).
 */
char *fixture_render(sp_render_fn *fn, const sp_report *rep);

/*
 * How many rounds a randomised test makes of the n it makes in full:
 * n divided by SP_TEST_ROUNDS_DIVISOR from the environment (the
 * valgrind and asan presets set it, since memcheck and the sanitizers
 * find no more in the 200,000th round of the same code than in the
 * 2,000th), at least 1.
 */
int fixture_rounds(int n);

/*
 * Whether the tests run in full: no SP_TEST_ROUNDS_DIVISOR.  A test may
 * leave out, when they do not, a second pass over a large input that
 * runs no code the first did not.
 */
int fixture_full(void);

#endif
