/*
 * The standard normal deviates behind the confidence draws: one fixed
 * sequence (splitmix64 from SP_DRAW_SEED, then Box-Muller), of which
 * criterion k of a matrix takes entries k * SP_DRAWS_HALF to
 * (k + 1) * SP_DRAWS_HALF - 1.  Those of the first SP_DRAWS_BUILT
 * criteria, as many as a matrix may have, are made at build time
 * (cmake/embed_draws.c) and compiled in (2 MiB), so that a run never
 * computes them; a page of them is read only when a draw needs it.
 */
#ifndef SP_DRAWS_H
#define SP_DRAWS_H

#include <stddef.h>

#include "stackpick/analysis.h"
#include "stackpick/limits.h"

#define SP_DRAWS_HALF (SP_DRAWS / 2)

/* Criteria whose deviates are compiled in. */
#define SP_DRAWS_BUILT SP_MAX_CRITERIA

/* Entries 0 to SP_DRAWS_BUILT * SP_DRAWS_HALF - 1 of the sequence. */
extern const float sp_draws_built[];

/* Writes entries from (even) to to - 1 of the sequence to out[0...]. */
void sp_draws_fill(float *out, size_t from, size_t to);

#endif
