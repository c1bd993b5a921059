/*
 * The architecture decision record view of a report, in one of three
 * layouts (stackpick/adr.h): MADR 4.0.0, adr-tools' Nygard template, or
 * MADR with log4brains' metadata.  Every layout holds the same parts of
 * the report model: the context (the profile's answers), the drivers,
 * the options with their pros and cons, the outcome and its reasons, the
 * consequences, the command that confirms the decision in CI, and how
 * sure it is.  Text goes through the Markdown escaper; the sentences
 * shared with the other formats come from phrase.c.
 */
#include <ctype.h>
#include <string.h>

#include "stackpick/adr.h"
#include "stackpick/render.h"
#include "stackpick/screen.h"
#include "phrase.h"

static sp_put_fn *const put = sp_markdown_put;

/* What one rendering needs besides the report. */
struct ctx {
	sp_buf *b;
	const sp_report *rep;
	const sp_adr *a;
	const char *mark;   /* list item: "* " (MADR) or "- " */
};

/* Appends s as a YAML double-quoted scalar. */
static void
yaml_quoted(sp_buf *b, const char *s)
{
	sp_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			sp_buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			sp_buf_printf(b, "\\x%02x", c);
		else
			sp_buf_putc(b, c);
	}
	sp_buf_putc(b, '"');
}

/* The status with its first letter upper-case, as adr-tools writes it. */
static void
put_status(sp_buf *b, const char *status)
{
	size_t start = b->len;

	put(b, status);
	if (!b->oom && b->len > start)
		b->ptr[start] = (char)toupper((unsigned char)b->ptr[start]);
}

/* The title line and the metadata each layout keeps. */
static void
head(struct ctx *c, const char *title)
{
	const sp_adr *a = c->a;
	sp_buf *b = c->b;

	if (a->style == SP_ADR_MADR) {
		sp_buf_puts(b, "---\nstatus: ");
		yaml_quoted(b, a->status);
		sp_buf_printf(b, "\ndate: %s\n", a->date);
		if (a->deciders != NULL) {
			sp_buf_puts(b, "decision-makers: ");
			yaml_quoted(b, a->deciders);
			sp_buf_putc(b, '\n');
		}
		/* No blank line: adr-log takes the line after the front
		   matter as the title. */
		sp_buf_puts(b, "---\n# ");
		put(b, title);
		sp_buf_puts(b, "\n");
		return;
	}
	if (a->style == SP_ADR_NYGARD) {
		sp_buf_printf(b, "# %d. ", a->number > 0 ? a->number : 1);
		put(b, title);
		sp_buf_printf(b, "\n\nDate: %s\n\n## Status\n\n", a->date);
		put_status(b, a->status);
		sp_buf_putc(b, '\n');
		if (a->supersedes > 0) {
			sp_buf_puts(b, "\nSupersedes [");
			sp_buf_puts(b, sp_buf_cstr(&a->old_title));
			sp_buf_printf(b, "](%s)\n", sp_buf_cstr(&a->old_file));
		}
		return;
	}
	sp_buf_puts(b, "# ");
	put(b, title);
	sp_buf_puts(b, "\n\n- Status: ");
	put(b, a->status);
	if (a->deciders != NULL) {
		sp_buf_puts(b, "\n- Deciders: ");
		put(b, a->deciders);
	}
	sp_buf_printf(b, "\n- Date: %s\n- Tags: stackpick", a->date);
	if (c->rep->winner >= 0) {
		sp_buf_puts(b, ", ");
		put(b, c->rep->matrix->options[c->rep->winner].id);
	}
	sp_buf_putc(b, '\n');
}

/* A trait's value in the profile, as the profile would spell it. */
static void
trait_value(sp_buf *b, const sp_trait *tr, long v)
{
	if (tr->type == SP_TRAIT_ENUM)
		put(b, tr->values[v]);
	else if (tr->type == SP_TRAIT_BOOL)
		sp_buf_puts(b, v ? "true" : "false");
	else
		sp_buf_printf(b, "%ld", v);
}

