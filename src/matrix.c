/*
 * The decode stage for matrices: a parsed document becomes a validated
 * sp_matrix.  Every array and string lives in the document's arena.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/units.h"
#include "decode.h"
#include "evidence_dec.h"
#include "internal.h"

struct ctx {
	sp_dec d;
	sp_matrix *m;
	int rule_tests;  /* trait tests in the rules so far */
};

static sp_status
nomem(struct ctx *c)
{
	return sp_error_set(c->d.err, SP_ENOMEM, c->d.file, 0, 0,
	    "out of memory");
}

static void *
alloc(struct ctx *c, size_t n, size_t size)
{
	return sp_doc_alloc(c->m->doc, n * size);
}

/* Ids are what users type on the command line and in JSON keys. */
static sp_status
check_id(struct ctx *c, const sp_node *n, const char *what, const char **out)
{
	const char *s;

	TRY(dec_str(&c->d, n, what, out));
	if (n->len == 0 || n->len > 64)
		return dec_fail(&c->d, n, "%s: an id has 1 to 64 characters",
		    what);
	for (s = n->text; *s; s++)
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && *s != '_' && *s != '-')
			return dec_fail(&c->d, n, "%s: '%s' is not a valid id "
			    "(use lower-case letters, digits, '_' and '-')",
			    what, n->text);
	return SP_OK;
}

static sp_status
req(struct ctx *c, const sp_node *map, const char *key, const char *what,
    const sp_node **out)
{
	*out = sp_node_get(map, key);
	if (*out == NULL)
		return dec_fail(&c->d, map, "%s: missing required key '%s'",
		    what, key);
	return SP_OK;
}

static sp_status
text_field(struct ctx *c, const sp_node *map, const char *key,
    const char *what, int required, const char **out)
{
	const sp_node *n = sp_node_get(map, key);

	*out = NULL;
	if (n == NULL)
		return required ? dec_fail(&c->d, map, "%s: missing required "
		    "key '%s'", what, key) : SP_OK;
	TRY(dec_str(&c->d, n, what, out));
	return dec_clean(&c->d, n, what, 1);
}

static sp_status
load_options(struct ctx *c, const sp_node *seq)
{
	static const char *const keys[] = { "id", "label", "aliases" };
	sp_matrix *m = c->m;
	const sp_node *o;
	int i = 0;

	TRY(dec_seq(&c->d, seq, "options"));
	if (seq->count < SP_MIN_OPTIONS || seq->count > SP_MAX_OPTIONS)
		return dec_fail(&c->d, seq, "options: a matrix has %d to %d "
		    "options, found %zu", SP_MIN_OPTIONS, SP_MAX_OPTIONS,
		    seq->count);
	m->options = alloc(c, seq->count, sizeof(*m->options));
	if (m->options == NULL)
		return nomem(c);
	for (o = seq->first; o != NULL; o = o->next, i++) {
		sp_option *opt = &m->options[i];
		const sp_node *n, *a;
		int j = 0;

		TRY(dec_map(&c->d, o, "option"));
		TRY(dec_keys(&c->d, o, "option", keys, 3));
		TRY(req(c, o, "id", "option", &n));
		TRY(check_id(c, n, "option id", &opt->id));
		KEEP(&c->d, text_field(c, o, "label", "option label", 1,
		    &opt->label));
		if (sp_matrix_option(m, opt->id) >= 0)
			return dec_fail(&c->d, n, "option id '%s' is already "
			    "used", opt->id);
		m->noptions = i + 1;
		if ((n = sp_node_get(o, "aliases")) != NULL) {
			TRY(dec_seq(&c->d, n, "aliases"));
			opt->aliases = alloc(c, n->count, sizeof(char *));
			if (opt->aliases == NULL && n->count > 0)
				return nomem(c);
			for (a = n->first; a != NULL; a = a->next, j++) {
				TRY(check_id(c, a, "alias", &opt->aliases[j]));
				if (sp_matrix_option(m, a->text) >= 0)
					return dec_fail(&c->d, a, "alias '%s' "
					    "is already used", a->text);
				opt->naliases = j + 1;
			}
		}
	}
	return SP_OK;
}

/*
 * An enum trait's aliases: a mapping from another name to one of its
 * values ({typescript: javascript}).  An alias is an id of its own, never
 * a value's name, and names exactly one value; the document already
 * refuses a key given twice, so an alias cannot be listed twice.
 */
static sp_status
load_aliases(struct ctx *c, const sp_node *map, sp_trait *tr)
{
	const sp_node *k;
	int i, j = 0, v;

	if (tr->type != SP_TRAIT_ENUM)
		return dec_fail(&c->d, map, "aliases: only an enum trait has "
		    "aliases");
	TRY(dec_map(&c->d, map, "aliases"));
	if (map->count > SP_MAX_ALIASES)
		return dec_fail(&c->d, map, "aliases: an enum trait has at "
		    "most %d aliases", SP_MAX_ALIASES);
	tr->aliases = alloc(c, map->count, sizeof(char *));
	tr->alias_of = alloc(c, map->count, sizeof(int));
	if ((tr->aliases == NULL || tr->alias_of == NULL) && map->count > 0)
		return nomem(c);
	for (k = map->first; k != NULL; k = k->next, j++) {
		TRY(check_id(c, k, "alias", &tr->aliases[j]));
		for (i = 0; i < tr->nvalues; i++)
			if (strcmp(tr->values[i], k->text) == 0)
				return dec_fail(&c->d, k, "alias '%s' is "
				    "already a value of '%s'", k->text, tr->id);
		TRY(dec_enum(&c->d, k->value, "aliases", tr->values,
		    tr->nvalues, &v));
		tr->alias_of[j] = v;
		tr->naliases = j + 1;
	}
	return SP_OK;
}

