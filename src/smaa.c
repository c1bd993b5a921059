/*
 * Rank acceptability and central weights.
 *
 * With a linear method every option's score is compared with that of a
 * reference option (the leader of the result): its lead over it.  The
 * part of the lead that comes from moving the weights of criteria with
 * no drawn rating is a sum over those criteria of a constant times the
 * criterion's deviate, computed a criterion at a time over a block of
 * draws (in single precision, as the confidence's own draws are); the
 * criteria with a drawn rating add their terms in double precision.
 * The values of the drawn ratings depend on the matrix and the method,
 * not on the profile: the first runs make them block by block, and the
 * runs after those of one profile find them kept (up to SP_KEEP_COLUMNS
 * ratings; the others are made again for every block).  A method with
 * no linear form ranks every draw in full.  Ratings with a range are
 * drawn from a counter-based generator, so the draw of one rating does
 * not depend on which others have ranges.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/units.h"
#include "simd.h"
#include "smaa.h"

#define SP_HALF_DRAWS (SP_DRAWS / 2)

/* Draw pairs scored at a time (a divisor of SP_HALF_DRAWS). */
#define SP_BLOCK 256

/* Drawn ratings whose values are kept from one profile to the next. */
#define SP_KEEP_COLUMNS 32

/* The most runs one profile's analysis makes: with the weights, then
   without (fewer when nothing is drawn or the order is settled). */
#define SP_RUNS_PER_PROFILE 2

struct sp_smaa {
	int cap;              /* options of the matrix it was made for */
	int no, nc;           /* those of this run's (a view may have fewer
	                         options) */
	int *ranged;          /* k * no + o of the ratings drawn in this run */
	int nranged;
	int *first;           /* per option, when the caller keeps none */
	int *order;           /* options by score, best first, last draw */
	double *sorted;       /* their scores, in that order */
	double *tmp_score;    /* room to merge them */
	int *tmp_order;
	/* methods with no linear form: one draw at a time */
	double *score;        /* per option, this draw */
	double *w;            /* per criterion, this draw */
	sp_crit_score *crit;  /* a copy of the result's, with... */
	double *rating;       /* k * no + o: ...the ratings drawn */
	/* linear methods: a block of draws at a time */
	double *x;            /* k * no + o: what the method averages */
	char *vary;           /* per criterion: a rating on it is drawn */
	double *base;         /* per option: lead over the reference at the
	                         weights, criteria with no drawn rating */
	float *g;             /* o * SP_BLOCK + i: what moving the weights
	                         adds to it in draw pair i */
	double *lead;         /* o * 2 * SP_BLOCK + i: the lead in draw pair
	                         i, + SP_BLOCK: in its mirrored draw */
	double *wcol;         /* a criterion's weight in each draw */
	double *ocol, *rcol;  /* values of a rating in each draw, when made
	                         for the block */
	int *alone;           /* per draw of the block, laid out as lead:
	                         the option first alone in it, or -1 */
	double *zsum;         /* o * nc + k: signed deviates of the draws o
	                         is first alone in */
	int *moving;          /* the criteria whose weights move */
	int nmoving;
	/* values of drawn ratings, kept from run to run */
	int *col;             /* k * no + o: its column in kept, or -1 */
	double *kept;         /* column c, a block at a time: the values in
	                         the block's draws, then in their mirrored
	                         draws */
	int nkept;
	int kept_method;      /* the method they are values of; -1: none */
	int runs;             /* runs of that method so far */
};

