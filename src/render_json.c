/*
 * The JSON view of a report, streamed member by member through the JSON
 * writer (stackpick/json.h) in the order docs/stackpick.schema.json
 * gives, so the output is the same byte for byte on every run.  The same
 * code builds the jansson tree of sp_report_json().
 *
 * A part may still be made as a jansson json_t and handed to
 * sp_json_put(w, key, j), which writes it with the same formatting: that
 * is how a json_object_set_new(o, key, j) becomes a streamed member.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/adr.h"
#include "stackpick/ahp.h"
#include "stackpick/evidence.h"
#include "stackpick/group.h"
#include "stackpick/json.h"
#include "stackpick/render.h"
#include "stackpick/render_matrix.h"
#include "stackpick/screen.h"
#include "stackpick/trait.h"
#include "stackpick/units.h"
#include "internal.h"
#include "phrase.h"

static void
strings(sp_json *w, const char *key, const sp_advice *const *a, int n)
{
	int i;

	sp_json_array(w, key);
	for (i = 0; i < n; i++)
		sp_json_str(w, NULL, a[i]->text);
	sp_json_end(w);
}

/*
 * The parts below are built as jansson trees and written through
 * sp_json_put(): they are small, and a tree keeps them easy to extend.
 */

/*
 * A JSON string for s.  File names need not be UTF-8, and JSON strings
 * must be: bytes that do not form UTF-8 are shown as U+FFFD rather than
 * dropping the field.
 */
static json_t *
text(const char *s)
{
	json_t *j = json_string(s);
	sp_buf b = SP_BUF_INIT;

	if (j != NULL || s == NULL)
		return j;
	sp_buf_put_utf8(&b, s);
	j = b.oom ? NULL : json_string(sp_buf_cstr(&b));
	sp_buf_free(&b);
	return j;
}

/* An option's id as JSON, or null for none. */
static json_t *
option_json(const sp_matrix *m, int o)
{
	return o < 0 ? json_null() : json_string(m->options[o].id);
}

/* [lo, hi] per option that has a range, or null when none has one. */
static json_t *
ranges(const sp_matrix *m, int k)
{
	const sp_criterion *cr = &m->criteria[k];
	const sp_units *u = cr->units;
	json_t *o = json_object();
	int i, n = 0;

	for (i = 0; i < m->noptions; i++) {
		if (!sp_units_ranged(cr, i))
			continue;
		n++;
		json_object_set_new(o, m->options[i].id, json_pack("[f,f]",
		    u != NULL ? u->lo[i] : cr->lo[i], u != NULL ? u->hi[i] :
		    cr->hi[i]));
	}
	if (n > 0)
		return o;
	json_decref(o);
	return json_null();
}

/*
 * Rank acceptability, best first in the ranking: per option its share of
 * each rank and its central weights (null when it never ranks first).
 */
static void
acceptability(sp_json *w, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int no = m->noptions, nc = m->ncriteria, i, j, o;

	sp_json_array(w, "acceptability");
	for (i = 0; i < no; i++) {
		o = rep->result->rank[i];
		sp_json_object(w, NULL);
		sp_json_str(w, "option", m->options[o].id);
		sp_json_array(w, "ranks");
		for (j = 0; j < no; j++)
			sp_json_real(w, NULL, a->accept[o * no + j]);
		sp_json_end(w);
		if (a->first[o] == 0) {
			sp_json_null(w, "central_weights");
		} else {
			sp_json_object(w, "central_weights");
			for (j = 0; j < nc; j++)
				sp_json_real(w, m->criteria[j].id,
				    a->central[o * nc + j]);
			sp_json_end(w);
		}
		sp_json_end(w);
	}
	sp_json_end(w);
}

static json_t *
value_flips(const sp_analysis *a)
{
	const sp_matrix *m = a->matrix;
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < a->nvalue_flips; i++) {
		const sp_value_flip *f = &a->value_flips[i];

		json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s,s:f,s:f,"
		    "s:f}", "criterion", m->criteria[f->criterion].id,
		    "option", m->options[f->option].id, "rival",
		    m->options[f->rival].id, "unit",
		    m->criteria[f->criterion].units->unit, "value", f->value,
		    "flip_value", f->flip_value, "flip_rating",
		    f->flip_rating));
	}
	return arr;
}