static sp_status
load_trait(struct ctx *c, const sp_node *t, sp_trait *tr)
{
	static const char *const keys[] = { "id", "type", "values", "min",
		"max", "default", "question", "help", "aliases" };
	static const char *const types[] = { "enum", "boolean", "integer" };
	static const char *const reserved[] = { "name", "team", "weights",
		"must", "exclude", "require" };
	const sp_node *n, *v;
	int type, j = 0;
	size_t r;

	TRY(dec_map(&c->d, t, "trait"));
	TRY(dec_keys(&c->d, t, "trait", keys, 9));
	TRY(req(c, t, "id", "trait", &n));
	TRY(check_id(c, n, "trait id", &tr->id));
	for (r = 0; r < sizeof(reserved) / sizeof(reserved[0]); r++)
		if (strcmp(tr->id, reserved[r]) == 0)
			return dec_fail(&c->d, n, "trait id '%s' is reserved "
			    "for the profile itself", tr->id);
	if (sp_matrix_trait(c->m, tr->id) >= 0)
		return dec_fail(&c->d, n, "trait id '%s' is already used",
		    tr->id);
	TRY(req(c, t, "type", "trait", &n));
	TRY(dec_enum(&c->d, n, "trait type", types, 3, &type));
	tr->type = (sp_trait_type)type;
	KEEP(&c->d, text_field(c, t, "question", "question", 0,
	    &tr->question));
	KEEP(&c->d, text_field(c, t, "help", "help", 0, &tr->help));
	if (tr->type == SP_TRAIT_ENUM) {
		TRY(req(c, t, "values", "enum trait", &n));
		TRY(dec_seq(&c->d, n, "values"));
		if (n->count < 2 || n->count > SP_MAX_VALUES)
			return dec_fail(&c->d, n, "values: an enum trait has 2 "
			    "to %d values", SP_MAX_VALUES);
		tr->values = alloc(c, n->count, sizeof(char *));
		if (tr->values == NULL)
			return nomem(c);
		for (v = n->first; v != NULL; v = v->next, j++) {
			int k;

			TRY(check_id(c, v, "value", &tr->values[j]));
			for (k = 0; k < j; k++)
				if (strcmp(tr->values[k], v->text) == 0)
					return dec_fail(&c->d, v, "value '%s' "
					    "is listed twice", v->text);
		}
		tr->nvalues = j;
	} else if (tr->type == SP_TRAIT_INT) {
		TRY(req(c, t, "min", "integer trait", &n));
		TRY(dec_long(&c->d, n, "min", 0, 1000000000L, &tr->min));
		TRY(req(c, t, "max", "integer trait", &n));
		TRY(dec_long(&c->d, n, "max", tr->min, 1000000000L, &tr->max));
	}
	if ((n = sp_node_get(t, "aliases")) != NULL)
		TRY(load_aliases(c, n, tr));
	TRY(req(c, t, "default", "trait", &n));
	if (tr->type == SP_TRAIT_ENUM) {
		TRY(dec_enum(&c->d, n, "default", tr->values, tr->nvalues,
		    &type));
		tr->def = type;
	} else if (tr->type == SP_TRAIT_BOOL) {
		TRY(dec_bool(&c->d, n, "default", &type));
		tr->def = type;
	} else {
		TRY(dec_long(&c->d, n, "default", tr->min, tr->max, &tr->def));
	}
	return SP_OK;
}

static sp_status
load_traits(struct ctx *c, const sp_node *seq)
{
	const sp_node *t;
	int i = 0;

	TRY(dec_seq(&c->d, seq, "traits"));
	if (seq->count > SP_MAX_TRAITS)
		return dec_fail(&c->d, seq, "traits: at most %d traits",
		    SP_MAX_TRAITS);
	c->m->traits = alloc(c, seq->count, sizeof(sp_trait));
	if (c->m->traits == NULL && seq->count > 0)
		return nomem(c);
	for (t = seq->first; t != NULL; t = t->next, i++) {
		TRY(load_trait(c, t, &c->m->traits[i]));
		c->m->ntraits = i + 1;
	}
	return SP_OK;
}

