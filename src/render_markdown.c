/*
 * The Markdown view of a report, for pull-request comments and
 * architecture decision records: a heading with the recommendation, how
 * sure it is, the reasons on both sides, the criteria as a
 * GitHub-flavoured pipe table, the checklist as a task list, pitfalls,
 * tooling, notes and gates.  It formats the report model; the sentences
 * come from phrase.c.
 */
#include <math.h>
#include <string.h>

#include "stackpick/ahp.h"
#include "stackpick/group.h"
#include "stackpick/render.h"
#include "chart.h"
#include "escape.h"
#include "stackpick/screen.h"
#include "phrase.h"

/*
 * Writes s so that it shows as written: Markdown punctuation is escaped
 * with a backslash (a table cell ends at an unescaped '|'), line breaks
 * and other control bytes become spaces, since a newline would end a list
 * item or a table row, and characters that reorder text become U+FFFD.
 */
void
sp_markdown_put(sp_buf *b, const char *s)
{
	size_t n;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((n = escape_bidi_len(s)) > 0) {
			sp_buf_puts(b, "\xEF\xBF\xBD");
			s += n - 1;
		} else if (c < 0x20 || c == 0x7f)
			sp_buf_putc(b, ' ');
		else if (strchr("\\`*_[]<|&~#", c) != NULL) {
			sp_buf_putc(b, '\\');
			sp_buf_putc(b, c);
		} else
			sp_buf_putc(b, c);
	}
}

static sp_put_fn *const put = sp_markdown_put;

static void
headline(sp_buf *b, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int best = r->rank[0], second = rep->runner_up, i;

	sp_buf_puts(b, "## ");
	put(b, rep->title);
	if (rep->winner < 0) {
		sp_buf_puts(b, ": no recommendation\n\n");
		for (i = 0; i < r->ntied; i++) {
			sp_buf_puts(b, i == 0 ? "**" : i + 1 < r->ntied ?
			    ", **" : " and **");
			put(b, m->options[r->rank[i]].label);
			sp_buf_puts(b, "**");
		}
		sp_buf_printf(b, " tie at %.2f on the %g-%g scale: the matrix "
		    "cannot choose between them.\n", r->score[best],
		    m->scale_min, m->scale_max);
		return;
	}
	sp_buf_puts(b, ": ");
	put(b, m->options[best].label);
	sp_buf_puts(b, " recommended\n\n**");
	put(b, m->options[best].label);
	sp_buf_printf(b, "** scores %.2f against %.2f for ", r->score[best],
	    r->score[second]);
	put(b, m->options[second].label);
	/* TOPSIS scores are a closeness from 0 to 1, not ratings. */
	if (r->method == SP_METHOD_TOPSIS)
		sp_buf_printf(b, ": a margin of %.2f in TOPSIS closeness (0 to "
		    "1).\n", r->margin);
	else
		sp_buf_printf(b, ": a margin of %.2f points on the %g-%g "
		    "scale.\n", r->margin, m->scale_min, m->scale_max);
}

/* The flip points a reader is told about, as a table. */
static void
flips(sp_buf *b, const sp_report *rep)
{
	const sp_matrix *m = rep->matrix;
	int i;

	sp_buf_puts(b, "\n| Criterion | Weight now | Draws level at | Option | "
	    "Change needed | What moves the weight |\n"
	    "| :-- | --: | --: | :-- | --: | :-- |\n");
	for (i = 0; i < rep->nflips_shown; i++) {
		const sp_flip *fl = rep->flips[i].flip;

		sp_buf_puts(b, "| ");
		put(b, m->criteria[fl->criterion].label);
		sp_buf_printf(b, " | %.2f | %.2f | ", fl->weight,
		    fl->flip_weight);
		put(b, m->options[fl->option].label);
		if (isfinite(fl->relative_change))
			sp_buf_printf(b, " | %.0f%% | ",
			    fl->relative_change * 100);
		else
			sp_buf_puts(b, " | from 0 | ");
		phrase_mover(b, put, rep, &rep->flips[i]);
		sp_buf_puts(b, " |\n");
	}
}

/*
 * How sure the recommendation is: the label, the confidence, whether the
 * methods agree, the flip points as a table, the answers that would
 * change it, and a hybrid split when one is suggested.
 */