sp_smaa *
sp_smaa_new(const sp_matrix *m)
{
	sp_smaa *s = calloc(1, sizeof(*s));
	size_t no = (size_t)m->noptions, nc = (size_t)m->ncriteria;
	size_t cells = no * nc, i;

	if (s == NULL)
		return NULL;
	s->cap = s->no = m->noptions;
	s->nc = m->ncriteria;
	s->kept_method = -1;
	s->ranged = malloc(cells * sizeof(int));
	s->first = malloc(no * sizeof(int));
	s->order = malloc(no * sizeof(int));
	s->sorted = malloc(no * sizeof(double));
	s->tmp_score = malloc(no * sizeof(double));
	s->tmp_order = malloc(no * sizeof(int));
	s->score = malloc(no * sizeof(double));
	s->w = malloc(nc * sizeof(double));
	s->crit = malloc(nc * sizeof(sp_crit_score));
	s->rating = malloc(cells * sizeof(double));
	s->x = malloc(cells * sizeof(double));
	s->vary = malloc(nc);
	s->base = malloc(no * sizeof(double));
	s->g = malloc(no * SP_BLOCK * sizeof(float));
	s->lead = malloc(no * 2 * SP_BLOCK * sizeof(double));
	s->wcol = malloc(2 * SP_BLOCK * sizeof(double));
	s->ocol = malloc(2 * SP_BLOCK * sizeof(double));
	s->rcol = malloc(2 * SP_BLOCK * sizeof(double));
	s->alone = malloc(2 * SP_BLOCK * sizeof(int));
	s->zsum = malloc(cells * sizeof(double));
	s->col = malloc(cells * sizeof(int));
	s->moving = malloc(nc * sizeof(int));
	if (!(s->moving && s->sorted && s->tmp_score && s->tmp_order &&
	    s->ranged && s->first && s->order && s->score && s->w && s->crit &&
	    s->rating && s->x && s->vary && s->base && s->g && s->lead &&
	    s->wcol && s->ocol && s->rcol && s->alone && s->zsum && s->col)) {
		sp_smaa_free(s);
		return NULL;
	}
	for (i = 0; i < cells; i++)
		s->col[i] = -1;
	return s;
}

