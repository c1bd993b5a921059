/*
 * Pairwise judgements to weights (see stackpick/ahp.h): Harker's matrix
 * for missing judgements, its principal eigenvector by repeated squaring,
 * Saaty's consistency ratio, and the judgement most out of line.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/ahp.h"
#include "stackpick/score.h"

#define N SP_MAX_PAIRWISE

/*
 * Squarings of the matrix at most: the k-th gives its 2^k-th power, whose
 * row sums are the principal eigenvector to within (l2 / l1)^(2^k).
 */
#define SP_AHP_SQUARINGS 64

/* Saaty's random indices for 1 to 10 items (Saaty, The Analytic
   Hierarchy Process, 1980). */
static const double random_index[N + 1] = {
	0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49
};

double
sp_ahp_random_index(int n)
{
	return n < 3 || n > N ? 0 : random_index[n];
}

double
sp_ahp_ci(double lambda, int n)
{
	return n < 2 ? 0 : fmax(0, (lambda - n) / (n - 1));
}

double
sp_ahp_cr(double lambda, int n)
{
	return n < 3 ? 0 : sp_ahp_ci(lambda, n) / sp_ahp_random_index(n);
}

/* Whether the given judgements of a connect all n items. */
static int
connected(const double *a, int n)
{
	int seen[N] = { 1 }, stack[N] = { 0 }, top = 1, count = 1, i, j;

	while (top > 0) {
		i = stack[--top];
		for (j = 0; j < n; j++)
			if (!seen[j] && a[i * n + j] > 0) {
				seen[j] = 1;
				stack[top++] = j;
				count++;
			}
	}
	return count == n;
}

/*
 * Harker's matrix: the given judgements, 0 for the missing ones, and on
 * the diagonal 1 plus the number missing in the row.  Its principal
 * eigenvector is that of the matrix completed with w_i / w_j.
 */
static void
harker(double *b, const double *a, int n)
{
	int i, j, missing;

	for (i = 0; i < n; i++) {
		missing = 0;
		for (j = 0; j < n; j++) {
			b[i * n + j] = i == j ? 0 : a[i * n + j];
			missing += i != j && !(a[i * n + j] > 0);
		}
		b[i * n + i] = 1 + missing;
	}
}

/* c = a * a, scaled so that its largest entry is 1. */
static void
square(double *c, const double *a, int n)
{
	double max = 0, s;
	int i, j, k;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			s = 0;
			for (k = 0; k < n; k++)
				s += a[i * n + k] * a[k * n + j];
			c[i * n + j] = s;
			max = fmax(max, s);
		}
	for (i = 0; i < n * n; i++)
		c[i] /= max;
}

/* w = the row sums of a, adding up to 1; returns how far w moved. */
static double
row_sums(double *w, const double *a, int n)
{
	double total = 0, s, moved = 0;
	double v[N];
	int i, j;

	for (i = 0; i < n; i++) {
		s = 0;
		for (j = 0; j < n; j++)
			s += a[i * n + j];
		v[i] = s;
		total += s;
	}
	for (i = 0; i < n; i++) {
		moved = fmax(moved, fabs(v[i] / total - w[i]));
		w[i] = v[i] / total;
	}
	return moved;
}

int
sp_ahp_priorities(double *w, double *lambda, const double *a, int n)
{
	double b[N * N], p[N * N], q[N * N], bw;
	int i, j, k;

	if (n < 2 || n > N || !connected(a, n))
		return -1;
	harker(b, a, n);
	memcpy(p, b, sizeof(double) * (size_t)(n * n));
	for (i = 0; i < n; i++)
		w[i] = 0;
	row_sums(w, p, n);
	for (k = 0; k < SP_AHP_SQUARINGS; k++) {
		square(q, p, n);
		memcpy(p, q, sizeof(double) * (size_t)(n * n));
		if (row_sums(w, p, n) < 1e-15)
			break;
	}
	/* w adds up to 1, so the sum of b w is the eigenvalue. */
	*lambda = 0;
	for (i = 0; i < n; i++) {
		bw = 0;
		for (j = 0; j < n; j++)
			bw += b[i * n + j] * w[j];
		*lambda += bw;
	}
	return 0;
}