/* The pairwise judgements: what they gave and how consistent they are. */
static json_t *
pairwise(const sp_report *rep)
{
	const sp_ahp *a = rep->ahp;
	const sp_matrix *m = rep->matrix;
	const sp_profile *p = rep->result->profile;
	json_t *crit = json_array(), *judged = json_array(), *worst;
	int i;

	for (i = 0; i < a->n; i++)
		json_array_append_new(crit, json_pack("{s:s,s:f,s:f}",
		    "criterion", m->criteria[a->crit[i]].id, "priority",
		    a->priority[i], "weight", a->weight[i]));
	for (i = 0; i < p->npairs; i++)
		json_array_append_new(judged, json_pack("{s:s,s:s,s:f}",
		    "more", m->criteria[p->pair[i].a].id, "less",
		    m->criteria[p->pair[i].b].id, "ratio", p->pair[i].ratio));
	worst = a->worst < 0 ? json_null() : json_pack("{s:s,s:s,s:f,s:f,"
	    "s:f}", "more", m->criteria[p->pair[a->worst].a].id, "less",
	    m->criteria[p->pair[a->worst].b].id, "ratio",
	    p->pair[a->worst].ratio, "fit", a->worst_fit, "cr_after",
	    a->worst_cr);
	return json_pack("{s:o,s:o,s:i,s:f,s:f,s:f,s:f,s:f,s:f,s:b,s:o}",
	    "criteria", crit, "judgements", judged, "filled", a->nfilled,
	    "rule_total", a->rule_total, "share", a->share, "lambda_max",
	    a->lambda, "ci", a->ci, "ri", a->ri, "cr", a->cr, "consistent",
	    !a->inconsistent, "most_inconsistent", worst);
}

static json_t *
member(const sp_report *rep, int i)
{
	const sp_member *mb = &rep->group->member[i];
	const sp_matrix *m = rep->group->m;
	json_t *w = json_object();
	int k;

	for (k = 0; k < m->ncriteria; k++)
		json_object_set_new(w, m->criteria[k].id,
		    json_real(mb->weight[k]));
	return json_pack("{s:o,s:o,s:f,s:o,s:o,s:f,s:o,s:f}", "name",
	    text(mb->name), "profile", text(mb->file), "say", mb->say,
	    "option", option_json(m, mb->winner), "runner_up",
	    json_string(m->options[mb->runner_up].id), "margin", mb->margin,
	    "weights", w, "agreement", mb->agreement);
}

static json_t *
disagreement(const sp_report *rep, int i)
{
	const sp_group *g = rep->group;
	const sp_disagreement *d = &g->dis[i];
	const sp_matrix *m = rep->group->m;
	json_t *vals = json_array(), *who;
	int j;

	for (j = 0; j < g->nmembers; j++)
		json_array_append_new(vals, d->kind == SP_DIS_TRAIT ?
		    sp_trait_value_json(&m->traits[d->index],
		    g->member[j].prof.value[d->index]) :
		    json_real(g->member[j].weight[d->index]));
	who = d->kind == SP_DIS_TRAIT ? sp_trait_value_json(
	    &m->traits[d->index], g->prof.value[d->index]) :
	    json_real(rep->result->crit[d->index].weight);
	return json_pack("{s:s,s:s,s:o,s:o,s:b,s:o,s:o}", "kind",
	    d->kind == SP_DIS_TRAIT ? "trait" : "weight", "id",
	    d->kind == SP_DIS_TRAIT ? m->traits[d->index].id :
	    m->criteria[d->index].id, "members", vals, "group", who,
	    "matters", d->matters, "member", d->matters ?
	    text(g->member[d->member].name) : json_null(), "option",
	    d->matters ? option_json(m, d->option) : json_null());
}

