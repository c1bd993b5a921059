/*
 * The analysis stage: how sure a scored result is.  It reads an sp_result
 * and fills an sp_analysis next to it with plain data that every renderer
 * reads and none changes:
 *
 * - flip points: for each criterion, the weight at which another option
 *   draws level with the winner (closed form, weighted sum and weighted
 *   product);
 * - trait flips: the single changes of a profile answer that change the
 *   recommendation, found by re-scoring;
 * - confidence: the share of randomly perturbed weight vectors in which
 *   the winner stays the winner;
 * - the winners of the three ranking methods, and a label (clear, leaning,
 *   close call) drawn from margin, confidence and their agreement;
 * - a hybrid split when the loser clearly wins a large share of the weight
 *   in parts of the system the matrix names.
 *
 * See docs/scoring.md for every formula and threshold.
 */
#ifndef SP_ANALYSIS_H
#define SP_ANALYSIS_H

#include "stackpick/error.h"
#include "stackpick/limits.h"
#include "stackpick/matrix.h"
#include "stackpick/score.h"

/*
 * Confidence draws.  Each draw moves every weight w_k of a criterion that
 * tells the options apart by SP_DRAW_SD * sqrt(w_k * W_d) times a standard
 * normal deviate, W_d the weight of all such criteria: a criterion with a
 * quarter of that weight moves by 30% (one standard deviation), one with
 * a ninth by 45%.  The variance is proportional to the weight, so the
 * figure does not change when a criterion is split into copies, nor when
 * every weight is scaled, nor when a criterion that rates every option
 * alike is added.  The deviates come from a fixed seed, so the figure is
 * the same on every run; half of the draws are the mirror images (-z) of
 * the other half; 4096 hold the figure to within about 0.8 percentage
 * points (one standard error at 50%).
 */
#define SP_DRAWS 4096
#define SP_DRAW_SD 0.15
#define SP_DRAW_SEED 0x5eedb10cd15ea5e5ULL

/*
 * A rival whose chance of passing the winner in one draw is below this
 * (the lead in a draw is normal, its tail exact) is not drawn at all:
 * fewer than one draw in 200 batches of 4096 could fall to it.
 */
#define SP_DRAW_SKIP 1e-6

/*
 * A flip weight within SP_FLIP_EPS (relative to the weights involved) of
 * an end of 0..10 is at that end: rounding must neither drop a flip that
 * lands exactly on 0 or 10 nor invent one a hair outside.
 */
#define SP_FLIP_EPS 1e-9

/*
 * Labels.  Clear: confidence at least SP_CLEAR_CONFIDENCE, a decisive
 * margin of at least SP_CLEAR_MARGIN of the scores' span, and all three
 * methods agreeing.  Leaning: confidence at least SP_LEANING_CONFIDENCE.
 * Anything else, a tie, or the weighted sum or product picking another
 * option: close call.
 */
#define SP_CLEAR_CONFIDENCE 0.95
#define SP_CLEAR_MARGIN 0.05
#define SP_LEANING_CONFIDENCE 0.75

/*
 * Hybrid trigger.  A criterion is a heavy need when it weighs at least
 * SP_HYBRID_NEED; an option wins it clearly when its rating is ahead by at
 * least SP_HYBRID_GAP of the scale's span.  A split is suggested when the
 * winner and another option each clearly win heavy needs that name a
 * component, worth at least SP_HYBRID_SHARE of the total weight.
 */
#define SP_HYBRID_NEED 5.0
#define SP_HYBRID_GAP 0.5
#define SP_HYBRID_SHARE 0.15


typedef enum { SP_LABEL_CLEAR, SP_LABEL_LEANING, SP_LABEL_CLOSE } sp_label;

