/*
 * The report's sentences (see phrase.h).  Numbers are formatted here
 * too, so that every format prints the same figure the same way.
 */
#include <math.h>
#include <string.h>

#include "stackpick/ahp.h"
#include "stackpick/group.h"
#include "stackpick/evidence.h"
#include "stackpick/limits.h"
#include "stackpick/screen.h"
#include "stackpick/trait.h"
#include "phrase.h"
#include "stackpick/units.h"

void
phrase_put_raw(sp_buf *b, const char *s)
{
	sp_buf_puts(b, s);
}

void
phrase_list(sp_buf *b, sp_put_fn *put, const char *const *items, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		sp_buf_puts(b, i == 0 ? "" : i == n - 1 ? " and " : ", ");
		put(b, items[i]);
	}
}

void
phrase_title(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	/* Without a result, the one option left by the musts, if any. */
	int o = rep->result != NULL ? rep->winner : rep->only;
	const sp_matrix *m = rep->result != NULL ? rep->matrix : rep->full;

	put(b, rep->title);
	if (o < 0) {
		sp_buf_puts(b, ": no recommendation");
		return;
	}
	sp_buf_puts(b, ": ");
	put(b, m->options[o].label);
	sp_buf_puts(b, " recommended");
}

void
phrase_tied(sp_buf *b, sp_put_fn *put, const sp_result *r)
{
	int i;

	for (i = 0; i < r->ntied; i++) {
		sp_buf_puts(b, i == 0 ? "" : i == r->ntied - 1 ? " and " : ", ");
		put(b, r->matrix->options[r->rank[i]].label);
	}
}

/* "ml is light or heavy", "concurrency is at least 1000". */
static void
phrase_term(sp_buf *b, sp_put_fn *put, const sp_term *t, const sp_matrix *m)
{
	const sp_trait *tr = &m->traits[t->trait];
	int i, n = 0, count = 0;

	put(b, tr->id);
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		for (i = 0; i < tr->nvalues; i++)
			count += (t->set >> i) & 1;
		sp_buf_puts(b, " is");
		for (i = 0; i < tr->nvalues; i++) {
			if (!((t->set >> i) & 1))
				continue;
			n++;
			sp_buf_puts(b, n == 1 ? " " : n == count ? " or " :
			    ", ");
			put(b, tr->values[i]);
		}
		break;
	case SP_TRAIT_BOOL:
		sp_buf_printf(b, " is %s", t->set == 1 ? "false" : t->set == 2 ?
		    "true" : "true or false");
		break;
	case SP_TRAIT_INT:
		if (t->min == t->max)
			sp_buf_printf(b, " is %ld", t->min);
		else if (t->max == tr->max)
			sp_buf_printf(b, " is at least %ld", t->min);
		else if (t->min == tr->min)
			sp_buf_printf(b, " is at most %ld", t->max);
		else
			sp_buf_printf(b, " is from %ld to %ld", t->min, t->max);
		break;
	}
}

void
phrase_cond(sp_buf *b, sp_put_fn *put, const sp_cond *c, const sp_matrix *m)
{
	int i, j, t = 0;

	if (c->nclauses == 0) {
		sp_buf_puts(b, "always");
		return;
	}
	for (i = 0; i < c->nclauses; i++) {
		if (i > 0)
			sp_buf_puts(b, c->clause_len[i - 1] > 1 ? "; or " :
			    " or ");
		for (j = 0; j < c->clause_len[i]; j++, t++) {
			if (j > 0)
				sp_buf_puts(b, " and ");
			phrase_term(b, put, &c->terms[t], m);
		}
	}
}

void
phrase_weight(sp_buf *b, double w, double other)
{
	size_t start = b->len;
	char *dot;

	sp_buf_printf(b, fabs(w - other) < 0.05 ? "%.2f" : "%.1f", w);
	if (b->oom)
		return;
	dot = strchr(b->ptr + start, '.');
	if (dot != NULL && strcmp(dot, ".0") == 0) {
		b->len = (size_t)(dot - b->ptr);
		*dot = '\0';
	}
}

/* Appends the value of trait t to b through put. */
static void
put_value(sp_buf *b, sp_put_fn *put, const sp_trait *tr, long v)
{
	sp_buf tmp = SP_BUF_INIT;

	sp_trait_value_text(&tmp, tr, v);
	put(b, sp_buf_cstr(&tmp));
	b->oom |= tmp.oom;
	sp_buf_free(&tmp);
}