/* The group: its members, how it aggregates, the disagreements. */
static json_t *
group(const sp_report *rep)
{
	const sp_group *g = rep->group;
	json_t *members = json_array(), *dis = json_array();
	int i;

	for (i = 0; i < g->nmembers; i++)
		json_array_append_new(members, member(rep, i));
	for (i = 0; i < g->ndis; i++)
		json_array_append_new(dis, disagreement(rep, i));
	return json_pack("{s:o,s:o,s:o,s:{s:s,s:s,s:s},s:f,s:o}", "name",
	    g->name ? text(g->name) : json_null(), "file", g->file ?
	    text(g->file) : json_null(), "members", members, "aggregation",
	    "traits", "weighted vote; weighted median for numbers",
	    "weights", "weighted geometric mean", "pairwise",
	    "weighted geometric mean of each judgement", "consensus",
	    g->consensus, "disagreements", dis);
}

static json_t *
musts_json(const sp_report *rep)
{
	static const char *const kinds[] = { "min", "exclude", "require" };
	const sp_screen *s = rep->screen;
	json_t *arr = json_array(), *o;
	sp_buf t = SP_BUF_INIT;
	int i;

	for (i = 0; arr != NULL && i < s->nmusts; i++) {
		const sp_screen_must *mu = &s->musts[i];

		sp_buf_clear(&t);
		phrase_must(&t, phrase_put_raw, rep, i);
		o = json_pack("{s:s,s:s,s:o,s:i}", "kind", kinds[mu->kind],
		    "from", mu->from == SP_MUST_FROM_PROFILE ? "profile" :
		    "matrix", "text", text(sp_buf_cstr(&t)), "excludes",
		    mu->nout);
		if (o != NULL && mu->kind == SP_MUST_MIN) {
			json_object_set_new(o, "criterion", json_string(
			    rep->full->criteria[mu->target].id));
			json_object_set_new(o, "min", json_real(mu->min));
		} else if (o != NULL) {
			json_object_set_new(o, "option", json_string(
			    rep->full->options[mu->target].id));
		}
		if (o != NULL)
			json_object_set_new(o, "why", mu->why ?
			    text(mu->why) : json_null());
		json_array_append_new(arr, o);
	}
	sp_buf_free(&t);
	return arr;
}

static json_t *
option_ids(const sp_matrix *m, const int *o, int n)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < n; i++)
		json_array_append_new(arr, json_string(m->options[o[i]].id));
	return arr;
}

/* What the screen found: the musts, what each option out fails, and
   what relaxing one would bring back. */
static json_t *
screen_json(const sp_report *rep)
{
	static const char *const decided[] = { "score", "only", "none" };
	const sp_screen *s = rep->screen;
	const sp_matrix *m = rep->full;
	json_t *out = json_array(), *relax = json_array(), *fails;
	sp_buf t = SP_BUF_INIT;
	int i, j;

	for (i = 0; out != NULL && i < s->nout; i++) {
		fails = json_array();
		for (j = 0; fails != NULL && j < s->out[i].nfails; j++)
			json_array_append_new(fails,
			    json_integer(s->out[i].fails[j]));
		json_array_append_new(out, json_pack("{s:s,s:s,s:o}", "option",
		    m->options[s->out[i].option].id, "label",
		    m->options[s->out[i].option].label, "fails", fails));
	}
	for (i = 0; relax != NULL && i < s->nrelax; i++) {
		const sp_relax *r = &s->relax[i];

		sp_buf_clear(&t);
		phrase_relax(&t, phrase_put_raw, rep, i);
		json_array_append_new(relax, json_pack("{s:i,s:o,s:b,s:o,s:b,"
		    "s:o}", "must", r->must, "brings_back", option_ids(m,
		    r->back, r->nback), "scored", r->scored, "winner",
		    option_json(m, r->winner), "wins", r->wins, "text",
		    text(sp_buf_cstr(&t))));
	}
	sp_buf_free(&t);
	return json_pack("{s:s,s:o,s:o,s:o}", "decided", decided[rep->decided],
	    "musts", musts_json(rep), "screened", out, "relax", relax);
}

