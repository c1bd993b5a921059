/*
 * Views of the matrix: options, criteria with every rating and its
 * rationale and the rules that move their weights, the traits a profile
 * may set, and the advice a report can print.  Text for people, JSON for
 * scripts; both read the matrix and change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "stackpick/evidence.h"
#include "stackpick/limits.h"
#include "stackpick/render_matrix.h"
#include "phrase.h"

struct out {
	sp_buf *b;
	sp_buf line;  /* one paragraph, before it is wrapped */
	sp_buf lead;  /* what goes before its first line */
	size_t width;
};

static void
put(sp_buf *b, const char *s)
{
	sp_buf_put_clean(b, s);
}

/*
 * Wraps o->line after o->lead, with every further line indented by
 * indent columns, and empties both.  A missing text (an optional field)
 * prints as an empty line.
 */
static void
flush(struct out *o, size_t indent)
{
	sp_buf_wrap(o->b, sp_buf_cstr(&o->lead), indent, o->width,
	    sp_buf_cstr(&o->line));
	o->b->oom |= o->line.oom | o->lead.oom;
	sp_buf_clear(&o->line);
	sp_buf_clear(&o->lead);
}

/* Starts a paragraph: lead is in spaces, then text (NULL for none). */
static void
start(struct out *o, size_t in, const char *label, const char *text)
{
	sp_buf_pad(&o->lead, in);
	if (label != NULL)
		put(&o->lead, label);
	if (text != NULL)
		put(&o->line, text);
}

static size_t
widest_option(const sp_matrix *m, int labels)
{
	size_t w = 0, n;
	int o;

	for (o = 0; o < m->noptions; o++) {
		const char *s = labels ? m->options[o].label : m->options[o].id;

		n = sp_text_columns(s, strlen(s));
		if (n > w)
			w = n;
	}
	return w;
}

static void
text_options(struct out *o, const sp_matrix *m, int in)
{
	size_t w = widest_option(m, 0), cols;
	int i, a;

	for (i = 0; i < m->noptions; i++) {
		const sp_option *op = &m->options[i];

		put(&o->line, op->label);
		for (a = 0; a < op->naliases; a++) {
			sp_buf_puts(&o->line, a == 0 ? " (also " : ", ");
			put(&o->line, op->aliases[a]);
		}
		if (op->naliases > 0)
			sp_buf_putc(&o->line, ')');
		start(o, (size_t)in, op->id, NULL);
		cols = sp_text_columns(op->id, strlen(op->id));
		sp_buf_pad(&o->lead, w - cols + 2);
		flush(o, (size_t)in + w + 2);
	}
}

static void
text_ratings(struct out *o, const sp_matrix *m, const sp_criterion *cr,
    int in)
{
	size_t w = widest_option(m, 1);
	int i;

	if (cr->from_team) {
		sp_buf_printf(&o->line, "ratings come from the profile's team "
		    "section: proficiency %d to %d per option, mapped onto %g "
		    "to %g (the middle of the scale for every option when the "
		    "profile has no team)", SP_TEAM_MIN, SP_TEAM_MAX,
		    m->scale_min, m->scale_max);
		start(o, (size_t)in + 2, NULL, NULL);
		flush(o, (size_t)in + 2);
		return;
	}
	for (i = 0; i < m->noptions; i++) {
		const char *label = m->options[i].label;

		start(o, (size_t)in + 2, label, cr->why[i]);
		sp_buf_pad(&o->lead, w - sp_text_columns(label, strlen(label)));
		sp_buf_printf(&o->lead, "  %-3g ", cr->ratings[i]);
		flush(o, (size_t)in + 2 + w + 6);
	}
}

/* The evidence behind cr's ratings, one entry a paragraph. */
static void
text_evidence(struct out *o, const sp_matrix *m, const sp_criterion *cr,
    int in)
{
	int i;

	if (cr->nevidence == 0)
		return;
	start(o, (size_t)in + 2, "evidence:", NULL);
	flush(o, (size_t)in + 2);
	for (i = 0; i < cr->nevidence; i++) {
		const sp_evidence *e = &cr->evidence[i];

		put(&o->line, m->options[e->option].label);
		sp_buf_puts(&o->line, ": ");
		phrase_evidence(&o->line, put, m, e);
		start(o, (size_t)in + 4, "- ", NULL);
		flush(o, (size_t)in + 6);
	}
}

