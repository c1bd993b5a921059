/*
 * The JSON view of a report.  Objects keep insertion order, so the output
 * is the same byte for byte on every run.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stackpick/ahp.h"
#include "stackpick/group.h"

#include "stackpick/adr.h"
#include "stackpick/evidence.h"
#include "stackpick/render_matrix.h"
#include "stackpick/render.h"
#include "stackpick/screen.h"
#include "stackpick/trait.h"
#include "stackpick/units.h"
#include "internal.h"
#include "phrase.h"

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

static json_t *
strings(const sp_advice *const *a, int n)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < n; i++)
		json_array_append_new(arr, json_string(a[i]->text));
	return arr;
}

/* Why each option rates as it does on criterion k (none from a team). */
static json_t *
why(const sp_matrix *m, int k)
{
	json_t *o = json_object();
	int i;

	for (i = 0; o != NULL && !m->criteria[k].from_team &&
	    i < m->noptions; i++)
		json_object_set_new(o, m->options[i].id,
		    json_string(m->criteria[k].why[i]));
	return o;
}

/* Criterion ids, by index. */
static json_t *
criterion_ids(const sp_matrix *m, const int *ks, int n)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < n; i++)
		json_array_append_new(arr, json_string(m->criteria[ks[i]].id));
	return arr;
}

/* The decision record of the report, as --format adr writes it. */
static json_t *
record(const sp_report *rep, const sp_adr *a)
{
	sp_buf title = SP_BUF_INIT, cmd = SP_BUF_INIT;
	json_t *o;