/* The problem, and the profile's answers that set the weights. */
static void
context(struct ctx *c)
{
	const sp_matrix *m = c->rep->matrix;
	const sp_profile *p = c->rep->result->profile;
	const char *labels[SP_MAX_OPTIONS];
	sp_buf *b = c->b;
	int i, n = 0;

	for (i = 0; i < m->noptions; i++)
		labels[i] = m->options[i].label;
	sp_buf_puts(b, "Which of ");
	phrase_list(b, put, labels, m->noptions);
	sp_buf_puts(b, " should ");
	put(b, c->rep->title);
	sp_buf_puts(b, " build on?  stackpick scored the project's profile, `");
	put(b, c->rep->input);
	sp_buf_puts(b, "`, against the decision matrix \"");
	put(b, m->name);
	sp_buf_puts(b, "\".  What the profile says:\n\n");
	for (i = 0; i < m->ntraits; i++) {
		sp_buf_puts(b, c->mark);
		put(b, m->traits[i].id);
		sp_buf_puts(b, ": ");
		trait_value(b, &m->traits[i], p->value[i]);
		sp_buf_puts(b, p->given[i] ? "\n" : " (the default)\n");
	}
	for (i = 0; p->team_given && i < m->noptions; i++) {
		if (p->team[i] < 0)
			continue;
		sp_buf_puts(b, n++ ? ", " : c->mark);
		sp_buf_puts(b, n == 1 ? "team proficiency: " : "");
		put(b, m->options[i].label);
		sp_buf_printf(b, " %d", p->team[i]);
	}
	if (n > 0)
		sp_buf_printf(b, " (on a scale of %d to %d)\n", SP_TEAM_MIN,
		    SP_TEAM_MAX);
}

/* The heaviest criteria, and where each weight came from. */
static void
drivers(struct ctx *c)
{
	const sp_report *rep = c->rep;
	int i;

	for (i = 0; i < rep->ndrivers; i++) {
		const sp_crit_score *cs = &rep->result->crit[rep->driver[i]];

		sp_buf_puts(c->b, c->mark);
		put(c->b, rep->matrix->criteria[rep->driver[i]].label);
		sp_buf_printf(c->b, ", weight %g (", cs->weight);
		phrase_weight_from(c->b, put, rep->result, rep->driver[i]);
		sp_buf_puts(c->b, ")\n");
	}
}

/* The options, best first, with their scores. */
static void
options(struct ctx *c)
{
	const sp_result *r = c->rep->result;
	int i;

	for (i = 0; i < r->matrix->noptions; i++) {
		sp_buf_puts(c->b, c->mark);
		put(c->b, r->matrix->options[r->rank[i]].label);
		sp_buf_putc(c->b, '\n');
	}
}

/* How a score is read: points of the rating scale, or closeness. */
static void
scale(sp_buf *b, const sp_report *rep)
{
	const sp_matrix *m = rep->matrix;

	if (rep->result->method == SP_METHOD_TOPSIS)
		sp_buf_puts(b, "in TOPSIS closeness (0 to 1)");
	else
		sp_buf_printf(b, "on the %g-%g scale", m->scale_min,
		    m->scale_max);
}

/* "Chosen option: "X", because ..." and its reasons. */
static void
outcome(struct ctx *c, const char *lead)
{
	const sp_report *rep = c->rep;
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	const char *labels[SP_REPORT_REASONS];
	sp_buf *b = c->b;
	int i;

	if (rep->winner < 0) {
		for (i = 0; i < r->ntied && i < SP_REPORT_REASONS; i++)
			labels[i] = m->options[r->rank[i]].label;
		sp_buf_printf(b, "%s none, because ", lead);
		phrase_list(b, put, labels, i);
		sp_buf_printf(b, " tie at %.2f ", r->score[r->rank[0]]);
		scale(b, rep);
		sp_buf_puts(b, ": the matrix cannot choose between them.\n");
		return;
	}
	sp_buf_printf(b, "%s \"", lead);
	put(b, m->options[rep->winner].label);
	sp_buf_printf(b, "\", because it scores %.2f against %.2f for ",
	    r->score[rep->winner], r->score[rep->runner_up]);
	put(b, m->options[rep->runner_up].label);
	sp_buf_puts(b, " ");
	scale(b, rep);
	sp_buf_printf(b, ", a margin of %.2f", r->margin);
	for (i = 0; i < rep->npro; i++)
		labels[i] = m->criteria[rep->pro[i]].label;
	if (rep->npro > 0) {
		sp_buf_puts(b, ", and leads most on ");
		phrase_list(b, put, labels, rep->npro);
	}
	sp_buf_puts(b, ".\n");
}