/* One "trait: test" pair of a condition. */
static sp_status
load_term(struct ctx *c, const sp_node *key, sp_term *term)
{
	const sp_node *v = key->value, *item;
	const sp_trait *tr;
	char hint[96];
	int idx, b;

	term->trait = sp_matrix_trait(c->m, key->text);
	if (term->trait < 0) {
		const char *ids[SP_MAX_TRAITS];
		int i;

		for (i = 0; i < c->m->ntraits; i++)
			ids[i] = c->m->traits[i].id;
		dec_hint(hint, sizeof(hint), key->text, ids, c->m->ntraits);
		return dec_fail(&c->d, key, "when: unknown trait '%s'%s",
		    key->text, hint);
	}
	tr = &c->m->traits[term->trait];
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		if (v->type == SP_NODE_SEQ) {
			for (item = v->first; item != NULL; item = item->next) {
				TRY(dec_enum(&c->d, item, tr->id, tr->values,
				    tr->nvalues, &idx));
				term->set |= (uint64_t)1 << idx;
			}
			if (term->set == 0)
				return dec_fail(&c->d, v, "when: empty list");
		} else {
			TRY(dec_enum(&c->d, v, tr->id, tr->values, tr->nvalues,
			    &idx));
			term->set = (uint64_t)1 << idx;
		}
		break;
	case SP_TRAIT_BOOL:
		TRY(dec_bool(&c->d, v, tr->id, &b));
		term->set = (uint64_t)1 << b;
		break;
	case SP_TRAIT_INT:
		term->min = tr->min;
		term->max = tr->max;
		if (v->type == SP_NODE_MAP) {
			static const char *const keys[] = { "min", "max" };
			const sp_node *n;

			TRY(dec_keys(&c->d, v, "range", keys, 2));
			if ((n = sp_node_get(v, "min")) != NULL)
				TRY(dec_long(&c->d, n, "min", tr->min, tr->max,
				    &term->min));
			if ((n = sp_node_get(v, "max")) != NULL)
				TRY(dec_long(&c->d, n, "max", term->min,
				    tr->max, &term->max));
		} else {
			TRY(dec_long(&c->d, v, tr->id, tr->min, tr->max,
			    &term->min));
			term->max = term->min;
		}
		break;
	}
	return SP_OK;
}

/*
 * A condition: one mapping (all must hold) or a list of them (any).  The
 * tests of a rule's condition count against SP_MAX_RULE_TESTS.
 */
static sp_status
load_cond(struct ctx *c, const sp_node *n, sp_cond *cond, int rule)
{
	const sp_node *clause, *k;
	size_t nterms = 0;
	int ci = 0, ti = 0;

	memset(cond, 0, sizeof(*cond));
	if (n == NULL)
		return SP_OK;
	if (n->type == SP_NODE_MAP) {
		nterms = n->count;
		cond->nclauses = 1;
	} else if (n->type == SP_NODE_SEQ) {
		if (n->count == 0)
			return dec_fail(&c->d, n, "when: empty list; leave "
			    "'when' out for an item that always applies");
		for (clause = n->first; clause; clause = clause->next) {
			TRY(dec_map(&c->d, clause, "when"));
			nterms += clause->count;
		}
		cond->nclauses = (int)n->count;
	} else {
		return dec_fail(&c->d, n, "when: expected a mapping of traits "
		    "or a list of them, found %s", sp_node_kind(n));
	}
	cond->terms = alloc(c, nterms, sizeof(sp_term));
	cond->clause_len = alloc(c, (size_t)cond->nclauses, sizeof(int));
	if ((cond->terms == NULL && nterms) || (cond->clause_len == NULL &&
	    cond->nclauses))
		return nomem(c);
	for (clause = n->type == SP_NODE_MAP ? n : n->first; clause != NULL;
	    clause = n->type == SP_NODE_MAP ? NULL : clause->next, ci++) {
		if (clause->count == 0)
			return dec_fail(&c->d, clause, "when: empty condition");
		for (k = clause->first; k != NULL; k = k->next) {
			if (rule && ++c->rule_tests > SP_MAX_RULE_TESTS)
				return dec_fail(&c->d, k, "rules: more than %d "
				    "trait tests in the rules of one matrix",
				    SP_MAX_RULE_TESTS);
			TRY(load_term(c, k, &cond->terms[ti++]));
		}
		cond->clause_len[ci] = (int)clause->count;
	}
	return SP_OK;
}

static sp_status
load_rule(struct ctx *c, const sp_node *r, sp_rule *rule)
{
	static const char *const keys[] = { "when", "add", "why" };
	const sp_node *n;

	TRY(dec_map(&c->d, r, "rule"));
	TRY(dec_keys(&c->d, r, "rule", keys, 3));
	KEEP(&c->d, text_field(c, r, "why", "why", 0, &rule->why));
	TRY(req(c, r, "when", "rule", &n));
	TRY(load_cond(c, n, &rule->when, 1));
	TRY(req(c, r, "add", "rule", &n));
	return dec_double(&c->d, n, "add", -SP_WEIGHT_MAX, SP_WEIGHT_MAX,
	    &rule->add);
}

/*
 * The rules of a criterion.  A bad rule does not keep the next from being
 * read, but going past SP_MAX_RULE_TESTS stops the whole matrix.
 */
static sp_status
load_rules(struct ctx *c, const sp_node *seq, sp_criterion *cr)
{
	const sp_node *r;
	int i = 0;

	TRY(dec_seq(&c->d, seq, "rules"));
	cr->rules = alloc(c, seq->count, sizeof(sp_rule));
	if (cr->rules == NULL && seq->count > 0)
		return nomem(c);
	for (r = seq->first; r != NULL; r = r->next, i++) {
		KEEP(&c->d, load_rule(c, r, &cr->rules[i]));
		if (c->rule_tests > SP_MAX_RULE_TESTS)
			return SP_EDATA;
	}
	cr->nrules = i;
	return SP_OK;
}

/*
 * A range [lo, hi] around point, each end between min and max; what names
 * the point ("rating" or "value").
 */