static json_t *
evidence_notes(const sp_report *rep)
{
	json_t *arr = json_array();
	sp_buf t = SP_BUF_INIT;
	int i;

	for (i = 0; arr != NULL && i < rep->nevidence; i++) {
		sp_buf_clear(&t);
		phrase_evidence_note(&t, phrase_put_raw, rep, i);
		json_array_append_new(arr, json_pack("{s:s,s:s,s:o}", "kind",
		    rep->evidence[i].kind == SP_EVIDENCE_STALE ? "stale" :
		    "disagree", "criterion",
		    rep->full->criteria[rep->evidence[i].criterion].id,
		    "text", text(sp_buf_cstr(&t))));
	}
	sp_buf_free(&t);
	return arr;
}

/* Why each option rates as it does on criterion k (none from a team). */
static void
why(sp_json *w, const sp_matrix *m, int k)
{
	int i;

	sp_json_object(w, "why");
	for (i = 0; !m->criteria[k].from_team && i < m->noptions; i++)
		sp_json_str(w, m->options[i].id, m->criteria[k].why[i]);
	sp_json_end(w);
}

/* Criterion ids, by index. */
static void
criterion_ids(sp_json *w, const char *key, const sp_matrix *m, const int *ks,
    int n)
{
	int i;

	sp_json_array(w, key);
	for (i = 0; i < n; i++)
		sp_json_str(w, NULL, m->criteria[ks[i]].id);
	sp_json_end(w);
}

/* The decision record of the report, as --format adr writes it. */
static void
record(sp_json *w, const sp_report *rep, const sp_adr *a)
{
	sp_buf title = SP_BUF_INIT, cmd = SP_BUF_INIT;

	sp_adr_title(&title, rep);
	sp_adr_confirmation(&cmd, rep, a);
	sp_json_object(w, "record");
	if (a->number > 0)
		sp_json_int(w, "number", a->number);
	else
		sp_json_null(w, "number");
	sp_json_str(w, "file", a->file.len > 0 ? sp_buf_cstr(&a->file) :
	    NULL);
	sp_json_str(w, "title", sp_buf_cstr(&title));
	sp_json_str(w, "style", sp_adr_style_name(a->style));
	sp_json_str(w, "status", a->status);
	sp_json_str(w, "date", a->date);
	if (a->supersedes > 0)
		sp_json_int(w, "supersedes", a->supersedes);
	else
		sp_json_null(w, "supersedes");
	sp_json_str(w, "confirmation", sp_buf_cstr(&cmd));
	sp_json_end(w);
	if (title.oom || cmd.oom)
		w->failed = 1;
	sp_buf_free(&title);
	sp_buf_free(&cmd);
}

/*
 * Whether criterion k's weight was capped, the unit, direction and raw
 * values of a criterion measured in one, and the ranges of its ratings
 * (or values).
 */
static void
criterion_uncertainty(sp_json *w, const sp_result *r, int k)
{
	const sp_matrix *m = r->matrix;
	const sp_units *u = m->criteria[k].units;
	int i;

	sp_json_bool(w, "weight_capped", r->crit[k].clamped);
	sp_json_str(w, "unit", u != NULL ? u->unit : NULL);
	sp_json_str(w, "direction", u == NULL ? NULL : u->cost ? "cost" :
	    "benefit");
	if (u != NULL) {
		sp_json_object(w, "values");
		for (i = 0; i < m->noptions; i++)
			sp_json_real(w, m->options[i].id, u->value[i]);
		sp_json_end(w);
	} else
		sp_json_null(w, "values");
	sp_json_put(w, "ranges", ranges(m, k));
}

/*
 * Criterion k: its weight, where it came from, ratings and reasons, what
 * is uncertain about it, and the evidence behind its ratings.
 */
struct sp_render_cache {
	const sp_matrix *m;  /* the matrix it holds parts of, or NULL */
	int ncriteria;
	int pretty;
	sp_buf text;         /* the parts, one after the other */
	size_t *at;          /* per criterion: its evidence member's
	                        offset in text and... */
	size_t *len;         /* ...its length, 0 when not kept */
};

sp_render_cache *
sp_render_cache_new(void)
{
	sp_render_cache *c = calloc(1, sizeof(*c));

	if (c != NULL)
		sp_buf_init(&c->text);
	return c;
}

