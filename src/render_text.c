/*
 * The text view of a report: the recommendation, how sure it is, what
 * carried it and what speaks for the runner-up, every criterion in a
 * table, then the checklist, pitfalls and tooling.  It formats the report
 * model and decides nothing; every sentence comes from phrase.c.
 */
#include <math.h>

#include "stackpick/ahp.h"
#include "stackpick/group.h"
#include "stackpick/render.h"
#include "stackpick/screen.h"
#include "phrase.h"

#define BAR_WIDTH 10
#define SCORE_LABEL 40

struct out {
	sp_buf *b;
	sp_buf line; /* one paragraph, before it is wrapped */
	size_t width;
	int color;
};

static const char *
sgr(const struct out *o, const char *code)
{
	return o->color ? code : "";
}

#define BOLD(o) sgr(o, "\033[1m")
#define GREEN(o) sgr(o, "\033[32m")
#define YELLOW(o) sgr(o, "\033[33m")
#define DIM(o) sgr(o, "\033[2m")
#define RESET(o) sgr(o, "\033[0m")

/* Every piece of matrix, profile or file-name text goes through this. */
static void
put(sp_buf *b, const char *s)
{
	sp_buf_put_clean(b, s);
}

/* Wraps the paragraph built in o->line and empties it. */
static void
flush(struct out *o, const char *lead, size_t indent)
{
	sp_buf_wrap(o->b, lead, indent, o->width, sp_buf_cstr(&o->line));
	o->b->oom |= o->line.oom;
	sp_buf_clear(&o->line);
}

static void
heading(struct out *o, const char *text)
{
	sp_buf_printf(o->b, "\n%s%s%s\n", BOLD(o), text, RESET(o));
}

static void
scores(struct out *o, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	size_t col = 9, n, cols;
	int i;

	/*
	 * One "Label 3.24" per option, never split; a label is cut to
	 * SCORE_LABEL columns so that every item fits a line.
	 */
	sp_buf_puts(o->b, "  Scores:");
	for (i = 0; i < m->noptions; i++) {
		put(&o->line, m->options[r->rank[i]].label);
		n = sp_text_fit(sp_buf_cstr(&o->line), SCORE_LABEL);
		cols = sp_text_columns(sp_buf_cstr(&o->line), n) + 6 +
		    (i + 1 < m->noptions);
		if (col + 1 + cols > o->width) {
			sp_buf_puts(o->b, "\n   ");
			col = 3;
		}
		sp_buf_putc(o->b, ' ');
		sp_buf_putn(o->b, sp_buf_cstr(&o->line), n);
		sp_buf_clear(&o->line);
		sp_buf_printf(o->b, " %.2f%s", r->score[r->rank[i]],
		    i + 1 < m->noptions ? "," : "");
		col += 1 + cols;
	}
	sp_buf_putc(o->b, '\n');
}

static void
headline(struct out *o, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int best = r->rank[0], second = rep->runner_up;
	sp_buf *l = &o->line;

	put(l, rep->title);
	if (rep->winner < 0) {
		sp_buf_puts(l, ": no recommendation, ");
		phrase_tied(l, put, r);
		sp_buf_printf(l, " tie at %.2f", r->score[best]);
	} else {
		sp_buf_puts(l, ": ");
		put(l, m->options[best].label);
		if (r->method == SP_METHOD_TOPSIS)
			sp_buf_printf(l, " recommended by TOPSIS, closeness "
			    "%.2f against %.2f for ", r->score[best],
			    r->score[second]);
		else
			sp_buf_printf(l, " recommended%s, %.2f against %.2f "
			    "for ", r->method == SP_METHOD_WPM ?
			    " by the weighted product" : "", r->score[best],
			    r->score[second]);
		put(l, m->options[second].label);
		if (r->method == SP_METHOD_TOPSIS)
			sp_buf_puts(l, " (0 to 1)");
		else
			sp_buf_printf(l, " (margin %.2f on the %g-%g scale)",
			    r->margin, m->scale_min, m->scale_max);
	}
	sp_buf_puts(o->b, BOLD(o));
	flush(o, "", 2);
	sp_buf_puts(o->b, RESET(o));
	if (m->noptions > 2)
		scores(o, rep);
}

/*
 * The first screen: why in plain words, what speaks against it, how sure
 * in one sentence, and every caveat that changes how to read it.
 */
