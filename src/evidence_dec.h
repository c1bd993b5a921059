/*
 * Decoding the evidence of a matrix's ratings and its horizons (private
 * to the matrix decoder).
 */
#ifndef SP_EVIDENCE_DEC_H
#define SP_EVIDENCE_DEC_H

#include "stackpick/matrix.h"
#include "decode.h"

/*
 * Counts the evidence entries under every rating of the ratings mapping
 * map, refusing more than SP_MAX_EVIDENCE.
 */
sp_status evidence_count(const sp_dec *d, const sp_node *map, int *out);

/*
 * Appends the entries of seq, the evidence of option's rating, to
 * cr->evidence (sized by evidence_count()).  m gives the options and the
 * arena.
 */
sp_status evidence_load(const sp_dec *d, sp_matrix *m, sp_criterion *cr,
    int option, const sp_node *seq);

/* A stale_after value. */
sp_status horizon_load(const sp_dec *d, const sp_node *n, sp_horizon *out);

#endif