static sp_status
load_range(struct ctx *c, const sp_node *n, const char *what, double point,
    double min, double max, double *lo, double *hi)
{
	if (n->type != SP_NODE_SEQ || n->count != 2)
		return dec_fail(&c->d, n, "range: expected [low, high], found "
		    "%s", n->type == SP_NODE_SEQ ? "another length" :
		    sp_node_kind(n));
	TRY(dec_double(&c->d, n->first, "range", min, max, lo));
	TRY(dec_double(&c->d, n->first->next, "range", min, max, hi));
	if (*lo > point || *hi < point)
		return dec_fail(&c->d, n, "range: [%g, %g] does not hold the "
		    "%s %g", *lo, *hi, what, point);
	return SP_OK;
}

/*
 * One option's entry of a criterion's ratings, the pos'th: a rating, or
 * a raw value when the criterion is measured in a unit, with an optional
 * range, the reason and the evidence behind it.
 */
static sp_status
load_rating(struct ctx *c, const sp_node *k, int pos, sp_criterion *cr,
    unsigned char *seen)
{
	static const char *const keys[] = { "rating", "value", "range",
		"why", "evidence" };
	sp_matrix *m = c->m;
	sp_units *u = (sp_units *)cr->units;
	const char *what = u != NULL ? "value" : "rating";
	const sp_node *n, *e = k->value;
	double *lo, *hi;
	int o = -1;

	/* Ratings mostly follow the order of the options. */
	if (pos < m->noptions && strcmp(m->options[pos].id, k->text) == 0)
		o = pos;
	for (int i = 0; o < 0 && i < m->noptions; i++)
		if (strcmp(m->options[i].id, k->text) == 0)
			o = i;
	if (o < 0)
		return dec_fail(&c->d, k, "ratings: '%s' is not an option id",
		    k->text);
	seen[o] = 1;
	lo = u != NULL ? &u->lo[o] : &cr->lo[o];
	hi = u != NULL ? &u->hi[o] : &cr->hi[o];
	TRY(dec_map(&c->d, e, "rating"));
	TRY(dec_keys(&c->d, e, "rating", keys, 5));
	if (sp_node_get(e, u != NULL ? "rating" : "value") != NULL)
		return dec_fail(&c->d, e, u != NULL ? "rating: criterion '%s' "
		    "is measured in %s: give a value, not a rating" :
		    "rating: criterion '%s' has no unit%s: give a rating, "
		    "not a value", cr->id, u != NULL ? u->unit : "");
	TRY(req(c, e, what, "rating", &n));
	if (u != NULL)
		TRY(dec_double(&c->d, n, "value", -1e15, 1e15, &u->value[o]));
	else
		TRY(dec_double(&c->d, n, "rating", m->scale_min, m->scale_max,
		    &cr->ratings[o]));
	*lo = *hi = u != NULL ? u->value[o] : cr->ratings[o];
	if ((n = sp_node_get(e, "range")) != NULL) {
		KEEP(&c->d, load_range(c, n, what, *lo, u != NULL ? -1e15 :
		    m->scale_min, u != NULL ? 1e15 : m->scale_max, lo, hi));
		cr->nranges += *lo < *hi;
	}
	KEEP(&c->d, text_field(c, e, "why", "why", 1, &cr->why[o]));
	if ((n = sp_node_get(e, "evidence")) != NULL)
		KEEP(&c->d, evidence_load(&c->d, m, cr, o, n));
	return SP_OK;
}

static sp_status
load_ratings(struct ctx *c, const sp_node *map, sp_criterion *cr)
{
	unsigned char seen[SP_MAX_OPTIONS] = { 0 };
	const sp_node *k;
	int o, nev, pos = 0;

	TRY(dec_map(&c->d, map, "ratings"));
	TRY(evidence_count(&c->d, map, &nev));
	cr->evidence = alloc(c, (size_t)nev, sizeof(sp_evidence));
	if (cr->evidence == NULL && nev > 0)
		return nomem(c);
	for (k = map->first; k != NULL; k = k->next)
		KEEP(&c->d, load_rating(c, k, pos++, cr, seen));
	for (o = 0; o < c->m->noptions; o++)
		if (!seen[o])
			return dec_fail(&c->d, map, "ratings: criterion '%s' "
			    "has no rating for option '%s'", cr->id,
			    c->m->options[o].id);
	return SP_OK;
}

/*
 * Explicit breakpoints: [[value, rating], ...], values strictly
 * increasing, ratings on the scale and strictly falling (cost) or rising
 * (benefit).
 */