/* The weight of one criterion at which another option draws level. */
typedef struct {
	int criterion;
	int option;             /* the option that draws level there */
	double weight;          /* the weight now */
	double flip_weight;     /* level at this weight, ahead past it */
	double relative_change; /* |flip - now| / now; HUGE_VAL at weight 0 */
	int rule;               /* unfired rule that moves it that way, -1 */
	int at_edge;            /* flip_weight is 0 or 10: the option only
	                           draws level there, it cannot pass */
} sp_flip;

/* One profile answer whose change alone changes the recommendation. */
typedef struct {
	int trait;
	long from, to;                 /* trait values, as in sp_profile */
	int option;                    /* the new winner, -1 for a tie */
} sp_trait_flip;

/* One side of a suggested hybrid. */
typedef struct {
	int option;
	int *criteria;          /* criteria it wins clearly, matrix order */
	int ncriteria;
	const char **components; /* their components, each once */
	int ncomponents;
} sp_split;

/*
 * A raw value whose change alone changes the recommendation, on a
 * criterion measured in a unit: option's value at flip_value (rating
 * flip_rating) makes rival draw level with the winner; past it rival wins
 * (when option is the rival) or passes the winner (when it is the winner).
 */
typedef struct {
	int criterion;
	int option;             /* whose value changes */
	int rival;              /* who then draws level with the winner */
	double value;           /* the value now */
	double flip_value;      /* level at this value */
	double flip_rating;     /* the rating the value function gives it */
} sp_value_flip;

typedef struct sp_analysis {
	const sp_matrix *matrix;
	int winner;             /* the option analysed, -1 on a tie */
	sp_flip *flips;         /* one per criterion that can flip, */
	int nflips;             /* smallest relative change first */
	sp_trait_flip *trait_flips;
	int ntrait_flips;
	double confidence;      /* 0..1 */
	int draws;
	sp_label label;
	int method_winner[SP_NMETHODS]; /* -1 on a tie */
	int methods_agree;      /* all three pick the winner */
	int linear_agree;       /* the weighted sum and product both do */
	double weight_decisive; /* weight of the criteria that tell the
	                           options apart (rate them differently) */
	double margin_decisive; /* the method's margin with every other
	                           criterion at weight 0 */
	int hybrid;             /* a split is suggested */
	sp_split split[2];      /* winner first, then the other option */
	double share[2];        /* weight each side wins clearly, 0..1 */
	struct sp_analysis_priv *priv;

	/*
	 * Rank acceptability, from the same draws as the confidence (which
	 * is the winner's share of first places): accept[o * noptions + i]
	 * is the share of the draws in which option o ranks (i + 1)th; every
	 * row and every column adds up to 1.  central[o * ncriteria + k] is
	 * the mean weight of criterion k over the first[o] draws option o
	 * ranks first in alone (its central weights; none when first[o] is
	 * 0).  See docs/scoring.md.
	 */
	double *accept;
	double *central;
	int *first;
	/*
	 * Whether a rating that counts has a range; then the draws move the
	 * ratings too, and these say what each source alone leaves of the
	 * confidence: the winner's share of first places with only the
	 * weights moving, and with only the ratings moving.
	 */
	int ranged;
	double confidence_weights;
	double confidence_ratings;
	sp_value_flip *value_flips; /* criteria in a unit, matrix order */
	int nvalue_flips;
	struct sp_smaa *smaa;
} sp_analysis;

/*
 * Allocates an analysis for matrix m, with the confidence draws and
 * per-trait tables built once; reuse it for every profile scored against
 * m.  *out is the caller's, released with sp_analysis_free().
 */
sp_status sp_analysis_new(sp_analysis **out, const sp_matrix *m,
    sp_error *err);

void sp_analysis_free(sp_analysis *a);

/*
 * Analyses r (scored against a's matrix) into a, and links a from r so
 * that renderers find it.  a must stay alive while r is read.
 */
sp_status sp_analyse(sp_analysis *a, sp_result *r, sp_error *err);


/* "clear", "leaning", "close call". */
const char *sp_label_name(sp_label label);

#endif