static void
summary(struct out *o, const sp_report *rep)
{
	int i;

	phrase_summary_why(&o->line, put, rep);
	flush(o, "  Why: ", 4);
	if (rep->nsummary_con > 0) {
		phrase_summary_against(&o->line, put, rep);
		flush(o, "  But: ", 4);
	}
	phrase_summary_sure(&o->line, put, rep);
	flush(o, "  How sure: ", 4);
	for (i = 0; i < rep->ncaveats; i++) {
		phrase_caveat(&o->line, put, rep, rep->caveats[i]);
		flush(o, "  Note: ", 4);
	}
}

/* One reason: its lead and weight, then the rating's rationale. */
static void
reason(struct out *o, const sp_report *rep, int k, int sign)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	const sp_crit_score *c = &r->crit[k];
	const sp_criterion *cr = &m->criteria[k];
	int side = sign > 0 ? r->rank[0] : r->rank[1];
	int other = sign > 0 ? r->rank[1] : r->rank[0];

	sp_buf_printf(&o->line, "%s%c%s ", sign > 0 ? GREEN(o) : YELLOW(o),
	    sign > 0 ? '+' : '-', RESET(o));
	put(&o->line, cr->label);
	sp_buf_printf(&o->line, ": %+.2f, weight %g (", c->lead, c->weight);
	phrase_weight_from(&o->line, put, r, k);
	sp_buf_putc(&o->line, ')');
	flush(o, "  ", 4);
	if (cr->from_team) {
		put(&o->line, m->options[side].label);
		sp_buf_printf(&o->line, " rated %g, ", c->rating[side]);
		put(&o->line, m->options[other].label);
		sp_buf_printf(&o->line, " %g from the team section",
		    c->rating[other]);
	} else
		put(&o->line, cr->why[side]);
	flush(o, "    ", 4);
}

static void
reasons(struct out *o, const sp_report *rep, int sign)
{
	const sp_matrix *m = rep->matrix;
	const int *k = sign > 0 ? rep->pro : rep->con;
	int i, n = sign > 0 ? rep->npro : rep->ncon;

	if (n == 0 && (sign > 0 || rep->winner < 0))
		return;
	sp_buf_printf(o->b, "\n%s%s", BOLD(o), sign > 0 ? "Why " :
	    "What speaks for ");
	put(o->b, m->options[sign > 0 ? rep->result->rank[0] :
	    rep->runner_up].label);
	sp_buf_printf(o->b, "%s\n", RESET(o));
	if (n == 0)
		sp_buf_puts(o->b, "  Nothing: it loses or ties on every "
		    "weighted criterion.\n");
	for (i = 0; i < n; i++)
		reason(o, rep, k[i], sign);
}

/*
 * The criteria table: a label column, then weight, the two top ratings,
 * the lead and a bar.  Narrower than TABLE_WIDE, each label takes a line
 * of its own and the figures go on the next, indented.
 */
#define LABEL_WIDTH 28
#define NUM_WIDTH 31
#define TABLE_WIDE (2 + LABEL_WIDTH + NUM_WIDTH + BAR_WIDTH)

/* Starts a row: the label, and where the figures begin. */
static void
row_label(struct out *o, const char *label, int wide)
{
	sp_buf_puts(o->b, "  ");
	if (wide) {
		sp_buf_field(o->b, label, LABEL_WIDTH, 0);
		return;
	}
	sp_buf_field(o->b, label, o->width - 2, 0);
	/* The field pads to the width: no trailing blanks. */
	while (o->b->len > 0 && o->b->ptr[o->b->len - 1] == ' ')
		o->b->ptr[--o->b->len] = '\0';
	sp_buf_puts(o->b, "\n    ");
}

static void
table_head(struct out *o, const sp_report *rep, int wide)
{
	const sp_matrix *m = rep->matrix;

	sp_buf_printf(o->b, "\n%sCriteria%s", BOLD(o), RESET(o));
	if (wide)
		sp_buf_pad(o->b, LABEL_WIDTH - 6);
	else
		sp_buf_puts(o->b, "\n    ");
	sp_buf_puts(o->b, "weight ");
	sp_buf_field(o->b, m->options[rep->result->rank[0]].label, 7, 1);
	sp_buf_putc(o->b, ' ');
	sp_buf_field(o->b, m->options[rep->result->rank[1]].label, 7, 1);
	sp_buf_puts(o->b, "    lead\n");
}