static void
how_sure(sp_buf *b, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	int i;

	if (a == NULL)
		return;
	sp_buf_printf(b, "\n### How sure: %s\n\n", sp_label_name(a->label));
	if (a->winner < 0) {
		sp_buf_puts(b, "The top options tie: any change to a weight on "
		    "which they differ decides it.\n");
		return;
	}
	phrase_confidence(b, put, rep);
	sp_buf_puts(b, "  ");
	if (a->ranged) {
		phrase_sources(b, put, rep);
		sp_buf_puts(b, "  ");
	}
	phrase_methods(b, put, rep);
	sp_buf_putc(b, '\n');
	if (rep->nflips_shown > 0)
		flips(b, rep);
	if (rep->nvalue_flips_shown > 0)
		sp_buf_puts(b, "\nValues that alone would change the "
		    "recommendation:\n\n");
	for (i = 0; i < rep->nvalue_flips_shown; i++) {
		sp_buf_puts(b, "- ");
		phrase_value_flip(b, put, rep, &a->value_flips[i]);
		sp_buf_putc(b, '\n');
	}
	if (rep->nflips_shown + rep->ntrait_flips_shown == 0) {
		sp_buf_putc(b, '\n');
		phrase_no_flips(b, rep);
		sp_buf_putc(b, '\n');
	}
	if (rep->critical >= 0) {
		sp_buf_putc(b, '\n');
		phrase_critical(b, put, rep);
		sp_buf_putc(b, '\n');
	}
	if (rep->result->method == SP_METHOD_TOPSIS)
		sp_buf_puts(b, "\nTOPSIS has no closed form for flip points; "
		    "rank with `--method wsm` or `wpm` to see them.\n");
	if (rep->ntrait_flips_shown > 0)
		sp_buf_puts(b, "\nAnswers that alone would change the "
		    "recommendation:\n\n");
	for (i = 0; i < rep->ntrait_flips_shown; i++) {
		sp_buf_puts(b, "- ");
		phrase_trait_flip(b, put, rep, &a->trait_flips[i]);
		sp_buf_putc(b, '\n');
	}
	if (a->hybrid) {
		sp_buf_putc(b, '\n');
		phrase_hybrid(b, put, rep);
		sp_buf_putc(b, '\n');
	}
}

/*
 * Rank acceptability for three or more options: the share of first
 * places, a table of every option's share of each rank, and the central
 * weights named.
 */
static void
ranks(sp_buf *b, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int i, j, o, no = m->noptions;

	if (a == NULL || rep->nranks == 0)
		return;
	sp_buf_puts(b, "\n### Rank acceptability\n\n");
	phrase_first_places(b, put, rep);
	sp_buf_puts(b, "\n\n| Option |");
	for (j = 0; j < rep->nranks; j++) {
		sp_buf_putc(b, ' ');
		phrase_ordinal(b, j + 1);
		sp_buf_puts(b, " |");
	}
	sp_buf_puts(b, "\n| :-- |");
	for (j = 0; j < rep->nranks; j++)
		sp_buf_puts(b, " --: |");
	sp_buf_putc(b, '\n');
	for (i = 0; i < no; i++) {
		o = rep->result->rank[i];
		sp_buf_puts(b, "| ");
		put(b, m->options[o].label);
		sp_buf_puts(b, " |");
		for (j = 0; j < rep->nranks; j++)
			sp_buf_printf(b, " %.0f%% |", a->accept[o * no + j] *
			    100);
		sp_buf_putc(b, '\n');
	}
	for (i = 0; i < rep->ncentral; i++) {
		sp_buf_puts(b, i == 0 ? "\n" : "  ");
		phrase_central(b, put, rep, i);
	}
	if (rep->ncentral > 0)
		sp_buf_putc(b, '\n');
}

/* The reasons for (sign > 0) or against the winner. */
static void
reasons(sp_buf *b, const sp_report *rep, int sign)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int side = sign > 0 ? r->rank[0] : rep->runner_up;
	int other = sign > 0 ? rep->runner_up : r->rank[0];
	const int *ks = sign > 0 ? rep->pro : rep->con;
	int i, n = sign > 0 ? rep->npro : rep->ncon;

	if (n == 0 && sign < 0 && rep->winner >= 0) {
		sp_buf_puts(b, "\n### What speaks for ");
		put(b, m->options[side].label);
		sp_buf_puts(b, "\n\nNothing: it loses or ties on every weighted "
		    "criterion.\n");
	}
	for (i = 0; i < n; i++) {
		const sp_crit_score *c = &r->crit[ks[i]];
		const sp_criterion *cr = &m->criteria[ks[i]];

		if (i == 0) {
			sp_buf_puts(b, sign > 0 ? "\n### Why " :
			    "\n### What speaks for ");
			put(b, m->options[side].label);
			sp_buf_puts(b, "\n\n");
		}
		sp_buf_puts(b, "- **");
		put(b, cr->label);
		sp_buf_printf(b, "**: %+.2f, weight %g (", c->lead, c->weight);
		phrase_weight_from(b, put, r, ks[i]);
		sp_buf_puts(b, "). ");
		if (cr->from_team) {
			put(b, m->options[side].label);
			sp_buf_printf(b, " rated %g, ", c->rating[side]);
			put(b, m->options[other].label);
			sp_buf_printf(b, " %g from the team section",
			    c->rating[other]);
		} else {
			put(b, cr->why[side]);
		}
		sp_buf_putc(b, '\n');
	}
}