void
sp_smaa_free(sp_smaa *s)
{
	if (s == NULL)
		return;
	free(s->ranged);
	free(s->first);
	free(s->order);
	free(s->sorted);
	free(s->tmp_score);
	free(s->tmp_order);
	free(s->score);
	free(s->w);
	free(s->crit);
	free(s->rating);
	free(s->x);
	free(s->vary);
	free(s->base);
	free(s->g);
	free(s->lead);
	free(s->wcol);
	free(s->ocol);
	free(s->rcol);
	free(s->alone);
	free(s->zsum);
	free(s->col);
	free(s->moving);
	free(s->kept);
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

#define SP_GOLDEN 0x9e3779b97f4a7c15ULL

/*
 * The uniform number in [0, 1) of splitmix64's state w: its top 53 bits
 * times 2^-53.  They are made a double as two exact halves, the high 21
 * bits above 2^84 and the low 32 above 2^52, which the compiler can do
 * four at a time where (double) of a 64-bit integer it cannot; the sum
 * is exact, so the number is the same to the bit.
 */
static inline double
unit_of(uint64_t z)
{
	uint64_t hi, lo;
	double a, b;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	z >>= 11;
	hi = (z >> 32) | 0x4530000000000000ULL;
	lo = (z & 0xffffffffULL) | 0x4330000000000000ULL;
	memcpy(&a, &hi, sizeof(a));
	memcpy(&b, &lo, sizeof(b));
	return ((a - 0x1.0p84) + (b - 0x1.0p52)) * 0x1.0p-53;
}

/* The index of rating (k, o) in draw pair h. */
static uint64_t
unit_index(const sp_smaa *s, int h, int k, int o)
{
	return ((uint64_t)h * (uint64_t)s->nc + (uint64_t)k) *
	    (uint64_t)s->cap + (uint64_t)o;
}

/* A uniform number in [0, 1) for rating (k, o) in draw pair h. */
static double
unit_at(const sp_smaa *s, int h, int k, int o)
{
	return unit_of(SP_RANGE_SEED + (unit_index(s, h, k, o) + 1) *
	    SP_GOLDEN);
}

/*
 * A rating drawn between lo and lo + span in SP_BLOCK draw pairs, then
 * mirrored: the draw pairs' states are w, w + step, w + 2 step, ...
 */
SP_CLONES static void
draw_span(double *restrict out, uint64_t w, uint64_t step, double lo,
    double span)
{
	int i;

	for (i = 0; i < SP_BLOCK; i++) {
		double u = unit_of(w + (uint64_t)i * step);

		out[i] = lo + u * span;
		out[SP_BLOCK + i] = lo + (1 - u) * span;
	}
}

/* Rating (k, o) drawn in draw pair h, mirrored when sign < 0. */
static double
drawn_rating(const sp_smaa *s, const sp_result *r, int h, int sign, int k,
    int o)
{
	double u = unit_at(s, h, k, o);

	return sp_units_draw(&r->matrix->criteria[k], o, r->crit[k].rating[o],
	    sign > 0 ? u : 1 - u);
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
 * Makes the values of rating (k, o) in the block of draws from draw pair
 * hb: those of the draws, then those of the mirrored draws (drawn at
 * 1 - u, from the same uniform number).
 */
static void
make_values(const sp_smaa *s, const sp_result *r, const sp_method_info *info,
    int k, int o, int hb, double *out)
{
	const sp_criterion *cr = &r->matrix->criteria[k];
	const sp_units *un = cr->units;
	double lo, hi;
	int i;

	/* What sp_units_draw() does, a block at a time. */
	if (!sp_units_range(cr, o, &lo, &hi)) {
		for (i = 0; i < 2 * SP_BLOCK; i++)
			out[i] = r->crit[k].rating[o];
	} else {
		draw_span(out, SP_RANGE_SEED + (unit_index(s, hb, k, o) + 1) *
		    SP_GOLDEN, (uint64_t)s->nc * (uint64_t)s->cap * SP_GOLDEN,
		    lo, hi - lo);
		if (un != NULL)
			for (i = 0; i < 2 * SP_BLOCK; i++)
				out[i] = sp_units_rating(un, out[i]);
	}
	if (!info->value_is_rating)
		for (i = 0; i < 2 * SP_BLOCK; i++)
			out[i] = info->value(r->matrix, out[i]);
}

/*
 * Keeps the values of the ratings this run draws, as many as there is
 * room for.  Those of another method, or of a matrix with options
 * screened out (whose options are not those of the next), are made
 * again.
 */
static void
keep_values(sp_smaa *s, const sp_result *r, const sp_method_info *info)
{
	size_t cells = (size_t)s->cap * (size_t)s->nc, i;
	int want = 0, n, h, method = s->no == s->cap ? (int)r->method : -1;
	double *grown;

	if (s->kept_method != method) {
		for (i = 0; i < cells; i++)
			s->col[i] = -1;
		s->nkept = s->runs = 0;
		s->kept_method = method;
	}
	/* One profile's analysis runs at most SP_RUNS_PER_PROFILE times:
	   the values are made in each of the first runs and kept only
	   after them, so that one profile does not write SP_DRAWS doubles
	   a rating that it never reads again. */
	if (method < 0 || ++s->runs <= SP_RUNS_PER_PROFILE)
		return;
	for (n = 0; n < s->nranged; n++)
		want += s->col[s->ranged[n]] < 0;
	if (want == 0 || s->nkept + want > SP_KEEP_COLUMNS)
		return;
	grown = realloc(s->kept, (size_t)(s->nkept + want) * SP_DRAWS *
	    sizeof(double));
	if (grown == NULL)
		return;
	s->kept = grown;
	for (n = 0; n < s->nranged; n++) {
		int c = s->ranged[n];

		if (s->col[c] >= 0)
			continue;
		for (h = 0; h < SP_HALF_DRAWS; h += SP_BLOCK)
			make_values(s, r, info, c / s->no, c % s->no, h,
			    s->kept + (size_t)s->nkept * SP_DRAWS + 2 * h);
		s->col[c] = s->nkept++;
	}
}

/*
 * What the method averages for every rating, which criteria have a
 * rating drawn in this run (on criteria that weigh more than 0), and
 * the list of those ratings.
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
		s->vary[k] = 0;
		for (o = 0; o < s->no; o++) {
			s->rating[k * s->no + o] = r->crit[k].rating[o];
			if (info->linear)
				s->x[k * s->no + o] = info->value(m,
				    r->crit[k].rating[o]);
			if (opt->ratings && r->crit[k].weight > 0 &&
			    sp_units_ranged(&m->criteria[k], o)) {
				s->ranged[s->nranged++] = k * s->no + o;
				s->vary[k] = 1;
			}
		}
	}
	if (info->linear)
		keep_values(s, r, info);
}

/* Sorts runs of SP_RUN by insertion, highest score first. */
#define SP_RUN 8

static void
sort_runs(double *v, int *ord, int n)
{
	int a, i, j, o;
	double x;

	for (a = 0; a < n; a += SP_RUN)
		for (i = a + 1; i < n && i < a + SP_RUN; i++) {
			o = ord[i];
			x = v[i];
			for (j = i; j > a && v[j - 1] < x; j--) {
				ord[j] = ord[j - 1];
				v[j] = v[j - 1];
			}
			ord[j] = o;
			v[j] = x;
		}
}

/* Merges v[a..m) and v[m..e), each sorted, into tv[a..e). */
static void
merge(const double *v, const int *ord, double *tv, int *to, int a, int m,
    int e)
{
	int i = a, j = m, k, left;

	for (k = a; k < e; k++) {
		left = j >= e || (i < m && v[i] >= v[j]);
		tv[k] = left ? v[i] : v[j];
		to[k] = left ? ord[i++] : ord[j++];
	}
}

/*
 * Sorts the options ord[] by their scores v[], highest first: runs by
 * insertion, then merged back and forth with the spare arrays (n log n,
 * as draws of many options rank far apart from one another).
 */
static void
sort_scores(sp_smaa *s, double *v, int *ord, int n)
{
	double *av = v, *bv = s->tmp_score, *sv;
	int *ao = ord, *bo = s->tmp_order, *so, width, a, m, e;

	sort_runs(v, ord, n);
	for (width = SP_RUN; width < n; width *= 2) {
		for (a = 0; a < n; a += 2 * width) {
			m = a + width < n ? a + width : n;
			e = a + 2 * width < n ? a + 2 * width : n;
			merge(av, ao, bv, bo, a, m, e);
		}
		sv = av, av = bv, bv = sv;
		so = ao, ao = bo, bo = so;
	}
	if (av != v) {
		memcpy(v, av, (size_t)n * sizeof(double));
		memcpy(ord, ao, (size_t)n * sizeof(int));
	}
}

/*
 * Counts draw j, whose scores are key[o * stride]: each option takes the
 * rank after those that score more; options that score the same share
 * their ranks evenly.  The sort starts from the order of the last draw.
 * Returns the option first alone, or -1.
 */
static int
tally(sp_smaa *s, const sp_smaa_run_opts *opt, const double *key,
    size_t stride)
{
	int *ord = s->order, n = s->no, i, j, a, b;
	double *v = s->sorted;

	for (i = 0; i < n; i++)
		v[i] = key[(size_t)ord[i] * stride];
	sort_scores(s, v, ord, n);
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && v[b] == v[a]; b++)
			;
		for (j = a; opt->accept != NULL && j < b; j++)
			for (i = a; i < b; i++)
				opt->accept[ord[j] * n + i] += 1.0 / (b - a);
	}
	if (n > 1 && v[1] == v[0])
		return -1;
	opt->first[ord[0]]++;
	return ord[0];
}

