/*
 * The analysis stage: flip points, trait flips, confidence, the methods
 * cross-check, the label and the hybrid split.  Nothing here prints.
 *
 * It has to stay cheap, since it runs for every profile by default: the
 * confidence draws are generated once per matrix, the per-rival rating
 * differences once per profile, and a draw is then one dot product per
 * rival that can lose its lead at all.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/analysis.h"
#include "stackpick/units.h"
#include "draws.h"
#include "simd.h"
#include "smaa.h"
#include "sweep.h"


/* Draws made: each also counts in its mirror image. */
#define SP_HALF (SP_DRAWS / 2)

struct sp_analysis_priv {
	double *sd;            /* per criterion: its weight's deviation */
	float *acc;            /* per draw: the winner's lead over a rival */
	float *low;            /* per draw: its smallest lead over any */
	float *mir;            /* the same for the mirrored draws */
	long *cand;            /* trait values worth trying, all traits */
	int *cand_off;         /* trait t's are cand[cand_off[t]..[t+1]) */
	int *aff;              /* criteria whose rules test a trait */
	int *aff_off;          /* trait t's are aff[aff_off[t]..[t+1]) */
	double *x;             /* what the method compares: k*O + o */
	double *lead;          /* per rival: sum of w_k (x_Wk - x_ok) */
	double *w;             /* weights being tried */
	double *scores;        /* per option */
	double *sums;          /* per option: sum of w_k x_ok */
	sp_profile prof;       /* the profile with one answer changed */
	sp_sweep *sweep;       /* weights along an integer trait's values */
};