static sp_status
load_breakpoints(struct ctx *c, const sp_node *seq, sp_units *u)
{
	const sp_matrix *m = c->m;
	const sp_node *n;
	int i = 0;

	TRY(dec_seq(&c->d, seq, "breakpoints"));
	if (seq->count < 2 || seq->count > SP_MAX_BREAKPOINTS)
		return dec_fail(&c->d, seq, "breakpoints: a value function has "
		    "2 to %d breakpoints, found %zu", SP_MAX_BREAKPOINTS,
		    seq->count);
	u->bp_value = alloc(c, seq->count, sizeof(double));
	u->bp_rating = alloc(c, seq->count, sizeof(double));
	if (u->bp_value == NULL || u->bp_rating == NULL)
		return nomem(c);
	for (n = seq->first; n != NULL; n = n->next, i++) {
		if (n->type != SP_NODE_SEQ || n->count != 2)
			return dec_fail(&c->d, n, "breakpoints: expected "
			    "[value, rating], found %s", sp_node_kind(n));
		TRY(dec_double(&c->d, n->first, "breakpoint value", -1e15,
		    1e15, &u->bp_value[i]));
		TRY(dec_double(&c->d, n->first->next, "breakpoint rating",
		    m->scale_min, m->scale_max, &u->bp_rating[i]));
		if (i > 0 && u->bp_value[i] <= u->bp_value[i - 1])
			return dec_fail(&c->d, n->first, "breakpoints: values "
			    "must increase");
		if (i > 0 && (u->cost ? u->bp_rating[i] >= u->bp_rating[i -
		    1] : u->bp_rating[i] <= u->bp_rating[i - 1]))
			return dec_fail(&c->d, n->first->next, "breakpoints: "
			    "on a %s criterion ratings must %s as values "
			    "increase", u->cost ? "cost" : "benefit",
			    u->cost ? "fall" : "rise");
	}
	u->nbp = i;
	return SP_OK;
}

/*
 * A linear value function from best to worst: those of value_function
 * (f, may be NULL), or else the best and worst values of the options.
 */
static sp_status
linear_units(struct ctx *c, const sp_node *f, sp_units *u)
{
	const sp_matrix *m = c->m;
	const sp_node *n;
	double best, worst, lo = u->value[0], hi = u->value[0];
	int o;

	for (o = 1; o < m->noptions; o++) {
		lo = u->value[o] < lo ? u->value[o] : lo;
		hi = u->value[o] > hi ? u->value[o] : hi;
	}
	best = u->cost ? lo : hi;
	worst = u->cost ? hi : lo;
	if (f != NULL) {
		TRY(req(c, f, "best", "value_function", &n));
		TRY(dec_double(&c->d, n, "best", -1e15, 1e15, &best));
		TRY(req(c, f, "worst", "value_function", &n));
		TRY(dec_double(&c->d, n, "worst", -1e15, 1e15, &worst));
		if (u->cost ? best >= worst : best <= worst)
			return dec_fail(&c->d, n, "value_function: on a %s "
			    "criterion the worst value must be %s the best",
			    u->cost ? "cost" : "benefit", u->cost ? "above" :
			    "below");
	}
	u->bp_value = alloc(c, 2, sizeof(double));
	u->bp_rating = alloc(c, 2, sizeof(double));
	if (u->bp_value == NULL || u->bp_rating == NULL)
		return nomem(c);
	u->nbp = best == worst ? 1 : 2;
	u->bp_value[0] = u->cost ? best : worst;
	u->bp_value[1] = u->cost ? worst : best;
	u->bp_rating[0] = u->cost || u->nbp == 1 ? m->scale_max : m->scale_min;
	u->bp_rating[1] = u->cost ? m->scale_min : m->scale_max;
	return SP_OK;
}

/*
 * The unit, direction and value function of a criterion measured in a
 * unit, before its ratings are read; *u is NULL when it has no unit.
 */
static sp_status
load_units_head(struct ctx *c, const sp_node *node, sp_criterion *cr,
    sp_units **out)
{
	static const char *const dirs[] = { "benefit", "cost" };
	const sp_node *n = sp_node_get(node, "direction");
	sp_units *u;
	size_t no = (size_t)c->m->noptions;

	*out = NULL;
	if (sp_node_get(node, "unit") == NULL) {
		if (n != NULL || (n = sp_node_get(node, "value_function")))
			return dec_fail(&c->d, n, "criterion '%s': a direction "
			    "or value function needs a unit", cr->id);
		return SP_OK;
	}
	if (cr->from_team)
		return dec_fail(&c->d, sp_node_get(node, "unit"), "criterion "
		    "'%s' takes its ratings from the team: it has no unit",
		    cr->id);
	u = alloc(c, 1, sizeof(*u));
	if (u == NULL || (u->value = alloc(c, no, sizeof(double))) == NULL ||
	    (u->lo = alloc(c, no, sizeof(double))) == NULL ||
	    (u->hi = alloc(c, no, sizeof(double))) == NULL)
		return nomem(c);
	TRY(text_field(c, node, "unit", "unit", 1, &u->unit));
	if (n == NULL)
		return dec_fail(&c->d, node, "criterion '%s': missing required "
		    "key 'direction' (cost or benefit)", cr->id);
	TRY(dec_enum(&c->d, n, "direction", dirs, 2, &u->cost));
	*out = u;
	cr->units = u;
	return SP_OK;
}

/* The value function, once the raw values are read; then the ratings. */
static sp_status
load_units_tail(struct ctx *c, const sp_node *node, sp_units *u,
    sp_criterion *cr)
{
	const sp_node *f = sp_node_get(node, "value_function");
	const sp_node *bp = NULL;
	int o;

	if (f != NULL) {
		static const char *const keys[] = { "best", "worst",
			"breakpoints" };

		TRY(dec_map(&c->d, f, "value_function"));
		TRY(dec_keys(&c->d, f, "value_function", keys, 3));
		bp = sp_node_get(f, "breakpoints");
		if (bp != NULL && f->count != 1)
			return dec_fail(&c->d, f, "value_function: give either "
			    "breakpoints or best and worst");
	}
	if (bp != NULL)
		TRY(load_breakpoints(c, bp, u));
	else
		TRY(linear_units(c, f, u));
	for (o = 0; o < c->m->noptions; o++)
		cr->ratings[o] = cr->lo[o] = cr->hi[o] = sp_units_rating(u,
		    u->value[o]);
	return SP_OK;
}