/* Scores every option in draw pair h, mirrored when sign < 0. */
static void
draw_scores(sp_smaa *s, const sp_result *r, const sp_smaa_run_opts *opt,
    int h, int sign)
{
	sp_result tmp;
	int i, k;

	for (k = 0; k < s->nc; k++)
		s->w[k] = r->crit[k].weight + (opt->draw == NULL ? 0 : sign *
		    opt->sd[k] * opt->draw[(size_t)k * SP_HALF_DRAWS + h]);
	for (i = 0; i < s->nranged; i++)
		s->rating[s->ranged[i]] = drawn_rating(s, r, h, sign,
		    s->ranged[i] / s->no, s->ranged[i] % s->no);
	tmp = *r;
	tmp.crit = s->crit;
	sp_score_method(s->score, &tmp, s->w, r->method);
}

SP_CLONES static void
add_scaled(float *restrict acc, const float *restrict f, float c, int n)
{
	int i, l;

	/* Eight at a time, which the compiler makes one vector step. */
	for (i = 0; i < n; i += 8)
		for (l = 0; l < 8; l++)
			acc[i + l] += c * f[i + l];
}

void
sp_add_scaled(float *restrict acc, const float *restrict f, float c, int n)
{
	add_scaled(acc, f, c, n);
}

/* Every draw of a method with no linear form, ranked in full. */
static void
run_general(sp_smaa *s, const sp_result *r, const sp_smaa_run_opts *opt)
{
	int h, sign, o, k;

	for (h = 0; h < SP_HALF_DRAWS; h++)
		for (sign = 1; sign >= -1; sign -= 2) {
			draw_scores(s, r, opt, h, sign);
			o = tally(s, opt, s->score, 1);
			for (k = 0; o >= 0 && opt->central != NULL &&
			    k < s->nc; k++)
				opt->central[o * s->nc + k] += s->w[k];
		}
	for (o = 0; opt->central != NULL && o < s->no; o++)
		for (k = 0; opt->first[o] > 0 && k < s->nc; k++)
			opt->central[o * s->nc + k] /= opt->first[o];
}

