/*
 * The screen stage (see stackpick/screen.h): musts screen options out,
 * and a view of the matrix holds the ones that pass.  A view shares every
 * string, trait, rule and piece of evidence with the full matrix; only
 * the options, the ratings, the advice tied to an option and the team
 * section are copied, in the view's order.
 */
#include <stdlib.h>
#include <string.h>

#include "stackpick/screen.h"

/* A matrix with some of its options, and the profile that goes with it. */
struct view {
	sp_matrix m;
	sp_profile p;
	int *keep;            /* view option -> full option */
	int *pos;             /* full option -> view option, or -1 */
	sp_option *opts;
	sp_criterion *crit;
	double *ratings;      /* criterion k's are [k * no, (k + 1) * no) */
	const char **why;
	sp_advice *advice;    /* checklist, pitfalls and tools, in turn */
};

struct sp_screen_priv {
	struct view main;     /* what is scored */
	struct view relaxed;  /* what would be, with a must relaxed */
	sp_result *res;       /* scores the relaxed view */
	unsigned char *in;    /* per full option: in the view being built */
	int *fails;           /* option o's failed musts: o * SP_SCREEN_MUSTS */
	int *nfails;
	int *back;            /* every relax's options, one after another */
	const sp_profile *user; /* the profile screened, full matrix */
};

static void
view_free(struct view *v)
{
	free(v->keep);
	free(v->pos);
	free(v->opts);
	free(v->crit);
	free(v->ratings);
	free(v->why);
	free(v->advice);
}

static int
view_alloc(struct view *v, const sp_matrix *m)
{
	size_t no = (size_t)m->noptions, nc = (size_t)m->ncriteria;
	size_t na = (size_t)m->nchecklist + (size_t)m->npitfalls +
	    (size_t)m->ntools;

	v->keep = calloc(no, sizeof(int));
	v->pos = calloc(no, sizeof(int));
	v->opts = calloc(no, sizeof(sp_option));
	v->crit = calloc(nc, sizeof(sp_criterion));
	v->ratings = calloc(nc * no, sizeof(double));
	v->why = calloc(nc * no, sizeof(char *));
	v->advice = calloc(na + 1, sizeof(sp_advice));
	return v->keep && v->pos && v->opts && v->crit && v->ratings &&
	    v->why && v->advice;
}

/*
 * Copies the advice of a[0..n) that concerns any option, or one in the
 * view, to out with its option renumbered; returns how many.
 */
static int
view_advice(sp_advice *out, const sp_advice *a, int n, const int *pos)
{
	int i, kept = 0;

	for (i = 0; i < n; i++) {
		if (a[i].option >= 0 && pos[a[i].option] < 0)
			continue;
		out[kept] = a[i];
		if (a[i].option >= 0)
			out[kept].option = pos[a[i].option];
		kept++;
	}
	return kept;
}

/* Fills v with the options of full that in[] marks, and p's answers. */
static void
view_fill(struct view *v, const sp_matrix *full, const sp_profile *p,
    const unsigned char *in)
{
	int no = full->noptions, n = 0, k, i;
	sp_advice *a = v->advice;

	for (i = 0; i < no; i++) {
		v->pos[i] = in[i] ? n : -1;
		if (in[i]) {
			v->keep[n] = i;
			v->opts[n++] = full->options[i];
		}
	}
	v->m = *full;
	v->m.options = v->opts;
	v->m.noptions = n;
	v->m.criteria = v->crit;
	v->m.musts = NULL;
	v->m.nmusts = 0;
	for (k = 0; k < full->ncriteria; k++) {
		v->crit[k] = full->criteria[k];
		v->crit[k].ratings = v->ratings + (size_t)k * no;
		v->crit[k].why = v->why + (size_t)k * no;
		for (i = 0; i < n; i++) {
			v->crit[k].ratings[i] = full->criteria[k].ratings[
			    v->keep[i]];
			v->crit[k].why[i] = full->criteria[k].why[v->keep[i]];
		}
	}
	v->m.checklist = a;
	a += v->m.nchecklist = view_advice(a, full->checklist,
	    full->nchecklist, v->pos);
	v->m.pitfalls = a;
	a += v->m.npitfalls = view_advice(a, full->pitfalls, full->npitfalls,
	    v->pos);
	v->m.tools = a;
	v->m.ntools = view_advice(a, full->tools, full->ntools, v->pos);
	v->p = *p;
	for (i = 0; i < SP_MAX_OPTIONS; i++)
		v->p.team[i] = i < n ? p->team[v->keep[i]] : -1;
}

void
sp_screen_free(sp_screen *s)
{
	struct sp_screen_priv *p;

	if (s == NULL)
		return;
	if ((p = s->priv) != NULL) {
		view_free(&p->main);
		view_free(&p->relaxed);
		sp_result_free(p->res);
		free(p->in);
		free(p->fails);
		free(p->nfails);
		free(p->back);
		free(p);
	}
	free(s->out);
	free(s->relax);
	free(s);
}

