/*
 * A profile's musts: the requirements that screen options out before any
 * scoring (see docs/profile.md).  Decoding only; src/screen.c applies
 * them.
 */
#include <string.h>

#include "must.h"

static sp_must *
add_must(const sp_dec *d, sp_profile *p, const sp_node *at, sp_status *rc)
{
	if (p->nmusts >= SP_MAX_MUSTS) {
		*rc = dec_fail(d, at, "a profile states at most %d musts",
		    SP_MAX_MUSTS);
		return NULL;
	}
	*rc = SP_OK;
	memset(&p->must[p->nmusts], 0, sizeof(p->must[0]));
	return &p->must[p->nmusts++];
}

/* A must's reason: one line of text, at most SP_MUST_WHY_MAX bytes. */
static sp_status
decode_why(const sp_dec *d, const sp_node *n, sp_must *mu)
{
	const char *s;

	TRY(dec_str(d, n, "why", &s));
	TRY(dec_clean(d, n, "why", 0));
	if (n->len == 0)
		return dec_fail(d, n, "why: give the reason for the must");
	if (n->len > SP_MUST_WHY_MAX)
		return dec_fail(d, n, "why: longer than %d bytes",
		    SP_MUST_WHY_MAX);
	memcpy(mu->why, s, n->len + 1);
	return SP_OK;
}

static sp_status
unknown(const sp_dec *d, const sp_node *k, const char *what, const char *kind,
    const char *const *ids, int n)
{
	char hint[96];

	dec_hint(hint, sizeof(hint), k->text, ids, n);
	return dec_fail(d, k, "%s: unknown %s '%s'%s", what, kind, k->text,
	    hint);
}

static sp_status
decode_min(const sp_dec *d, sp_must *mu, const sp_matrix *m,
    const sp_node *v)
{
	static const char *const keys[] = { "min", "why" };
	const sp_node *n = v;

	if (v->type == SP_NODE_MAP) {
		TRY(dec_keys(d, v, "must", keys, 2));
		if ((n = sp_node_get(v, "min")) == NULL)
			return dec_fail(d, v, "must: missing required key "
			    "'min'");
		if (sp_node_get(v, "why") != NULL)
			TRY(decode_why(d, sp_node_get(v, "why"), mu));
	}
	return dec_double(d, n, "must", m->scale_min, m->scale_max, &mu->min);
}

sp_status
must_decode_min(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *map)
{
	const char *ids[SP_MAX_CRITERIA];
	const sp_node *k;
	sp_must *mu;
	sp_status rc;
	int i;

	TRY(dec_map(d, map, "must"));
	for (i = 0; i < m->ncriteria; i++)
		ids[i] = m->criteria[i].id;
	for (k = map->first; k != NULL; k = k->next) {
		if ((i = sp_matrix_criterion(m, k->text)) < 0)
			return unknown(d, k, "must", "criterion", ids,
			    m->ncriteria);
		if (m->criteria[i].from_team)
			return dec_fail(d, k, "must: '%s' is rated from the "
			    "team section; use exclude for an option the team "
			    "will not work with", k->text);
		if ((mu = add_must(d, p, k, &rc)) == NULL)
			return rc;
		mu->kind = SP_MUST_MIN;
		mu->target = i;
		TRY(decode_min(d, mu, m, k->value));
	}
	return SP_OK;
}

/* Whether p already has a must of kind on option o. */
static const sp_must *
find_option_must(const sp_profile *p, int o)
{
	int i;

	for (i = 0; i < p->nmusts; i++)
		if (p->must[i].kind != SP_MUST_MIN && p->must[i].target == o)
			return &p->must[i];
	return NULL;
}

sp_status
must_decode_option(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *map, sp_must_kind kind)
{
	const char *what = kind == SP_MUST_EXCLUDE ? "exclude" : "require";
	const char *ids[SP_MAX_OPTIONS];
	const sp_must *prev;
	const sp_node *k;
	sp_must *mu;
	sp_status rc;
	int o;

	TRY(dec_map(d, map, what));
	for (o = 0; o < m->noptions; o++)
		ids[o] = m->options[o].id;
	for (k = map->first; k != NULL; k = k->next) {
		if ((o = sp_matrix_option(m, k->text)) < 0)
			return unknown(d, k, what, "option", ids, m->noptions);
		if ((prev = find_option_must(p, o)) != NULL)
			return dec_fail(d, k, "%s: '%s' names %s, which is "
			    "already %s", what, k->text, m->options[o].id,
			    prev->kind == SP_MUST_EXCLUDE ? "excluded" :
			    "required");
		if ((mu = add_must(d, p, k, &rc)) == NULL)
			return rc;
		mu->kind = kind;
		mu->target = o;
		TRY(decode_why(d, k->value, mu));
	}
	return SP_OK;
}
