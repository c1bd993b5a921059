/*
 * The explain stage (see stackpick/report.h): picks what a reader is told
 * about a result, for every output format at once.
 */
#include <math.h>
#include <stdlib.h>

#include "stackpick/limits.h"
#include "stackpick/report.h"

sp_status
sp_report_new(sp_report **out, const sp_matrix *m, sp_error *err)
{
	sp_report *rep = calloc(1, sizeof(*rep));

	*out = NULL;
	if (rep == NULL || (rep->flips = calloc((size_t)m->ncriteria,
	    sizeof(*rep->flips))) == NULL || (rep->sum =
	    calloc((size_t)m->noptions, sizeof(double))) == NULL ||
	    (rep->measured = calloc((size_t)m->ncriteria, sizeof(int))) ==
	    NULL) {
		sp_report_free(rep);
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	}
	*out = rep;
	return SP_OK;
}

void
sp_report_free(sp_report *rep)
{
	if (rep == NULL)
		return;
	free(rep->flips);
	free(rep->sum);
	free(rep->measured);
	free(rep);
}

/*
 * The criteria with the largest leads for the winner (sign > 0) or for
 * the runner-up, at most SP_REPORT_REASONS of them; equal leads keep
 * matrix order on both sides.
 */
static int
pick_reasons(int *out, const sp_result *r, int sign)
{
	int i, j, n = r->matrix->ncriteria, shown = 0;

	for (i = 0; i < n; i++) {
		int k = sign > 0 ? r->by_lead[i] : r->by_lead[n - 1 - i];
		double lead = r->crit[k].lead * sign;

		if (!(lead > 1e-12))
			break;
		/* Insert k in order of lead, then of matrix position. */
		for (j = shown; j > 0; j--) {
			double prev = r->crit[out[j - 1]].lead * sign;

			if (prev > lead || (prev == lead && out[j - 1] < k))
				break;
			if (j < SP_REPORT_REASONS)
				out[j] = out[j - 1];
		}
		if (j < SP_REPORT_REASONS)
			out[j] = k;
		if (shown < SP_REPORT_REASONS)
			shown++;
	}
	return shown;
}

/*
 * The heaviest criteria of r, at most SP_REPORT_DRIVERS, heaviest first
 * and in matrix order among equals; a criterion of weight 0 drives
 * nothing.
 */
static int
pick_drivers(int *out, const sp_result *r)
{
	int i, k, n = 0, pos;

	for (k = 0; k < r->matrix->ncriteria; k++) {
		if (!(r->crit[k].weight > 0))
			continue;
		for (pos = n; pos > 0 && r->crit[out[pos - 1]].weight <
		    r->crit[k].weight; pos--)
			;
		if (pos >= SP_REPORT_DRIVERS)
			continue;
		for (i = n < SP_REPORT_DRIVERS ? n : SP_REPORT_DRIVERS - 1;
		    i > pos; i--)
			out[i] = out[i - 1];
		out[pos] = k;
		if (n < SP_REPORT_DRIVERS)
			n++;
	}
	return n;
}

/*
 * What ties flip f to the profile: the weight was set directly; or it
 * has to fall and fired rules raised it; or an unfired rule moves it the
 * right way.
 */
static void
explain_flip(sp_report_flip *rf, const sp_result *r, const sp_flip *f)
{
	const sp_crit_score *c = &r->crit[f->criterion];
	int i;

	rf->flip = f;
	rf->direction = f->flip_weight < f->weight ? -1 : 1;
	rf->mover = SP_MOVER_NONE;
	rf->override = c->override;
	rf->rule = -1;
	if (c->override != SP_OVERRIDE_NONE) {
		rf->mover = SP_MOVER_OVERRIDE;
		return;
	}
	if (rf->direction < 0)
		for (i = 1; i < c->nfrom; i++)
			if (c->from[i].delta > 0) {
				rf->mover = SP_MOVER_RAISED;
				return;
			}
	if (f->rule >= 0) {
		rf->mover = SP_MOVER_RULE;
		rf->rule = f->rule;
	}
}