/*
 * One reason on side (the winner or the runner-up) against other: the
 * criterion, its lead and weight, and why side rates as it does.
 */
static void
reason(struct ctx *c, int k, int side, int other)
{
	const sp_crit_score *cs = &c->rep->result->crit[k];
	const sp_criterion *cr = &c->rep->matrix->criteria[k];
	const sp_matrix *m = c->rep->matrix;
	sp_buf *b = c->b;

	put(b, m->options[side].label);
	sp_buf_puts(b, " leads on ");
	put(b, cr->label);
	sp_buf_printf(b, " (%+.2f, weight %g): ", cs->lead, cs->weight);
	if (cr->from_team) {
		put(b, m->options[side].label);
		sp_buf_printf(b, " rated %g, ", cs->rating[side]);
		put(b, m->options[other].label);
		sp_buf_printf(b, " %g from the team section", cs->rating[other]);
	} else if (cr->why[side] != NULL)
		put(b, cr->why[side]);
	sp_buf_putc(b, '\n');
}

static void
advice(struct ctx *c, const char *intro, const sp_advice *const *a, int n)
{
	int i;

	if (n > 0)
		sp_buf_printf(c->b, "\n%s\n\n", intro);
	for (i = 0; i < n; i++) {
		sp_buf_puts(c->b, c->mark);
		put(c->b, a[i]->text);
		sp_buf_putc(c->b, '\n');
	}
}

/* Good and bad, then what the choice commits the team to. */
static void
consequences(struct ctx *c)
{
	const sp_report *rep = c->rep;
	const sp_result *r = rep->result;
	int i, best = r->rank[0];

	for (i = 0; i < rep->npro; i++) {
		sp_buf_printf(c->b, "%sGood, because ", c->mark);
		reason(c, rep->pro[i], best, rep->runner_up);
	}
	for (i = 0; i < rep->ncon; i++) {
		sp_buf_printf(c->b, "%sBad, because ", c->mark);
		reason(c, rep->con[i], rep->runner_up, best);
	}
	if (rep->npro + rep->ncon == 0)
		sp_buf_printf(c->b, "%sNeutral, because no criterion tells the "
		    "top options apart\n", c->mark);
	advice(c, "What the team takes on:", r->checklist, r->nchecklist);
	advice(c, "Pitfalls to avoid:", r->pitfalls, r->npitfalls);
}

/* The command that re-checks the decision, and what it checks. */
static void
confirmation(struct ctx *c)
{
	sp_buf_puts(c->b, "Run in CI whenever the profile or the matrix "
	    "changes; it exits 1 when the decision no longer holds (see "
	    "stackpick's docs/ci.md):\n\n```sh\n");
	sp_adr_confirmation(c->b, c->rep, c->a);
	sp_buf_puts(c->b, "\n```\n");
}

/*
 * One option's pros and cons: each criterion that weighs anything, as
 * the option rates against the recommendation (for the recommended
 * option, against the runner-up), heaviest first.
 */