	sp_adr_title(&title, rep);
	sp_adr_confirmation(&cmd, rep, a);
	o = json_pack("{s:o,s:o,s:o,s:s,s:o,s:s,s:o,s:o}", "number",
	    a->number > 0 ? json_integer(a->number) : json_null(), "file",
	    a->file.len > 0 ? text(sp_buf_cstr(&a->file)) : json_null(),
	    "title", text(sp_buf_cstr(&title)), "style",
	    sp_adr_style_name(a->style), "status", text(a->status), "date", a->date,
	    "supersedes", a->supersedes > 0 ? json_integer(a->supersedes) :
	    json_null(), "confirmation", text(sp_buf_cstr(&cmd)));
	sp_buf_free(&title);
	sp_buf_free(&cmd);
	return o;
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
 * Whether the weight was capped, the unit, direction and raw values of a
 * criterion measured in one, and the ranges of its ratings (or values).
 */
static void
criterion_uncertainty(json_t *o, const sp_result *r, int k)
{
	const sp_matrix *m = r->matrix;
	const sp_units *u = m->criteria[k].units;
	json_t *values = json_object();
	int i;

	json_object_set_new(o, "weight_capped",
	    json_boolean(r->crit[k].clamped));
	json_object_set_new(o, "unit", u != NULL ? json_string(u->unit) :
	    json_null());
	json_object_set_new(o, "direction", u == NULL ? json_null() :
	    json_string(u->cost ? "cost" : "benefit"));
	for (i = 0; u != NULL && i < m->noptions; i++)
		json_object_set_new(values, m->options[i].id,
		    json_real(u->value[i]));
	if (u == NULL) {
		json_decref(values);
		values = json_null();
	}
	json_object_set_new(o, "values", values);
	json_object_set_new(o, "ranges", ranges(m, k));
}

static json_t *
criterion(const sp_result *r, int k)
{
	const sp_matrix *m = r->matrix;
	const sp_crit_score *c = &r->crit[k];
	json_t *o = json_object(), *from = json_array(),
	       *ratings = json_object(), *contrib = json_object();
	sp_buf src = SP_BUF_INIT;
	int i;

	for (i = 0; i < c->nfrom; i++) {
		sp_buf_clear(&src);
		phrase_source(&src, phrase_put_raw, r, k, i);
		json_array_append_new(from, json_pack("{s:o,s:f,s:s?}",
		    "source", text(sp_buf_cstr(&src)), "value",
		    c->from[i].delta, "why", c->from[i].why));
	}
	sp_buf_free(&src);
	for (i = 0; i < m->noptions; i++) {
		json_object_set_new(ratings, m->options[i].id,
		    json_real(c->rating[i]));
		json_object_set_new(contrib, m->options[i].id,
		    json_real(c->contrib[i]));
	}
	json_object_set_new(o, "id", json_string(m->criteria[k].id));
	json_object_set_new(o, "label", json_string(m->criteria[k].label));
	json_object_set_new(o, "weight", json_real(c->weight));
	json_object_set_new(o, "derived_weight", json_real(c->derived));
	json_object_set_new(o, "weight_from", from);
	json_object_set_new(o, "ratings", ratings);
	json_object_set_new(o, "contributions", contrib);
	json_object_set_new(o, "lead", json_real(c->lead));
	json_object_set_new(o, "why", why(m, k));
	criterion_uncertainty(o, r, k);
	return o;
}

static json_t *
option_or_null(const sp_matrix *m, int o)
{
	return o < 0 ? json_null() : json_string(m->options[o].id);
}

static json_t *
hybrid(const sp_analysis *a)
{
	const sp_matrix *m = a->matrix;
	json_t *split = json_array();
	int i, j;

	for (i = 0; i < 2; i++) {
		const sp_split *s = &a->split[i];
		json_t *comp = json_array(), *crit = json_array();

		for (j = 0; j < s->ncomponents; j++)
			json_array_append_new(comp,
			    json_string(s->components[j]));
		for (j = 0; j < s->ncriteria; j++)
			json_array_append_new(crit,
			    json_string(m->criteria[s->criteria[j]].id));
		json_array_append_new(split, json_pack("{s:s,s:o,s:o,s:f}",
		    "option", m->options[s->option].id, "components", comp,
		    "criteria", crit, "share", a->share[i]));
	}
	return json_pack("{s:b,s:o}", "suggested", 1, "split", split);
}

/*
 * Rank acceptability, best first in the ranking: per option its share of
 * each rank and its central weights (null when it never ranks first).
 */
static json_t *
acceptability(const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int no = m->noptions, nc = m->ncriteria, i, j, o;
	json_t *arr = json_array();

	for (i = 0; arr != NULL && i < no; i++) {
		json_t *ranks = json_array(), *central = json_object();

		o = rep->result->rank[i];
		for (j = 0; j < no; j++)
			json_array_append_new(ranks,
			    json_real(a->accept[o * no + j]));
		for (j = 0; a->first[o] > 0 && j < nc; j++)
			json_object_set_new(central, m->criteria[j].id,
			    json_real(a->central[o * nc + j]));
		if (a->first[o] == 0) {
			json_decref(central);
			central = json_null();
		}
		json_array_append_new(arr, json_pack("{s:s,s:o,s:o}", "option",
		    m->options[o].id, "ranks", ranks, "central_weights",
		    central));
	}
	return arr;
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

/* What the draws of ratings within their ranges add, and the ranks. */
static void
analysis_uncertainty(json_t *root, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	int sure = a->winner >= 0 && a->ranged;

	json_object_set_new(root, "ratings_drawn", json_boolean(a->ranged));
	json_object_set_new(root, "confidence_weights", sure ?
	    json_real(a->confidence_weights) : json_null());
	json_object_set_new(root, "confidence_ratings", sure ?
	    json_real(a->confidence_ratings) : json_null());
	json_object_set_new(root, "acceptability", acceptability(rep));
	json_object_set_new(root, "value_flips", value_flips(a));
}

/* The analysis fields, added to root when r was analysed. */
static void
analysis(json_t *root, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	json_t *sens = json_array(), *tf = json_array(),
	       *methods = json_object();
	sp_buf hint = SP_BUF_INIT;
	int i;

	for (i = 0; i < rep->nflips; i++) {
		const sp_flip *f = rep->flips[i].flip;

		sp_buf_clear(&hint);
		phrase_mover(&hint, phrase_put_raw, rep, &rep->flips[i]);
		json_array_append_new(sens, json_pack("{s:s,s:s,s:f,s:f,s:o,"
		    "s:o}", "criterion", m->criteria[f->criterion].id,
		    "option", m->options[f->option].id, "weight", f->weight,
		    "flip_weight", f->flip_weight, "relative_change",
		    isfinite(f->relative_change) ?
		    json_real(f->relative_change) : json_null(), "hint",
		    text(sp_buf_cstr(&hint))));
	}
	sp_buf_free(&hint);
	for (i = 0; i < a->ntrait_flips; i++) {
		const sp_trait_flip *f = &a->trait_flips[i];
		const sp_trait *tr = &m->traits[f->trait];

		json_array_append_new(tf, json_pack("{s:s,s:o,s:o,s:o}",
		    "trait", tr->id, "from", sp_trait_value_json(tr, f->from), "to",
		    sp_trait_value_json(tr, f->to), "option",
		    option_or_null(m, f->option)));
	}
	for (i = 0; i < SP_NMETHODS; i++)
		json_object_set_new(methods, sp_method_name((sp_method)i),
		    option_or_null(m, a->method_winner[i]));
	json_object_set_new(root, "sensitivity", sens);
	json_object_set_new(root, "trait_flips", tf);
	json_object_set_new(root, "confidence", json_real(a->confidence));
	json_object_set_new(root, "draws", json_integer(a->draws));
	json_object_set_new(root, "label", json_string(sp_label_name(
	    a->label)));
	json_object_set_new(root, "methods", methods);
	json_object_set_new(root, "methods_agree",
	    json_boolean(a->methods_agree));
	json_object_set_new(root, "hybrid", a->hybrid ? hybrid(a) :
	    json_null());
	analysis_uncertainty(root, rep);
}

static json_t *
moves(const sp_result *r, const sp_gate *gt)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < gt->nmoves; i++) {
		const sp_move *mv = &gt->moves[i];

		json_array_append_new(arr, json_pack("{s:s,s:f,s:f,s:f,s:f}",
		    "criterion", r->matrix->criteria[mv->criterion].id,
		    "weight_before", mv->weight_before, "weight_after",
		    mv->weight_after, "lead_before", mv->lead_before,
		    "lead_after", mv->lead_after));
	}
	return arr;
}