/*
 * Adds w times the difference of two columns to lead; a NULL column is
 * the value c in every draw.
 */
SP_CLONES static void
add_drawn(double *restrict lead, const double *restrict w,
    const double *restrict ov, double oc, const double *restrict rv,
    double rc)
{
	int j;

	if (ov != NULL && rv != NULL)
		for (j = 0; j < 2 * SP_BLOCK; j++)
			lead[j] += w[j] * (ov[j] - rv[j]);
	else if (ov != NULL)
		for (j = 0; j < 2 * SP_BLOCK; j++)
			lead[j] += w[j] * (ov[j] - rc);
	else if (rv != NULL)
		for (j = 0; j < 2 * SP_BLOCK; j++)
			lead[j] += w[j] * (oc - rv[j]);
	else
		for (j = 0; j < 2 * SP_BLOCK; j++)
			lead[j] += w[j] * (oc - rc);
}

/*
 * A criterion's weight w moved by sd times deviates z in each draw of a
 * block: w + sd z in the draw, w - sd z in the mirrored one; w in every
 * draw when z is NULL.
 */
SP_CLONES static void
block_weights(double *restrict out, double w, double sd,
    const float *restrict z)
{
	int i;

	if (z == NULL) {
		for (i = 0; i < 2 * SP_BLOCK; i++)
			out[i] = w;
		return;
	}
	for (i = 0; i < SP_BLOCK; i++) {
		double d = sd * z[i];

		out[i] = w + d;
		out[SP_BLOCK + i] = w - d;
	}
}

/* Lead base plus or minus what the weights add, in every draw. */
SP_CLONES static void
block_base(double *restrict lead, double base, const float *restrict g)
{
	int i;

	for (i = 0; i < SP_BLOCK; i++) {
		lead[i] = base + g[i];
		lead[SP_BLOCK + i] = base - g[i];
	}
}

/*
 * The values of rating (k, o) in the draws of the block from draw pair
 * hb, kept or made into buf; NULL when it is not drawn.
 */
static const double *
block_values(sp_smaa *s, const sp_result *r, const sp_method_info *info,
    int k, int o, int hb, double *buf)
{
	int c = k * s->no + o;

	if (s->col[c] >= 0)
		return s->kept + (size_t)s->col[c] * SP_DRAWS + 2 * hb;
	if (r->crit[k].weight > 0 && sp_units_ranged(&r->matrix->criteria[k],
	    o)) {
		make_values(s, r, info, k, o, hb, buf);
		return buf;
	}
	return NULL;
}

