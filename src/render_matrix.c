/*
 * Views of the matrix: options, criteria with every rating and its
 * rationale and the rules that move their weights, the traits a profile
 * may set, and the advice a report can print.  Text for people, JSON for
 * scripts; both read the matrix and change nothing.
 */
#include <stdarg.h>
#include <string.h>

#include "stackpick/limits.h"
#include "stackpick/render_matrix.h"
#include "internal.h"

#define COND_MAX 512

struct out {
	FILE *f;
	int width;
};

/* Columns a UTF-8 string takes, one per code point. */
static size_t
columns(const char *s)
{
	size_t c = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			c++;
	return c;
}

/*
 * Prints lead, then text wrapped at the output width with every further
 * line indented by indent columns.  lead is assumed to take indent
 * columns.
 */
static void
wrap(const struct out *o, const char *lead, size_t indent, const char *text)
{
	size_t width = (size_t)o->width, col = indent;
	const char *p = text;

	fputs(lead, o->f);
	while (*p) {
		const char *w = p;
		size_t len, cols;
		char word[SP_MAX_SCALAR + 1];

		while (*w == ' ' || *w == '\n')
			w++;
		len = strcspn(w, " \n");
		if (len == 0)
			break;
		if (len > SP_MAX_SCALAR)
			len = SP_MAX_SCALAR;
		memcpy(word, w, len);
		word[len] = '\0';
		sp_utf8_trim(word);
		cols = columns(word);
		if (col > indent && col + 1 + cols > width) {
			fprintf(o->f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', o->f);
			col++;
		}
		fputs(word, o->f);
		col += cols;
		p = w + len;
	}
	fputc('\n', o->f);
}

/* Appends printf-style text to buf, which holds *used bytes. */
static void append(char *buf, size_t size, size_t *used, const char *fmt,
    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *used, size - *used, fmt, ap);
	va_end(ap);
	if (w > 0)
		*used += (size_t)w;
	if (*used >= size)
		sp_utf8_trim(buf);
}

/* "ml is light or heavy", "concurrency is at least 1000" */
static void
describe_term(char *buf, size_t size, size_t *used, const sp_term *t,
    const sp_matrix *m)
{
	const sp_trait *tr = &m->traits[t->trait];
	int i, n = 0, count = 0;

	switch (tr->type) {
	case SP_TRAIT_ENUM:
		for (i = 0; i < tr->nvalues; i++)
			count += (t->set >> i) & 1;
		append(buf, size, used, "%s is", tr->id);
		for (i = 0; i < tr->nvalues; i++) {
			if (!((t->set >> i) & 1))
				continue;
			n++;
			append(buf, size, used, n == 1 ? " %s" : n == count ?
			    " or %s" : ", %s", tr->values[i]);
		}
		break;
	case SP_TRAIT_BOOL:
		append(buf, size, used, "%s is %s", tr->id, t->set == 1 ?
		    "false" : t->set == 2 ? "true" : "true or false");
		break;
	case SP_TRAIT_INT:
		if (t->min == t->max)
			append(buf, size, used, "%s is %ld", tr->id, t->min);
		else if (t->max == tr->max)
			append(buf, size, used, "%s is at least %ld", tr->id,
			    t->min);
		else if (t->min == tr->min)
			append(buf, size, used, "%s is at most %ld", tr->id,
			    t->max);
		else {
			append(buf, size, used, "%s is from %ld to %ld",
			    tr->id, t->min, t->max);
		}
		break;
	}
}

/* A condition in words; "always" when it has no clause. */
static void
describe_cond(char *buf, size_t size, const sp_cond *c, const sp_matrix *m)
{
	size_t used = 0;
	int i, j, t = 0;

	buf[0] = '\0';
	if (c->nclauses == 0) {
		append(buf, size, &used, "always");
		return;
	}
	for (i = 0; i < c->nclauses; i++) {
		if (i > 0)
			append(buf, size, &used, "%s", c->clause_len[i - 1] > 1 ?
			    "; or " : " or ");
		for (j = 0; j < c->clause_len[i]; j++, t++) {
			if (j > 0)
				append(buf, size, &used, " and ");
			describe_term(buf, size, &used, &c->terms[t], m);
		}
	}
}

static size_t
widest_option(const sp_matrix *m, int labels)
{
	size_t w = 0, n;
	int o;

	for (o = 0; o < m->noptions; o++) {
		n = columns(labels ? m->options[o].label : m->options[o].id);
		if (n > w)
			w = n;
	}
	return w;
}

