/*
 * The score stage: weights from rules and overrides, the weighted sum,
 * ranking, the lead each criterion gives the winner, and the advice that
 * applies.  Nothing here prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/score.h"
#include "internal.h"

sp_status
sp_result_new(sp_result **out, const sp_matrix *m, sp_error *err)
{
	sp_result *r;
	size_t no = (size_t)m->noptions, nc = (size_t)m->ncriteria;
	int k, ok = 1;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	r->crit = calloc(nc, sizeof(*r->crit));
	r->score = calloc(no, sizeof(double));
	r->rank = calloc(no, sizeof(int));
	r->by_lead = calloc(nc, sizeof(int));
	r->checklist = calloc((size_t)m->nchecklist + 1, sizeof(void *));
	r->pitfalls = calloc((size_t)m->npitfalls + 1, sizeof(void *));
	r->tools = calloc((size_t)m->ntools + 1, sizeof(void *));
	ok = r->crit && r->score && r->rank && r->by_lead && r->checklist &&
	    r->pitfalls && r->tools;
	for (k = 0; ok && k < m->ncriteria; k++) {
		sp_crit_score *c = &r->crit[k];

		c->rating = calloc(no, sizeof(double));
		c->contrib = calloc(no, sizeof(double));
		c->from = calloc((size_t)m->criteria[k].nrules + 2,
		    sizeof(sp_source));
		ok = c->rating && c->contrib && c->from;
	}
	r->matrix = m;
	if (!ok) {
		sp_result_free(r);
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	}
	*out = r;
	return SP_OK;
}

void
sp_result_free(sp_result *r)
{
	int k;

	if (r == NULL)
		return;
	for (k = 0; r->crit != NULL && k < r->matrix->ncriteria; k++) {
		free(r->crit[k].rating);
		free(r->crit[k].contrib);
		free(r->crit[k].from);
	}
	free(r->crit);
	free(r->score);
	free(r->rank);
	free(r->by_lead);
	free(r->checklist);
	free(r->pitfalls);
	free(r->tools);
	free(r);
}

/*
 * What the weighted product and TOPSIS read for a rating: a positive
 * number.  On a scale that starts above 0 the rating itself, so that the
 * ratios the author declared are the ratios compared and declaring 1..5
 * as 0.2..1 or 20..100 changes nothing.  A scale that reaches 0 or below
 * has no true zero: its ratings are mapped to 1..2 by where they sit in
 * the span, which no declaration a * r + b (a > 0) changes either.
 */
static double
positive(const sp_matrix *m, double rating)
{
	if (m->scale_min > 0)
		return rating;
	return 1 + (rating - m->scale_min) / (m->scale_max - m->scale_min);
}

static double
wsm_value(const sp_matrix *m, double rating)
{
	(void)m;
	return rating;
}

static double
wsm_unvalue(const sp_matrix *m, double mean)
{
	(void)m;
	return mean;
}

static double
wpm_value(const sp_matrix *m, double rating)
{
	return log(positive(m, rating));
}

/* The weighted geometric mean, back on the rating scale. */
static double
wpm_unvalue(const sp_matrix *m, double mean)
{
	if (m->scale_min > 0)
		return exp(mean);
	return m->scale_min + expm1(mean) * (m->scale_max - m->scale_min);
}

/* The weight of criterion k: from weight[] when given, else r's. */
static double
weight_of(const sp_result *r, const double *weight, int k)
{
	return weight ? weight[k] : r->crit[k].weight;
}

static double
total_of(const sp_result *r, const double *weight)
{
	double total = 0;
	int k;

	for (k = 0; k < r->matrix->ncriteria; k++)
		total += weight_of(r, weight, k);
	return total;
}

/*
 * The weighted sum and the weighted product: the weighted mean of what
 * the method reads for each rating, taken back to the rating scale.
 */
static void
linear_score(double *out, const sp_result *r, const double *weight,
    const sp_method_info *info)
{
	const sp_matrix *m = r->matrix;
	int k, o, no = m->noptions;
	double total = total_of(r, weight), w;

	for (o = 0; o < no; o++)
		out[o] = 0;
	for (k = 0; k < m->ncriteria; k++) {
		w = weight_of(r, weight, k) / total;
		if (w == 0)
			continue;
		for (o = 0; o < no; o++)
			out[o] += w * info->value(m, r->crit[k].rating[o]);
	}
	for (o = 0; o < no; o++)
		out[o] = info->unvalue(m, out[o]);
}

static void
wsm_score(double *out, const sp_result *r, const double *weight)
{
	linear_score(out, r, weight, sp_method_info_get(SP_METHOD_WSM));
}

static void
wpm_score(double *out, const sp_result *r, const double *weight)
{
	linear_score(out, r, weight, sp_method_info_get(SP_METHOD_WPM));
}

