/*
 * The profile's pairwise: section, decoded and checked (see
 * src/profile_pairwise.c).
 */
#ifndef SP_PAIRWISE_H
#define SP_PAIRWISE_H

#include "stackpick/profile.h"
#include "decode.h"

/*
 * Decodes seq, a sequence of [more_important, less_important, ratio]
 * triples, into p's judgements.  Refuses unknown criteria (with a
 * suggestion), ratios off Saaty's scale, a criterion compared with
 * itself, a pair judged twice differently and more than SP_MAX_PAIRWISE
 * criteria, each at its place.
 */
sp_status dec_pairwise(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *seq);

/*
 * The checks that need the whole profile: the judgements connect every
 * criterion they name, and none names a criterion that weights: sets.
 */
sp_status dec_pairwise_check(const sp_dec *d, const sp_profile *p,
    const sp_matrix *m, const sp_node *seq);

#endif