const char *
sp_label_name(sp_label label)
{
	static const char *const names[] = { "clear", "leaning",
	    "close call" };

	return names[label];
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Visits every term t of every rule of criterion cr. */
#define FOR_TERMS(cr, i, j, t)                                                 \
	for (i = 0; i < (cr)->nrules; i++)                                     \
		for (j = 0, t = (cr)->rules[i].when.terms; j <                 \
		    sp_cond_terms(&(cr)->rules[i].when); j++, t++)

/*
 * The values of trait t worth re-scoring: every value of an enum or
 * boolean, and for an integer the values on either side of each bound a
 * rule tests (nothing changes between them).  Returns how many were
 * written to out (NULL to count only).
 */
static int
candidates(long *out, const sp_matrix *m, int t)
{
	const sp_trait *tr = &m->traits[t];
	const sp_term *term;
	long v[4];
	int n = 0, k, i, j, e;

	if (tr->type != SP_TRAIT_INT) {
		n = tr->type == SP_TRAIT_BOOL ? 2 : tr->nvalues;
		for (i = 0; out != NULL && i < n; i++)
			out[i] = i;
		return n;
	}
	for (k = 0; k < m->ncriteria; k++) {
		FOR_TERMS(&m->criteria[k], i, j, term) {
			if (term->trait != t)
				continue;
			v[0] = term->min - 1;
			v[1] = term->min;
			v[2] = term->max;
			v[3] = term->max + 1;
			for (e = 0; e < 4; e++) {
				if (v[e] < tr->min || v[e] > tr->max)
					continue;
				if (out != NULL)
					out[n] = v[e];
				n++;
			}
		}
	}
	if (out == NULL || n == 0)
		return n;
	qsort(out, (size_t)n, sizeof(long), cmp_long);
	for (i = 1, j = 1; i < n; i++)
		if (out[i] != out[j - 1])
			out[j++] = out[i];
	return j;
}

static int
tests_trait(const sp_criterion *cr, int t)
{
	int i;

	for (i = 0; i < cr->nrules; i++)
		if (sp_cond_tests(&cr->rules[i].when, t))
			return 1;
	return 0;
}

void
sp_analysis_free(sp_analysis *a)
{
	struct sp_analysis_priv *p;
	int i;

	if (a == NULL)
		return;
	p = a->priv;
	if (p != NULL) {
		sp_sweep_free(p->sweep);
		free(p->sd);
		free(p->acc);
		free(p->low);
		free(p->mir);
		free(p->cand);
		free(p->cand_off);
		free(p->aff);
		free(p->aff_off);
		free(p->x);
		free(p->lead);
		free(p->w);
		free(p->scores);
		free(p->sums);
		free(p);
	}
	for (i = 0; i < 2; i++) {
		free(a->split[i].criteria);
		free(a->split[i].components);
	}
	free(a->flips);
	free(a->trait_flips);
	free(a->accept);
	free(a->central);
	free(a->first);
	free(a->value_flips);
	sp_smaa_free(a->smaa);
	free(a);
}

sp_status
sp_analysis_new(sp_analysis **out, const sp_matrix *m, sp_error *err)
{
	sp_analysis *a;
	struct sp_analysis_priv *p;
	size_t no = (size_t)m->noptions, nc = (size_t)m->ncriteria;
	int t, k, ncand = 0, naff = 0, ok;

	*out = NULL;
	a = calloc(1, sizeof(*a));
	if (a == NULL)
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	a->matrix = m;
	a->priv = p = calloc(1, sizeof(*p));
	if (p == NULL)
		goto nomem;
	for (t = 0; t < m->ntraits; t++) {
		ncand += candidates(NULL, m, t);
		for (k = 0; k < m->ncriteria; k++)
			naff += tests_trait(&m->criteria[k], t);
	}
	p->sd = malloc(nc * sizeof(double));
	p->acc = malloc(SP_HALF * sizeof(float));
	p->low = malloc(SP_HALF * sizeof(float));
	p->mir = malloc(SP_HALF * sizeof(float));
	p->cand = malloc(((size_t)ncand + 1) * sizeof(long));
	p->cand_off = calloc((size_t)m->ntraits + 1, sizeof(int));
	p->aff = malloc(((size_t)naff + 1) * sizeof(int));
	p->aff_off = calloc((size_t)m->ntraits + 1, sizeof(int));
	p->x = malloc(no * nc * sizeof(double));
	p->lead = malloc(no * sizeof(double));
	p->w = malloc(nc * sizeof(double));
	p->scores = malloc(no * sizeof(double));
	p->sums = malloc(no * sizeof(double));
	a->flips = calloc(nc, sizeof(sp_flip));
	a->trait_flips = calloc((size_t)ncand + 1, sizeof(sp_trait_flip));
	a->accept = malloc(no * no * sizeof(double));
	a->central = malloc(no * nc * sizeof(double));
	a->first = malloc(no * sizeof(int));
	a->value_flips = calloc(2 * nc, sizeof(sp_value_flip));
	a->smaa = sp_smaa_new(m);
	ok = p->sd && p->acc && p->low && p->mir && p->cand && p->cand_off &&
	    p->aff && p->aff_off && p->x && p->lead && p->w && p->scores &&
	    p->sums && a->flips && a->trait_flips && a->accept &&
	    a->central && a->first && a->value_flips && a->smaa;
	for (t = 0; ok && t < 2; t++) {
		a->split[t].criteria = calloc(nc, sizeof(int));
		a->split[t].components = calloc(nc, sizeof(char *));
		ok = a->split[t].criteria && a->split[t].components;
	}
	if (!ok)
		goto nomem;
	ncand = naff = 0;
	for (t = 0; t < m->ntraits; t++) {
		p->cand_off[t] = ncand;
		ncand += candidates(p->cand + ncand, m, t);
		p->aff_off[t] = naff;
		for (k = 0; k < m->ncriteria; k++)
			if (tests_trait(&m->criteria[k], t))
				p->aff[naff++] = k;
	}
	p->cand_off[m->ntraits] = ncand;
	p->aff_off[m->ntraits] = naff;
	if ((p->sweep = sp_sweep_new(m, p->cand, p->cand_off, p->aff,
	    p->aff_off)) == NULL)
		goto nomem;
	*out = a;
	return SP_OK;
nomem:
	sp_analysis_free(a);
	return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
}

/*
 * What a linear method averages for every rating (the rating, or its
 * logarithm for the weighted product), from the method's own row.
 */
static void
fill_x(struct sp_analysis_priv *p, const sp_result *r, sp_method method)
{
	const sp_method_info *info = sp_method_info_get(method);
	const sp_matrix *m = r->matrix;
	int k, o, no = m->noptions;

	for (k = 0; k < m->ncriteria; k++)
		for (o = 0; o < no; o++)
			p->x[k * no + o] = info->value(m, r->crit[k].rating[o]);
}

/*
 * The unfired rule of criterion k that moves its weight furthest up (or
 * down), or -1.
 */
static int
moving_rule(const sp_result *r, int k, int up)
{
	const sp_criterion *cr = &r->matrix->criteria[k];
	int i, best = -1;

	for (i = 0; i < cr->nrules; i++) {
		double add = up ? cr->rules[i].add : -cr->rules[i].add;

		if (add > 0 && !sp_cond_holds(&cr->rules[i].when, r->profile,
		    r->matrix) && (best < 0 || add > (up ? cr->rules[best].add :
		    -cr->rules[best].add)))
			best = i;
	}
	return best;
}

static int
cmp_flip(const sp_flip *a, const sp_flip *b)
{
	double da = fabs(a->flip_weight - a->weight);
	double db = fabs(b->flip_weight - b->weight);

	if (a->relative_change != b->relative_change)
		return a->relative_change < b->relative_change ? -1 : 1;
	if (da != db)
		return da < db ? -1 : 1;
	return a->criterion - b->criterion;
}

/*
 * Whether the winner loses its place (to a tie or to another option) when
 * criterion k weighs w and every other weight stays: the flip point
 * checked by scoring again, so that no flip rounding made is reported.
 */
static int
flip_confirmed(sp_analysis *a, const sp_result *r, int k, double w)
{
	struct sp_analysis_priv *p = a->priv;
	int j, win;

	for (j = 0; j < r->matrix->ncriteria; j++)
		p->w[j] = r->crit[j].weight;
	p->w[k] = w;
	win = sp_score_winner(r, p->w, r->method, p->scores);
	p->w[k] = r->crit[k].weight;
	return win != a->winner;
}

/*
 * Flip weight f of criterion k (now at w, with rest the weight of the
 * others) kept on the range 0..10: a value that rounding put a hair
 * outside it, or a hair off one of its ends, is taken to be at that end.
 * Returns 0 when f lies outside the range, or when every weight would be
 * 0 there.
 */
static int
in_range(double *f, double w, double rest, double g, double d)
{
	double eps = SP_FLIP_EPS * (SP_WEIGHT_MAX + fabs(w) + fabs(g / d));

	if (!(*f >= SP_WEIGHT_MIN - eps && *f <= SP_WEIGHT_MAX + eps))
		return 0;
	if (fabs(*f - SP_WEIGHT_MIN) <= eps)
		*f = SP_WEIGHT_MIN;
	else if (fabs(*f - SP_WEIGHT_MAX) <= eps)
		*f = SP_WEIGHT_MAX;
	return rest + *f > SP_FLIP_EPS * (rest + w);
}

/*
 * Flip points, closed form.  With x what the method averages (the ratings
 * for the weighted sum, their logarithms for the weighted product), the
 * winner W leads option o exactly when G_o = sum_j w_j (x_Wj - x_oj) > 0:
 * dividing by the total weight, or taking the exponential, never changes
 * a sign.  Moving w_k by d moves G_o by d (x_Wk - x_ok), so o draws level
 * at w_k - G_o / (x_Wk - x_ok).  For each criterion the nearest such
 * weight inside 0..10, over every rival, is where the recommendation
 * changes; at 0 or 10 the rival only draws level.
 */
static void
find_flips(sp_analysis *a, const sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int no = m->noptions, k, o, i, j, win = a->winner;

	a->nflips = 0;
	for (o = 0; o < no; o++) {
		p->lead[o] = 0;
		for (k = 0; k < m->ncriteria; k++)
			p->lead[o] += r->crit[k].weight * (p->x[k * no + win] -
			    p->x[k * no + o]);
	}
	for (k = 0; k < m->ncriteria; k++) {
		double w = r->crit[k].weight, best = HUGE_VAL, flip = 0;
		double rest = r->total_weight - w;
		int rival = -1;

		for (o = 0; o < no; o++) {
			double d = p->x[k * no + win] - p->x[k * no + o], f;

			if (o == win || d == 0)
				continue;
			f = w - p->lead[o] / d;
			if (!in_range(&f, w, rest, p->lead[o], d))
				continue;
			if (fabs(f - w) < best) {
				best = fabs(f - w);
				flip = f;
				rival = o;
			}
		}
		if (rival < 0 || !flip_confirmed(a, r, k, flip))
			continue;
		{
			sp_flip *fl = &a->flips[a->nflips++];

			fl->criterion = k;
			fl->option = rival;
			fl->weight = w;
			fl->flip_weight = flip;
			fl->relative_change = w > 0 ? best / w : HUGE_VAL;
			fl->rule = moving_rule(r, k, flip > w);
			fl->at_edge = flip == SP_WEIGHT_MIN ||
			    flip == SP_WEIGHT_MAX;
		}
	}
	/* Insertion sort: at most 256 entries. */
	for (i = 1; i < a->nflips; i++) {
		sp_flip x = a->flips[i];

		for (j = i; j > 0 && cmp_flip(&x, &a->flips[j - 1]) < 0; j--)
			a->flips[j] = a->flips[j - 1];
		a->flips[j] = x;
	}
}

/*
 * The winner with the weights of p->w for the criteria whose rules test
 * trait t (the others as r has them).  The weighted sum and product
 * update the sums sum_k w_k x_ok by what those weights moved; TOPSIS
 * ranks again in full.  Returns the new winner, -1 for a tie, or -2 when
 * every weight would be zero.
 */
static int
score_trait(sp_analysis *a, const sp_result *r, int t)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	const sp_method_info *info = sp_method_info_get(r->method);
	int no = m->noptions, i, k, o, linear = info->linear;
	double total = r->total_weight, dw;

	for (o = 0; o < no; o++)
		p->scores[o] = p->sums[o];
	for (i = p->aff_off[t]; i < p->aff_off[t + 1]; i++) {
		k = p->aff[i];
		if (r->profile->override[k] != SP_OVERRIDE_NONE) {
			p->w[k] = r->crit[k].weight;
			continue;
		}
		dw = p->w[k] - r->crit[k].weight;
		total += dw;
		for (o = 0; dw != 0 && linear && o < no; o++)
			p->scores[o] += dw * p->x[k * no + o];
	}
	if (!(total > 1e-12))
		return -2;
	if (!linear)
		return sp_score_winner(r, p->w, r->method, p->scores);
	for (o = 0; o < no; o++)
		p->scores[o] = info->unvalue(m, p->scores[o] / total);
	return sp_score_top(p->scores, m, r->method);
}