sp_status
sp_screen_new(sp_screen **out, const sp_matrix *m, sp_error *err)
{
	sp_screen *s = calloc(1, sizeof(*s));
	struct sp_screen_priv *p;
	size_t no = (size_t)m->noptions;
	sp_profile def;
	int ok;

	*out = NULL;
	if (s == NULL || (s->priv = p = calloc(1, sizeof(*p))) == NULL)
		goto nomem;
	s->full = m;
	s->out = calloc(no, sizeof(sp_screened));
	s->relax = calloc(SP_SCREEN_MUSTS, sizeof(sp_relax));
	p->in = malloc(no);
	p->fails = calloc(no * SP_SCREEN_MUSTS, sizeof(int));
	p->nfails = calloc(no, sizeof(int));
	p->back = calloc(no, sizeof(int));
	ok = s->out && s->relax && p->in && p->fails && p->nfails && p->back;
	if (!ok || !view_alloc(&p->main, m) || !view_alloc(&p->relaxed, m))
		goto nomem;
	memset(p->in, 1, no);
	sp_profile_defaults(&def, m);
	view_fill(&p->main, m, &def, p->in);
	view_fill(&p->relaxed, m, &def, p->in);
	if (sp_result_new(&p->res, &p->relaxed.m, err) != SP_OK) {
		sp_screen_free(s);
		return SP_ENOMEM;
	}
	s->view = &p->main.m;
	s->profile = &p->main.p;
	s->keep = p->main.keep;
	*out = s;
	return SP_OK;
nomem:
	sp_screen_free(s);
	return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
}

const sp_matrix *
sp_screen_view(const sp_screen *s)
{
	return &s->priv->main.m;
}

/* The musts that apply to p: all of its own, the matrix's that hold. */
static void
collect_musts(sp_screen *s, const sp_profile *p)
{
	const sp_matrix *m = s->full;
	sp_screen_must *mu;
	int i;

	s->nmusts = 0;
	for (i = 0; i < p->nmusts; i++) {
		mu = &s->musts[s->nmusts++];
		mu->from = SP_MUST_FROM_PROFILE;
		mu->index = i;
		mu->kind = p->must[i].kind;
		mu->target = p->must[i].target;
		mu->min = p->must[i].min;
		mu->why = p->must[i].why[0] ? p->must[i].why : NULL;
	}
	for (i = 0; i < m->nmusts; i++) {
		if (!sp_cond_holds(&m->musts[i].when, p, m))
			continue;
		mu = &s->musts[s->nmusts++];
		mu->from = SP_MUST_FROM_MATRIX;
		mu->index = i;
		mu->kind = SP_MUST_EXCLUDE;
		mu->target = m->musts[i].option;
		mu->min = 0;
		mu->why = m->musts[i].why;
	}
}

/* Whether full option o fails must mu. */
static int
fails(const sp_screen_must *mu, const sp_matrix *m, int o)
{
	switch (mu->kind) {
	case SP_MUST_MIN:
		return m->criteria[mu->target].ratings[o] < mu->min - 1e-9;
	case SP_MUST_EXCLUDE:
		return o == mu->target;
	case SP_MUST_REQUIRE:
		return o != mu->target;
	}
	return 0;
}

void
sp_screen_apply(sp_screen *s, const sp_profile *p)
{
	struct sp_screen_priv *pr = s->priv;
	const sp_matrix *m = s->full;
	int o, j;

	pr->user = p;
	collect_musts(s, p);
	s->nout = s->nrelax = 0;
	for (j = 0; j < s->nmusts; j++)
		s->musts[j].nout = 0;
	for (o = 0; o < m->noptions; o++) {
		int *f = pr->fails + (size_t)o * SP_SCREEN_MUSTS;

		pr->nfails[o] = 0;
		for (j = 0; j < s->nmusts; j++) {
			if (!fails(&s->musts[j], m, o))
				continue;
			f[pr->nfails[o]++] = j;
			s->musts[j].nout++;
		}
		pr->in[o] = pr->nfails[o] == 0;
		if (pr->nfails[o] > 0) {
			s->out[s->nout].option = o;
			s->out[s->nout].fails = f;
			s->out[s->nout++].nfails = pr->nfails[o];
		}
	}
	view_fill(&pr->main, m, p, pr->in);
	s->profile = &pr->main.p;
}

int
sp_screen_passed(const sp_screen *s, int o)
{
	return s->priv->nfails[o] == 0;
}

/* Scores the relaxed view for r, which brings back r->back. */
static void
relax_score(sp_screen *s, sp_relax *r, sp_method method)
{
	struct sp_screen_priv *pr = s->priv;
	struct view *v = &pr->relaxed;
	int o;

	for (o = 0; o < s->full->noptions; o++)
		pr->in[o] = pr->nfails[o] == 0;
	for (o = 0; o < r->nback; o++)
		pr->in[r->back[o]] = 1;
	view_fill(v, s->full, pr->user, pr->in);
	r->scored = v->m.noptions >= 2;
	r->winner = v->keep[0];
	if (r->scored) {
		pr->res->method = method;
		if (sp_score(pr->res, &v->m, &v->p, NULL) != SP_OK)
			r->winner = -1;
		else
			r->winner = pr->res->ntied > 1 ? -1 :
			    v->keep[pr->res->rank[0]];
	}
	r->wins = r->winner >= 0 && pr->nfails[r->winner] > 0;
}

void
sp_screen_relax(sp_screen *s, sp_method method)
{
	struct sp_screen_priv *pr = s->priv;
	int j, i, used = 0;

	s->nrelax = 0;
	for (j = 0; j < s->nmusts; j++) {
		sp_relax *r = &s->relax[s->nrelax];

		r->must = j;
		r->back = pr->back + used;
		r->nback = 0;
		for (i = 0; i < s->nout; i++)
			if (s->out[i].nfails == 1 && s->out[i].fails[0] == j)
				pr->back[used + r->nback++] = s->out[i].option;
		if (r->nback == 0)
			continue;
		used += r->nback;
		relax_score(s, r, method);
		s->nrelax++;
	}
}
