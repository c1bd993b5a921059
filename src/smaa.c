/*
 * Rank acceptability and central weights.  A draw costs one weighted sum
 * per option over the criteria (or one full ranking for a method with no
 * linear form) and a count of the options above each; ratings with a
 * range are drawn from a counter-based generator, so the draw of one
 * rating does not depend on which others have ranges.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/units.h"
#include "smaa.h"

#define SP_HALF_DRAWS (SP_DRAWS / 2)

struct sp_smaa {
	int no, nc;
	double *score;        /* per option, this draw */
	double *w;            /* per criterion, this draw */
	double *x;            /* k * no + o: what the method averages */
	int *ranged;          /* k * no + o of the ratings with a range */
	int nranged;
	sp_crit_score *crit;  /* a copy of the result's, for TOPSIS */
	double *rating;       /* k * no + o: the ratings drawn */
	int *first;           /* per option, when the caller keeps none */
};

sp_smaa *
sp_smaa_new(const sp_matrix *m)
{
	sp_smaa *s = calloc(1, sizeof(*s));
	size_t no = (size_t)m->noptions, nc = (size_t)m->ncriteria;

	if (s == NULL)
		return NULL;
	s->no = m->noptions;
	s->nc = m->ncriteria;
	s->score = malloc(no * sizeof(double));
	s->w = malloc(nc * sizeof(double));
	s->x = malloc(no * nc * sizeof(double));
	s->ranged = malloc(no * nc * sizeof(int));
	s->crit = malloc(nc * sizeof(sp_crit_score));
	s->rating = malloc(no * nc * sizeof(double));
	s->first = malloc(no * sizeof(int));
	if (s->score && s->w && s->x && s->ranged && s->crit && s->rating &&
	    s->first)
		return s;
	sp_smaa_free(s);
	return NULL;
}

void
sp_smaa_free(sp_smaa *s)
{
	if (s == NULL)
		return;
	free(s->score);
	free(s->w);
	free(s->x);
	free(s->ranged);
	free(s->crit);
	free(s->rating);
	free(s->first);
	free(s);
}

int
sp_smaa_ranged(const sp_result *r)
{
	const sp_matrix *m = r->matrix;
	int k, o;

	for (k = 0; k < m->ncriteria; k++)
		for (o = 0; r->crit[k].weight > 0 && o < m->noptions; o++)
			if (sp_units_ranged(&m->criteria[k], o))
				return 1;
	return 0;
}

/* A uniform number in [0, 1) for rating (k, o) in draw pair h. */
static double
unit_at(const sp_smaa *s, int h, int k, int o)
{
	uint64_t z = ((uint64_t)h * (uint64_t)s->nc + (uint64_t)k) *
	    (uint64_t)s->no + (uint64_t)o;

	z = SP_RANGE_SEED + (z + 1) * 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (double)(z >> 11) * 0x1.0p-53;
}

/* The lowest and highest value() option o's rating on k can take. */
static void
value_span(const sp_result *r, const sp_method_info *info, int k, int o,
    double *lo, double *hi)
{
	const sp_criterion *cr = &r->matrix->criteria[k];
	double a = sp_units_draw(cr, o, r->crit[k].rating[o], 0);
	double b = sp_units_draw(cr, o, r->crit[k].rating[o], 1);

	a = info->value(r->matrix, a);
	b = info->value(r->matrix, b);
	*lo = fmin(a, b);
	*hi = fmax(a, b);
}

/*
 * Whether option i stays ahead of option j in all but a share below
 * SP_DRAW_SKIP of the draws.  Given the ratings, the lead is normal
 * with mean sum_k w_k D_k and variance sum_k (s_k D_k)^2; over the
 * ranges the mean is at least sum_k w_k min D_k (the weights are not
 * negative) and the variance at most sum_k s_k^2 max D_k^2.
 */
static int
stays_ahead(const sp_result *r, const sp_method_info *info,
    const sp_smaa_run_opts *opt, int i, int j)
{
	double g = 0, var = 0, il, ih, jl, jh, dmin, dmax, sd;
	int k;

	for (k = 0; k < r->matrix->ncriteria; k++) {
		if (opt->ratings) {
			value_span(r, info, k, i, &il, &ih);
			value_span(r, info, k, j, &jl, &jh);
		} else {
			il = ih = info->value(r->matrix, r->crit[k].rating[i]);
			jl = jh = info->value(r->matrix, r->crit[k].rating[j]);
		}
		dmin = il - jh;
		dmax = ih - jl;
		sd = opt->draw != NULL ? opt->sd[k] : 0;
		g += r->crit[k].weight * dmin;
		var += sd * sd * fmax(dmin * dmin, dmax * dmax);
	}
	if (!(g > 0))
		return 0;
	return var == 0 || 0.5 * erfc(g / sqrt(2 * var)) < SP_DRAW_SKIP;
}

/* Whether every neighbour in r's ranking surely keeps its order. */
static int
sure_order(const sp_result *r, const sp_smaa_run_opts *opt)
{
	const sp_method_info *info = sp_method_info_get(r->method);
	int i;

	if (!info->linear || r->ntied > 1)
		return 0;
	for (i = 0; i + 1 < r->matrix->noptions; i++)
		if (!stays_ahead(r, info, opt, r->rank[i], r->rank[i + 1]))
			return 0;
	return 1;
}