/*
 * The leads over the reference option ref in the block of draws from
 * draw pair hb.
 */
static void
block_leads(sp_smaa *s, const sp_result *r, const sp_smaa_run_opts *opt,
    int ref, int hb)
{
	const sp_method_info *info = sp_method_info_get(r->method);
	int no = s->no, k, o;
	const double *rv;

	for (o = 0; o < no; o++)
		memset(s->g + o * SP_BLOCK, 0, SP_BLOCK * sizeof(float));
	for (k = 0; opt->draw != NULL && k < s->nc; k++)
		for (o = 0; !s->vary[k] && opt->sd[k] != 0 && o < no; o++) {
			float c = (float)(opt->sd[k] * (s->x[k * no + o] -
			    s->x[k * no + ref]));

			if (c != 0)
				add_scaled(s->g + o * SP_BLOCK, opt->draw +
				    (size_t)k * SP_HALF_DRAWS + hb, c, SP_BLOCK);
		}
	for (o = 0; o < no; o++)
		block_base(s->lead + o * 2 * SP_BLOCK, s->base[o],
		    s->g + o * SP_BLOCK);
	for (k = 0; k < s->nc; k++) {
		if (!s->vary[k])
			continue;
		block_weights(s->wcol, r->crit[k].weight, opt->draw == NULL ?
		    0 : opt->sd[k], opt->draw == NULL ? NULL : opt->draw +
		    (size_t)k * SP_HALF_DRAWS + hb);
		rv = block_values(s, r, info, k, ref, hb, s->rcol);
		for (o = 0; o < no; o++)
			if (o != ref)
				add_drawn(s->lead + o * 2 * SP_BLOCK, s->wcol,
				    block_values(s, r, info, k, o, hb, s->ocol),
				    s->x[k * no + o], rv, s->x[k * no + ref]);
	}
}