static void
explain_sure(sp_report *rep, const sp_analysis *a)
{
	int i;

	rep->nflips = a->nflips;
	for (i = 0; i < a->nflips; i++)
		explain_flip(&rep->flips[i], rep->result, &a->flips[i]);
	rep->nflips_shown = a->nflips < SP_REPORT_FLIPS ? a->nflips :
	    SP_REPORT_FLIPS;
	rep->ntrait_flips_shown = a->ntrait_flips < SP_REPORT_FLIPS ?
	    a->ntrait_flips : SP_REPORT_FLIPS;
	rep->critical = a->nflips > 0 &&
	    isfinite(a->flips[0].relative_change) ? 0 : -1;
}

/*
 * The criterion whose central weight for option o differs most from its
 * weight now, relative to the weight of all criteria, or -1.
 */
static int
central_criterion(const sp_result *r, const sp_analysis *a, int o)
{
	int k, nc = r->matrix->ncriteria, best = -1;
	double most = 0, d;

	for (k = 0; k < nc; k++) {
		d = fabs(a->central[o * nc + k] - r->crit[k].weight);
		if (d > most + 1e-9 * r->total_weight) {
			most = d;
			best = k;
		}
	}
	return best;
}

/*
 * What the report says about uncertainty beyond the weights: value
 * flips, rank acceptability and central weights (with a winner and three
 * or more options), and the criteria with raw values or ranges.
 */
static void
explain_uncertainty(sp_report *rep, const sp_result *r)
{
	const sp_analysis *a = r->analysis;
	const sp_matrix *m = r->matrix;
	int i, k, o;

	rep->nvalue_flips_shown = rep->nranks = rep->ncentral = 0;
	rep->nmeasured = 0;
	for (k = 0; k < m->ncriteria; k++)
		if (m->criteria[k].units != NULL || m->criteria[k].nranges > 0)
			rep->measured[rep->nmeasured++] = k;
	if (a == NULL)
		return;
	rep->nvalue_flips_shown = a->winner < 0 ? 0 : a->nvalue_flips <
	    SP_REPORT_FLIPS ? a->nvalue_flips : SP_REPORT_FLIPS;
	if (m->noptions < 3 || a->winner < 0)
		return;
	rep->nranks = m->noptions < SP_REPORT_RANKS ? m->noptions :
	    SP_REPORT_RANKS;
	for (i = 1; i < m->noptions && rep->ncentral < SP_REPORT_CENTRAL;
	    i++) {
		o = r->rank[i];
		if (a->first[o] == 0 || (k = central_criterion(r, a, o)) < 0)
			continue;
		rep->central[rep->ncentral] = o;
		rep->central_crit[rep->ncentral++] = k;
	}
}

/* The heaviest criterion rated from the team section, or -1. */
static int
team_criterion(const sp_result *r)
{
	int k, best = -1;

	for (k = 0; k < r->matrix->ncriteria; k++)
		if (r->matrix->criteria[k].from_team && r->crit[k].weight > 0 &&
		    (best < 0 || r->crit[k].weight > r->crit[best].weight))
			best = k;
	return best;
}

/* Whether the profile says nothing: no answer, team or weight given. */
static int
all_default(const sp_result *r)
{
	const sp_profile *p = r->profile;
	int i;

	if (p->team_given)
		return 0;
	for (i = 0; i < r->matrix->ntraits; i++)
		if (p->given[i])
			return 0;
	for (i = 0; i < r->matrix->ncriteria; i++)
		if (p->override[i] != SP_OVERRIDE_NONE)
			return 0;
	return 1;
}

/*
 * Whether the team knows the winner little: a proficiency of at most
 * SP_TEAM_NEW_MAX, or SP_TEAM_NEW_GAP below the runner-up's.
 */
#define SP_TEAM_NEW_MAX 1
#define SP_TEAM_NEW_GAP 2