/*
 * TOPSIS with vector normalisation: out[] first collects the squared
 * distance to the ideal option and d2 the distance to the anti-ideal one.
 */
static void
topsis_score(double *out, const sp_result *r, const double *weight)
{
	const sp_matrix *m = r->matrix;
	int k, o, no = m->noptions;
	double d2[SP_MAX_OPTIONS] = { 0 }, total = total_of(r, weight), w;

	for (o = 0; o < no; o++)
		out[o] = 0;
	for (k = 0; k < m->ncriteria; k++) {
		const double *rating = r->crit[k].rating;
		double norm = 0, best, worst, v;

		w = weight_of(r, weight, k) / total;
		if (w == 0)
			continue;
		for (o = 0; o < no; o++)
			norm += positive(m, rating[o]) * positive(m, rating[o]);
		norm = w / sqrt(norm);
		best = worst = positive(m, rating[0]) * norm;
		for (o = 1; o < no; o++) {
			v = positive(m, rating[o]) * norm;
			best = fmax(best, v);
			worst = fmin(worst, v);
		}
		for (o = 0; o < no; o++) {
			v = positive(m, rating[o]) * norm;
			out[o] += (best - v) * (best - v);
			d2[o] += (v - worst) * (v - worst);
		}
	}
	for (o = 0; o < no; o++) {
		double plus = sqrt(out[o]), minus = sqrt(d2[o]);

		out[o] = plus + minus > 0 ? minus / (plus + minus) : 0.5;
	}
}

/* The ranking methods, in sp_method order. */
static const sp_method_info methods[SP_NMETHODS] = {
	{ SP_METHOD_WSM, "wsm", "weighted sum", 1, 1, 1, wsm_score, wsm_value,
	    wsm_unvalue },
	{ SP_METHOD_WPM, "wpm", "weighted product", 0, 1, 0, wpm_score,
	    wpm_value, wpm_unvalue },
	{ SP_METHOD_TOPSIS, "topsis", "TOPSIS", 0, 0, 0, topsis_score, NULL,
	    NULL },
};

const sp_method_info *
sp_methods(size_t *n)
{
	if (n != NULL)
		*n = SP_NMETHODS;
	return methods;
}

const sp_method_info *
sp_method_info_get(sp_method method)
{
	return &methods[method];
}

const char *
sp_method_name(sp_method method)
{
	return methods[method].id;
}

int
sp_method_parse(const char *name)
{
	int i;

	for (i = 0; i < SP_NMETHODS; i++)
		if (strcmp(name, methods[i].id) == 0)
			return i;
	return -1;
}

void
sp_score_method(double *out, const sp_result *r, const double *weight,
    sp_method method)
{
	methods[method].score(out, r, weight);
}

double
sp_method_span(const sp_matrix *m, sp_method method)
{
	return method == SP_METHOD_TOPSIS ? 1 : m->scale_max - m->scale_min;
}

int
sp_score_tied_on(double a, double b, double span)
{
	double tol = fmax(SP_TIE_SPAN * span, SP_TIE_ROUNDING *
	    fmax(fabs(a), fabs(b)));

	return fabs(a - b) <= tol;
}

int
sp_score_tied(double a, double b)
{
	return sp_score_tied_on(a, b, 1);
}

int
sp_score_top(const double *score, const sp_matrix *m, sp_method method)
{
	int o, best = 0, second = -1;

	for (o = 1; o < m->noptions; o++) {
		if (score[o] > score[best]) {
			second = best;
			best = o;
		} else if (second < 0 || score[o] > score[second]) {
			second = o;
		}
	}
	return sp_score_tied_on(score[best], score[second],
	    sp_method_span(m, method)) ? -1 : best;
}

int
sp_score_winner(const sp_result *r, const double *weight, sp_method method,
    double *scratch)
{
	sp_score_method(scratch, r, weight, method);
	return sp_score_top(scratch, r->matrix, method);
}

static int
term_holds(const sp_term *t, const sp_profile *p, const sp_matrix *m)
{
	long v = p->value[t->trait];

	if (m->traits[t->trait].type == SP_TRAIT_INT)
		return v >= t->min && v <= t->max;
	return (t->set >> v) & 1u;
}

/* Index of the first clause of c that holds, or -1. */
static int
cond_clause(const sp_cond *c, const sp_profile *p, const sp_matrix *m)
{
	int i, j, t = 0;

	for (i = 0; i < c->nclauses; i++) {
		int ok = 1;

		for (j = 0; j < c->clause_len[i]; j++)
			ok = ok && term_holds(&c->terms[t + j], p, m);
		if (ok)
			return i;
		t += c->clause_len[i];
	}
	return -1;
}

int
sp_cond_holds(const sp_cond *c, const sp_profile *p, const sp_matrix *m)
{
	return c->nclauses == 0 || cond_clause(c, p, m) >= 0;
}