static void
pros_cons(struct ctx *c, int o)
{
	const sp_result *r = c->rep->result;
	const sp_matrix *m = c->rep->matrix;
	int other = o == r->rank[0] ? r->rank[1] : r->rank[0], k;
	sp_buf *b = c->b;

	sp_buf_puts(b, "\n### ");
	put(b, m->options[o].label);
	sp_buf_printf(b, "\n\nScores %.2f ", r->score[o]);
	scale(b, c->rep);
	sp_buf_puts(b, ".\n\n");
	for (k = 0; k < m->ncriteria; k++) {
		const sp_crit_score *cs = &r->crit[k];

		if (!(cs->weight > 0))
			continue;
		sp_buf_printf(b, "%s%s, because ", c->mark,
		    cs->rating[o] > cs->rating[other] ? "Good" :
		    cs->rating[o] < cs->rating[other] ? "Bad" : "Neutral");
		put(b, m->criteria[k].label);
		sp_buf_printf(b, " (weight %g): rated %g against %g for ",
		    cs->weight, cs->rating[o], cs->rating[other]);
		put(b, m->options[other].label);
		if (!m->criteria[k].from_team && m->criteria[k].why[o]) {
			sp_buf_puts(b, "; ");
			put(b, m->criteria[k].why[o]);
		}
		sp_buf_putc(b, '\n');
	}
}

/* How sure: the label, the confidence, the methods, the flip points. */
static void
how_sure(struct ctx *c)
{
	const sp_report *rep = c->rep;
	const sp_analysis *a = rep->analysis;
	sp_buf *b = c->b;
	int i;

	if (a == NULL || a->winner < 0)
		return;
	sp_buf_printf(b, "%sHow sure: %s.  ", c->mark,
	    sp_label_name(a->label));
	phrase_confidence(b, put, rep);
	sp_buf_puts(b, "  ");
	phrase_methods(b, put, rep);
	sp_buf_putc(b, '\n');
	for (i = 0; i < rep->nflips_shown; i++) {
		sp_buf_printf(b, "%sWhat would change it: ", c->mark);
		phrase_flip(b, put, rep, &rep->flips[i]);
		sp_buf_putc(b, '\n');
	}
	for (i = 0; i < rep->ntrait_flips_shown; i++) {
		sp_buf_printf(b, "%sWhat would change it: ", c->mark);
		phrase_trait_flip(b, put, rep, &a->trait_flips[i]);
		sp_buf_putc(b, '\n');
	}
	if (a->hybrid) {
		sp_buf_puts(b, c->mark);
		phrase_hybrid(b, put, rep);
		sp_buf_putc(b, '\n');
	}
}

/* The options screened out by the musts, and what relaxing one would
   bring back, as list items. */
