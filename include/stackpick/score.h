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

#define SP_NOTES_MAX 8

/*
 * How options are ranked.  The weighted sum is the default and the one
 * every explanation (contributions, leads) is written in; the weighted
 * product and TOPSIS cross-check it.  See docs/scoring.md.
 */
typedef enum { SP_METHOD_WSM, SP_METHOD_WPM, SP_METHOD_TOPSIS } sp_method;

#define SP_NMETHODS 3

struct sp_analysis;

/* What set or moved a criterion's weight. */
typedef enum {
	SP_FROM_BASE,     /* the matrix's base weight */
	SP_FROM_RULE,     /* rules that fired on the profile's answers */
	SP_FROM_OVERRIDE  /* set directly (see sp_crit_score.override) */
} sp_from;

/*
 * One thing that set or moved a criterion's weight.  Rules fired by the
 * same answers (concurrency over 1,000 and over 10,000, say) make one
 * source: rule and clause name the first, whose clause's traits are the
 * answers that fired them.
 */
typedef struct {
	sp_from kind;
	int rule, clause;   /* SP_FROM_RULE */
	double delta;       /* what it added (the value, for base and
	                       overrides) */
	const char *why;    /* the matrix's reason, or NULL */
} sp_source;

/* Something the reader should know about a result. */
typedef enum {
	SP_NOTE_NO_TEAM,      /* no team section: criterion counts the same */
	SP_NOTE_TEAM_MISSING, /* the team section leaves option out: 0 */
	SP_NOTE_TIE           /* the top options score the same */
} sp_note_kind;

typedef struct {
	sp_note_kind kind;
	int option;         /* TEAM_MISSING: the option left out */
	int criterion;      /* NO_TEAM, TEAM_MISSING: the team criterion */
} sp_note;

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
	sp_method method;     /* ranks the options; set before sp_score() */
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
	sp_note note[SP_NOTES_MAX];
	int nnotes;
	/* Filled by sp_analyse() after scoring, NULL when not analysed. */
	const struct sp_analysis *analysis;
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

/* How many terms c has, over all its clauses (c->terms holds them). */
int sp_cond_terms(const sp_cond *c);

/* Whether a term of c tests trait t. */
int sp_cond_tests(const sp_cond *c, int t);

/*
 * The weight the rules of criterion cr give for profile p, on 0..10,
 * before any override: what sp_score() puts in sp_crit_score.derived.
 */
double sp_weight_derived(const sp_criterion *cr, const sp_profile *p,
    const sp_matrix *m);

/*
 * The same before it is kept on 0..10: the base weight plus the terms of
 * the rules that hold, in the order of the rules.
 */
double sp_weight_raw(const sp_criterion *cr, const sp_profile *p,
    const sp_matrix *m);

/* A raw weight kept on 0..10, as sp_weight_derived() keeps it. */
double sp_weight_clamp(double w);

/*
 * Ties.  Two scores tie when they are within SP_TIE_SPAN of the span of
 * the scores (the rating scale's, or 1 for TOPSIS closeness), or within
 * SP_TIE_ROUNDING of the larger of them, whichever is wider: the first is
 * a difference no matrix means, the second what rounding can leave.
 */
#define SP_TIE_SPAN 1e-9
#define SP_TIE_ROUNDING 1e-12

/* Whether a and b tie on scores whose scale spans span. */
int sp_score_tied_on(double a, double b, double span);

/* Whether a and b tie on a span of 1. */
int sp_score_tied(double a, double b);

/* The span of method's scores on m: the rating scale's, or 1 for TOPSIS. */
double sp_method_span(const sp_matrix *m, sp_method method);

/*
 * The option with the top score of score[] (one per option of m), or -1
 * when another ties with it.
 */
int sp_score_top(const double *score, const sp_matrix *m, sp_method method);

/*
 * Scores every option of r's matrix with method, from r's ratings and the
 * given weights (one per criterion; NULL for r's own), into out (one per
 * option, the caller's array).  Weighted sum and weighted product stay on
 * the rating scale; TOPSIS gives a closeness from 0 to 1.  The weights
 * must not all be zero.
 */
void sp_score_method(double *out, const sp_result *r, const double *weight,
    sp_method method);

/*
 * The option method ranks first for r with the given weights (NULL for
 * r's own), or -1 when the top two tie.  scratch holds one double per
 * option.
 */
int sp_score_winner(const sp_result *r, const double *weight,
    sp_method method, double *scratch);

/*
 * One ranking method: a row of the table that sp_methods() returns, in
 * sp_method order.  Everything that names, parses, scores or explains a
 * method loops over these rows.
 */
typedef struct {
	sp_method method;
	const char *id;     /* "wsm": what --method takes and JSON says */
	const char *label;  /* "weighted sum" */
	int is_sum;         /* its scores are the weighted sum, which the
	                       contributions add up to */
	int linear;         /* it ranks by the weighted mean of value():
	                       flip points have a closed form */
	int value_is_rating; /* value() returns the rating unchanged */
	/* Scores every option, as sp_score_method() does. */
	void (*score)(double *out, const sp_result *r, const double *weight);
	/* What a linear method averages for a rating (NULL otherwise). */
	double (*value)(const sp_matrix *m, double rating);
	/* A weighted mean of value() back on the rating scale. */
	double (*unvalue)(const sp_matrix *m, double mean);
} sp_method_info;

/* The table of methods; *n (when not NULL) gets its length. */
const sp_method_info *sp_methods(size_t *n);

/* The row of method. */
const sp_method_info *sp_method_info_get(sp_method method);

/* "wsm", "wpm", "topsis"; and the method named so, or -1. */
const char *sp_method_name(sp_method method);
int sp_method_parse(const char *name);

#endif