/*
 * What the method averages for every rating, and the list of ratings
 * drawn within a range (on criteria that weigh more than 0).
 */
static void
prepare(sp_smaa *s, const sp_result *r, const sp_smaa_run_opts *opt)
{
	const sp_method_info *info = sp_method_info_get(r->method);
	const sp_matrix *m = r->matrix;
	int k, o;

	s->nranged = 0;
	for (k = 0; k < s->nc; k++) {
		s->crit[k] = r->crit[k];
		s->crit[k].rating = s->rating + (size_t)k * (size_t)s->no;
		for (o = 0; o < s->no; o++) {
			s->rating[k * s->no + o] = r->crit[k].rating[o];
			if (info->linear)
				s->x[k * s->no + o] = info->value(m,
				    r->crit[k].rating[o]);
			if (opt->ratings && r->crit[k].weight > 0 &&
			    sp_units_ranged(&m->criteria[k], o))
				s->ranged[s->nranged++] = k * s->no + o;
		}
	}
}

/* Scores every option in draw pair h, mirrored when sign < 0. */
static void
draw_scores(sp_smaa *s, const sp_result *r, const sp_smaa_run_opts *opt,
    int h, int sign)
{
	const sp_method_info *info = sp_method_info_get(r->method);
	const sp_matrix *m = r->matrix;
	sp_result tmp;
	int i, k, o;

	for (k = 0; k < s->nc; k++)
		s->w[k] = r->crit[k].weight + (opt->draw == NULL ? 0 : sign *
		    opt->sd[k] * opt->draw[(size_t)k * SP_HALF_DRAWS + h]);
	for (i = 0; i < s->nranged; i++) {
		double u;

		k = s->ranged[i] / s->no;
		o = s->ranged[i] % s->no;
		u = unit_at(s, h, k, o);
		s->rating[s->ranged[i]] = sp_units_draw(&m->criteria[k], o,
		    r->crit[k].rating[o], sign > 0 ? u : 1 - u);
		if (info->linear)
			s->x[s->ranged[i]] = info->value(m,
			    s->rating[s->ranged[i]]);
	}
	if (!info->linear) {
		tmp = *r;
		tmp.crit = s->crit;
		sp_score_method(s->score, &tmp, s->w, r->method);
		return;
	}
	for (o = 0; o < s->no; o++)
		s->score[o] = 0;
	for (k = 0; k < s->nc; k++)
		for (o = 0; s->w[k] != 0 && o < s->no; o++)
			s->score[o] += s->w[k] * s->x[k * s->no + o];
}

/*
 * Counts one draw: each option takes the rank after those that score
 * more; options that score the same share their ranks evenly.  The
 * option first alone adds the draw's weights to its central weights.
 */
static void
tally(sp_smaa *s, const sp_smaa_run_opts *opt)
{
	int o, j, above, same, i;

	for (o = 0; o < s->no; o++) {
		above = same = 0;
		for (j = 0; j < s->no; j++) {
			above += s->score[j] > s->score[o];
			same += j != o && s->score[j] == s->score[o];
		}
		for (i = above; opt->accept != NULL && i <= above + same; i++)
			opt->accept[o * s->no + i] += 1.0 / (same + 1);
		if (above > 0 || same > 0)
			continue;
		opt->first[o]++;
		for (j = 0; opt->central != NULL && j < s->nc; j++)
			opt->central[o * s->nc + j] += s->w[j];
	}
}

/* Each option keeps its rank in r, in every draw. */
static double
keep_ranks(sp_smaa *s, const sp_result *r, int w, const sp_smaa_run_opts *opt)
{
	int i, k, o;

	for (i = 0; i < s->no; i++) {
		o = r->rank[i];
		if (opt->accept != NULL)
			opt->accept[o * s->no + i] = 1;
		if (i > 0)
			continue;
		opt->first[o] = SP_DRAWS;
		for (k = 0; opt->central != NULL && k < s->nc; k++)
			opt->central[o * s->nc + k] = r->crit[k].weight;
	}
	return w >= 0 ? 1 : 0;
}

double
sp_smaa_run(sp_smaa *s, const sp_result *r, int w,
    const sp_smaa_run_opts *opts)
{
	sp_smaa_run_opts own = *opts, *opt = &own;
	int h, o, k, sign;

	if (opt->first == NULL)
		opt->first = s->first;
	if (opt->accept != NULL)
		memset(opt->accept, 0, (size_t)s->no * (size_t)s->no *
		    sizeof(double));
	if (opt->central != NULL)
		memset(opt->central, 0, (size_t)s->no * (size_t)s->nc *
		    sizeof(double));
	memset(opt->first, 0, (size_t)s->no * sizeof(int));
	if (sure_order(r, opt))
		return keep_ranks(s, r, w, opt);
	prepare(s, r, opt);
	for (h = 0; h < SP_HALF_DRAWS; h++)
		for (sign = 1; sign >= -1; sign -= 2) {
			draw_scores(s, r, opt, h, sign);
			tally(s, opt);
		}
	for (o = 0; opt->accept != NULL && o < s->no * s->no; o++)
		opt->accept[o] /= SP_DRAWS;
	for (o = 0; opt->central != NULL && o < s->no; o++)
		for (k = 0; opt->first[o] > 0 && k < s->nc; k++)
			opt->central[o * s->nc + k] /= opt->first[o];
	return w >= 0 ? (double)opt->first[w] / SP_DRAWS : 0;
}