void
phrase_answer(sp_buf *b, sp_put_fn *put, const sp_profile *p,
    const sp_matrix *m, int t)
{
	put(b, m->traits[t].id);
	sp_buf_puts(b, ": ");
	put_value(b, put, &m->traits[t], p->value[t]);
}

void
phrase_source(sp_buf *b, sp_put_fn *put, const sp_result *r, int k, int i)
{
	const sp_crit_score *c = &r->crit[k];
	const sp_source *s = &c->from[i];
	const sp_cond *cond;
	int j, t = 0;

	switch (s->kind) {
	case SP_FROM_BASE:
		sp_buf_puts(b, "base");
		break;
	case SP_FROM_OVERRIDE:
		sp_buf_puts(b, c->override == SP_OVERRIDE_CLI ? "--weight" :
		    c->override == SP_OVERRIDE_PAIRWISE ?
		    "pairwise judgements" : "weights in profile");
		break;
	case SP_FROM_RULE:
		cond = &r->matrix->criteria[k].rules[s->rule].when;
		for (j = 0; j < s->clause; j++)
			t += cond->clause_len[j];
		for (j = 0; j < cond->clause_len[s->clause]; j++) {
			sp_buf_puts(b, j ? ", " : "");
			phrase_answer(b, put, r->profile, r->matrix,
			    cond->terms[t + j].trait);
		}
		break;
	}
}

void
phrase_weight_from(sp_buf *b, sp_put_fn *put, const sp_result *r, int k)
{
	const sp_crit_score *c = &r->crit[k];
	int i;

	for (i = 0; i < c->nfrom; i++) {
		sp_buf_puts(b, i ? ", " : "");
		phrase_source(b, put, r, k, i);
		sp_buf_printf(b, i == 0 ? " %g" : " %+g", c->from[i].delta);
	}
	if (c->clamped)
		sp_buf_printf(b, ", capped at %g", c->weight);
}

void
phrase_mover(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_report_flip *rf)
{
	const sp_crit_score *c = &rep->result->crit[rf->flip->criterion];
	const sp_criterion *cr = &rep->matrix->criteria[rf->flip->criterion];
	int i, n = 0;

	switch (rf->mover) {
	case SP_MOVER_NONE:
		break;
	case SP_MOVER_OVERRIDE:
		sp_buf_puts(b, rf->override == SP_OVERRIDE_CLI ?
		    "set by --weight" : rf->override == SP_OVERRIDE_PAIRWISE ?
		    "set by the pairwise judgements" :
		    "set by the profile's weights");
		break;
	case SP_MOVER_RAISED:
		for (i = 1; i < c->nfrom; i++) {
			if (!(c->from[i].delta > 0))
				continue;
			sp_buf_puts(b, n++ ? ", " : "raised by ");
			phrase_source(b, put, rep->result, rf->flip->criterion, i);
			sp_buf_printf(b, " %+g", c->from[i].delta);
		}
		break;
	case SP_MOVER_RULE:
		sp_buf_printf(b, "%+g when ", cr->rules[rf->rule].add);
		phrase_cond(b, put, &cr->rules[rf->rule].when, rep->matrix);
		break;
	}
}

void
phrase_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_report_flip *rf)
{
	const sp_matrix *m = rep->matrix;
	const sp_flip *f = rf->flip;
	size_t mark;

	put(b, m->options[f->option].label);
	/* At an end of the weight range the rival can only draw level. */
	if (f->at_edge) {
		sp_buf_puts(b, " would tie if ");
		put(b, m->criteria[f->criterion].label);
		sp_buf_puts(b, " weighed ");
	} else {
		sp_buf_puts(b, " would win if ");
		put(b, m->criteria[f->criterion].label);
		sp_buf_printf(b, " weighed %s than ", rf->direction < 0 ?
		    "less" : "more");
	}
	phrase_weight(b, f->flip_weight, f->weight);
	sp_buf_puts(b, " instead of ");
	phrase_weight(b, f->weight, f->flip_weight);
	sp_buf_puts(b, " (");
	mark = b->len;
	phrase_mover(b, put, rep, rf);
	if (b->len == mark && !b->oom)
		sp_buf_cut(b, mark - 2);
	else
		sp_buf_putc(b, ')');
	sp_buf_putc(b, '.');
}