/*
 * Re-scores the profile with trait t set to v, deriving again only the
 * weights of criteria whose rules test t (and that no override fixes:
 * score_trait() keeps those).  The caller sets t back.
 */
static int
rescore_trait(sp_analysis *a, const sp_result *r, int t, long v)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int i, k;

	p->prof.value[t] = v;
	for (i = p->aff_off[t]; i < p->aff_off[t + 1]; i++) {
		k = p->aff[i];
		if (r->profile->override[k] == SP_OVERRIDE_NONE)
			p->w[k] = sp_weight_derived(&m->criteria[k], &p->prof,
			    m);
	}
	return score_trait(a, r, t);
}

static void
add_trait_flip(sp_analysis *a, const sp_result *r, int t, long v, int win)
{
	sp_trait_flip *f = &a->trait_flips[a->ntrait_flips++];

	f->trait = t;
	f->from = r->profile->value[t];
	f->to = v;
	f->option = win;
}

/*
 * Every single-answer change that changes the recommendation.  For an
 * integer trait only the nearest such value on each side is kept.
 */
static void
find_trait_flips(sp_analysis *a, const sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int t, i, k, o, win, sweep;

	a->ntrait_flips = 0;
	memcpy(&p->prof, r->profile, sizeof(p->prof));
	for (o = 0; o < m->noptions; o++)
		p->sums[o] = 0;
	for (k = 0; k < m->ncriteria; k++) {
		p->w[k] = r->crit[k].weight;
		for (o = 0; sp_method_info_get(r->method)->linear &&
		    o < m->noptions; o++)
			p->sums[o] += p->w[k] * p->x[k * m->noptions + o];
	}
	for (t = 0; t < m->ntraits; t++) {
		long now = r->profile->value[t];
		int below = -1, above = -1, wb = 0, wa = 0;

		if (p->aff_off[t] == p->aff_off[t + 1])
			continue;
		sweep = sp_sweep_exact(p->sweep, t);
		if (sweep)
			sp_sweep_start(p->sweep, t, &p->prof);
		for (i = p->cand_off[t]; i < p->cand_off[t + 1]; i++) {
			long v = p->cand[i];

			if (sweep)
				sp_sweep_step(p->sweep, i, p->w);
			if (v == now)
				continue;
			win = sweep ? score_trait(a, r, t) :
			    rescore_trait(a, r, t, v);
			if (win == -2 || win == a->winner)
				continue;
			if (m->traits[t].type != SP_TRAIT_INT)
				add_trait_flip(a, r, t, v, win);
			else if (v < now) {
				below = i;
				wb = win;
			} else if (above < 0) {
				above = i;
				wa = win;
			}
		}
		p->prof.value[t] = now;
		for (i = p->aff_off[t]; i < p->aff_off[t + 1]; i++)
			p->w[p->aff[i]] = r->crit[p->aff[i]].weight;
		if (below >= 0)
			add_trait_flip(a, r, t, p->cand[below], wb);
		if (above >= 0)
			add_trait_flip(a, r, t, p->cand[above], wa);
	}
}