/* A ratio kept on Saaty's scale. */
static double
on_scale(double r)
{
	return fmin(SP_AHP_SCALE, fmax(1 / SP_AHP_SCALE, r));
}

static void
set_pair(double *a, int n, int i, int j, double r)
{
	a[i * n + j] = r;
	a[j * n + i] = r > 0 ? 1 / r : 0;
}

/*
 * The judgement whose change lowers the CR most: each in turn is left
 * out, the others' priorities give the ratio that fits them (kept on the
 * scale), and the CR is taken again with that ratio in its place.
 */
static void
find_worst(sp_ahp *out, const sp_profile *p, double *a, const int *at)
{
	double w[N], lambda, fit, cr;
	int n = out->n, k, i, j;

	out->worst = -1;
	for (k = 0; n >= 3 && k < p->npairs; k++) {
		i = at[p->pair[k].a];
		j = at[p->pair[k].b];
		set_pair(a, n, i, j, 0);
		if (sp_ahp_priorities(w, &lambda, a, n) == 0) {
			fit = on_scale(w[i] / w[j]);
			set_pair(a, n, i, j, fit);
			sp_ahp_priorities(w, &lambda, a, n);
			cr = sp_ahp_cr(lambda, n);
			if (out->worst < 0 || cr < out->worst_cr - 1e-12) {
				out->worst = k;
				out->worst_fit = fit;
				out->worst_cr = cr;
			}
		}
		set_pair(a, n, i, j, p->pair[k].ratio);
	}
}

/* The weights the priorities give, within what the rules give. */
static void
share_out(sp_ahp *out, sp_profile *p, const sp_matrix *m)
{
	double top = 0;
	int i, k;

	out->rule_total = 0;
	for (i = 0; i < out->n; i++) {
		out->rule_total += sp_weight_derived(&m->criteria[out->crit[i]],
		    p, m);
		top = fmax(top, out->priority[i]);
	}
	out->share = out->rule_total;
	if (!(out->share > 0) || out->share * top > SP_WEIGHT_MAX)
		out->share = SP_WEIGHT_MAX / top;
	for (i = 0; i < out->n; i++) {
		k = out->crit[i];
		out->weight[i] = fmin(SP_WEIGHT_MAX, out->share *
		    out->priority[i]);
		if (p->override[k] == SP_OVERRIDE_CLI ||
		    p->override[k] == SP_OVERRIDE_PROFILE)
			continue;
		p->weight[k] = out->weight[i];
		p->override[k] = SP_OVERRIDE_PAIRWISE;
	}
}

void
sp_ahp_apply(sp_ahp *out, sp_profile *p, const sp_matrix *m)
{
	double a[N * N];
	int at[SP_MAX_CRITERIA], used[SP_MAX_CRITERIA] = { 0 }, k, n = 0;

	memset(out, 0, sizeof(*out));
	out->worst = -1;
	if (p->npairs == 0)
		return;
	for (k = 0; k < p->npairs; k++)
		used[p->pair[k].a] = used[p->pair[k].b] = 1;
	for (k = 0; k < m->ncriteria && n < N; k++)
		if (used[k]) {
			at[k] = n;
			out->crit[n++] = k;
		}
	out->n = n;
	memset(a, 0, sizeof(a));
	for (k = 0; k < p->npairs; k++)
		set_pair(a, n, at[p->pair[k].a], at[p->pair[k].b],
		    p->pair[k].ratio);
	out->njudgements = p->npairs;
	out->nfilled = n * (n - 1) / 2 - p->npairs;
	/* The decoder refuses judgements that leave criteria apart. */
	if (sp_ahp_priorities(out->priority, &out->lambda, a, n) != 0) {
		out->n = 0;
		return;
	}
	out->ci = sp_ahp_ci(out->lambda, n);
	out->ri = sp_ahp_random_index(n);
	out->cr = sp_ahp_cr(out->lambda, n);
	out->inconsistent = out->cr > SP_AHP_CR_MAX;
	find_worst(out, p, a, at);
	share_out(out, p, m);
}