void
phrase_trait_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_trait_flip *t)
{
	const sp_matrix *m = rep->matrix;

	sp_buf_puts(b, "If ");
	put(b, m->traits[t->trait].id);
	sp_buf_puts(b, " were ");
	put_value(b, put, &m->traits[t->trait], t->to);
	sp_buf_puts(b, " instead of ");
	put_value(b, put, &m->traits[t->trait], t->from);
	sp_buf_puts(b, ", ");
	if (t->option >= 0) {
		put(b, m->options[t->option].label);
		sp_buf_puts(b, " would win.");
	} else
		sp_buf_puts(b, "the top options would tie.");
}

void
phrase_confidence(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;

	put(b, rep->matrix->options[a->winner].label);
	sp_buf_printf(b, " stays ahead in %.0f%% of %d trials that move every "
	    "weight at random, by about %.0f%% for a criterion with a quarter "
	    "of the weight.", a->confidence * 100, a->draws, SP_DRAW_SD * 200);
}

/* "the weighted sum", "TOPSIS": a method as a sentence names it. */
static void
method_words(sp_buf *b, int method)
{
	const sp_method_info *mi = sp_method_info_get((sp_method)method);

	if (mi->label[0] >= 'a' && mi->label[0] <= 'z')
		sp_buf_puts(b, "the ");
	sp_buf_puts(b, mi->label);
}

void
phrase_methods(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int i;

	if (a->methods_agree) {
		size_t start = b->len;

		for (i = 0; i < SP_NMETHODS; i++) {
			sp_buf_puts(b, i == 0 ? "" : i == SP_NMETHODS - 1 ?
			    " and " : ", ");
			method_words(b, i);
		}
		/* The sentence starts with a capital. */
		if (!b->oom && b->ptr[start] >= 'a' && b->ptr[start] <= 'z')
			b->ptr[start] = (char)(b->ptr[start] - 'a' + 'A');
		sp_buf_puts(b, " all pick ");
		put(b, m->options[a->winner].label);
		sp_buf_putc(b, '.');
		return;
	}
	sp_buf_puts(b, "The methods disagree: ");
	for (i = 0; i < SP_NMETHODS; i++) {
		sp_buf_puts(b, i == 0 ? "" : i == SP_NMETHODS - 1 ? " and " :
		    ", ");
		method_words(b, i);
		sp_buf_puts(b, i == 0 ? " picks " : " ");
		if (a->method_winner[i] >= 0)
			put(b, m->options[a->method_winner[i]].label);
		else
			sp_buf_puts(b, "a tie");
	}
	sp_buf_puts(b, a->linear_agree ? "." : ", so treat this as a close "
	    "call.");
}

void
phrase_no_flips(sp_buf *b, const sp_report *rep)
{
	sp_buf_puts(b, sp_method_info_get(rep->result->method)->linear ?
	    "No single weight within 0-10 and no single profile answer "
	    "changes the answer." : "No single profile answer changes the "
	    "answer.");
}

void
phrase_critical(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_flip *f = rep->flips[rep->critical].flip;

	sp_buf_puts(b, "Most critical: ");
	put(b, rep->matrix->criteria[f->criterion].label);
	sp_buf_printf(b, ", whose weight has to change by %.0f%% to change "
	    "the answer.", f->relative_change * 100);
}

void
phrase_hybrid(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int i;

	sp_buf_puts(b, "Consider a hybrid: ");
	for (i = 0; i < 2; i++) {
		sp_buf_puts(b, i ? ", and " : "");
		put(b, m->options[a->split[i].option].label);
		sp_buf_puts(b, " for the ");
		phrase_list(b, put, a->split[i].components,
		    a->split[i].ncomponents);
	}
	sp_buf_printf(b, ".  Each clearly wins heavy needs there (%.0f%% and "
	    "%.0f%% of the total weight).", a->share[0] * 100,
	    a->share[1] * 100);
}

void
phrase_note(sp_buf *b, sp_put_fn *put, const sp_result *r, int i)
{
	const sp_note *n = &r->note[i];
	const sp_matrix *m = r->matrix;

	switch (n->kind) {
	case SP_NOTE_NO_TEAM:
		sp_buf_puts(b, "no team section: ");
		put(b, m->criteria[n->criterion].label);
		sp_buf_puts(b, " counts the same for every option");
		break;
	case SP_NOTE_TEAM_MISSING:
		sp_buf_puts(b, "the team section does not mention ");
		put(b, m->options[n->option].label);
		sp_buf_puts(b, ": its ");
		put(b, m->criteria[n->criterion].label);
		sp_buf_puts(b, " counts as 0");
		break;
	case SP_NOTE_TIE:
		phrase_tied(b, put, r);
		sp_buf_puts(b, " score the same: the matrix cannot choose between "
		    "them");
		break;
	}
}