void
sp_render_cache_free(sp_render_cache *c)
{
	if (c == NULL)
		return;
	sp_buf_free(&c->text);
	free(c->at);
	free(c->len);
	free(c);
}

/*
 * The cache of parts for matrix m written with layout pretty, emptied
 * when it held another's; NULL when there is none or out of memory.
 */
static sp_render_cache *
cache_for(sp_render_cache *c, const sp_matrix *m, int pretty)
{
	size_t n = (size_t)m->ncriteria;

	if (c == NULL)
		return NULL;
	if (c->m == m && c->ncriteria == m->ncriteria && c->pretty == pretty)
		return c;
	free(c->at);
	free(c->len);
	c->at = malloc(n * sizeof(size_t));
	c->len = calloc(n, sizeof(size_t));
	sp_buf_clear(&c->text);
	if (c->at == NULL || c->len == NULL) {
		c->m = NULL;
		return NULL;
	}
	c->m = m;
	c->ncriteria = m->ncriteria;
	c->pretty = pretty;
	return c;
}

/*
 * The evidence behind criterion k, which depends on the matrix alone:
 * written once into the cache, if any, and copied from it afterwards.
 */
static void
evidence(sp_json *w, const sp_report *rep, int k, sp_render_cache *c)
{
	size_t from = sp_json_tell(w);

	if (c != NULL && c->len[k] > 0) {
		sp_json_splice(w, c->text.ptr + c->at[k], c->len[k]);
		return;
	}
	sp_evidence_write(w, "evidence", &rep->full->criteria[k], rep->full);
	if (c == NULL || w->out == NULL || w->failed)
		return;
	c->at[k] = c->text.len;
	sp_buf_putn(&c->text, w->out->ptr + from, w->out->len - from);
	c->len[k] = c->text.oom ? 0 : w->out->len - from;
}

static void
criterion(sp_json *w, sp_buf *tmp, const sp_report *rep, int k,
    sp_render_cache *cache)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = r->matrix;
	const sp_crit_score *c = &r->crit[k];
	int i;

	sp_json_object(w, NULL);
	sp_json_str(w, "id", m->criteria[k].id);
	sp_json_str(w, "label", m->criteria[k].label);
	sp_json_real(w, "weight", c->weight);
	sp_json_real(w, "derived_weight", c->derived);
	sp_json_array(w, "weight_from");
	for (i = 0; i < c->nfrom; i++) {
		sp_buf_clear(tmp);
		phrase_source(tmp, phrase_put_raw, r, k, i);
		sp_json_object(w, NULL);
		sp_json_str(w, "source", sp_buf_cstr(tmp));
		sp_json_real(w, "value", c->from[i].delta);
		sp_json_str(w, "why", c->from[i].why);
		sp_json_end(w);
	}
	sp_json_end(w);
	sp_json_object(w, "ratings");
	for (i = 0; i < m->noptions; i++)
		sp_json_real(w, m->options[i].id, c->rating[i]);
	sp_json_end(w);
	sp_json_object(w, "contributions");
	for (i = 0; i < m->noptions; i++)
		sp_json_real(w, m->options[i].id, c->contrib[i]);
	sp_json_end(w);
	sp_json_real(w, "lead", c->lead);
	why(w, m, k);
	criterion_uncertainty(w, r, k);
	if (rep->full->criteria[k].nevidence > 0)
		evidence(w, rep, k, cache);
	sp_json_end(w);
}

static void
option_or_null(sp_json *w, const char *key, const sp_matrix *m, int o)
{
	sp_json_str(w, key, o < 0 ? NULL : m->options[o].id);
}

static void
hybrid(sp_json *w, const sp_analysis *a)
{
	const sp_matrix *m = a->matrix;
	int i, j;

	sp_json_object(w, "hybrid");
	sp_json_bool(w, "suggested", 1);
	sp_json_array(w, "split");
	for (i = 0; i < 2; i++) {
		const sp_split *s = &a->split[i];

		sp_json_object(w, NULL);
		sp_json_str(w, "option", m->options[s->option].id);
		sp_json_array(w, "components");
		for (j = 0; j < s->ncomponents; j++)
			sp_json_str(w, NULL, s->components[j]);
		sp_json_end(w);
		criterion_ids(w, "criteria", m, s->criteria, s->ncriteria);
		sp_json_real(w, "share", a->share[i]);
		sp_json_end(w);
	}
	sp_json_end(w);
	sp_json_end(w);
}