int
sp_ahp_ask_plan(int *crit, const sp_profile *p, const sp_matrix *m)
{
	double w[SP_AHP_ASK];
	double x;
	int k, i, n = 0;

	for (k = 0; k < m->ncriteria; k++) {
		x = p->override[k] == SP_OVERRIDE_PROFILE ? p->weight[k] :
		    sp_weight_derived(&m->criteria[k], p, m);
		if (!(x > 0))
			continue;
		if (n < SP_AHP_ASK)
			i = n++;
		else if (x > w[SP_AHP_ASK - 1])
			i = SP_AHP_ASK - 1;
		else
			continue;
		for (; i > 0 && w[i - 1] < x; i--) {
			w[i] = w[i - 1];
			crit[i] = crit[i - 1];
		}
		w[i] = x;
		crit[i] = k;
	}
	return n;
}

int
sp_ahp_parse_ratio(const char *s, double *r)
{
	const char *slash = strchr(s, '/');
	char *end;
	double num, den = 1;

	num = strtod(s, &end);
	if (end == s || (slash != NULL && end != slash))
		return -1;
	if (slash != NULL) {
		den = strtod(slash + 1, &end);
		if (end == slash + 1)
			return -1;
	}
	while (*end == ' ')
		end++;
	if (*end != '\0' || !(num > 0) || !(den > 0) || !isfinite(num / den))
		return -1;
	*r = num / den;
	return *r < 1 / SP_AHP_SCALE - 1e-12 || *r > SP_AHP_SCALE + 1e-12 ?
	    -1 : 0;
}

double
sp_ahp_get(const sp_profile *p, int a, int b)
{
	int k;

	for (k = 0; k < p->npairs; k++) {
		if (p->pair[k].a == a && p->pair[k].b == b)
			return p->pair[k].ratio;
		if (p->pair[k].a == b && p->pair[k].b == a)
			return 1 / p->pair[k].ratio;
	}
	return 0;
}

void
sp_ahp_set(sp_profile *p, int a, int b, double ratio)
{
	int k;

	for (k = 0; k < p->npairs; k++)
		if ((p->pair[k].a == a && p->pair[k].b == b) ||
		    (p->pair[k].a == b && p->pair[k].b == a))
			break;
	if (!(ratio > 0)) {
		if (k < p->npairs)
			p->pair[k] = p->pair[--p->npairs];
		return;
	}
	if (k == p->npairs && p->npairs == SP_MAX_JUDGEMENTS)
		return;
	if (k == p->npairs)
		p->npairs++;
	memset(&p->pair[k], 0, sizeof(p->pair[k]));
	p->pair[k].a = a;
	p->pair[k].b = b;
	p->pair[k].ratio = ratio;
	if (p->override[a] == SP_OVERRIDE_PROFILE)
		p->override[a] = SP_OVERRIDE_NONE;
	if (p->override[b] == SP_OVERRIDE_PROFILE)
		p->override[b] = SP_OVERRIDE_NONE;
}

int
sp_ahp_keep_connected(sp_profile *p)
{
	unsigned char seen[SP_MAX_CRITERIA] = { 0 };
	int k, grew = 1, dropped = 0;

	if (p->npairs == 0)
		return 0;
	seen[p->pair[0].a] = seen[p->pair[0].b] = 1;
	while (grew) {
		grew = 0;
		for (k = 0; k < p->npairs; k++)
			if (seen[p->pair[k].a] != seen[p->pair[k].b]) {
				seen[p->pair[k].a] = seen[p->pair[k].b] = 1;
				grew = 1;
			}
	}
	for (k = p->npairs - 1; k >= 0; k--)
		if (!seen[p->pair[k].a]) {
			p->pair[k] = p->pair[--p->npairs];
			dropped++;
		}
	return dropped;
}