/* "A", "A and B", "A, B and C" of the labels of criteria k[0..n). */
static void
criteria_list(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const int *k, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		sp_buf_puts(b, i == 0 ? "" : i == n - 1 ? " and " : ", ");
		put(b, rep->matrix->criteria[k[i]].label);
	}
}

void
phrase_summary_why(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	if (rep->winner < 0) {
		sp_buf_puts(b, "The top options score the same, so the matrix "
		    "cannot choose between them.");
		return;
	}
	put(b, rep->matrix->options[rep->winner].label);
	if (rep->nsummary_pro == 0) {
		sp_buf_puts(b, " is rated higher on nothing that weighs; it wins "
		    "by losing less.");
		return;
	}
	sp_buf_puts(b, " is rated higher on ");
	criteria_list(b, put, rep, rep->pro, rep->nsummary_pro);
	sp_buf_puts(b, rep->nsummary_pro > 1 ? ", which weigh most for this "
	    "project." : ", which weighs most for this project.");
}

void
phrase_summary_against(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	if (rep->winner < 0 || rep->nsummary_con == 0)
		return;
	put(b, rep->matrix->options[rep->runner_up].label);
	sp_buf_puts(b, " is rated higher on ");
	criteria_list(b, put, rep, rep->con, rep->nsummary_con);
	sp_buf_putc(b, '.');
}

/* "Clear", "Leaning", "A close call". */
static const char *
label_words(sp_label l)
{
	return l == SP_LABEL_CLEAR ? "Clear" : l == SP_LABEL_LEANING ?
	    "Leaning" : "A close call";
}

void
phrase_summary_sure(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const char *names[SP_REPORT_HINGES];
	int i;

	if (a == NULL || a->winner < 0) {
		sp_buf_puts(b, "No verdict: any change that separates the top "
		    "options decides it.");
		return;
	}
	if (rep->nhinges == 0) {
		sp_buf_printf(b, "%s: ", label_words(a->label));
		put(b, rep->matrix->options[a->winner].label);
		sp_buf_printf(b, " stays ahead in %.0f%% of random shifts of "
		    "the weights, and no single answer changes the verdict.",
		    a->confidence * 100);
		return;
	}
	for (i = 0; i < rep->nhinges; i++)
		names[i] = rep->matrix->traits[rep->hinges[i]].id;
	sp_buf_printf(b, "%s for these answers, but it hinges on ",
	    label_words(a->label));
	if (rep->nhinges_all > rep->nhinges) {
		for (i = 0; i < rep->nhinges; i++) {
			sp_buf_puts(b, i ? ", " : "");
			put(b, names[i]);
		}
		sp_buf_printf(b, " and %d more", rep->nhinges_all -
		    rep->nhinges);
	} else
		phrase_list(b, put, names, rep->nhinges);
	sp_buf_puts(b, rep->nhinges > 1 ? ": answering any one of them "
	    "differently changes the verdict." : ": answering it differently "
	    "changes the verdict.");
}

void
phrase_caveat(sp_buf *b, sp_put_fn *put, const sp_report *rep, sp_caveat c)
{
	const sp_matrix *m = rep->matrix;
	const sp_profile *p = rep->result->profile;

	switch (c) {
	case SP_CAVEAT_DEFAULTS:
		sp_buf_puts(b, "Every answer is a default: the profile does not "
		    "describe the project yet.");
		break;
	case SP_CAVEAT_NO_TEAM:
		sp_buf_puts(b, "The profile has no team section, so ");
		put(b, m->criteria[rep->team].label);
		sp_buf_puts(b, " counts the same for every option.");
		break;
	case SP_CAVEAT_TEAM_NEW:
		sp_buf_puts(b, "The team rates its ");
		put(b, m->options[rep->winner].label);
		sp_buf_printf(b, " at %d of %d (", p->team[rep->winner] < 0 ? 0 :
		    p->team[rep->winner], SP_TEAM_MAX);
		put(b, m->options[rep->runner_up].label);
		sp_buf_printf(b, " %d): budget for retraining, whose cost can "
		    "outweigh what ", p->team[rep->runner_up] < 0 ? 0 :
		    p->team[rep->runner_up]);
		put(b, m->options[rep->winner].label);
		sp_buf_puts(b, " gains here.");
		break;
	case SP_CAVEAT_METHODS:
		sp_buf_puts(b, "The three ranking methods disagree on the "
		    "winner: see how sure, below.");
		break;
	}
}