static sp_status
load_criterion(struct ctx *c, const sp_node *node, sp_criterion *cr)
{
	static const char *const keys[] = { "id", "label", "component",
		"weight", "weight_why", "ratings", "ratings_from", "rules",
		"unit", "direction", "value_function" };
	const sp_node *n;
	const char *from;
	sp_units *u;
	size_t no = (size_t)c->m->noptions;

	TRY(dec_map(&c->d, node, "criterion"));
	TRY(dec_keys(&c->d, node, "criterion", keys, 11));
	TRY(req(c, node, "id", "criterion", &n));
	TRY(check_id(c, n, "criterion id", &cr->id));
	if (sp_matrix_criterion(c->m, cr->id) >= 0)
		return dec_fail(&c->d, n, "criterion id '%s' is already used",
		    cr->id);
	KEEP(&c->d, text_field(c, node, "label", "label", 1, &cr->label));
	KEEP(&c->d, text_field(c, node, "component", "component", 0,
	    &cr->component));
	if ((n = sp_node_get(node, "weight")) == NULL)
		KEEP(&c->d, req(c, node, "weight", "criterion", &n));
	else
		KEEP(&c->d, dec_double(&c->d, n, "weight", SP_WEIGHT_MIN,
		    SP_WEIGHT_MAX, &cr->weight));
	KEEP(&c->d, text_field(c, node, "weight_why", "weight_why", 0,
	    &cr->weight_why));
	cr->ratings = alloc(c, no, sizeof(double));
	cr->why = alloc(c, no, sizeof(char *));
	if (cr->ratings == NULL || cr->why == NULL)
		return nomem(c);
	cr->from_team = sp_node_get(node, "ratings_from") != NULL;
	TRY(load_units_head(c, node, cr, &u));
	if ((n = sp_node_get(node, "ratings_from")) != NULL) {
		TRY(dec_str(&c->d, n, "ratings_from", &from));
		if (strcmp(from, "team") != 0)
			return dec_fail(&c->d, n, "ratings_from: only 'team' "
			    "is known, found '%s'", from);
		if (sp_node_get(node, "ratings") != NULL)
			return dec_fail(&c->d, n, "criterion '%s' has both "
			    "ratings and ratings_from", cr->id);
		cr->from_team = 1;
	} else {
		cr->lo = alloc(c, no, sizeof(double));
		cr->hi = alloc(c, no, sizeof(double));
		if (cr->lo == NULL || cr->hi == NULL)
			return nomem(c);
		TRY(req(c, node, "ratings", "criterion", &n));
		KEEP(&c->d, load_ratings(c, n, cr));
		if (u != NULL)
			KEEP(&c->d, load_units_tail(c, node, u, cr));
	}
	if ((n = sp_node_get(node, "rules")) != NULL)
		return load_rules(c, n, cr);
	return SP_OK;
}

static sp_status
load_criteria(struct ctx *c, const sp_node *seq)
{
	const sp_node *n;
	int i = 0;

	TRY(dec_seq(&c->d, seq, "criteria"));
	if (seq->count < 1 || seq->count > SP_MAX_CRITERIA)
		return dec_fail(&c->d, seq, "criteria: a matrix has 1 to %d "
		    "criteria, found %zu", SP_MAX_CRITERIA, seq->count);
	c->m->criteria = alloc(c, seq->count, sizeof(sp_criterion));
	if (c->m->criteria == NULL)
		return nomem(c);
	/* Each criterion is read, whatever was wrong with the one before. */
	for (n = seq->first; n != NULL; n = n->next, i++) {
		KEEP(&c->d, load_criterion(c, n, &c->m->criteria[i]));
		c->m->ncriteria = i + 1;
		if (c->rule_tests > SP_MAX_RULE_TESTS)
			return SP_EDATA;
	}
	return SP_OK;
}

static sp_status
load_advice_item(struct ctx *c, const sp_node *a, const char *what,
    sp_advice *ad)
{
	static const char *const keys[] = { "option", "when", "text" };
	const sp_node *n;
	const char *id;

	ad->option = -1;
	TRY(dec_map(&c->d, a, what));
	TRY(dec_keys(&c->d, a, what, keys, 3));
	KEEP(&c->d, text_field(c, a, "text", "text", 1, &ad->text));
	TRY(load_cond(c, sp_node_get(a, "when"), &ad->when, 0));
	if ((n = sp_node_get(a, "option")) == NULL)
		return SP_OK;
	TRY(dec_str(&c->d, n, "option", &id));
	ad->option = sp_matrix_option(c->m, id);
	if (ad->option < 0)
		return dec_fail(&c->d, n, "%s: unknown option '%s'", what, id);
	return SP_OK;
}