static void
text_options(const struct out *o, const sp_matrix *m, int in)
{
	size_t w = widest_option(m, 0);
	char lead[SP_MAX_SCALAR + 80], line[SP_MAX_SCALAR];
	int i, a;

	for (i = 0; i < m->noptions; i++) {
		const sp_option *op = &m->options[i];
		size_t used = 0;

		line[0] = '\0';
		append(line, sizeof(line), &used, "%s", op->label);
		for (a = 0; a < op->naliases; a++)
			append(line, sizeof(line), &used, a == 0 ? " (also %s" :
			    ", %s", op->aliases[a]);
		if (op->naliases > 0)
			append(line, sizeof(line), &used, ")");
		snprintf(lead, sizeof(lead), "%*s%-*s  ", in, "", (int)w,
		    op->id);
		wrap(o, lead, (size_t)in + w + 2, line);
	}
}

static void
text_criterion(const struct out *o, const sp_matrix *m, int k, int in)
{
	const sp_criterion *cr = &m->criteria[k];
	size_t w = widest_option(m, 1), pad;
	char lead[SP_MAX_SCALAR + 80], cond[COND_MAX];
	char text[COND_MAX + SP_MAX_SCALAR + 40];
	int i;

	snprintf(lead, sizeof(lead), "%*s%s  ", in, "", cr->id);
	wrap(o, lead, (size_t)in + columns(cr->id) + 2, cr->label);
	if (cr->component != NULL) {
		snprintf(lead, sizeof(lead), "%*sconcerns: ", in + 2, "");
		wrap(o, lead, (size_t)in + 12, cr->component);
	}
	snprintf(text, sizeof(text), "base %g%s%s", cr->weight,
	    cr->weight_why ? ": " : "", cr->weight_why ? cr->weight_why : "");
	sp_utf8_trim(text);
	snprintf(lead, sizeof(lead), "%*sweight: ", in + 2, "");
	wrap(o, lead, (size_t)in + 12, text);
	for (i = 0; i < cr->nrules; i++) {
		const sp_rule *ru = &cr->rules[i];

		describe_cond(cond, sizeof(cond), &ru->when, m);
		snprintf(text, sizeof(text), "%+g when %s%s%s", ru->add, cond,
		    ru->why ? ": " : "", ru->why ? ru->why : "");
		sp_utf8_trim(text);
		snprintf(lead, sizeof(lead), "%*s", in + 10, "");
		wrap(o, lead, (size_t)in + 12, text);
	}
	if (cr->from_team) {
		snprintf(cond, sizeof(cond), "ratings come from the profile's "
		    "team section: proficiency %d to %d per option, mapped "
		    "onto %g to %g (the middle of the scale for every option "
		    "when the profile has no team)", SP_TEAM_MIN, SP_TEAM_MAX,
		    m->scale_min, m->scale_max);
		snprintf(lead, sizeof(lead), "%*s", in + 2, "");
		wrap(o, lead, (size_t)in + 2, cond);
		return;
	}
	for (i = 0; i < m->noptions; i++) {
		const char *label = m->options[i].label;

		pad = w - columns(label);
		snprintf(lead, sizeof(lead), "%*s%s%*s  %-3g ", in + 2, "",
		    label, (int)pad, "", cr->ratings[i]);
		wrap(o, lead, (size_t)in + 2 + w + 6, cr->why[i]);
	}
}

static void
text_trait(const struct out *o, const sp_matrix *m, int t, int in)
{
	const sp_trait *tr = &m->traits[t];
	char lead[SP_MAX_SCALAR + 80], line[COND_MAX];
	size_t used = 0;
	int i;

	line[0] = '\0';
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		for (i = 0; i < tr->nvalues; i++)
			append(line, sizeof(line), &used, i == 0 ? "%s" :
			    i == tr->nvalues - 1 ? " or %s" : ", %s",
			    tr->values[i]);
		append(line, sizeof(line), &used, " (default %s)",
		    tr->values[tr->def]);
		break;
	case SP_TRAIT_BOOL:
		append(line, sizeof(line), &used, "true or false (default %s)",
		    tr->def ? "true" : "false");
		break;
	case SP_TRAIT_INT:
		append(line, sizeof(line), &used, "a whole number from %ld to "
		    "%ld (default %ld)", tr->min, tr->max, tr->def);
		break;
	}
	snprintf(lead, sizeof(lead), "%*s%s  ", in, "", tr->id);
	wrap(o, lead, (size_t)in + columns(tr->id) + 2, line);
	snprintf(lead, sizeof(lead), "%*s", in + 2, "");
	wrap(o, lead, (size_t)in + 2, tr->question);
}

