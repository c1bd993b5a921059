/*
 * The score stage: a profile and a matrix become an sp_result, plain data
 * that every renderer reads and none changes.  Weighted sum model:
 *
 *   score(o) = sum over k of  w_k * r_ok / W,   W = sum of w_k
 *
 * so each option's score stays on the matrix's rating scale and the
 * per-criterion contributions add up to it.  See docs/scoring.md.
 */
#ifndef SP_SCORE_H
#define SP_SCORE_H

#include "stackpick/error.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"

#define SP_SOURCE_MAX 112
#define SP_WARNINGS_MAX 8

/* One thing that set or moved a criterion's weight. */
typedef struct {
	char text[SP_SOURCE_MAX]; /* "base", "io_load: high", "--weight" */
	double delta;             /* what it added (the value, for base and
	                             overrides) */
} sp_source;

typedef struct {
	double weight;      /* final, 0..10 */
	double derived;     /* what the rules gave, before any override */
	sp_override override;
	int clamped;        /* the rules pushed it past 0..10 */
	sp_source *from;
	int nfrom;
	double *rating;     /* per option */
	double *contrib;    /* per option: weight * rating / total weight */
	double lead;        /* contrib of the winner minus the runner-up's */
} sp_crit_score;

typedef struct sp_result {
	const sp_matrix *matrix;
	const sp_profile *profile;
	double total_weight;
	sp_crit_score *crit;  /* per criterion, in matrix order */
	double *score;        /* per option */
	int *rank;            /* option indices, best first (stable) */
	int ntied;            /* options sharing the top score; 1 = winner */
	double margin;        /* best score minus the runner-up's */
	int *by_lead;         /* criterion indices, largest lead first */
	const sp_advice **checklist;
	int nchecklist;
	const sp_advice **pitfalls;
	int npitfalls;
	const sp_advice **tools;
	int ntools;
	char warning[SP_WARNINGS_MAX][160];
	int nwarnings;
} sp_result;

/*
 * Allocates a result sized for matrix m; reuse it for every profile scored
 * against m.  *out is the caller's, released with sp_result_free().
 */
sp_status sp_result_new(sp_result **out, const sp_matrix *m, sp_error *err);

void sp_result_free(sp_result *r);

/*
 * Scores profile p against m into r (allocated for m).  p must stay alive
 * while r is read.  Fails with SP_EDATA when every weight is zero.
 */
sp_status sp_score(sp_result *r, const sp_matrix *m, const sp_profile *p,
    sp_error *err);

/* Whether condition c holds for profile p. */
int sp_cond_holds(const sp_cond *c, const sp_profile *p,
    const sp_matrix *m);

/* Scores closer than this are a tie. */
int sp_score_tied(double a, double b);

#endif