/* Musts and evidence (see phrase.h). */

static void
put_date(sp_buf *b, sp_date d)
{
	char s[16];

	sp_date_format(s, sizeof(s), d);
	sp_buf_puts(b, s);
}

void
phrase_must(sp_buf *b, sp_put_fn *put, const sp_report *rep, int j)
{
	phrase_screen_must(b, put, rep->screen, j);
}

void
phrase_screen_must(sp_buf *b, sp_put_fn *put, const sp_screen *s, int j)
{
	const sp_screen_must *mu = &s->musts[j];
	const sp_matrix *m = s->full;

	if (mu->kind == SP_MUST_MIN) {
		put(b, m->criteria[mu->target].label);
		sp_buf_printf(b, " rated at least %g", mu->min);
	} else {
		sp_buf_puts(b, mu->kind == SP_MUST_EXCLUDE ? "not " : "only ");
		put(b, m->options[mu->target].label);
	}
	if (mu->from == SP_MUST_FROM_MATRIX) {
		sp_buf_puts(b, " when ");
		phrase_cond(b, put, &m->musts[mu->index].when, m);
	}
	if (mu->why != NULL) {
		sp_buf_puts(b, " (");
		put(b, mu->why);
		sp_buf_putc(b, ')');
	}
}

void
phrase_screened(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	const sp_screened *s = &rep->screen->out[i];
	int j;

	put(b, rep->full->options[s->option].label);
	sp_buf_puts(b, " fails ");
	for (j = 0; j < s->nfails; j++) {
		sp_buf_puts(b, j == 0 ? "" : j == s->nfails - 1 ? " and " :
		    ", ");
		phrase_must(b, put, rep, s->fails[j]);
	}
	sp_buf_putc(b, '.');
}

static void
put_options(sp_buf *b, sp_put_fn *put, const sp_matrix *m, const int *o,
    int n)
{
	int i;

	for (i = 0; i < n; i++) {
		sp_buf_puts(b, i == 0 ? "" : i == n - 1 ? " and " : ", ");
		put(b, m->options[o[i]].label);
	}
}

void
phrase_relax(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	const sp_relax *r = &rep->screen->relax[i];
	const sp_matrix *m = rep->full;

	sp_buf_puts(b, "Relaxing the must \"");
	phrase_must(b, put, rep, r->must);
	sp_buf_puts(b, "\" would bring ");
	put_options(b, put, m, r->back, r->nback);
	sp_buf_puts(b, " back");
	if (!r->scored) {
		sp_buf_puts(b, " as the only option.");
	} else if (r->winner < 0) {
		sp_buf_puts(b, ", and the top options would then tie.");
	} else {
		sp_buf_puts(b, r->wins ? ", and " : "; ");
		put(b, m->options[r->winner].label);
		sp_buf_puts(b, r->wins ? " would then win." :
		    " would still win.");
	}
}

void
phrase_screen_verdict(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	if (rep->decided == SP_DECIDED_NONE) {
		sp_buf_puts(b, "No option meets every must: there is no "
		    "decision to make until one is relaxed.");
		return;
	}
	put(b, rep->full->options[rep->only].label);
	sp_buf_puts(b, " is the only option that meets every must, so "
	    "nothing is left to weigh it against.");
}

static void
put_source(sp_buf *b, sp_put_fn *put, const sp_evidence *e)
{
	put(b, e->title);
	sp_buf_puts(b, " (");
	put_date(b, e->date);
	sp_buf_putc(b, ')');
}

void
phrase_evidence_note(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i)
{
	const sp_report_evidence *n = &rep->evidence[i];
	const sp_matrix *m = rep->full;
	sp_horizon h;

	if (n->kind == SP_EVIDENCE_STALE) {
		h = sp_evidence_horizon(n->entry, m);
		sp_buf_puts(b, "The ");
		put(b, m->criteria[n->criterion].label);
		sp_buf_puts(b, " rating rests on a claim from ");
		put_date(b, n->entry->date);
		sp_buf_puts(b, " (");
		put(b, n->entry->title);
		sp_buf_printf(b, "), older than its horizon of %d %s%s", h.n,
		    h.unit == 'y' ? "year" : h.unit == 'm' ? "month" : "day",
		    h.n == 1 ? "" : "s");
		if (n->other != NULL) {
			sp_buf_puts(b, "; newer evidence disagrees: ");
			put_source(b, put, n->other);
		}
		sp_buf_putc(b, '.');
		return;
	}
	sp_buf_puts(b, "The evidence on ");
	put(b, m->criteria[n->criterion].label);
	sp_buf_puts(b, " disagrees: ");
	put_source(b, put, n->entry);
	sp_buf_puts(b, " favours ");
	put(b, m->options[n->entry->favours].label);
	sp_buf_puts(b, ", ");
	put_source(b, put, n->other);
	sp_buf_puts(b, " favours ");
	put(b, m->options[n->other->favours].label);
	sp_buf_putc(b, '.');
}