/*
 * Folds one rival's leads into each draw's smallest lead so far, low[],
 * and into mir[] those of the mirrored draws: factor 2 - f in place of f
 * turns a lead L into 2 * mean - L.
 */
SP_CLONES static void
keep_lowest(float *restrict low, float *restrict mir,
    const float *restrict acc, float twice_mean, int first)
{
	int d;

	if (first) {
		for (d = 0; d < SP_HALF; d++) {
			low[d] = acc[d];
			mir[d] = twice_mean - acc[d];
		}
		return;
	}
	for (d = 0; d < SP_HALF; d++) {
		float l = acc[d], m = twice_mean - acc[d];

		low[d] = l < low[d] ? l : low[d];
		mir[d] = m < mir[d] ? m : mir[d];
	}
}

/*
 * The standard normal deviates of criterion k in draw d are draw[k * SP_HALF
 * + d] (see draws.h), compiled in for as many criteria as a matrix may
 * have.
 */
_Static_assert(SP_DRAWS_BUILT >= SP_MAX_CRITERIA,
    "the compiled-in draws cover every criterion a matrix may have");
static const float *const draw = sp_draws_built;

/* Whether criterion k rates every option alike, for this profile. */
static int
rates_alike(const sp_result *r, int k)
{
	const double *rating = r->crit[k].rating;
	int o;

	for (o = 1; o < r->matrix->noptions; o++)
		if (rating[o] != rating[0])
			return 0;
	return 1;
}

