/*
 * Gates: checks a caller asks of a result, for CI.  A gate never prints
 * and never exits; it turns a result into plain data (name, passed,
 * detail) that every renderer shows and the front end turns into exit
 * code 1.  Four gates exist, always checked in this order:
 *
 *   expect          the recommendation is a given option (id or alias)
 *   min_margin      the winner's margin is at least a given number of
 *                   points of the rating scale
 *   min_confidence  the analysis's confidence is at least a given share
 *   baseline        the recommendation is the one in a JSON result saved
 *                   earlier; reports which criteria moved and by how much
 *
 * See docs/ci.md.
 */
#ifndef SP_GATE_H
#define SP_GATE_H

#include "stackpick/error.h"
#include "stackpick/matrix.h"
#include "stackpick/score.h"

#define SP_GATES_MAX 4

/* A JSON result (or several, as JSON Lines) saved earlier. */
typedef struct sp_baseline sp_baseline;

/* What the caller asked for; a NULL or unset member is no gate. */
typedef struct {
	const char *expect;         /* option id or alias */
	int has_min_margin;
	double min_margin;          /* points of the rating scale */
	int has_min_confidence;
	double min_confidence;      /* 0..1; needs an analysed result */
	const sp_baseline *baseline;
} sp_gate_spec;

/* One criterion whose weight or ratings differ from the baseline's. */
typedef struct {
	int criterion;              /* index in the result's matrix */
	double weight_before, weight_after;
	double lead_before, lead_after;
} sp_move;

typedef struct {
	const char *name;           /* "expect", "min_margin", ... */
	int passed;
	const char *detail;         /* what it found: valid UTF-8, whole */
	const sp_move *moves;       /* baseline only: largest change first */
	int nmoves;
} sp_gate;

typedef struct sp_gates {
	sp_gate gate[SP_GATES_MAX];
	int ngates;                 /* 0 when no gate was asked for */
	int failed;                 /* how many did not pass */
	sp_move *moves;             /* storage for the baseline's moves */
	int capacity;
	char *text[SP_GATES_MAX];   /* storage for the details */
} sp_gates;

/*
 * Allocates gate results sized for matrix m; reuse them for every result
 * scored against m.  *out is the caller's, released with sp_gates_free().
 */
sp_status sp_gates_new(sp_gates **out, const sp_matrix *m, sp_error *err);

void sp_gates_free(sp_gates *g);

/*
 * Checks every gate in spec against r, read from input, and fills g.
 * Never fails: a baseline with no result for input, or saved with another
 * matrix, is a failed gate.  Every gate asked for is in g, and its detail
 * is whole and valid UTF-8 whatever the bytes of input, of the baseline's
 * file name or of spec->expect (bytes that are not UTF-8 show as U+FFFD).
 * The details belong to g and last until the next call or
 * sp_gates_free().
 */
void sp_gates_eval(sp_gates *g, const sp_gate_spec *spec, const sp_result *r,
    const char *input);

struct sp_screen;

/*
 * As sp_gates_eval(), for a result scored on the options that passed
 * screen s (NULL: no screen).  An expected option that a must screened
 * out fails expect with the musts that did ("python was screened out by
 * the must ...").  r is NULL when fewer than two options passed and
 * nothing was scored: only expect is checked then, against the one
 * option left (or none), since the other gates need scores.
 */
void sp_gates_eval_screened(sp_gates *g, const sp_gate_spec *spec,
    const sp_result *r, const struct sp_screen *s, const char *input);

/*
 * Parses len bytes holding one or more JSON results (as --format json
 * prints them; error objects are skipped; a UTF-8 byte order mark is
 * allowed) as a baseline; name labels errors and details.  Fails with
 * SP_EDATA and a located message when the text is not JSON, a document
 * has more than SP_MAX_NODES values, or a result lacks what a comparison
 * needs (criteria included).  Time is linear in len.  On success *out is
 * the caller's, released with sp_baseline_free().
 */
sp_status sp_baseline_parse(sp_baseline **out, const char *buf, size_t len,
    const char *name, sp_error *err);

/* Reads the file at path ("-" for stdin) and parses it as above. */
sp_status sp_baseline_load(sp_baseline **out, const char *path,
    sp_error *err);

void sp_baseline_free(sp_baseline *b);

#endif