/*
 * Every gate asked for, whatever the bytes of its detail: a file name
 * that is not UTF-8 is repaired, never a reason to drop the gate.
 */
static json_t *
gates(const sp_result *r, const sp_gates *g)
{
	json_t *arr = json_array(), *o;
	int i;

	for (i = 0; arr != NULL && g != NULL && i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];

		o = json_pack("{s:s,s:b,s:o}", "name", gt->name, "passed",
		    gt->passed, "detail", text(gt->detail));
		if (o != NULL && strcmp(gt->name, "baseline") == 0)
			json_object_set_new(o, "moved", moves(r, gt));
		json_array_append_new(arr, o);
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
	const sp_matrix *m = rep->matrix;
	json_t *w = json_object();
	int k;

	for (k = 0; k < m->ncriteria; k++)
		json_object_set_new(w, m->criteria[k].id,
		    json_real(mb->weight[k]));
	return json_pack("{s:o,s:o,s:f,s:o,s:o,s:f,s:o,s:f}", "name",
	    text(mb->name), "profile", text(mb->file), "say", mb->say,
	    "option", option_or_null(m, mb->winner), "runner_up",
	    json_string(m->options[mb->runner_up].id), "margin", mb->margin,
	    "weights", w, "agreement", mb->agreement);
}

static json_t *
disagreement(const sp_report *rep, int i)
{
	const sp_group *g = rep->group;
	const sp_disagreement *d = &g->dis[i];
	const sp_matrix *m = rep->matrix;
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
	    d->matters ? option_or_null(m, d->option) : json_null());
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

/* Appends len bytes of JSON to the sp_buf data (json_dump_callback). */
static int
dump_cb(const char *buffer, size_t size, void *data)
{
	sp_buf *b = data;

	sp_buf_putn(b, buffer, size);
	return b->oom ? -1 : 0;
}