/*
 * The weight of the criteria that tell the options apart, and how far a
 * draw moves each weight: a criterion k that rates every option alike, or
 * weighs 0, stays; any other moves by SP_DRAW_SD * sqrt(w_k * W_d) times
 * a standard normal deviate, W_d the weight of all those that move.  The
 * variance is proportional to the weight, so a criterion split into
 * copies moves exactly as the whole one did.
 */
static double
draw_deviations(sp_analysis *a, const sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	double wd = 0, w;
	int k;

	for (k = 0; k < m->ncriteria; k++)
		if (r->crit[k].weight > 0 && !rates_alike(r, k))
			wd += r->crit[k].weight;
	for (k = 0; k < m->ncriteria; k++) {
		w = r->crit[k].weight;
		p->sd[k] = w > 0 && !rates_alike(r, k) ? SP_DRAW_SD *
		    sqrt(w * wd) : 0;
	}
	return wd;
}

/*
 * Confidence for the weighted sum and weighted product: draw d keeps the
 * winner ahead of rival o when
 *
 *   sum_k (w_k + s_k z_dk) D_k = G + sum_k s_k D_k z_dk > 0,
 *
 * D_k = x_Wk - x_ok and s_k the deviation of weight k.  That lead is
 * normal with mean G and variance sum_k (s_k D_k)^2, so a rival whose
 * chance of passing in one draw is below SP_DRAW_SKIP is skipped, and a
 * clear result costs no draws at all.  The draws come in antithetic
 * pairs (z and -z), so half of them cost one subtraction each.
 */