/* The sum of c[i] z[i] over a block, c being -1, 0 or 1. */
SP_CLONES static double
signed_sum(const float *restrict c, const float *restrict z)
{
	double acc[8] = { 0, 0, 0, 0, 0, 0, 0, 0 };
	int i, l;

	for (i = 0; i < SP_BLOCK; i += 8)
		for (l = 0; l < 8; l++)
			acc[l] += (double)(c[i + l] * z[i + l]);
	return ((acc[0] + acc[1]) + (acc[2] + acc[3])) +
	    ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

/*
 * Adds the deviates of the block's draws to the sums of the options
 * first alone in them; a draw pair with the same option first in both
 * adds nothing, the deviates of the mirrored draw being the opposite.
 * With two options, a criterion at a time over the block (each option's
 * signs of the draw pairs in g); with more, a draw pair at a time.
 */
static void
block_central(sp_smaa *s, const sp_smaa_run_opts *opt, int hb)
{
	int i, n, k, a, b, o, ties = 0;
	double sum;

	for (i = 0; s->no == 2 && i < 2 * SP_BLOCK; i++)
		ties += s->alone[i] < 0;
	for (o = 0; s->no == 2 && o < 2; o++) {
		float *c = s->g + o * SP_BLOCK;

		for (i = 0; i < SP_BLOCK; i++)
			c[i] = (float)((s->alone[i] == o) -
			    (s->alone[SP_BLOCK + i] == o));
		for (n = 0; n < s->nmoving; n++) {
			k = s->moving[n];
			sum = signed_sum(c, opt->draw + (size_t)k *
			    SP_HALF_DRAWS + hb);
			s->zsum[o * s->nc + k] += sum;
			/* With no tie the other option's signs are the
			   opposite, and so is its sum. */
			if (ties == 0)
				s->zsum[(1 - o) * s->nc + k] -= sum;
		}
		if (ties == 0)
			break;
	}
	for (i = 0; s->no > 2 && i < SP_BLOCK; i++) {
		a = s->alone[i];
		b = s->alone[SP_BLOCK + i];
		if (a == b)
			continue;
		for (n = 0; n < s->nmoving; n++) {
			double z;

			k = s->moving[n];
			z = opt->draw[(size_t)k * SP_HALF_DRAWS + hb + i];
			if (a >= 0)
				s->zsum[a * s->nc + k] += z;
			if (b >= 0)
				s->zsum[b * s->nc + k] -= z;
		}
	}
}

/*
 * Counts the draws of the block with two options by the lead of ahead
 * over behind: the option first alone in each draw, and the draws each
 * wins (a draw neither wins is a tie, sharing first and second place).
 */
SP_CLONES static void
tally_two(int *restrict alone, const double *restrict lead, int ahead,
    int behind, int *restrict wins)
{
	int j, up = 0, down = 0, a, b;

	/* Without a branch, so that the compiler makes it vector steps. */
	for (j = 0; j < 2 * SP_BLOCK; j++) {
		a = lead[j] > 0;
		b = lead[j] < 0;
		alone[j] = a * (ahead + 1) + b * (behind + 1) - 1;
		up += a;
		down += b;
	}
	wins[ahead] += up;
	wins[behind] += down;
}

/*
 * Adds the shares of first and second place of two options to opt's,
 * counted in halves so that they are exact in a double (the same sums as
 * tally() makes a draw at a time).
 */
static void
add_two(const sp_smaa_run_opts *opt)
{
	int ties = SP_DRAWS - opt->first[0] - opt->first[1], o, top;

	for (o = 0; o < 2 && opt->accept != NULL; o++) {
		top = 2 * opt->first[o] + ties;
		opt->accept[o * 2] += top / 2.0;
		opt->accept[o * 2 + 1] += (2 * SP_DRAWS - top) / 2.0;
	}
}

/* Every draw of a linear method, a block at a time. */
static void
run_linear(sp_smaa *s, const sp_result *r, const sp_smaa_run_opts *opt)
{
	int no = s->no, nc = s->nc, ref = r->rank[0], hb, i, j, k, o;
	int central = opt->central != NULL && opt->draw != NULL;

	for (o = 0; o < no; o++) {
		s->base[o] = 0;
		for (k = 0; o != ref && k < nc; k++)
			if (!s->vary[k])
				s->base[o] += r->crit[k].weight *
				    (s->x[k * no + o] - s->x[k * no + ref]);
	}
	memset(s->zsum, 0, (size_t)no * (size_t)nc * sizeof(double));
	s->nmoving = 0;
	for (k = 0; central && k < nc; k++)
		if (opt->sd[k] != 0)
			s->moving[s->nmoving++] = k;
	for (hb = 0; hb < SP_HALF_DRAWS; hb += SP_BLOCK) {
		block_leads(s, r, opt, ref, hb);
		if (no == 2)
			tally_two(s->alone, s->lead + (1 - ref) * 2 *
			    SP_BLOCK, 1 - ref, ref, opt->first);
		for (j = 0; no > 2 && j < 2 * SP_BLOCK; j++) {
			i = j / 2 + (j % 2) * SP_BLOCK;
			s->alone[i] = tally(s, opt, s->lead + i, 2 * SP_BLOCK);
		}
		if (central)
			block_central(s, opt, hb);
	}
	if (no == 2)
		add_two(opt);
	for (o = 0; opt->central != NULL && o < no; o++)
		for (k = 0; opt->first[o] > 0 && k < nc; k++)
			opt->central[o * nc + k] = r->crit[k].weight +
			    (central ? opt->sd[k] * s->zsum[o * nc + k] /
			    opt->first[o] : 0);
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
	int o;

	s->no = r->matrix->noptions;
	s->nc = r->matrix->ncriteria;
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
	for (o = 0; o < s->no; o++)
		s->order[o] = r->rank[o];
	if (sp_method_info_get(r->method)->linear)
		run_linear(s, r, opt);
	else
		run_general(s, r, opt);
	for (o = 0; opt->accept != NULL && o < s->no * s->no; o++)
		opt->accept[o] /= SP_DRAWS;
	return w >= 0 ? (double)opt->first[w] / SP_DRAWS : 0;
}