static void
table(struct out *o, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int w = r->rank[0], s = r->rank[1], k, bar, wide, bars;
	double maxlead = 0;

	wide = o->width >= TABLE_WIDE;
	bars = wide ? BAR_WIDTH : (int)o->width - 4 - NUM_WIDTH;
	bars = bars > BAR_WIDTH ? BAR_WIDTH : bars;
	for (k = 0; k < m->ncriteria; k++)
		maxlead = fmax(maxlead, fabs(r->crit[k].lead));
	table_head(o, rep, wide);
	for (k = 0; k < m->ncriteria; k++) {
		const sp_crit_score *c = &r->crit[k];

		row_label(o, m->criteria[k].label, wide);
		sp_buf_printf(o->b, "%s%6.1f %7.1f %7.1f %+7.2f ",
		    c->weight > 0 ? "" : DIM(o), c->weight, c->rating[w],
		    c->rating[s], c->lead);
		bar = maxlead > 0 ? (int)lround(fabs(c->lead) / maxlead *
		    bars) : 0;
		sp_buf_puts(o->b, c->lead >= 0 ? GREEN(o) : YELLOW(o));
		while (bar-- > 0)
			sp_buf_putc(o->b, c->lead >= 0 ? '+' : '-');
		sp_buf_printf(o->b, "%s\n", RESET(o));
	}
	row_label(o, r->method == SP_METHOD_WSM ? "total (score)" :
	    "total (weighted sum)", wide);
	sp_buf_printf(o->b, "%6.1f %7.2f %7.2f %+7.2f\n", r->total_weight,
	    rep->sum[w], rep->sum[s], rep->sum_lead);
	sp_buf_printf(&o->line, "%slead: weight x rating gap / total weight, "
	    "what each criterion adds to ", DIM(o));
	put(&o->line, m->options[w].label);
	sp_buf_puts(&o->line, "'s margin over ");
	put(&o->line, m->options[s].label);
	sp_buf_puts(&o->line, RESET(o));
	flush(o, "  ", 2);
	for (k = 0; k < rep->nmeasured; k++) {
		phrase_measured(&o->line, put, rep, rep->measured[k]);
		flush(o, "  ", 4);
	}
}

static void
advice(struct out *o, const char *head, const char *mark,
    const sp_advice *const *a, int n)
{
	int i;

	if (n == 0)
		return;
	sp_buf_printf(o->b, "\n%s", BOLD(o));
	put(o->b, head);
	sp_buf_printf(o->b, "%s\n", RESET(o));
	for (i = 0; i < n; i++) {
		put(&o->line, a[i]->text);
		flush(o, mark, 6);
	}
}

static void
sure_changes(struct out *o, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	int i;

	if (rep->nflips_shown + rep->ntrait_flips_shown +
	    rep->nvalue_flips_shown > 0)
		sp_buf_wrap(o->b, "  ", 2, o->width,
		    "What would change the answer:");
	for (i = 0; i < rep->nflips_shown; i++) {
		phrase_flip(&o->line, put, rep, &rep->flips[i]);
		flush(o, "  - ", 4);
	}
	for (i = 0; i < rep->nvalue_flips_shown; i++) {
		phrase_value_flip(&o->line, put, rep, &a->value_flips[i]);
		flush(o, "  - ", 4);
	}
	for (i = 0; i < rep->ntrait_flips_shown; i++) {
		phrase_trait_flip(&o->line, put, rep, &a->trait_flips[i]);
		flush(o, "  - ", 4);
	}
	if (rep->nflips_shown + rep->ntrait_flips_shown == 0) {
		phrase_no_flips(&o->line, rep);
		flush(o, "  ", 2);
	}
	if (rep->result->method == SP_METHOD_TOPSIS)
		sp_buf_wrap(o->b, "  ", 2, o->width, "TOPSIS has no closed "
		    "form for flip points; rank with --method wsm or wpm to "
		    "see them.");
	if (rep->critical >= 0) {
		phrase_critical(&o->line, put, rep);
		flush(o, "  ", 2);
	}
}

/*
 * Rank acceptability for three or more options: the share of first
 * places in a sentence, then one row per option with its share of each
 * rank, and the central weights named.
 */