static double
confidence_linear(sp_analysis *a, const sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int no = m->noptions, k, o, d, kept = 0, risky = 0;
	float *acc = p->acc;

	for (o = 0; o < no; o++) {
		double g = 0, var = 0, c;

		if (o == a->winner)
			continue;
		for (k = 0; k < m->ncriteria; k++) {
			c = p->x[k * no + a->winner] - p->x[k * no + o];
			g += r->crit[k].weight * c;
			var += p->sd[k] * c * p->sd[k] * c;
		}
		if (var == 0 || 0.5 * erfc(g / sqrt(2 * var)) < SP_DRAW_SKIP)
			continue;
		for (d = 0; d < SP_HALF; d++)
			acc[d] = (float)g;
		for (k = 0; k < m->ncriteria; k++) {
			float fc = (float)(p->sd[k] * (p->x[k * no +
			    a->winner] - p->x[k * no + o]));

			if (fc != 0)
				sp_add_scaled(acc, draw + (size_t)k * SP_HALF,
				    fc, SP_HALF);
		}
		keep_lowest(p->low, p->mir, acc, 2 * (float)g, risky++ == 0);
	}
	if (risky == 0)
		return 1;
	for (d = 0; d < SP_HALF; d++)
		kept += (p->low[d] > 0) + (p->mir[d] > 0);
	return (double)kept / SP_DRAWS;
}

/*
 * Confidence for a method with no linear form (TOPSIS): every draw moves
 * the weights as above and ranks again in full.
 */
static double
confidence_general(sp_analysis *a, const sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int k, d, sign, kept = 0;

	for (d = 0; d < SP_HALF; d++) {
		for (sign = 1; sign >= -1; sign -= 2) {
			double total = 0;

			for (k = 0; k < m->ncriteria; k++) {
				p->w[k] = r->crit[k].weight + sign * p->sd[k] *
				    draw[(size_t)k * SP_HALF + d];
				total += p->w[k];
			}
			kept += total > 0 && sp_score_winner(r, p->w,
			    r->method, p->scores) == a->winner;
		}
	}
	return (double)kept / SP_DRAWS;
}

/*
 * The heavy needs with a component that option o wins clearly against
 * option v, into s; returns their share of the total weight.
 */
static double
clear_wins(sp_split *s, const sp_result *r, int o, int v)
{
	const sp_matrix *m = r->matrix;
	double gap = SP_HYBRID_GAP * (m->scale_max - m->scale_min), w = 0;
	int k, i;

	s->option = o;
	s->ncriteria = s->ncomponents = 0;
	for (k = 0; k < m->ncriteria; k++) {
		const char *comp = m->criteria[k].component;

		if (comp == NULL || r->crit[k].weight < SP_HYBRID_NEED ||
		    r->crit[k].rating[o] - r->crit[k].rating[v] < gap - 1e-9)
			continue;
		w += r->crit[k].weight;
		s->criteria[s->ncriteria++] = k;
		for (i = 0; i < s->ncomponents; i++)
			if (strcmp(s->components[i], comp) == 0)
				break;
		if (i == s->ncomponents)
			s->components[s->ncomponents++] = comp;
	}
	return w / r->total_weight;
}

/*
 * Hybrid: the rival that clearly wins most weight in named components,
 * when both it and the winner clearly win at least SP_HYBRID_SHARE.
 */
static void
find_hybrid(sp_analysis *a, const sp_result *r)
{
	int o, best = -1;
	double share, most = -1;

	a->hybrid = 0;
	a->share[0] = a->share[1] = 0;
	for (o = 0; o < r->matrix->noptions; o++) {
		if (o == a->winner)
			continue;
		share = clear_wins(&a->split[1], r, o, a->winner);
		if (share > most) {
			most = share;
			best = o;
		}
	}
	a->share[1] = clear_wins(&a->split[1], r, best, a->winner);
	a->share[0] = clear_wins(&a->split[0], r, a->winner, best);
	a->hybrid = a->share[0] >= SP_HYBRID_SHARE - 1e-9 &&
	    a->share[1] >= SP_HYBRID_SHARE - 1e-9;
}

/*
 * The ranking method's margin between the winner and the best other
 * option when every criterion that rates all options alike weighs 0:
 * such a criterion cannot change the order, only dilute the scores.
 */
