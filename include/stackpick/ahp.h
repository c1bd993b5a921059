/*
 * Weights from pairwise judgements (the analytic hierarchy process): a
 * profile's "more important, less important, ratio" triples on Saaty's
 * 1 to 9 scale become priorities (the principal eigenvector), Saaty's
 * consistency ratio, and the judgement most out of line with the others.
 * Missing judgements are filled by Harker's method.  See docs/weights.md.
 */
#ifndef SP_AHP_H
#define SP_AHP_H

#include "stackpick/limits.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"

/* Saaty's scale: a ratio is at most this, and at least its inverse. */
#define SP_AHP_SCALE 9.0

/* Above this consistency ratio the report warns. */
#define SP_AHP_CR_MAX 0.10

/*
 * Priorities of n items (2 <= n <= SP_MAX_PAIRWISE) from judgements a
 * (n * n, row-major): a[i * n + j] says how many times more item i
 * matters than item j, 0 when not given; the diagonal is ignored and a
 * given a[i * n + j] must have a[j * n + i] = 1 / a[i * n + j].  Missing
 * judgements are filled by Harker's method.  w gets n priorities that
 * add up to 1 and *lambda the principal eigenvalue.  Returns 0, or -1
 * when the judgements do not connect every item.
 */
int sp_ahp_priorities(double *w, double *lambda, const double *a, int n);

/* Saaty's random index for n items (0 for n < 3). */
double sp_ahp_random_index(int n);

/* The consistency index (lambda - n) / (n - 1), and the ratio CI / RI
   (0 for n < 3). */
double sp_ahp_ci(double lambda, int n);
double sp_ahp_cr(double lambda, int n);

/*
 * What a profile's judgements gave: the compared criteria (matrix
 * indices, in matrix order) with their priorities and the weights put
 * in the profile, the consistency figures, and the judgement most out
 * of line.
 */
typedef struct sp_ahp {
	int n;                           /* criteria compared; 0: none */
	int crit[SP_MAX_PAIRWISE];
	double priority[SP_MAX_PAIRWISE]; /* add up to 1 */
	double weight[SP_MAX_PAIRWISE];   /* on 0..10 */
	double rule_total;  /* what the rules gave the compared criteria */
	double share;       /* what the judgements share out: rule_total,
	                       or less when the heaviest would pass 10 */
	int njudgements;    /* given, each pair once */
	int nfilled;        /* pairs not given, filled by Harker's method */
	double lambda, ci, ri, cr;
	int inconsistent;   /* cr > SP_AHP_CR_MAX */
	/*
	 * The judgement whose change lowers the CR most (an index into the
	 * profile's judgements, -1 when fewer than 3 criteria are compared
	 * or no judgement has an alternative), the ratio that fits the
	 * others (on the scale), and the CR with that ratio.
	 */
	int worst;
	double worst_fit;
	double worst_cr;
} sp_ahp;

/*
 * Derives the weights of the criteria p compares: the criteria share
 * what the rules give them together, in proportion to their priorities
 * (scaled down together when the heaviest would pass SP_WEIGHT_MAX; the
 * heaviest gets SP_WEIGHT_MAX when the rules give them nothing).  Each
 * becomes an override of kind SP_OVERRIDE_PAIRWISE, unless --weight set
 * it.  out gets the figures; out->n is 0 when p has no judgements.
 */
void sp_ahp_apply(sp_ahp *out, sp_profile *p, const sp_matrix *m);

/*
 * Criteria the questionnaire compares pairwise: the heaviest few, since
 * n criteria take n(n-1)/2 questions (4 take 6; 12 would take 66).
 */
#define SP_AHP_ASK 4

/*
 * The questionnaire's plan: fills crit with the (at most SP_AHP_ASK)
 * heaviest criteria for p, heaviest first, leaving out those weighing 0,
 * and returns how many.
 */
int sp_ahp_ask_plan(int *crit, const sp_profile *p, const sp_matrix *m);

/*
 * Reads a ratio as people type it: "3", "0.5", "1/3".  Returns 0 with
 * *r on Saaty's scale, or -1.
 */
int sp_ahp_parse_ratio(const char *s, double *r);

/* The judgement of a against b in p (a over b), or 0 when not given. */
double sp_ahp_get(const sp_profile *p, int a, int b);

/*
 * Sets the judgement of a against b (ratio 0 removes it), and drops a
 * weights: override of either, which the judgement now sets.
 */
void sp_ahp_set(sp_profile *p, int a, int b, double ratio);

/*
 * Keeps only the judgements joined to the first one's criteria, so that
 * p loads back; returns how many were dropped.
 */
int sp_ahp_keep_connected(sp_profile *p);

#endif
