/*
 * The derived weights along an integer trait's candidates (see sweep.h).
 * For every trait, the rules that test it, each as (criterion, rule), and
 * the events: at which candidate each of them may turn true or false, the
 * start of one of its ranges (min) or the value past its end (max + 1).
 */
#include <math.h>
#include <stdlib.h>

#include "stackpick/limits.h"
#include "stackpick/score.h"
#include "sweep.h"

typedef struct {
	int at;    /* candidate index */
	int rule;  /* index into the trait's rules */
} sp_event;

typedef struct {
	int k, i;  /* criterion and its rule */
} sp_rule_ref;

struct sp_sweep {
	const sp_matrix *m;
	const long *cand;
	const int *cand_off, *aff, *aff_off;
	sp_rule_ref *rules;  /* trait t's are rules[rule_off[t]..[t+1]) */
	int *rule_off;
	sp_event *ev;        /* trait t's are ev[ev_off[t]..[t+1]), by at */
	int *ev_off;
	char *exact;         /* per trait */
	/* the trait being swept */
	int t, next;         /* next: its first event not yet applied */
	sp_profile *p;
	char *holds;         /* per rule of the trait */
	double *raw;         /* per criterion: its weight before clamping */
};

/* Whether v is a multiple of 1/1024 small enough for exact sums. */
static int
exact_value(double v)
{
	return fabs(v) < 0x1p30 && v * 1024 == floor(v * 1024);
}