void
phrase_evidence(sp_buf *b, sp_put_fn *put, const sp_matrix *m,
    const sp_evidence *e)
{
	put(b, e->claim);
	if (e->figure != NULL) {
		sp_buf_puts(b, " [");
		put(b, e->figure);
		sp_buf_putc(b, ']');
	}
	sp_buf_puts(b, "; ");
	put_source(b, put, e);
	if (e->url != NULL) {
		sp_buf_puts(b, " <");
		put(b, e->url);
		sp_buf_putc(b, '>');
	}
	if (e->opinion)
		sp_buf_puts(b, "; the source's opinion, no figure behind it");
	if (e->favours >= 0) {
		sp_buf_puts(b, "; favours ");
		put(b, m->options[e->favours].label);
	}
}

void
phrase_amount(sp_buf *b, sp_put_fn *put, double v, const char *unit)
{
	/* Three significant digits, whole numbers from 1000 on. */
	sp_buf_printf(b, fabs(v) >= 999.5 ? "%.0f" : "%.3g", v);
	if (unit == NULL)
		return;
	sp_buf_putc(b, ' ');
	put(b, unit);
}

void
phrase_value_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_value_flip *f)
{
	const sp_matrix *m = rep->matrix;
	const sp_units *u = m->criteria[f->criterion].units;
	int up = f->flip_value > f->value;

	put(b, m->options[f->rival].label);
	sp_buf_puts(b, " would win if ");
	if (f->option == f->rival) {
		sp_buf_puts(b, "its ");
	} else {
		put(b, m->options[f->option].label);
		sp_buf_puts(b, "'s ");
	}
	put(b, m->criteria[f->criterion].label);
	sp_buf_puts(b, up ? " were over " : " were under ");
	phrase_amount(b, put, f->flip_value, u->unit);
	sp_buf_puts(b, " instead of ");
	phrase_amount(b, put, f->value, u->unit);
	sp_buf_putc(b, '.');
}

void
phrase_sources(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	double lw = 1 - a->confidence_weights, lr = 1 - a->confidence_ratings;

	if (!a->ranged || a->winner < 0)
		return;
	sp_buf_puts(b, "The draws also move every rating that has a range "
	    "within it. With only the weights moving ");
	put(b, rep->matrix->options[a->winner].label);
	sp_buf_printf(b, " stays ahead in %.0f%% of the draws, with only the "
	    "ratings in %.0f%%", a->confidence_weights * 100,
	    a->confidence_ratings * 100);
	if (lw == 0 && lr == 0)
		sp_buf_puts(b, ".");
	else if (lr > 2 * lw)
		sp_buf_puts(b, ": most of the doubt is in the ratings.");
	else if (lw > 2 * lr)
		sp_buf_puts(b, ": most of the doubt is in the weights.");
	else
		sp_buf_puts(b, ": the ratings and the weights add doubt in "
		    "like measure.");
}

void
phrase_first_places(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_result *r = rep->result;
	int i, o, no = rep->matrix->noptions;

	for (i = 0; i < no; i++) {
		o = r->rank[i];
		sp_buf_puts(b, i == 0 ? "" : i == no - 1 ? " and " : ", ");
		put(b, rep->matrix->options[o].label);
		sp_buf_printf(b, i == 0 ? " is first in %.0f%% of the draws" :
		    " in %.0f%%", a->accept[o * no] * 100);
	}
	sp_buf_putc(b, '.');
}

void
phrase_ordinal(sp_buf *b, int n)
{
	static const char *const suffix[] = { "th", "st", "nd", "rd" };
	int last = n % 10;

	sp_buf_printf(b, "%d%s", n, (n % 100) / 10 == 1 || last > 3 ?
	    "th" : suffix[last]);
}