static void
text_criterion(struct out *o, const sp_matrix *m, int k, int in)
{
	const sp_criterion *cr = &m->criteria[k];
	int i;

	start(o, (size_t)in, cr->id, cr->label);
	sp_buf_puts(&o->lead, "  ");
	flush(o, (size_t)in + sp_text_columns(cr->id, strlen(cr->id)) + 2);
	if (cr->component != NULL) {
		start(o, (size_t)in + 2, "concerns: ", cr->component);
		flush(o, (size_t)in + 12);
	}
	sp_buf_printf(&o->line, "base %g%s", cr->weight, cr->weight_why ?
	    ": " : "");
	if (cr->weight_why != NULL)
		put(&o->line, cr->weight_why);
	start(o, (size_t)in + 2, "weight: ", NULL);
	flush(o, (size_t)in + 12);
	for (i = 0; i < cr->nrules; i++) {
		const sp_rule *ru = &cr->rules[i];

		sp_buf_printf(&o->line, "%+g when ", ru->add);
		phrase_cond(&o->line, put, &ru->when, m);
		if (ru->why != NULL) {
			sp_buf_puts(&o->line, ": ");
			put(&o->line, ru->why);
		}
		start(o, (size_t)in + 10, NULL, NULL);
		flush(o, (size_t)in + 12);
	}
	text_ratings(o, m, cr, in);
	text_evidence(o, m, cr, in);
}

/* The values a trait takes: "none, light or heavy (default none)". */
static void
phrase_values(sp_buf *b, const sp_trait *tr)
{
	int i;

	switch (tr->type) {
	case SP_TRAIT_ENUM:
		for (i = 0; i < tr->nvalues; i++) {
			sp_buf_puts(b, i == 0 ? "" : i == tr->nvalues - 1 ?
			    " or " : ", ");
			put(b, tr->values[i]);
		}
		sp_buf_puts(b, " (default ");
		put(b, tr->values[tr->def]);
		sp_buf_putc(b, ')');
		break;
	case SP_TRAIT_BOOL:
		sp_buf_printf(b, "true or false (default %s)", tr->def ?
		    "true" : "false");
		break;
	case SP_TRAIT_INT:
		sp_buf_printf(b, "a whole number from %ld to %ld (default %ld)",
		    tr->min, tr->max, tr->def);
		break;
	}
}

static void
text_trait(struct out *o, const sp_matrix *m, int t, int in)
{
	const sp_trait *tr = &m->traits[t];

	phrase_values(&o->line, tr);
	start(o, (size_t)in, tr->id, NULL);
	sp_buf_puts(&o->lead, "  ");
	flush(o, (size_t)in + sp_text_columns(tr->id, strlen(tr->id)) + 2);
	/* The question is optional in a matrix. */
	if (tr->question == NULL)
		return;
	start(o, (size_t)in + 2, NULL, tr->question);
	flush(o, (size_t)in + 2);
}

static void
text_advice(struct out *o, const sp_matrix *m, const char *head,
    const sp_advice *a, int n)
{
	int i;

	if (n == 0)
		return;
	sp_buf_printf(o->b, "\n%s\n", head);
	for (i = 0; i < n; i++) {
		/* "NodeJS, when cpu_load is high:" above the text. */
		if (a[i].option >= 0)
			put(&o->line, m->options[a[i].option].label);
		if (a[i].when.nclauses > 0) {
			sp_buf_puts(&o->line, o->line.len > 0 ? ", when " :
			    "When ");
			phrase_cond(&o->line, put, &a[i].when, m);
		}
		if (o->line.len == 0) {
			start(o, 2, NULL, a[i].text);
			flush(o, 2);
			continue;
		}
		sp_buf_putc(&o->line, ':');
		start(o, 2, NULL, NULL);
		flush(o, 2);
		start(o, 4, NULL, a[i].text);
		flush(o, 4);
	}
}