/*
 * The criteria table.  Like the text report's, it explains the weighted
 * sum whatever method ranked: its last row adds up the contributions.
 */
static void
table(sp_buf *b, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int i, k;

	sp_buf_puts(b, "\n### Criteria\n\n| Criterion | Weight |");
	for (i = 0; i < m->noptions; i++) {
		sp_buf_putc(b, ' ');
		put(b, m->options[r->rank[i]].label);
		sp_buf_puts(b, " |");
	}
	sp_buf_puts(b, " Lead |\n| :-- | --: |");
	for (i = 0; i < m->noptions; i++)
		sp_buf_puts(b, " --: |");
	sp_buf_puts(b, " --: |\n");
	for (k = 0; k < m->ncriteria; k++) {
		const sp_crit_score *c = &r->crit[k];

		sp_buf_puts(b, "| ");
		put(b, m->criteria[k].label);
		sp_buf_printf(b, " | %.1f |", c->weight);
		for (i = 0; i < m->noptions; i++)
			sp_buf_printf(b, " %.1f |", c->rating[r->rank[i]]);
		sp_buf_printf(b, " %+.2f |\n", c->lead);
	}
	sp_buf_printf(b, "| **%s** | %.1f |", r->method == SP_METHOD_WSM ?
	    "Score" : "Weighted sum", r->total_weight);
	for (i = 0; i < m->noptions; i++)
		sp_buf_printf(b, i == 0 ? " **%.2f** |" : " %.2f |",
		    rep->sum[r->rank[i]]);
	sp_buf_printf(b, " %+.2f |\n\nLead: weight × rating gap / total "
	    "weight, what each criterion adds to ", rep->sum_lead);
	put(b, m->options[r->rank[0]].label);
	sp_buf_puts(b, "'s margin over ");
	put(b, m->options[r->rank[1]].label);
	sp_buf_puts(b, ".\n");
	if (rep->nmeasured > 0)
		sp_buf_putc(b, '\n');
	for (k = 0; k < rep->nmeasured; k++) {
		sp_buf_puts(b, "- ");
		phrase_measured(b, put, rep, rep->measured[k]);
		sp_buf_putc(b, '\n');
	}
}

static void
advice(sp_buf *b, const char *mark, const sp_advice *const *a, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		sp_buf_puts(b, mark);
		put(b, a[i]->text);
		sp_buf_putc(b, '\n');
	}
}

static void
gates(sp_buf *b, const sp_report *rep)
{
	const sp_gates *g = rep->gates;
	const sp_gate *base = rep->baseline;
	int i;

	if (g == NULL)
		return;
	sp_buf_puts(b, "\n### Gates\n\n| Gate | Result | Detail |\n"
	    "| :-- | :-- | :-- |\n");
	for (i = 0; i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];

		sp_buf_puts(b, "| ");
		put(b, gt->name);
		sp_buf_puts(b, gt->passed ? " | pass | " : " | **FAIL** | ");
		put(b, gt->detail);
		sp_buf_puts(b, " |\n");
	}
	if (base == NULL)
		return;
	sp_buf_puts(b, "\nMoved since the baseline:\n\n| Criterion | Weight "
	    "before | Weight now | Lead before | Lead now |\n| :-- | --: | "
	    "--: | --: | --: |\n");
	for (i = 0; i < base->nmoves; i++) {
		const sp_move *mv = &base->moves[i];

		sp_buf_puts(b, "| ");
		put(b, rep->matrix->criteria[mv->criterion].label);
		sp_buf_printf(b, " | %.1f | %.1f | %+.2f | %+.2f |\n",
		    mv->weight_before, mv->weight_after, mv->lead_before,
		    mv->lead_after);
	}
}

/* The musts: what each option screened out fails, and what relaxing
   one would bring back. */
