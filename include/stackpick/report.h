/*
 * The explain stage: a scored, analysed result (with its gates) becomes
 * the explained decision every output format shows.  The report model
 * decides what a reader is told and in which order: the recommendation,
 * the reasons for and against with their numbers, how sure it is, which
 * flips to name and what moves each weight, the advice, the notes and the
 * gates.  It holds facts and structured parts, never finished sentences:
 * the phrasing lives in one module (src/phrase.c) and each renderer only
 * formats what the model holds, so two formats cannot disagree.
 */
#ifndef SP_REPORT_H
#define SP_REPORT_H

#include "stackpick/analysis.h"
#include "stackpick/gate.h"
#include "stackpick/score.h"

/* Reasons named on each side, and flips named in "what would change". */
#define SP_REPORT_REASONS 4
#define SP_REPORT_FLIPS 3

/* Reasons the summary names, and answers it says the verdict hinges on. */
#define SP_REPORT_SUMMARY 3
#define SP_REPORT_HINGES 4
#define SP_REPORT_CAVEATS 4

/*
 * Ranks the rank-acceptability table shows (JSON has them all), and the
 * options other than the winner whose central weights it names.
 */
#define SP_REPORT_RANKS 6
#define SP_REPORT_CENTRAL 3

/*
 * A caveat that changes how to read the verdict, shown next to it.
 */
typedef enum {
	SP_CAVEAT_DEFAULTS, /* every answer is a default: nothing described */
	SP_CAVEAT_NO_TEAM,  /* no team section: team fit counts the same */
	SP_CAVEAT_TEAM_NEW, /* the team knows the winner little */
	SP_CAVEAT_METHODS   /* the ranking methods disagree on the winner */
} sp_caveat;

/* The heaviest criteria, named as the drivers of a decision. */
#define SP_REPORT_DRIVERS 5

/* What ties a flip point to the profile. */
typedef enum {
	SP_MOVER_NONE,     /* nothing the profile can say moves it */
	SP_MOVER_OVERRIDE, /* the weight was set directly (see override) */
	SP_MOVER_RAISED,   /* fired rules raised it; it has to fall */
	SP_MOVER_RULE      /* an unfired rule moves it the right way */
} sp_mover;

typedef struct {
	const sp_flip *flip;  /* the analysis' flip point */
	int direction;        /* +1: the weight has to grow; -1: to fall */
	sp_mover mover;
	sp_override override; /* SP_MOVER_OVERRIDE: who set the weight */
	int rule;             /* SP_MOVER_RULE: the criterion's rule */
} sp_report_flip;

/* Evidence warnings named per report, at most. */
#define SP_REPORT_EVIDENCE (4 * SP_REPORT_REASONS)

struct sp_screen;

/* How the verdict was reached. */
typedef enum {
	SP_DECIDED_SCORE, /* two or more options met every must: scored */
	SP_DECIDED_ONLY,  /* one option met every must: nothing to weigh */
	SP_DECIDED_NONE   /* no option met every must: no decision */
} sp_decided;

/* What the report says about the evidence behind a criterion. */
typedef enum {
	SP_EVIDENCE_STALE,   /* an entry is older than its horizon */
	SP_EVIDENCE_DISAGREE /* two entries favour different options */
} sp_evidence_kind;

typedef struct {
	sp_evidence_kind kind;
	int criterion;
	const sp_evidence *entry; /* STALE: the oldest stale entry;
	                             DISAGREE: the older of the two */
	const sp_evidence *other; /* STALE: a newer entry that favours
	                             another option, or NULL; DISAGREE: the
	                             newer one */
} sp_report_evidence;