sp_status
sp_json_dump(sp_buf *out, json_t *j, int pretty)
{
	if (j == NULL)
		return SP_ENOMEM;
	if (json_dump_callback(j, dump_cb, out, JSON_REAL_PRECISION(
	    SP_JSON_PRECISION) | (pretty ? JSON_INDENT(2) : JSON_COMPACT)) != 0)
		out->oom = 1;
	sp_buf_putc(out, '\n');
	json_decref(j);
	return out->oom ? SP_ENOMEM : SP_OK;
}

/* {message, line, column} for one error, as stderr tells it. */
static json_t *
error_json(const sp_error *err)
{
	sp_buf b = SP_BUF_INIT;
	json_t *j;

	sp_buf_put_error(&b, err);
	j = b.oom ? NULL : json_pack("{s:o,s:o,s:o}", "message",
	    text(sp_buf_cstr(&b)), "line", err->line > 0 ?
	    json_integer(err->line) : json_null(), "column", err->column > 0 ?
	    json_integer(err->column) : json_null());
	sp_buf_free(&b);
	return j;
}

sp_status
sp_render_json_error(sp_buf *out, const char *input, const sp_error *err,
    const sp_errors *all, int exit_code, const sp_render_opts *opts)
{
	json_t *first = error_json(err), *list = json_array();
	int i, n = all != NULL && all->count > 0 ? all->count : 0;

	if (first != NULL && json_object_set_new(first, "exit_code",
	    json_integer(exit_code)) != 0) {
		json_decref(first);
		first = NULL;
	}
	for (i = 0; i < n; i++)
		if (json_array_append_new(list, error_json(&all->list[i])) != 0)
			break;
	if (n == 0 && json_array_append_new(list, error_json(err)) != 0)
		i = -1;
	if (i < n) {
		json_decref(first);
		json_decref(list);
		return SP_ENOMEM;
	}
	return sp_json_dump(out, json_pack("{s:i,s:o,s:o,s:o,s:i}",
	    "schema_version", SP_JSON_SCHEMA_VERSION, "input", text(input),
	    "error", first, "errors", list, "errors_not_shown",
	    n > 0 ? all->more : 0), opts->pretty);
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
		    option_or_null(m, r->winner), "wins", r->wins, "text",
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

/* Criterion k of rep's result, with the evidence behind its ratings. */
static json_t *
criterion_evidence(const sp_report *rep, int k)
{
	json_t *c = criterion(rep->result, k);

	if (c != NULL && rep->full->criteria[k].nevidence > 0)
		json_object_set_new(c, "evidence", sp_evidence_json(
		    &rep->full->criteria[k], rep->full));
	return c;
}

/* The screen and the evidence warnings, added to root when there are. */
static void
musts_and_evidence(json_t *root, const sp_report *rep)
{
	if (rep->screen != NULL)
		json_object_set_new(root, "screen", screen_json(rep));
	if (rep->nevidence > 0)
		json_object_set_new(root, "evidence_notes",
		    evidence_notes(rep));
}

/* A run in which fewer than two options met the musts. */
static json_t *
screen_only_json(const sp_report *rep)
{
	const sp_matrix *m = rep->full;
	sp_buf t = SP_BUF_INIT;
	json_t *j;

	phrase_screen_verdict(&t, phrase_put_raw, rep);
	j = json_pack("{s:i,s:o,s:o,s:s,s:{s:o,s:o,s:o},s:o,s:o}",
	    "schema_version", SP_JSON_SCHEMA_VERSION, "input", text(rep->input),
	    "name", rep->title != rep->input ? text(rep->title) : json_null(),
	    "matrix", m->name, "recommendation", "option",
	    option_or_null(m, rep->only), "label", rep->only >= 0 ?
	    json_string(m->options[rep->only].label) : json_null(), "why",
	    text(sp_buf_cstr(&t)), "screen", screen_json(rep), "gates",
	    gates(NULL, rep->gates));
	sp_buf_free(&t);
	return j;
}

sp_status
sp_render_json(sp_buf *out, const sp_report *rep, const sp_render_opts *opts)
{
	json_t *root = sp_report_json(rep);

	if (root != NULL && opts->adr != NULL)
		json_object_set_new(root, "record", record(rep, opts->adr));
	return sp_json_dump(out, root, opts->pretty);
}

json_t *
sp_report_json(const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = r != NULL ? r->matrix : NULL;
	json_t *root, *rec, *scores, *crit, *tied, *warnings;
	sp_buf note = SP_BUF_INIT;
	int best, i;

	if (r == NULL)
		return screen_only_json(rep);
	best = r->rank[0];
	root = json_object();
	rec = json_object();
	scores = json_array();
	crit = json_array();
	tied = json_array();
	warnings = json_array();
	if (root == NULL || rec == NULL || scores == NULL || crit == NULL ||
	    tied == NULL || warnings == NULL) {
		json_decref(root);
		json_decref(rec);
		json_decref(scores);
		json_decref(crit);
		json_decref(tied);
		json_decref(warnings);
		return NULL;
	}
	for (i = 0; i < r->ntied && r->ntied > 1; i++)
		json_array_append_new(tied,
		    json_string(m->options[r->rank[i]].id));
	json_object_set_new(rec, "option", r->ntied > 1 ? json_null() :
	    json_string(m->options[best].id));
	json_object_set_new(rec, "label", r->ntied > 1 ? json_null() :
	    json_string(m->options[best].label));
	json_object_set_new(rec, "score", json_real(r->score[best]));
	json_object_set_new(rec, "margin", json_real(r->margin));
	json_object_set_new(rec, "runner_up",
	    json_string(m->options[r->rank[1]].id));
	json_object_set_new(rec, "tie", json_boolean(r->ntied > 1));
	json_object_set_new(rec, "tied", tied);
	for (i = 0; i < m->noptions; i++)
		json_array_append_new(scores, json_pack("{s:s,s:s,s:f}",
		    "option", m->options[r->rank[i]].id, "label",
		    m->options[r->rank[i]].label, "score",
		    r->score[r->rank[i]]));
	for (i = 0; i < m->ncriteria; i++)
		json_array_append_new(crit, criterion_evidence(rep, i));
	for (i = 0; i < r->nnotes; i++) {
		sp_buf_clear(&note);
		phrase_note(&note, phrase_put_raw, r, i);
		json_array_append_new(warnings, text(sp_buf_cstr(&note)));
	}
	sp_buf_free(&note);
	json_object_set_new(root, "schema_version",
	    json_integer(SP_JSON_SCHEMA_VERSION));
	json_object_set_new(root, "input", text(rep->input));
	json_object_set_new(root, "name", r->profile->name[0] ?
	    json_string(r->profile->name) : json_null());
	json_object_set_new(root, "matrix", json_string(m->name));
	json_object_set_new(root, "scale", json_pack("{s:f,s:f}", "min",
	    m->scale_min, "max", m->scale_max));
	json_object_set_new(root, "method", json_string(sp_method_name(
	    r->method)));
	json_object_set_new(root, "recommendation", rec);
	json_object_set_new(root, "scores", scores);
	json_object_set_new(root, "total_weight", json_real(r->total_weight));
	json_object_set_new(root, "criteria", crit);
	json_object_set_new(root, "checklist",
	    strings(r->checklist, r->nchecklist));
	json_object_set_new(root, "pitfalls",
	    strings(r->pitfalls, r->npitfalls));
	json_object_set_new(root, "tools", strings(r->tools, r->ntools));
	json_object_set_new(root, "warnings", warnings);
	json_object_set_new(root, "drivers", criterion_ids(m, rep->driver,
	    rep->ndrivers));
	json_object_set_new(root, "reasons", json_pack("{s:o,s:o}", "for",
	    criterion_ids(m, rep->pro, rep->npro), "against",
	    criterion_ids(m, rep->con, rep->ncon)));
	if (rep->analysis != NULL)
		analysis(root, rep);
	json_object_set_new(root, "gates", gates(r, rep->gates));
	musts_and_evidence(root, rep);
	if (rep->ahp != NULL)
		json_object_set_new(root, "pairwise", pairwise(rep));
	if (rep->group != NULL)
		json_object_set_new(root, "group", group(rep));
	return root;
}
