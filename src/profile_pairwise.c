/*
 * Decoding a profile's pairwise judgements: "- [ml_support, realtime, 3]"
 * says ML support matters three times as much as real-time.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/ahp.h"
#include "pairwise.h"

/* A criterion id, with a suggestion when it is unknown. */
static sp_status
criterion(const sp_dec *d, const sp_node *n, const sp_matrix *m, int *out)
{
	const char *ids[SP_MAX_CRITERIA];
	char hint[96];
	int i;

	if (n->type != SP_NODE_SCALAR)
		return dec_fail(d, n, "pairwise: expected a criterion id, found "
		    "%s", sp_node_kind(n));
	if ((*out = sp_matrix_criterion(m, n->text)) >= 0)
		return SP_OK;
	for (i = 0; i < m->ncriteria; i++)
		ids[i] = m->criteria[i].id;
	dec_hint(hint, sizeof(hint), n->text, ids, m->ncriteria);
	return dec_fail(d, n, "pairwise: unknown criterion '%s'%s", n->text,
	    hint);
}

/* A ratio on Saaty's scale: a number, or a fraction such as 1/3. */
static sp_status
ratio(const sp_dec *d, const sp_node *n, double *out)
{
	const char *slash;
	char *end;
	double num, den;

	if (n->type == SP_NODE_SCALAR && n->plain &&
	    (slash = strchr(n->text, '/')) != NULL) {
		num = strtod(n->text, &end);
		den = end == slash ? strtod(slash + 1, &end) : 0;
		if (end == slash || *end != '\0' || !(num > 0) || !(den > 0) ||
		    !dec_is_decimal(slash + 1, 1))
			return dec_fail(d, n, "pairwise: '%s' is not a ratio; "
			    "write a number from 1/9 to 9", n->text);
		*out = num / den;
	} else {
		TRY(dec_double(d, n, "pairwise ratio", 0, HUGE_VAL, out));
	}
	if (*out < 1 / SP_AHP_SCALE - 1e-12 || *out > SP_AHP_SCALE + 1e-12)
		return dec_fail(d, n, "pairwise: ratio %s is off Saaty's scale "
		    "(1/9 to 9)", n->text);
	return SP_OK;
}

int
sp_profile_pair(const sp_profile *p, int a, int b)
{
	int k;

	for (k = 0; k < p->npairs; k++)
		if ((p->pair[k].a == a && p->pair[k].b == b) ||
		    (p->pair[k].a == b && p->pair[k].b == a))
			return k;
	return -1;
}

/* Whether adding a and b keeps the compared criteria within bounds. */
static int
fits(const sp_profile *p, int a, int b)
{
	unsigned char used[SP_MAX_CRITERIA] = { 0 };
	int k, n = 0;

	for (k = 0; k < p->npairs; k++)
		used[p->pair[k].a] = used[p->pair[k].b] = 1;
	used[a] = used[b] = 1;
	for (k = 0; k < SP_MAX_CRITERIA; k++)
		n += used[k];
	return n <= SP_MAX_PAIRWISE;
}

static sp_status
judgement(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *item)
{
	const sp_node *x;
	sp_judgement j;
	double same;
	int k;

	if (item->type != SP_NODE_SEQ || item->count != 3)
		return dec_fail(d, item, "pairwise: expected [more_important, "
		    "less_important, ratio], found %s", item->type ==
		    SP_NODE_SEQ ? "a sequence of another length" :
		    sp_node_kind(item));
	x = item->first;
	TRY(criterion(d, x, m, &j.a));
	TRY(criterion(d, x->next, m, &j.b));
	TRY(ratio(d, x->next->next, &j.ratio));
	if (j.a == j.b)
		return dec_fail(d, x->next, "pairwise: %s is compared with "
		    "itself", m->criteria[j.a].id);
	j.line = item->line;
	j.column = item->column;
	if ((k = sp_profile_pair(p, j.a, j.b)) >= 0) {
		same = p->pair[k].a == j.a ? p->pair[k].ratio :
		    1 / p->pair[k].ratio;
		if (fabs(same - j.ratio) <= 1e-9 * same)
			return SP_OK;
		return dec_fail(d, item, "pairwise: %s and %s are already "
		    "compared at line %d, differently; keep one",
		    m->criteria[j.a].id, m->criteria[j.b].id,
		    p->pair[k].line);
	}
	if (!fits(p, j.a, j.b))
		return dec_fail(d, item, "pairwise: more than %d criteria "
		    "compared", SP_MAX_PAIRWISE);
	p->pair[p->npairs++] = j;
	return SP_OK;
}

sp_status
dec_pairwise(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *seq)
{
	const sp_node *item;

	TRY(dec_seq(d, seq, "pairwise"));
	p->npairs = 0;
	for (item = seq->first; item != NULL; item = item->next)
		TRY(judgement(d, p, m, item));
	return SP_OK;
}

/* Marks every criterion joined to criterion a by the judgements. */
static int
reach(const sp_profile *p, int a, unsigned char *seen)
{
	int k, grew = 1, n = 1;

	seen[a] = 1;
	while (grew) {
		grew = 0;
		for (k = 0; k < p->npairs; k++) {
			const sp_judgement *j = &p->pair[k];

			if (seen[j->a] != seen[j->b]) {
				seen[j->a] = seen[j->b] = 1;
				grew = 1;
				n++;
			}
		}
	}
	return n;
}

sp_status
dec_pairwise_check(const sp_dec *d, const sp_profile *p, const sp_matrix *m,
    const sp_node *seq)
{
	unsigned char seen[SP_MAX_CRITERIA] = { 0 }, used[SP_MAX_CRITERIA] =
	    { 0 };
	int k, n = 0;

	for (k = 0; k < p->npairs; k++) {
		const sp_judgement *j = &p->pair[k];
		int c = p->override[j->a] == SP_OVERRIDE_PROFILE ? j->a :
		    p->override[j->b] == SP_OVERRIDE_PROFILE ? j->b : -1;

		if (c >= 0)
			return sp_error_set(d->err, SP_EDATA, d->file, j->line,
			    j->column, "pairwise: %s is also set in weights; "
			    "keep one", m->criteria[c].id);
		n += !used[j->a] + !used[j->b];
		used[j->a] = used[j->b] = 1;
	}
	if (p->npairs == 0 || reach(p, p->pair[0].a, seen) == n)
		return SP_OK;
	for (k = 0; k < m->ncriteria && !(used[k] && !seen[k]); k++)
		;
	return dec_fail(d, seq, "pairwise: %s is not compared with %s or "
	    "anything compared with it; the judgements must connect every "
	    "criterion they name", m->criteria[k].id,
	    m->criteria[p->pair[0].a].id);
}