static void
ranks(struct out *o, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int i, j, opt, lw, no = m->noptions;

	if (rep->nranks == 0)
		return;
	phrase_first_places(&o->line, put, rep);
	flush(o, "  ", 2);
	/* The label column narrows to fit, as the criteria table's does. */
	lw = (int)o->width - 2 - 6 * rep->nranks;
	lw = lw > LABEL_WIDTH ? LABEL_WIDTH : lw < 8 ? 8 : lw;
	sp_buf_puts(o->b, "  ");
	sp_buf_field(o->b, "Rank in the draws", (size_t)lw, 0);
	for (j = 0; j < rep->nranks; j++) {
		phrase_ordinal(&o->line, j + 1);
		sp_buf_printf(o->b, " %5s", sp_buf_cstr(&o->line));
		sp_buf_clear(&o->line);
	}
	sp_buf_putc(o->b, '\n');
	for (i = 0; i < no; i++) {
		opt = rep->result->rank[i];
		sp_buf_puts(o->b, "  ");
		sp_buf_field(o->b, m->options[opt].label, (size_t)lw, 0);
		for (j = 0; j < rep->nranks; j++)
			sp_buf_printf(o->b, " %4.0f%%", a->accept[opt * no + j] *
			    100);
		sp_buf_putc(o->b, '\n');
	}
	for (i = 0; i < rep->ncentral; i++) {
		phrase_central(&o->line, put, rep, i);
		flush(o, "  ", 2);
	}
}

/* How sure the recommendation is, in words a tech lead reads at once. */
static void
how_sure(struct out *o, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;

	if (a == NULL)
		return;
	sp_buf_printf(o->b, "\n%sHow sure: %s%s\n", BOLD(o),
	    sp_label_name(a->label), RESET(o));
	if (a->winner < 0) {
		sp_buf_wrap(o->b, "  ", 2, o->width, "The top options tie: any "
		    "change to a weight on which they differ decides it.");
		return;
	}
	phrase_confidence(&o->line, put, rep);
	flush(o, "  ", 2);
	phrase_sources(&o->line, put, rep);
	if (o->line.len > 0)
		flush(o, "  ", 2);
	phrase_methods(&o->line, put, rep);
	flush(o, "  ", 2);
	sure_changes(o, rep);
	if (a->hybrid) {
		phrase_hybrid(&o->line, put, rep);
		flush(o, "  ", 2);
	}
	ranks(o, rep);
}

/* Each gate asked for, passed or failed, with what it found. */
static void
gates(struct out *o, const sp_report *rep)
{
	const sp_gates *g = rep->gates;
	int i;

	if (g == NULL)
		return;
	heading(o, "Gates");
	for (i = 0; i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];

		sp_buf_printf(&o->line, "%s%s%s  %s: ", gt->passed ? GREEN(o) :
		    YELLOW(o), gt->passed ? "pass" : "FAIL", RESET(o),
		    gt->name);
		put(&o->line, gt->detail);
		flush(o, "  ", 8);
	}
}

/* The musts: what each option screened out fails, and what relaxing
   one would bring back. */
static void
musts(struct out *o, const sp_report *rep)
{
	const sp_screen *s = rep->screen;
	int i;

	if (s == NULL)
		return;
	heading(o, "Musts");
	for (i = 0; i < s->nout; i++) {
		phrase_screened(&o->line, put, rep, i);
		flush(o, "  x ", 4);
	}
	for (i = 0; s->nout == 0 && i < s->nmusts; i++) {
		sp_buf_puts(&o->line, "Every option meets ");
		phrase_must(&o->line, put, rep, i);
		sp_buf_putc(&o->line, '.');
		flush(o, "  - ", 4);
	}
	for (i = 0; i < s->nrelax; i++) {
		phrase_relax(&o->line, put, rep, i);
		flush(o, "  > ", 4);
	}
}

/* A run in which fewer than two options met the musts. */
static sp_status
screen_only(struct out *o, const sp_report *rep)
{
	put(&o->line, rep->title);
	if (rep->decided == SP_DECIDED_NONE) {
		sp_buf_puts(&o->line, ": no recommendation, no option meets "
		    "every must");
	} else {
		sp_buf_puts(&o->line, ": ");
		put(&o->line, rep->full->options[rep->only].label);
		sp_buf_puts(&o->line, ", the only option that meets every "
		    "must");
	}
	sp_buf_puts(o->b, BOLD(o));
	flush(o, "", 2);
	sp_buf_puts(o->b, RESET(o));
	phrase_screen_verdict(&o->line, put, rep);
	flush(o, "  Why: ", 4);
	musts(o, rep);
	gates(o, rep);
	sp_buf_free(&o->line);
	return o->b->oom ? SP_ENOMEM : SP_OK;
}