static double
decisive_margin(sp_analysis *a, const sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	double next = -HUGE_VAL;
	int k, o;

	for (k = 0; k < m->ncriteria; k++)
		p->w[k] = rates_alike(r, k) ? 0 : r->crit[k].weight;
	sp_score_method(p->scores, r, p->w, r->method);
	for (o = 0; o < m->noptions; o++)
		if (o != a->winner && p->scores[o] > next)
			next = p->scores[o];
	return p->scores[a->winner] - next;
}

/*
 * Close call: a tie, or a linear method (weighted sum or product) that
 * picks another option.  Clear: confidence and the decisive margin both
 * high, and TOPSIS agreeing too.  TOPSIS alone disagreeing caps the label
 * at leaning: it can reverse ranks when an option is added that wins
 * nothing, so it is a warning, not a verdict.
 */
static sp_label
pick_label(const sp_analysis *a, const sp_result *r)
{
	double margin = a->margin_decisive / sp_method_span(r->matrix,
	    r->method);

	if (a->winner < 0 || !a->linear_agree)
		return SP_LABEL_CLOSE;
	if (a->confidence >= SP_CLEAR_CONFIDENCE && margin >= SP_CLEAR_MARGIN &&
	    a->methods_agree)
		return SP_LABEL_CLEAR;
	if (a->confidence >= SP_LEANING_CONFIDENCE)
		return SP_LABEL_LEANING;
	return SP_LABEL_CLOSE;
}

/*
 * Whether the winner loses its place when option o's rating on criterion
 * k is rating: a value flip checked by scoring again.
 */
static int
value_flip_confirmed(sp_analysis *a, sp_result *r, int k, int o,
    double rating)
{
	double keep = r->crit[k].rating[o];
	int win;

	r->crit[k].rating[o] = rating;
	win = sp_score_winner(r, NULL, r->method, a->priv->scores);
	r->crit[k].rating[o] = keep;
	return win != a->winner;
}

/*
 * The raw value of option o on criterion k (measured in a unit) at which
 * rival draws level with the winner, when what the method averages for
 * o moves by dx; adds it as a value flip when the value function reaches
 * it and scoring again confirms it.
 */
static void
add_value_flip(sp_analysis *a, sp_result *r, int k, int o, int rival,
    double dx)
{
	const sp_matrix *m = r->matrix;
	const sp_units *u = m->criteria[k].units;
	struct sp_analysis_priv *p = a->priv;
	double rating, v;
	sp_value_flip *f;

	rating = sp_method_info_get(r->method)->unvalue(m,
	    p->x[k * m->noptions + o] + dx);
	if (!isfinite(rating) || !sp_units_value(u, rating, &v) ||
	    !value_flip_confirmed(a, r, k, o, rating))
		return;
	f = &a->value_flips[a->nvalue_flips++];
	f->criterion = k;
	f->option = o;
	f->rival = rival;
	f->value = u->value[o];
	f->flip_value = v;
	f->flip_rating = rating;
}

/*
 * Value flips, closed form, for a linear method: with G_o the winner's
 * lead over o (find_flips), o draws level when what the method averages
 * for its rating on k rises by G_o / w_k, or when the winner's falls by
 * the smallest G_o / w_k.  Per criterion in a unit, the rival that needs
 * the least, then the winner's own value.
 */
static void
find_value_flips(sp_analysis *a, sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int k, o, near;

	a->nvalue_flips = 0;
	for (k = 0; k < m->ncriteria; k++) {
		double w = r->crit[k].weight;

		if (m->criteria[k].units == NULL || !(w > 0))
			continue;
		near = -1;
		for (o = 0; o < m->noptions; o++)
			if (o != a->winner && (near < 0 || p->lead[o] <
			    p->lead[near]))
				near = o;
		add_value_flip(a, r, k, near, near, p->lead[near] / w);
		add_value_flip(a, r, k, a->winner, near, -p->lead[near] / w);
	}
}

/*
 * With two options and no ranges the confidence's own draws
 * (confidence_linear) give the whole table: the winner is first where
 * it keeps its lead and the other option everywhere else; their central
 * weights are the mean weights of those draws.
 */