static sp_status
load_advice(struct ctx *c, const sp_node *seq, const char *what,
    sp_advice **out, int *count)
{
	const sp_node *a;
	int i = 0;

	*count = 0;
	if (seq == NULL)
		return SP_OK;
	TRY(dec_seq(&c->d, seq, what));
	*out = alloc(c, seq->count, sizeof(sp_advice));
	if (*out == NULL && seq->count > 0)
		return nomem(c);
	for (a = seq->first; a != NULL; a = a->next, i++)
		KEEP(&c->d, load_advice_item(c, a, what, &(*out)[i]));
	*count = i;
	return SP_OK;
}

/*
 * Refuses, in one error, a document that is plainly not a matrix: a
 * profile (none of a matrix's own keys, and some other key) or a result
 * that --format json wrote.
 */
static sp_status
check_kind(struct ctx *c, const sp_node *root, const char *const *keys,
    int nkeys)
{
	const sp_node *k, *other = NULL;
	int i, own = 0;

	if ((k = sp_node_get(root, "schema_version")) != NULL &&
	    sp_node_get(root, "recommendation") != NULL)
		return dec_fail(&c->d, root, "this looks like a result that "
		    "stackpick --format json wrote, not a matrix: give a "
		    "matrix with --matrix, and a result with --baseline");
	for (k = root->first; k != NULL; k = k->next) {
		for (i = 0; i < nkeys && strcmp(k->text, keys[i]) != 0; i++)
			;
		if (i == nkeys && other == NULL)
			other = k;
		else if (i < nkeys && strcmp(k->text, "name") != 0)
			own = 1;
	}
	if (own || other == NULL)
		return SP_OK;
	for (k = root->first; k != NULL; k = k->next)
		if (strcmp(k->text, "team") == 0 ||
		    strcmp(k->text, "weights") == 0)
			other = k;
	return dec_fail(&c->d, other, "this looks like a profile, not a "
	    "matrix: pass it as an operand (stackpick FILE), and a matrix "
	    "with --matrix FILE (unknown key '%s')", other->text);
}

static sp_status
load_format(struct ctx *c, const sp_node *root)
{
	const sp_node *n;
	long format;

	TRY(req(c, root, "format", "matrix", &n));
	return dec_long(&c->d, n, "format", 1, 1, &format);
}

/*
 * The matrix's musts: each excludes an option, for a reason, when its
 * condition on the traits holds.
 */
static sp_status
load_musts(struct ctx *c, const sp_node *seq)
{
	static const char *const keys[] = { "when", "exclude", "why" };
	const sp_node *a, *n;
	const char *id;
	int i = 0;

	TRY(dec_seq(&c->d, seq, "musts"));
	if (seq->count > SP_MAX_MATRIX_MUSTS)
		return dec_fail(&c->d, seq, "musts: a matrix has at most %d",
		    SP_MAX_MATRIX_MUSTS);
	c->m->musts = alloc(c, seq->count, sizeof(sp_matrix_must));
	if (c->m->musts == NULL && seq->count > 0)
		return nomem(c);
	for (a = seq->first; a != NULL; a = a->next, i++) {
		sp_matrix_must *mu = &c->m->musts[i];

		TRY(dec_map(&c->d, a, "must"));
		TRY(dec_keys(&c->d, a, "must", keys, 3));
		TRY(text_field(c, a, "why", "why", 1, &mu->why));
		TRY(req(c, a, "when", "must", &n));
		TRY(load_cond(c, n, &mu->when, 0));
		TRY(req(c, a, "exclude", "must", &n));
		TRY(dec_str(&c->d, n, "exclude", &id));
		if ((mu->option = sp_matrix_option(c->m, id)) < 0) {
			const char *ids[SP_MAX_OPTIONS];
			char hint[96];
			int o;

			for (o = 0; o < c->m->noptions; o++)
				ids[o] = c->m->options[o].id;
			dec_hint(hint, sizeof(hint), id, ids, c->m->noptions);
			return dec_fail(&c->d, n, "exclude: unknown option "
			    "'%s'%s", id, hint);
		}
		c->m->nmusts = i + 1;
	}
	return SP_OK;
}

static sp_status
decode(struct ctx *c, const sp_node *root)
{
	static const char *const keys[] = { "format", "name", "source",
		"scale", "options", "traits", "criteria", "checklist",
		"pitfalls", "tools", "musts", "stale_after" };
	sp_matrix *m = c->m;
	const sp_node *n, *s;

	TRY(check_kind(c, root, keys, 12));
	TRY(dec_keys(&c->d, root, "matrix", keys, 12));
	if ((n = sp_node_get(root, "stale_after")) != NULL)
		KEEP(&c->d, horizon_load(&c->d, n, &m->stale_after));
	KEEP(&c->d, load_format(c, root));
	KEEP(&c->d, text_field(c, root, "name", "name", 1, &m->name));
	KEEP(&c->d, text_field(c, root, "source", "source", 0, &m->source));
	TRY(req(c, root, "scale", "matrix", &n));
	TRY(dec_map(&c->d, n, "scale"));
	{
		static const char *const skeys[] = { "min", "max" };

		TRY(dec_keys(&c->d, n, "scale", skeys, 2));
	}
	TRY(req(c, n, "min", "scale", &s));
	TRY(dec_double(&c->d, s, "scale min", -1e6, 1e6, &m->scale_min));
	TRY(req(c, n, "max", "scale", &s));
	TRY(dec_double(&c->d, s, "scale max", -1e6, 1e6, &m->scale_max));
	if (m->scale_max <= m->scale_min)
		return dec_fail(&c->d, s, "scale: max must be above min");
	TRY(req(c, root, "options", "matrix", &n));
	TRY(load_options(c, n));
	if ((n = sp_node_get(root, "traits")) != NULL)
		TRY(load_traits(c, n));
	TRY(req(c, root, "criteria", "matrix", &n));
	TRY(load_criteria(c, n));
	KEEP(&c->d, load_advice(c, sp_node_get(root, "checklist"),
	    "checklist", &m->checklist, &m->nchecklist));
	KEEP(&c->d, load_advice(c, sp_node_get(root, "pitfalls"), "pitfalls",
	    &m->pitfalls, &m->npitfalls));
	KEEP(&c->d, load_advice(c, sp_node_get(root, "tools"), "tools",
	    &m->tools, &m->ntools));
	if ((n = sp_node_get(root, "musts")) != NULL)
		KEEP(&c->d, load_musts(c, n));
	return dec_result(&c->d);
}