typedef struct sp_report {
	const sp_result *result;
	const sp_matrix *matrix;
	const sp_analysis *analysis; /* NULL when not analysed */
	const sp_gates *gates;       /* NULL when no gate was asked for */
	const char *input;           /* the file name, "<stdin>" */
	const char *title;           /* the profile's name, else input */

	int winner;                  /* the option recommended, -1: a tie */
	int runner_up;               /* second in the ranking */
	int ntied;                   /* options sharing the top score */

	/* Criteria with the largest leads for the winner, and against it. */
	int pro[SP_REPORT_REASONS];
	int npro;
	int con[SP_REPORT_REASONS];
	int ncon;

	/* The heaviest criteria, heaviest first (matrix order on a tie),
	   leaving out those of weight 0. */
	int driver[SP_REPORT_DRIVERS];
	int ndrivers;

	/*
	 * Every flip point of the analysis, nearest first, with what moves
	 * its weight; the first nflips_shown are the ones a reader is told.
	 * critical is the flip whose weight has to change least, or -1 when
	 * no weight change flips the answer.
	 */
	sp_report_flip *flips;
	int nflips;
	int nflips_shown;
	int ntrait_flips_shown;
	int critical;

	/* The weighted sum per option, which the criteria table explains
	   whatever method ranked; and the winner's lead in it. */
	double *sum;
	double sum_lead;

	/*
	 * The summary: the first nsummary_pro reasons (and nsummary_con
	 * against), the traits whose answer alone changes the verdict (in
	 * the analysis' order, each once), and the caveats, most important
	 * first.  team is the criterion whose ratings come from the team
	 * section (the heaviest one), or -1.
	 */
	int nsummary_pro;
	int nsummary_con;
	int hinges[SP_REPORT_HINGES];
	int nhinges;
	int nhinges_all;             /* traits that flip it, named or not */
	sp_caveat caveats[SP_REPORT_CAVEATS];
	int ncaveats;
	int team;

	int gates_failed;
	const sp_gate *baseline;     /* the baseline gate with moves, or NULL */

	/*
	 * Musts.  screen is NULL when no must applied; otherwise it names
	 * the options screened out, the musts they fail and what relaxing
	 * one would bring back.  Option indices of the screen are the full
	 * matrix's (full); everything above counts the options that passed
	 * (matrix).  When fewer than two passed, result, analysis and gates
	 * are NULL and decided says why; only is the one option left.
	 */
	const struct sp_screen *screen;
	const sp_matrix *full;
	sp_decided decided;
	int only;

	/*
	 * Evidence warnings: stale entries behind the criteria named for
	 * and against, then entries that disagree behind any criterion
	 * that weighs something (those named first).
	 */
	sp_report_evidence evidence[SP_REPORT_EVIDENCE];
	int nevidence;

	/*
	 * Uncertainty where it lives.  The value flips told (the analysis'
	 * first ones); for three or more options the rank-acceptability
	 * table (nranks columns, every option in the ranking's order, 0 when
	 * not shown) and, for each of the first options after the winner
	 * that rank first in some draw, the criterion whose central weight
	 * differs most from its weight now (central_crit); and the criteria
	 * measured in a unit or with a rating range, whose raw values and
	 * ranges are shown next to the ratings (matrix order).
	 */
	int nvalue_flips_shown;
	int nranks;
	int central[SP_REPORT_CENTRAL];
	int central_crit[SP_REPORT_CENTRAL];
	int ncentral;
	int *measured;
	int nmeasured;

	/*
	 * The weights from the profile's pairwise judgements, with their
	 * consistency (ahp->inconsistent: the report warns), or NULL when
	 * it has none; and the group model when a group was scored, or
	 * NULL.  Set by the pipeline after the explain stage.
	 */
	const struct sp_ahp *ahp;
	const struct sp_group *group;
} sp_report;

/*
 * Allocates a report sized for matrix m; reuse it for every result
 * explained against m.  *out is the caller's, released with
 * sp_report_free().
 */
sp_status sp_report_new(sp_report **out, const sp_matrix *m, sp_error *err);

void sp_report_free(sp_report *rep);

/*
 * Explains r (scored and, when r->analysis is set, analysed), read from
 * input, with the gate results g (NULL for none), into rep.  rep points
 * into r, g and input, which must stay alive while rep is read.
 */
void sp_report_explain(sp_report *rep, const sp_result *r, const char *input,
    const sp_gates *g);

/*
 * Adds screen s (NULL, or one with no must, for none) to rep, explained
 * already.  Then, with today in days since 1970-01-01 (0 or less: not
 * known, so nothing is stale), names the evidence warnings: stale
 * entries behind the criteria for and against the winner, and entries
 * that disagree behind any criterion that weighs something.
 */
void sp_report_musts(sp_report *rep, const struct sp_screen *s);
void sp_report_evidence_check(sp_report *rep, long today);

/*
 * Explains a run in which fewer than two options passed screen s: no
 * scores, only the screen and, when one passed, that option, and the
 * gates g checked without scores (NULL or none for no gate).  p is the
 * profile screened, read from input.
 */
void sp_report_explain_screen(sp_report *rep, const struct sp_screen *s,
    const sp_profile *p, const char *input, const sp_gates *g);

#endif