static void
two_option_shares(sp_analysis *a, const sp_result *r, int drawn)
{
	struct sp_analysis_priv *p = a->priv;
	int nc = r->matrix->ncriteria, w = a->winner, o = 1 - w, k, d;
	double c = a->confidence, sw, so;

	a->accept[w * 2] = a->accept[o * 2 + 1] = c;
	a->accept[w * 2 + 1] = a->accept[o * 2] = 1 - c;
	a->first[w] = (int)lround(c * SP_DRAWS);
	a->first[o] = SP_DRAWS - a->first[w];
	for (k = 0; k < nc; k++) {
		sw = so = 0;
		for (d = 0; drawn && p->sd[k] != 0 && d < SP_HALF; d++) {
			double z = draw[(size_t)k * SP_HALF + d];

			*(p->low[d] > 0 ? &sw : &so) += z;
			*(p->mir[d] > 0 ? &sw : &so) -= z;
		}
		a->central[w * nc + k] = r->crit[k].weight + (a->first[w] ?
		    p->sd[k] * sw / a->first[w] : 0);
		a->central[o * nc + k] = r->crit[k].weight + (a->first[o] ?
		    p->sd[k] * so / a->first[o] : 0);
	}
}

/*
 * Rank acceptability and the confidence, one definition for any number
 * of options: the winner's share of first places in the draws.  With
 * ranges, also the share with only the weights (the confidence's closed
 * draws) and with only the ratings moving.
 */
static void
rank_shares(sp_analysis *a, sp_result *r)
{
	struct sp_analysis_priv *p = a->priv;
	const sp_matrix *m = r->matrix;
	int linear = sp_method_info_get(r->method)->linear;
	sp_smaa_run_opts o = { draw, p->sd, 0, a->accept, a->central,
		a->first };

	a->ranged = sp_smaa_ranged(r);
	a->confidence_ratings = 1;
	if (a->winner >= 0 && m->noptions == 2 && !a->ranged && linear) {
		a->confidence = a->confidence_weights = confidence_linear(a, r);
		/* Below 1 only when the confidence drew. */
		two_option_shares(a, r, a->confidence < 1);
		return;
	}
	if (a->winner >= 0 && a->ranged)
		a->confidence_weights = linear ? confidence_linear(a, r) :
		    confidence_general(a, r);
	o.ratings = a->ranged;
	a->confidence = sp_smaa_run(a->smaa, r, a->winner, &o);
	if (!a->ranged) {
		a->confidence_weights = a->confidence;
		return;
	}
	o.draw = NULL;
	o.accept = o.central = NULL;
	o.first = NULL;
	a->confidence_ratings = sp_smaa_run(a->smaa, r, a->winner, &o);
}

sp_status
sp_analyse(sp_analysis *a, sp_result *r, sp_error *err)
{
	struct sp_analysis_priv *p = a->priv;
	size_t i, n;
	const sp_method_info *info = sp_methods(&n);

	if (r->matrix != a->matrix)
		return sp_error_set(err, SP_EUSAGE, "", 0, 0,
		    "analysis and result belong to different matrices");
	a->winner = r->ntied > 1 ? -1 : r->rank[0];
	a->nflips = a->ntrait_flips = 0;
	a->hybrid = 0;
	a->confidence = 0;
	a->margin_decisive = 0;
	a->draws = SP_DRAWS;
	a->methods_agree = a->linear_agree = a->winner >= 0;
	for (i = 0; i < n; i++) {
		a->method_winner[i] = sp_score_winner(r, NULL, info[i].method,
		    p->scores);
		if (a->method_winner[i] != a->winner) {
			a->methods_agree = 0;
			if (info[i].linear)
				a->linear_agree = 0;
		}
	}
	a->weight_decisive = draw_deviations(a, r);
	a->nvalue_flips = 0;
	if (a->winner >= 0 && sp_method_info_get(r->method)->linear) {
		fill_x(p, r, r->method);
		find_flips(a, r);
		find_value_flips(a, r);
	}
	rank_shares(a, r);
	if (a->winner < 0)
		a->confidence = 0;
	if (a->winner >= 0) {
		a->margin_decisive = decisive_margin(a, r);
		find_trait_flips(a, r);
		find_hybrid(a, r);
	}
	a->label = pick_label(a, r);
	r->analysis = a;
	return SP_OK;
}
