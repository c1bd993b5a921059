/*
 * The decode stage for profiles: a parsed document becomes an sp_profile,
 * checked against the traits, options and criteria of a matrix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stackpick/buf.h"
#include "stackpick/profile.h"
#include "decode.h"
#include "internal.h"
#include "must.h"
#include "pairwise.h"

void
sp_profile_defaults(sp_profile *p, const sp_matrix *m)
{
	int i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < m->ntraits; i++)
		p->value[i] = m->traits[i].def;
	for (i = 0; i < SP_MAX_OPTIONS; i++)
		p->team[i] = -1;
}

/* One "option: proficiency" entry of the team section. */
static sp_status
decode_member(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *k)
{
	const char *names[SP_MAX_OPTIONS * 4];
	char hint[96];
	long v;
	int o, i, j, n = 0;

	o = sp_matrix_option(m, k->text);
	if (o < 0) {
		for (i = 0; i < m->noptions && n < SP_MAX_OPTIONS * 4; i++) {
			names[n++] = m->options[i].id;
			for (j = 0; j < m->options[i].naliases &&
			    n < SP_MAX_OPTIONS * 4; j++)
				names[n++] = m->options[i].aliases[j];
		}
		dec_hint(hint, sizeof(hint), k->text, names, n);
		return dec_fail(d, k, "team: unknown option '%s'%s", k->text,
		    hint);
	}
	if (p->team[o] >= 0)
		return dec_fail(d, k, "team: '%s' names %s, which is already "
		    "given", k->text, m->options[o].id);
	TRY(dec_long(d, k->value, "team proficiency", SP_TEAM_MIN,
	    SP_TEAM_MAX, &v));
	p->team[o] = (int)v;
	return SP_OK;
}

/* One "criterion: weight" entry of the weights section. */
static sp_status
decode_weight(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *k)
{
	const char *ids[SP_MAX_CRITERIA];
	char hint[96];
	int i = sp_matrix_criterion(m, k->text);

	if (i < 0) {
		for (i = 0; i < m->ncriteria; i++)
			ids[i] = m->criteria[i].id;
		dec_hint(hint, sizeof(hint), k->text, ids, m->ncriteria);
		return dec_fail(d, k, "weights: unknown criterion '%s'%s",
		    k->text, hint);
	}
	TRY(dec_double(d, k->value, k->text, SP_WEIGHT_MIN, SP_WEIGHT_MAX,
	    &p->weight[i]));
	p->override[i] = SP_OVERRIDE_PROFILE;
	return SP_OK;
}

typedef sp_status decode_entry_fn(const sp_dec *d, sp_profile *p,
    const sp_matrix *m, const sp_node *k);

/* Each entry of map, the section what, decoded by entry. */
static sp_status
decode_entries(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *map, const char *what, decode_entry_fn *entry)
{
	const sp_node *k;

	TRY(dec_map(d, map, what));
	for (k = map->first; k != NULL; k = k->next)
		KEEP(d, entry(d, p, m, k));
	return SP_OK;
}

static sp_status
decode_team(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *map)
{
	TRY(decode_entries(d, p, m, map, "team", decode_member));
	p->team_given = 1;
	return SP_OK;
}

/*
 * Refuses an enum value that is not a value or alias as written, saying
 * exactly what to write when only the case is wrong, and suggesting the
 * closest value or alias for a typo.
 */
static sp_status
unknown_enum(const sp_dec *d, const sp_node *v, const sp_trait *tr)
{
	const char *names[SP_MAX_VALUES + SP_MAX_ALIASES], *near;
	sp_buf b = SP_BUF_INIT;
	sp_status rc;
	int i, n = 0;

	for (i = 0; i < tr->nvalues; i++)
		names[n++] = tr->values[i];
	for (i = 0; i < tr->naliases; i++)
		names[n++] = tr->aliases[i];
	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], v->text) == 0)
			return dec_fail(d, v, "%s: unknown value '%s'; write "
			    "'%s' (values are lower-case)", tr->id, v->text,
			    names[i]);
	sp_buf_printf(&b, "%s: unknown value '%s'", tr->id, v->text);
	if ((near = dec_suggest(v->text, names, n)) != NULL)
		sp_buf_printf(&b, " (did you mean '%s'?)", near);
	sp_buf_puts(&b, "; expected ");
	for (i = 0; i < tr->nvalues; i++)
		sp_buf_printf(&b, "%s'%s'", i == 0 ? "" : i == tr->nvalues - 1 ?
		    " or " : ", ", tr->values[i]);
	rc = b.oom ? sp_error_set(d->err, SP_ENOMEM, d->file, 0, 0,
	    "out of memory") : dec_fail(d, v, "%s", sp_buf_cstr(&b));
	sp_buf_free(&b);
	return rc;
}