/* Every flip point, nearest first, with what moves its weight. */
static void
sensitivity(sp_json *w, sp_buf *tmp, const sp_report *rep)
{
	const sp_matrix *m = rep->matrix;
	int i;

	sp_json_array(w, "sensitivity");
	for (i = 0; i < rep->nflips; i++) {
		const sp_flip *f = rep->flips[i].flip;

		sp_buf_clear(tmp);
		phrase_mover(tmp, phrase_put_raw, rep, &rep->flips[i]);
		sp_json_object(w, NULL);
		sp_json_str(w, "criterion", m->criteria[f->criterion].id);
		sp_json_str(w, "option", m->options[f->option].id);
		sp_json_real(w, "weight", f->weight);
		sp_json_real(w, "flip_weight", f->flip_weight);
		sp_json_real(w, "relative_change", f->relative_change);
		sp_json_str(w, "hint", sp_buf_cstr(tmp));
		sp_json_end(w);
	}
	sp_json_end(w);
}

/* The analysis fields, written when the report was analysed. */
static void
analysis(sp_json *w, sp_buf *tmp, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int i;

	sensitivity(w, tmp, rep);
	sp_json_array(w, "trait_flips");
	for (i = 0; i < a->ntrait_flips; i++) {
		const sp_trait_flip *f = &a->trait_flips[i];
		const sp_trait *tr = &m->traits[f->trait];

		sp_json_object(w, NULL);
		sp_json_str(w, "trait", tr->id);
		sp_json_put(w, "from", sp_trait_value_json(tr, f->from));
		sp_json_put(w, "to", sp_trait_value_json(tr, f->to));
		option_or_null(w, "option", m, f->option);
		sp_json_end(w);
	}
	sp_json_end(w);
	sp_json_real(w, "confidence", a->confidence);
	sp_json_int(w, "draws", a->draws);
	sp_json_str(w, "label", sp_label_name(a->label));
	sp_json_object(w, "methods");
	for (i = 0; i < SP_NMETHODS; i++)
		option_or_null(w, sp_method_name((sp_method)i), m,
		    a->method_winner[i]);
	sp_json_end(w);
	sp_json_bool(w, "methods_agree", a->methods_agree);
	if (a->hybrid)
		hybrid(w, a);
	else
		sp_json_null(w, "hybrid");
	/* What the draws of ratings within their ranges add, and the ranks. */
	sp_json_bool(w, "ratings_drawn", a->ranged);
	if (a->winner >= 0 && a->ranged) {
		sp_json_real(w, "confidence_weights", a->confidence_weights);
		sp_json_real(w, "confidence_ratings", a->confidence_ratings);
	} else {
		sp_json_null(w, "confidence_weights");
		sp_json_null(w, "confidence_ratings");
	}
	acceptability(w, rep);
	sp_json_put(w, "value_flips", value_flips(a));
}

static void
moves(sp_json *w, const sp_result *r, const sp_gate *gt)
{
	int i;

	sp_json_array(w, "moved");
	for (i = 0; i < gt->nmoves; i++) {
		const sp_move *mv = &gt->moves[i];

		sp_json_object(w, NULL);
		sp_json_str(w, "criterion", r->matrix->criteria[mv->criterion].id);
		sp_json_real(w, "weight_before", mv->weight_before);
		sp_json_real(w, "weight_after", mv->weight_after);
		sp_json_real(w, "lead_before", mv->lead_before);
		sp_json_real(w, "lead_after", mv->lead_after);
		sp_json_end(w);
	}
	sp_json_end(w);
}

/*
 * Every gate asked for, whatever the bytes of its detail: a file name
 * that is not UTF-8 is repaired, never a reason to drop the gate.
 */