static int
team_new(const sp_report *rep)
{
	const sp_profile *p = rep->result->profile;
	int w, s;

	if (rep->winner < 0 || rep->team < 0 || !p->team_given)
		return 0;
	w = p->team[rep->winner] < 0 ? 0 : p->team[rep->winner];
	s = p->team[rep->runner_up] < 0 ? 0 : p->team[rep->runner_up];
	return w <= SP_TEAM_NEW_MAX || s - w >= SP_TEAM_NEW_GAP;
}

static void
explain_summary(sp_report *rep, const sp_result *r)
{
	const sp_analysis *a = r->analysis;
	int i, j;

	rep->nsummary_pro = rep->npro < SP_REPORT_SUMMARY ? rep->npro :
	    SP_REPORT_SUMMARY;
	/* With no winner there is no "against" to tell. */
	rep->nsummary_con = rep->winner < 0 ? 0 : rep->ncon < 2 ? rep->ncon :
	    2;
	rep->nhinges = rep->nhinges_all = 0;
	for (i = 0; a != NULL && a->winner >= 0 && i < a->ntrait_flips; i++) {
		/* Flips of one trait come together, nearest value first. */
		for (j = 0; j < i; j++)
			if (a->trait_flips[j].trait == a->trait_flips[i].trait)
				break;
		if (j < i)
			continue;
		if (rep->nhinges < SP_REPORT_HINGES)
			rep->hinges[rep->nhinges++] = a->trait_flips[i].trait;
		rep->nhinges_all++;
	}
	rep->team = team_criterion(r);
	rep->ncaveats = 0;
	if (all_default(r))
		rep->caveats[rep->ncaveats++] = SP_CAVEAT_DEFAULTS;
	else if (rep->team >= 0 && !r->profile->team_given)
		rep->caveats[rep->ncaveats++] = SP_CAVEAT_NO_TEAM;
	if (team_new(rep))
		rep->caveats[rep->ncaveats++] = SP_CAVEAT_TEAM_NEW;
	if (a != NULL && a->winner >= 0 && !a->methods_agree)
		rep->caveats[rep->ncaveats++] = SP_CAVEAT_METHODS;
}

void
sp_report_explain(sp_report *rep, const sp_result *r, const char *input,
    const sp_gates *g)
{
	const sp_matrix *m = r->matrix;
	int i, k;

	rep->result = r;
	rep->matrix = m;
	rep->full = m;
	rep->screen = NULL;
	rep->decided = SP_DECIDED_SCORE;
	rep->only = -1;
	rep->nevidence = 0;
	rep->analysis = r->analysis;
	rep->gates = g != NULL && g->ngates > 0 ? g : NULL;
	rep->input = input;
	rep->title = r->profile->name[0] ? r->profile->name : input;
	rep->ntied = r->ntied;
	rep->winner = r->ntied > 1 ? -1 : r->rank[0];
	rep->runner_up = r->rank[1];
	rep->npro = pick_reasons(rep->pro, r, 1);
	rep->ncon = pick_reasons(rep->con, r, -1);
	rep->ndrivers = pick_drivers(rep->driver, r);
	rep->nflips = rep->nflips_shown = rep->ntrait_flips_shown = 0;
	rep->critical = -1;
	if (r->analysis != NULL && r->analysis->winner >= 0)
		explain_sure(rep, r->analysis);
	for (i = 0; i < m->noptions; i++) {
		rep->sum[i] = 0;
		for (k = 0; k < m->ncriteria; k++)
			rep->sum[i] += r->crit[k].contrib[i];
	}
	rep->sum_lead = rep->sum[r->rank[0]] - rep->sum[r->rank[1]];
	explain_summary(rep, r);
	explain_uncertainty(rep, r);
	rep->gates_failed = 0;
	rep->baseline = NULL;
	for (i = 0; rep->gates != NULL && i < g->ngates; i++) {
		if (!g->gate[i].passed)
			rep->gates_failed++;
		if (g->gate[i].nmoves > 0)
			rep->baseline = &g->gate[i];
	}
}