void
phrase_central(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	const sp_result *r = rep->result;
	const sp_analysis *a = rep->analysis;
	int o = rep->central[i], k = rep->central_crit[i];
	int nc = rep->matrix->ncriteria;

	put(b, rep->matrix->options[o].label);
	sp_buf_puts(b, " ranks first in draws where ");
	put(b, rep->matrix->criteria[k].label);
	sp_buf_puts(b, " weighs ");
	phrase_weight(b, a->central[o * nc + k], r->crit[k].weight);
	sp_buf_puts(b, " on average instead of ");
	phrase_weight(b, r->crit[k].weight, a->central[o * nc + k]);
	sp_buf_putc(b, '.');
}

/* One option's entry of phrase_measured. */
static void
measured_option(sp_buf *b, sp_put_fn *put, const sp_report *rep, int k,
    int o)
{
	const sp_criterion *cr = &rep->matrix->criteria[k];
	const sp_units *u = cr->units;
	double rating = rep->result->crit[k].rating[o];

	put(b, rep->matrix->options[o].label);
	sp_buf_putc(b, ' ');
	if (u != NULL)
		phrase_amount(b, put, u->value[o], NULL);
	else
		sp_buf_printf(b, "rated %g", rating);
	if (sp_units_ranged(cr, o)) {
		sp_buf_puts(b, ", ");
		phrase_amount(b, put, u != NULL ? u->lo[o] : cr->lo[o], NULL);
		sp_buf_puts(b, " to ");
		phrase_amount(b, put, u != NULL ? u->hi[o] : cr->hi[o], NULL);
	}
	if (u != NULL)
		sp_buf_printf(b, " (rated %.3g)", rating);
}

void
phrase_measured(sp_buf *b, sp_put_fn *put, const sp_report *rep, int k)
{
	const sp_criterion *cr = &rep->matrix->criteria[k];
	int o;

	put(b, cr->label);
	if (cr->units != NULL) {
		sp_buf_puts(b, ", in ");
		put(b, cr->units->unit);
		sp_buf_puts(b, cr->units->cost ? ", lower is better" :
		    ", higher is better");
	}
	sp_buf_puts(b, ": ");
	for (o = 0; o < rep->matrix->noptions; o++) {
		if (o > 0)
			sp_buf_puts(b, "; ");
		measured_option(b, put, rep, k, rep->result->rank[o]);
	}
	sp_buf_putc(b, '.');
}

/* Pairwise judgements and groups. */

void
phrase_ratio(sp_buf *b, double r)
{
	if (r >= 1 - 1e-9)
		sp_buf_printf(b, "%.3g", r);
	else
		sp_buf_printf(b, "1/%.3g", 1 / r);
}

void
phrase_pairwise_how(sp_buf *b, const sp_report *rep)
{
	const sp_ahp *a = rep->ahp;

	sp_buf_printf(b, "%d criteria compared in %d judgement%s", a->n,
	    a->njudgements, a->njudgements == 1 ? "" : "s");
	if (a->nfilled > 0)
		sp_buf_printf(b, " (%d pair%s not judged, filled by Harker's "
		    "method)", a->nfilled, a->nfilled == 1 ? "" : "s");
	sp_buf_puts(b, ". They share ");
	if (!(a->rule_total > 0))
		sp_buf_puts(b, "weights in proportion to their priorities, "
		    "the heaviest at 10, since the rules give them none.");
	else if (a->share < a->rule_total - 1e-9)
		sp_buf_printf(b, "%.3g of the %.3g the rules give them, in "
		    "proportion to their priorities, so that the heaviest "
		    "stays at 10.", a->share, a->rule_total);
	else
		sp_buf_printf(b, "the %.3g the rules give them, in proportion "
		    "to their priorities.", a->rule_total);
}

void
phrase_pairwise_item(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	const sp_ahp *a = rep->ahp;

	put(b, rep->matrix->criteria[a->crit[i]].label);
	sp_buf_printf(b, ": weight %.2f, priority %.3f", a->weight[i],
	    a->priority[i]);
}

void
phrase_pairwise_cr(sp_buf *b, const sp_report *rep)
{
	const sp_ahp *a = rep->ahp;

	if (a->n < 3) {
		sp_buf_puts(b, "Two criteria compared once are consistent.");
		return;
	}
	sp_buf_printf(b, "Consistency ratio %.3f (lambda max %.3f, CI %.3f, "
	    "RI %.2f): ", a->cr, a->lambda, a->ci, a->ri);
	sp_buf_puts(b, a->inconsistent ? "above 0.10, the judgements "
	    "contradict each other more than Saaty's rule accepts; check them "
	    "before trusting these weights." : "within 0.10, consistent "
	    "enough.");
}