static void
gates(sp_json *w, const sp_result *r, const sp_gates *g)
{
	int i;

	sp_json_array(w, "gates");
	for (i = 0; g != NULL && i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];

		sp_json_object(w, NULL);
		sp_json_str(w, "name", gt->name);
		sp_json_bool(w, "passed", gt->passed);
		sp_json_str(w, "detail", gt->detail);
		if (r != NULL && strcmp(gt->name, "baseline") == 0)
			moves(w, r, gt);
		sp_json_end(w);
	}
	sp_json_end(w);
}

/* The recommendation and the score of every option, best first. */
static void
recommendation(sp_json *w, const sp_result *r)
{
	const sp_matrix *m = r->matrix;
	int best = r->rank[0], tie = r->ntied > 1, i;

	sp_json_object(w, "recommendation");
	sp_json_str(w, "option", tie ? NULL : m->options[best].id);
	sp_json_str(w, "label", tie ? NULL : m->options[best].label);
	sp_json_real(w, "score", r->score[best]);
	sp_json_real(w, "margin", r->margin);
	sp_json_str(w, "runner_up", m->options[r->rank[1]].id);
	sp_json_bool(w, "tie", tie);
	sp_json_array(w, "tied");
	for (i = 0; tie && i < r->ntied; i++)
		sp_json_str(w, NULL, m->options[r->rank[i]].id);
	sp_json_end(w);
	sp_json_end(w);
	sp_json_array(w, "scores");
	for (i = 0; i < m->noptions; i++) {
		sp_json_object(w, NULL);
		sp_json_str(w, "option", m->options[r->rank[i]].id);
		sp_json_str(w, "label", m->options[r->rank[i]].label);
		sp_json_real(w, "score", r->score[r->rank[i]]);
		sp_json_end(w);
	}
	sp_json_end(w);
}

/* A run in which fewer than two options met the musts. */
static void
screen_only(sp_json *w, const sp_report *rep, const sp_adr *a)
{
	const sp_matrix *m = rep->full;
	sp_buf t = SP_BUF_INIT;

	phrase_screen_verdict(&t, phrase_put_raw, rep);
	sp_json_object(w, NULL);
	sp_json_int(w, "schema_version", SP_JSON_SCHEMA_VERSION);
	sp_json_str(w, "input", rep->input);
	sp_json_str(w, "name", rep->title != rep->input ? rep->title : NULL);
	sp_json_str(w, "matrix", m->name);
	sp_json_object(w, "recommendation");
	option_or_null(w, "option", m, rep->only);
	sp_json_str(w, "label", rep->only >= 0 ? m->options[rep->only].label :
	    NULL);
	sp_json_str(w, "why", sp_buf_cstr(&t));
	sp_json_end(w);
	sp_json_put(w, "screen", screen_json(rep));
	gates(w, NULL, rep->gates);
	if (a != NULL)
		record(w, rep, a);
	sp_json_end(w);
	if (t.oom)
		w->failed = 1;
	sp_buf_free(&t);
}