static void
musts(sp_buf *b, const sp_report *rep)
{
	const sp_screen *s = rep->screen;
	int i;

	if (s == NULL)
		return;
	sp_buf_puts(b, "\n### Musts\n\n");
	for (i = 0; i < s->nout; i++) {
		sp_buf_puts(b, "- Out: ");
		phrase_screened(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
	for (i = 0; s->nout == 0 && i < s->nmusts; i++) {
		sp_buf_puts(b, "- Every option meets ");
		phrase_must(b, put, rep, i);
		sp_buf_puts(b, ".\n");
	}
	for (i = 0; i < s->nrelax; i++) {
		sp_buf_puts(b, "- ");
		phrase_relax(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
}

/* A run in which fewer than two options met the musts. */
static sp_status
screen_only(sp_buf *b, const sp_report *rep)
{
	sp_buf_puts(b, "## ");
	put(b, rep->title);
	if (rep->decided == SP_DECIDED_NONE) {
		sp_buf_puts(b, ": no recommendation\n\n");
	} else {
		sp_buf_puts(b, ": ");
		put(b, rep->full->options[rep->only].label);
		sp_buf_puts(b, " recommended\n\n");
	}
	phrase_screen_verdict(b, put, rep);
	sp_buf_putc(b, '\n');
	musts(b, rep);
	gates(b, rep);
	return b->oom ? SP_ENOMEM : SP_OK;
}

/* What the report says about the evidence behind its reasons. */
static void
evidence(sp_buf *b, const sp_report *rep)
{
	int i;

	if (rep->nevidence > 0)
		sp_buf_puts(b, "\n### Evidence\n\n");
	for (i = 0; i < rep->nevidence; i++) {
		sp_buf_puts(b, "- ");
		phrase_evidence_note(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
}

/* The weights from pairwise judgements, and their consistency. */
static void
pairwise(sp_buf *b, const sp_report *rep)
{
	int i;

	if (rep->ahp == NULL)
		return;
	sp_buf_puts(b, "\n### Pairwise judgements\n\n");
	phrase_pairwise_how(b, rep);
	sp_buf_puts(b, "\n\n");
	for (i = 0; i < rep->ahp->n; i++) {
		sp_buf_puts(b, "- ");
		phrase_pairwise_item(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
	sp_buf_puts(b, rep->ahp->inconsistent ? "\n**Warning:** " : "\n");
	phrase_pairwise_cr(b, rep);
	sp_buf_putc(b, '\n');
	if (rep->ahp->inconsistent && rep->ahp->worst >= 0) {
		sp_buf_putc(b, '\n');
		phrase_pairwise_worst(b, put, rep);
		sp_buf_putc(b, '\n');
	}
}

/* The group: how it decides, each member, the disagreements. */
static void
group(sp_buf *b, const sp_report *rep)
{
	const sp_group *g = rep->group;
	int i;

	if (g == NULL)
		return;
	sp_buf_puts(b, "\n### Group\n\n");
	phrase_group_how(b, rep);
	sp_buf_puts(b, "\n\n");
	for (i = 0; i < g->nmembers; i++) {
		sp_buf_puts(b, "- ");
		phrase_member(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
	sp_buf_putc(b, '\n');
	phrase_consensus(b, rep);
	sp_buf_puts(b, "\n\n### Where the group disagrees\n\n");
	if (g->ndis == 0)
		sp_buf_puts(b, "Nowhere: every member gives the same answers "
		    "and weights.\n");
	for (i = 0; i < g->ndis; i++) {
		sp_buf_puts(b, g->dis[i].matters ? "- **Matters:** " : "- ");
		phrase_disagreement(b, put, rep, i);
		sp_buf_putc(b, '\n');
	}
}

sp_status
sp_render_markdown(sp_buf *b, const sp_report *rep,
    const sp_render_opts *opts)
{
	const sp_result *r = rep->result;
	int i;

	(void)opts;
	if (r == NULL)
		return screen_only(b, rep);
	headline(b, rep);
	group(b, rep);
	musts(b, rep);
	how_sure(b, rep);
	evidence(b, rep);
	ranks(b, rep);
	reasons(b, rep, 1);
	reasons(b, rep, -1);
	table(b, rep);
	pairwise(b, rep);
	if (!opts->no_charts)
		chart_markdown(b, put, rep);
	if (r->nchecklist > 0)
		sp_buf_puts(b, "\n### Checklist\n\n");
	advice(b, "- [ ] ", r->checklist, r->nchecklist);
	if (r->npitfalls > 0) {
		sp_buf_puts(b, "\n### Pitfalls to avoid");
		if (rep->winner >= 0) {
			sp_buf_puts(b, " with ");
			put(b, rep->matrix->options[rep->winner].label);
		}
		sp_buf_puts(b, "\n\n");
	}
	advice(b, "- ", r->pitfalls, r->npitfalls);
	if (r->ntools > 0)
		sp_buf_puts(b, "\n### Suggested frameworks and tooling\n\n");
	advice(b, "- ", r->tools, r->ntools);
	if (r->nnotes > 0)
		sp_buf_puts(b, "\n### Notes\n\n");
	for (i = 0; i < r->nnotes; i++) {
		sp_buf_puts(b, "- ");
		phrase_note(b, put, r, i);
		sp_buf_putc(b, '\n');
	}
	gates(b, rep);
	return b->oom ? SP_ENOMEM : SP_OK;
}