void
phrase_pairwise_worst(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	const sp_ahp *a = rep->ahp;
	const sp_judgement *j = &rep->result->profile->pair[a->worst];
	const sp_matrix *m = rep->matrix;

	sp_buf_puts(b, "Most out of line: ");
	put(b, m->criteria[j->a].label);
	sp_buf_puts(b, " against ");
	put(b, m->criteria[j->b].label);
	sp_buf_puts(b, ", judged ");
	phrase_ratio(b, j->ratio);
	sp_buf_puts(b, "; ");
	phrase_ratio(b, a->worst_fit);
	sp_buf_printf(b, " would fit the others and bring the ratio to "
	    "%.3f.", a->worst_cr);
}

void
phrase_group_how(sp_buf *b, const sp_report *rep)
{
	const sp_group *g = rep->group;

	sp_buf_printf(b, "%d members.  The group's answers are the ones most "
	    "of the say gives (the weighted median for numbers); weights set "
	    "directly are the weighted geometric mean of the members' "
	    "weights, and pairwise judgements the weighted geometric mean of "
	    "each judgement.", g->nmembers);
}

static void
pick(sp_buf *b, sp_put_fn *put, const sp_matrix *m, int o)
{
	if (o < 0)
		sp_buf_puts(b, "a tie");
	else
		put(b, m->options[o].label);
}

void
phrase_member(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	const sp_group *g = rep->group;
	const sp_member *mb = &g->member[i];

	/* Members are scored on the whole matrix, before any must. */
	put(b, mb->name);
	sp_buf_printf(b, " (say %g): ", mb->say);
	pick(b, put, g->m, mb->winner);
	if (mb->winner >= 0) {
		sp_buf_printf(b, ", %.2f ahead of ", mb->margin);
		put(b, g->m->options[mb->runner_up].label);
	}
	sp_buf_printf(b, "; agreement %.0f%%", mb->agreement * 100);
}

void
phrase_consensus(sp_buf *b, const sp_report *rep)
{
	const sp_group *g = rep->group;

	sp_buf_printf(b, "Consensus %.0f%%: on average (by say) the members "
	    "put %.0f%% of their weight where the group puts it; 100%% would "
	    "mean every member weighs every criterion as the group does.",
	    g->consensus * 100, g->consensus * 100);
}

void
phrase_disagreement(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	const sp_group *g = rep->group;
	const sp_disagreement *d = &g->dis[i];
	const sp_matrix *m = rep->group->m;
	int j;

	if (d->kind == SP_DIS_TRAIT)
		put(b, m->traits[d->index].id);
	else {
		sp_buf_puts(b, "weight of ");
		put(b, m->criteria[d->index].label);
	}
	sp_buf_puts(b, ": ");
	for (j = 0; j < g->nmembers; j++) {
		sp_buf_puts(b, j == 0 ? "" : ", ");
		put(b, g->member[j].name);
		sp_buf_puts(b, d->kind == SP_DIS_TRAIT ? " says " : " ");
		if (d->kind == SP_DIS_TRAIT)
			put_value(b, put, &m->traits[d->index],
			    g->member[j].prof.value[d->index]);
		else
			sp_buf_printf(b, "%.3g", g->member[j].weight[d->index]);
	}
	sp_buf_puts(b, "; the group ");
	if (d->kind == SP_DIS_TRAIT) {
		sp_buf_puts(b, "takes ");
		put_value(b, put, &m->traits[d->index],
		    g->prof.value[d->index]);
	} else {
		sp_buf_printf(b, "weighs it %.3g",
		    rep->result->crit[d->index].weight);
	}
	if (!d->matters) {
		sp_buf_puts(b, d->kind == SP_DIS_TRAIT ? ". No member's answer "
		    "changes the group's pick." : ". No member's weight changes "
		    "the group's pick.");
		return;
	}
	sp_buf_puts(b, ". With ");
	put(b, g->member[d->member].name);
	sp_buf_puts(b, d->kind == SP_DIS_TRAIT ? "'s answer" : "'s weight");
	sp_buf_puts(b, " the group picks ");
	pick(b, put, m, d->option);
	sp_buf_puts(b, ".");
}