/* What the report says about the evidence behind its reasons. */
static void
evidence(struct out *o, const sp_report *rep)
{
	int i;

	for (i = 0; i < rep->nevidence; i++) {
		phrase_evidence_note(&o->line, put, rep, i);
		flush(o, "  Evidence: ", 4);
	}
}

/* The weights from pairwise judgements, and their consistency. */
static void
pairwise(struct out *o, const sp_report *rep)
{
	int i;

	if (rep->ahp == NULL)
		return;
	heading(o, "Pairwise judgements");
	phrase_pairwise_how(&o->line, rep);
	flush(o, "  ", 2);
	for (i = 0; i < rep->ahp->n; i++) {
		phrase_pairwise_item(&o->line, put, rep, i);
		flush(o, "  - ", 4);
	}
	if (rep->ahp->inconsistent)
		sp_buf_printf(&o->line, "%sWarning:%s ", YELLOW(o), RESET(o));
	phrase_pairwise_cr(&o->line, rep);
	flush(o, "  ", 2);
	if (rep->ahp->inconsistent && rep->ahp->worst >= 0) {
		phrase_pairwise_worst(&o->line, put, rep);
		flush(o, "  ", 2);
	}
}

/* The group: how it decides, each member, the disagreements. */
static void
group(struct out *o, const sp_report *rep)
{
	const sp_group *g = rep->group;
	int i;

	if (g == NULL)
		return;
	heading(o, "Group");
	phrase_group_how(&o->line, rep);
	flush(o, "  ", 2);
	for (i = 0; i < g->nmembers; i++) {
		phrase_member(&o->line, put, rep, i);
		flush(o, "  - ", 4);
	}
	phrase_consensus(&o->line, rep);
	flush(o, "  ", 2);
	heading(o, "Where the group disagrees");
	if (g->ndis == 0) {
		sp_buf_puts(&o->line, "Nowhere: every member gives the same "
		    "answers and weights.");
		flush(o, "  ", 2);
	}
	for (i = 0; i < g->ndis; i++) {
		phrase_disagreement(&o->line, put, rep, i);
		flush(o, g->dis[i].matters ? "  ! " : "  - ", 4);
	}
}

sp_status
sp_render_text(sp_buf *b, const sp_report *rep, const sp_render_opts *opts)
{
	const sp_result *r = rep->result;
	struct out o = { b, SP_BUF_INIT, opts->width > 0 ?
	    (size_t)opts->width : 80, opts->color };
	int i;

	if (r == NULL)
		return screen_only(&o, rep);
	headline(&o, rep);
	summary(&o, rep);
	evidence(&o, rep);
	musts(&o, rep);
	if (opts->brief) {
		sp_buf_free(&o.line);
		return b->oom ? SP_ENOMEM : SP_OK;
	}
	group(&o, rep);
	how_sure(&o, rep);
	reasons(&o, rep, 1);
	reasons(&o, rep, -1);
	table(&o, rep);
	pairwise(&o, rep);
	advice(&o, "Checklist", "  [ ] ", r->checklist, r->nchecklist);
	sp_buf_puts(&o.line, "Pitfalls to avoid");
	if (rep->winner >= 0) {
		sp_buf_puts(&o.line, " with ");
		sp_buf_puts(&o.line, rep->matrix->options[rep->winner].label);
	}
	if (r->npitfalls > 0) {
		sp_buf_printf(b, "\n%s", BOLD(&o));
		put(b, sp_buf_cstr(&o.line));
		sp_buf_printf(b, "%s\n", RESET(&o));
		sp_buf_clear(&o.line);
		for (i = 0; i < r->npitfalls; i++) {
			put(&o.line, r->pitfalls[i]->text);
			flush(&o, "  !   ", 6);
		}
	}
	sp_buf_clear(&o.line);
	advice(&o, "Suggested frameworks and tooling", "  *   ", r->tools,
	    r->ntools);
	if (r->nnotes > 0) {
		heading(&o, "Notes");
		for (i = 0; i < r->nnotes; i++) {
			phrase_note(&o.line, put, r, i);
			flush(&o, "  - ", 4);
		}
	}
	gates(&o, rep);
	sp_buf_free(&o.line);
	return b->oom ? SP_ENOMEM : SP_OK;
}