/* An enum value, by its name or one of its aliases, exactly as written. */
static sp_status
decode_enum(const sp_dec *d, const sp_node *v, const sp_trait *tr, int *out)
{
	if (v->type != SP_NODE_SCALAR)
		return dec_enum(d, v, tr->id, tr->values, tr->nvalues, out);
	if ((*out = sp_trait_value(tr, v->text)) >= 0)
		return SP_OK;
	return unknown_enum(d, v, tr);
}

/*
 * A whole number as a file must hold it: plain decimal.  Digits grouped
 * as people type them ("20,000") are refused with the number to write.
 */
static sp_status
decode_int(const sp_dec *d, const sp_node *v, const sp_trait *tr, long *out)
{
	long n;

	if (v->type == SP_NODE_SCALAR && v->plain &&
	    strpbrk(v->text, ",_") != NULL &&
	    sp_number_grouped(v->text, &n) == 1)
		return dec_fail(d, v, "%s: '%s' is not a whole number; write "
		    "%ld", tr->id, v->text, n);
	return dec_long(d, v, tr->id, tr->min, tr->max, out);
}

static sp_status
decode_trait(const sp_dec *d, sp_profile *p, const sp_trait *tr, int t,
    const sp_node *v)
{
	int x;

	switch (tr->type) {
	case SP_TRAIT_ENUM:
		TRY(decode_enum(d, v, tr, &x));
		p->value[t] = x;
		break;
	case SP_TRAIT_BOOL:
		TRY(dec_bool(d, v, tr->id, &x));
		p->value[t] = x;
		break;
	case SP_TRAIT_INT:
		TRY(decode_int(d, v, tr, &p->value[t]));
		break;
	}
	p->given[t] = 1;
	return SP_OK;
}

#define SP_STR_(x) #x
#define SP_STR(x) SP_STR_(x)

const char *
sp_profile_name_problem(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	if (len > SP_NAME_MAX)
		return "longer than " SP_STR(SP_NAME_MAX) " bytes";
	for (i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f || (u[i] == 0xC2 &&
		    i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F))
			return "control characters are not accepted";
		if (u[i] != 0xE2 || i + 2 >= len)
			continue;
		if (u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
			return "line and paragraph separators (U+2028, "
			    "U+2029) are not accepted";
		if ((u[i + 1] == 0x80 && u[i + 2] >= 0xAA && u[i + 2] <= 0xAE) ||
		    (u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9))
			return "bidirectional embeddings, overrides and "
			    "isolates (U+202A to U+202E, U+2066 to U+2069) "
			    "are not accepted";
	}
	if (!sp_utf8_valid(s))
		return "not UTF-8 text";
	return NULL;
}

static sp_status
decode_name(const sp_dec *d, sp_profile *p, const sp_node *v)
{
	const char *s;

	const char *why;

	TRY(dec_str(d, v, "name", &s));
	if ((why = sp_profile_name_problem(s, v->len)) != NULL)
		return dec_fail(d, v, "name: %s", why);
	memcpy(p->name, s, v->len + 1);
	return SP_OK;
}

/*
 * Refuses, in one error, a document that is plainly not a profile: a
 * matrix (options and criteria, which no profile has unless the matrix
 * declares traits of those names) or a result that --format json wrote.
 */
static sp_status
check_kind(const sp_dec *d, const sp_matrix *m, const sp_node *root)
{
	static const char *const matrix_keys[] = { "options", "criteria" };
	const sp_node *k;
	size_t i;

	for (k = root->first; k != NULL; k = k->next) {
		if (strcmp(k->text, "schema_version") == 0 &&
		    sp_matrix_trait(m, k->text) < 0 &&
		    sp_node_get(root, "recommendation") != NULL)
			return dec_fail(d, k, "this looks like a result that "
			    "stackpick --format json wrote, not a profile: "
			    "score the profile it came from, or compare with "
			    "it through --baseline FILE");
		for (i = 0; i < 2; i++)
			if (strcmp(k->text, matrix_keys[i]) == 0 &&
			    sp_matrix_trait(m, k->text) < 0)
				return dec_fail(d, k, "this looks like a "
				    "matrix, not a profile: use --matrix FILE "
				    "to score profiles against it (unknown "
				    "key '%s')", k->text);
	}
	return SP_OK;
}