static void
text_head(struct out *o, const sp_matrix *m)
{
	start(o, 0, NULL, m->name);
	flush(o, 0);
	if (m->source != NULL) {
		start(o, 0, "Source: ", m->source);
		flush(o, 8);
	}
	sp_buf_printf(o->b, "Ratings run from %g (worst) to %g (best).\n",
	    m->scale_min, m->scale_max);
}

sp_status
sp_render_matrix_text(sp_buf *b, const sp_matrix *m, int what,
    const sp_render_opts *opts)
{
	struct out o = { b, SP_BUF_INIT, SP_BUF_INIT, opts != NULL &&
	    opts->width > 0 ? (size_t)opts->width : 80 };
	int all = what != SP_VIEW_OPTIONS && what != SP_VIEW_CRITERIA;
	int in = all ? 2 : 0, i;

	if (all)
		text_head(&o, m);
	if (what & SP_VIEW_OPTIONS) {
		if (all)
			sp_buf_puts(b, "\nOptions\n");
		text_options(&o, m, in);
	}
	if (what & SP_VIEW_CRITERIA) {
		if (all)
			sp_buf_puts(b, "\nCriteria\n");
		for (i = 0; i < m->ncriteria; i++) {
			if (opts != NULL && opts->only > 0 &&
			    i != opts->only - 1)
				continue;
			if (o.b->len > 0 && !all)
				sp_buf_putc(b, '\n');
			text_criterion(&o, m, i, in);
		}
	}
	if (what & SP_VIEW_TRAITS) {
		sp_buf_puts(b, "\nProfile keys\n");
		for (i = 0; i < m->ntraits; i++)
			text_trait(&o, m, i, in);
	}
	if (what & SP_VIEW_ADVICE) {
		text_advice(&o, m, "Checklist", m->checklist, m->nchecklist);
		text_advice(&o, m, "Pitfalls", m->pitfalls, m->npitfalls);
		text_advice(&o, m, "Tooling", m->tools, m->ntools);
	}
	sp_buf_free(&o.line);
	sp_buf_free(&o.lead);
	return b->oom ? SP_ENOMEM : SP_OK;
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
	sp_json w;
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
	sp_json_init_tree(&w);
	sp_evidence_write(&w, NULL, cr, m);
	json_object_set_new(o, "evidence", sp_json_take(&w));
	return o;
}

void
sp_evidence_write(sp_json *w, const char *key, const sp_criterion *cr,
    const sp_matrix *m)
{
	char date[16], after[16];
	int i;

	sp_json_array(w, key);
	for (i = 0; i < cr->nevidence; i++) {
		const sp_evidence *e = &cr->evidence[i];

		sp_date_format(date, sizeof(date), e->date);
		snprintf(after, sizeof(after), "%d%c", e->stale_after.n,
		    e->stale_after.unit);
		sp_json_object(w, NULL);
		sp_json_str(w, "option", m->options[e->option].id);
		sp_json_str(w, "claim", e->claim);
		sp_json_object(w, "source");
		sp_json_str(w, "title", e->title);
		sp_json_str(w, "url", e->url);
		sp_json_str(w, "date", date);
		sp_json_end(w);
		sp_json_str(w, "figure", e->figure);
		sp_json_str(w, "favours", e->favours >= 0 ?
		    m->options[e->favours].id : NULL);
		sp_json_bool(w, "opinion", e->opinion);
		sp_json_str(w, "stale_after", e->stale_after.unit ? after :
		    NULL);
		sp_json_end(w);
	}
	sp_json_end(w);
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
	json_object_set_new(o, "question", tr->question ?
	    json_string(tr->question) : json_null());
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

sp_status
sp_render_matrix_json(sp_buf *out, const sp_matrix *m, int what,
    const sp_render_opts *opts)
{
	json_t *j = sp_matrix_json(m, what), *crit, *one;

	/* One criterion alone: the criteria array holds just it. */
	if (j != NULL && opts->only > 0 && (crit = json_object_get(j,
	    "criteria")) != NULL) {
		one = json_array_get(crit, (size_t)opts->only - 1);
		json_incref(one);
		json_array_clear(crit);
		json_array_append_new(crit, one);
	}
	return sp_json_dump(out, j, opts->pretty);
}

json_t *
sp_matrix_json(const sp_matrix *m, int what)
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