/* Index of value v among the trait's sorted candidates, or -1. */
static int
find(const sp_sweep *s, int t, long v)
{
	int lo = s->cand_off[t], hi = s->cand_off[t + 1] - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (s->cand[mid] == v)
			return mid;
		if (s->cand[mid] < v)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int
cmp_event(const void *a, const void *b)
{
	const sp_event *x = a, *y = b;

	return x->at != y->at ? (x->at > y->at) - (x->at < y->at) :
	    (x->rule > y->rule) - (x->rule < y->rule);
}

/* Adds an event for rule r at the candidate of value v, if there is one. */
static void
add_event(sp_sweep *s, int t, long v, int r, int *nev)
{
	int at = find(s, t, v);

	if (at < 0)
		return;
	if (s->ev != NULL)
		s->ev[*nev] = (sp_event){ at, r };
	(*nev)++;
}

/*
 * Adds trait t's rules and their events, numbering them from *nrules and
 * *nev; only counts them while s->rules and s->ev are NULL.
 */
static void
collect(sp_sweep *s, int t, int *nrules, int *nev)
{
	const sp_matrix *m = s->m;
	const sp_term *term;
	int a, k, i, j, n;

	for (a = s->aff_off[t]; a < s->aff_off[t + 1]; a++) {
		const sp_criterion *cr = &m->criteria[k = s->aff[a]];

		for (i = 0; i < cr->nrules; i++) {
			const sp_cond *c = &cr->rules[i].when;

			if (!sp_cond_tests(c, t))
				continue;
			if (s->rules != NULL)
				s->rules[*nrules] = (sp_rule_ref){ k, i };
			n = sp_cond_terms(c);
			for (j = 0, term = c->terms; j < n; j++, term++) {
				if (term->trait != t)
					continue;
				add_event(s, t, term->min, *nrules -
				    s->rule_off[t], nev);
				if (term->max < m->traits[t].max)
					add_event(s, t, term->max + 1, *nrules -
					    s->rule_off[t], nev);
			}
			(*nrules)++;
		}
	}
}

/* Whether every weight the trait's rules move sums exactly. */
static int
trait_exact(const sp_sweep *s, int t)
{
	int a, i;

	for (a = s->aff_off[t]; a < s->aff_off[t + 1]; a++) {
		const sp_criterion *cr = &s->m->criteria[s->aff[a]];

		if (!exact_value(cr->weight) || cr->nrules > 1024)
			return 0;
		for (i = 0; i < cr->nrules; i++)
			if (!exact_value(cr->rules[i].add))
				return 0;
	}
	return 1;
}

static int
build(sp_sweep *s)
{
	const sp_matrix *m = s->m;
	int t, nrules = 0, nev = 0;

	for (t = 0; t < m->ntraits; t++)
		if (m->traits[t].type == SP_TRAIT_INT)
			collect(s, t, &nrules, &nev);
	s->rules = malloc(((size_t)nrules + 1) * sizeof(*s->rules));
	s->ev = malloc(((size_t)nev + 1) * sizeof(*s->ev));
	s->holds = malloc((size_t)nrules + 1);
	if (s->rules == NULL || s->ev == NULL || s->holds == NULL)
		return 0;
	nrules = nev = 0;
	for (t = 0; t < m->ntraits; t++) {
		s->rule_off[t] = nrules;
		s->ev_off[t] = nev;
		if (m->traits[t].type != SP_TRAIT_INT)
			continue;
		collect(s, t, &nrules, &nev);
		qsort(s->ev + s->ev_off[t], (size_t)(nev - s->ev_off[t]),
		    sizeof(*s->ev), cmp_event);
		s->exact[t] = (char)trait_exact(s, t);
	}
	s->rule_off[m->ntraits] = nrules;
	s->ev_off[m->ntraits] = nev;
	return 1;
}

sp_sweep *
sp_sweep_new(const sp_matrix *m, const long *cand, const int *cand_off,
    const int *aff, const int *aff_off)
{
	sp_sweep *s = calloc(1, sizeof(*s));
	size_t nt = (size_t)m->ntraits;

	if (s == NULL)
		return NULL;
	s->m = m;
	s->cand = cand;
	s->cand_off = cand_off;
	s->aff = aff;
	s->aff_off = aff_off;
	s->rule_off = calloc(nt + 1, sizeof(int));
	s->ev_off = calloc(nt + 1, sizeof(int));
	s->exact = calloc(nt + 1, 1);
	s->raw = malloc(((size_t)m->ncriteria + 1) * sizeof(double));
	if (s->rule_off && s->ev_off && s->exact && s->raw && build(s))
		return s;
	sp_sweep_free(s);
	return NULL;
}

void
sp_sweep_free(sp_sweep *s)
{
	if (s == NULL)
		return;
	free(s->rules);
	free(s->rule_off);
	free(s->ev);
	free(s->ev_off);
	free(s->exact);
	free(s->holds);
	free(s->raw);
	free(s);
}

int
sp_sweep_exact(const sp_sweep *s, int t)
{
	return s->m->traits[t].type == SP_TRAIT_INT && s->exact[t];
}

/* Whether rule r of the trait adds its term for the profile as it is. */
static int
rule_holds(const sp_sweep *s, int r)
{
	const sp_rule_ref *ref = &s->rules[s->rule_off[s->t] + r];
	const sp_cond *c = &s->m->criteria[ref->k].rules[ref->i].when;

	/* As sp_weight_derived(): a rule with no clause adds nothing. */
	return c->nclauses > 0 && sp_cond_holds(c, s->p, s->m);
}

void
sp_sweep_start(sp_sweep *s, int t, sp_profile *p)
{
	const sp_matrix *m = s->m;
	int a, r, n = s->rule_off[t + 1] - s->rule_off[t];

	s->t = t;
	s->p = p;
	s->next = s->ev_off[t];
	p->value[t] = s->cand[s->cand_off[t]];
	for (a = s->aff_off[t]; a < s->aff_off[t + 1]; a++)
		s->raw[s->aff[a]] = sp_weight_raw(&m->criteria[s->aff[a]], p, m);
	for (r = 0; r < n; r++)
		s->holds[s->rule_off[t] + r] = (char)rule_holds(s, r);
}

void
sp_sweep_step(sp_sweep *s, int i, double *w)
{
	const sp_event *e;
	int a, h, k;
	double v;

	s->p->value[s->t] = s->cand[i];
	for (; s->next < s->ev_off[s->t + 1] && s->ev[s->next].at <= i;
	    s->next++) {
		e = &s->ev[s->next];
		h = rule_holds(s, e->rule);
		if (h == s->holds[s->rule_off[s->t] + e->rule])
			continue;
		s->holds[s->rule_off[s->t] + e->rule] = (char)h;
		k = s->rules[s->rule_off[s->t] + e->rule].k;
		v = s->m->criteria[k].rules[s->rules[s->rule_off[s->t] +
		    e->rule].i].add;
		s->raw[k] += h ? v : -v;
	}
	for (a = s->aff_off[s->t]; a < s->aff_off[s->t + 1]; a++) {
		k = s->aff[a];
		w[k] = sp_weight_clamp(s->raw[k]);
	}
}