/* Decodes doc into a new matrix that owns it; doc is freed on failure. */
static sp_status
matrix_from_doc(sp_matrix **out, sp_doc *doc, sp_error *err,
    sp_errors *all)
{
	sp_matrix *m;
	struct ctx c;
	sp_status rc;

	m = sp_doc_alloc(doc, sizeof(*m));
	if (m == NULL) {
		rc = sp_error_set(err, SP_ENOMEM, sp_doc_name(doc), 0, 0,
		    "out of memory");
		sp_doc_free(doc);
		return rc;
	}
	m->doc = doc;
	dec_init(&c.d, sp_doc_name(doc), err, all);
	c.m = m;
	c.rule_tests = 0;
	if ((rc = decode(&c, sp_doc_root(doc))) != SP_OK) {
		if (rc != SP_EDATA)
			sp_errors_clear(all);
		sp_doc_free(doc);
		return rc;
	}
	*out = m;
	return SP_OK;
}

sp_status
sp_matrix_parse_all(sp_matrix **out, const char *buf, size_t len,
    const char *name, sp_error *err, sp_errors *all)
{
	sp_doc *doc;
	sp_status rc;

	*out = NULL;
	if ((rc = sp_doc_parse(&doc, buf, len, name, err)) != SP_OK)
		return rc;
	return matrix_from_doc(out, doc, err, all);
}

sp_status
sp_matrix_parse(sp_matrix **out, const char *buf, size_t len,
    const char *name, sp_error *err)
{
	return sp_matrix_parse_all(out, buf, len, name, err, NULL);
}

sp_status
sp_matrix_load(sp_matrix **out, const char *path, sp_error *err)
{
	return sp_matrix_load_all(out, path, err, NULL);
}

sp_status
sp_matrix_load_all(sp_matrix **out, const char *path, sp_error *err,
    sp_errors *all)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *buf;
	size_t len;
	sp_status rc;

	*out = NULL;
	rc = sp_read_file(&buf, &len, path, name, SP_MAX_MATRIX_BYTES, err);
	if (rc != SP_OK)
		return rc;
	rc = sp_matrix_parse_all(out, buf, len, name, err, all);
	free(buf);
	return rc;
}

/*
 * The shipped matrix was loaded at build time (cmake/embed_tree.c); what
 * is left to do at every start is to decode and validate it, which costs
 * a tenth of parsing its YAML.
 */
sp_status
sp_matrix_builtin(sp_matrix **out, sp_error *err)
{
	sp_doc *doc;
	sp_status rc;

	*out = NULL;
	rc = sp_doc_wrap(&doc, sp_matrix_builtin_tree(), "<built-in matrix>",
	    err);
	if (rc != SP_OK)
		return rc;
	return matrix_from_doc(out, doc, err, NULL);
}

void
sp_matrix_free(sp_matrix *m)
{
	if (m != NULL)
		sp_doc_free(m->doc);
}

int
sp_matrix_option(const sp_matrix *m, const char *name)
{
	int i, j;

	for (i = 0; i < m->noptions; i++) {
		if (m->options[i].id != NULL &&
		    strcmp(m->options[i].id, name) == 0)
			return i;
		for (j = 0; j < m->options[i].naliases; j++)
			if (strcmp(m->options[i].aliases[j], name) == 0)
				return i;
	}
	return -1;
}

int
sp_matrix_criterion(const sp_matrix *m, const char *id)
{
	int i;

	for (i = 0; i < m->ncriteria; i++)
		if (m->criteria[i].id != NULL &&
		    strcmp(m->criteria[i].id, id) == 0)
			return i;
	return -1;
}

int
sp_matrix_trait(const sp_matrix *m, const char *id)
{
	int i;

	for (i = 0; i < m->ntraits; i++)
		if (m->traits[i].id != NULL && strcmp(m->traits[i].id, id) == 0)
			return i;
	return -1;
}

int
sp_trait_value(const sp_trait *tr, const char *name)
{
	int i;

	for (i = 0; i < tr->nvalues; i++)
		if (strcmp(tr->values[i], name) == 0)
			return i;
	for (i = 0; i < tr->naliases; i++)
		if (strcmp(tr->aliases[i], name) == 0)
			return tr->alias_of[i];
	return -1;
}