static void
musts(struct ctx *c)
{
	const sp_report *rep = c->rep;
	const sp_screen *s = rep->screen;
	sp_buf *b = c->b;
	int i;

	for (i = 0; s != NULL && i < s->nout; i++) {
		sp_buf_printf(b, "%sScreened out: ", c->mark);
		phrase_screened(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
	for (i = 0; s != NULL && i < s->nrelax; i++) {
		sp_buf_puts(b, c->mark);
		phrase_relax(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
}

/* Scores, how sure, notes, tooling, the matrix, and what it replaces. */
static void
more(struct ctx *c)
{
	const sp_report *rep = c->rep;
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	sp_buf *b = c->b;
	int i;

	sp_buf_printf(b, "%sScores (%s, ", c->mark,
	    sp_method_name(r->method));
	scale(b, rep);
	sp_buf_puts(b, "): ");
	for (i = 0; i < m->noptions; i++) {
		sp_buf_puts(b, i ? ", " : "");
		put(b, m->options[r->rank[i]].label);
		sp_buf_printf(b, " %.2f", r->score[r->rank[i]]);
	}
	sp_buf_putc(b, '\n');
	how_sure(c);
	for (i = 0; i < r->nnotes; i++) {
		sp_buf_printf(b, "%sNote: ", c->mark);
		phrase_note(b, put, r, i);
		sp_buf_putc(b, '\n');
	}
	for (i = 0; i < r->ntools; i++) {
		sp_buf_printf(b, "%sTooling: ", c->mark);
		put(b, r->tools[i]->text);
		sp_buf_putc(b, '\n');
	}
	sp_buf_printf(b, "%sThe matrix: ", c->mark);
	put(b, m->name);
	if (m->source != NULL) {
		sp_buf_puts(b, " (");
		put(b, m->source);
		sp_buf_putc(b, ')');
	}
	sp_buf_putc(b, '\n');
	musts(c);
	if (c->a->supersedes > 0 && c->a->style != SP_ADR_NYGARD)
		sp_buf_printf(b, "%sSupersedes [ADR-%04d](%s)\n", c->mark,
		    c->a->supersedes, sp_buf_cstr(&c->a->old_file));
}

/* A record of a run in which fewer than two options met the musts. */
static void
screen_only(struct ctx *c)
{
	const sp_report *rep = c->rep;
	sp_buf *b = c->b;

	sp_buf_puts(b, c->a->style == SP_ADR_NYGARD ? "\n## Decision\n\n" :
	    "\n## Decision Outcome\n\n");
	if (rep->decided == SP_DECIDED_NONE) {
		sp_buf_puts(b, "No option chosen, because ");
	} else {
		sp_buf_puts(b, c->a->style == SP_ADR_NYGARD ? "We will use \"" :
		    "Chosen option: \"");
		put(b, rep->full->options[rep->only].label);
		sp_buf_puts(b, "\", because ");
	}
	phrase_screen_verdict(b, put, rep);
	sp_buf_puts(b, "\n\n");
	musts(c);
}

/* MADR 4.0.0, and log4brains' MADR with its metadata bullets. */
static void
madr(struct ctx *c)
{
	sp_buf *b = c->b;
	int i;

	sp_buf_puts(b, "\n## Context and Problem Statement\n\n");
	context(c);
	if (c->rep->ndrivers > 0)
		sp_buf_puts(b, "\n## Decision Drivers\n\n");
	drivers(c);
	sp_buf_puts(b, "\n## Considered Options\n\n");
	options(c);
	sp_buf_puts(b, "\n## Decision Outcome\n\n");
	outcome(c, "Chosen option:");
	sp_buf_puts(b, "\n### Consequences\n\n");
	consequences(c);
	sp_buf_puts(b, "\n### Confirmation\n\n");
	confirmation(c);
	sp_buf_puts(b, "\n## Pros and Cons of the Options\n");
	for (i = 0; i < c->rep->matrix->noptions; i++)
		pros_cons(c, c->rep->result->rank[i]);
	sp_buf_puts(b, "\n## More Information\n\n");
	more(c);
}

/* adr-tools' template: Context, Decision, Consequences. */
static void
nygard(struct ctx *c)
{
	sp_buf *b = c->b;

	sp_buf_puts(b, "\n## Context\n\n");
	context(c);
	if (c->rep->ndrivers > 0)
		sp_buf_puts(b, "\nWhat weighs most:\n\n");
	drivers(c);
	sp_buf_puts(b, "\nThe options considered, best first:\n\n");
	options(c);
	sp_buf_puts(b, "\n## Decision\n\n");
	outcome(c, "We will use");
	sp_buf_puts(b, "\n## Consequences\n\n");
	consequences(c);
	sp_buf_puts(b, "\nTo confirm it:\n\n");
	confirmation(c);
	sp_buf_puts(b, "\nMore information:\n\n");
	more(c);
}

sp_status
sp_render_adr(sp_buf *b, const sp_report *rep, const sp_render_opts *opts)
{
	sp_buf title = SP_BUF_INIT;
	sp_adr fallback;
	struct ctx c;

	sp_adr_init(&fallback);
	if (opts->adr == NULL)
		(void)sp_adr_set_date(&fallback, NULL);
	c.b = b;
	c.rep = rep;
	c.a = opts->adr != NULL ? opts->adr : &fallback;
	c.mark = c.a->style == SP_ADR_LOG4BRAINS ? "- " : "* ";
	sp_adr_title(&title, rep);
	head(&c, sp_buf_cstr(&title));
	if (rep->result == NULL)
		screen_only(&c);
	else if (c.a->style == SP_ADR_NYGARD)
		nygard(&c);
	else
		madr(&c);
	if (title.oom)
		b->oom = 1;
	sp_buf_free(&title);
	sp_adr_free(&fallback);
	return b->oom ? SP_ENOMEM : SP_OK;
}