static void
text_advice(const struct out *o, const sp_matrix *m, const char *head,
    const sp_advice *a, int n)
{
	char cond[COND_MAX], line[COND_MAX + 200];
	int i;

	if (n == 0)
		return;
	fprintf(o->f, "\n%s\n", head);
	for (i = 0; i < n; i++) {
		size_t used = 0;

		/* "NodeJS, when cpu_load is high:" above the text. */
		line[0] = '\0';
		if (a[i].option >= 0)
			append(line, sizeof(line), &used, "%s",
			    m->options[a[i].option].label);
		if (a[i].when.nclauses > 0) {
			describe_cond(cond, sizeof(cond), &a[i].when, m);
			append(line, sizeof(line), &used, "%s%s",
			    used > 0 ? ", when " : "When ", cond);
		}
		if (used == 0) {
			wrap(o, "  ", 2, a[i].text);
			continue;
		}
		append(line, sizeof(line), &used, ":");
		wrap(o, "  ", 2, line);
		wrap(o, "    ", 4, a[i].text);
	}
}

sp_status
sp_render_matrix_text(FILE *f, const sp_matrix *m, int what,
    const sp_text_opts *opts)
{
	struct out o = { f, opts != NULL && opts->width > 0 ? opts->width :
	    80 };
	int all = what != SP_VIEW_OPTIONS && what != SP_VIEW_CRITERIA;
	int in = all ? 2 : 0, i;

	if (all) {
		wrap(&o, "", 0, m->name);
		if (m->source != NULL)
			wrap(&o, "Source: ", 8, m->source);
		fprintf(f, "Ratings run from %g (worst) to %g (best).\n",
		    m->scale_min, m->scale_max);
	}
	if (what & SP_VIEW_OPTIONS) {
		if (all)
			fputs("\nOptions\n", f);
		text_options(&o, m, in);
	}
	if (what & SP_VIEW_CRITERIA) {
		if (all)
			fputs("\nCriteria\n", f);
		for (i = 0; i < m->ncriteria; i++) {
			if (i > 0 && !all)
				fputc('\n', f);
			text_criterion(&o, m, i, in);
		}
	}
	if (what & SP_VIEW_TRAITS) {
		fputs("\nProfile keys\n", f);
		for (i = 0; i < m->ntraits; i++)
			text_trait(&o, m, i, in);
	}
	if (what & SP_VIEW_ADVICE) {
		text_advice(&o, m, "Checklist", m->checklist, m->nchecklist);
		text_advice(&o, m, "Pitfalls", m->pitfalls, m->npitfalls);
		text_advice(&o, m, "Tooling", m->tools, m->ntools);
	}
	return ferror(f) ? SP_EOUTPUT : SP_OK;
}

static json_t *
json_cond(const sp_cond *c, const sp_matrix *m)
{
	json_t *clauses = json_array();
	int i, j, v, t = 0;

	for (i = 0; clauses != NULL && i < c->nclauses; i++) {
		json_t *clause = json_array();

		for (j = 0; j < c->clause_len[i]; j++, t++) {
			const sp_term *term = &c->terms[t];
			const sp_trait *tr = &m->traits[term->trait];
			json_t *o = json_object(), *vals;

			json_object_set_new(o, "trait", json_string(tr->id));
			switch (tr->type) {
			case SP_TRAIT_ENUM:
				vals = json_array();
				for (v = 0; v < tr->nvalues; v++)
					if ((term->set >> v) & 1)
						json_array_append_new(vals,
						    json_string(tr->values[v]));
				json_object_set_new(o, "values", vals);
				break;
			case SP_TRAIT_BOOL:
				vals = json_array();
				for (v = 0; v < 2; v++)
					if ((term->set >> v) & 1)
						json_array_append_new(vals,
						    json_boolean(v));
				json_object_set_new(o, "values", vals);
				break;
			case SP_TRAIT_INT:
				json_object_set_new(o, "min",
				    json_integer(term->min));
				json_object_set_new(o, "max",
				    json_integer(term->max));
				break;
			}
			json_array_append_new(clause, o);
		}
		json_array_append_new(clauses, clause);
	}
	return clauses;
}