int
sp_cond_terms(const sp_cond *c)
{
	int i, n = 0;

	for (i = 0; i < c->nclauses; i++)
		n += c->clause_len[i];
	return n;
}

int
sp_cond_tests(const sp_cond *c, int t)
{
	int i, n = sp_cond_terms(c);

	for (i = 0; i < n; i++)
		if (c->terms[i].trait == t)
			return 1;
	return 0;
}

/* The first term of clause of c. */
static const sp_term *
clause_terms(const sp_cond *c, int clause)
{
	int i, t = 0;

	for (i = 0; i < clause; i++)
		t += c->clause_len[i];
	return &c->terms[t];
}

/* Whether two fired clauses test the same traits, so the same answers. */
static int
same_answers(const sp_criterion *cr, const sp_source *s, int rule,
    int clause)
{
	const sp_cond *a = &cr->rules[s->rule].when, *b = &cr->rules[rule].when;
	const sp_term *ta = clause_terms(a, s->clause);
	const sp_term *tb = clause_terms(b, clause);
	int i, n = a->clause_len[s->clause];

	if (n != b->clause_len[clause])
		return 0;
	for (i = 0; i < n; i++)
		if (ta[i].trait != tb[i].trait)
			return 0;
	return 1;
}

/* Records what moved a weight; rules fired by the same answers merge. */
static void
add_source(sp_crit_score *c, const sp_criterion *cr, sp_from kind, int rule,
    int clause, double delta, const char *why)
{
	sp_source *s;
	int i;

	for (i = 0; kind == SP_FROM_RULE && i < c->nfrom; i++) {
		if (c->from[i].kind == SP_FROM_RULE &&
		    same_answers(cr, &c->from[i], rule, clause)) {
			c->from[i].delta += delta;
			return;
		}
	}
	s = &c->from[c->nfrom++];
	s->kind = kind;
	s->rule = rule;
	s->clause = clause;
	s->why = why;
	s->delta = delta;
}

static void
note(sp_result *r, sp_note_kind kind, int option, int criterion)
{
	if (r->nnotes < SP_NOTES_MAX) {
		r->note[r->nnotes].kind = kind;
		r->note[r->nnotes].option = option;
		r->note[r->nnotes++].criterion = criterion;
	}
}

/*
 * The weight the rules give criterion cr for profile p, before it is
 * kept on 0..10; when c is not NULL, what moved it is recorded there.
 */
static double
rules_weight(sp_crit_score *c, const sp_criterion *cr, const sp_profile *p,
    const sp_matrix *m)
{
	double w = cr->weight;
	int i, clause;

	if (c != NULL) {
		c->nfrom = 0;
		c->clamped = 0;
		add_source(c, cr, SP_FROM_BASE, -1, -1, cr->weight,
		    cr->weight_why);
	}
	for (i = 0; i < cr->nrules; i++) {
		clause = cond_clause(&cr->rules[i].when, p, m);
		if (clause < 0)
			continue;
		w += cr->rules[i].add;
		if (c == NULL)
			continue;
		add_source(c, cr, SP_FROM_RULE, i, clause, cr->rules[i].add,
		    cr->rules[i].why);
	}
	return w;
}

/* The derived weight w, clamped to 0..10; c notes that it was. */
static double
clamp_weight(sp_crit_score *c, double w)
{
	if (w < SP_WEIGHT_MIN || w > SP_WEIGHT_MAX) {
		if (c != NULL)
			c->clamped = 1;
		w = w < SP_WEIGHT_MIN ? SP_WEIGHT_MIN : SP_WEIGHT_MAX;
	}
	return w;
}

double
sp_weight_derived(const sp_criterion *cr, const sp_profile *p,
    const sp_matrix *m)
{
	return clamp_weight(NULL, rules_weight(NULL, cr, p, m));
}

double
sp_weight_clamp(double w)
{
	return clamp_weight(NULL, w);
}

double
sp_weight_raw(const sp_criterion *cr, const sp_profile *p,
    const sp_matrix *m)
{
	return rules_weight(NULL, cr, p, m);
}

static void
derive_weight(sp_crit_score *c, const sp_criterion *cr, int k,
    const sp_profile *p, const sp_matrix *m)
{
	double w = clamp_weight(c, rules_weight(c, cr, p, m));

	c->derived = w;
	c->override = (sp_override)p->override[k];
	if (c->override != SP_OVERRIDE_NONE) {
		w = p->weight[k];
		c->nfrom = 0;
		c->clamped = 0;
		add_source(c, cr, SP_FROM_OVERRIDE, -1, -1, w, NULL);
	}
	c->weight = w;
}