/* The whole report; with a the decision record too. */
static void
report(sp_json *w, const sp_report *rep, const sp_adr *a,
    sp_render_cache *cache)
{
	const sp_result *r = rep->result;
	const sp_matrix *m;
	sp_buf tmp = SP_BUF_INIT;
	int i;

	if (r == NULL) {
		screen_only(w, rep, a);
		return;
	}
	m = r->matrix;
	sp_json_object(w, NULL);
	sp_json_int(w, "schema_version", SP_JSON_SCHEMA_VERSION);
	sp_json_str(w, "input", rep->input);
	sp_json_str(w, "name", r->profile->name[0] ? r->profile->name : NULL);
	sp_json_str(w, "matrix", m->name);
	sp_json_object(w, "scale");
	sp_json_real(w, "min", m->scale_min);
	sp_json_real(w, "max", m->scale_max);
	sp_json_end(w);
	sp_json_str(w, "method", sp_method_name(r->method));
	recommendation(w, r);
	sp_json_real(w, "total_weight", r->total_weight);
	sp_json_array(w, "criteria");
	for (i = 0; i < m->ncriteria; i++)
		criterion(w, &tmp, rep, i, cache);
	sp_json_end(w);
	strings(w, "checklist", r->checklist, r->nchecklist);
	strings(w, "pitfalls", r->pitfalls, r->npitfalls);
	strings(w, "tools", r->tools, r->ntools);
	sp_json_array(w, "warnings");
	for (i = 0; i < r->nnotes; i++) {
		sp_buf_clear(&tmp);
		phrase_note(&tmp, phrase_put_raw, r, i);
		sp_json_str(w, NULL, sp_buf_cstr(&tmp));
	}
	sp_json_end(w);
	criterion_ids(w, "drivers", m, rep->driver, rep->ndrivers);
	sp_json_object(w, "reasons");
	criterion_ids(w, "for", m, rep->pro, rep->npro);
	criterion_ids(w, "against", m, rep->con, rep->ncon);
	sp_json_end(w);
	if (rep->analysis != NULL)
		analysis(w, &tmp, rep);
	gates(w, r, rep->gates);
	if (rep->screen != NULL)
		sp_json_put(w, "screen", screen_json(rep));
	if (rep->nevidence > 0)
		sp_json_put(w, "evidence_notes", evidence_notes(rep));
	if (rep->ahp != NULL)
		sp_json_put(w, "pairwise", pairwise(rep));
	if (rep->group != NULL)
		sp_json_put(w, "group", group(rep));
	if (a != NULL)
		record(w, rep, a);
	sp_json_end(w);
	if (tmp.oom)
		w->failed = 1;
	sp_buf_free(&tmp);
}

sp_status
sp_json_dump(sp_buf *out, json_t *j, int pretty)
{
	sp_json w;

	sp_json_init(&w, out, pretty);
	sp_json_put(&w, NULL, j);
	sp_buf_putc(out, '\n');
	return sp_json_finish(&w);
}

/* {message, line, column} for one error, as stderr tells it. */
static void
error_json(sp_json *w, const char *key, const sp_error *err, int exit_code)
{
	sp_buf b = SP_BUF_INIT;

	sp_buf_put_error(&b, err);
	sp_json_object(w, key);
	sp_json_str(w, "message", sp_buf_cstr(&b));
	if (err->line > 0)
		sp_json_int(w, "line", err->line);
	else
		sp_json_null(w, "line");
	if (err->column > 0)
		sp_json_int(w, "column", err->column);
	else
		sp_json_null(w, "column");
	if (key != NULL)
		sp_json_int(w, "exit_code", exit_code);
	sp_json_end(w);
	if (b.oom)
		w->failed = 1;
	sp_buf_free(&b);
}

sp_status
sp_render_json_error(sp_buf *out, const char *input, const sp_error *err,
    const sp_errors *all, int exit_code, const sp_render_opts *opts)
{
	int i, n = all != NULL && all->count > 0 ? all->count : 0;
	sp_json w;

	sp_json_init(&w, out, opts->pretty);
	sp_json_object(&w, NULL);
	sp_json_int(&w, "schema_version", SP_JSON_SCHEMA_VERSION);
	sp_json_str(&w, "input", input);
	error_json(&w, "error", err, exit_code);
	sp_json_array(&w, "errors");
	for (i = 0; i < n; i++)
		error_json(&w, NULL, &all->list[i], 0);
	if (n == 0)
		error_json(&w, NULL, err, 0);
	sp_json_end(&w);
	sp_json_int(&w, "errors_not_shown", n > 0 ? all->more : 0);
	sp_json_end(&w);
	sp_buf_putc(out, '\n');
	return sp_json_finish(&w);
}

sp_status
sp_render_json(sp_buf *out, const sp_report *rep, const sp_render_opts *opts)
{
	sp_json w;

	sp_json_init(&w, out, opts->pretty);
	report(&w, rep, opts->adr, cache_for(opts->cache, rep->full,
	    opts->pretty));
	sp_buf_putc(out, '\n');
	return sp_json_finish(&w);
}

json_t *
sp_report_json(const sp_report *rep)
{
	sp_json w;

	sp_json_init_tree(&w);
	report(&w, rep, NULL, NULL);
	return sp_json_take(&w);
}