static json_t *
json_criterion(const sp_matrix *m, int k)
{
	const sp_criterion *cr = &m->criteria[k];
	json_t *o = json_object(), *ratings, *why, *rules = json_array();
	int i;

	json_object_set_new(o, "id", json_string(cr->id));
	json_object_set_new(o, "label", json_string(cr->label));
	json_object_set_new(o, "component", cr->component ?
	    json_string(cr->component) : json_null());
	json_object_set_new(o, "weight", json_real(cr->weight));
	json_object_set_new(o, "weight_why", cr->weight_why ?
	    json_string(cr->weight_why) : json_null());
	json_object_set_new(o, "ratings_from", json_string(cr->from_team ?
	    "team" : "matrix"));
	if (cr->from_team) {
		ratings = json_null();
		why = json_null();
	} else {
		ratings = json_object();
		why = json_object();
		for (i = 0; i < m->noptions; i++) {
			json_object_set_new(ratings, m->options[i].id,
			    json_real(cr->ratings[i]));
			json_object_set_new(why, m->options[i].id,
			    json_string(cr->why[i]));
		}
	}
	json_object_set_new(o, "ratings", ratings);
	json_object_set_new(o, "why", why);
	for (i = 0; i < cr->nrules; i++)
		json_array_append_new(rules, json_pack("{s:o,s:f,s:o}",
		    "when", json_cond(&cr->rules[i].when, m), "add",
		    cr->rules[i].add, "why", cr->rules[i].why ?
		    json_string(cr->rules[i].why) : json_null()));
	json_object_set_new(o, "rules", rules);
	return o;
}

static json_t *
json_trait(const sp_trait *tr)
{
	json_t *o = json_object(), *vals;
	int i;

	json_object_set_new(o, "id", json_string(tr->id));
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		vals = json_array();
		for (i = 0; i < tr->nvalues; i++)
			json_array_append_new(vals, json_string(tr->values[i]));
		json_object_set_new(o, "type", json_string("enum"));
		json_object_set_new(o, "values", vals);
		json_object_set_new(o, "default",
		    json_string(tr->values[tr->def]));
		break;
	case SP_TRAIT_BOOL:
		json_object_set_new(o, "type", json_string("boolean"));
		json_object_set_new(o, "default", json_boolean(tr->def));
		break;
	case SP_TRAIT_INT:
		json_object_set_new(o, "type", json_string("integer"));
		json_object_set_new(o, "min", json_integer(tr->min));
		json_object_set_new(o, "max", json_integer(tr->max));
		json_object_set_new(o, "default", json_integer(tr->def));
		break;
	}
	json_object_set_new(o, "question", json_string(tr->question));
	json_object_set_new(o, "help", tr->help ? json_string(tr->help) :
	    json_null());
	return o;
}

static json_t *
json_advice(const sp_matrix *m, const sp_advice *a, int n)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < n; i++)
		json_array_append_new(arr, json_pack("{s:o,s:o,s:s}",
		    "option", a[i].option >= 0 ?
		    json_string(m->options[a[i].option].id) : json_null(),
		    "when", json_cond(&a[i].when, m), "text", a[i].text));
	return arr;
}

json_t *
sp_render_matrix_json(const sp_matrix *m, int what)
{
	json_t *root = json_object(), *arr;
	int i, a;

	if (root == NULL)
		return NULL;
	json_object_set_new(root, "schema_version",
	    json_integer(SP_JSON_SCHEMA_VERSION));
	json_object_set_new(root, "matrix", json_pack("{s:s,s:o,s:{s:f,s:f}}",
	    "name", m->name, "source", m->source ? json_string(m->source) :
	    json_null(), "scale", "min", m->scale_min, "max", m->scale_max));
	if (what & SP_VIEW_OPTIONS) {
		arr = json_array();
		for (i = 0; i < m->noptions; i++) {
			json_t *al = json_array();

			for (a = 0; a < m->options[i].naliases; a++)
				json_array_append_new(al,
				    json_string(m->options[i].aliases[a]));
			json_array_append_new(arr, json_pack("{s:s,s:s,s:o}",
			    "id", m->options[i].id, "label",
			    m->options[i].label, "aliases", al));
		}
		json_object_set_new(root, "options", arr);
	}
	if (what & SP_VIEW_CRITERIA) {
		arr = json_array();
		for (i = 0; i < m->ncriteria; i++)
			json_array_append_new(arr, json_criterion(m, i));
		json_object_set_new(root, "criteria", arr);
	}
	if (what & SP_VIEW_TRAITS) {
		arr = json_array();
		for (i = 0; i < m->ntraits; i++)
			json_array_append_new(arr, json_trait(&m->traits[i]));
		json_object_set_new(root, "traits", arr);
	}
	if (what & SP_VIEW_ADVICE) {
		json_object_set_new(root, "checklist",
		    json_advice(m, m->checklist, m->nchecklist));
		json_object_set_new(root, "pitfalls",
		    json_advice(m, m->pitfalls, m->npitfalls));
		json_object_set_new(root, "tools",
		    json_advice(m, m->tools, m->ntools));
	}
	return root;
}