static void
team_ratings(sp_result *r, sp_crit_score *c, const sp_criterion *cr,
    const sp_profile *p, const sp_matrix *m)
{
	double span = m->scale_max - m->scale_min;
	int o;

	for (o = 0; o < m->noptions; o++) {
		if (!p->team_given)
			c->rating[o] = m->scale_min + span / 2;
		else
			c->rating[o] = m->scale_min + span *
			    (p->team[o] < 0 ? 0 : p->team[o]) / SP_TEAM_MAX;
	}
	if (!p->team_given && c->weight > 0)
		note(r, SP_NOTE_NO_TEAM, -1, (int)(cr - m->criteria));
	for (o = 0; p->team_given && c->weight > 0 && o < m->noptions; o++)
		if (p->team[o] < 0)
			note(r, SP_NOTE_TEAM_MISSING, o, (int)(cr - m->criteria));
}

/*
 * Insertion sorts: at most 64 options and 256 criteria, and stable, so
 * that equal entries keep matrix order.  Options are sorted by their exact
 * scores, a real order; which of them tie is decided afterwards, against
 * the top score only (a tolerance is not transitive).
 */
static void
rank_options(sp_result *r, int n)
{
	int i, j, x;

	for (i = 0; i < n; i++)
		r->rank[i] = i;
	for (i = 1; i < n; i++) {
		x = r->rank[i];
		for (j = i; j > 0 && r->score[x] > r->score[r->rank[j - 1]];
		    j--)
			r->rank[j] = r->rank[j - 1];
		r->rank[j] = x;
	}
}

static void
rank_leads(sp_result *r, int n)
{
	int i, j, x;

	for (i = 0; i < n; i++)
		r->by_lead[i] = i;
	for (i = 1; i < n; i++) {
		x = r->by_lead[i];
		for (j = i; j > 0 &&
		    r->crit[x].lead > r->crit[r->by_lead[j - 1]].lead; j--)
			r->by_lead[j] = r->by_lead[j - 1];
		r->by_lead[j] = x;
	}
}

static void
pick_advice(const sp_advice *a, int n, const sp_advice **out, int *count,
    const sp_result *r, const sp_profile *p, const sp_matrix *m)
{
	int i, t;

	*count = 0;
	for (i = 0; i < n; i++) {
		int for_winner = a[i].option < 0;

		for (t = 0; t < r->ntied && !for_winner; t++)
			for_winner = a[i].option == r->rank[t];
		if (for_winner && sp_cond_holds(&a[i].when, p, m))
			out[(*count)++] = &a[i];
	}
}

sp_status
sp_score(sp_result *r, const sp_matrix *m, const sp_profile *p,
    sp_error *err)
{
	int k, o, best, second;
	double total = 0;

	r->profile = p;
	r->analysis = NULL;
	r->nnotes = 0;
	for (k = 0; k < m->ncriteria; k++) {
		const sp_criterion *cr = &m->criteria[k];
		sp_crit_score *c = &r->crit[k];

		derive_weight(c, cr, k, p, m);
		total += c->weight;
		if (cr->from_team)
			team_ratings(r, c, cr, p, m);
		else
			memcpy(c->rating, cr->ratings,
			    (size_t)m->noptions * sizeof(double));
	}
	if (!(total > 0))
		return sp_error_set(err, SP_EDATA, "", 0, 0,
		    "every criterion weighs 0: nothing to score");
	r->total_weight = total;
	for (o = 0; o < m->noptions; o++)
		r->score[o] = 0;
	for (k = 0; k < m->ncriteria; k++) {
		sp_crit_score *c = &r->crit[k];

		for (o = 0; o < m->noptions; o++) {
			c->contrib[o] = c->weight * c->rating[o] / total;
			r->score[o] += c->contrib[o];
		}
	}
	if (!sp_method_info_get(r->method)->is_sum)
		sp_score_method(r->score, r, NULL, r->method);
	rank_options(r, m->noptions);
	best = r->rank[0];
	second = r->rank[1];
	r->margin = r->score[best] - r->score[second];
	for (r->ntied = 1; r->ntied < m->noptions &&
	    sp_score_tied_on(r->score[r->rank[r->ntied]], r->score[best],
	    sp_method_span(m, r->method)); r->ntied++)
		;
	if (r->ntied > 1)
		r->margin = 0;
	for (k = 0; k < m->ncriteria; k++)
		r->crit[k].lead = r->crit[k].contrib[best] -
		    r->crit[k].contrib[second];
	rank_leads(r, m->ncriteria);
	if (r->ntied > 1)
		note(r, SP_NOTE_TIE, -1, -1);
	pick_advice(m->checklist, m->nchecklist, r->checklist, &r->nchecklist,
	    r, p, m);
	pick_advice(m->pitfalls, m->npitfalls, r->pitfalls, &r->npitfalls, r,
	    p, m);
	pick_advice(m->tools, m->ntools, r->tools, &r->ntools, r, p, m);
	return SP_OK;
}
