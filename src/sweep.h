/*
 * The derived weights of the criteria whose rules test an integer trait,
 * at each value of it worth trying (the analysis' candidates, sorted), in
 * time linear in the rules: a rule's condition can only change where one
 * of its own ranges of the trait starts or ends, so the sweep tests each
 * rule there alone and adds or takes away its term.  That gives the same
 * weights as deriving them again when every criterion's base weight and
 * rule terms are multiples of 1/1024 (sums of them are exact in any
 * order); sp_sweep_exact() says when, and the analysis derives them
 * again otherwise.  Part of the analysis stage.
 */
#ifndef SP_SWEEP_H
#define SP_SWEEP_H

#include "stackpick/matrix.h"
#include "stackpick/profile.h"

typedef struct sp_sweep sp_sweep;

/*
 * Tables for matrix m, whose candidate values of trait t are
 * cand[cand_off[t]...cand_off[t + 1] - 1] and whose criteria with rules
 * testing t are aff[aff_off[t]...aff_off[t + 1] - 1].  NULL when out of
 * memory.
 */
sp_sweep *sp_sweep_new(const sp_matrix *m, const long *cand,
    const int *cand_off, const int *aff, const int *aff_off);
void sp_sweep_free(sp_sweep *s);

/* Whether trait t (an integer) can be swept. */
int sp_sweep_exact(const sp_sweep *s, int t);

/*
 * Starts trait t for profile p, which the sweep changes value[t] of as it
 * moves (the caller puts it back).
 */
void sp_sweep_start(sp_sweep *s, int t, sp_profile *p);

/*
 * Moves to candidate i (from cand_off[t] up, one at a time) and writes
 * the derived weight of each criterion in aff[aff_off[t]...] to w[k].
 */
void sp_sweep_step(sp_sweep *s, int i, double *w);

#endif