sp_status
sp_profile_decode(sp_profile *p, const sp_matrix *m, const sp_doc *doc,
    sp_error *err)
{
	return sp_profile_decode_all(p, m, doc, err, NULL);
}

static sp_status
decode_root(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *root)
{
	const char *keys[SP_MAX_TRAITS + 7];
	const sp_node *k, *pairwise = NULL;
	int i, n = 0;

	TRY(check_kind(d, m, root));
	keys[n++] = "name";
	keys[n++] = "team";
	keys[n++] = "weights";
	keys[n++] = "must";
	keys[n++] = "exclude";
	keys[n++] = "require";
	keys[n++] = "pairwise";
	for (i = 0; i < m->ntraits; i++)
		keys[n++] = m->traits[i].id;
	/* A bad value of one key does not keep the others from being read. */
	TRY(dec_keys(d, root, "profile", keys, n));
	for (k = root->first; k != NULL; k = k->next) {
		if (strcmp(k->text, "name") == 0)
			KEEP(d, decode_name(d, p, k->value));
		else if (strcmp(k->text, "team") == 0)
			KEEP(d, decode_team(d, p, m, k->value));
		else if (strcmp(k->text, "weights") == 0)
			KEEP(d, decode_entries(d, p, m, k->value, "weights",
			    decode_weight));
		else if (strcmp(k->text, "pairwise") == 0)
			KEEP(d, dec_pairwise(d, p, m, pairwise = k->value));
		else if (strcmp(k->text, "must") == 0)
			KEEP(d, must_decode_min(d, p, m, k->value));
		else if (strcmp(k->text, "exclude") == 0)
			KEEP(d, must_decode_option(d, p, m, k->value,
			    SP_MUST_EXCLUDE));
		else if (strcmp(k->text, "require") == 0)
			KEEP(d, must_decode_option(d, p, m, k->value,
			    SP_MUST_REQUIRE));
		else if ((i = sp_matrix_trait(m, k->text)) >= 0)
			KEEP(d, decode_trait(d, p, &m->traits[i], i,
			    k->value));
	}
	/* Judgements are checked together once all are read. */
	if (pairwise != NULL && dec_result(d) == SP_OK)
		TRY(dec_pairwise_check(d, p, m, pairwise));
	return dec_result(d);
}

sp_status
sp_profile_decode_all(sp_profile *p, const sp_matrix *m, const sp_doc *doc,
    sp_error *err, sp_errors *all)
{
	sp_dec d;
	sp_status rc;

	dec_init(&d, sp_doc_name(doc), err, all);
	sp_profile_defaults(p, m);
	rc = decode_root(&d, p, m, sp_doc_root(doc));
	if (rc != SP_OK && rc != SP_EDATA)
		sp_errors_clear(all);
	return rc;
}

sp_status
sp_profile_set_weight(sp_profile *p, const sp_matrix *m, const char *spec,
    sp_error *err)
{
	const char *ids[SP_MAX_CRITERIA];
	const char *eq = strchr(spec, '=');
	char id[80], hint[96];
	double w;
	int i;

	if (eq == NULL || eq == spec || (size_t)(eq - spec) >= sizeof(id))
		return sp_error_set(err, SP_EUSAGE, "", 0, 0,
		    "--weight: expected ID=N, found '%s'", spec);
	memcpy(id, spec, (size_t)(eq - spec));
	id[eq - spec] = '\0';
	i = sp_matrix_criterion(m, id);
	if (i < 0) {
		for (int j = 0; j < m->ncriteria; j++)
			ids[j] = m->criteria[j].id;
		dec_hint(hint, sizeof(hint), id, ids, m->ncriteria);
		return sp_error_set(err, SP_EUSAGE, "", 0, 0,
		    "--weight: unknown criterion '%s'%s", id, hint);
	}
	if (sp_number_parse(eq + 1, SP_WEIGHT_MIN, SP_WEIGHT_MAX, &w) != 0)
		return sp_error_set(err, SP_EUSAGE, "", 0, 0,
		    "--weight: '%s' is not a number from %g to %g", eq + 1,
		    SP_WEIGHT_MIN, SP_WEIGHT_MAX);
	p->weight[i] = w == 0 ? 0.0 : w;
	p->override[i] = SP_OVERRIDE_CLI;
	return SP_OK;
}
