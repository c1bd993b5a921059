/*
 * Rank acceptability (stochastic multicriteria acceptability analysis,
 * after Lahdelma and Salminen): the share of the confidence draws in
 * which each option ranks first, second, ..., and the mean weights of the
 * draws each option ranks first in (its central weights).  A draw moves
 * the weights as the confidence does and draws every rating that has a
 * range within it.  Part of the analysis stage; see docs/scoring.md.
 */
#ifndef SP_SMAA_H
#define SP_SMAA_H

#include "stackpick/analysis.h"

/* Seed of the uniform draws of ratings within their ranges. */
#define SP_RANGE_SEED 0x7a9e5a3c1b2d4e6fULL

typedef struct sp_smaa sp_smaa;

/* Scratch space for matrix m, the caller's (sp_smaa_free); NULL when
   out of memory. */
sp_smaa *sp_smaa_new(const sp_matrix *m);
void sp_smaa_free(sp_smaa *s);

/* What one run of the draws moves and fills. */
typedef struct {
	const float *draw;  /* deviates, k * SP_DRAWS / 2 + d; NULL: weights
	                       stay */
	const double *sd;   /* per criterion: how far its weight moves */
	int ratings;        /* draw ratings within their ranges */
	double *accept;     /* o * noptions + i: share ranked i+1st, or NULL */
	double *central;    /* o * ncriteria + k: mean weights of the draws
	                       o ranks first in, or NULL */
	int *first;         /* per option: draws it ranks first in, or
	                       NULL */
} sp_smaa_run_opts;

/*
 * Runs SP_DRAWS draws for result r (winner w, -1 for none) and returns
 * the share in which w ranks first alone.  With r's method linear and
 * every pair of neighbours in r's ranking sure to keep its order (the
 * chance of a swap below SP_DRAW_SKIP, bounded over the ranges), no draw
 * is made: each option keeps its rank.
 */
double sp_smaa_run(sp_smaa *s, const sp_result *r, int w,
    const sp_smaa_run_opts *o);

/*
 * Whether a rating that counts for r (on a criterion weighing more than
 * 0) has a range.
 */
int sp_smaa_ranged(const sp_result *r);

/*
 * acc[i] += c * f[i] for i below n (a multiple of 8), the inner loop of
 * the weight draws.
 */
void sp_add_scaled(float *restrict acc, const float *restrict f, float c,
    int n);

#endif
