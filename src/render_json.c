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
#include <stdlib.h>
#include <string.h>

#include "stackpick/adr.h"
#include "stackpick/json.h"
#include "stackpick/render.h"
#include "stackpick/trait.h"
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

/* Criterion k: its weight, where it came from, ratings and reasons. */
static void
criterion(sp_json *w, sp_buf *tmp, const sp_result *r, int k)
{
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
		if (strcmp(gt->name, "baseline") == 0)
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

/* The whole report; with a the decision record too. */
static void
report(sp_json *w, const sp_report *rep, const sp_adr *a)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = r->matrix;
	sp_buf tmp = SP_BUF_INIT;
	int i;

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
		criterion(w, &tmp, r, i);
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
	report(&w, rep, opts->adr);
	sp_buf_putc(out, '\n');
	return sp_json_finish(&w);
}

json_t *
sp_report_json(const sp_report *rep)
{
	sp_json w;

	sp_json_init_tree(&w);
	report(&w, rep, NULL);
	return sp_json_take(&w);
}
